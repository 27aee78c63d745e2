// Fuzz target: the claims CSV reader (import) and its writer (export --format csv).
// Properties: parsing never crashes; every error names the file; a file that parses without
// errors writes back to CSV that parses to the same claims (export -> import is lossless,
// spreadsheet neutralisation included).
#include "claims/claim_csv.h"
#include "fuzz_target.h"

FTF_FUZZ_TARGET(claims_csv) {
  const ftf::Gazetteer& geo = ftf::Gazetteer::Bundled();
  ftf::ClaimCsvParse first = ftf::ParseClaimsCsv(data, "fuzz.csv", geo, 5);
  for (const std::string& e : first.errors) FTF_FUZZ_CHECK(e.rfind("fuzz.csv", 0) == 0);
  FTF_FUZZ_CHECK(first.error_count >= first.errors.size());
  if (first.error_count > 0 || first.claims.empty()) return;
  const std::string written = ftf::WriteClaimsCsv(first.claims);
  ftf::ClaimCsvParse second = ftf::ParseClaimsCsv(written, "written.csv", geo, 5);
  FTF_FUZZ_CHECK(second.error_count == 0);
  FTF_FUZZ_CHECK(second.claims == first.claims);
}
