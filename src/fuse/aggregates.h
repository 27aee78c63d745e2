// Aggregates: region and world figures summed from their member countries with interval
// arithmetic, shown beside the region's own stated total (docs/fusion.md, "Aggregates").
//
// For a region, category and subgroup (persons): sum = [Σ low, Σ high] over the member
// countries that have a stated estimate (feasible bounds are never summed); best = Σ best when every one of them has a best. Countries
// without a figure are not guessed: `covered` of `members` says how complete the sum is, and
// with incomplete coverage the sum's low end is still a lower bound for the whole region.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/interval.h"
#include "fuse/estimate.h"
#include "ftfwatch/claim.h"
#include "geo/gazetteer.h"

namespace ftf {

struct Aggregate {
  std::string region;  // the region's scope name ("European Union", "World")
  Category category = Category::kDeparted;
  Subgroup subgroup = Subgroup::kAll;
  bool adhoc = false;  // a source's one-off grouping (data/geo/groups.csv)
  Interval sum;        // over covered countries; best set when every covered country has one
  int covered = 0;     // member countries with an estimate
  int members = 0;
  std::vector<std::string> countries;  // the covered ones, ISO3
  std::string as_of_min, as_of_max;    // dates of the country estimates summed
  std::optional<Interval> stated;      // the region's own fused estimate, if any
  std::string stated_as_of;
  // The stated total is below what its countries add up to (their low ends): either the
  // region's figure is older or narrower in definition, or a source is wrong.
  bool stated_below_countries = false;
};

// One aggregate per (region with members, category, subgroup) that has at least one covered
// country or a stated total; in region, category, subgroup order. Persons only.
std::vector<Aggregate> ComputeAggregates(const std::vector<Estimate>& estimates, const Gazetteer& geo);

}  // namespace ftf
