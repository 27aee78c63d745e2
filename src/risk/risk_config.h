// RiskConfig: every weight, threshold and base rate of `ftfwatch risk` in one place, read from
// data/config/risk.json (compiled into the binary) or a file given with `risk --config FILE`.
// docs/risk.md explains each field and cites each base rate.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftfwatch/status.h"
#include "risk/tiers.h"

namespace ftf {

// A published rate at which foreign fighters (returnees) went on to be involved in attack
// plotting at home.
struct BaseRate {
  std::string id;        // "hegghammer2013"
  double rate = 0;       // a fraction, 0 < rate <= 1
  std::string label;     // "at most one in nine (…)"
  std::string citation;  // full reference: authors, year, title, publication, volume, pages
  std::string where;     // where in the publication the figure stands: page, table or section
  bool verified = false; // the figure was checked against the publication (or the author's own
                         // summary of it) for this release; unverified rates are not used by
                         // default (RiskConfig::use_unverified)
  bool upper_bound = false;  // the publication gives it as a ceiling ("no more than one in nine")
};

struct Indicator {
  double weight = 0;      // >= 0; weights are renormalised over the indicators a country has
  Thresholds thresholds;  // the values at which the bands moderate, elevated, high, severe begin
};

struct RiskConfig {
  // The expected number of returnees involved in attack plotting is given as the range
  // returnees.low × (lowest rate) … returnees.high × (highest rate). At least one rate.
  std::vector<BaseRate> base_rates;
  // Use base rates marked unverified too. Default false: a rate nobody could check against its
  // publication is listed (docs/risk.md) but does not move any figure.
  bool use_unverified = false;
  Indicator returnees{0.35, {10, 50, 150, 400}};             // people who came back
  Indicator returnees_per_million{0.35, {0.5, 2, 5, 15}};    // per million inhabitants
  Indicator in_theater{0.15, {25, 100, 300, 1000}};          // possible future returns
  Indicator women_minors_returned{0.15, {5, 25, 75, 200}};   // the social-services caseload
  Thresholds tier_cutoffs{0.5, 1.5, 2.5, 3.5};               // score -> tier

  // The rates used: the verified ones, or all with use_unverified.
  std::vector<BaseRate> UsedRates() const;
  // Over UsedRates(); NaN when none is used. MinRate is 0 when the lowest used rate is only an
  // upper bound (the true rate may be anything below it).
  double MinRate() const;
  double MaxRate() const;
};

// Parses the JSON of data/config/risk.json; omitted fields keep the defaults above (base_rates
// has no default: the bundled file gives them). Errors name the file and field:
// "risk.json: indicators.returnees.thresholds: must be 4 ascending positive numbers".
Result<RiskConfig> ParseRiskConfig(std::string_view json_text, const std::string& name);

// The bundled data/config/risk.json.
Result<RiskConfig> DefaultRiskConfig();

}  // namespace ftf
