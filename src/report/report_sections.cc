#include "report/report_sections.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "geo/gazetteer.h"
#include "report/fusion_view.h"
#include "report/ledger_view.h"
#include "report/risk_view.h"
#include "report/svg_chart.h"
#include "report/timeline_chart.h"

namespace ftf {
namespace {

const LedgerEntry* FindEntry(const ReportModel& m, const std::string& scope, Category c, Subgroup s) {
  for (const LedgerEntry& e : m.ledger)
    if (e.key.scope == scope && e.key.category == c && e.key.subgroup == s && e.key.unit == Unit::kPersons) return &e;
  return nullptr;
}

BarDatum Datum(const std::string& label, const LedgerEntry& e) {
  BarDatum d;
  d.label = label;
  d.low = e.interval.low;
  if (e.interval.bounded()) d.high = e.interval.high;
  d.best = e.interval.best;
  d.note = CompactFigure(e);
  return d;
}

// What the ranking sorts by: the best value, else the low end (a wide interval is not ranked
// by a midpoint no source stated).
double RankValue(const LedgerEntry& e) { return e.interval.best ? *e.interval.best : e.interval.low; }

ReportSection Summary(const ReportModel& m) {
  ReportSection s{"summary", "Global summary", {}, {}, {}, {}};
  const Gazetteer& geo = Gazetteer::Bundled();
  std::set<std::string> countries, with_returns;
  for (const LedgerEntry& e : m.ledger) {
    if (!geo.CountryByIso3(e.key.scope) || e.key.unit != Unit::kPersons || e.key.subgroup != Subgroup::kAll) continue;
    if (e.key.category == Category::kDeparted) countries.insert(e.key.scope);
    if (e.key.category == Category::kReturned) with_returns.insert(e.key.scope);
  }
  auto world = [&](Category c, Subgroup sg, const char* what) {
    auto f = WorldFigure(m, c, sg);
    if (f) s.bullets.push_back(fmt::format("{}: {} ({}).", what, f->text, f->basis));
  };
  world(Category::kDeparted, Subgroup::kAll, "Departed to join the Islamic State and similar groups");
  world(Category::kReturned, Subgroup::kAll, "Returned");
  world(Category::kDeparted, Subgroup::kWomen, "Women among those who departed");
  world(Category::kDeparted, Subgroup::kMinors, "Minors among those who departed");
  s.bullets.push_back(fmt::format("{} countries have a figure for departures; {} have one for returns.",
                                  countries.size(), with_returns.size()));
  std::map<std::string, int> tiers;
  for (const CountryRisk& r : m.risk.rows) tiers[r.tier ? std::string(Name(*r.tier)) : "unknown"]++;
  std::string tier_text;
  for (const char* t : {"severe", "high", "elevated", "moderate", "low", "unknown"})
    if (tiers.count(t)) tier_text += fmt::format("{}{} {}", tier_text.empty() ? "" : ", ", tiers[t], t);
  if (!tier_text.empty()) s.bullets.push_back("Returnee exposure tiers: " + tier_text + ".");
  s.bullets.push_back(fmt::format("{} claims from {} sources; {} conflicts where sources disagree beyond their "
                                  "stated uncertainty.",
                                  m.claims.size(), m.sources.size(), m.fusion.conflicts.size()));
  s.paragraphs.push_back(
      "Every figure is an interval: the low and high ends that the sources allow, and a best value where a source "
      "gave one. A sum over countries covers only the countries with a figure, so it is a lower bound for the "
      "region or the world.");
  // Top departures by country.
  std::vector<const LedgerEntry*> dep;
  for (const LedgerEntry& e : m.ledger)
    if (geo.CountryByIso3(e.key.scope) && e.key.category == Category::kDeparted && e.key.subgroup == Subgroup::kAll &&
        e.key.unit == Unit::kPersons)
      dep.push_back(&e);
  std::sort(dep.begin(), dep.end(), [](const LedgerEntry* a, const LedgerEntry* b) {
    return RankValue(*a) != RankValue(*b) ? RankValue(*a) > RankValue(*b) : a->key.scope < b->key.scope;
  });
  std::vector<BarDatum> bars;
  for (size_t i = 0; i < dep.size() && i < 20; ++i) bars.push_back(Datum(geo.ScopeName(dep[i]->key.scope), *dep[i]));
  if (!bars.empty())
    s.charts.push_back(BarIntervalChart(bars, {"Departed: the 20 largest country figures, with intervals", "persons"}));
  return s;
}

ReportSection Regions(const ReportModel& m) {
  ReportSection s{"regions", "Regions", {}, {}, {}, {}};
  s.paragraphs.push_back(
      "Countries' sum: the interval sum of the member countries' estimates (coverage: members with a figure). "
      "Stated total: the region's own estimate where a source gave one.");
  std::vector<Aggregate> shown;
  std::vector<BarDatum> bars;
  for (const Aggregate& a : m.fusion.aggregates) {
    if (a.adhoc || a.subgroup != Subgroup::kAll) continue;
    if (a.category != Category::kDeparted && a.category != Category::kReturned) continue;
    shown.push_back(a);
    if (a.category == Category::kDeparted && a.region != "World" && a.covered > 0) {
      BarDatum d;
      d.label = a.region;
      d.low = a.sum.low;
      if (a.sum.bounded()) d.high = a.sum.high;
      d.best = a.sum.best;
      d.note = a.sum.ToString();
      bars.push_back(d);
    }
  }
  s.tables.emplace_back("Departed and returned, by region", AggregatesTable(shown));
  std::sort(bars.begin(), bars.end(), [](const BarDatum& a, const BarDatum& b) {
    return a.low.value_or(0) != b.low.value_or(0) ? a.low.value_or(0) > b.low.value_or(0) : a.label < b.label;
  });
  if (bars.size() > 20) bars.resize(20);
  if (!bars.empty())
    s.charts.push_back(BarIntervalChart(bars, {"Departed: sum of country figures by region", "persons", 720, 18, 220}));
  return s;
}

ReportSection Ledger(const ReportModel& m) {
  ReportSection s{"ledger", "Per-country ledger", {}, {}, {}, {}};
  s.paragraphs.push_back(
      "One row per country or region, one column per figure. Each cell: the fused estimate (~ about, > more than, "
      "≥ at least, < fewer than, a–b range; ! = sources disagree) and, in brackets, how many sources stand behind it.");
  s.tables.emplace_back("Ledger", LedgerWideTable(m.ledger));
  return s;
}

ReportSection WomenMinors(const ReportModel& m) {
  ReportSection s{"women-minors", "Women and minors", {}, {}, {}, {}};
  s.paragraphs.push_back(
      "Women and minors who departed and who returned, where a source counted them. Minors include children born in "
      "the theatre when the source counts them so (see each claim's note).");
  const Gazetteer& geo = Gazetteer::Bundled();
  Table t({"Country", "Women departed", "Minors departed", "Women returned", "Minors returned"},
          {Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  std::set<std::string> scopes;
  for (const LedgerEntry& e : m.ledger)
    if ((e.key.subgroup == Subgroup::kWomen || e.key.subgroup == Subgroup::kMinors) && e.key.unit == Unit::kPersons &&
        (e.key.category == Category::kDeparted || e.key.category == Category::kReturned))
      scopes.insert(e.key.scope);
  std::vector<std::string> ordered(scopes.begin(), scopes.end());
  std::sort(ordered.begin(), ordered.end(),
            [&](const std::string& a, const std::string& b) { return geo.ScopeName(a) < geo.ScopeName(b); });
  std::vector<BarDatum> bars;
  for (const std::string& sc : ordered) {
    auto cell = [&](Category c, Subgroup g) {
      const LedgerEntry* e = FindEntry(m, sc, c, g);
      return e ? CompactFigure(*e) : std::string();
    };
    t.AddRow({geo.ScopeName(sc), cell(Category::kDeparted, Subgroup::kWomen), cell(Category::kDeparted, Subgroup::kMinors),
              cell(Category::kReturned, Subgroup::kWomen), cell(Category::kReturned, Subgroup::kMinors)});
    if (const LedgerEntry* e = FindEntry(m, sc, Category::kDeparted, Subgroup::kMinors))
      bars.push_back(Datum(geo.ScopeName(sc), *e));
  }
  s.tables.emplace_back("Women and minors", t);
  if (!bars.empty()) s.charts.push_back(BarIntervalChart(bars, {"Minors who departed", "persons"}));
  return s;
}

ReportSection Risk(const ReportModel& m) {
  ReportSection s{"risk", "Risk tiers", {}, {}, {}, {}};
  s.paragraphs.push_back(
      "Returnee exposure per country, never about individuals: returnees, returnees per million inhabitants, those "
      "still in theatre and women and minors returned are graded into bands; their weighted mean gives the tier. A "
      "tier range (moderate–severe) means the low and high ends of the estimates give different tiers. Expected "
      "plotters multiply returnees by published base rates (docs/risk.md).");
  s.tables.emplace_back("Risk tiers", RiskReportTable(m.risk));
  std::vector<BarDatum> bars;
  for (const CountryRisk& r : m.risk.rows) {
    if (!r.per_million || bars.size() >= 20) continue;
    BarDatum d;
    d.label = r.name;
    d.low = r.per_million->low;
    if (r.per_million->bounded()) d.high = r.per_million->high;
    d.best = r.per_million->best;
    d.note = fmt::format("{:.1f} · {}", r.per_million->best.value_or(r.per_million->low), TierText(r));
    bars.push_back(d);
  }
  if (!bars.empty())
    s.charts.push_back(BarIntervalChart(bars, {"Returnees per million inhabitants (highest-ranked countries)",
                                               "returnees per million", 720, 18, 170}));
  return s;
}

ReportSection Conflicts(const ReportModel& m) {
  ReportSection s{"conflicts", "Conflicts", {}, {}, {}, {}};
  s.paragraphs.push_back(fmt::format(
      "{} places where sources disagree beyond their stated uncertainty: claims of one period that do not overlap "
      "(disagreement), a newer cumulative figure below an older one (decrease), or estimates of several keys that "
      "cannot all hold (constraint). The estimate covers every credible side.",
      m.fusion.conflicts.size()));
  s.tables.emplace_back("Conflicts", ConflictsSummaryTable(m.fusion.conflicts));
  return s;
}

ReportSection Method(const ReportModel& m) {
  ReportSection s{"method", "Method notes and sources", {}, {}, {}, {}};
  s.paragraphs.push_back(
      "Claims: every figure is stored as its source states it (qualifier and numbers), with its source, date and, for "
      "ingested texts, the sentence and byte span it came from. Each claim becomes an interval: exact N is [N, N]; "
      "approximately N widens N by its rounding and a hedge margin; more than N is open upwards; ranges are kept; "
      "vague words map to fixed ranges (docs/intervals.md).");
  s.paragraphs.push_back(fmt::format(
      "Fusion: per country, category and subgroup, claims are weighted by the kind of source (government and "
      "intergovernmental {:.1f}, think tank and academic {:.1f}, news {:.1f}) and by recency (half-life {:g} days); "
      "within a period the interval covered by the greatest weight wins, older cumulative figures bound newer ones "
      "from below, and constraints (returned ≤ departed, subgroups ≤ all) are propagated (docs/fusion.md).",
      m.fusion_config.KindWeight(SourceKind::kGovernment), m.fusion_config.KindWeight(SourceKind::kThinkTank),
      m.fusion_config.KindWeight(SourceKind::kNews), m.fusion_config.recency_half_life_days));
  s.paragraphs.push_back(
      "Limits: counts of foreign fighters are estimates by governments and researchers with different definitions "
      "(travellers, affiliates, including or excluding women and children) and dates; the intervals above carry that "
      "uncertainty but cannot remove it. Countries without a figure are unknown, not zero.");
  Table t({"ID", "Publisher", "Title", "Published", "Kind", "Claims", "URL"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kLeft});
  for (const Source& src : m.sources) {
    auto it = m.claims_per_source.find(src.id);
    t.AddRow({src.id, src.publisher, src.title, src.published, std::string(Name(src.kind)),
              std::to_string(it == m.claims_per_source.end() ? 0 : it->second), src.url});
  }
  s.tables.emplace_back("Sources", t);
  return s;
}

// Timelines of the ten countries with the largest departed estimate: every stated figure by
// date over the fused estimate's band (report/timeline_chart.h).
ReportSection Timelines(const ReportModel& m) {
  ReportSection s{"timelines", "Timelines", {}, {}, {}, {}};
  std::vector<std::pair<double, std::string>> top;
  const Gazetteer& geo = Gazetteer::Bundled();
  for (const Estimate& e : m.fusion.estimates)
    if (e.key.category == Category::kDeparted && e.key.subgroup == Subgroup::kAll && e.key.unit == Unit::kPersons &&
        geo.CountryByIso3(e.key.scope))
      top.emplace_back(e.interval.best.value_or(e.interval.low), e.key.scope);
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (top.size() > 10) top.resize(10);
  s.paragraphs.push_back(
      "For the ten countries with the most departures: every stated figure for departed, returned and detained at "
      "its date — a dot for a point, a bar for an interval, an arrow for \"more than\" or \"fewer than\", one "
      "colour per source — over the band of the fused estimate as it stood at each date. Hover a mark for its "
      "sentence and source.");
  for (const auto& [value, scope] : top) {
    std::string svg = TimelineSvg(fmt::format("{} ({})", geo.ScopeName(scope), scope), CountryTimeline(m, scope));
    if (!svg.empty()) s.charts.push_back(std::move(svg));
  }
  return s;
}

}  // namespace

std::string ReportTitle(const ReportModel&) { return "Foreign terrorist fighters and returnees: the ftfwatch report"; }

std::string ReportSubtitle(const ReportModel& m) {
  return fmt::format("{}. Generated by {} from {} claims and {} sources.",
                     m.as_of.empty() ? "Everything stored" : "As published by " + m.as_of, m.generated_by,
                     m.claims.size(), m.sources.size());
}

std::vector<ReportSection> BuildReportSections(const ReportModel& m) {
  return {Summary(m), Regions(m), Ledger(m), Timelines(m), WomenMinors(m), Risk(m), Conflicts(m), Method(m)};
}

}  // namespace ftf
