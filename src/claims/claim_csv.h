// The claims CSV format: how claims are imported and exported (docs/formats.md).
//
// Header row with these columns, in any order (only the first four and `source` are required):
//   scope,category,subgroup,unit,low,best,high,qualifier,as_of,source,attributed_to,origin,
//   document,span_start,span_end,cue,sentence,page,note
// Numbers are plain (5600, 0.25: no thousands separators); an empty cell is "not stated".
// `scope` may be an ISO3 code, a region scope name, or any name the gazetteer knows; it is
// stored in canonical form. Lists of errors name FILE:LINE: field: what is wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftfwatch/claim.h"
#include "geo/gazetteer.h"

namespace ftf {

// The columns, in the order WriteClaimsCsv writes them.
const std::vector<std::string>& ClaimCsvColumns();

struct ClaimCsvParse {
  std::vector<Claim> claims;
  std::vector<std::string> errors;  // "FILE:LINE: field: message", at most max_errors
  size_t error_count = 0;           // all errors found, even past max_errors
};

// Parses every row; rows with errors are reported and left out. `name` is the file name
// used in messages. The caller rejects the whole file when errors is non-empty.
ClaimCsvParse ParseClaimsCsv(std::string_view text, const std::string& name, const Gazetteer& geo,
                             size_t max_errors = 50);

std::string WriteClaimsCsv(const std::vector<Claim>& claims);

// Strict number: digits with an optional fraction ("5600", "0.25"); no sign, no separators.
std::optional<double> ParsePlainNumber(std::string_view s);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day.
bool IsIsoDate(std::string_view s);

}  // namespace ftf
