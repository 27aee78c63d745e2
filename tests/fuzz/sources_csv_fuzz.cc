// Fuzz target: the sources CSV reader and writer. Properties: no crash; a file without
// errors writes back to CSV that reads as the same sources.
#include "fuzz_target.h"
#include "store/source_csv.h"

FTF_FUZZ_TARGET(sources_csv) {
  ftf::SourceCsvParse first = ftf::ParseSourcesCsv(data, "fuzz.csv");
  for (const std::string& e : first.errors) FTF_FUZZ_CHECK(e.rfind("fuzz.csv", 0) == 0);
  if (!first.errors.empty() || first.sources.empty()) return;
  ftf::SourceCsvParse second = ftf::ParseSourcesCsv(ftf::WriteSourcesCsv(first.sources), "written.csv");
  FTF_FUZZ_CHECK(second.errors.empty());
  FTF_FUZZ_CHECK(second.sources == first.sources);
}
