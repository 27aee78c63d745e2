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
// characters, from the qualifier of the chosen claim or the interval of a fused estimate.
std::string CompactFigure(const LedgerEntry& e);

// One row per scope (countries by name, then regions), one column per figure: departed,
// returned, killed, detained, in theatre, women and minors who departed; each cell is the
// compact figure and, in brackets, how many sources stand behind it.
Table LedgerWideTable(const std::vector<LedgerEntry>& entries);

// Long form: scope, name, category, subgroup, unit, low, best, high, qualifier, as_of,
// n_sources, sources, n_claims, conflict, method.
Table LedgerLongTable(const std::vector<LedgerEntry>& entries);
nlohmann::json LedgerJson(const std::vector<LedgerEntry>& entries);

}  // namespace ftf
