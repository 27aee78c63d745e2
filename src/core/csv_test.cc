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

TEST(SplitList, SplitsOnBars) {
  EXPECT_EQ(SplitList("US|U.S.|America"), (std::vector<std::string>{"US", "U.S.", "America"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace ftf
