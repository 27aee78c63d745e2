#include "severity/hurwitz_zeta.h"

#include <cmath>
#include <limits>

namespace ftf::severity {
namespace {

// B_2j / (2j)! for j = 1..8.
constexpr double kBernoulliOverFactorial[8] = {
    1.0 / 6.0 / 2.0,
    -1.0 / 30.0 / 24.0,
    1.0 / 42.0 / 720.0,
    -1.0 / 30.0 / 40320.0,
    5.0 / 66.0 / 3628800.0,
    -691.0 / 2730.0 / 479001600.0,
    7.0 / 6.0 / 87178291200.0,
    -3617.0 / 510.0 / 20922789888000.0,
};

// Where the Euler–Maclaurin tail starts: far enough out for 8 correction terms to reach
// double precision (see the header).
double Threshold(double s) { return 10.0 + s; }

}  // namespace

double HurwitzZeta(double s, double a) {
  if (!(s > 1.0) || !(a > 0.0) || !std::isfinite(a)) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0.0;
  double b = a;
  const double threshold = Threshold(s);
  while (b < threshold) {
    sum += std::pow(b, -s);
    b += 1.0;
  }
  const double inv_b = 1.0 / b;
  const double p = std::exp(-s * std::log(b));  // b^-s
  double tail = b * p / (s - 1.0) + 0.5 * p;
  // rising = s (s+1) ... (s+2j-2); power = b^(-s-2j+1)
  double rising = s;
  double power = p * inv_b;
  const double inv_b2 = inv_b * inv_b;
  for (int j = 0; j < 8; ++j) {
    tail += kBernoulliOverFactorial[j] * rising * power;
    rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
    power *= inv_b2;
  }
  return sum + tail;
}

ZetaJet HurwitzZetaJet(double s, double a) {
  ZetaJet z;
  if (!(s > 1.0) || !(a > 0.0) || !std::isfinite(a)) {
    z.value = z.d1 = z.d2 = std::numeric_limits<double>::quiet_NaN();
    return z;
  }
  double b = a;
  const double threshold = Threshold(s);
  while (b < threshold) {
    const double l = std::log(b);
    const double p = std::exp(-s * l);
    z.value += p;
    z.d1 -= l * p;
    z.d2 += l * l * p;
    b += 1.0;
  }
  const double lb = std::log(b);
  const double p = std::exp(-s * lb);
  // b^(1-s)/(s-1) = b p h with h = 1/(s-1); d/ds p = -lb p, d/ds h = -h², d²/ds² h = 2h³.
  const double h = 1.0 / (s - 1.0);
  z.value += b * p * h;
  z.d1 += b * p * (-lb * h - h * h);
  z.d2 += b * p * (lb * lb * h + 2.0 * lb * h * h + 2.0 * h * h * h);
  // p/2
  z.value += 0.5 * p;
  z.d1 -= 0.5 * lb * p;
  z.d2 += 0.5 * lb * lb * p;
  // c_j r_j(s) q_j with q_j = b^(-s-2j+1) (d/ds q = -lb q) and r_j the rising factorial,
  // carried with its first two derivatives.
  double r = s, r1 = 1.0, r2 = 0.0;
  double q = p / b;
  const double inv_b2 = 1.0 / (b * b);
  for (int j = 0; j < 8; ++j) {
    const double c = kBernoulliOverFactorial[j];
    z.value += c * r * q;
    z.d1 += c * (r1 - lb * r) * q;
    z.d2 += c * (r2 - 2.0 * lb * r1 + lb * lb * r) * q;
    // multiply r by (s + 2j + 1)(s + 2j + 2) = g, a quadratic in s: g' = 2s + 4j + 3, g'' = 2.
    const double m1 = s + 2 * j + 1, m2 = s + 2 * j + 2;
    const double g = m1 * m2, g1 = m1 + m2, g2 = 2.0;
    const double nr = r * g, nr1 = r1 * g + r * g1, nr2 = r2 * g + 2.0 * r1 * g1 + r * g2;
    r = nr;
    r1 = nr1;
    r2 = nr2;
    q *= inv_b2;
  }
  return z;
}

}  // namespace ftf::severity
