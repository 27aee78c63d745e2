// The bundled baseline: published per-country figures (data/baseline/, converted from the
// reports listed in data/baseline/sources.csv, citations kept) loaded into new databases.
#pragma once

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

// The baseline as an import batch. Fails only if the bundled files are broken (a build bug).
Result<ImportBatch> BundledBaseline();

// Imports the baseline into `store` (idempotent: an already seeded store gains nothing).
Result<ImportStats> SeedBaseline(Store& store);

}  // namespace ftf
