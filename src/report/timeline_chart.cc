#include "report/timeline_chart.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "fuse/weights.h"
#include "report/claim_view.h"
#include "report/svg_chart.h"
#include "report/table.h"

namespace ftf {
namespace {

constexpr Category kCategories[] = {Category::kDeparted, Category::kReturned, Category::kDetained};

// "2017" and "2017-10" sort and compare as their first day.
int Day(const std::string& iso) { return DayNumber(iso).value_or(0); }

}  // namespace

std::vector<TimelinePanel> CountryTimeline(const ReportModel& m, const std::string& scope) {
  std::vector<TimelinePanel> panels;
  std::set<std::string> dates;
  for (Category cat : kCategories) {
    TimelinePanel p;
    p.category = cat;
    for (const Claim& c : m.claims)
      if (c.scope == scope && c.category == cat && c.subgroup == Subgroup::kAll && c.unit == Unit::kPersons &&
          !c.as_of.empty() && DayNumber(c.as_of)) {
        p.marks.push_back(c);
        dates.insert(c.as_of);
      }
    panels.push_back(std::move(p));
  }
  // The estimate as it stood at each date: fusion of the claims dated by then (every scope:
  // constraints tie countries and regions together).
  std::map<std::string, Source> sources;
  for (const Source& s : m.sources) sources.emplace(s.id, s);
  for (const std::string& d : dates) {
    std::vector<Claim> upto;
    for (const Claim& c : m.claims)
      if (!c.as_of.empty() && Day(c.as_of) <= Day(d)) upto.push_back(c);
    FusionConfig config = m.fusion_config;
    config.as_of = d;
    auto fused = Fuse(upto, sources, config);
    if (!fused.ok()) continue;
    for (TimelinePanel& p : panels)
      if (const Estimate* e = fused->Find(LedgerKey{scope, p.category, Subgroup::kAll, Unit::kPersons}))
        p.band.push_back({d, e->interval.low,
                          e->interval.bounded() ? std::optional<double>(e->interval.high) : std::nullopt});
  }
  std::erase_if(panels, [](const TimelinePanel& p) { return p.marks.empty() && p.band.empty(); });
  return panels;
}

std::string TimelineSvg(const std::string& title, const std::vector<TimelinePanel>& panels) {
  std::vector<const Claim*> all;
  std::set<std::string> source_set;
  int d0 = 0, d1 = 0;
  for (const TimelinePanel& p : panels)
    for (const Claim& c : p.marks) {
      all.push_back(&c);
      source_set.insert(c.source_id);
      int d = Day(c.as_of);
      d0 = all.size() == 1 ? d : std::min(d0, d);
      d1 = all.size() == 1 ? d : std::max(d1, d);
    }
  if (all.empty()) return "";
  d0 -= 180;
  d1 += 180;
  const std::vector<std::string> sources(source_set.begin(), source_set.end());
  auto colour = [&](const std::string& s) {
    size_t i = static_cast<size_t>(std::find(sources.begin(), sources.end(), s) - sources.begin());
    return fmt::format("hsl({},65%,40%)", (i * 137) % 360);
  };
  const int width = 720, panel_h = 150, L = 64, R = 16, T = 22, B = 24;
  const int legend_h = 18 * static_cast<int>((sources.size() + 3) / 4) + 8;
  const int height = static_cast<int>(panels.size()) * panel_h + legend_h + 20;
  auto x = [&](const std::string& d) { return L + (width - L - R) * double(Day(d) - d0) / double(d1 - d0); };
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" role=\"img\" "
      "font-family=\"sans-serif\" font-size=\"11\"><title>{}</title>\n"
      "<text x=\"{}\" y=\"14\" font-weight=\"600\">{}</text>\n",
      width, height, width, XmlEscape(title), L, XmlEscape(title));
  for (size_t pi = 0; pi < panels.size(); ++pi) {
    const TimelinePanel& p = panels[pi];
    const double top = 20 + double(pi) * panel_h;
    double vmax = 1;
    for (const Claim& c : p.marks)
      for (const auto& v : {c.low, c.best, c.high})
        if (v) vmax = std::max(vmax, *v);
    for (const TimelineBand& b : p.band) vmax = std::max(vmax, b.high.value_or(b.low));
    const double max = NiceMax(vmax * 1.1);
    auto y = [&](double v) { return top + T + (panel_h - T - B) * (1 - std::min(v, max) / max); };
    s += fmt::format("<g class=\"panel\" data-category=\"{}\"><text x=\"{}\" y=\"{:.1f}\" font-weight=\"600\">{}</text>\n",
                     Name(p.category), L, top + 14, XmlEscape(std::string(Name(p.category))));
    for (int k = 0; k <= 2; ++k) {
      double v = max * k / 2;
      s += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#eee\"/><text x=\"{}\" "
                       "y=\"{:.1f}\" text-anchor=\"end\" fill=\"#666\">{}</text>\n",
                       L, width - R, y(v), y(v), L - 6, y(v) + 4, FormatCount(v));
    }
    const int first_year = std::stoi(DayToIso(d0).substr(0, 4)) + 1, last_year = std::stoi(DayToIso(d1).substr(0, 4));
    for (int yr = first_year; yr <= last_year; ++yr)
      s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#666\">{}</text>\n",
                       x(fmt::format("{}-01-01", yr)), top + panel_h - B + 14, yr);
    for (size_t bi = 0; bi < p.band.size(); ++bi) {
      const TimelineBand& b = p.band[bi];
      double xa = x(b.date), xb = bi + 1 < p.band.size() ? x(p.band[bi + 1].date) : width - R;
      double hi = b.high.value_or(max);
      s += fmt::format(
          "<rect class=\"band\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#0b57a4\" "
          "opacity=\"0.14\"><title>{}</title></rect>\n",
          xa, y(hi), std::max(1.0, xb - xa), std::max(1.0, y(b.low) - y(hi)),
          XmlEscape(fmt::format("estimate from {}: {}–{}", b.date, FormatCount(b.low),
                                b.high ? FormatCount(*b.high) : "…")));
    }
    for (const Claim& c : p.marks) {
      const double xx = x(c.as_of);
      const std::string col = colour(c.source_id);
      const std::string tip = XmlEscape(fmt::format("{} ({}) — {}, {}\n{}", StatedFigure(c), Name(c.qualifier),
                                                    c.source_id, c.as_of,
                                                    !c.sentence.empty() ? c.sentence : !c.page.empty() ? c.page : c.note));
      std::string shape;
      if ((c.qualifier == Qualifier::kMoreThan || c.qualifier == Qualifier::kAtLeast) && c.low)
        shape = fmt::format("<path class=\"mark arrow up\" d=\"M{0:.1f} {1:.1f} l-5 7 h10 z M{0:.1f} {2:.1f} v-10\" "
                            "stroke=\"{3}\" fill=\"{3}\" stroke-width=\"2\"/>",
                            xx, y(*c.low) - 16, y(*c.low), col);
      else if ((c.qualifier == Qualifier::kFewerThan || c.qualifier == Qualifier::kAtMost) && c.high)
        shape = fmt::format("<path class=\"mark arrow down\" d=\"M{0:.1f} {1:.1f} l-5 -7 h10 z M{0:.1f} {2:.1f} v10\" "
                            "stroke=\"{3}\" fill=\"{3}\" stroke-width=\"2\"/>",
                            xx, y(*c.high) + 16, y(*c.high), col);
      else if (c.low && c.high && *c.low != *c.high)
        shape = fmt::format("<line class=\"mark bar\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" "
                            "stroke=\"{3}\" stroke-width=\"5\" stroke-linecap=\"round\"/>",
                            xx, y(*c.low), y(*c.high), col);
      else if (auto v = c.best ? c.best : c.low ? c.low : c.high)
        shape = fmt::format("<circle class=\"mark point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\"/>", xx,
                            y(*v), col);
      s += fmt::format("<g class=\"tl-mark\"><title>{}</title>{}</g>\n", tip, shape);
    }
    s += "</g>\n";
  }
  for (size_t k = 0; k < sources.size(); ++k) {
    double lx = L + double(k % 4) * (width - L) / 4.0;
    double ly = 20 + double(panels.size()) * panel_h + 14 + 18 * double(k / 4);
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                     lx, ly - 4, colour(sources[k]), lx + 8, ly, XmlEscape(sources[k]));
  }
  return s + "</svg>\n";
}

}  // namespace ftf
