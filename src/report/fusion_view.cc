#include "report/fusion_view.h"

#include <cmath>

#include <fmt/format.h>

#include "claims/claim_json.h"
#include "geo/gazetteer.h"
#include "report/ledger_view.h"

namespace ftf {
namespace {

using nlohmann::json;

json Num(double v) { return std::isfinite(v) ? NumberOrNull(v) : json(nullptr); }

json KeyJson(const LedgerKey& k) {
  return {{"scope", k.scope}, {"category", Name(k.category)}, {"subgroup", Name(k.subgroup)}, {"unit", Name(k.unit)}};
}

std::string Weight(double w) { return fmt::format("{:.3f}", w); }

std::string Quote(const ClaimRef& r) {
  if (!r.sentence.empty()) return "“" + r.sentence + "”";
  std::string s;
  if (!r.page.empty()) s += r.page;
  if (!r.note.empty()) s += (s.empty() ? "" : "; ") + r.note;
  return s.empty() ? "(no sentence or note recorded)" : "note: " + s;
}

}  // namespace

json IntervalJson(const Interval& iv) {
  return {{"low", Num(iv.low)},
          {"high", iv.bounded() ? Num(iv.high) : json(nullptr)},
          {"low_strict", iv.low_strict},
          {"high_strict", iv.high_strict},
          {"best", iv.best ? Num(*iv.best) : json(nullptr)}};
}

json EstimateJson(const Estimate& e) {
  const Gazetteer& geo = Gazetteer::Bundled();
  json j = KeyJson(e.key);
  j["name"] = geo.ScopeName(e.key.scope);
  const bool stated = e.stated();
  j["low"] = stated ? Num(e.interval.low) : json(nullptr);
  j["best"] = stated && e.interval.best ? Num(*e.interval.best) : json(nullptr);
  j["high"] = stated && e.interval.bounded() ? Num(e.interval.high) : json(nullptr);
  j["qualifier"] = nullptr;
  j["stated"] = stated;
  j["figure"] = stated ? json(e.wording.empty() ? IntervalFigure(e.interval) : e.wording) : json(nullptr);
  j["interval"] = stated ? IntervalJson(e.interval) : json(nullptr);
  j["bounds"] = IntervalJson(e.bounds);
  j["as_of"] = e.as_of;
  j["sources"] = e.sources;
  j["claims"] = e.UsedClaimIds();
  j["n_claims"] = e.n_claims;
  j["conflict"] = e.conflict;
  j["method"] = e.derived ? "derived" : "fused";
  j["derived"] = e.derived;
  json ev = json::array();
  for (const Evidence& x : e.evidence)
    ev.push_back({{"claim", x.claim_id},
                  {"source", x.source_id},
                  {"source_kind", Name(x.kind)},
                  {"as_of", x.as_of},
                  {"copy_of", x.copy_of.empty() ? json(nullptr) : json(x.copy_of)},
                  {"copy_as_of", x.copy_of.empty() ? json(nullptr) : json(x.copy_as_of)},
                  {"qualifier", Name(x.qualifier)},
                  {"claim_role", x.claim_role == ClaimRole::kUnspecified ? json(nullptr) : json(Name(x.claim_role))},
                  {"stated", IntervalJson(x.stated)},
                  {"kind_weight", x.kind_weight},
                  {"recency", x.recency},
                  {"weight", x.weight},
                  {"window", x.window},
                  {"role", Name(x.role)}});
  j["evidence"] = std::move(ev);
  json win = json::array();
  for (const WindowStep& w : e.windows)
    win.push_back({{"window", w.window},
                   {"from", w.from},
                   {"to", w.to},
                   {"selected", IntervalJson(w.selected)},
                   {"weight", w.weight},
                   {"groups", w.groups},
                   {"used", w.used},
                   {"outvoted", w.outvoted},
                   {"duplicates", w.duplicates},
                   {"editions", w.editions},
                   {"variants", w.variants},
                   {"lower_bound", w.lower_bound ? Num(*w.lower_bound) : json(nullptr)},
                   {"decrease", w.decrease},
                   {"result", IntervalJson(w.result)}});
  j["windows"] = std::move(win);
  json adj = json::array();
  for (const Adjustment& a : e.adjustments)
    adj.push_back({{"constraint", a.constraint}, {"before", IntervalJson(a.before)}, {"after", IntervalJson(a.after)}});
  j["adjustments"] = std::move(adj);
  return j;
}

json EstimatesJson(const FusionResult& result) {
  json arr = json::array();
  for (const Estimate& e : result.estimates) arr.push_back(EstimateJson(e));
  return arr;
}

json ConflictsJson(const std::vector<Conflict>& conflicts) {
  const Gazetteer& geo = Gazetteer::Bundled();
  json arr = json::array();
  for (const Conflict& c : conflicts) {
    json j = KeyJson(c.key);
    j["name"] = geo.ScopeName(c.key.scope);
    j["kind"] = Name(c.kind);
    j["as_of"] = c.as_of;
    j["summary"] = c.summary;
    json keys = json::array();
    for (const LedgerKey& k : c.keys) keys.push_back(KeyJson(k));
    j["keys"] = std::move(keys);
    json sides = json::array();
    for (const ConflictSide& s : c.sides) {
      json claims = json::array();
      for (const ClaimRef& r : s.claims) {
        json cj = KeyJson(r.key);
        cj["id"] = r.id;
        cj["source"] = r.source_id;
        cj["source_kind"] = Name(r.kind);
        cj["as_of"] = r.as_of;
        cj["copy_of"] = r.copy_of.empty() ? json(nullptr) : json(r.copy_of);
        cj["qualifier"] = Name(r.qualifier);
        cj["low"] = NumberOrNull(r.low);
        cj["best"] = NumberOrNull(r.best);
        cj["high"] = NumberOrNull(r.high);
        cj["figure"] = FigureText(r.qualifier, r.low, r.best, r.high);
        cj["interval"] = IntervalJson(r.interval);
        cj["weight"] = r.weight;
        cj["cue"] = r.cue;
        cj["sentence"] = r.sentence;
        cj["page"] = r.page;
        cj["note"] = r.note;
        claims.push_back(std::move(cj));
      }
      sides.push_back({{"label", s.label},
                       {"credible", s.credible},
                       {"interval", IntervalJson(s.interval)},
                       {"weight", s.weight},
                       {"claims", std::move(claims)}});
    }
    j["sides"] = std::move(sides);
    arr.push_back(std::move(j));
  }
  return arr;
}

json AggregatesJson(const std::vector<Aggregate>& aggregates) {
  json arr = json::array();
  for (const Aggregate& a : aggregates) {
    arr.push_back({{"region", a.region},
                   {"scope", a.region},
                   {"category", Name(a.category)},
                   {"subgroup", Name(a.subgroup)},
                   {"unit", "persons"},
                   {"adhoc", a.adhoc},
                   {"sum", IntervalJson(a.sum)},
                   {"covered", a.covered},
                   {"members", a.members},
                   {"coverage", a.members ? json(static_cast<double>(a.covered) / a.members) : json(nullptr)},
                   {"countries", a.countries},
                   {"as_of_min", a.as_of_min},
                   {"as_of_max", a.as_of_max},
                   {"stated", a.stated ? IntervalJson(*a.stated) : json(nullptr)},
                   {"stated_as_of", a.stated_as_of},
                   {"stated_below_countries", a.stated_below_countries}});
  }
  return arr;
}

json ExplainJson(const Estimate& e, const std::vector<ExplainStep>& steps) {
  json j = EstimateJson(e);
  json s = json::array();
  for (const ExplainStep& st : steps) s.push_back({{"title", st.title}, {"lines", st.lines}});
  j["steps"] = std::move(s);
  return j;
}

std::string ConflictsText(const std::vector<Conflict>& conflicts) {
  const Gazetteer& geo = Gazetteer::Bundled();
  std::string out;
  for (const Conflict& c : conflicts) {
    std::string scope = geo.CountryByIso3(c.key.scope) ? c.key.scope + " " + geo.ScopeName(c.key.scope) : c.key.scope;
    out += fmt::format("{} — {} ({}{}), {} — {}\n", scope, Name(c.key.category),
                       Name(c.key.subgroup), c.key.unit == Unit::kPersons ? "" : ", " + std::string(Name(c.key.unit)),
                       c.as_of.empty() ? "undated" : c.as_of, Name(c.kind));
    out += "  " + c.summary + "\n";
    for (const ConflictSide& s : c.sides) {
      out += fmt::format("  {} [{}]{}: {}\n", s.label, s.credible ? "used" : "not used",
                         s.claims.empty() ? "" : fmt::format(", weight {}", Weight(s.weight)), s.interval.ToString());
      for (const ClaimRef& r : s.claims) {
        std::string key = r.key == c.key ? "" : fmt::format("{} {} {}: ", r.key.scope, Name(r.key.category), Name(r.key.subgroup));
        out += fmt::format("    #{} {}{} — {} ({}), {}{}, weight {}\n", r.id, key,
                           FigureText(r.qualifier, r.low, r.best, r.high), r.source_id, Name(r.kind), r.as_of,
                           r.copy_of.empty() ? "" : ", copy of " + r.copy_of, Weight(r.weight));
        out += "       " + Quote(r) + "\n";
      }
    }
    out += "\n";
  }
  return out;
}

Table ConflictsLongTable(const std::vector<Conflict>& conflicts) {
  Table t({"scope", "category", "subgroup", "unit", "kind", "as_of", "side", "credible", "claim_scope",
           "claim_category", "claim_subgroup", "claim_id", "source", "source_kind", "claim_as_of", "figure", "low",
           "best", "high", "weight", "sentence", "note"});
  auto num = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : std::string(); };
  for (const Conflict& c : conflicts)
    for (const ConflictSide& s : c.sides)
      for (const ClaimRef& r : s.claims)
        t.AddRow({c.key.scope, std::string(Name(c.key.category)), std::string(Name(c.key.subgroup)),
                  std::string(Name(c.key.unit)), std::string(Name(c.kind)), c.as_of, s.label,
                  s.credible ? "true" : "false", r.key.scope, std::string(Name(r.key.category)),
                  std::string(Name(r.key.subgroup)), std::to_string(r.id), r.source_id, std::string(Name(r.kind)),
                  r.as_of, FigureText(r.qualifier, r.low, r.best, r.high), num(r.low), num(r.best), num(r.high),
                  fmt::format("{:.6g}", r.weight), r.sentence, r.note});
  return t;
}

Table ConflictsSummaryTable(const std::vector<Conflict>& conflicts) {
  Table t({"Scope", "Category", "Subgroup", "As of", "Kind", "Claims on each side"});
  for (const Conflict& c : conflicts)
    t.AddRow({c.key.scope, std::string(Name(c.key.category)), std::string(Name(c.key.subgroup)), c.as_of,
              std::string(Name(c.kind)), c.summary});
  return t;
}

Table AggregatesTable(const std::vector<Aggregate>& aggregates) {
  Table t({"Region", "Category", "Subgroup", "Countries' sum", "Coverage", "Stated total", "Note"},
          {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kLeft});
  for (const Aggregate& a : aggregates) {
    std::string note;
    if (a.stated_below_countries) note = "stated total below its countries' sum";
    else if (a.stated && a.covered < a.members) note = "sum is a lower bound (coverage incomplete)";
    if (a.adhoc) note += (note.empty() ? "" : "; ") + std::string("ad-hoc group");
    t.AddRow({a.region, std::string(Name(a.category)), std::string(Name(a.subgroup)),
              a.covered ? a.sum.ToString() : "", fmt::format("{}/{}", a.covered, a.members),
              a.stated ? a.stated->ToString() + " (" + a.stated_as_of + ")" : "", note});
  }
  return t;
}

}  // namespace ftf
