#include "claims/interval.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ftf {
namespace {

Claim Make(Qualifier q, std::optional<double> low, std::optional<double> best, std::optional<double> high,
           Unit unit = Unit::kPersons) {
  Claim c;
  c.scope = "GBR";
  c.qualifier = q;
  c.low = low;
  c.best = best;
  c.high = high;
  c.unit = unit;
  return c;
}

TEST(RoundingHalfUnit, FollowsTheLastSignificantDigit) {
  EXPECT_DOUBLE_EQ(RoundingHalfUnit(5600), 50);
  EXPECT_DOUBLE_EQ(RoundingHalfUnit(5000), 500);
  EXPECT_DOUBLE_EQ(RoundingHalfUnit(850), 5);
  EXPECT_DOUBLE_EQ(RoundingHalfUnit(425), 0.5);
  EXPECT_DOUBLE_EQ(RoundingHalfUnit(7), 0.5);
  EXPECT_NEAR(RoundingHalfUnit(0.25), 0.005, 1e-12);
  EXPECT_NEAR(RoundingHalfUnit(0.3), 0.05, 1e-12);
}

// docs/intervals.md, "Rounding and reporting uncertainty": exact N -> N ± (r + 0.5 % · N), r the
// rounding of a round N.
TEST(ClaimInterval, ExactCarriesItsRoundingAndAReportingMargin) {
  Interval i = ClaimInterval(Make(Qualifier::kExact, {}, 129, {}));
  EXPECT_DOUBLE_EQ(i.low, 129 - 0.645);  // not round: the margin only, under one person
  EXPECT_DOUBLE_EQ(i.high, 129 + 0.645);
  EXPECT_EQ(i.best, 129);
  EXPECT_FALSE(i.Contains(128));
  Interval r = ClaimInterval(Make(Qualifier::kExact, {}, 850, {}));
  EXPECT_DOUBLE_EQ(r.low, 850 - 5 - 4.25);  // round to the ten
  EXPECT_DOUBLE_EQ(r.high, 850 + 5 + 4.25);
  EXPECT_DOUBLE_EQ(ExactMargin(5000), 525);  // round to the thousand: 500 + 25
  EXPECT_DOUBLE_EQ(ExactMargin(2926), 14.63);
  EXPECT_DOUBLE_EQ(ExactMargin(0), 0);
  // 850 and "roughly 850" agree; 850 and 425 do not.
  Interval roughly = ClaimInterval(Make(Qualifier::kApprox, {}, 850, {}));
  EXPECT_FALSE(r.Intersect(roughly).empty());
  EXPECT_TRUE(r.Intersect(ClaimInterval(Make(Qualifier::kExact, {}, 425, {}))).empty());
  // A margin of 0 restores the bare point.
  IntervalRules none;
  none.reporting_margin = 0;
  Interval p = ClaimInterval(Make(Qualifier::kExact, {}, 129, {}), none);
  EXPECT_EQ(p.low, 129);
  EXPECT_EQ(p.high, 129);
}

TEST(ClaimInterval, ApproxWidensByRoundingAndHedge) {
  // "around 5,600": ±50 for the rounding, ±560 for the hedge.
  Interval i = ClaimInterval(Make(Qualifier::kApprox, {}, 5600, {}));
  EXPECT_DOUBLE_EQ(i.low, 5600 - 610);
  EXPECT_DOUBLE_EQ(i.high, 5600 + 610);
  EXPECT_EQ(*i.best, 5600);
  // "some 5,000": the rounding is ±500.
  Interval j = ClaimInterval(Make(Qualifier::kApprox, {}, 5000, {}));
  EXPECT_DOUBLE_EQ(j.low, 4000);
  EXPECT_DOUBLE_EQ(j.high, 6000);
}

TEST(ClaimInterval, BoundsStayOpenOrStrict) {
  Interval more = ClaimInterval(Make(Qualifier::kMoreThan, 40000, {}, {}));
  EXPECT_FALSE(more.bounded());
  EXPECT_FALSE(more.Contains(40000));
  EXPECT_TRUE(more.Contains(40001));
  Interval least = ClaimInterval(Make(Qualifier::kAtLeast, 5600, {}, {}));
  EXPECT_TRUE(least.Contains(5600));
  Interval fewer = ClaimInterval(Make(Qualifier::kFewerThan, {}, {}, 129));
  EXPECT_FALSE(fewer.Contains(129));
  EXPECT_TRUE(fewer.Contains(128));
  EXPECT_EQ(fewer.low, 0);
  Interval most = ClaimInterval(Make(Qualifier::kAtMost, {}, {}, 129));
  EXPECT_TRUE(most.Contains(129));
}

TEST(ClaimInterval, SharesAreCappedAtOne) {
  Interval s = ClaimInterval(Make(Qualifier::kMoreThan, 0.25, {}, {}, Unit::kShare));
  EXPECT_EQ(s.high, 1.0);
  EXPECT_TRUE(s.bounded());
}

TEST(ClaimInterval, RangeAndVagueUseTheirBounds) {
  Interval r = ClaimInterval(Make(Qualifier::kRange, 300, {}, 350));
  EXPECT_EQ(r.low, 300);
  EXPECT_EQ(r.high, 350);
  Interval v = ClaimInterval(Make(Qualifier::kVague, 200, {}, 999));
  EXPECT_EQ(v.low, 200);
  EXPECT_EQ(v.high, 999);
  EXPECT_FALSE(v.best.has_value());
}

TEST(Interval, FewerThan129DoesNotMeetExactly129) {
  Interval fewer = ClaimInterval(Make(Qualifier::kFewerThan, {}, {}, 129));
  Interval exact = ClaimInterval(Make(Qualifier::kExact, {}, 129, {}));
  // They overlap only in (128.355, 129): no whole number of people, so once fusion snaps counts
  // to whole numbers ([0, 128] against [129, 129]) they disagree.
  Interval both = fewer.Intersect(exact);
  EXPECT_GT(both.low, 128);
  EXPECT_EQ(both.high, 129);
  EXPECT_TRUE(both.high_strict);
  Interval most = ClaimInterval(Make(Qualifier::kAtMost, {}, {}, 129));
  EXPECT_FALSE(most.Intersect(exact).empty());
}

TEST(Interval, HullAndPlus) {
  Interval a = ClaimInterval(Make(Qualifier::kRange, 10, {}, 20));
  Interval b = ClaimInterval(Make(Qualifier::kRange, 15, {}, 30));
  Interval h = a.Hull(b);
  EXPECT_EQ(h.low, 10);
  EXPECT_EQ(h.high, 30);
  Interval s = a.Plus(b);
  EXPECT_EQ(s.low, 25);
  EXPECT_EQ(s.high, 50);
  Interval i = a.Intersect(b);
  EXPECT_EQ(i.low, 15);
  EXPECT_EQ(i.high, 20);
}

TEST(Interval, ToStringIsCompactAndHonest) {
  EXPECT_EQ(ClaimInterval(Make(Qualifier::kMoreThan, 40000, {}, {})).ToString(), "> 40,000");
  EXPECT_EQ(ClaimInterval(Make(Qualifier::kFewerThan, {}, {}, 129)).ToString(), "< 129");
  EXPECT_EQ(ClaimInterval(Make(Qualifier::kRange, 300, {}, 350)).ToString(), "300–350");
  EXPECT_EQ(ClaimInterval(Make(Qualifier::kExact, {}, 129, {})).ToString(), "129 (128.35–129.65)");
}

TEST(ValidateClaimShape, NamesTheField) {
  Claim c = Make(Qualifier::kRange, 20, {}, 10);
  Status st = ValidateClaimShape(c);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message().rfind("low:", 0), 0u) << st.message();
  Claim d = Make(Qualifier::kAtLeast, {}, 5, {});
  EXPECT_EQ(ValidateClaimShape(d).message().rfind("qualifier:", 0), 0u);
  Claim e = Make(Qualifier::kExact, {}, 1.5, {}, Unit::kShare);
  EXPECT_EQ(ValidateClaimShape(e).code(), StatusCode::kOutOfRange);
  EXPECT_TRUE(ValidateClaimShape(Make(Qualifier::kExact, {}, 129, {})).ok());
}

}  // namespace
}  // namespace ftf
