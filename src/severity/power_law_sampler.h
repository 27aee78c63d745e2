// Random draws from a fitted power law, for the goodness-of-fit bootstrap and for synthetic
// data.
//
// Discrete: exact inversion of the CDF F(k) = 1 - ζ(α, k+1)/ζ(α, xmin). F is tabulated from
//   xmin until the remaining tail mass is below 1e-7 (at most 2^20 entries), and a guide
//   table (Chen & Asau 1974) makes each draw O(1) on average. Draws beyond the table are
//   found by bracketing and bisection on the exact Hurwitz-zeta tail, so even the rare huge
//   values come from the true discrete law (poweRlaw switches to a continuous approximation
//   above 10,000 instead). Values are capped at 1e15.
// Continuous: x = xmin (1-u)^(-1/(α-1)).
//
// Thread safety: const methods only after construction; one sampler may serve many threads,
// each with its own Rng.
#pragma once

#include <cstdint>
#include <vector>

#include "severity/rng.h"

namespace ftf::severity {

class PowerLawSampler {
 public:
  // Preconditions: alpha > 1; xmin > 0 (a whole number if discrete).
  PowerLawSampler(bool discrete, double alpha, double xmin);

  double Draw(Rng& rng) const;

  size_t table_size() const { return cdf_.size(); }

 private:
  double DrawDiscreteTail(double v) const;

  bool discrete_;
  double alpha_, xmin_;
  double z0_ = 0;              // ζ(α, xmin)
  std::vector<double> cdf_;    // cdf_[i] = F(xmin + i)
  std::vector<uint32_t> guide_;
};

}  // namespace ftf::severity
