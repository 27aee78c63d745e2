// Rendering fusion results: estimates, conflicts, aggregates and explanations as JSON (the
// same bytes from the CLI and the HTTP server) and as tables or text for the terminal.
//
// JSON field names (stable interface, DESIGN.md):
//   estimates:  the ledger fields (scope, name, category, subgroup, unit, low, best, high,
//               qualifier, interval, as_of, sources, claims, n_claims, conflict, method): the
//               stated estimate, null where no source states the key; plus stated (false:
//               "no stated figure"), figure (">40,000"; null when not stated), bounds (the
//               feasible bounds from the constraints, never the estimate), derived, evidence
//               [{claim, source, source_kind, as_of, copy_of, copy_as_of, qualifier, claim_role,
//               stated, kind_weight, recency, weight, window, role}] (copy_of: the source whose
//               edition a copy under another source belongs to, null otherwise; as_of is then
//               the edition's date and copy_as_of the copy's own), adjustments (changes to the
//               bounds), windows [{…, editions, variants}].
//   conflicts:  scope, name, category, subgroup, unit, kind, as_of, summary, keys, sides
//               [{label, credible, interval, weight, claims [{id, source, source_kind, as_of, copy_of,
//               qualifier, low, best, high, figure, interval, weight, cue, sentence, page, note}]}].
//   aggregates: region, category, subgroup, adhoc, sum, covered, members, coverage, countries,
//               as_of_min, as_of_max, stated, stated_as_of, stated_below_countries.
// Numbers are plain JSON numbers; an unknown or open value is null, never 0.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuse/explain.h"
#include "fuse/fusion.h"
#include "report/table.h"

namespace ftf {

// {"low", "high" (null when open), "low_strict", "high_strict", "best" (null when none)}.
nlohmann::json IntervalJson(const Interval& iv);

nlohmann::json EstimatesJson(const FusionResult& result);
nlohmann::json EstimateJson(const Estimate& e);
nlohmann::json ConflictsJson(const std::vector<Conflict>& conflicts);
nlohmann::json AggregatesJson(const std::vector<Aggregate>& aggregates);
nlohmann::json ExplainJson(const Estimate& e, const std::vector<ExplainStep>& steps);

// Conflicts for the terminal: one block per conflict with the claims of each side, their
// sources, dates, weights and the sentence (or note) each came from.
std::string ConflictsText(const std::vector<Conflict>& conflicts);
// One row per claim per side (CSV); one row per conflict (Markdown).
Table ConflictsLongTable(const std::vector<Conflict>& conflicts);
Table ConflictsSummaryTable(const std::vector<Conflict>& conflicts);

// Region | category | subgroup | countries' sum | coverage | stated total | note.
Table AggregatesTable(const std::vector<Aggregate>& aggregates);

}  // namespace ftf
