// ClaimFilter from what a person typed: the CLI's options (--country, --region, …) and the
// API's query parameters (country=, region=, …) go through this one function, so both accept
// the same values and give the same errors.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

struct FilterSpec {
  std::string countries;  // ISO3 codes or names, comma-separated ("USA,GBR", "the U.K.")
  std::string region;     // one region: its own scope and its members
  std::string category, subgroup, unit;
  std::string as_of;      // YYYY[-MM[-DD]]: only figures published on or before
  std::string source;     // a source id
  std::string document;   // a document's sha256
};

// How a field is named in messages: "country" -> "--country" (CLI) or "country" (API).
using FieldLabel = std::function<std::string(std::string_view field)>;

// Canonical scopes for spec.countries and spec.region; empty = all. An unknown name is
// NotFound with suggestions ("--country: unknown country or region 'Atlantis'").
Result<std::vector<std::string>> ResolveScopes(const FilterSpec& spec, const FieldLabel& label);

// The whole filter; errors name the field through `label`.
Result<ClaimFilter> BuildFilter(const FilterSpec& spec, const FieldLabel& label);

}  // namespace ftf
