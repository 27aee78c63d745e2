// What pending claims would change: the ledger of accepted claims beside the ledger with
// pending claims counted too (`ftfwatch ledger --include-pending`), one row per estimate that
// differs — a new figure, a changed interval or best value, or a conflict that appears or goes.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuse/fusion.h"
#include "report/table.h"

namespace ftf {

struct LedgerChange {
  LedgerKey key;
  std::optional<Estimate> before;  // accepted claims only (nullopt: no figure)
  std::optional<Estimate> after;   // with pending claims
};

// Keys in the ledger's order (scope, category, subgroup, unit); unchanged estimates left out.
std::vector<LedgerChange> DiffLedgers(const FusionResult& accepted, const FusionResult& with_pending);

// Scope, category, subgroup, accepted (compact figure), with pending, change.
Table LedgerChangesTable(const std::vector<LedgerChange>& changes);
// [{"scope", "category", "subgroup", "unit", "before": EstimateJson|null, "after": …}]
nlohmann::json LedgerChangesJson(const std::vector<LedgerChange>& changes);

}  // namespace ftf
