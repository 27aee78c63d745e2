#include "claims/interval.h"

#include <algorithm>
#include <cmath>

#include "core/number_format.h"

namespace ftf {

bool Interval::bounded() const { return std::isfinite(high); }

bool Interval::empty() const { return low > high || (low == high && (low_strict || high_strict)); }

bool Interval::Contains(double v) const {
  if (v < low || (low_strict && v == low)) return false;
  if (v > high || (high_strict && v == high)) return false;
  return true;
}

Interval Interval::Intersect(const Interval& o) const {
  Interval r;
  if (low > o.low) {
    r.low = low;
    r.low_strict = low_strict;
  } else if (o.low > low) {
    r.low = o.low;
    r.low_strict = o.low_strict;
  } else {
    r.low = low;
    r.low_strict = low_strict || o.low_strict;
  }
  if (high < o.high) {
    r.high = high;
    r.high_strict = high_strict;
  } else if (o.high < high) {
    r.high = o.high;
    r.high_strict = o.high_strict;
  } else {
    r.high = high;
    r.high_strict = high_strict || o.high_strict;
  }
  if (best && r.Contains(*best)) r.best = best;
  else if (o.best && r.Contains(*o.best)) r.best = o.best;
  return r;
}

Interval Interval::Hull(const Interval& o) const {
  Interval r;
  r.low = std::min(low, o.low);
  r.low_strict = (low < o.low) ? low_strict : (o.low < low) ? o.low_strict : (low_strict && o.low_strict);
  r.high = std::max(high, o.high);
  r.high_strict = (high > o.high) ? high_strict : (o.high > high) ? o.high_strict : (high_strict && o.high_strict);
  if (best && o.best && *best == *o.best) r.best = best;
  return r;
}

Interval Interval::Plus(const Interval& o) const {
  Interval r;
  r.low = low + o.low;
  r.high = high + o.high;
  r.low_strict = low_strict || o.low_strict;
  r.high_strict = high_strict || o.high_strict;
  if (best && o.best) r.best = *best + *o.best;
  return r;
}

std::string Interval::ToString() const {
  if (empty()) return "(empty)";
  if (!bounded()) return (low_strict ? "> " : "≥ ") + FormatCount(low);
  if (low == 0 && !best && high > 0) return (high_strict ? "< " : "≤ ") + FormatCount(high);
  if (low == high) return FormatCount(low);
  std::string range = FormatCount(low) + "–" + FormatCount(high);
  if (best) return FormatCount(*best) + " (" + range + ")";
  return range;
}

double RoundingHalfUnit(double n) {
  n = std::fabs(n);
  if (n == 0) return 0.5;
  // Scale so that fractions are handled on whole digits: 0.25 -> 25 at scale 1e-2.
  double scale = 1;
  while (std::fabs(n / scale - std::round(n / scale)) > 1e-9 * (n / scale) && scale > 1e-9) scale /= 10;
  double digits = std::round(n / scale);
  double unit = scale;
  while (digits >= 10 && std::fmod(digits, 10) == 0) {
    digits /= 10;
    unit *= 10;
  }
  return unit / 2;
}

double ExactMargin(double n, const IntervalRules& rules) {
  // A whole number that does not end in 0 carries no rounding ("129"); "850" and "5,000" do,
  // and so does a fraction ("0.25" stands for 0.245–0.255).
  double half = RoundingHalfUnit(n);
  double rounding = n == std::floor(n) && half <= 0.5 ? 0 : half;
  return rounding + rules.reporting_margin * n;
}

Interval ClaimInterval(const Claim& c, const IntervalRules& rules) {
  const double inf = std::numeric_limits<double>::infinity();
  const double open_high = c.unit == Unit::kShare ? 1.0 : inf;
  Interval r;
  switch (c.qualifier) {
    case Qualifier::kExact: {
      double v = c.best ? *c.best : *c.low;
      double w = ExactMargin(v, rules);
      r.low = std::max(0.0, v - w);
      r.high = v + w;
      if (c.unit == Unit::kShare) r.high = std::min(1.0, r.high);
      r.best = v;
      break;
    }
    case Qualifier::kApprox: {
      if (c.best) {
        double n = *c.best;
        double w = RoundingHalfUnit(n) + rules.hedge_margin * n;
        r.low = std::max(0.0, n - w);
        r.high = n + w;
        if (c.unit == Unit::kShare) r.high = std::min(1.0, r.high);
        r.best = n;
      } else {
        r.low = *c.low;
        r.high = *c.high;
      }
      break;
    }
    case Qualifier::kAtLeast:
      r.low = *c.low;
      r.high = open_high;
      break;
    case Qualifier::kMoreThan:
      r.low = *c.low;
      r.low_strict = true;
      r.high = open_high;
      break;
    case Qualifier::kAtMost:
      r.low = 0;
      r.high = *c.high;
      break;
    case Qualifier::kFewerThan:
      r.low = 0;
      r.high = *c.high;
      r.high_strict = true;
      break;
    case Qualifier::kRange:
    case Qualifier::kVague:
      r.low = *c.low;
      r.high = *c.high;
      break;
  }
  // A range or bound that also states a best value keeps it when it lies inside.
  if (!r.best && c.best && r.Contains(*c.best)) r.best = c.best;
  return r;
}

}  // namespace ftf
