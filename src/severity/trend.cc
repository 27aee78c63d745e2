#include "severity/trend.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "severity/power_law_fit.h"
#include "severity/rng.h"
#include "severity/sorted_sample.h"

namespace ftf::severity {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kMinKnownForMannKendall = 5;

double Median(std::vector<double> v) {
  if (v.empty()) return kNaN;
  const size_t m = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(m), v.end());
  const double hi = v[m];
  if (v.size() % 2) return hi;
  return 0.5 * (hi + *std::max_element(v.begin(), v.begin() + static_cast<long>(m)));
}

// α from the tail count and Σ ln x of values >= xmin.
double TailAlpha(bool discrete, double n, double sum_log, double xmin) {
  if (n <= 0) return kNaN;
  if (discrete) {
    const double a = DiscreteAlphaMle(n, sum_log / n, xmin);
    return std::isfinite(a) ? a : kNaN;
  }
  const double d = sum_log - n * std::log(xmin);
  return d > 0 ? 1.0 + n / d : kNaN;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(pos));
  const double f = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

struct Row {
  double t;  // centred time in years
  bool low;
};

// Logistic regression y ~ b0 + b1 t by Newton–Raphson (IRLS).
LogisticTrend FitLogistic(const std::vector<Row>& rows, double t_first, double t_last) {
  LogisticTrend out;
  double n1 = 0;
  for (const Row& r : rows) n1 += r.low ? 1 : 0;
  const double n = static_cast<double>(rows.size());
  if (n1 == 0 || n1 == n) {
    out.slope = out.slope_se = out.odds_ratio_per_year = out.p = kNaN;
    out.fitted_first = out.fitted_last = n1 / n;
    return out;
  }
  double b0 = std::log(n1 / (n - n1)), b1 = 0;
  const double ll_null = n1 * std::log(n1 / n) + (n - n1) * std::log((n - n1) / n);
  double ll = ll_null, i00 = 0, i01 = 0, i11 = 0;
  for (int iter = 0; iter < 100; ++iter) {
    double g0 = 0, g1 = 0;
    i00 = i01 = i11 = 0;
    ll = 0;
    for (const Row& r : rows) {
      const double eta = b0 + b1 * r.t;
      const double p = 1.0 / (1.0 + std::exp(-eta));
      const double y = r.low ? 1.0 : 0.0;
      g0 += y - p;
      g1 += (y - p) * r.t;
      const double w = p * (1 - p);
      i00 += w;
      i01 += w * r.t;
      i11 += w * r.t * r.t;
      ll += y * std::log(p) + (1 - y) * std::log1p(-p);
    }
    const double det = i00 * i11 - i01 * i01;
    if (!(det > 0)) break;
    const double d0 = (i11 * g0 - i01 * g1) / det;
    const double d1 = (-i01 * g0 + i00 * g1) / det;
    b0 += d0;
    b1 += d1;
    if (std::fabs(d0) + std::fabs(d1) < 1e-12) break;
  }
  const double det = i00 * i11 - i01 * i01;
  out.slope = b1;
  out.slope_se = det > 0 ? std::sqrt(i00 / det) : kNaN;
  out.odds_ratio_per_year = std::exp(b1);
  const double dev = std::max(0.0, 2.0 * (ll - ll_null));
  out.p = std::erfc(std::sqrt(dev / 2.0));
  out.fitted_first = 1.0 / (1.0 + std::exp(-(b0 + b1 * t_first)));
  out.fitted_last = 1.0 / (1.0 + std::exp(-(b0 + b1 * t_last)));
  return out;
}

std::string FormatP(double p) {
  if (std::isnan(p)) return "p undefined";
  if (p < 0.001) return "p < 0.001";
  return fmt::format("p = {:.3f}", p);
}

std::string PeriodLabel(const PeriodStats& p) {
  return p.first_year == p.last_year ? fmt::format("{}", p.first_year)
                                     : fmt::format("{}–{}", p.first_year, p.last_year);
}

}  // namespace

Result<int> ParsePeriod(const std::string& by) {
  if (by == "year" || by == "1-year" || by == "1-years") return 1;
  const size_t dash = by.find('-');
  if (dash != std::string::npos && (by.substr(dash) == "-years" || by.substr(dash) == "-year")) {
    int n = 0;
    try {
      size_t used = 0;
      n = std::stoi(by.substr(0, dash), &used);
      if (used != dash) n = 0;
    } catch (const std::exception&) {
      n = 0;
    }
    if (n >= 1 && n <= 100) return n;
  }
  return Status::InvalidArgument(fmt::format("--by: expected 'year' or 'N-years' (e.g. 5-years), got '{}'", by));
}

MannKendall MannKendallTest(const std::vector<double>& x) {
  MannKendall mk;
  mk.n = x.size();
  const double n = static_cast<double>(x.size());
  if (x.size() < 3) {
    mk.s = mk.tau = mk.z = mk.p = kNaN;
    return mk;
  }
  double s = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    for (size_t j = i + 1; j < x.size(); ++j) s += (x[j] > x[i]) - (x[j] < x[i]);
  }
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  double ties = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const double t = static_cast<double>(j - i);
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const double var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
  mk.s = s;
  mk.tau = s / (n * (n - 1) / 2.0);
  mk.z = var > 0 ? (s - (s > 0) + (s < 0)) / std::sqrt(var) : 0.0;
  mk.p = std::erfc(std::fabs(mk.z) / std::sqrt(2.0));
  return mk;
}

std::pair<double, double> WilsonInterval(double k, double n) {
  if (n <= 0) return {kNaN, kNaN};
  const double z = 1.959963984540054;
  const double p = k / n;
  const double denom = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Result<TrendResult> AnalyseTrend(const EventFile& file, const TrendOptions& options) {
  if (options.period_years < 1) return Status::InvalidArgument("--by: the period must be at least one year");
  if (!(options.threshold >= 0)) return Status::InvalidArgument("--threshold: must be a number >= 0");
  TrendResult out;
  out.threshold = options.threshold;
  int first = 0, last = 0;
  bool any = false;
  for (const Event& e : file.events) {
    if (e.year == 0) {
      ++out.undated;
      continue;
    }
    first = any ? std::min(first, e.year) : e.year;
    last = any ? std::max(last, e.year) : e.year;
    any = true;
  }
  if (!any) {
    return Status::InvalidArgument(fmt::format(
        "{}: no event has a date; a trend needs dated events (the simple CSV schema or the GTD layout)", file.name));
  }
  // The tail threshold: the KS-optimal xmin of all known positive deaths, unless given.
  ColumnValues all;
  for (const Event& e : file.events) {
    if (e.year == 0 || std::isnan(e.deaths)) continue;
    all.values.push_back(e.deaths);
    all.lines.push_back(e.line);
  }
  if (all.values.empty()) return Status::InvalidArgument(fmt::format("{}: no dated event has known deaths", file.name));
  FTF_ASSIGN_OR_RETURN(out.discrete, ResolveDiscrete(file, "deaths", all, std::nullopt));
  if (options.xmin) {
    out.xmin = *options.xmin;
    if (!(out.xmin > 0)) return Status::InvalidArgument("--xmin: must be > 0");
  } else {
    std::vector<double> positive;
    for (double v : all.values) {
      if (v > 0) positive.push_back(v);
    }
    PowerLawOptions po;
    po.discrete = out.discrete;
    po.threads = options.threads;
    auto fit = FitPowerLaw(SortedSample::FromValues(positive), po);
    if (!fit.ok()) return fit.status().WithContext(fmt::format("{}: deaths", file.name));
    out.xmin = fit->xmin;
  }
  const int n_periods = (last - first) / options.period_years + 1;
  std::vector<std::vector<double>> deaths(static_cast<size_t>(n_periods));
  std::vector<Row> rows;
  for (const Event& e : file.events) {
    if (e.year == 0) continue;
    const size_t p = static_cast<size_t>((e.year - first) / options.period_years);
    out.periods.resize(static_cast<size_t>(n_periods));
    ++out.periods[p].attacks;
    if (std::isnan(e.deaths)) {
      ++out.unknown;
      continue;
    }
    deaths[p].push_back(e.deaths);
    const double t = e.year + (e.month > 0 ? (e.month - 0.5) / 12.0 : 0.5);
    rows.push_back({t, e.deaths <= options.threshold});
  }
  double mean_t = 0;
  for (const Row& r : rows) mean_t += r.t;
  mean_t /= static_cast<double>(rows.size());
  for (Row& r : rows) r.t -= mean_t;

  std::vector<double> shares, alphas;
  for (size_t p = 0; p < static_cast<size_t>(n_periods); ++p) {
    PeriodStats& s = out.periods[p];
    s.first_year = first + static_cast<int>(p) * options.period_years;
    s.last_year = std::min(last, s.first_year + options.period_years - 1);
    const auto& d = deaths[p];
    s.known = d.size();
    for (double v : d) s.low += v <= options.threshold ? 1 : 0;
    if (s.known > 0) {
      s.low_share = static_cast<double>(s.low) / static_cast<double>(s.known);
      std::tie(s.low_share_lo, s.low_share_hi) = WilsonInterval(static_cast<double>(s.low), static_cast<double>(s.known));
      s.median = Median(d);
      double sum = 0;
      for (double v : d) sum += v;
      s.mean = sum / static_cast<double>(s.known);
    } else {
      s.low_share = s.low_share_lo = s.low_share_hi = s.median = s.mean = kNaN;
    }
    // Tail exponent at the common xmin, with a percentile bootstrap over the period's attacks.
    std::vector<double> tail_log(d.size(), kNaN);
    double sum_log = 0;
    for (size_t i = 0; i < d.size(); ++i) {
      if (d[i] >= out.xmin) {
        tail_log[i] = std::log(d[i]);
        sum_log += tail_log[i];
        ++s.n_tail;
      }
    }
    s.alpha = s.alpha_lo = s.alpha_hi = kNaN;
    if (s.n_tail >= static_cast<size_t>(std::max(1, options.min_tail))) {
      s.alpha = TailAlpha(out.discrete, static_cast<double>(s.n_tail), sum_log, out.xmin);
      std::vector<double> boot;
      Rng rng(DeriveSeed(options.seed, p));
      for (int b = 0; b < options.bootstrap; ++b) {
        double n = 0, sl = 0;
        for (size_t i = 0; i < d.size(); ++i) {
          const double l = tail_log[rng.Below(d.size())];
          if (!std::isnan(l)) {
            n += 1;
            sl += l;
          }
        }
        const double a = TailAlpha(out.discrete, n, sl, out.xmin);
        if (std::isfinite(a)) boot.push_back(a);
      }
      s.alpha_lo = Percentile(boot, 0.025);
      s.alpha_hi = Percentile(boot, 0.975);
    }
    if (s.known >= kMinKnownForMannKendall) shares.push_back(s.low_share);
    if (std::isfinite(s.alpha)) alphas.push_back(s.alpha);
  }
  size_t with_data = 0;
  for (const auto& s : out.periods) with_data += s.known > 0 ? 1 : 0;
  if (with_data < 2) {
    return Status::InvalidArgument(fmt::format(
        "{}: known deaths in only {} period; a trend needs at least two (try a shorter --by)", file.name, with_data));
  }
  const auto& fp = out.periods.front();
  const auto& lp = out.periods.back();
  const double t_first = 0.5 * (fp.first_year + fp.last_year + 1) - mean_t;
  const double t_last = 0.5 * (lp.first_year + lp.last_year + 1) - mean_t;
  out.logistic = FitLogistic(rows, t_first, t_last);
  out.share_trend = MannKendallTest(shares);
  out.alpha_trend = MannKendallTest(alphas);

  // The verdict and the sentence.
  const LogisticTrend& lg = out.logistic;
  const MannKendall& mk = out.share_trend;
  const std::string k_text = fmt::format("{} death{}", fmt::format("{:g}", options.threshold), options.threshold == 1 ? "" : "s");
  const std::string evidence = fmt::format(
      "the fitted share of attacks with at most {} went from {:.0f}% ({}) to {:.0f}% ({}); logistic regression on "
      "time: odds ×{:.3f} a year, {}; Mann–Kendall across {} periods: τ = {:.2f}, {}",
      k_text, 100 * lg.fitted_first, PeriodLabel(fp), 100 * lg.fitted_last, PeriodLabel(lp),
      lg.odds_ratio_per_year, FormatP(lg.p), mk.n, mk.tau, FormatP(mk.p));
  if (std::isnan(lg.p) || std::isnan(mk.p)) {
    out.verdict = "untestable";
    out.sentence = fmt::format(
        "The data cannot test the forecast: {}.",
        std::isnan(lg.p) ? fmt::format("every attack with known deaths is on the same side of {}", k_text)
                         : fmt::format("fewer than 3 periods have {} or more attacks with known deaths", kMinKnownForMannKendall));
  } else {
    std::string strength;
    if (lg.p < 0.001 && mk.p < 0.01) {
      strength = "strongly";
    } else if (lg.p < 0.01 && mk.p < 0.05) {
      strength = "moderately";
    } else if (lg.p < 0.05) {
      strength = "weakly";
    }
    if (strength.empty()) {
      out.verdict = "none";
      out.sentence = fmt::format("The data do not support the forecast: there is no clear trend in the share of "
                                 "low-casualty attacks ({}).", evidence);
    } else if (lg.slope > 0) {
      out.verdict = strength == "strongly" ? "strong" : strength == "moderately" ? "moderate" : "weak";
      out.sentence = fmt::format("The data support the forecast {}: {}.", strength, evidence);
    } else {
      out.verdict = "contradicts";
      out.sentence = fmt::format("The data contradict the forecast ({}): the share of low-casualty attacks fell; {}.",
                                 strength, evidence);
    }
  }
  if (out.alpha_trend.n >= 3 && std::isfinite(out.alpha_trend.p)) {
    out.sentence += fmt::format(
        " The tail exponent (deaths >= {}) {} across {} periods (Mann–Kendall τ = {:.2f}, {}); a larger exponent "
        "means relatively fewer very deadly attacks.",
        fmt::format("{:g}", out.xmin),
        out.alpha_trend.p >= 0.05 ? "shows no clear trend" : out.alpha_trend.tau > 0 ? "rose" : "fell",
        out.alpha_trend.n, out.alpha_trend.tau, FormatP(out.alpha_trend.p));
  }
  return out;
}

}  // namespace ftf::severity
