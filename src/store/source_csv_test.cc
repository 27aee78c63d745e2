#include "store/source_csv.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

// A source named like a spreadsheet formula is written neutralised and read back unchanged.
TEST(SourcesCsv, FormulaNamesRoundTrip) {
  Source s;
  s.id = "=HYPERLINK(\"http://x\",\"x\")";
  s.publisher = "+Publisher";
  s.title = "-title";
  s.authors = "@author";
  s.published = "2017-10-24";
  s.url = "http://example.org/a,b";
  s.kind = SourceKind::kNews;
  s.terms = "\tterms";
  s.notes = "'=x";
  s.aliases = {"=SUM(1)", "TSG"};
  const std::string csv = WriteSourcesCsv({s});
  EXPECT_EQ(csv,
            "id,publisher,title,authors,published,url,kind,terms,notes,aliases\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",'+Publisher,'-title,'@author,2017-10-24,"
            "\"http://example.org/a,b\",news,'\tterms,''=x,'=SUM(1); TSG\n");
  SourceCsvParse p = ParseSourcesCsv(csv, "s.csv");
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.sources.size(), 1u);
  EXPECT_EQ(p.sources[0], s);
}

// The aliases column is optional (files written before it existed still import); names are
// split at ';' and trimmed, and empty names are dropped.
TEST(SourcesCsv, AliasesAreOptionalAndSplitAtSemicolons) {
  SourceCsvParse old = ParseSourcesCsv("id,publisher,kind\nsoufan2017,The Soufan Center,think_tank\n", "old.csv");
  ASSERT_TRUE(old.errors.empty()) << old.errors.front();
  ASSERT_EQ(old.sources.size(), 1u);
  EXPECT_TRUE(old.sources[0].aliases.empty());
  SourceCsvParse p = ParseSourcesCsv(
      "id,publisher,kind,aliases\nsoufan2017,The Soufan Center,think_tank,\" Soufan Group ;TSG;; \"\n", "new.csv");
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  EXPECT_EQ(p.sources[0].aliases, (std::vector<std::string>{"Soufan Group", "TSG"}));
}

}  // namespace
}  // namespace ftf
