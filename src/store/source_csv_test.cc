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
  const std::string csv = WriteSourcesCsv({s});
  EXPECT_EQ(csv,
            "id,publisher,title,authors,published,url,kind,terms,notes\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",'+Publisher,'-title,'@author,2017-10-24,"
            "\"http://example.org/a,b\",news,'\tterms,''=x\n");
  SourceCsvParse p = ParseSourcesCsv(csv, "s.csv");
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.sources.size(), 1u);
  EXPECT_EQ(p.sources[0], s);
}

}  // namespace
}  // namespace ftf
