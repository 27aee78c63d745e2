// End-to-end: `ftfwatch severity fit|trend|simulate` on the bundled CSN2009 reference data and on
// generated events; bad input gives exit code 3 and a message naming file:line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

const std::string kTerrorism = std::string(FTF_SOURCE_DIR) + "/data/severity/terrorism.txt";

// poweRlaw 0.70.6: estimate_xmin(displ$new(terrorism)) -> xmin 12, alpha 2.369947, KS 0.017686,
// ntail 547. CSN2009: p = 0.68 (bootstrap).
TEST(SeverityE2E, FitTerrorismJson) {
  CliResult r = RunCli({"severity", "fit", kTerrorism, "--format", "json", "--bootstrap", "300", "--threads", "2",
                        "--seed", "7"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["xmin"], 12);
  EXPECT_NEAR(j["alpha"].get<double>(), 2.369947, 1e-6);
  EXPECT_NEAR(j["ks"].get<double>(), 0.017686, 1e-6);
  EXPECT_EQ(j["n_tail"], 547);
  EXPECT_EQ(j["n"], 9101);
  EXPECT_TRUE(j["discrete"].get<bool>());
  EXPECT_NEAR(j["p"].get<double>(), 0.68, 0.08);
  EXPECT_EQ(j["bootstrap"]["replicates"], 300);
  ASSERT_EQ(j["comparisons"].size(), 5u);
  EXPECT_EQ(j["comparisons"][0]["alternative"], "lognormal");
  EXPECT_NEAR(j["comparisons"][0]["normalised_ratio"].get<double>(), -0.278, 1e-3);
  EXPECT_EQ(j["comparisons"][1]["alternative"], "exponential");
  EXPECT_NEAR(j["comparisons"][1]["normalised_ratio"].get<double>(), 2.457, 1e-3);

  // Same seed, different thread count: the same p.
  CliResult again = RunCli({"severity", "fit", kTerrorism, "--format", "json", "--bootstrap", "300", "--threads", "1",
                            "--seed", "7"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["p"], j["p"]);
}

TEST(SeverityE2E, FitContinuousWithScaleAndPlot) {
  TempDir dir;
  CliResult r = RunCli({"severity", "fit", std::string(FTF_SOURCE_DIR) + "/data/severity/blackouts.txt", "--continuous",
                        "--scale", "1e-3", "--bootstrap", "0", "--format", "json", "--plot", dir.File("b.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["xmin"].get<double>(), 230, 1e-9);
  EXPECT_NEAR(j["alpha"].get<double>(), 2.272637, 1e-6);  // poweRlaw conpl
  EXPECT_TRUE(j["p"].is_null());
  const std::string svg = ReadFile(dir.File("b.svg"));
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
}

TEST(SeverityE2E, TableOutputNamesTheVerdict) {
  CliResult r = RunCli({"severity", "fit", kTerrorism, "--bootstrap", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("alpha ± se"), std::string::npos);
  EXPECT_NE(r.out.find("power_law_cutoff"), std::string::npos);
  EXPECT_NE(r.out.find("The power law is"), std::string::npos);
}

TEST(SeverityE2E, TrendOnGeneratedEvents) {
  TempDir dir;
  const std::string events = dir.File("events.csv");
  CliResult g = RunCli({"severity", "simulate", "--events", "--first-year", "1995", "--last-year", "2019",
                        "--low-share-from", "0.4", "--low-share-to", "0.7", "--seed", "5", "-o", events});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  CliResult r = RunCli({"severity", "trend", events, "--format", "json", "--plot", dir.File("t.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["verdict"], "strong");
  EXPECT_EQ(j["periods"].size(), 25u);
  EXPECT_GT(j["logistic"]["slope_per_year"].get<double>(), 0);
  CliResult text = RunCli({"severity", "trend", events, "--by", "5-years"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("1995–1999"), std::string::npos);
  EXPECT_NE(text.out.find("The data support the forecast"), std::string::npos);
}

struct BadCase {
  std::string content;
  std::string message;  // after "FILE"
};

TEST(SeverityE2E, BadInputExitsThreeNamingFileAndLine) {
  TempDir dir;
  const std::vector<BadCase> cases = {
      {"3\n4\nfour\n", ":3: value: not a number: 'four'"},
      {"3\n-4\n", ":2: value: negative: '-4'"},
      {"3\nNaN\n", ":2: value: not a finite number: 'NaN'"},
      {"3\n\n4\n", ":2: value: empty line"},
      {"", ": no data (the file is empty)"},
      {"0\n0\n0\n", ": deaths: all 3 known values are 0"},
      {"5\n5\n7\n", ": deaths: only 2 distinct positive values; a power-law fit needs at least 3"},
      {"date,deaths\n2001-01-01,2\n2001-01-02,2.5x\n", ":3: deaths: not a number: '2.5x'"},
  };
  int i = 0;
  for (const auto& c : cases) {
    const std::string file = dir.File("bad" + std::to_string(i++) + ".txt");
    WriteFile(file, c.content);
    CliResult r = RunCli({"severity", "fit", file, "--bootstrap", "0"});
    EXPECT_EQ(r.exit_code, 3) << c.content << "\n" << r.err;
    EXPECT_NE(r.err.find(file + c.message), std::string::npos) << r.err;
  }
  const std::string frac = dir.File("frac.txt");
  WriteFile(frac, "1\n2\n3.5\n");
  CliResult r = RunCli({"severity", "fit", frac, "--discrete", "--bootstrap", "0"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(frac + ":3: deaths: not a whole number"), std::string::npos) << r.err;
  CliResult missing = RunCli({"severity", "fit", dir.File("nope.txt")});
  EXPECT_EQ(missing.exit_code, 4);
}

}  // namespace
}  // namespace ftf::e2e
