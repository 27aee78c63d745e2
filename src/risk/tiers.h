// Tiers: low, moderate, elevated, high, severe — and the bands that grade one indicator.
//
// An indicator's value is graded against four ascending thresholds t1..t4 into a band on a
// 0–4 scale: below t1 the band rises linearly from 0 to 1 (v / t1); between t_k and t_k+1 it
// rises from k to k+1; from t4 on it is 4. The whole number part names the band with the tier
// names (0 low … 4 severe). A country's score is the weighted mean of its indicators' bands,
// and its tier is the score graded against the config's tier cutoffs.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ftf {

enum class Tier { kLow, kModerate, kElevated, kHigh, kSevere };
inline constexpr int kTierCount = 5;

std::string_view Name(Tier t);
std::optional<Tier> ParseTier(std::string_view s);

using Thresholds = std::array<double, 4>;  // strictly ascending, > 0

// The band of `v` (0..4, fractional) against `t`; +infinity gives 4.
double Band(double v, const Thresholds& t);

// The tier of a score (0..4) against ascending cutoffs: below cutoffs[0] low, … , at or above
// cutoffs[3] severe.
Tier TierOf(double score, const Thresholds& cutoffs);

}  // namespace ftf
