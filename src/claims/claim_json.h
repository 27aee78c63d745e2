// Claims as JSON, with the field names of the stable interface (DESIGN.md, dev.jsonl):
// category, subgroup, scope, unit, low, best, high, qualifier, attributed_to, cue, span,
// sentence, as_of, source, document, origin; plus id and review (stored claims only), page,
// note, review_note and rule (when set). Unknown numbers, dates and sources are null, never 0 or "".
#pragma once

#include <nlohmann/json.hpp>

#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"

namespace ftf {

nlohmann::json ClaimToJson(const Claim& c);
// Appends ClaimToJson(c) as compact JSON to `*out`, byte for byte what
// ClaimToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) gives (keys
// sorted, UTF-8 kept, invalid UTF-8 replaced by U+FFFD), without building the JSON tree: the
// writer of `extract --jsonl`, where building and dumping the tree cost more than the claim.
void AppendClaimJson(const Claim& c, std::string* out);
// Reads the fields ClaimToJson writes; `scope` is taken as given (resolve it separately).
// Errors name the field: "low: not a number".
Result<Claim> ClaimFromJson(const nlohmann::json& j);

// null for nullopt, the number otherwise (integers written without ".0").
nlohmann::json NumberOrNull(const std::optional<double>& v);

}  // namespace ftf
