#include "store/baseline.h"

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "core/embedded_data.h"
#include "geo/gazetteer.h"
#include "store/source_csv.h"

namespace ftf {

Result<ImportBatch> BundledCsvPair(const std::string& dir) {
  const std::string sources_path = dir + "/sources.csv", claims_path = dir + "/claims.csv";
  auto sources = embedded::Find(sources_path);
  auto claims = embedded::Find(claims_path);
  if (!sources || !claims) return Status::Internal(dir + ": files are not bundled in this build");
  ImportBatch batch;
  SourceCsvParse sp = ParseSourcesCsv(*sources, sources_path);
  if (!sp.errors.empty()) return Status::Internal("bundled data is broken: " + sp.errors.front());
  batch.sources = std::move(sp.sources);
  ClaimCsvParse cp = ParseClaimsCsv(*claims, claims_path, Gazetteer::Bundled());
  if (!cp.errors.empty()) return Status::Internal("bundled data is broken: " + cp.errors.front());
  batch.claims = std::move(cp.claims);
  return batch;
}

Result<ImportBatch> BundledBaseline() { return BundledCsvPair("data/baseline"); }

Result<ImportStats> SeedBaseline(Store& store) {
  FTF_ASSIGN_OR_RETURN(ImportBatch batch, BundledBaseline());
  return store.Import(batch);
}

}  // namespace ftf
