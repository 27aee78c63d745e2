// The bundled baseline: published per-country figures (data/baseline/, converted from the
// reports listed in data/baseline/sources.csv, citations kept) loaded into new databases.
#pragma once

#include <string>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// The baseline as an import batch. Fails only if the bundled files are broken (a build bug).
Result<ImportBatch> BundledBaseline();

// `dir`/sources.csv and `dir`/claims.csv from the bundled data as one batch (the baseline, a
// layer). Internal when they are missing or do not parse (a build bug; the message names the
// file and line).
Result<ImportBatch> BundledCsvPair(const std::string& dir);

// Imports the baseline into `store` (idempotent: an already seeded store gains nothing).
Result<ImportStats> SeedBaseline(Store& store);

}  // namespace ftf
