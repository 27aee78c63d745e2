// Reconciler: one key's claims -> one interval, with the claims it used, the ones it outvoted
// and the conflicts among them (docs/fusion.md, "Within a key").
//
// Within a window of contemporaneous claims, SelectCredible finds where the greatest total
// weight of claims agrees: the set of values covered by that weight is the winning group's
// intersection. Groups whose weight reaches `credible_share` of the winner's are credible too,
// and the window's estimate is the hull of all credible groups. Claims reaching no credible
// group are outvoted. Reconcile applies this window by window, newest first, and ties the
// windows together (older cumulative figures bound newer ones from below).
//
// Both functions are deterministic functions of the multiset of their inputs: permuting the
// input changes nothing but the order in which equal inputs are reported.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "claims/interval.h"
#include "fuse/estimate.h"
#include "fuse/fusion_config.h"

namespace ftf {

struct WeightedInterval {
  Interval interval;
  double weight = 0;
};

struct Selection {
  double top_weight = 0;          // the greatest total weight covering one value
  std::vector<Interval> groups;   // credible groups' common parts: disjoint, ascending
  Interval hull;                  // smallest interval covering every group
  // For each input item, the groups it reaches (indexes into `groups`); empty = outvoted.
  std::vector<std::vector<int>> reaches;
};

// Items with an empty interval are outvoted. When every weight is 0 all count equally.
// Precondition: items is not empty; 0 < credible_share <= 1.
Selection SelectCredible(const std::vector<WeightedInterval>& items, double credible_share);

// Counts are whole numbers: (N, … becomes [N+1, …; …, N) becomes …, N−1]; 382.4 -> 383 low,
// 467.6 -> 467 high; best is rounded. Open upper bounds stay open.
Interval SnapToCounts(const Interval& iv);

// A conflict found inside one key; sides name positions in the key's evidence vector.
struct KeyConflictSide {
  std::string label;
  bool credible = true;
  Interval interval;
  double weight = 0;
  std::vector<size_t> evidence;
};
struct KeyConflict {
  ConflictKind kind = ConflictKind::kDisagreement;
  int window = 0;
  std::string as_of;
  std::vector<KeyConflictSide> sides;
};

struct Reconciled {
  Interval interval;                   // the key's estimate (best set when a claim gave a point)
  std::string as_of;                   // newest claim's date
  int day = 0;
  std::vector<WindowStep> windows;     // newest first
  std::vector<KeyConflict> conflicts;  // newest window first
};

// Reconciles one key. `evidence` must have day, stated and the weights filled in; it is
// sorted into canonical order (newest first) and each item's window and role are set.
// `counts`: the unit is a count (persons, countries): intervals are snapped to whole numbers.
// Precondition: evidence is not empty.
Reconciled Reconcile(std::vector<Evidence>& evidence, bool cumulative, bool counts, const FusionConfig& config);

}  // namespace ftf
