#include "severity/svg_plot.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "severity/hurwitz_zeta.h"

namespace ftf::severity {
namespace {

constexpr double kWidth = 640, kHeight = 440;
constexpr double kLeft = 70, kRight = 20, kTop = 40, kBottom = 50;
constexpr const char* kFont = "font-family=\"sans-serif\" font-size=\"12\"";

std::string Header(double width, double height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n"
      "<title>{2}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{3}\" y=\"22\" {4} font-size=\"14\" text-anchor=\"middle\">{2}</text>\n",
      width, height, SvgEscape(title), width / 2, kFont);
}

std::string TickLabel(double v) {
  if (v >= 1e5 || v < 1e-3) return fmt::format("1e{}", static_cast<int>(std::lround(std::log10(v))));
  if (v >= 1) return fmt::format("{:g}", v);
  return fmt::format("{:g}", v);
}

// A linear map from data to pixels.
struct Axis {
  double d0, d1, p0, p1;
  double operator()(double v) const { return p0 + (v - d0) / (d1 - d0) * (p1 - p0); }
};

}  // namespace

std::string SvgEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string CcdfSvg(const SortedSample& sample, const PowerLawFit& fit, const std::string& title) {
  const auto& v = sample.values();
  const double n = sample.total();
  const double lx0 = std::floor(std::log10(v.front())), lx1 = std::ceil(std::log10(v.back()));
  const double ly0 = std::floor(std::log10(1.0 / n)), ly1 = 0.0;
  const Axis ax{lx0, std::max(lx1, lx0 + 1), kLeft, kWidth - kRight};
  const Axis ay{ly0, ly1, kHeight - kBottom, kTop};
  std::string s = Header(kWidth, kHeight, title);
  // Grid and ticks at powers of ten.
  for (double e = lx0; e <= ax.d1; e += 1) {
    const double x = ax(e);
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#ddd\"/>\n", x, kTop, kHeight - kBottom);
    s += fmt::format("<text x=\"{:.1f}\" y=\"{}\" {} text-anchor=\"middle\">{}</text>\n", x, kHeight - kBottom + 16, kFont,
                     TickLabel(std::pow(10.0, e)));
  }
  for (double e = ly0; e <= ly1; e += 1) {
    const double y = ay(e);
    s += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>\n", kLeft, y, kWidth - kRight);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" {} text-anchor=\"end\">{}</text>\n", kLeft - 6, y + 4, kFont,
                     TickLabel(std::pow(10.0, e)));
  }
  s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333\"/>\n", kLeft, kTop,
                   kWidth - kLeft - kRight, kHeight - kTop - kBottom);
  s += fmt::format("<text x=\"{}\" y=\"{}\" {} text-anchor=\"middle\">x</text>\n", (kLeft + kWidth - kRight) / 2,
                   kHeight - 12, kFont);
  s += fmt::format("<text x=\"16\" y=\"{0}\" {1} text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">P(X ≥ x)</text>\n",
                   (kTop + kHeight - kBottom) / 2, kFont);
  // Data: one point per distinct value.
  s += "<g fill=\"none\" stroke=\"#1f77b4\">\n";
  for (size_t i = 0; i < v.size(); ++i) {
    const double p = sample.suffix_n(i) / n;
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>\n", ax(std::log10(v[i])), ay(std::log10(p)));
  }
  s += "</g>\n";
  // The fitted tail from xmin to the largest value.
  const double share = fit.n_tail / n;
  const double z0 = fit.discrete ? HurwitzZeta(fit.alpha, fit.xmin) : 0.0;
  std::string path;
  const int steps = 120;
  const double a = std::log10(fit.xmin), b = std::log10(v.back());
  double last_x = -1;
  for (int k = 0; k <= steps; ++k) {
    double x = std::pow(10.0, a + (b - a) * k / steps);
    if (fit.discrete) x = std::round(x);
    if (x == last_x) continue;
    last_x = x;
    const double surv = fit.discrete ? HurwitzZeta(fit.alpha, x) / z0 : std::pow(x / fit.xmin, 1.0 - fit.alpha);
    const double y = std::log10(share * surv);
    if (y < ly0) break;
    path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", ax(std::log10(x)), ay(y));
  }
  s += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>\n", path);
  const double xm = ax(std::log10(fit.xmin));
  s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>\n",
                   xm, kTop, kHeight - kBottom);
  s += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\" {} fill=\"#d62728\">xmin = {:g}, α = {:.3f} ± {:.3f}, n_tail = {:g}</text>\n", xm + 6,
      kTop + 16, kFont, fit.xmin, fit.alpha, fit.sigma_alpha, fit.n_tail);
  s += "</svg>\n";
  return s;
}

std::string TrendSvg(const TrendResult& trend, const std::string& title) {
  const double panel = 200, gap = 50;
  const double height = kTop + 2 * panel + gap + kBottom;
  std::string s = Header(kWidth, height, title);
  const auto& ps = trend.periods;
  const double t0 = ps.front().first_year, t1 = ps.back().last_year + 1;
  const Axis ax{t0, t1, kLeft, kWidth - kRight};
  auto mid = [](const PeriodStats& p) { return 0.5 * (p.first_year + p.last_year + 1); };
  // Year ticks: about eight.
  const double span = t1 - t0;
  const double step = span <= 10 ? 1 : span <= 25 ? 5 : span <= 60 ? 10 : 20;
  auto panel_frame = [&](double top, double y0, double y1, const std::string& label, const Axis& ay) {
    std::string f;
    f += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333\"/>\n", kLeft, top,
                     kWidth - kLeft - kRight, panel);
    for (int k = 0; k <= 4; ++k) {
      const double v = y0 + (y1 - y0) * k / 4;
      const double y = ay(v);
      f += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/>\n", kLeft, y, kWidth - kRight);
      f += fmt::format("<text x=\"{}\" y=\"{:.1f}\" {} text-anchor=\"end\">{:.3g}</text>\n", kLeft - 6, y + 4, kFont, v);
    }
    for (double t = std::ceil(t0 / step) * step; t <= t1; t += step) {
      f += fmt::format("<text x=\"{:.1f}\" y=\"{}\" {} text-anchor=\"middle\">{:g}</text>\n", ax(t), top + panel + 16,
                       kFont, t);
    }
    f += fmt::format("<text x=\"16\" y=\"{0}\" {1} text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">{2}</text>\n",
                     top + panel / 2, kFont, SvgEscape(label));
    return f;
  };
  auto series = [&](double top, const Axis& ay, auto value, auto lo, auto hi, const char* colour) {
    std::string g = fmt::format("<g stroke=\"{0}\" fill=\"{0}\">\n", colour);
    std::string path;
    for (const auto& p : ps) {
      const double v = value(p);
      if (!std::isfinite(v)) continue;
      const double x = ax(mid(p));
      if (std::isfinite(lo(p)) && std::isfinite(hi(p))) {
        g += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n", x, ay(lo(p)), ay(hi(p)));
      }
      g += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"/>\n", x, ay(v));
      path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", x, ay(v));
    }
    g += fmt::format("<path d=\"{}\" fill=\"none\" stroke-opacity=\"0.5\"/>\n</g>\n", path);
    (void)top;
    return g;
  };
  // Panel 1: low-casualty share, 0..1.
  const double top1 = kTop;
  const Axis ay1{0, 1, top1 + panel, top1};
  s += panel_frame(top1, 0, 1, fmt::format("share with ≤ {:g} deaths", trend.threshold), ay1);
  s += series(top1, ay1, [](const PeriodStats& p) { return p.low_share; },
              [](const PeriodStats& p) { return p.low_share_lo; }, [](const PeriodStats& p) { return p.low_share_hi; },
              "#1f77b4");
  // Panel 2: α with its interval.
  const double top2 = kTop + panel + gap;
  double a0 = 1e300, a1 = -1e300;
  for (const auto& p : ps) {
    for (double v : {p.alpha, p.alpha_lo, p.alpha_hi}) {
      if (std::isfinite(v)) {
        a0 = std::min(a0, v);
        a1 = std::max(a1, v);
      }
    }
  }
  if (a0 > a1) {
    a0 = 1.5;
    a1 = 3.5;
  }
  if (a1 - a0 < 0.2) {
    a0 -= 0.1;
    a1 += 0.1;
  }
  const Axis ay2{a0, a1, top2 + panel, top2};
  s += panel_frame(top2, a0, a1, fmt::format("tail exponent α (x ≥ {:g})", trend.xmin), ay2);
  s += series(top2, ay2, [](const PeriodStats& p) { return p.alpha; }, [](const PeriodStats& p) { return p.alpha_lo; },
              [](const PeriodStats& p) { return p.alpha_hi; }, "#d62728");
  s += "</svg>\n";
  return s;
}

}  // namespace ftf::severity
