#include "severity/vuong.h"

#include <cmath>
#include <limits>

namespace ftf::severity {

LikelihoodRatio VuongTest(const std::vector<double>& log_p1, const std::vector<double>& log_p2,
                          const std::vector<double>& counts) {
  double n = 0, sum = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    n += counts[i];
    sum += counts[i] * (log_p1[i] - log_p2[i]);
  }
  const double mean = sum / n;
  double ss = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const double d = log_p1[i] - log_p2[i] - mean;
    ss += counts[i] * d * d;
  }
  LikelihoodRatio r;
  r.log_ratio = sum;
  const double sd = n > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  if (sd > 0 && std::isfinite(sd)) {
    r.normalised = sum / (std::sqrt(n) * sd);
    r.p = std::erfc(std::fabs(r.normalised) / std::sqrt(2.0));
  } else {
    r.normalised = std::numeric_limits<double>::quiet_NaN();
    r.p = std::numeric_limits<double>::quiet_NaN();
  }
  return r;
}

LikelihoodRatio NestedTest(const std::vector<double>& log_p_restricted, const std::vector<double>& log_p_full,
                           const std::vector<double>& counts) {
  LikelihoodRatio r = VuongTest(log_p_restricted, log_p_full, counts);
  r.nested = true;
  if (r.log_ratio > 0) r.log_ratio = 0;  // the full model can only fit as well or better
  r.p = std::erfc(std::sqrt(-r.log_ratio));
  return r;
}

}  // namespace ftf::severity
