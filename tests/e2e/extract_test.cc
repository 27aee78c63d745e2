// End-to-end tests of `ftfwatch extract`, `ingest` and `eval` on the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

const std::string kFixtures = std::string(FTF_SOURCE_DIR) + "/tests/fixtures/extraction/";

bool Has(const nlohmann::json& claims, const std::string& cat, const std::string& scope, const std::string& unit,
         const std::string& qualifier) {
  for (const auto& c : claims)
    if (c["category"] == cat && c["scope"] == scope && c["unit"] == unit && c["qualifier"] == qualifier) return true;
  return false;
}

// Issue 3, item 10: the article that started the project.
TEST(ExtractE2E, SeedArticle) {
  CliResult r = RunCli({"extract", kFixtures + "seed_article.txt", "--date", "2017-10-24", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json claims = nlohmann::json::parse(r.out);
  bool soufan = false;
  for (const auto& c : claims)
    if (c["category"] == "returned" && c["scope"] == "World" && c["best"] == 5600 && c["attributed_to"] == "Soufan Center")
      soufan = true;
  EXPECT_TRUE(soufan) << r.out;
  EXPECT_TRUE(Has(claims, "departed", "World", "persons", "more_than"));
  EXPECT_TRUE(Has(claims, "departed", "World", "countries", "more_than"));
  EXPECT_TRUE(Has(claims, "departed", "North America", "persons", "vague"));
  EXPECT_TRUE(Has(claims, "departed", "USA", "persons", "fewer_than"));
  for (const char* iso : {"RUS", "SAU", "FRA", "GBR", "DEU"})
    EXPECT_TRUE(Has(claims, "returned", iso, "persons", "vague")) << iso;
  for (const auto& c : claims) {
    EXPECT_EQ(c["sentence"].get<std::string>().find("Afghan"), std::string::npos) << c.dump();
    EXPECT_EQ(c["as_of"], "2017-10-24");
    EXPECT_TRUE(c["span"].is_array());
  }
  EXPECT_EQ(claims.size(), 10u) << r.out;
}

// Issue 3, item 9: the quality bar, through the real binary.
TEST(ExtractE2E, EvalMeetsTheBarOnDevSet) {
  CliResult r = RunCli({"eval", kFixtures + "dev.jsonl", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["overall"]["precision"].get<double>(), 0.92);
  EXPECT_GE(j["overall"]["recall"].get<double>(), 0.88);
  EXPECT_TRUE(j["fields"].contains("attribution"));
  EXPECT_TRUE(j["misses"].is_array());
}

// The held-out passages (annotated before the extractor was run on them): a floor a little under
// the score reached, so that a rule tuned on dev.jsonl cannot silently cost generality.
TEST(ExtractE2E, EvalOnHeldOutSetDoesNotRegress) {
  CliResult r = RunCli({"eval", kFixtures + "extra.jsonl", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["overall"]["precision"].get<double>(), 0.95);
  EXPECT_GE(j["overall"]["recall"].get<double>(), 0.78);
}

TEST(ExtractE2E, JsonlKeepsOrderAndIds) {
  TempDir dir;
  WriteFile(dir.File("c.jsonl"),
            "{\"id\":\"a\",\"date\":\"2019-01-01\",\"source\":\"X\",\"text\":\"Some 60 Danish fighters have returned.\"}\n"
            "{\"id\":2,\"text\":\"Nothing to see.\"}\n");
  CliResult r = RunCli({"extract", "--jsonl", dir.File("c.jsonl"), "--format", "json", "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string l1, l2;
  std::getline(lines, l1);
  std::getline(lines, l2);
  auto a = nlohmann::json::parse(l1), b = nlohmann::json::parse(l2);
  EXPECT_EQ(a["id"], "a");
  ASSERT_EQ(a["claims"].size(), 1u);
  EXPECT_EQ(a["claims"][0]["scope"], "DNK");
  EXPECT_EQ(a["claims"][0]["source"], "X");
  EXPECT_EQ(b["id"], 2);
  EXPECT_TRUE(b["claims"].empty());
}

TEST(ExtractE2E, InvalidUtf8IsReportedWithItsOffset) {
  TempDir dir;
  WriteFile(dir.File("bad.txt"), "About 300 fighters \xff returned to Tunisia.");
  CliResult r = RunCli({"extract", dir.File("bad.txt"), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("invalid UTF-8 at byte 19"), std::string::npos) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);
}

TEST(ExtractE2E, IngestTwiceAddsNothing) {
  TempDir dir;
  std::string db = dir.File("t.db");
  std::string seed = kFixtures + "seed_article.txt";
  CliResult first = RunCli({"--db", db, "ingest", seed, "--date", "2017-10-24", "--source", "Example News"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("(1 new), 10 new claims"), std::string::npos) << first.err;
  CliResult again = RunCli({"--db", db, "ingest", seed, "--date", "2017-10-24", "--source", "Example News"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("(0 new), 0 new claims"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace ftf::e2e
