// End-to-end: the built ftfwatch binary on a fresh temporary database seeded with the baseline.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "report/table.h"
#include "run_cli.h"

namespace ftf::e2e {
namespace {

using nlohmann::json;

// The raw ledger row (latest figure from the most authoritative source) for one key.
json RawEntry(const std::string& db, const std::string& scope, const std::string& category,
              const std::string& subgroup = "all") {
  CliResult r = RunCli({"--db", db, "-q", "ledger", "--raw", "--country", scope, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json arr = json::parse(r.out);
  for (const auto& e : arr)
    if (e["scope"] == scope && e["category"] == category && e["subgroup"] == subgroup && e["unit"] == "persons")
      return e;
  ADD_FAILURE() << "no ledger entry for " << scope << " " << category;
  return json();
}

// The raw rule ranks a government source above a think tank: Russia's raw figure is the FSB's
// "about 2,400" of 2015-09-18 (reports layer, eadaily.com copy), not Soufan 2017's 3,417.
TEST(LedgerE2E, BaselineFiguresForUsaUkAndRussia) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  json usa_dep = RawEntry(db, "USA", "departed");
  EXPECT_EQ(usa_dep["best"], 129);
  EXPECT_EQ(usa_dep["as_of"], "2017-10-31");
  json usa_ret = RawEntry(db, "USA", "returned");
  EXPECT_EQ(usa_ret["best"], 7);
  EXPECT_EQ(usa_ret["sources"], json::array({"soufan2017"}));
  EXPECT_EQ(RawEntry(db, "GBR", "departed")["best"], 850);
  json rus = RawEntry(db, "RUS", "departed");
  EXPECT_EQ(rus["best"], 2400);
  EXPECT_EQ(rus["as_of"], "2015-09-18");
  EXPECT_EQ(rus["sources"][0], "rus_fsb_2015");
}

TEST(LedgerE2E, TableFitsOneHundredColumnsWithSeparators) {
  TempDir dir;
  CliResult r = RunCli({"--db", dir.File("ftf.db"), "ledger", "--raw"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("created"), std::string::npos);  // the notice that a new database was seeded
  std::istringstream in(r.out);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    EXPECT_LE(DisplayWidth(line), 100u) << line;
    ++lines;
  }
  EXPECT_GT(lines, 40u);
  EXPECT_NE(r.out.find("RUS Russia"), std::string::npos);
  EXPECT_NE(r.out.find("2,400"), std::string::npos);  // the raw figure for Russia (FSB, 2015)
}

TEST(LedgerE2E, CsvHasNoThousandsSeparators) {
  TempDir dir;
  CliResult r = RunCli({"--db", dir.File("ftf.db"), "-q", "ledger", "--raw", "--country", "RUS", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",2400,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("2,400"), std::string::npos);
}

TEST(LedgerE2E, AsOfHidesLaterPublications) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  CliResult r = RunCli({"--db", db, "-q", "ledger", "--raw", "--country", "USA", "--as-of", "2016-01-01",
                        "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : json::parse(r.out)) {
    if (e["category"] == "departed" && e["subgroup"] == "all") {
      // ICSR's January 2015 estimate was the latest by 2016; Soufan 2017's 129 came later.
      EXPECT_EQ(e["best"], 100) << e.dump();
      EXPECT_EQ(e["as_of"], "2015-01-26");
      EXPECT_EQ(e["sources"][0], "icsr2015");
    }
  }
}

TEST(LedgerE2E, FiltersAndErrorsNameTheOption) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  CliResult bad = RunCli({"--db", db, "-q", "ledger", "--country", "Atlantis"});
  EXPECT_EQ(bad.exit_code, 5);
  EXPECT_NE(bad.err.find("--country: unknown country or region 'Atlantis'"), std::string::npos) << bad.err;
  CliResult cat = RunCli({"--db", db, "-q", "ledger", "--category", "invaded"});
  EXPECT_EQ(cat.exit_code, 3);
  EXPECT_NE(cat.err.find("--category: unknown category 'invaded'"), std::string::npos) << cat.err;
  CliResult region = RunCli({"--db", db, "-q", "ledger", "--raw", "--region", "Central Asia", "--format", "json"});
  ASSERT_EQ(region.exit_code, 0) << region.err;
  for (const auto& e : json::parse(region.out)) {
    std::string s = e["scope"];
    EXPECT_TRUE(s == "Central Asia" || s == "KAZ" || s == "KGZ" || s == "TJK" || s == "TKM" || s == "UZB") << s;
  }
}

TEST(CliE2E, HelpOnEveryCommandAndUsageErrors) {
  for (const char* cmd : {"ledger", "claims", "sources", "countries", "regions", "import", "export"}) {
    CliResult r = RunCli({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << ": " << r.out;
  }
  EXPECT_EQ(RunCli({"no-such-command"}).exit_code, 2);
}

TEST(CliE2E, CountriesAndRegions) {
  CliResult r = RunCli({"countries", "Britons", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)[0]["iso3"], "GBR");
  CliResult k = RunCli({"countries", "Kosovo", "--format", "csv"});
  EXPECT_NE(k.out.find("XKX,XK,"), std::string::npos);
  CliResult bad = RunCli({"countries", "Nigerria"});
  EXPECT_EQ(bad.exit_code, 5);
  EXPECT_NE(bad.err.find("did you mean Nigeria"), std::string::npos) << bad.err;
  CliResult reg = RunCli({"regions", "the Balkans", "--format", "json"});
  ASSERT_EQ(reg.exit_code, 0);
  EXPECT_EQ(json::parse(reg.out)[0]["scope"], "Western Balkans");
  EXPECT_EQ(json::parse(reg.out)[0]["members"].size(), 6u);
}

TEST(CliE2E, DatabaseErrorsAreClear) {
  TempDir dir;
  std::string file = dir.File("plain");
  WriteFile(file, "x");
  CliResult r = RunCli({"--db", file + "/sub/ftf.db", "ledger"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("cannot create the database's directory"), std::string::npos) << r.err;
  std::string junk = dir.File("junk.db");
  WriteFile(junk, std::string(200, 'j'));
  CliResult j = RunCli({"--db", junk, "ledger"});
  EXPECT_EQ(j.exit_code, 4);
  EXPECT_NE(j.err.find("not an ftfwatch database"), std::string::npos) << j.err;
}

}  // namespace
}  // namespace ftf::e2e
