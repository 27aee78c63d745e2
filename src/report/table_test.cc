#include "report/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

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

TEST(Table, CsvQuotesOnlyWhereNeeded) {
  Table t({"a", "b"});
  t.AddRow({"plain", "with, comma"});
  t.AddRow({"say \"x\"", "line\nbreak"});
  EXPECT_EQ(t.RenderCsv(), "a,b\nplain,\"with, comma\"\n\"say \"\"x\"\"\",\"line\nbreak\"\n");
}

}  // namespace
}  // namespace ftf
