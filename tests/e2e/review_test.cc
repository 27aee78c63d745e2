// End-to-end: review of extracted claims (`ftfwatch review`), the audit log in the export,
// `reextract` replacing an older extractor's claims, and `sources --coverage` — on the real
// binary and the seed article.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "extract/sha256.h"
#include "run_cli.h"

namespace ftf::e2e {
namespace {

using nlohmann::json;

const std::string kSeed = std::string(FTF_SOURCE_DIR) + "/tests/fixtures/seed_article.txt";

json Json(const std::vector<std::string>& args) {
  CliResult r = RunCli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out.empty() ? "null" : r.out);
}

const json* Find(const json& arr, const std::string& scope, const std::string& category) {
  for (const auto& e : arr)
    if (e["scope"] == scope && e["category"] == category && e["subgroup"] == "all" && e["unit"] == "persons")
      return &e;
  return nullptr;
}

std::string Ingest(const std::string& db) {
  CliResult r = RunCli({"--db", db, "-q", "ingest", kSeed, "--date", "2017-10-24", "--source", "Voice of America"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return extract::Sha256Hex(ReadFile(kSeed));
}

TEST(ReviewE2E, PendingClaimsWaitAcceptRejectCorrectAreLoggedAndExported) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  json before = Json({"--db", db, "-q", "ledger", "--country", "USA", "--format", "json"});
  const std::string sha = Ingest(db);
  json queue = Json({"--db", db, "-q", "review", "--format", "json"});
  ASSERT_EQ(queue.size(), 10u);  // the seed article's ten extracted figures
  for (const auto& c : queue) {
    EXPECT_EQ(c["review"], "pending");
    EXPECT_EQ(c["document"], sha);
    EXPECT_FALSE(c["sentence"].get<std::string>().empty());
  }
  // Pending claims do not move the ledger…
  EXPECT_EQ(Json({"--db", db, "-q", "ledger", "--country", "USA", "--format", "json"}), before);
  // …but --include-pending shows what they would change.
  json with = Json({"--db", db, "-q", "ledger", "--country", "USA", "--include-pending", "--format", "json"});
  const json* usa = Find(with, "USA", "departed");
  ASSERT_TRUE(usa);
  EXPECT_EQ((*usa)["conflict"], true);
  ASSERT_TRUE(usa->contains("accepted_only")) << usa->dump(2);
  EXPECT_EQ((*usa)["accepted_only"]["conflict"], false);
  CliResult text = RunCli({"--db", db, "-q", "ledger", "--country", "USA", "--include-pending"});
  EXPECT_NE(text.out.find("Pending claims change"), std::string::npos) << text.out;

  int64_t usa_id = 0, other_id = 0, third_id = 0;
  for (const auto& c : queue) {
    if (c["scope"] == "USA" && c["category"] == "departed") usa_id = c["id"];
    else if (!other_id) other_id = c["id"];
    else if (!third_id) third_id = c["id"];
  }
  ASSERT_NE(usa_id, 0);
  const std::string as = "e2e-analyst";
  EXPECT_EQ(RunCli({"--db", db, "-q", "review", "accept", std::to_string(usa_id), "--as", as}).exit_code, 0);
  json after = Json({"--db", db, "-q", "ledger", "--country", "USA", "--format", "json"});
  EXPECT_EQ((*Find(after, "USA", "departed"))["conflict"], true);
  // A rejection without a reason is refused and changes nothing.
  CliResult noreason = RunCli({"--db", db, "-q", "review", "reject", std::to_string(other_id), "--as", as});
  EXPECT_EQ(noreason.exit_code, 3);
  EXPECT_NE(noreason.err.find("needs a reason"), std::string::npos) << noreason.err;
  EXPECT_EQ(RunCli({"--db", db, "-q", "review", "reject", std::to_string(other_id), "--reason", "not a fighter count",
                    "--as", as})
                .exit_code,
            0);
  CliResult bad_field = RunCli({"--db", db, "-q", "review", "correct", std::to_string(third_id), "--set", "best=lots"});
  EXPECT_EQ(bad_field.exit_code, 3);
  EXPECT_NE(bad_field.err.find("best: not a number 'lots'"), std::string::npos) << bad_field.err;
  EXPECT_EQ(RunCli({"--db", db, "-q", "review", "correct", std::to_string(third_id), "--set", "attributed_to=UN",
                    "--reason", "the UN said it", "--as", as})
                .exit_code,
            0);
  EXPECT_EQ(Json({"--db", db, "-q", "review", "--format", "json"}).size(), 7u);

  json log = Json({"--db", db, "-q", "review", "--log", "--format", "json"});
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0]["actor"], as);
  EXPECT_EQ(log[0]["action"], "accept");
  EXPECT_EQ(log[0]["before"]["review"], "pending");
  EXPECT_EQ(log[0]["after"]["review"], "accepted");
  EXPECT_EQ(log[1]["reason"], "not a fighter count");
  EXPECT_EQ(log[2]["action"], "correct");
  EXPECT_EQ(log[2]["after"]["attributed_to"], "UN");
  EXPECT_EQ(log[2]["after"]["origin"], "review");
  CliResult log_text = RunCli({"--db", db, "-q", "review", "--log"});
  EXPECT_NE(log_text.out.find(as), std::string::npos);
  EXPECT_NE(log_text.out.find("3 decisions."), std::string::npos) << log_text.out;

  // The export carries statuses and the log; importing it twice into a new database logs once.
  CliResult exp = RunCli({"--db", db, "-q", "export", "--format", "json"});
  ASSERT_EQ(exp.exit_code, 0) << exp.err;
  WriteFile(dir.File("export.json"), exp.out);
  const std::string db2 = dir.File("r2.db");
  for (int i = 0; i < 2; ++i) {
    CliResult imp = RunCli({"--db", db2, "-q", "import", dir.File("export.json")});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
  }
  EXPECT_EQ(Json({"--db", db2, "-q", "review", "--log", "--format", "json"}), log);
  EXPECT_EQ(Json({"--db", db2, "-q", "review", "--format", "json"}).size(), 7u);
  EXPECT_EQ(RunCli({"--db", db2, "-q", "export", "--format", "json"}).out, exp.out);
}

// Every extracted claim names the rule that decided it (the category rule `extract --explain`
// prints), it is stored, and `review --rule` selects exactly the claims of that rule.
TEST(ReviewE2E, ExtractedClaimsCarryTheirRuleAndReviewSelectsByIt) {
  TempDir dir;
  const std::string db = dir.File("rule.db");
  Ingest(db);
  json queue = Json({"--db", db, "-q", "review", "--format", "json"});
  ASSERT_EQ(queue.size(), 10u);
  std::map<std::string, size_t> per_rule;
  for (const auto& c : queue) {
    ASSERT_TRUE(c.contains("rule")) << c.dump();
    const std::string rule = c["rule"];
    EXPECT_TRUE(rule.starts_with("category:")) << rule;
    ++per_rule[rule];
  }
  // The same names as --explain gives for the same text.
  json explained = Json({"extract", kSeed, "--explain", "--format", "json"});
  std::set<std::string> explain_rules;
  for (const auto& m : explained)
    if (m["claim"] == true) explain_rules.insert(m["category_rule"].get<std::string>());
  for (const auto& [rule, n] : per_rule) EXPECT_TRUE(explain_rules.count(rule)) << rule;
  // Select and accept by one rule: only its claims leave the queue.
  const auto& [rule, n] = *per_rule.begin();
  json selected = Json({"--db", db, "-q", "review", "--rule", rule, "--format", "json"});
  ASSERT_EQ(selected.size(), n);
  for (const auto& c : selected) EXPECT_EQ(c["rule"], rule);
  ASSERT_EQ(RunCli({"--db", db, "-q", "review", "accept", "--rule", rule, "--as", "ana"}).exit_code, 0);
  json left = Json({"--db", db, "-q", "review", "--format", "json"});
  EXPECT_EQ(left.size(), 10u - n);
  for (const auto& c : left) EXPECT_NE(c["rule"], rule);
}

TEST(ReviewE2E, ReextractReplacesAnOlderExtractorsClaimsAndKeepsDecisions) {
  TempDir dir;
  const std::string db = dir.File("x.db");
  const std::string sha = Ingest(db);
  json queue = Json({"--db", db, "-q", "review", "--format", "json"});
  ASSERT_FALSE(queue.empty());
  const json& victim = queue[0];
  ASSERT_EQ(RunCli({"--db", db, "-q", "review", "reject", std::to_string(victim["id"].get<int64_t>()), "--reason",
                    "wrong scope", "--as", "ana"})
                .exit_code,
            0);
  // A claim an older extractor got wrong, already accepted: France departed 99,999 from this
  // document, imported as an export would carry it.
  json bogus = {{"format", "ftfwatch-export"},
                {"version", 2},
                {"sources", json::array()},
                {"documents", json::array()},
                {"claims",
                 json::array({{{"scope", "FRA"}, {"category", "departed"}, {"subgroup", "all"}, {"unit", "persons"},
                               {"low", nullptr}, {"best", 99999}, {"high", nullptr}, {"qualifier", "exact"},
                               {"as_of", "2017-10-24"}, {"source", "voice-of-america"}, {"attributed_to", nullptr},
                               {"origin", "extractor/0.9.0"}, {"document", sha}, {"span", {0, 5}}, {"cue", "bogus"},
                               {"sentence", "bogus"}, {"review", "accepted"}}})}};
  WriteFile(dir.File("old.json"), bogus.dump());
  json fra_before = Json({"--db", db, "-q", "ledger", "--country", "FRA", "--format", "json"});
  CliResult imp = RunCli({"--db", db, "-q", "import", dir.File("old.json")});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  json fra = Json({"--db", db, "-q", "ledger", "--country", "FRA", "--format", "json"});
  EXPECT_NE(fra, fra_before);  // the accepted bogus figure moved France's ledger
  const int64_t baseline_claims = Json({"--db", db, "-q", "claims", "--source", "soufan2017", "--format", "json"}).size();

  CliResult r = RunCli({"--db", db, "reextract"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("reextracted 1 documents"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("11 old claims replaced by 10 new, 1 review decisions kept"), std::string::npos) << r.err;
  // The ledger reflects it at once: the bogus figure is gone.
  EXPECT_EQ(Json({"--db", db, "-q", "ledger", "--country", "FRA", "--format", "json"}), fra_before);
  // Every claim of the document is the current extractor's; the rejection stayed.
  json claims = Json({"--db", db, "-q", "claims", "--source", "voice-of-america", "--format", "json"});
  ASSERT_EQ(claims.size(), 10u);
  int rejected = 0;
  for (const auto& c : claims) {
    EXPECT_EQ(c["origin"].get<std::string>().rfind("extractor/", 0), 0u);
    EXPECT_NE(c["origin"], "extractor/0.9.0");
    if (c["review"] == "rejected") {
      ++rejected;
      EXPECT_EQ(c["cue"], victim["cue"]);
      EXPECT_EQ(c["review_note"], "wrong scope");
    }
  }
  EXPECT_EQ(rejected, 1);
  // Imported claims of other sources are untouched.
  EXPECT_EQ(Json({"--db", db, "-q", "claims", "--source", "soufan2017", "--format", "json"}).size(),
            static_cast<size_t>(baseline_claims));
  // Running it again changes nothing.
  CliResult again = RunCli({"--db", db, "reextract"});
  EXPECT_NE(again.err.find("10 old claims replaced by 10 new, 1 review decisions kept"), std::string::npos)
      << again.err;
}

TEST(SourcesE2E, CoverageCountsSourcesDatedFiguresAndLatestDatePerCountry) {
  TempDir dir;
  const std::string db = dir.File("c.db");
  json cov = Json({"--db", db, "-q", "sources", "--coverage", "--format", "json"});
  ASSERT_TRUE(cov["countries"].is_array());
  EXPECT_GT(cov["countries_without_figures"].get<int>(), 0);
  // France's row against its claims.
  json fra_claims = Json({"--db", db, "-q", "claims", "--country", "FRA", "--format", "json"});
  std::set<std::string> sources;
  std::string latest;
  int dated = 0;
  for (const auto& c : fra_claims) {
    sources.insert(c["source"].get<std::string>());
    if (c["as_of"].is_string()) {
      ++dated;
      latest = std::max(latest, c["as_of"].get<std::string>());
    }
  }
  const json* fra = nullptr;
  for (const auto& r : cov["countries"])
    if (r["scope"] == "FRA") fra = &r;
  ASSERT_TRUE(fra);
  EXPECT_EQ((*fra)["sources"], sources.size());
  EXPECT_EQ((*fra)["dated_figures"], dated);
  EXPECT_EQ((*fra)["latest"], latest);
  EXPECT_EQ((*fra)["name"], "France");
  CliResult text = RunCli({"--db", db, "-q", "sources", "--coverage"});
  EXPECT_NE(text.out.find("with a departed figure"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace ftf::e2e
