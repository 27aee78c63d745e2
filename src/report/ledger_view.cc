#include "report/ledger_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "claims/claim_json.h"
#include "fuse/estimate.h"
#include "geo/gazetteer.h"

namespace ftf {

std::string IntervalFigure(const Interval& iv) {
  if (iv.empty()) return "?";
  if (!iv.bounded()) return (iv.low_strict ? ">" : "≥") + FormatCount(iv.low);
  if (iv.low == iv.high) return FormatCount(iv.low);
  return FormatCount(iv.low) + "–" + FormatCount(iv.high);
}

std::string CompactFigure(const LedgerEntry& e) {
  std::string s;
  if (e.qualifier) {
    s = FigureText(*e.qualifier, e.low, e.best, e.high);
  } else if (!e.stated) {
    s = "no stated figure";
  } else if (!e.wording.empty()) {
    s = e.wording;  // one source's statement is the estimate: say it in its words
  } else {
    s = IntervalFigure(e.interval);  // the best value is in the long form, JSON and explain
  }
  if (e.key.unit == Unit::kShare && e.qualifier) s += " (share)";
  if (e.conflict) s += "!";
  return s;
}

namespace {

struct Column {
  const char* title;
  Category category;
  Subgroup subgroup;
};
const Column kColumns[] = {
    {"Departed", Category::kDeparted, Subgroup::kAll},   {"Returned", Category::kReturned, Subgroup::kAll},
    {"Killed", Category::kKilled, Subgroup::kAll},       {"Detained", Category::kDetained, Subgroup::kAll},
    {"In theatre", Category::kInTheater, Subgroup::kAll}, {"Women", Category::kDeparted, Subgroup::kWomen},
    {"Minors", Category::kDeparted, Subgroup::kMinors},
};

// Countries (by display name) before regions (by scope name).
bool ScopeLess(const std::string& a, const std::string& b) {
  const Gazetteer& geo = Gazetteer::Bundled();
  bool ca = geo.CountryByIso3(a) != nullptr, cb = geo.CountryByIso3(b) != nullptr;
  if (ca != cb) return ca;
  return geo.ScopeName(a) < geo.ScopeName(b);
}

}  // namespace

std::string BoundsFigure(const LedgerEntry& e) {
  if (!e.bounds) return "";
  return "[" + IntervalFigure(*e.bounds) + "]" + (e.conflict ? "!" : "");
}

Table LedgerWideTable(const std::vector<LedgerEntry>& entries, bool source_counts, bool bounds) {
  std::vector<std::string> headers = {"Scope"};
  std::vector<Align> align = {Align::kLeft};
  for (const Column& c : kColumns) {
    headers.emplace_back(c.title);
    align.push_back(Align::kRight);
  }
  if (!source_counts) {  // too wide for a count per cell: one per row
    headers.emplace_back("Src");
    align.push_back(Align::kRight);
  }
  Table t(headers, align);
  std::map<std::string, std::map<std::pair<Category, Subgroup>, const LedgerEntry*>> by_scope;
  for (const LedgerEntry& e : entries)
    if (e.key.unit == Unit::kPersons) by_scope[e.key.scope][{e.key.category, e.key.subgroup}] = &e;
  std::vector<std::string> scopes;
  for (const auto& [scope, cells] : by_scope) {
    bool any = false;
    for (const Column& c : kColumns) any = any || cells.count({c.category, c.subgroup});
    if (any) scopes.push_back(scope);
  }
  std::sort(scopes.begin(), scopes.end(), ScopeLess);
  const Gazetteer& geo = Gazetteer::Bundled();
  for (const std::string& scope : scopes) {
    const auto& cells = by_scope[scope];
    std::string label = geo.CountryByIso3(scope) ? scope + " " + geo.ScopeName(scope) : scope;
    std::vector<std::string> row = {label};
    std::set<std::string> row_sources;
    for (const Column& c : kColumns) {
      auto it = cells.find({c.category, c.subgroup});
      if (it == cells.end()) {
        row.emplace_back("");
        continue;
      }
      std::string cell = bounds ? BoundsFigure(*it->second) : CompactFigure(*it->second);
      if (source_counts) cell += " [" + std::to_string(it->second->sources.size()) + "]";
      row_sources.insert(it->second->sources.begin(), it->second->sources.end());
      row.push_back(std::move(cell));
    }
    if (!source_counts) row.push_back(std::to_string(row_sources.size()));
    t.AddRow(std::move(row));
  }
  return t;
}

Table LedgerLongTable(const std::vector<LedgerEntry>& entries) {
  Table t({"scope", "name", "category", "subgroup", "unit", "low", "best", "high", "qualifier", "as_of",
           "n_sources", "sources", "n_claims", "conflict", "method", "bounds_low", "bounds_high"});
  const Gazetteer& geo = Gazetteer::Bundled();
  auto num = [](const std::optional<double>& v) { return v ? FormatNumber(*v) : std::string(); };
  for (const LedgerEntry& e : entries) {
    std::string sources;
    for (size_t i = 0; i < e.sources.size(); ++i) sources += (i ? "|" : "") + e.sources[i];
    t.AddRow({e.key.scope, geo.ScopeName(e.key.scope), std::string(Name(e.key.category)),
              std::string(Name(e.key.subgroup)), std::string(Name(e.key.unit)), num(e.low), num(e.best),
              num(e.high), e.qualifier ? std::string(Name(*e.qualifier)) : "", e.as_of,
              std::to_string(e.sources.size()), sources, std::to_string(e.n_claims), e.conflict ? "true" : "false",
              e.method, e.bounds ? FormatNumber(e.bounds->low) : "",
              e.bounds && e.bounds->bounded() ? FormatNumber(e.bounds->high) : ""});
  }
  return t;
}

nlohmann::json LedgerJson(const std::vector<LedgerEntry>& entries) {
  nlohmann::json arr = nlohmann::json::array();
  const Gazetteer& geo = Gazetteer::Bundled();
  for (const LedgerEntry& e : entries) {
    nlohmann::json j;
    j["scope"] = e.key.scope;
    j["name"] = geo.ScopeName(e.key.scope);
    j["category"] = Name(e.key.category);
    j["subgroup"] = Name(e.key.subgroup);
    j["unit"] = Name(e.key.unit);
    j["low"] = NumberOrNull(e.low);
    j["best"] = NumberOrNull(e.best);
    j["high"] = NumberOrNull(e.high);
    j["qualifier"] = e.qualifier ? nlohmann::json(Name(*e.qualifier)) : nlohmann::json(nullptr);
    j["interval"] = {{"low", e.interval.low},
                     {"high", e.interval.bounded() ? nlohmann::json(e.interval.high) : nlohmann::json(nullptr)},
                     {"low_strict", e.interval.low_strict},
                     {"high_strict", e.interval.high_strict}};
    j["as_of"] = e.as_of;
    j["sources"] = e.sources;
    j["claims"] = e.claim_ids;
    j["n_claims"] = e.n_claims;
    j["conflict"] = e.conflict;
    j["method"] = e.method;
    arr.push_back(std::move(j));
  }
  return arr;
}

}  // namespace ftf
