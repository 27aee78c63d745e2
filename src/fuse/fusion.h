// Fusion: from claims that disagree to one honest estimate per (scope, category, subgroup, unit),
// with the disagreement in plain view. The method is described in docs/fusion.md; in short:
//
//  1. Each claim becomes an interval (claims/interval.h; counts are snapped to whole numbers)
//     and a weight (fuse/weights.h: kind of source × recency).
//  2. Per key, the claims within `contemporaneous_days` of the key's latest claim form the
//     current window. Inside a window, the point covered by the greatest total weight wins:
//     the claims covering it are consistent and their intervals intersect; claims that do not
//     reach it are outvoted (a conflict). Groups as heavy as the winner (ties) are credible too,
//     and the estimate covers all credible groups (another conflict, with both sides kept).
//  3. Older windows are reconciled the same way. For cumulative categories (departed, returned,
//     ...) the older estimate's low end bounds the newer one from below; a newer figure below
//     an older one is a conflict ("decrease"), not a decrease, and the estimate covers both.
//     For stock categories (detained, in theatre) older windows are superseded.
//  4. Constraints between keys (returned ≤ departed, subgroups ≤ all, shares, countries within
//     regions) are propagated until nothing changes (fuse/constraints.h); an infeasible one is
//     a conflict naming the claims on each side.
//  5. Region and world aggregates are summed from member countries (fuse/aggregates.h).
//
// Fuse() is a pure function of its inputs: the order of `claims` does not matter, and the
// result holds copies (no pointers into the inputs). Thread safety: distinct calls may run
// concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "claims/interval.h"
#include "fuse/aggregates.h"
#include "fuse/estimate.h"
#include "fuse/fusion_config.h"
#include "fuse/ledger.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/source.h"
#include "ftfwatch/status.h"
#include "geo/gazetteer.h"

namespace ftf {

struct FusionResult {
  std::vector<Estimate> estimates;   // sorted by key
  std::vector<Conflict> conflicts;   // by key, then as_of (newest first), then kind
  std::vector<Aggregate> aggregates; // by region, category, subgroup
  std::string reference_date;        // for recency weights
  int passes = 0;                    // constraint propagation passes
  bool converged = true;             // propagation stopped because nothing changed

  // The estimate for `key`, or nullptr.
  const Estimate* Find(const LedgerKey& key) const;
};

// Fuses `claims` (already filtered to what was published by the as-of date; see
// ClaimFilter::as_of_max) into estimates, conflicts and aggregates. `sources` gives each
// source's kind; a claim whose source is missing counts as unspecified. Claims that fail
// ValidateClaimShape are skipped. Errors: InvalidArgument when config.as_of is not a date.
Result<FusionResult> Fuse(const std::vector<Claim>& claims, const std::map<std::string, Source>& sources,
                          const FusionConfig& config, const Gazetteer& geo = Gazetteer::Bundled());

// The estimates as ledger rows (method "fused", or "derived" for a key no claim states):
// low/best/high from the stated estimate (high null when open; all null when not stated), the
// feasible bounds beside them, the used claims and their sources first.
std::vector<LedgerEntry> ToLedgerEntries(const FusionResult& result);

}  // namespace ftf
