// Small helpers shared by the Google-Benchmark-free benchmarks in bench/: wall-clock intervals
// and the process's peak resident memory.
#pragma once

#include <sys/resource.h>

#include <chrono>

namespace ftf::bench {

using Clock = std::chrono::steady_clock;

// Peak resident set size of this process so far, in MB.
inline double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // Linux: kilobytes
}

// Milliseconds from a to b.
inline double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace ftf::bench
