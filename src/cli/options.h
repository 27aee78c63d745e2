// Option handling shared by the subcommands: formats, scope filters, dates, output files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"
#include "report/table.h"
#include "store/store.h"

namespace ftf::cli {

// Parses --format; `allowed` lists the names the command supports ("table", "csv", ...).
Result<OutputFormat> ParseFormat(const std::string& name, const std::vector<std::string>& allowed);

// Scope filters shared by ledger and claims: --country (ISO3 codes or names, comma-separated)
// and --region (a region name). Returns canonical scopes; an empty result means "all".
// With --region the region's own scope is included beside its members.
Result<std::vector<std::string>> ResolveScopeFilter(const std::string& countries, const std::string& region);

// Fills a ClaimFilter from the shared options; errors name the option.
Result<ClaimFilter> BuildClaimFilter(const std::string& countries, const std::string& region,
                                     const std::string& category, const std::string& subgroup,
                                     const std::string& as_of);

// The width terminal tables should fit: unlimited with `wide` (--wide), else the COLUMNS
// environment variable when it holds a number (shells set it; tests use it), else the width
// of the terminal on stdout, else `fallback`.
size_t TerminalWidth(bool wide, size_t fallback = 100);

// Writes `text` to `path` ("" or "-" = stdout).
Status WriteOutput(const std::string& path, const std::string& text);

// Reads a whole file ("-" = stdin). IOError names the file.
Result<std::string> ReadInput(const std::string& path);

}  // namespace ftf::cli
