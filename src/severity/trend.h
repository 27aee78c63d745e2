// Trend in attack severity over time: is the share of low-casualty attacks rising, as the
// seed article forecasts, and is the tail of deaths per attack getting thinner?
//
// Per period (a calendar year, or blocks of N years from the first year in the data):
//   attacks, attacks with known deaths, the share with at most K deaths (Wilson 95% interval),
//   median and mean deaths, and the tail exponent α of the deaths >= xmin with a percentile
//   bootstrap 95% interval (resampling the period's attacks). xmin is the same for every
//   period — by default the KS-optimal xmin of all the data (Clauset, Young & Gleditsch 2007
//   also hold xmin fixed when comparing periods) — so that the αs are comparable.
// Tests for a trend in the low-casualty share:
//   - logistic regression of "at most K deaths" on the date (year + month fraction), one row
//     per attack: the slope, odds ratio per year and a likelihood-ratio p-value. With many
//     attacks this test is powerful but treats attacks as independent, so year-to-year swings
//     common to all attacks in a year inflate its confidence;
//   - the Mann–Kendall test on the per-period shares (periods with >= 5 known values): one
//     value per period, no distributional assumption, conservative.
// The verdict needs both: "strongly" when logistic p < 0.001 and Mann–Kendall p < 0.01,
// "moderately" when < 0.01 and < 0.05, "weakly" when only the logistic p < 0.05.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/status.h"
#include "severity/events_reader.h"

namespace ftf::severity {

struct TrendOptions {
  int period_years = 1;                 // --by year (1) or N-years
  double threshold = 1;                 // K: "low casualty" means deaths <= K
  std::optional<double> xmin;           // tail threshold; default: KS-optimal on all data
  int bootstrap = 200;                  // replicates for each period's α interval
  uint64_t seed = 1;
  int min_tail = 10;                    // fewer tail values: α is not estimated (NaN)
  int threads = 1;                      // for the global xmin scan
};

struct PeriodStats {
  int first_year = 0, last_year = 0;
  size_t attacks = 0;                   // dated attacks in the period
  size_t known = 0;                     // of which deaths are known
  size_t low = 0;                       // of which deaths <= K
  double low_share = 0, low_share_lo = 0, low_share_hi = 0;  // NaN when known == 0
  double median = 0, mean = 0;          // deaths; NaN when known == 0
  size_t n_tail = 0;                    // known deaths >= xmin
  double alpha = 0, alpha_lo = 0, alpha_hi = 0;  // NaN when n_tail < min_tail
};

struct LogisticTrend {
  double slope = 0;          // per year, on the log-odds scale
  double slope_se = 0;
  double odds_ratio_per_year = 0;
  double p = 0;              // likelihood-ratio test of slope = 0
  double fitted_first = 0;   // fitted share at the middle of the first and last periods
  double fitted_last = 0;
};

struct MannKendall {
  size_t n = 0;     // periods used
  double s = 0;     // Kendall's S
  double tau = 0;   // S / (n(n-1)/2)
  double z = 0;
  double p = 0;     // two-sided, normal approximation with the ties correction
};

struct TrendResult {
  std::vector<PeriodStats> periods;
  double threshold = 0;
  double xmin = 0;
  bool discrete = true;
  size_t undated = 0;             // events without a year (left out)
  size_t unknown = 0;             // dated events with unknown deaths
  LogisticTrend logistic;
  MannKendall share_trend;        // Mann–Kendall on the low-casualty shares
  MannKendall alpha_trend;        // Mann–Kendall on the periods' αs
  std::string verdict;            // "strong", "moderate", "weak", "none", "contradicts", "untestable"
  std::string sentence;           // plain-language summary
};

// InvalidArgument when no event has a date, or fewer than two periods have data.
Result<TrendResult> AnalyseTrend(const EventFile& file, const TrendOptions& options);

// Parses --by: "year" -> 1, "N-years" (or "N-year") -> N.
Result<int> ParsePeriod(const std::string& by);

// Exposed for tests.
MannKendall MannKendallTest(const std::vector<double>& series);
// Wilson score interval for k successes in n trials at 95%.
std::pair<double, double> WilsonInterval(double k, double n);

}  // namespace ftf::severity
