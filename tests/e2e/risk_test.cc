// End-to-end: `ftfwatch risk` on the bundled baseline.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

using nlohmann::json;

json Risk(const std::vector<std::string>& args) {
  CliResult r = RunCli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

const json& Row(const json& arr, const std::string& scope) {
  for (const auto& r : arr)
    if (r["scope"] == scope) return r;
  static json none;
  ADD_FAILURE() << "no risk row for " << scope;
  return none;
}

TEST(RiskE2E, UnitedKingdomRanksAboveUnitedStates) {
  TempDir dir;
  json risk = Risk({"--db", dir.File("ftf.db"), "-q", "risk", "--format", "json"});
  const json& gbr = Row(risk, "GBR");
  const json& usa = Row(risk, "USA");
  ASSERT_TRUE(gbr["rank"].is_number());
  ASSERT_TRUE(usa["rank"].is_number());
  EXPECT_LT(gbr["rank"].get<int>(), usa["rank"].get<int>());
  EXPECT_GT(gbr["score"].get<double>(), usa["score"].get<double>());
  EXPECT_EQ(gbr["tier"], "high");
  EXPECT_EQ(gbr["returnees"]["best"], 425);
  EXPECT_EQ(gbr["women_minors_returned"]["low"], 6);
  EXPECT_EQ(usa["returnees"]["best"], 7);
  EXPECT_FALSE(gbr["reasons"].empty());
  EXPECT_EQ(gbr["reasons"][0], "423–427 (best 425) returnees: severe band");
  // Only the verified base rate is used by default: "no more than one in nine", a ceiling, so
  // the expected number involved in plotting runs from 0 to 427/9 (425 with its margin).
  EXPECT_EQ(gbr["expected_plotters"]["low"], 0);
  EXPECT_NEAR(gbr["expected_plotters"]["high"].get<double>(), 427 * 0.1111, 1e-3);
  // Ranks are consecutive among rated countries; unrated ones have no tier.
  int expected_rank = 1;
  for (const auto& r : risk) {
    if (r["tier"].is_null()) {
      EXPECT_TRUE(r["rank"].is_null());
      continue;
    }
    EXPECT_EQ(r["rank"], expected_rank++);
    for (const char* f : {"scope", "tier", "tier_low", "tier_high", "reasons"}) EXPECT_TRUE(r.contains(f)) << f;
  }
  EXPECT_GT(expected_rank, 15);
}

TEST(RiskE2E, TierRangesFranceConflictAndCountryFilter) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  json fra = Risk({"--db", db, "-q", "risk", "--country", "France", "--format", "json"});
  ASSERT_EQ(fra.size(), 1u);
  EXPECT_EQ(fra[0]["returnees"]["low"], 270);  // the headline's 271; one copy's 302 is set aside
  EXPECT_EQ(fra[0]["returnees"]["high"], 272);
  EXPECT_EQ(fra[0]["conflict"], true);
  // Minors returned: the DGSI's 78 of March 2018 (reports layer) outweighs Soufan 2017's 77.
  EXPECT_EQ(fra[0]["minors_returned"]["best"], 78);
  // Belgium's returnees are "more than 102" (stated, open-ended): low and high differ.
  json bel = Risk({"--db", db, "-q", "risk", "--country", "BEL", "--format", "json"});
  EXPECT_NE(bel[0]["tier_low"], bel[0]["tier_high"]);
  CliResult text = RunCli({"--db", db, "-q", "risk", "--country", "GBR,USA"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_LT(text.out.find("GBR United Kingdom"), text.out.find("USA United States"));
  EXPECT_NE(text.out.find("never about individuals"), std::string::npos);
}

TEST(RiskE2E, ConfigFileChangesTiersAndErrorsNameTheField) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  // Thresholds so low that every returnee figure is severe.
  WriteFile(dir.File("risk.json"),
            R"J({"base_rates": [{"id": "x", "rate": 0.5, "citation": "test", "where": "table 1", "verified": true}],
                "indicators": {"returnees": {"weight": 1, "thresholds": [0.001, 0.002, 0.003, 0.004]},
                               "returnees_per_million": {"weight": 0}, "in_theater": {"weight": 0},
                               "women_minors_returned": {"weight": 0}}})J");
  json risk = Risk({"--db", db, "-q", "risk", "--config", dir.File("risk.json"), "--format", "json"});
  EXPECT_EQ(Row(risk, "USA")["tier"], "severe");
  EXPECT_NEAR(Row(risk, "USA")["expected_plotters"]["high"].get<double>(), 3.5, 1e-9);
  WriteFile(dir.File("bad.json"), R"({"tier_cutoffs": [3, 2, 1, 0]})");
  CliResult bad = RunCli({"--db", db, "-q", "risk", "--config", dir.File("bad.json")});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--config: "), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("tier_cutoffs"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace ftf::e2e
