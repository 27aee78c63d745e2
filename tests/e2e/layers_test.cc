// End-to-end: bundled data layers (data/layers/) load into an existing database, accepted,
// and loading one twice adds nothing; a new database gets the reports layer, and with it the
// coverage issue 14 asks for.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

// Lines of a bundled CSV, without its header.
size_t DataLines(const std::string& path) {
  std::ifstream f(path);
  std::string line;
  size_t n = 0;
  while (std::getline(f, line)) n += line.empty() ? 0 : 1;
  return n - 1;
}

TEST(LayersE2E, LoadingARealPagesLayerTwiceAddsNothing) {
  const std::string layer = std::string(FTF_SOURCE_DIR) + "/data/layers/realpages/";
  const size_t sources = DataLines(layer + "sources.csv");
  const size_t claims_in_file = DataLines(layer + "claims.csv");
  TempDir dir;
  const std::string db = dir.File("l.db");
  CliResult list = RunCli({"--db", db, "-q", "layers"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("realpages"), std::string::npos) << list.out;
  CliResult first = RunCli({"--db", db, "layers", "load", "realpages"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.err, m, std::regex(R"((\d+) new sources, (\d+) new claims)"))) << first.err;
  EXPECT_EQ(std::stoul(m[1]), sources);
  const long added = std::stol(m[2]);
  EXPECT_EQ(static_cast<size_t>(added), claims_in_file);  // the tool writes each claim once
  EXPECT_GT(added, 100);
  CliResult again = RunCli({"--db", db, "layers", "load", "realpages"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new sources, 0 new claims (" + std::to_string(added) + " already stored)"),
            std::string::npos)
      << again.err;
  // The layer's claims are accepted, with the page as their citation and no page text.
  CliResult claims = RunCli({"--db", db, "-q", "claims", "--format", "json"});
  auto arr = nlohmann::json::parse(claims.out);
  long from_layer = 0;
  for (const auto& c : arr) {
    if (c["origin"] != "layer/realpages") continue;
    ++from_layer;
    EXPECT_EQ(c["review"], "accepted");
    EXPECT_EQ(c["sentence"], "");
    EXPECT_EQ(c["page"].get<std::string>().rfind("http", 0), 0u) << c.dump();
  }
  EXPECT_EQ(from_layer, added);
  CliResult unknown = RunCli({"--db", db, "-q", "layers", "load", "atlantis"});
  EXPECT_EQ(unknown.exit_code, 5);
  EXPECT_NE(unknown.err.find("no bundled layer 'atlantis'"), std::string::npos) << unknown.err;
}

// A new database is seeded with the baseline and the reports layer (load_on_create); loading
// the layer again, or importing its files, adds nothing.
TEST(LayersE2E, ANewDatabaseHasTheReportsLayerAndLoadingItAgainAddsNothing) {
  const std::string layer = std::string(FTF_SOURCE_DIR) + "/data/layers/reports/";
  const size_t claims_in_file = DataLines(layer + "claims.csv");
  TempDir dir;
  const std::string db = dir.File("r.db");
  CliResult claims = RunCli({"--db", db, "claims", "--format", "json"});
  ASSERT_EQ(claims.exit_code, 0) << claims.err;
  EXPECT_NE(claims.err.find("seeded it with the bundled baseline and layer reports"), std::string::npos) << claims.err;
  size_t from_layer = 0;
  for (const auto& c : nlohmann::json::parse(claims.out)) {
    if (c["origin"] != "reports") continue;
    ++from_layer;
    EXPECT_EQ(c["review"], "accepted");
  }
  EXPECT_EQ(from_layer, claims_in_file);
  CliResult again = RunCli({"--db", db, "layers", "load", "reports"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new sources, 0 new claims (" + std::to_string(claims_in_file) + " already stored)"),
            std::string::npos)
      << again.err;
  CliResult import = RunCli({"--db", db, "import", layer + "sources.csv", layer + "claims.csv"});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.err.find("0 new claims"), std::string::npos) << import.err;
}

// Issue 14, item 2, on a fresh database: a departed figure for at least 100 countries, and at
// least 3 dated figures (distinct dates) for each of the 25 countries with the most departures
// (ranked by the fused departed estimate: best, else low, else high).
TEST(LayersE2E, AFreshDatabaseCoversOneHundredCountriesAndDatesTheTop25) {
  TempDir dir;
  const std::string db = dir.File("c.db");
  CliResult cov = RunCli({"--db", db, "-q", "sources", "--coverage", "--format", "json"});
  ASSERT_EQ(cov.exit_code, 0) << cov.err;
  std::map<std::string, nlohmann::json> rows;
  int with_departed = 0;
  const nlohmann::json coverage = nlohmann::json::parse(cov.out);
  for (const auto& r : coverage["countries"]) {
    rows[r["scope"].get<std::string>()] = r;
    with_departed += r["departed_figures"].get<int>() > 0;
  }
  EXPECT_GE(with_departed, 100);
  CliResult led = RunCli({"--db", db, "-q", "ledger", "--format", "json"});
  ASSERT_EQ(led.exit_code, 0) << led.err;
  const std::regex iso3("[A-Z]{3}");
  std::map<std::string, std::set<std::string>> dates;  // country -> distinct as_of of its evidence
  std::vector<std::pair<double, std::string>> departed;
  for (const auto& e : nlohmann::json::parse(led.out)) {
    const std::string scope = e["scope"];
    if (!std::regex_match(scope, iso3)) continue;
    for (const auto& ev : e["evidence"])
      if (ev["as_of"].is_string() && !ev["as_of"].get<std::string>().empty()) dates[scope].insert(ev["as_of"]);
    if (e["category"] != "departed" || e["subgroup"] != "all" || e["unit"] != "persons") continue;
    for (const char* k : {"best", "low", "high"})
      if (e[k].is_number()) {
        departed.emplace_back(e[k].get<double>(), scope);
        break;
      }
  }
  std::sort(departed.begin(), departed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  ASSERT_GE(departed.size(), 25u);
  for (size_t i = 0; i < 25; ++i) {
    const std::string& scope = departed[i].second;
    SCOPED_TRACE(scope);
    EXPECT_GE(dates[scope].size(), 3u);
    ASSERT_TRUE(rows.count(scope));
    EXPECT_GE(rows[scope]["dated_figures"].get<int>(), 3);
  }
  // The largest are where the reports put them (Soufan 2017's country table).
  EXPECT_EQ(departed[0].second, "RUS");
}

}  // namespace
}  // namespace ftf::e2e
