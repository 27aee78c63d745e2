#include "report/coverage.h"

#include <algorithm>
#include <map>
#include <set>

namespace ftf {

Coverage ComputeCoverage(const std::vector<Claim>& claims, const Gazetteer& geo) {
  struct Acc {
    std::set<std::string> sources;
    CoverageRow row;
  };
  std::map<std::string, Acc> by_scope;
  for (const Claim& c : claims) {
    const Country* country = geo.CountryByIso3(c.scope);
    if (!country) continue;  // a region
    Acc& a = by_scope[c.scope];
    a.sources.insert(c.source_id);
    if (c.category == Category::kDeparted && c.subgroup == Subgroup::kAll && c.unit == Unit::kPersons)
      ++a.row.departed_figures;
    if (c.as_of.empty()) continue;
    ++a.row.dated_figures;
    a.row.latest = std::max(a.row.latest, c.as_of);
  }
  Coverage out;
  for (auto& [scope, a] : by_scope) {
    a.row.scope = scope;
    a.row.name = geo.ScopeName(scope);
    a.row.sources = static_cast<int>(a.sources.size());
    out.rows.push_back(a.row);
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const CoverageRow& x, const CoverageRow& y) {
    if (x.dated_figures != y.dated_figures) return x.dated_figures > y.dated_figures;
    return x.name < y.name;
  });
  out.countries_without = static_cast<int>(geo.countries().size()) - static_cast<int>(out.rows.size());
  return out;
}

Table CoverageTable(const Coverage& c) {
  Table t({"Country", "ISO3", "Sources", "Dated figures", "Departed", "Latest"},
          {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kLeft});
  for (const CoverageRow& r : c.rows)
    t.AddRow({r.name, r.scope, std::to_string(r.sources), std::to_string(r.dated_figures),
              std::to_string(r.departed_figures), r.latest.empty() ? "—" : r.latest});
  return t;
}

nlohmann::json CoverageJson(const Coverage& c) {
  nlohmann::json arr = nlohmann::json::array();
  for (const CoverageRow& r : c.rows)
    arr.push_back({{"scope", r.scope},
                   {"name", r.name},
                   {"sources", r.sources},
                   {"dated_figures", r.dated_figures},
                   {"departed_figures", r.departed_figures},
                   {"latest", r.latest.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.latest)}});
  return {{"countries", std::move(arr)}, {"countries_without_figures", c.countries_without}};
}

}  // namespace ftf
