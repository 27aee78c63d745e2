#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/table.h"

namespace ftf {

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

double NiceMax(double v) {
  if (!(v > 0)) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

namespace {
std::string F(double v) { return fmt::format("{:.1f}", v); }
}  // namespace

std::string BarIntervalChart(const std::vector<BarDatum>& data, const ChartOptions& o) {
  const int top = o.title.empty() ? 8 : 28, right = 90, row = o.bar_height + 6;
  const int height = top + static_cast<int>(data.size()) * row + 30;
  double max = 0;
  for (const BarDatum& d : data)
    for (const auto& v : {d.low, d.best, d.high})
      if (v) max = std::max(max, *v);
  max = NiceMax(max);
  const double x0 = o.label_width, x1 = o.width - right;
  auto X = [&](double v) { return x0 + (x1 - x0) * std::clamp(v / max, 0.0, 1.0); };
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "font-family=\"sans-serif\" font-size=\"11\">\n<title>{}</title>\n",
      o.width, height, o.width, height, XmlEscape(o.title));
  if (!o.title.empty())
    s += fmt::format("<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>\n", XmlEscape(o.title));
  const double axis_y = top + static_cast<double>(data.size()) * row + 2;
  for (int k = 0; k <= 4; ++k) {
    double v = max * k / 4, x = X(v);
    s += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#e6e6e6\"/>"
                     "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" fill=\"#666\">{4}</text>\n",
                     F(x), top - 4, F(axis_y), F(axis_y + 14), XmlEscape(FormatCount(v)));
  }
  if (!o.axis_label.empty())
    s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#666\">{}</text>\n", F((x0 + x1) / 2),
                     F(axis_y + 27), XmlEscape(o.axis_label));
  for (size_t i = 0; i < data.size(); ++i) {
    const BarDatum& d = data[i];
    const double y = top + static_cast<double>(i) * row;
    const double mid = y + o.bar_height / 2.0;
    s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", F(x0 - 6), F(mid + 4), XmlEscape(d.label));
    std::optional<double> bar = d.best ? d.best : d.low;
    if (bar)
      s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fc8d59\"/>", F(x0), F(y),
                       F(X(*bar) - x0), o.bar_height);
    if (d.low && (d.high ? *d.high > *d.low : true)) {
      double hx = d.high ? X(*d.high) : x1;
      s += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#7f0000\" stroke-width=\"1.5\"{3}/>",
                       F(X(*d.low)), F(hx), F(mid), d.high ? "" : " stroke-dasharray=\"4 3\"");
      s += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#7f0000\" stroke-width=\"1.5\"/>",
                       F(X(*d.low)), F(mid - 4), F(mid + 4));
      if (d.high)
        s += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#7f0000\" stroke-width=\"1.5\"/>",
                         F(hx), F(mid - 4), F(mid + 4));
      else
        s += fmt::format("<path d=\"M{} {} l-6 -4 v8 z\" fill=\"#7f0000\"/>", F(hx), F(mid));
    }
    if (d.best) s += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#7f0000\"/>", F(X(*d.best)), F(mid));
    double tx = std::max({bar ? X(*bar) : x0, d.high ? X(*d.high) : (d.low ? x1 : x0)}) + 6;
    s += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#333\">{}</text>\n", F(std::min(tx, x1 + 6.0)), F(mid + 4),
                     XmlEscape(d.note));
  }
  s += "</svg>\n";
  return s;
}

}  // namespace ftf
