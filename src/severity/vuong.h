// Likelihood-ratio tests between the power law and an alternative on the same tail
// (CSN section 5; Vuong 1989).
//
// Non-nested alternatives (lognormal, exponential, stretched exponential, Poisson): with
// ℓ_i = ln p_PL(x_i) - ln p_alt(x_i) over the n tail values, R = Σ ℓ_i, the normalised
// statistic is R / (sqrt(n) σ) with σ the sample standard deviation of ℓ_i (denominator
// n-1, as in poweRlaw's compare_distributions; it reproduces CSN's table), and the two-sided
// p-value is erfc(|R/(sqrt(n) σ)| / sqrt(2)). A small p means the sign of R can be trusted:
// R > 0 favours the power law, R < 0 the alternative. A large p means the test cannot tell.
//
// Nested alternative (power law with exponential cut-off, which contains the power law at
// λ = 0): 2(L_cutoff - L_PL) is asymptotically χ² with 1 degree of freedom, so p =
// erfc(sqrt(-R)) with R = L_PL - L_cutoff <= 0 (CSN's table reports R and this p).
#pragma once

#include <vector>

namespace ftf::severity {

struct LikelihoodRatio {
  double log_ratio = 0;   // R = Σ ln p_PL - ln p_alt (> 0 favours the power law)
  double normalised = 0;  // R / (sqrt(n) σ); NaN when σ = 0
  double p = 0;           // two-sided Vuong p, or the nested χ² p
  bool nested = false;
};

// `log_p1`, `log_p2`: log-probabilities of each distinct tail value under the power law and
// the alternative; `counts`: how often each value occurs.
LikelihoodRatio VuongTest(const std::vector<double>& log_p1, const std::vector<double>& log_p2,
                          const std::vector<double>& counts);

// As VuongTest, but the p-value is the nested χ²(1) one. R is clamped to <= 0.
LikelihoodRatio NestedTest(const std::vector<double>& log_p_restricted, const std::vector<double>& log_p_full,
                           const std::vector<double>& counts);

}  // namespace ftf::severity
