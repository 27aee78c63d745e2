#include "severity/power_law_sampler.h"

#include <algorithm>
#include <cmath>

#include "severity/hurwitz_zeta.h"

namespace ftf::severity {
namespace {

constexpr size_t kMaxTable = size_t{1} << 20;
constexpr double kTailMass = 1e-7;
constexpr double kMaxValue = 1e15;

}  // namespace

PowerLawSampler::PowerLawSampler(bool discrete, double alpha, double xmin)
    : discrete_(discrete), alpha_(alpha), xmin_(xmin) {
  if (!discrete_) return;
  z0_ = HurwitzZeta(alpha_, xmin_);
  // F by summing the masses; the remaining mass is checked against the exact tail now and
  // then, so the stopping point does not suffer from accumulated rounding.
  double f = 0.0;
  double k = xmin_;
  while (cdf_.size() < kMaxTable) {
    f += std::pow(k, -alpha_) / z0_;
    cdf_.push_back(std::min(f, 1.0));
    k += 1.0;
    if ((cdf_.size() & 1023) == 0 || 1.0 - f < 2 * kTailMass) {
      const double rest = HurwitzZeta(alpha_, k) / z0_;
      if (rest < kTailMass) break;
    }
  }
  // Re-anchor the last entry on the exact tail so the table and the tail search agree.
  cdf_.back() = 1.0 - HurwitzZeta(alpha_, xmin_ + static_cast<double>(cdf_.size())) / z0_;
  const size_t m = cdf_.size();
  guide_.resize(m);
  size_t i = 0;
  for (size_t g = 0; g < m; ++g) {
    const double level = static_cast<double>(g) / static_cast<double>(m);
    while (i + 1 < m && cdf_[i] <= level) ++i;
    guide_[g] = static_cast<uint32_t>(i);
  }
}

double PowerLawSampler::Draw(Rng& rng) const {
  const double v = rng.Uniform();  // [0, 1)
  if (!discrete_) return xmin_ * std::pow(1.0 - v, -1.0 / (alpha_ - 1.0));
  if (v >= cdf_.back()) return DrawDiscreteTail(v);
  size_t i = guide_[static_cast<size_t>(v * static_cast<double>(guide_.size()))];
  while (cdf_[i] <= v) ++i;
  return xmin_ + static_cast<double>(i);
}

// The smallest k beyond the table with F(k) > v, i.e. ζ(α, k+1) < (1-v) ζ(α, xmin).
double PowerLawSampler::DrawDiscreteTail(double v) const {
  const double w = (1.0 - v) * z0_;
  auto below = [&](double k) { return HurwitzZeta(alpha_, k + 1.0) < w; };
  double lo = xmin_ + static_cast<double>(cdf_.size()) - 1.0;  // below(lo) is false
  // Continuous guess: ζ(α, k) ≈ (k - 1/2)^(1-α)/(α-1).
  double guess = std::floor(std::pow(w * (alpha_ - 1.0), -1.0 / (alpha_ - 1.0)) - 0.5);
  double hi = std::max(lo + 1.0, std::min(guess, kMaxValue));
  if (!below(hi)) {
    lo = hi;
    do {
      hi = std::min(kMaxValue, 2.0 * hi);
      if (hi >= kMaxValue) return kMaxValue;
    } while (!below(hi));
  }
  while (hi - lo > 1.0) {
    const double mid = std::floor(0.5 * (lo + hi));
    if (below(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

}  // namespace ftf::severity
