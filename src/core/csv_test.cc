#include "core/csv.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

TEST(CsvTable, QuotedFieldsMayHoldCommasQuotesAndNewlines) {
  auto t = CsvTable::Parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n3,4\n", "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->records().size(), 2u);
  EXPECT_EQ(t->records()[0].fields[0], "x, y");
  EXPECT_EQ(t->records()[0].fields[1], "say \"hi\"\nthere");
  EXPECT_EQ(t->records()[0].line, 2u);
  EXPECT_EQ(t->records()[1].line, 4u);  // the quoted newline moved it down
  EXPECT_EQ(t->Get(t->records()[1], "b"), "4");
}

TEST(CsvTable, ErrorsNameTheLine) {
  auto t = CsvTable::Parse("a,b\n1,\"open\n2,3\n", "t.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "t.csv:2: unterminated quoted field");
  auto u = CsvTable::Parse("a,b\n1,x\"y\n", "u.csv");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().message(), "u.csv:2: stray quote inside unquoted field 2");
}

TEST(CsvField, NeutralisesCellsASpreadsheetWouldRun) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"x\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\"");
  EXPECT_EQ(CsvField("+cmd"), "'+cmd");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("\rx"), "\"'\rx\"");
  // Already neutral-looking cells get one more apostrophe, so the reader can tell them apart.
  EXPECT_EQ(CsvField("'=x"), "''=x");
  // Numbers, plain text and apostrophes before anything else are left alone.
  EXPECT_EQ(CsvField("-3"), "-3");
  EXPECT_EQ(CsvField("+0.5"), "+0.5");
  EXPECT_EQ(CsvField("-1e-05"), "-1e-05");
  EXPECT_EQ(CsvField("'some 425'"), "'some 425'");
  EXPECT_EQ(CsvField("a=b"), "a=b");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvField, EveryCellReadsBackUnchanged) {
  const std::vector<std::string> cells = {"=1+1", "'=1+1", "''=1+1", "+", "-", "@", "\t", "\r\n=x", "-3", "-3x",
                                          "'", "''", "'a", "-", "--1", "=", "'-5", "plain, with \"quotes\"", ""};
  std::string csv = "c\n";
  for (const auto& c : cells) csv += CsvField(c) + "\n";
  csv += "end\n";  // so that a last empty cell is not a blank line
  auto t = CsvTable::Parse(csv, "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  std::vector<std::string> back;
  for (const auto& r : t->records()) back.push_back(r.fields[0]);
  back.pop_back();
  // The empty cell is a blank line, which the reader skips.
  std::vector<std::string> expected = cells;
  expected.pop_back();
  EXPECT_EQ(back, expected);
  for (const auto& c : cells) EXPECT_EQ(RestoreCsvCell(NeutraliseCsvCell(c)), c) << c;
}

TEST(SplitList, SplitsOnBars) {
  EXPECT_EQ(SplitList("US|U.S.|America"), (std::vector<std::string>{"US", "U.S.", "America"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace ftf
