// Risk model: what the returnees mean for each country, graded and explained (docs/risk.md).
//
// The unit is the country, never a person: every figure here is a count or a rate for a whole
// population, computed from fused estimates (fuse/fusion.h), and nothing in it says anything
// about any individual returnee.
//
// Per country, from the fused estimates (all as intervals, best where sources gave one):
//   returnees                 returned (all)
//   returnees per million     returnees / population × 10^6 (World Bank population)
//   return rate               returnees / departed
//   still in theatre          in_theater if stated, else departed − returned − killed (derived,
//                             an upper bound when killed is unknown): possible future returns
//   women, minors returned    returned (women), returned (minors): the social-services caseload
//   expected plotters         returnees × the published base rates: the low end uses the lowest
//                             rate and returnees.low, the high end the highest rate and
//                             returnees.high (Hegghammer 2013's one in nine is the high end)
// Four indicators (returnees, per million, still in theatre, women and minors returned) are
// graded into bands (risk/tiers.h); the weighted mean of the bands is the score and the score
// gives the tier. The same is done with every indicator at its low end and at its high end:
// when those give different tiers, the tier is shown as a range.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/interval.h"
#include "fuse/fusion.h"
#include "geo/gazetteer.h"
#include "risk/risk_config.h"
#include "risk/tiers.h"

namespace ftf {

struct IndicatorGrade {
  std::string id;          // "returnees", "returnees_per_million", "in_theater", "women_minors_returned"
  double weight = 0;
  Interval value;          // the indicator's interval (best = central value)
  double central = 0;      // best, else the midpoint of a bounded interval, else low
  double band_low = 0, band = 0, band_high = 0;  // at value.low, central, value.high
};

struct CountryRisk {
  std::string iso3, name;
  std::optional<double> population;
  std::string as_of;  // newest date among the estimates used

  std::optional<Interval> departed, returnees, per_million, return_rate, in_theater, women_returned,
      minors_returned, caseload, women_departed, minors_departed, expected_plotters;
  bool in_theater_derived = false;  // computed from departed − returned (− killed)
  bool conflict = false;            // an estimate used here is in conflict

  // Set when the country has a returnee estimate; otherwise the tier is unknown (nullopt).
  std::optional<Tier> tier, tier_low, tier_high;
  double score = 0, score_low = 0, score_high = 0;  // 0..4
  std::vector<IndicatorGrade> indicators;
  std::vector<std::string> reasons;  // most weighty first
  int rank = 0;                      // 1 = highest exposure; 0 when the tier is unknown
};

struct RiskTable {
  std::vector<CountryRisk> rows;     // ranked: known tiers first by score, then unknown
  std::vector<BaseRate> base_rates;  // as used for expected plotters
};

// Every country with a fused departed or returned estimate (subgroup all, persons).
RiskTable ComputeRisk(const FusionResult& fusion, const Gazetteer& geo, const RiskConfig& config);

// The central value of an interval: best, else the midpoint when bounded, else low.
double Central(const Interval& iv);

}  // namespace ftf
