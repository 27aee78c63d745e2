// Power-law fit of a heavy tail by maximum likelihood, with the lower bound xmin chosen to
// minimise the Kolmogorov–Smirnov distance between the data above it and the fitted law
// (Clauset, Shalizi & Newman 2009, "CSN", sections 3.1–3.3).
//
// Discrete: p(x) = x^-α / ζ(α, xmin) for integers x >= xmin (ζ: Hurwitz zeta). For each
//   candidate xmin, α maximises the log-likelihood -α Σ ln x - n ln ζ(α, xmin), found by a
//   safeguarded Newton iteration on the score (the derivatives come from HurwitzZetaJet, the
//   tail sums from SortedSample, so each iteration is O(1)). The KS distance compares the
//   empirical and fitted CDFs P(X <= k) at every integer k from xmin to max(x), as the R
//   package poweRlaw does; it is evaluated exactly at the two points per gap between
//   distinct values where the maximum can occur, so each candidate costs O(distinct tail).
// Continuous: p(x) = (α-1)/xmin (x/xmin)^-α for real x >= xmin; α has the closed form
//   1 + n / Σ ln(x/xmin) (CSN eq. 3.1); KS = max_i |i/n - F(x_(i))| over the sorted tail,
//   i = 0..n-1 (CSN's plfit and poweRlaw use this form).
//
// Candidates are the distinct values except the largest two (poweRlaw's rule: a tail needs at
// least three distinct values to say anything), optionally only those <= max_xmin. On ties in
// the KS distance the smallest xmin wins.
//
// Standard error of α: discrete 1/sqrt(n Var_α[ln X]) (the inverse Fisher information, CSN
// eq. 3.6 and appendix B), continuous (α-1)/sqrt(n) (CSN eq. 3.2).
//
// Thread safety: pure functions. FitPowerLaw may itself use `threads` worker threads for the
// scan; the result does not depend on the number of threads.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "ftfwatch/status.h"
#include "severity/sorted_sample.h"

namespace ftf::severity {

struct PowerLawOptions {
  bool discrete = true;
  // Only candidates <= max_xmin are scanned (poweRlaw's `xmax` argument; default there 1e5).
  double max_xmin = std::numeric_limits<double>::infinity();
  // If set, xmin is this value (any value below the third-largest distinct value; whole for
  // a discrete fit): no scan; the tail is every value >= it and its KS distance is reported.
  std::optional<double> fixed_xmin;
  int threads = 1;  // worker threads for the xmin scan (>= 1)
};

struct PowerLawFit {
  bool discrete = true;
  double xmin = 0;
  double alpha = 0;
  double sigma_alpha = 0;      // standard error of alpha
  double ks = 0;               // KS distance of the tail from the fit
  double n = 0;                // values fitted (the whole sample, tail and below)
  double n_tail = 0;           // values >= xmin
  size_t xmin_index = 0;       // index of the first distinct value >= xmin
  double log_likelihood = 0;   // of the tail under the fit
  // log p(x) = log_c - alpha ln x, with log_c = -ln ζ(α, xmin) (discrete) or
  // ln(α-1) + (α-1) ln xmin (continuous).
  double log_c = 0;
  size_t candidates = 0;       // xmin values scanned
};

// The fit with xmin chosen by the KS distance (or fixed, see options).
// InvalidArgument when the sample has fewer than three distinct values, or when
// `discrete` and a value is not a whole number >= 1.
Result<PowerLawFit> FitPowerLaw(const SortedSample& sample, const PowerLawOptions& options);

// The discrete MLE of α for a tail of `n` values >= xmin whose mean log is `mean_log`.
// Also sets *var_log (if given) to Var_α[ln X], for the standard error. Returns +inf when
// every value equals xmin (mean_log == ln xmin) and NaN for invalid input.
double DiscreteAlphaMle(double n, double mean_log, double xmin, double* var_log = nullptr);

// KS distance of the tail (the values from distinct index `i0` up, all >= xmin) from the
// discrete power law with exponent α starting at xmin.
double DiscreteKs(const SortedSample& sample, size_t i0, double xmin, double alpha);
// The same for the continuous power law.
double ContinuousKs(const SortedSample& sample, size_t i0, double xmin, double alpha);

// Log-probability (discrete: mass; continuous: density) of `x` under the fitted law, x >= xmin.
double PowerLawLogP(const PowerLawFit& fit, double x);

}  // namespace ftf::severity
