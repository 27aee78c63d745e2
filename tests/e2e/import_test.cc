// End-to-end: `ftfwatch import` and `export` on real files; bad input changes nothing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

const std::string kHeader = "scope,category,subgroup,unit,low,best,high,qualifier,as_of,source\n";

std::string Export(const std::string& db, const std::string& format) {
  CliResult r = RunCli({"--db", db, "-q", "export", "--format", format});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(ImportE2E, BadFileIsRejectedWholeAndNothingChanges) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  std::string before = Export(db, "json");
  std::string bad = dir.File("bad.csv");
  WriteFile(bad, kHeader +
                     "GBR,departed,all,persons,,900,,exact,2018-01-01,soufan2017\n"  // fine on its own
                     "GBR,departed,all,persons,,9OO,,exact,2018-01-01,soufan2017\n"  // 3: malformed number
                     "Atlantis,returned,all,persons,,5,,exact,2018,soufan2017\n"     // 4: unknown country
                     "FRA,vanished,all,persons,,5,,exact,2018,soufan2017\n"          // 5: unknown category
                     "DEU,departed,all,persons,900,,800,range,2018,soufan2017\n"     // 6: low > high
                     "BEL,departed,all,persons,,5,,exact,2018\n"                     // 7: column count
                     "NLD,departed,all,persons,,5,,exact,2018,caf\xE9\n");           // 8: invalid UTF-8
  CliResult r = RunCli({"--db", db, "import", bad});
  EXPECT_EQ(r.exit_code, 3);
  // Invalid UTF-8 is found first, before fields are read; fix it and the other errors show.
  EXPECT_NE(r.err.find(bad + ":8: text: invalid UTF-8 at byte offset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was stored"), std::string::npos);
  EXPECT_EQ(Export(db, "json"), before);

  WriteFile(bad, kHeader +
                     "GBR,departed,all,persons,,900,,exact,2018-01-01,soufan2017\n"
                     "GBR,departed,all,persons,,9OO,,exact,2018-01-01,soufan2017\n"
                     "Atlantis,returned,all,persons,,5,,exact,2018,soufan2017\n"
                     "FRA,vanished,all,persons,,5,,exact,2018,soufan2017\n"
                     "DEU,departed,all,persons,900,,800,range,2018,soufan2017\n"
                     "BEL,departed,all,persons,,5,,exact,2018\n");
  r = RunCli({"--db", db, "import", bad});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(bad + ":3: best: not a number: '9OO'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":4: scope: unknown country or region 'Atlantis'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":5: category: unknown category 'vanished'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":6: low: 900 is greater than high 800"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":7: row: 9 fields, expected 10"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("import rejected: 5 errors; nothing was stored"), std::string::npos) << r.err;
  EXPECT_EQ(Export(db, "json"), before);
  EXPECT_EQ(r.err.find(":2:"), std::string::npos) << "the good row is not an error";
}

TEST(ImportE2E, WronglyTypedJsonIsAnErrorNotACrash) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  std::string before = Export(db, "json");
  std::string f = dir.File("bad.json");
  WriteFile(f, R"({"format": "ftfwatch-export", "version": 1,
    "sources": [{"id": 5, "kind": "news"}, "not an object"],
    "claims": [{"scope": "USA", "category": "departed", "qualifier": "exact", "best": 129,
                "source": "soufan2017", "span": ["a", "b"]}]})");
  CliResult r = RunCli({"--db", db, "import", f});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(f + ": sources[0]: id: empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ": claims[0]: span: not [start, end]"), std::string::npos) << r.err;
  WriteFile(f, R"({"format": "ftfwatch-export", "version": "one"})");
  r = RunCli({"--db", db, "import", f});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(f + ": version: missing or not a whole number"), std::string::npos) << r.err;
  EXPECT_EQ(Export(db, "json"), before);
}

TEST(ImportE2E, UnknownSourceIsAnError) {
  TempDir dir;
  std::string db = dir.File("ftf.db");
  std::string f = dir.File("c.csv");
  WriteFile(f, kHeader + "USA,departed,all,persons,,,129,fewer_than,2017-10-24,voa\n");
  CliResult r = RunCli({"--db", db, "import", f});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("unknown source 'voa'"), std::string::npos) << r.err;
  // With its source imported in the same run it goes in, once.
  std::string s = dir.File("s.csv");
  WriteFile(s, "id,publisher,title,authors,published,url,kind,terms,notes\n"
               "voa,Voice of America,Foreign fighters return,,2017-10-24,,news,,\n");
  r = RunCli({"--db", db, "import", s, f});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("imported 1 new claims"), std::string::npos) << r.err;
  r = RunCli({"--db", db, "import", s, f});
  EXPECT_NE(r.err.find("imported 0 new claims (1 already present)"), std::string::npos) << r.err;
  CliResult claims = RunCli({"--db", db, "-q", "claims", "--source", "voa", "--format", "json"});
  auto j = nlohmann::json::parse(claims.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["high"], 129);
  EXPECT_EQ(j[0]["qualifier"], "fewer_than");
  EXPECT_TRUE(j[0]["best"].is_null());
}

TEST(ImportE2E, ExportImportExportGivesTheSameFile) {
  TempDir dir;
  std::string a = dir.File("a.db");
  std::string extra = dir.File("extra.csv");
  WriteFile(extra, kHeader + "Britons,returned,women,persons,,,50,at_most,2018-07-23,icsr2018\n");
  ASSERT_EQ(RunCli({"--db", a, "-q", "import", extra}).exit_code, 0);
  for (const std::string format : {"csv", "json"}) {
    std::string first = Export(a, format);
    std::string file = dir.File("export." + format);
    WriteFile(file, first);
    std::string b = dir.File("b-" + format + ".db");
    CliResult r = RunCli({"--db", b, "-q", "import", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Export(b, format), first) << format;
  }
  EXPECT_NE(Export(a, "csv").find("GBR,returned,women,persons,,,50,at_most,2018-07-23,icsr2018"), std::string::npos);
}

}  // namespace
}  // namespace ftf::e2e
