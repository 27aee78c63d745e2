// Rendering the ledger: the wide per-country table (terminal, Markdown) and the long form
// (CSV, JSON) with one record per (scope, category, subgroup, unit).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuse/ledger.h"
#include "report/table.h"

namespace ftf {

// "129", "~5,000", "300–350", ">40,000", "≥5,600", "<129", "≤300": the figure in a few
// characters, from the qualifier of the chosen claim (raw ledger); for a fused estimate, its
// interval: "1,910", "271–302", "0–128", "≥165". A trailing "!" marks a conflict.
// A fused key no source states reads "no stated figure"; one whose estimate is exactly one
// source's statement reads in that source's words (">40,000", "~5,000").
std::string CompactFigure(const LedgerEntry& e);

// An interval in a few characters: "1,910", "271–302", "≥165", ">40,000".
std::string IntervalFigure(const Interval& iv);

// The feasible bounds of a fused entry in brackets, "[250–23,427]", or "" without bounds.
std::string BoundsFigure(const LedgerEntry& e);

// One row per scope (countries by name, then regions), one column per figure: departed,
// returned, killed, detained, in theatre, women and minors who departed; each cell is the
// compact figure and, in brackets, how many sources stand behind it (`source_counts`). Without
// per-cell counts (the fused view, whose intervals need the width) a last column "Src" gives
// how many distinct sources stand behind the row's figures. `bounds`: each cell shows the
// feasible bounds (BoundsFigure) instead of the figure.
Table LedgerWideTable(const std::vector<LedgerEntry>& entries, bool source_counts = true, bool bounds = false);

// Long form: scope, name, category, subgroup, unit, low, best, high, qualifier, as_of,
// n_sources, sources, n_claims, conflict, method, bounds_low, bounds_high (the last two empty
// for the raw ledger; bounds_high empty when open).
Table LedgerLongTable(const std::vector<LedgerEntry>& entries);
nlohmann::json LedgerJson(const std::vector<LedgerEntry>& entries);

}  // namespace ftf
