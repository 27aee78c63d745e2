// Weights: how much one claim counts inside its key — the kind of its source times its recency.
//
//   weight = kind_weight(source kind) × 0.5 ^ (age_days / recency_half_life_days)
//
// age_days = reference day − claim day (never negative). Dates are ISO "YYYY-MM-DD", "YYYY-MM"
// or "YYYY"; a partial date stands for the middle of its period (YYYY-MM -> the 15th,
// YYYY -> 1 July), so a month-only figure is neither the earliest nor the latest of its month.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fuse/fusion_config.h"
#include "ftfwatch/source.h"

namespace ftf {

// Days since 1970-01-01 of an ISO date (partial dates: middle of the period), or nullopt when
// `iso` is not a date.
std::optional<int> DayNumber(std::string_view iso);

// "YYYY-MM-DD" for a day number.
std::string DayToIso(int day);

struct ClaimWeight {
  double kind = 0;     // from FusionConfig::kind_weights
  double recency = 0;  // 0.5 ^ (age / half-life), in (0, 1]
  double weight = 0;   // kind × recency
};

ClaimWeight WeighClaim(SourceKind kind, int day, int reference_day, const FusionConfig& config);

}  // namespace ftf
