// SortedSample: the distinct values of a data set in increasing order with their counts, and
// suffix sums over them, so that the tail statistics of any candidate xmin (how many values
// are >= xmin, the sum of their logarithms) cost O(1). Every fit in this folder works on it.
//
// Thread safety: immutable after construction; share freely between threads.
#pragma once

#include <cstddef>
#include <vector>

namespace ftf::severity {

class SortedSample {
 public:
  SortedSample() = default;

  // From raw values (any order). Precondition: every value is finite and > 0.
  static SortedSample FromValues(std::vector<double> values);
  // From distinct increasing values and their positive counts (not checked beyond asserts).
  static SortedSample FromDistinct(std::vector<double> values, std::vector<double> counts);

  size_t distinct() const { return values_.size(); }
  double total() const { return suffix_n_.empty() ? 0.0 : suffix_n_[0]; }
  const std::vector<double>& values() const { return values_; }
  const std::vector<double>& counts() const { return counts_; }
  const std::vector<double>& log_values() const { return log_values_; }
  // Number of values with index >= i (i may equal distinct(): 0).
  double suffix_n(size_t i) const { return suffix_n_[i]; }
  // Σ count·log(value) over indices >= i.
  double suffix_log(size_t i) const { return suffix_log_[i]; }
  // Index of the first distinct value >= x (distinct() if none).
  size_t LowerBound(double x) const;
  // True when every value is a whole number.
  bool AllIntegers() const;

 private:
  void Finish();
  std::vector<double> values_, counts_, log_values_;
  std::vector<double> suffix_n_, suffix_log_;  // size distinct()+1, last entry 0
};

}  // namespace ftf::severity
