#include "report/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "core/csv.h"

namespace ftf {
namespace {

TEST(FormatCount, UsesThousandsSeparators) {
  EXPECT_EQ(FormatCount(5600), "5,600");
  EXPECT_EQ(FormatCount(41490), "41,490");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(129), "129");
  EXPECT_EQ(FormatCount(0.25), "0.25");
  EXPECT_EQ(FormatCount(NAN), "");
}

TEST(FormatNumber, HasNoSeparators) {
  EXPECT_EQ(FormatNumber(5600), "5600");
  EXPECT_EQ(FormatNumber(0.25), "0.25");
}

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
