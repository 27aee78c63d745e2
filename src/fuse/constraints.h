// Constraints: the relations that must hold between estimates of different keys, and their
// propagation until nothing changes (docs/fusion.md, "Constraints").
//
// Sum constraints  Σ lhs ≤ Σ rhs  (all terms are non-negative counts):
//   returned ≤ departed                                   per scope and subgroup
//   killed + returned + in_theater + relocated ≤ departed  per scope and subgroup, when two or
//       more of the left side are known (a partial sum is implied by the full one)
//   men + women + minors ≤ all  (each known one alone, or their sum)    per scope and category
//   all ≤ men + women + minors                            when all three are known
//   Σ member countries ≤ region                           per region, category and subgroup
// Share constraints  part = share × whole:
//   (scope, C, all, share) ties C to departed; (scope, C, S, share) ties C's subgroup S to C's
//   all ("20 % of returnees were minors"). A missing part or whole is created as a derived
//   estimate [0, open) that the constraint then narrows.
//
// Dates: a constraint holds at one moment. Cumulative counts only grow, so a left-side
// estimate as of an earlier date than the right side still satisfies it; one dated more than
// `contemporaneous_days` after the right side is left out (leaving out a left-side term keeps
// the inequality true). Stock categories (in theatre, detained) must be contemporaneous.
//
// Propagation works on Estimate::bounds only — the feasible bounds — and never touches a
// stated estimate (Estimate::interval). It narrows (bounds consistency: every value of each
// bound can be completed by values of the others). A constraint whose sides cannot both hold
// is reported as a violation and not applied.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fuse/estimate.h"
#include "fuse/fusion_config.h"
#include "geo/gazetteer.h"

namespace ftf {

struct Constraint {
  enum class Kind { kSum, kShare };
  Kind kind = Kind::kSum;
  std::string name;               // "returned ≤ departed (FRA, all)"
  std::vector<size_t> lhs, rhs;   // kSum: Σ lhs ≤ Σ rhs; indexes into the estimates
  size_t share = 0, part = 0, whole = 0;  // kShare: part = share × whole
};

// Adds the derived estimates that share constraints need (keeping `estimates` sorted by key),
// then lists every applicable constraint in a deterministic order.
std::vector<Constraint> BuildConstraints(std::vector<Estimate>& estimates, const Gazetteer& geo,
                                         const FusionConfig& config);

struct Violation {
  size_t constraint = 0;  // index into the constraints
  std::string detail;     // "left side at least 1,200 but right side at most 1,000"
};

struct Propagation {
  int passes = 0;
  bool converged = true;
  std::vector<Violation> violations;
};

// Narrows the estimates' feasible bounds until no constraint changes anything (or max_passes),
// recording each change in Estimate::adjustments. Counts stay whole numbers.
Propagation Propagate(std::vector<Estimate>& estimates, const std::vector<Constraint>& constraints,
                      const FusionConfig& config);

// Indexes of the constraints the estimates' bounds do not satisfy (bounds consistency, with an
// absolute `tolerance`), leaving out `skip` (the violated ones). For tests and self-checks.
std::vector<size_t> Unsatisfied(const std::vector<Estimate>& estimates, const std::vector<Constraint>& constraints,
                                const std::vector<size_t>& skip = {}, double tolerance = 1e-6);

}  // namespace ftf
