#include "fuse/weights.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

TEST(DayNumber, FullAndPartialDates) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2017-10-31"), 17470);
  EXPECT_EQ(DayToIso(17470), "2017-10-31");
  EXPECT_EQ(DayNumber("2014-06"), DayNumber("2014-06-15"));  // middle of the month
  EXPECT_EQ(DayNumber("2015"), DayNumber("2015-07-01"));     // middle of the year
  EXPECT_FALSE(DayNumber("").has_value());
  EXPECT_FALSE(DayNumber("2015-13").has_value());
  EXPECT_FALSE(DayNumber("20x5").has_value());
  EXPECT_FALSE(DayNumber("2015-10-31T00").has_value());
}

TEST(WeighClaim, KindTimesRecencyHalvingEveryHalfLife) {
  FusionConfig c;
  int ref = *DayNumber("2019-01-01");
  ClaimWeight now = WeighClaim(SourceKind::kGovernment, ref, ref, c);
  EXPECT_DOUBLE_EQ(now.weight, 1.0);
  ClaimWeight old = WeighClaim(SourceKind::kThinkTank, ref - 730, ref, c);
  EXPECT_DOUBLE_EQ(old.kind, 0.8);
  EXPECT_DOUBLE_EQ(old.recency, 0.5);
  EXPECT_DOUBLE_EQ(old.weight, 0.4);
  // A claim dated after the reference date is not worth more than a current one.
  EXPECT_DOUBLE_EQ(WeighClaim(SourceKind::kNews, ref + 100, ref, c).weight, 0.4);
}

}  // namespace
}  // namespace ftf
