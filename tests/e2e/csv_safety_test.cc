// End-to-end: every CSV the CLI writes is spreadsheet-safe (no cell starts with =, +, -, @,
// tab or CR unless it is a number), and the CSV exports import back unchanged — with a source
// named =HYPERLINK("http://x","x").
#include <gtest/gtest.h>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

const std::string kEvil = "=HYPERLINK(\"http://x\",\"x\")";

// The raw first character of every cell of `csv` (after an opening quote for quoted cells),
// with the cell's raw text; a formula-like cell that is not a number is returned.
std::vector<std::string> UnsafeCells(const std::string& csv) {
  std::vector<std::string> bad;
  size_t i = 0;
  while (i < csv.size()) {
    std::string cell;
    if (csv[i] == '"') {
      ++i;
      while (i < csv.size()) {
        if (csv[i] == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
          cell += '"', i += 2;
        else if (csv[i] == '"') {
          ++i;
          break;
        } else
          cell += csv[i++];
      }
    } else {
      while (i < csv.size() && csv[i] != ',' && csv[i] != '\n') cell += csv[i++];
    }
    if (i < csv.size()) ++i;  // the separator
    if (cell.empty()) continue;
    const std::string triggers = "=+-@\t\r";
    bool number = cell.find_first_not_of("+-0123456789.e") == std::string::npos && cell.size() > 1;
    if (triggers.find(cell[0]) != std::string::npos && !number) bad.push_back(cell);
  }
  return bad;
}

TEST(CsvSafetyE2E, EveryCsvWriterNeutralisesFormulasAndImportReadsThemBack) {
  TempDir dir;
  const std::string db = dir.File("a.db");
  WriteFile(dir.File("sources.csv"),
            "id,publisher,title,authors,published,url,kind,terms,notes\n"
            "\"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",@publisher,+title,-authors,2017-10-24,http://x,news,,\n");
  WriteFile(dir.File("claims.csv"),
            "scope,category,subgroup,unit,best,qualifier,as_of,source,attributed_to,cue,note\n"
            "GBR,returned,all,persons,425,approx,2017-10-31,\"" +
                std::string("=HYPERLINK(\"\"http://x\"\",\"\"x\"\")") + "\",=officials,+425,\t-note\n");
  CliResult imp = RunCli({"--db", db, "-q", "import", dir.File("sources.csv"), dir.File("claims.csv")});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;

  // Every CSV writer of the CLI, over a database holding the formula-named source.
  const std::vector<std::vector<std::string>> writers = {
      {"export", "--format", "csv"},
      {"export", "--format", "csv", "--table", "sources"},
      {"claims", "--format", "csv", "--country", "GBR"},
      {"sources", "--format", "csv"},
      {"ledger", "--format", "csv", "--country", "GBR"},
      {"ledger", "--raw", "--format", "csv", "--country", "GBR"},
      {"conflicts", "--format", "csv"},
      {"risk", "--format", "csv"},
      {"countries", "--format", "csv"},
      {"regions", "--format", "csv"},
  };
  for (const auto& w : writers) {
    std::vector<std::string> args = {"--db", db, "-q"};
    args.insert(args.end(), w.begin(), w.end());
    CliResult r = RunCli(args);
    ASSERT_EQ(r.exit_code, 0) << w[0] << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << w[0];
    EXPECT_EQ(UnsafeCells(r.out), std::vector<std::string>{}) << w[0] << " " << (w.size() > 1 ? w[1] : "");
  }

  // The CSV exports (sources, then claims) import into a new database as the same data.
  CliResult claims_csv = RunCli({"--db", db, "-q", "export", "--format", "csv"});
  CliResult sources_csv = RunCli({"--db", db, "-q", "export", "--format", "csv", "--table", "sources"});
  EXPECT_NE(claims_csv.out.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\""), std::string::npos);
  EXPECT_NE(sources_csv.out.find("'@publisher,'+title,'-authors"), std::string::npos) << sources_csv.out;
  WriteFile(dir.File("out_claims.csv"), claims_csv.out);
  WriteFile(dir.File("out_sources.csv"), sources_csv.out);
  const std::string db2 = dir.File("b.db");
  CliResult imp2 = RunCli({"--db", db2, "-q", "import", dir.File("out_sources.csv"), dir.File("out_claims.csv")});
  ASSERT_EQ(imp2.exit_code, 0) << imp2.err;
  CliResult json1 = RunCli({"--db", db, "-q", "export"});
  CliResult json2 = RunCli({"--db", db2, "-q", "export"});
  EXPECT_EQ(json1.out, json2.out);
  EXPECT_NE(json2.out.find("\"id\": \"=HYPERLINK(\\\"http://x\\\",\\\"x\\\")\""), std::string::npos);
  EXPECT_NE(json2.out.find("\"note\": \"\\t-note\""), std::string::npos);
}

// `severity simulate` writes an events CSV; it reads back (the fit runs on it).
TEST(CsvSafetyE2E, SimulatedEventsCsvReadsBack) {
  TempDir dir;
  CliResult sim = RunCli({"-q", "severity", "simulate", "--events", "--output", dir.File("ev.csv")});
  ASSERT_EQ(sim.exit_code, 0) << sim.err;
  EXPECT_EQ(UnsafeCells(ReadFile(dir.File("ev.csv"))), std::vector<std::string>{});
  CliResult fit = RunCli({"-q", "severity", "fit", dir.File("ev.csv"), "--bootstrap", "0", "--format", "csv"});
  EXPECT_EQ(fit.exit_code, 0) << fit.err;
  EXPECT_EQ(UnsafeCells(fit.out), std::vector<std::string>{});
}

}  // namespace
}  // namespace ftf::e2e
