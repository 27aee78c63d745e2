#include "report/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "core/csv.h"

namespace ftf {
namespace {

TEST(Table, TextFitsTheWidthAndAlignsNumbers) {
  Table t({"Name", "Count"}, {Align::kLeft, Align::kRight});
  t.AddRow({std::string(150, 'x'), "5,600"});
  t.AddRow({"short", "7"});
  std::string out = t.RenderText(40);
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) EXPECT_LE(DisplayWidth(line), 40u) << line;
  EXPECT_NE(out.find("…"), std::string::npos);
  EXPECT_NE(out.find("    7"), std::string::npos);  // right-aligned under "5,600"
}

// Issue 11, item 6: names wrap between words instead of being cut ("Saudi A…"); numbers stay
// whole; headers may wrap; one space between columns when two do not fit.
TEST(Table, NarrowTablesWrapNamesBetweenWordsAndNeverCutNumbers) {
  Table t({"Scope", "In theatre", "Departed"}, {Align::kLeft, Align::kRight, Align::kRight});
  t.AddRow({"BIH Bosnia and Herzegovina", "~100", "3,228–3,240!"});
  t.AddRow({"SAU Saudi Arabia", "", "3,417"});
  std::string out = t.RenderText(34);
  std::istringstream in(out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    EXPECT_LE(DisplayWidth(line), 34u) << line;
    lines.push_back(line);
  }
  EXPECT_EQ(out.find("…"), std::string::npos) << out;
  EXPECT_NE(out.find("3,228–3,240!"), std::string::npos) << out;
  EXPECT_NE(out.find("Herzegovina"), std::string::npos) << out;
  EXPECT_NE(out.find("SAU Saudi"), std::string::npos) << out;
  // The header "In theatre" wrapped onto two lines, so the table has 2 header lines, a rule,
  // and more lines than rows.
  ASSERT_GE(lines.size(), 6u);
  EXPECT_NE(lines[0].find("In"), std::string::npos) << out;
  EXPECT_NE(lines[1].find("theatre"), std::string::npos) << out;
  // Wide enough: one line per row, two spaces between columns.
  std::string wide = t.RenderText(1000);
  EXPECT_NE(wide.find("BIH Bosnia and Herzegovina  "), std::string::npos) << wide;
  // A single word wider than any room left is the only thing ever cut.
  Table w({"Name"});
  w.AddRow({"Supercalifragilisticexpialidocious"});
  EXPECT_NE(w.RenderText(12).find("…"), std::string::npos);
}

// When numbers alone leave too little room for a name's longest word, a range breaks after its
// dash ("2,000–" over "2,500") before any name is cut; plain numbers stay whole.
TEST(Table, RangesBreakAfterTheirDashBeforeANameIsCut) {
  Table t({"Scope", "Departed", "In theatre"}, {Align::kLeft, Align::kRight, Align::kRight});
  t.AddRow({"BIH Bosnia and Herzegovina", "5,001–6,000!", "2,000–2,500"});
  t.AddRow({"AFG Afghanistan", "3,417", "~50"});
  const std::string out = t.RenderText(28);
  std::istringstream in(out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    EXPECT_LE(DisplayWidth(line), 28u) << line;
    lines.push_back(line);
  }
  EXPECT_EQ(out.find("…"), std::string::npos) << out;
  EXPECT_NE(out.find("Herzegovina"), std::string::npos) << out;
  EXPECT_NE(out.find("Afghanistan"), std::string::npos) << out;
  EXPECT_NE(out.find("5,001–"), std::string::npos) << out;
  EXPECT_NE(out.find("6,000!"), std::string::npos) << out;
  EXPECT_EQ(out.find("5,001–6,000!"), std::string::npos) << out;  // it did break
  EXPECT_NE(out.find("3,417"), std::string::npos) << out;
}

TEST(Table, CsvQuotesOnlyWhereNeeded) {
  Table t({"a", "b"});
  t.AddRow({"plain", "with, comma"});
  t.AddRow({"say \"x\"", "line\nbreak"});
  EXPECT_EQ(t.RenderCsv(), "a,b\nplain,\"with, comma\"\n\"say \"\"x\"\"\",\"line\nbreak\"\n");
}

// Report CSVs (ledger, conflicts, risk, severity …) are spreadsheet-safe and read back as
// they were: a source list starting with "=" is neutralised, a negative number is not.
TEST(Table, CsvCellsAreSpreadsheetSafeAndReversible) {
  Table t({"scope", "sources", "delta"});
  t.AddRow({"GBR", "=HYPERLINK(\"http://x\",\"x\")|soufan2017", "-0.25"});
  t.AddRow({"FRA", "@x", "+3"});
  const std::string csv = t.RenderCsv();
  EXPECT_EQ(csv, "scope,sources,delta\nGBR,\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")|soufan2017\",-0.25\nFRA,'@x,+3\n");
  auto back = CsvTable::Parse(csv, "t.csv");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Get(back->records()[0], "sources"), "=HYPERLINK(\"http://x\",\"x\")|soufan2017");
  EXPECT_EQ(back->Get(back->records()[1], "sources"), "@x");
  EXPECT_EQ(back->Get(back->records()[0], "delta"), "-0.25");
}

}  // namespace
}  // namespace ftf
