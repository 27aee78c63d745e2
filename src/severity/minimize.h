// Derivative-free minimisation for the alternative distributions' likelihoods.
//
// NelderMead: the downhill simplex of Nelder & Mead (1965) with the standard coefficients
// (reflection 1, expansion 2, contraction 1/2, shrink 1/2), restarted from its own answer
// until a restart no longer improves the value by more than `ftol` (restarts cure the
// simplex's habit of collapsing early on long, flat valleys such as the lognormal's near the
// power-law limit). f may return +inf or NaN for infeasible points (treated as +inf).
// MinimizeScalar: Brent's method from Boost.Math on [lo, hi].
#pragma once

#include <functional>
#include <vector>

namespace ftf::severity {

struct MinimizeResult {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
};

MinimizeResult NelderMead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                          std::vector<double> step, double ftol = 1e-12, int max_evaluations = 20000);

struct ScalarResult {
  double x = 0;
  double value = 0;
};
ScalarResult MinimizeScalar(const std::function<double(double)>& f, double lo, double hi);

}  // namespace ftf::severity
