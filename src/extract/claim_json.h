// Claims as JSON, with the field names of ../shared/extraction/dev.jsonl (DESIGN.md's stable
// interface): category, subgroup, scope, unit, low, best, high, qualifier, attributed_to, cue,
// span ([start, end) bytes), sentence, as_of, source, document, origin. Unknown numbers are
// null, never 0.
#pragma once

#include <nlohmann/json.hpp>

#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"

namespace ftf::extract {

nlohmann::json ClaimToJson(const Claim& c);

// Reads the fields above (those missing stay at their defaults). Errors name the field.
Result<Claim> ClaimFromJson(const nlohmann::json& j);

}  // namespace ftf::extract
