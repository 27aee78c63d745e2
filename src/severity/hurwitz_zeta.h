// The Hurwitz zeta function ζ(s, a) = Σ_{k≥0} (a + k)^(-s), the normaliser of the discrete
// power law p(x) = x^(-α) / ζ(α, xmin), and its first two derivatives in s, which give the
// score and Fisher information of the discrete maximum-likelihood estimate of α.
//
// Boost.Math 1.74 has the Riemann zeta (a = 1) but not the Hurwitz form, so it is computed
// here by the Euler–Maclaurin formula: the first terms are summed directly until the
// argument reaches b >= 10 + s, then
//   Σ_{k≥0} (b+k)^(-s) = b^(1-s)/(s-1) + b^(-s)/2 + Σ_{j=1..8} B_2j/(2j)! · s(s+1)…(s+2j-2) · b^(-s-2j+1).
// With b >= 10 + s the remainder is below 1e-15 relative for every s > 1 (checked against
// Boost's zeta and polygamma in hurwitz_zeta_test.cc).
//
// Domain: s > 1 and a > 0; outside it the result is NaN. Thread-safe (pure functions).
#pragma once

namespace ftf::severity {

// ζ(s, a).
double HurwitzZeta(double s, double a);

// ζ(s, a) and its derivatives in s: d1 = ∂ζ/∂s = -Σ ln(a+k) (a+k)^(-s), d2 = ∂²ζ/∂s².
struct ZetaJet {
  double value = 0;
  double d1 = 0;
  double d2 = 0;
};
ZetaJet HurwitzZetaJet(double s, double a);

}  // namespace ftf::severity
