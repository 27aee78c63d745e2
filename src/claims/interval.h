// Interval: what a stated figure allows, and the one table that turns a claim into it.
//
// The rule table (docs/intervals.md gives the reasoning):
//   exact N          -> N ± (the rounding a round N implies + reporting margin · N)
//   approx N         -> N ± (half the unit of N's last significant digit + hedge · N)
//   at_least N       -> [N, open)          more_than N  -> (N, open)
//   at_most N        -> [0, N]             fewer_than N -> [0, N)
//   range A–B        -> [A, B]             vague        -> [low, high] from the vague-word table
// Open upper bounds are +infinity, except shares, whose upper bound is 1.
// An open bound stays open until reconciliation closes it.
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "ftfwatch/claim.h"

namespace ftf {

struct Interval {
  double low = 0;
  double high = std::numeric_limits<double>::infinity();
  bool low_strict = false;   // (low, …: the value is strictly greater than low
  bool high_strict = false;  // …, high): strictly less than high
  std::optional<double> best;  // a stated or derived point value, inside the interval

  bool bounded() const;        // high is finite
  bool empty() const;          // low > high, or low == high with a strict side
  bool Contains(double v) const;
  // The common part; may be empty().
  Interval Intersect(const Interval& o) const;
  // The smallest interval covering both (best dropped unless equal).
  Interval Hull(const Interval& o) const;
  // [a+c, b+d] with strictness kept where either side is strict.
  Interval Plus(const Interval& o) const;
  double Width() const { return high - low; }
  // "5,600 (5,550–5,650)", "> 40,000", "< 129", "200–999".
  std::string ToString() const;

  bool operator==(const Interval&) const = default;
};

// Tunable parts of the rule table. Defaults are the documented ones.
struct IntervalRules {
  // Relative margin added to the rounding of an approximate figure ("some 425" -> ±10 %).
  double hedge_margin = 0.10;
  // Relative margin of every exact figure: counts are revised, cut off at slightly different
  // dates and copied with slips, so "850" and "846" from two sources agree. Default 0.5 %:
  // below one person for figures under 200, so "129" stays 129.
  double reporting_margin = 0.005;
};

// The interval a claim states (see the table above). Never fails: a claim that passed
// ValidateClaimShape always has the numbers its qualifier needs.
Interval ClaimInterval(const Claim& c, const IntervalRules& rules = {});

// Half the unit of the last significant (non-zero) digit of N: 5,600 -> 50, 850 -> 5, 7 -> 0.5,
// 0.25 -> 0.005. Used for approximate figures.
double RoundingHalfUnit(double n);

// The half-width an exact figure N carries: its rounding when N is round (ends in 0, or is a
// fraction) plus reporting_margin · N. "850" -> 5 + 4.25; "129" -> 0.645; "5,000" -> 500 + 25.
double ExactMargin(double n, const IntervalRules& rules = {});

}  // namespace ftf
