#include "fuse/constraints.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fuse/fusion.h"
#include "fuse/test_util.h"

namespace ftf {
namespace {

using fusetest::Exact;
using fusetest::MakeClaim;
using fusetest::Sources;

FusionResult FuseAll(const std::vector<Claim>& claims) {
  auto r = Fuse(claims, Sources(), FusionConfig{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.value();
}

const Estimate& Get(const FusionResult& r, const std::string& scope, Category c, Subgroup s = Subgroup::kAll,
                    Unit u = Unit::kPersons) {
  const Estimate* e = r.Find(LedgerKey{scope, c, s, u});
  EXPECT_NE(e, nullptr) << scope << " " << Name(c);
  static Estimate none;
  return e ? *e : none;
}

// A figure stated as a range with equal ends: no rounding or reporting margin, so the
// arithmetic below stays in round numbers (exact figures carry margins: docs/intervals.md).
Claim Point(int64_t id, const std::string& scope, Category cat, double v, const std::string& as_of,
            const std::string& source, Subgroup sub = Subgroup::kAll) {
  return MakeClaim(id, scope, cat, Qualifier::kRange, v, std::nullopt, v, as_of, source, sub);
}

TEST(Constraints, ReturnedAtMostDepartedNarrowsBothWays) {
  // Departed 100–200, returned at least 50: returned's open end closes at 200.
  FusionResult r = FuseAll({MakeClaim(1, "FRA", Category::kDeparted, Qualifier::kRange, 100, std::nullopt, 200,
                                  "2017-10-31", "tank"),
                        MakeClaim(2, "FRA", Category::kReturned, Qualifier::kAtLeast, 150, std::nullopt, std::nullopt,
                                  "2017-10-31", "tank")});
  const Estimate& ret = Get(r, "FRA", Category::kReturned);
  EXPECT_EQ(ret.bounds.low, 150);
  EXPECT_EQ(ret.bounds.high, 200);
  // The stated estimate stays what the source said: at least 150.
  EXPECT_EQ(ret.interval.low, 150);
  EXPECT_FALSE(ret.interval.bounded());
  ASSERT_EQ(ret.adjustments.size(), 1u);
  EXPECT_EQ(ret.adjustments[0].constraint, "returned ≤ departed (FRA, all)");
  // …and departed's feasible low end rises to 150.
  EXPECT_EQ(Get(r, "FRA", Category::kDeparted).bounds.low, 150);
  EXPECT_EQ(Get(r, "FRA", Category::kDeparted).interval.low, 100);
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Constraints, InfeasibleSetIsAConflictWithTheClaimsOnEachSide) {
  FusionResult r = FuseAll({Exact(1, "USA", Category::kDeparted, 129, "2017-10-31", "tank"),
                        Exact(2, "USA", Category::kReturned, 300, "2017-10-31", "news")});
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kConstraint);
  EXPECT_NE(c.summary.find("returned ≤ departed (USA, all)"), std::string::npos) << c.summary;
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_EQ(c.sides[0].claims[0].id, 2);
  EXPECT_EQ(c.sides[1].claims[0].id, 1);
  // Neither estimate nor bound is changed by a constraint that cannot hold ("300" is round:
  // 300 ± (50 + 1.5) -> [249, 351]).
  EXPECT_EQ(Get(r, "USA", Category::kReturned).interval.low, 249);
  EXPECT_EQ(Get(r, "USA", Category::kReturned).bounds.low, 249);
  EXPECT_EQ(Get(r, "USA", Category::kDeparted).bounds.high, 129);
  EXPECT_TRUE(Get(r, "USA", Category::kReturned).conflict);
}

TEST(Constraints, OutcomesAndSubgroupsSumToAtMostTheWhole) {
  // killed 300 + returned ≥ 100 + in theatre ≥ 0 ≤ departed 1,000: returned ≤ 700 and in theatre ≤ 600.
  FusionResult r = FuseAll({Point(1, "BEL", Category::kDeparted, 1000, "2017-10-31", "tank"),
                        Point(2, "BEL", Category::kKilled, 300, "2017-10-31", "tank"),
                        MakeClaim(3, "BEL", Category::kReturned, Qualifier::kAtLeast, 100, std::nullopt, std::nullopt,
                                  "2017-10-31", "tank"),
                        MakeClaim(4, "BEL", Category::kInTheater, Qualifier::kAtLeast, 0, std::nullopt, std::nullopt,
                                  "2017-10-31", "tank"),
                        Point(5, "BEL", Category::kDeparted, 80, "2017-10-31", "tank", Subgroup::kWomen),
                        MakeClaim(6, "BEL", Category::kDeparted, Qualifier::kAtLeast, 10, std::nullopt, std::nullopt,
                                  "2017-10-31", "tank", Subgroup::kMinors)});
  EXPECT_EQ(Get(r, "BEL", Category::kReturned).bounds.high, 700);
  EXPECT_EQ(Get(r, "BEL", Category::kInTheater).bounds.high, 600);
  EXPECT_EQ(Get(r, "BEL", Category::kDeparted, Subgroup::kMinors).bounds.high, 920);
}

TEST(Constraints, RegionBoundsItsCountriesAndTheyBoundIt) {
  // Benelux (BEL, NLD, LUX) stated at most 400; BEL 100–300, NLD exactly 200.
  FusionResult r = FuseAll({MakeClaim(1, "Benelux", Category::kDeparted, Qualifier::kAtMost, std::nullopt, std::nullopt,
                                  400, "2017-10-31", "tank"),
                        MakeClaim(2, "BEL", Category::kDeparted, Qualifier::kRange, 100, std::nullopt, 300,
                                  "2017-10-31", "tank"),
                        Point(3, "NLD", Category::kDeparted, 200, "2017-10-31", "tank")});
  EXPECT_EQ(Get(r, "BEL", Category::kDeparted).bounds.high, 200);      // 400 − NLD's 200
  EXPECT_EQ(Get(r, "Benelux", Category::kDeparted).bounds.low, 300);   // 100 + 200
  EXPECT_EQ(Get(r, "BEL", Category::kDeparted).interval.high, 300);    // as stated
  ASSERT_FALSE(r.aggregates.empty());
  const Aggregate* a = nullptr;
  for (const Aggregate& x : r.aggregates)
    if (x.region == "Benelux" && x.category == Category::kDeparted) a = &x;
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->covered, 2);
  EXPECT_EQ(a->members, 3);
  EXPECT_EQ(a->sum.low, 300);
  EXPECT_EQ(a->sum.high, 500);  // the stated figures: BEL 100–300 + NLD 200, not their bounds
  ASSERT_TRUE(a->stated.has_value());
  EXPECT_EQ(a->stated->high, 400);
  EXPECT_FALSE(a->stated_below_countries);
}

TEST(Constraints, RegionTotalBelowItsCountriesIsAConflictListedUnderTheRegion) {
  FusionResult r = FuseAll({Point(1, "Benelux", Category::kDeparted, 250, "2017-10-31", "tank"),
                        Point(2, "BEL", Category::kDeparted, 200, "2017-10-31", "tank"),
                        Point(3, "NLD", Category::kDeparted, 200, "2017-10-31", "tank")});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].key.scope, "Benelux");
  EXPECT_TRUE(Get(r, "Benelux", Category::kDeparted).conflict);
  EXPECT_FALSE(Get(r, "BEL", Category::kDeparted).conflict);
}

TEST(Constraints, OlderCountryFiguresBoundALaterRegionButNotTheOtherWayRound) {
  // A 2015 region total cannot cap 2017 country figures (they may have grown since).
  FusionResult r = FuseAll({Exact(1, "Benelux", Category::kDeparted, 250, "2015-01-01", "tank"),
                        Exact(2, "BEL", Category::kDeparted, 200, "2017-10-31", "tank"),
                        Exact(3, "NLD", Category::kDeparted, 200, "2017-10-31", "tank")});
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(Constraints, AShareTiesReturnedToDepartedAndDerivesTheMissingFigure) {
  // "About 30 % of some 5,000 returned": share exactly 0.3 of departed 5,000 -> returned 1,500.
  FusionResult r = FuseAll({Point(1, "European Union", Category::kDeparted, 5000, "2017-10-31", "tank"),
                        MakeClaim(2, "European Union", Category::kReturned, Qualifier::kRange, 0.3, std::nullopt,
                                  0.3, "2017-10-31", "tank", Subgroup::kAll, Unit::kShare)});
  const Estimate& ret = Get(r, "European Union", Category::kReturned);
  EXPECT_TRUE(ret.derived);
  EXPECT_FALSE(ret.stated());  // no source states it: only its feasible bounds are known
  EXPECT_EQ(ret.bounds.low, 1500);
  EXPECT_EQ(ret.bounds.high, 1500);
  std::vector<LedgerEntry> ledger = ToLedgerEntries(r);
  auto row = std::find_if(ledger.begin(), ledger.end(), [](const LedgerEntry& l) { return l.key.category == Category::kReturned; });
  ASSERT_NE(row, ledger.end());
  EXPECT_FALSE(row->stated);
  EXPECT_FALSE(row->low.has_value());  // never a bound passed off as an estimate
  EXPECT_EQ(row->bounds->low, 1500);
  EXPECT_EQ(row->method, "derived");
}

// Property: after propagation every constraint that was not reported as violated holds
// (bounds consistency), whatever the input.
TEST(Constraints, PropagationReachesAFixpointThatSatisfiesEveryConstraint) {
  std::mt19937 rng(20171024);
  const Category cats[] = {Category::kDeparted, Category::kReturned, Category::kKilled, Category::kInTheater};
  const std::string scopes[] = {"BEL", "NLD", "LUX", "Benelux"};
  for (int round = 0; round < 200; ++round) {
    std::vector<Estimate> est;
    for (const std::string& s : scopes)
      for (Category c : cats)
        for (Subgroup g : {Subgroup::kAll, Subgroup::kWomen, Subgroup::kMinors}) {
          if (rng() % 3 == 0) continue;
          Estimate e;
          e.key = {s, c, g, Unit::kPersons};
          double lo = rng() % 500;
          e.interval.low = lo;
          e.interval.high = rng() % 4 == 0 ? std::numeric_limits<double>::infinity() : lo + rng() % 800;
          e.bounds = e.interval;
          e.as_of = "2017-10-31";
          e.day = 17470;
          est.push_back(e);
        }
    std::sort(est.begin(), est.end(), [](const Estimate& a, const Estimate& b) { return a.key < b.key; });
    FusionConfig config;
    config.max_passes = 1000;
    std::vector<Constraint> cons = BuildConstraints(est, Gazetteer::Bundled(), config);
    Propagation p = Propagate(est, cons, config);
    ASSERT_TRUE(p.converged) << "round " << round;
    std::vector<size_t> skip;
    for (const Violation& v : p.violations) skip.push_back(v.constraint);
    std::vector<size_t> bad = Unsatisfied(est, cons, skip);
    ASSERT_TRUE(bad.empty()) << "round " << round << ": " << cons[bad.front()].name;
    for (const Estimate& e : est) ASSERT_FALSE(e.bounds.empty()) << e.key.scope;
  }
}

}  // namespace
}  // namespace ftf
