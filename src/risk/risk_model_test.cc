// Hand-worked risk cases: the United Kingdom and the United States with the Soufan 2017
// figures, and a country whose returnee figure is open-ended.
#include "risk/risk_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "fuse/test_util.h"

namespace ftf {
namespace {

using fusetest::Exact;
using fusetest::MakeClaim;

// Both rates, the unverified one included, so that the worked example has a low end.
RiskConfig Config() {
  RiskConfig c;
  c.base_rates = {{"high", 1.0 / 9, "one in nine", "Hegghammer 2013", "p. 1", true, false},
                  {"low", 1.0 / 360, "one in 360", "Hegghammer and Nesser 2015", "not seen", false, false}};
  c.use_unverified = true;
  return c;
}

RiskTable Compute(const std::vector<Claim>& claims, const RiskConfig& config = Config()) {
  auto f = Fuse(claims, fusetest::Sources(), FusionConfig{});
  EXPECT_TRUE(f.ok());
  return ComputeRisk(f.value(), Gazetteer::Bundled(), config);
}

bool HasReason(const CountryRisk& r, const std::string& part) {
  for (const std::string& s : r.reasons)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

const CountryRisk& Row(const RiskTable& t, const std::string& iso3) {
  for (const CountryRisk& r : t.rows)
    if (r.iso3 == iso3) return r;
  ADD_FAILURE() << "no row for " << iso3;
  static CountryRisk none;
  return none;
}

TEST(RiskModel, UnitedKingdomAboveUnitedStatesWithHandWorkedFigures) {
  RiskTable t = Compute({Exact(1, "GBR", Category::kDeparted, 850, "2017-10-31", "tank"),
                         Exact(2, "GBR", Category::kReturned, 425, "2017-10-31", "tank"),
                         Exact(3, "GBR", Category::kReturned, 2, "2017-10-31", "tank", Subgroup::kWomen),
                         Exact(4, "GBR", Category::kReturned, 4, "2017-10-31", "tank", Subgroup::kMinors),
                         Exact(5, "USA", Category::kDeparted, 129, "2017-10-31", "tank"),
                         Exact(6, "USA", Category::kReturned, 7, "2017-10-31", "tank")});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].iso3, "GBR");
  EXPECT_EQ(t.rows[1].iso3, "USA");
  const CountryRisk& gbr = Row(t, "GBR");
  const double pop = *Gazetteer::Bundled().CountryByIso3("GBR")->population;
  // Exact figures carry their reporting margin (docs/intervals.md): 425 -> [423, 427] (best
  // 425), 850 -> [841, 859] (best 850).
  EXPECT_NEAR(gbr.per_million->low, 423 / pop * 1e6, 1e-9);
  EXPECT_NEAR(*gbr.per_million->best, 425 / pop * 1e6, 1e-9);
  EXPECT_DOUBLE_EQ(gbr.return_rate->low, 423.0 / 859);
  EXPECT_DOUBLE_EQ(gbr.return_rate->high, 427.0 / 841);
  EXPECT_DOUBLE_EQ(*gbr.return_rate->best, 0.5);
  // Still in theatre, derived: 850 − 425 − (unknown dead) -> 0 to 859 − 423 = 436.
  EXPECT_TRUE(gbr.in_theater_derived);
  EXPECT_EQ(gbr.in_theater->low, 0);
  EXPECT_EQ(gbr.in_theater->high, 436);
  EXPECT_EQ(gbr.caseload->low, 6);
  EXPECT_NEAR(gbr.expected_plotters->low, 423.0 / 360, 1e-9);
  EXPECT_NEAR(gbr.expected_plotters->high, 427.0 / 9, 1e-9);
  // Bands: returnees 425 ≥ 400 -> 4; per million 6.4 -> 3 + (6.4 − 5)/10; in theatre central
  // 218 -> 2 + (218 − 100)/200; caseload 6 -> 1 + 1/20.
  double per_million = 425 / pop * 1e6;
  double expected = (0.35 * 4 + 0.35 * (3 + (per_million - 5) / 10) + 0.15 * (2 + 118.0 / 200) + 0.15 * 1.05) / 1.0;
  EXPECT_NEAR(gbr.score, expected, 1e-9);
  EXPECT_EQ(gbr.tier, Tier::kHigh);
  EXPECT_EQ(gbr.rank, 1);
  ASSERT_FALSE(gbr.reasons.empty());
  EXPECT_EQ(gbr.reasons[0], "423–427 (best 425) returnees: severe band");
  const CountryRisk& usa = Row(t, "USA");
  EXPECT_LT(usa.score, gbr.score);
  EXPECT_EQ(usa.rank, 2);
  EXPECT_LE(static_cast<int>(*usa.tier), static_cast<int>(Tier::kModerate));
}

TEST(RiskModel, OpenEndedReturneesGiveATierRangeAndNoReturneeFigureNoTier) {
  RiskTable t = Compute({MakeClaim(1, "BEL", Category::kReturned, Qualifier::kAtLeast, 102, std::nullopt,
                                   std::nullopt, "2017-10-31", "tank"),
                         Exact(2, "EGY", Category::kDeparted, 600, "2017-10-31", "tank")});
  const CountryRisk& bel = Row(t, "BEL");
  ASSERT_TRUE(bel.tier.has_value());
  EXPECT_NE(bel.tier_low, bel.tier_high);
  EXPECT_EQ(bel.tier_high, Tier::kSevere);
  EXPECT_FALSE(bel.expected_plotters->bounded());
  EXPECT_TRUE(HasReason(bel, "returnees: the sources give only a floor (at least 102)")) << bel.reasons[0];
  const CountryRisk& egy = Row(t, "EGY");
  EXPECT_FALSE(egy.tier.has_value());
  EXPECT_EQ(egy.rank, 0);
  EXPECT_EQ(egy.reasons[0], "no estimate of returnees: the tier is unknown");
  EXPECT_EQ(t.rows.back().iso3, "EGY");  // unrated countries come last
}

TEST(RiskModel, StatedInTheatreIsUsedAsIs) {
  RiskTable t = Compute({Exact(1, "AUS", Category::kDeparted, 200, "2017-10-31", "tank"),
                         Exact(2, "AUS", Category::kReturned, 40, "2017-10-31", "tank"),
                         Exact(3, "AUS", Category::kInTheater, 100, "2017-10-31", "tank")});
  const CountryRisk& aus = Row(t, "AUS");
  EXPECT_FALSE(aus.in_theater_derived);
  EXPECT_EQ(aus.in_theater->low, 50);  // "100" is round to the hundred: 100 ± (50 + 0.5)
  EXPECT_EQ(Central(*aus.in_theater), 100);
}

// Issue 11: Australia's upper ends came from subtracting every other country from the World
// totals. Those are feasible bounds; risk uses the stated "at least 40" and "more than 165",
// and says which inputs are insufficient data instead of grading a made-up 0–100 % return rate.
TEST(RiskModel, FeasibleBoundsNeverStandInForStatedFigures) {
  std::vector<Claim> claims = {
      MakeClaim(1, "AUS", Category::kReturned, Qualifier::kAtLeast, 40, std::nullopt, std::nullopt, "2017-10-31", "tank"),
      MakeClaim(2, "AUS", Category::kDeparted, Qualifier::kMoreThan, 165, std::nullopt, std::nullopt, "2017-10-31", "tank"),
      Exact(3, "World", Category::kDeparted, 41001, "2017-10-31", "tank"),
      Exact(4, "World", Category::kReturned, 5601, "2017-10-31", "tank")};
  auto f = Fuse(claims, fusetest::Sources(), FusionConfig{});
  ASSERT_TRUE(f.ok());
  const Estimate* dep = f->Find(LedgerKey{"AUS", Category::kDeparted, Subgroup::kAll, Unit::kPersons});
  ASSERT_NE(dep, nullptr);
  EXPECT_TRUE(dep->bounds.bounded());    // the World total caps the bounds ...
  EXPECT_FALSE(dep->interval.bounded()); // ... but not the stated estimate
  RiskTable t = ComputeRisk(*f, Gazetteer::Bundled(), Config());
  const CountryRisk& aus = Row(t, "AUS");
  EXPECT_FALSE(aus.returnees->bounded());
  EXPECT_EQ(aus.returnees->low, 40);
  EXPECT_FALSE(aus.return_rate.has_value());
  EXPECT_FALSE(aus.in_theater.has_value());
  EXPECT_TRUE(HasReason(aus, "return rate: insufficient data")) << aus.reasons.size();
  EXPECT_TRUE(HasReason(aus, "still in theatre: insufficient data"));
  EXPECT_EQ(aus.tier, Tier::kElevated);  // graded on the 40 the sources state, not on 3,411
}

// Only verified base rates are used by default; the lowest verified rate is a ceiling ("no more
// than one in nine"), so the expected count runs from 0.
TEST(RiskModel, UnverifiedBaseRatesAreNotUsedByDefault) {
  RiskConfig c = Config();
  c.use_unverified = false;
  c.base_rates[0].upper_bound = true;
  RiskTable t = Compute({Exact(1, "GBR", Category::kReturned, 425, "2017-10-31", "tank")}, c);
  ASSERT_EQ(t.base_rates.size(), 1u);
  EXPECT_EQ(t.base_rates[0].id, "high");
  const CountryRisk& gbr = Row(t, "GBR");
  EXPECT_EQ(gbr.expected_plotters->low, 0);
  EXPECT_NEAR(gbr.expected_plotters->high, 427.0 / 9, 1e-9);
  EXPECT_TRUE(HasReason(gbr, "at most 1 in 9"));
}

}  // namespace
}  // namespace ftf
