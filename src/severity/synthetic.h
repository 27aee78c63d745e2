// Deterministic synthetic data for tests, examples and benchmarks: never real attacks.
//
// GenerateEvents: attack events year by year whose share of low-casualty attacks (deaths <= K)
//   moves linearly from `low_share_first` to `low_share_last`. A low-casualty attack has
//   0..K deaths (uniform); any other has deaths drawn from the discrete power law with
//   xmin = K + 1 and exponent `alpha`. Dates are spread over the year.
// GenerateSeverities: `n` values, a share `tail_share` of them from the power law (α, xmin)
//   and the rest uniform below xmin (whole numbers 1..xmin-1 if discrete), so the true xmin
//   and α are known.
// Same options and seed, same output, on every platform.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "severity/events_reader.h"

namespace ftf::severity {

struct SyntheticEventsOptions {
  int first_year = 1970;
  int last_year = 2019;
  int per_year = 300;
  double low_share_first = 0.5;
  double low_share_last = 0.5;
  int threshold = 1;      // K
  double alpha = 2.4;
  uint64_t seed = 1;
};
std::vector<Event> GenerateEvents(const SyntheticEventsOptions& options);

// The events in the simple CSV schema (date,country,deaths,wounded,attack_type,group,source).
std::string EventsToCsv(const std::vector<Event>& events);

struct SyntheticSeveritiesOptions {
  size_t n = 10000;
  double alpha = 2.5;
  double xmin = 10;
  double tail_share = 0.3;
  bool discrete = true;
  uint64_t seed = 1;
};
std::vector<double> GenerateSeverities(const SyntheticSeveritiesOptions& options);

}  // namespace ftf::severity
