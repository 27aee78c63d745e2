// End-to-end: fused ledger, conflicts, explain and aggregates on the bundled baseline, and the
// seed article's "fewer than 129" against Soufan's 129.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "report/table.h"
#include "run_cli.h"

namespace ftf::e2e {
namespace {

using nlohmann::json;

json Json(const std::vector<std::string>& args) {
  CliResult r = RunCli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

json Entry(const json& arr, const std::string& scope, const std::string& category, const std::string& subgroup = "all") {
  for (const auto& e : arr)
    if (e["scope"] == scope && e["category"] == category && e["subgroup"] == subgroup && e["unit"] == "persons") return e;
  ADD_FAILURE() << "no entry for " << scope << " " << category;
  return json();
}

// The conflicts about one key, as JSON objects.
std::vector<json> ConflictsOf(const json& arr, const std::string& scope, const std::string& category,
                              const std::string& kind) {
  std::vector<json> out;
  for (const auto& c : arr)
    if (c["scope"] == scope && c["category"] == category && c["kind"] == kind) out.push_back(c);
  return out;
}

// Every claim figure on each side of a conflict: {{side labels}, {figures}}.
std::vector<std::string> Figures(const json& conflict) {
  std::vector<std::string> out;
  for (const auto& side : conflict["sides"])
    for (const auto& c : side["claims"]) out.push_back(side["label"].get<std::string>() + ":" + c["source"].get<std::string>() + ":" + c["figure"].get<std::string>());
  return out;
}

// France returned, Soufan 2017: the key findings say 271 (headline), one copy's table 302. The
// copies are one edition: the headline stands, the 302 is a variant listed as a conflict.
TEST(FuseE2E, LedgerIsFusedByDefaultAndFranceReturnedIsTheHeadline) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  json ledger = Json({"--db", db, "-q", "ledger", "--country", "FRA", "--format", "json"});
  json fra = Entry(ledger, "FRA", "returned");
  EXPECT_EQ(fra["method"], "fused");
  EXPECT_EQ(fra["low"], 270);  // 271 ± its reporting margin (docs/intervals.md)
  EXPECT_EQ(fra["best"], 271);
  EXPECT_EQ(fra["high"], 272);
  EXPECT_EQ(fra["figure"], "271");
  EXPECT_EQ(fra["conflict"], true);
  // The DGSI's 256 adults of March 2018 (reports layer: "at least 256" for all returnees, the 78
  // minors besides) agree with the headline and are used beside it; they do not replace it.
  EXPECT_EQ(fra["sources"], json::array({"fra_dgsi_2018", "soufan2017"}));
  EXPECT_EQ(fra["claims"].size(), 2u);
  EXPECT_EQ(fra["as_of"], "2018-03-08");
  for (const char* field : {"scope", "category", "subgroup", "unit", "low", "best", "high", "sources", "claims", "conflict"})
    EXPECT_TRUE(fra.contains(field)) << field;
  // The Soufan 2015 figure (~250) is older: it bounds the estimate from below and is listed.
  bool has_2015 = false;
  for (const auto& ev : fra["evidence"]) has_2015 = has_2015 || (ev["source"] == "soufan2015" && ev["window"] == 1);
  EXPECT_TRUE(has_2015);
  json dep = Entry(ledger, "FRA", "departed");
  EXPECT_EQ(dep["low"], 1896);  // 1,910 ± (5 + 9.55)
  EXPECT_EQ(dep["best"], 1910);
  EXPECT_EQ(dep["high"], 1924);
  // --raw keeps the claims as stated: the latest government figure, the DGSI's "at least 256".
  json raw = Json({"--db", db, "-q", "ledger", "--raw", "--country", "FRA", "--format", "json"});
  EXPECT_EQ(Entry(raw, "FRA", "returned")["method"], "latest-authoritative");
  EXPECT_EQ(Entry(raw, "FRA", "returned")["qualifier"], "at_least");
  EXPECT_EQ(Entry(raw, "FRA", "returned")["low"], 256);
}

TEST(FuseE2E, FranceReturned271Versus302AppearsInConflicts) {
  TempDir dir;
  json conflicts = Json({"--db", dir.File("ftf.db"), "-q", "conflicts", "--format", "json"});
  auto fra = ConflictsOf(conflicts, "FRA", "returned", "copies");
  ASSERT_EQ(fra.size(), 1u);
  EXPECT_EQ(Figures(fra[0]), (std::vector<std::string>{"edition figure:soufan2017:271", "set aside:soufan2017:302"}));
  EXPECT_EQ(fra[0]["as_of"], "2017-10-31");
  EXPECT_NE(fra[0]["sides"][1]["claims"][0]["note"].get<std::string>().find("tt.com"), std::string::npos);
  // Other documented disagreements. Saudi Arabia's 3,224 and 3,244 (copies of Soufan 2017)
  // agree within their reporting margins; its 2014 figures disagree. Tunisia's 2015 6,000
  // lies above its 2017 2,926 and ICSR's early-2015 range below Soufan's 2014 "more than
  // 3,000" (two decrease conflicts). The former Soviet Union's 7,717 is one copy's slip, set
  // aside for the 8,717 and "more than 8,700" of the others.
  EXPECT_EQ(ConflictsOf(conflicts, "SAU", "departed", "disagreement").size(), 1u);
  EXPECT_TRUE(ConflictsOf(conflicts, "SAU", "departed", "copies").empty());
  EXPECT_EQ(ConflictsOf(conflicts, "TUN", "departed", "decrease").size(), 2u);
  auto fsu = ConflictsOf(conflicts, "Former Soviet Union", "departed", "copies");
  ASSERT_EQ(fsu.size(), 1u);
  const json& aside = fsu[0]["sides"].back();
  EXPECT_EQ(aside["label"], "set aside");
  EXPECT_EQ(aside["credible"], false);
  EXPECT_EQ(aside["claims"][0]["best"], 7717);
  // Text output names the sides and the notes.
  CliResult text = RunCli({"--db", dir.File("ftf.db"), "-q", "conflicts", "--country", "FRA"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("FRA France — returned (all), 2017-10-31 — copies"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("271 (soufan2017) vs 302 (soufan2017)"), std::string::npos);
}

// The article credits the Soufan Center with "fewer than 129": a copy of Soufan 2017's edition
// (docs/fusion.md, "Copies under other sources"), so its disagreement with the report's own 129
// is a copies conflict, with the article kept as its own source beside the edition's figure.
void ExpectUsaConflict(const std::string& db, const std::string& news_source, const std::string& sentence_part) {
  json conflicts = Json({"--db", db, "-q", "conflicts", "--country", "USA", "--format", "json"});
  EXPECT_TRUE(ConflictsOf(conflicts, "USA", "departed", "disagreement").empty()) << conflicts.dump(2);
  auto usa = ConflictsOf(conflicts, "USA", "departed", "copies");
  ASSERT_EQ(usa.size(), 1u) << conflicts.dump(2);
  EXPECT_EQ(Figures(usa[0]),
            (std::vector<std::string>{"edition figure:soufan2017:129", "set aside:" + news_source + ":<129"}));
  const json& news = usa[0]["sides"][1]["claims"][0];
  EXPECT_EQ(news["copy_of"], "soufan2017");
  EXPECT_EQ(news["qualifier"], "fewer_than");
  EXPECT_EQ(news["high"], 129);
  EXPECT_NE(news["sentence"].get<std::string>().find(sentence_part), std::string::npos) << news.dump(2);
  json ledger = Json({"--db", db, "-q", "ledger", "--country", "USA", "--format", "json"});
  json dep = Entry(ledger, "USA", "departed");
  EXPECT_EQ(dep["low"], 129);
  EXPECT_EQ(dep["high"], 129);
  EXPECT_EQ(dep["conflict"], true);
}

TEST(FuseE2E, SeedArticleFewerThan129ConflictsWithSoufans129) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  // No conflict about the USA before the article.
  json before = Json({"--db", db, "-q", "conflicts", "--country", "USA", "--format", "json"});
  EXPECT_TRUE(ConflictsOf(before, "USA", "departed", "disagreement").empty());
  CliResult ingest = RunCli({"--db", db, "-q", "ingest", std::string(FTF_SOURCE_DIR) + "/tests/fixtures/seed_article.txt",
                             "--date", "2017-10-24", "--source", "Voice of America"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  // Extracted claims wait for review: the conflict shows only with pending claims counted,
  // and in the ledger once a person accepts them.
  json pending = Json({"--db", db, "-q", "conflicts", "--country", "USA", "--format", "json"});
  EXPECT_TRUE(ConflictsOf(pending, "USA", "departed", "disagreement").empty()) << pending.dump(2);
  json with = Json({"--db", db, "-q", "conflicts", "--country", "USA", "--include-pending", "--format", "json"});
  EXPECT_EQ(ConflictsOf(with, "USA", "departed", "copies").size(), 1u);
  CliResult accept = RunCli({"--db", db, "-q", "review", "accept", "--source", "voice-of-america", "--as", "e2e"});
  ASSERT_EQ(accept.exit_code, 0) << accept.err;
  ExpectUsaConflict(db, "voice-of-america", "fewer than 129 fighters have come from the United States");
}

// The same conflict from an imported claims CSV, independent of the extractor.
TEST(FuseE2E, ImportedNewsClaimFewerThan129ConflictsWithSoufans129) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  WriteFile(dir.File("sources.csv"),
            "id,publisher,title,authors,published,url,kind,terms,notes\n"
            "voa2017,Voice of America,Thousands of IS fighters returned home,,2017-10-24,https://www.voanews.com/,news,,\n");
  WriteFile(dir.File("claims.csv"),
            "scope,category,subgroup,unit,low,best,high,qualifier,as_of,source,attributed_to,origin,sentence\n"
            "USA,departed,all,persons,,,129,fewer_than,2017-10-24,voa2017,Soufan Center,manual,"
            "\"Only a few hundred out of the thousands came from North America, with the group estimating that "
            "fewer than 129 fighters have come from the United States.\"\n");
  CliResult imp = RunCli({"--db", db, "-q", "import", dir.File("sources.csv"), dir.File("claims.csv")});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  ExpectUsaConflict(db, "voa2017", "fewer than 129 fighters");
}

TEST(FuseE2E, ExplainShowsTheStepsAndAsOfAnswersWithWhatWasPublished) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  CliResult r = RunCli({"--db", db, "-q", "explain", "France", "returned"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("set aside for the publication's headline"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("#"), std::string::npos);
  EXPECT_NE(r.out.find(", headline: exact → 271"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FRA returned (all, persons) as of 2018-03-08: stated estimate 271, read as 271 (270–272); feasible "
                       "bounds 270–272"),
            std::string::npos)
      << r.out;
  json j = Json({"--db", db, "-q", "explain", "GBR", "returned", "--format", "json"});
  EXPECT_EQ(j["scope"], "GBR");
  EXPECT_FALSE(j["steps"].empty());
  EXPECT_EQ(RunCli({"--db", db, "-q", "explain", "GBR", "invaded"}).exit_code, 3);
  EXPECT_EQ(RunCli({"--db", db, "-q", "explain", "Atlantis", "returned"}).exit_code, 5);

  // By 2016-01-01 neither Soufan 2017 nor ICCT 2016 was published: the USA's figure is the
  // 2015 one, France has no returned conflict yet.
  json old = Json({"--db", db, "-q", "ledger", "--country", "USA", "--as-of", "2016-01-01", "--format", "json"});
  json usa = Entry(old, "USA", "departed");
  EXPECT_EQ(usa["as_of"], "2015-01-26");
  EXPECT_EQ(usa["sources"], json::array({"icsr2015"}));
  json old_conflicts = Json({"--db", db, "-q", "conflicts", "--country", "FRA", "--as-of", "2016-01-01", "--format", "json"});
  EXPECT_TRUE(ConflictsOf(old_conflicts, "FRA", "returned", "disagreement").empty());
}

TEST(FuseE2E, AggregatesSumCountriesBesideStatedTotals) {
  TempDir dir;
  json agg = Json({"--db", dir.File("ftf.db"), "-q", "ledger", "--aggregates", "--format", "json"});
  const json* world = nullptr;
  for (const auto& a : agg)
    if (a["region"] == "World" && a["category"] == "departed" && a["subgroup"] == "all") world = &a;
  ASSERT_NE(world, nullptr);
  EXPECT_GT((*world)["covered"].get<int>(), 50);
  EXPECT_EQ((*world)["members"].get<int>(), 250);
  EXPECT_TRUE((*world)["stated"].is_object());
  EXPECT_GT((*world)["sum"]["low"].get<double>(), 20000);
  CliResult table = RunCli({"--db", dir.File("ftf.db"), "-q", "ledger", "--aggregates", "--region", "Central Asia"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Central Asia"), std::string::npos);
  EXPECT_NE(table.out.find("/5"), std::string::npos) << table.out;
}

TEST(FuseE2E, FusedTableFitsOneHundredColumnsAndBadConfigIsNamed) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  CliResult r = RunCli({"--db", db, "-q", "ledger"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("271!"), std::string::npos) << r.out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) EXPECT_LE(DisplayWidth(line), 100u) << line;
  WriteFile(dir.File("fusion.json"), R"({"kind_weights": {"news": -1}})");
  CliResult bad = RunCli({"--db", db, "-q", "ledger", "--fusion-config", dir.File("fusion.json")});
  EXPECT_EQ(bad.exit_code, 3);  // bad input data
  EXPECT_NE(bad.err.find("--fusion-config: "), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("kind_weights.news"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace ftf::e2e
