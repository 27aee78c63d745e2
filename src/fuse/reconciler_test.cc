// Hand-worked fusion cases: every number here can be checked with pencil and paper
// (docs/fusion.md walks through the first three).
#include "fuse/reconciler.h"

#include <gtest/gtest.h>

#include <cmath>

#include "fuse/fusion.h"
#include "fuse/test_util.h"
#include "fuse/weights.h"

namespace ftf {
namespace {

using fusetest::Exact;
using fusetest::MakeClaim;
using fusetest::Sources;

FusionResult FuseAll(const std::vector<Claim>& claims, FusionConfig config = {}) {
  auto r = Fuse(claims, Sources(), config);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.value();
}

Interval Closed(double lo, double hi) {
  Interval iv;
  iv.low = lo;
  iv.high = hi;
  return iv;
}

TEST(SelectCredible, StrictBoundsDecideWhetherIntervalsMeet) {
  Interval fewer = Closed(0, 129);
  fewer.high_strict = true;  // fewer than 129
  Interval at = Closed(129, 129);
  Selection s = SelectCredible({{fewer, 0.4}, {at, 0.8}}, 1.0);
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0], at);
  EXPECT_TRUE(s.reaches[0].empty());  // outvoted
  EXPECT_EQ(s.reaches[1], std::vector<int>{0});
  EXPECT_DOUBLE_EQ(s.top_weight, 0.8);

  Selection closed = SelectCredible({{Closed(0, 129), 0.4}, {at, 0.8}}, 1.0);  // at most 129
  ASSERT_EQ(closed.groups.size(), 1u);
  EXPECT_EQ(closed.groups[0], at);
  EXPECT_DOUBLE_EQ(closed.top_weight, 1.2);
  EXPECT_FALSE(closed.reaches[0].empty());
}

TEST(SelectCredible, TiesKeepEveryEquallyHeavyGroupAndLighterOnesAreOutvoted) {
  Selection s = SelectCredible({{Closed(10, 10), 1}, {Closed(20, 30), 1}, {Closed(25, 40), 0.5}, {Closed(50, 60), 0.2}}, 1.0);
  // [20,30] ∩ [25,40] = [25,30] weighs 1.5 and wins alone.
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0], Closed(25, 30));
  EXPECT_TRUE(s.reaches[0].empty());
  EXPECT_TRUE(s.reaches[3].empty());

  Selection tie = SelectCredible({{Closed(10, 10), 1}, {Closed(20, 30), 1}}, 1.0);
  ASSERT_EQ(tie.groups.size(), 2u);
  EXPECT_EQ(tie.hull, Closed(10, 30));

  // credible_share 0.5: a group at least half as heavy as the winner is kept beside it.
  Selection near = SelectCredible({{Closed(10, 10), 1}, {Closed(20, 30), 0.6}}, 0.5);
  EXPECT_EQ(near.groups.size(), 2u);
}

TEST(SnapToCounts, WholeNumbersInside) {
  Interval a = Closed(382.4, 467.6);
  a.best = 425.2;
  Interval s = SnapToCounts(a);
  EXPECT_EQ(s.low, 383);
  EXPECT_EQ(s.high, 467);
  EXPECT_EQ(s.best, 425);
  Interval fewer = Closed(0, 129);
  fewer.high_strict = true;
  EXPECT_EQ(SnapToCounts(fewer), Closed(0, 128));
  Interval more;
  more.low = 40000;
  more.low_strict = true;
  Interval m = SnapToCounts(more);
  EXPECT_EQ(m.low, 40001);
  EXPECT_FALSE(m.bounded());
}

// France returned from two think tanks: 271 and 302, same date, same weight: a tie. Exact
// figures carry a reporting margin (271 -> [270, 272], 302 -> [301, 303]); the estimate covers
// both; best is their weighted mean 286.5, rounded to 287.
TEST(Fusion, FranceTieCoversBothFiguresAndIsAConflict) {
  FusionResult r = FuseAll({Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "tank"),
                        Exact(2, "FRA", Category::kReturned, 302, "2017-10-31", "tank2")});
  ASSERT_EQ(r.estimates.size(), 1u);
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 270);
  EXPECT_EQ(e.interval.high, 303);
  EXPECT_EQ(e.interval.best, 287);
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kDisagreement);
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_TRUE(c.sides[0].credible);
  EXPECT_TRUE(c.sides[1].credible);
  ASSERT_EQ(c.sides[0].claims.size(), 1u);
  EXPECT_EQ(c.sides[0].claims[0].id, 1);
  EXPECT_EQ(c.sides[1].claims[0].id, 2);
  EXPECT_NE(c.summary.find("271 (tank) vs 302 (tank2)"), std::string::npos) << c.summary;
}

// France returned, Soufan 2017: 271 in the key findings, 302 in one copy's country table. Both
// are copies of one publication (same source, same date): they count once, the headline stands
// for the publication, and the copy's figure is listed as a copies conflict.
TEST(Fusion, AnEditionsHeadlineOutranksACopysTableFigure) {
  Claim headline = Exact(1, "FRA", Category::kReturned, 271, "2017-10-31", "tank");
  headline.role = ClaimRole::kHeadline;
  Claim row = Exact(2, "FRA", Category::kReturned, 302, "2017-10-31", "tank");
  row.role = ClaimRole::kTableRow;
  FusionResult r = FuseAll({row, headline});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 270);
  EXPECT_EQ(e.interval.high, 272);
  EXPECT_EQ(e.interval.best, 271);
  EXPECT_EQ(e.wording, "271");
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(e.windows.size(), 1u);
  EXPECT_EQ(e.windows[0].editions, 1);
  EXPECT_EQ(e.windows[0].variants, 1);
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kCopies);
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_TRUE(c.sides[0].credible);
  EXPECT_EQ(c.sides[0].claims[0].id, 1);
  EXPECT_FALSE(c.sides[1].credible);
  EXPECT_EQ(c.sides[1].claims[0].id, 2);
}

// World departed, Soufan 2017: the headline says "more than 40,000"; one press copy prints
// 53,781. The point never outranks the headline: the estimate reads "more than 40,000".
TEST(Fusion, WorldDepartedReadsMoreThan40000NotTheOneCopysPoint) {
  Claim headline = MakeClaim(1, "World", Category::kDeparted, Qualifier::kMoreThan, 40000, std::nullopt, std::nullopt,
                             "2017-10-31", "tank");
  headline.role = ClaimRole::kHeadline;
  Claim copy = Exact(2, "World", Category::kDeparted, 53781, "2017-10-31", "tank");
  Claim older = MakeClaim(3, "World", Category::kDeparted, Qualifier::kRange, 27000, std::nullopt, 31000,
                          "2015-12-07", "tank");
  FusionResult r = FuseAll({copy, headline, older});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 40001);
  EXPECT_FALSE(e.interval.bounded());
  EXPECT_FALSE(e.interval.best.has_value());
  EXPECT_EQ(e.wording, ">40,000");
  ASSERT_EQ(e.evidence.size(), 3u);
  EXPECT_EQ(e.evidence[0].claim_id, 1);
  EXPECT_EQ(e.evidence[0].role, EvidenceRole::kUsed);
  EXPECT_EQ(e.evidence[1].claim_id, 2);
  EXPECT_EQ(e.evidence[1].role, EvidenceRole::kVariant);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kCopies);
  EXPECT_NE(r.conflicts[0].summary.find(">40,000 (tank) vs 53,781 (tank)"), std::string::npos) << r.conflicts[0].summary;
}

// Without a headline, an edition stands on the figure most of its copies agree on: Tunisia
// departed, Soufan 2017, 2,926 and 2,920 (which agree within their reporting margins) against
// one copy's 2,962.
TEST(Fusion, WithoutAHeadlineMostCopiesWin) {
  FusionResult r = FuseAll({Exact(1, "TUN", Category::kDeparted, 2926, "2017-10-31", "tank"),
                            Exact(2, "TUN", Category::kDeparted, 2920, "2017-10-31", "tank"),
                            Exact(3, "TUN", Category::kDeparted, 2962, "2017-10-31", "tank")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 2912);  // 2,926 − 14.6
  EXPECT_EQ(e.interval.high, 2939); // 2,920 + (5 + 14.6): "2,920" ends in 0
  EXPECT_EQ(e.interval.best, 2923);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kCopies);
  EXPECT_EQ(r.conflicts[0].sides.back().claims[0].id, 3);
}

// USA departed: a think tank's exact 129 (weight 0.8) against a news article's "fewer than 129"
// a week earlier (weight 0.4 × 0.5^(7/730)). They do not meet; the think tank wins.
TEST(Fusion, FewerThanAgainstExactIsOutvotedByTheHeavierSource) {
  FusionResult r = FuseAll({Exact(1, "USA", Category::kDeparted, 129, "2017-10-31", "tank"),
                        MakeClaim(2, "USA", Category::kDeparted, Qualifier::kFewerThan, std::nullopt, std::nullopt, 129,
                                  "2017-10-24", "news")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 129);
  EXPECT_EQ(e.interval.high, 129);
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_EQ(c.sides[0].label, "credible");
  EXPECT_EQ(c.sides[0].claims[0].id, 1);
  EXPECT_EQ(c.sides[1].label, "outvoted");
  EXPECT_FALSE(c.sides[1].credible);
  EXPECT_EQ(c.sides[1].claims[0].id, 2);
  EXPECT_NEAR(c.sides[1].weight, 0.4 * std::pow(0.5, 7.0 / 730), 1e-12);
  EXPECT_EQ(c.sides[1].claims[0].interval, Closed(0, 128));
}

// UK returned: "some 425" and "about 400" from two think tanks. approx 425 -> 425 ± (0.5 + 42.5)
// = [382, 468]; approx 400 -> 400 ± (50 + 40) = [310, 490]. They intersect to [382, 468];
// best is the mean of 425 and 400 (equal weights) = 412.5 -> 413.
TEST(Fusion, ConsistentApproximateFiguresIntersect) {
  FusionResult r = FuseAll({MakeClaim(1, "GBR", Category::kReturned, Qualifier::kApprox, std::nullopt, 425, std::nullopt,
                                  "2017-10-31", "tank"),
                        MakeClaim(2, "GBR", Category::kReturned, Qualifier::kApprox, std::nullopt, 400, std::nullopt,
                                  "2017-10-31", "tank2")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 382);
  EXPECT_EQ(e.interval.high, 468);
  EXPECT_EQ(e.interval.best, 413);
  EXPECT_FALSE(e.conflict);
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Fusion, OlderCumulativeFigureBoundsANewerOneFromBelow) {
  FusionResult r = FuseAll({Exact(1, "FRA", Category::kDeparted, 1700, "2015-12-07", "tank"),
                        MakeClaim(2, "FRA", Category::kDeparted, Qualifier::kAtLeast, 1500, std::nullopt, std::nullopt,
                                  "2017-10-31", "tank")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 1642);  // "1,700" is round to the hundred: 1,700 − (50 + 8.5)
  EXPECT_FALSE(e.interval.bounded());
  EXPECT_EQ(e.as_of, "2017-10-31");
  ASSERT_EQ(e.windows.size(), 2u);
  EXPECT_EQ(e.windows[0].lower_bound, 1642);
  EXPECT_TRUE(r.conflicts.empty());
}

// Tunisia departed: 6,000 in 2015, 2,926 in 2017. Counts only grow: a conflict. The newer
// figure stands (the later report corrects the earlier; Tunisia's official figure was revised).
TEST(Fusion, NewerFigureFarBelowAnOlderOneIsADecreaseConflict) {
  FusionResult r = FuseAll({Exact(1, "TUN", Category::kDeparted, 6000, "2015-12-07", "tank"),
                        Exact(2, "TUN", Category::kDeparted, 2926, "2017-10-31", "tank")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 2912);
  EXPECT_EQ(e.interval.high, 2940);
  EXPECT_EQ(e.interval.best, 2926);
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kDecrease);
  EXPECT_EQ(r.conflicts[0].sides[0].label, "newer");
  EXPECT_EQ(r.conflicts[0].sides[0].claims[0].id, 2);
  EXPECT_EQ(r.conflicts[0].sides[1].label, "older");
  EXPECT_EQ(r.conflicts[0].sides[1].claims[0].id, 1);
}

// Australia departed: "250" in 2014 (round: 244–256), "about 220" in 2018 ([193, 247]). The
// newer hedge reaches the older floor, but its stated point lies below it: a decrease, and the
// newer figure stands whole — not the sliver 244–247 that no source states.
TEST(Fusion, NewerPointBelowAnOlderFloorIsADecreaseEvenWhenItsHedgeReachesIt) {
  FusionResult r = FuseAll({Exact(1, "AUS", Category::kDeparted, 250, "2014-06-15", "tank"),
                        MakeClaim(2, "AUS", Category::kDeparted, Qualifier::kApprox, std::nullopt, 220, std::nullopt,
                                  "2018-02-27", "gov")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 193);  // 220 − (5 + 22)
  EXPECT_EQ(e.interval.high, 247);
  EXPECT_EQ(e.interval.best, 220);
  EXPECT_TRUE(e.conflict);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::kDecrease);
  EXPECT_EQ(r.conflicts[0].sides[0].claims[0].id, 2);
  EXPECT_EQ(r.conflicts[0].sides[1].claims[0].id, 1);
}

// "More than 5,000" (2016) and "some 5,000" (2017): the older figure states no point, so the
// newer one is bounded from below (5,001–6,000), not a decrease.
TEST(Fusion, NewerPointAtAnOpenOlderFloorIsBoundedNotADecrease) {
  FusionResult r = FuseAll({MakeClaim(1, "European Union", Category::kDeparted, Qualifier::kMoreThan, 5000, std::nullopt,
                                  std::nullopt, "2016-12-31", "ran"),
                        MakeClaim(2, "European Union", Category::kDeparted, Qualifier::kApprox, std::nullopt, 5000,
                                  std::nullopt, "2017-10-31", "tank")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 5001);
  EXPECT_EQ(e.interval.high, 6000);
  EXPECT_FALSE(e.conflict);
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Fusion, StockCategoriesMayGoDownAndOlderFiguresAreSuperseded) {
  FusionResult r = FuseAll({Exact(1, "GBR", Category::kInTheater, 500, "2015-12-07", "tank"),
                        Exact(2, "GBR", Category::kInTheater, 100, "2017-10-31", "tank")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 50);  // "100" is round to the hundred: 100 ± (50 + 0.5)
  EXPECT_EQ(e.interval.high, 150);
  EXPECT_FALSE(e.conflict);
  EXPECT_TRUE(r.conflicts.empty());
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[1].claim_id, 1);
  EXPECT_EQ(e.evidence[1].role, EvidenceRole::kSuperseded);
}

TEST(Fusion, ASourceRepeatingItselfCountsOnce) {
  // Without de-duplication 101 would weigh twice as much as 203 and win alone.
  FusionResult r = FuseAll({Exact(1, "BEL", Category::kDeparted, 101, "2017-10-31", "tank"),
                        Exact(2, "BEL", Category::kDeparted, 101, "2017-10-31", "tank"),
                        Exact(3, "BEL", Category::kDeparted, 203, "2017-10-31", "tank2")});
  const Estimate& e = r.estimates[0];
  EXPECT_EQ(e.interval.low, 101);   // 101 ± 0.505
  EXPECT_EQ(e.interval.high, 204);  // 203 ± 1.015
  int dups = 0;
  for (const Evidence& ev : e.evidence) dups += ev.role == EvidenceRole::kDuplicate;
  EXPECT_EQ(dups, 1);
}

TEST(Fusion, GovernmentOutweighsThinkTankAndRecencyOutweighsAge) {
  // Figures that do not end in 0 carry no rounding: 301 -> [300, 302], 321 -> [320, 322].
  FusionResult r = FuseAll({Exact(1, "DEU", Category::kReturned, 301, "2017-10-31", "gov"),
                        Exact(2, "DEU", Category::kReturned, 321, "2017-10-31", "tank")});
  EXPECT_EQ(r.estimates[0].interval.low, 300);
  EXPECT_EQ(r.estimates[0].interval.high, 302);
  EXPECT_EQ(r.estimates[0].interval.best, 301);
  // Same kind, within the window: the newer one (2017-10-31) outweighs the older (2017-06-01).
  FusionResult t = FuseAll({Exact(1, "DEU", Category::kReturned, 281, "2017-06-01", "tank"),
                        Exact(2, "DEU", Category::kReturned, 301, "2017-10-31", "tank2")});
  EXPECT_EQ(t.estimates[0].interval.low, 300);
  EXPECT_EQ(t.estimates[0].interval.high, 302);
}

TEST(Fusion, SharesAreRealNumbersWithStrictBounds) {
  FusionResult r = FuseAll({MakeClaim(1, "EU-27", Category::kReturned, Qualifier::kMoreThan, 0.3, std::nullopt,
                                  std::nullopt, "2017-10-31", "tank", Subgroup::kAll, Unit::kShare),
                        MakeClaim(2, "EU-27", Category::kReturned, Qualifier::kAtMost, std::nullopt, std::nullopt, 0.5,
                                  "2017-10-31", "tank", Subgroup::kAll, Unit::kShare)});
  const Estimate* e = r.Find(LedgerKey{"EU-27", Category::kReturned, Subgroup::kAll, Unit::kShare});
  ASSERT_NE(e, nullptr);
  EXPECT_DOUBLE_EQ(e->interval.low, 0.3);
  EXPECT_TRUE(e->interval.low_strict);
  EXPECT_DOUBLE_EQ(e->interval.high, 0.5);
}

}  // namespace
}  // namespace ftf
