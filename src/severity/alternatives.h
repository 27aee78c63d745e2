// Maximum-likelihood fits of the alternatives to a power-law tail, on the same tail (the
// values >= xmin), and their comparison with the power law (CSN section 5, table 6.2).
//
// Every density is truncated at xmin and normalised over x >= xmin.
//   lognormal               p(x) ∝ (1/x) exp(-(ln x - μ)² / 2σ²)
//   exponential             p(x) ∝ exp(-λx)
//   stretched exponential   p(x) ∝ x^(β-1) exp(-λ x^β)        (Weibull; CSN's parameters)
//   power law with cut-off  p(x) ∝ x^(-α) exp(-λx)
//   Poisson (discrete only) p(x) ∝ μ^x / x!
// Discrete data: the power law with cut-off and the Poisson are normalised exactly over the
// integers >= xmin; the lognormal, exponential and stretched exponential are discretised as
// poweRlaw does, p(x) = [S(x - 1/2) - S(x + 1/2)] / S(xmin - 1/2) with S the continuous
// survival function (for the exponential this is exactly the geometric distribution).
//
// The optimisers: closed forms for the exponential, a profile likelihood and Brent's method
// for the continuous stretched exponential and for the Poisson, Nelder–Mead with restarts
// for the rest (the lognormal in its natural parameters μ/σ² and 1/2σ², which are well
// conditioned near the power-law limit σ -> ∞ that heavy tails push it to).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ftfwatch/status.h"
#include "severity/power_law_fit.h"
#include "severity/sorted_sample.h"
#include "severity/vuong.h"

namespace ftf::severity {

enum class Alternative { kLognormal, kExponential, kStretchedExponential, kPowerLawCutoff, kPoisson };

// "lognormal", "exponential", "stretched_exponential", "power_law_cutoff", "poisson".
const char* AlternativeName(Alternative a);

// The alternatives CSN compare for this kind of data (Poisson only for discrete data).
std::vector<Alternative> DefaultAlternatives(bool discrete);

// The tail of a sample: its distinct values >= xmin and their counts.
struct Tail {
  bool discrete = true;
  double xmin = 0;
  std::vector<double> x, count, log_x;
  double n = 0;
};
Tail MakeTail(const SortedSample& sample, const PowerLawFit& fit);

struct AlternativeFit {
  Alternative kind = Alternative::kLognormal;
  std::vector<std::pair<std::string, double>> params;  // named as in the header comment
  double log_likelihood = 0;
  std::vector<double> log_p;  // per distinct tail value
  // Set when the fit ran to the edge of its family where it becomes a power law (lognormal
  // σ -> ∞, stretched exponential β -> 0, cut-off λ = 0): the test then cannot separate them.
  bool power_law_limit = false;
};

// FailedPrecondition for the Poisson on continuous data.
Result<AlternativeFit> FitAlternative(Alternative kind, const Tail& tail);

// The power law's log-probabilities at the tail's distinct values.
std::vector<double> PowerLawLogPs(const PowerLawFit& fit, const Tail& tail);

struct Comparison {
  AlternativeFit alternative;
  LikelihoodRatio test;
  // "power_law" when p < 0.1 and R > 0, "alternative" when p < 0.1 and R < 0, else "neither".
  std::string favours;
};

// Fits each alternative and tests it against the power law. The cut-off is tested as a
// nested model; the others by Vuong's test.
Result<std::vector<Comparison>> CompareAlternatives(const SortedSample& sample, const PowerLawFit& fit,
                                                    const std::vector<Alternative>& kinds);

// Log of the survival function of the standard normal, accurate far into both tails.
double LogNormalSurvival(double z);

// ln Σ_{k >= xmin} k^-α e^(-λk) (integer xmin >= 1, λ >= 0; α > 1 when λ = 0).
double LogDiscreteCutoffNormaliser(double alpha, double lambda, double xmin);
// ln ∫_xmin^∞ x^-α e^(-λx) dx (λ >= 0; α > 1 when λ = 0).
double LogContinuousCutoffNormaliser(double alpha, double lambda, double xmin);

}  // namespace ftf::severity
