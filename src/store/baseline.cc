#include "store/baseline.h"

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "core/embedded_data.h"
#include "geo/gazetteer.h"
#include "store/source_csv.h"

namespace ftf {

Result<ImportBatch> BundledBaseline() {
  auto sources = embedded::Find("data/baseline/sources.csv");
  auto claims = embedded::Find("data/baseline/claims.csv");
  if (!sources || !claims) return Status::Internal("baseline files are not bundled in this build");
  ImportBatch batch;
  SourceCsvParse sp = ParseSourcesCsv(*sources, "data/baseline/sources.csv");
  if (!sp.errors.empty()) return Status::Internal("bundled baseline is broken: " + sp.errors.front());
  batch.sources = std::move(sp.sources);
  ClaimCsvParse cp = ParseClaimsCsv(*claims, "data/baseline/claims.csv", Gazetteer::Bundled());
  if (!cp.errors.empty()) return Status::Internal("bundled baseline is broken: " + cp.errors.front());
  batch.claims = std::move(cp.claims);
  return batch;
}

Result<ImportStats> SeedBaseline(Store& store) {
  FTF_ASSIGN_OR_RETURN(ImportBatch batch, BundledBaseline());
  return store.Import(batch);
}

}  // namespace ftf
