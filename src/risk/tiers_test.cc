#include "risk/tiers.h"

#include <gtest/gtest.h>

#include <limits>

namespace ftf {
namespace {

TEST(Band, LinearWithinEachBandAndCappedAtFour) {
  Thresholds t{10, 50, 150, 400};
  EXPECT_DOUBLE_EQ(Band(0, t), 0);
  EXPECT_DOUBLE_EQ(Band(5, t), 0.5);
  EXPECT_DOUBLE_EQ(Band(10, t), 1);
  EXPECT_DOUBLE_EQ(Band(30, t), 1.5);
  EXPECT_DOUBLE_EQ(Band(100, t), 2.5);
  EXPECT_DOUBLE_EQ(Band(275, t), 3.5);
  EXPECT_DOUBLE_EQ(Band(400, t), 4);
  EXPECT_DOUBLE_EQ(Band(std::numeric_limits<double>::infinity(), t), 4);
}

TEST(TierOf, CutoffsAreLowerBoundsOfTheNextTier) {
  Thresholds c{0.5, 1.5, 2.5, 3.5};
  EXPECT_EQ(TierOf(0.49, c), Tier::kLow);
  EXPECT_EQ(TierOf(0.5, c), Tier::kModerate);
  EXPECT_EQ(TierOf(2.0, c), Tier::kElevated);
  EXPECT_EQ(TierOf(3.4, c), Tier::kHigh);
  EXPECT_EQ(TierOf(4.0, c), Tier::kSevere);
  EXPECT_EQ(Name(Tier::kElevated), "elevated");
  EXPECT_EQ(ParseTier("severe"), Tier::kSevere);
  EXPECT_FALSE(ParseTier("extreme").has_value());
}

}  // namespace
}  // namespace ftf
