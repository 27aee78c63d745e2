#include "severity/vuong.h"

#include <cmath>

#include <gtest/gtest.h>

namespace ftf::severity {
namespace {

TEST(VuongTest, NormalisedStatisticUsesTheSampleSd) {
  // Pointwise ratios 1, 2, 3 (one each) and 2 (weight 2): n = 5, mean = 2, sample sd = sqrt(2/4).
  const std::vector<double> a = {1, 2, 3}, b = {0, 0, 0}, w = {1, 3, 1};
  const LikelihoodRatio r = VuongTest(a, b, w);
  EXPECT_DOUBLE_EQ(r.log_ratio, 10.0);
  EXPECT_NEAR(r.normalised, 10.0 / (std::sqrt(5.0) * std::sqrt(0.5)), 1e-12);
  EXPECT_NEAR(r.p, std::erfc(std::fabs(r.normalised) / std::sqrt(2.0)), 1e-15);
  EXPECT_FALSE(r.nested);
}

TEST(VuongTest, IdenticalModelsGiveNoStatistic) {
  const LikelihoodRatio r = VuongTest({-1, -2}, {-1, -2}, {3, 4});
  EXPECT_EQ(r.log_ratio, 0.0);
  EXPECT_TRUE(std::isnan(r.normalised));
  EXPECT_TRUE(std::isnan(r.p));
}

TEST(VuongTest, NestedPValueIsChiSquaredOneDegree) {
  // CSN table 6.2, terrorism: R = -0.077 -> p = 0.70.
  const LikelihoodRatio r = NestedTest({0.0, 0.0}, {0.0385, 0.0385}, {1, 1});
  EXPECT_NEAR(r.log_ratio, -0.077, 1e-12);
  EXPECT_NEAR(r.p, 0.695, 1e-3);
  EXPECT_TRUE(r.nested);
}

}  // namespace
}  // namespace ftf::severity
