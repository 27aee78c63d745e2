// Coverage: how well the ledger covers each country — how many sources state a figure for it,
// how many dated figures there are, the latest date — so gaps are visible
// (`ftfwatch sources --coverage`).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ftfwatch/claim.h"
#include "geo/gazetteer.h"
#include "report/table.h"

namespace ftf {

struct CoverageRow {
  std::string scope;  // ISO3
  std::string name;
  int sources = 0;           // distinct sources with a figure for the country
  int dated_figures = 0;     // claims with an as_of date
  int departed_figures = 0;  // departed, all, persons (dated or not)
  std::string latest;        // the newest as_of ("" when none is dated)
};

struct Coverage {
  std::vector<CoverageRow> rows;  // countries with at least one claim: most dated figures first
  int countries_without = 0;      // gazetteer countries with no claim at all
};

// From the claims the ledger uses (callers pass accepted claims); regions are left out.
Coverage ComputeCoverage(const std::vector<Claim>& claims, const Gazetteer& geo);

Table CoverageTable(const Coverage& c);
// {"countries": [{"scope", "name", "sources", "dated_figures", "departed_figures", "latest"}],
//  "countries_without_figures": n}
nlohmann::json CoverageJson(const Coverage& c);

}  // namespace ftf
