#include "severity/hurwitz_zeta.h"

#include <cmath>

#include <boost/math/special_functions/polygamma.hpp>
#include <boost/math/special_functions/zeta.hpp>
#include <gtest/gtest.h>

namespace ftf::severity {
namespace {

TEST(HurwitzZetaTest, MatchesRiemannZetaAtAEqualsOne) {
  for (double s : {1.01, 1.5, 2.0, 2.369947, 3.7, 8.0, 30.0}) {
    EXPECT_NEAR(HurwitzZeta(s, 1.0) / boost::math::zeta(s), 1.0, 1e-14) << s;
  }
}

TEST(HurwitzZetaTest, MatchesPolygammaAtIntegerS) {
  // ζ(n+1, a) = (-1)^(n+1) ψ^(n)(a) / n!
  for (double a : {0.3, 1.0, 7.0, 12.0, 999.5, 1e6}) {
    EXPECT_NEAR(HurwitzZeta(2.0, a) / boost::math::trigamma(a), 1.0, 1e-14) << a;
    EXPECT_NEAR(HurwitzZeta(3.0, a) / (-boost::math::polygamma(2, a) / 2.0), 1.0, 1e-13) << a;
  }
}

TEST(HurwitzZetaTest, RecurrenceHolds) {
  for (double s : {1.2, 2.5, 5.0}) {
    for (double a : {1.0, 3.0, 11.0, 12.0, 50.0}) {
      EXPECT_NEAR(HurwitzZeta(s, a) - HurwitzZeta(s, a + 1), std::pow(a, -s), 1e-15 * HurwitzZeta(s, a));
    }
  }
}

TEST(HurwitzZetaTest, JetDerivativesMatchFiniteDifferences) {
  for (double s : {1.3, 2.37, 4.0}) {
    for (double a : {1.0, 12.0, 300.0}) {
      const ZetaJet z = HurwitzZetaJet(s, a);
      EXPECT_NEAR(z.value / HurwitzZeta(s, a), 1.0, 1e-14);
      const double h = 1e-5;
      const double d1 = (HurwitzZeta(s + h, a) - HurwitzZeta(s - h, a)) / (2 * h);
      const double d2 = (HurwitzZetaJet(s + h, a).d1 - HurwitzZetaJet(s - h, a).d1) / (2 * h);
      EXPECT_NEAR(z.d1 / d1, 1.0, 1e-7) << s << " " << a;
      EXPECT_NEAR(z.d2 / d2, 1.0, 1e-7) << s << " " << a;
    }
  }
}

TEST(HurwitzZetaTest, OutsideDomainIsNaN) {
  EXPECT_TRUE(std::isnan(HurwitzZeta(1.0, 2.0)));
  EXPECT_TRUE(std::isnan(HurwitzZeta(2.0, 0.0)));
  EXPECT_TRUE(std::isnan(HurwitzZetaJet(0.5, 2.0).value));
}

}  // namespace
}  // namespace ftf::severity
