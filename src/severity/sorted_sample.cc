#include "severity/sorted_sample.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace ftf::severity {

SortedSample SortedSample::FromValues(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  SortedSample s;
  for (double v : values) {
    assert(v > 0 && std::isfinite(v));
    if (!s.values_.empty() && s.values_.back() == v) {
      s.counts_.back() += 1.0;
    } else {
      s.values_.push_back(v);
      s.counts_.push_back(1.0);
    }
  }
  s.Finish();
  return s;
}

SortedSample SortedSample::FromDistinct(std::vector<double> values, std::vector<double> counts) {
  assert(values.size() == counts.size());
  SortedSample s;
  s.values_ = std::move(values);
  s.counts_ = std::move(counts);
  s.Finish();
  return s;
}

void SortedSample::Finish() {
  const size_t u = values_.size();
  log_values_.resize(u);
  suffix_n_.assign(u + 1, 0.0);
  suffix_log_.assign(u + 1, 0.0);
  for (size_t i = 0; i < u; ++i) log_values_[i] = std::log(values_[i]);
  for (size_t i = u; i-- > 0;) {
    suffix_n_[i] = suffix_n_[i + 1] + counts_[i];
    suffix_log_[i] = suffix_log_[i + 1] + counts_[i] * log_values_[i];
  }
}

size_t SortedSample::LowerBound(double x) const {
  return static_cast<size_t>(std::lower_bound(values_.begin(), values_.end(), x) - values_.begin());
}

bool SortedSample::AllIntegers() const {
  return std::all_of(values_.begin(), values_.end(), [](double v) { return v == std::floor(v); });
}

}  // namespace ftf::severity
