#include "risk/tiers.h"

#include <cmath>

namespace ftf {
namespace {
constexpr std::string_view kNames[] = {"low", "moderate", "elevated", "high", "severe"};
}

std::string_view Name(Tier t) { return kNames[static_cast<int>(t)]; }

std::optional<Tier> ParseTier(std::string_view s) {
  for (int i = 0; i < kTierCount; ++i)
    if (kNames[i] == s) return static_cast<Tier>(i);
  return std::nullopt;
}

double Band(double v, const Thresholds& t) {
  if (std::isnan(v) || v <= 0) return 0;
  if (v >= t[3]) return 4;
  if (v < t[0]) return v / t[0];
  for (int k = 0; k < 3; ++k)
    if (v < t[k + 1]) return (k + 1) + (v - t[k]) / (t[k + 1] - t[k]);
  return 4;
}

Tier TierOf(double score, const Thresholds& cutoffs) {
  int k = 0;
  while (k < 4 && score >= cutoffs[k]) ++k;
  return static_cast<Tier>(k);
}

}  // namespace ftf
