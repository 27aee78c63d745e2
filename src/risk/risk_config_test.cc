#include "risk/risk_config.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

TEST(RiskConfig, BundledFileCitesItsRatesAndMatchesTheDefaults) {
  auto c = DefaultRiskConfig();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->base_rates.size(), 2u);
  EXPECT_EQ(c->base_rates[0].id, "hegghammer2013");
  // Hegghammer & Nesser 2015's "one in 360" could not be checked: listed, not used by default.
  EXPECT_FALSE(c->use_unverified);
  EXPECT_FALSE(c->base_rates[1].verified);
  ASSERT_EQ(c->UsedRates().size(), 1u);
  EXPECT_NEAR(c->MaxRate(), 1.0 / 9, 1e-4);  // one in nine, a ceiling ...
  EXPECT_EQ(c->MinRate(), 0);               // ... so the low end is 0
  for (const BaseRate& b : c->base_rates) {
    EXPECT_FALSE(b.citation.empty());
    EXPECT_FALSE(b.where.empty());
  }
  RiskConfig d;
  EXPECT_EQ(c->returnees.thresholds, d.returnees.thresholds);
  EXPECT_EQ(c->tier_cutoffs, d.tier_cutoffs);
  EXPECT_DOUBLE_EQ(c->returnees_per_million.weight, d.returnees_per_million.weight);
}

TEST(RiskConfig, ErrorsNameTheField) {
  const char* rates = R"J("base_rates": [{"rate": 0.1, "citation": "X (2020)", "where": "table 2"}])J";
  auto ok = ParseRiskConfig(std::string("{") + rates + R"(, "indicators": {"returnees": {"weight": 1}}})", "r.json");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_DOUBLE_EQ(ok->returnees.weight, 1);
  auto th = ParseRiskConfig(std::string("{") + rates + R"(, "indicators": {"returnees": {"thresholds": [1, 5, 3, 9]}}})", "r.json");
  ASSERT_FALSE(th.ok());
  EXPECT_NE(th.status().message().find("r.json: indicators.returnees.thresholds: must be 4 ascending"), std::string::npos)
      << th.status().message();
  auto no_rates = ParseRiskConfig(R"({"tier_cutoffs": [1, 2, 3, 4]})", "r.json");
  EXPECT_FALSE(no_rates.ok());
  auto uncited = ParseRiskConfig(R"({"base_rates": [{"rate": 0.1}]})", "r.json");
  ASSERT_FALSE(uncited.ok());
  EXPECT_NE(uncited.status().message().find("citation"), std::string::npos);
  auto unplaced = ParseRiskConfig(R"J({"base_rates": [{"rate": 0.1, "citation": "X (2020)"}]})J", "r.json");
  ASSERT_FALSE(unplaced.ok());
  EXPECT_NE(unplaced.status().message().find("base_rates[0].where"), std::string::npos);
  EXPECT_FALSE(ParseRiskConfig(std::string("{") + rates + R"(, "indicators": {"vibes": {}}})", "r.json").ok());
}

}  // namespace
}  // namespace ftf
