// The catalogue as JSON: countries, regions and sources, with the same fields as
// `ftfwatch countries|regions|sources --format json`, for the API and the report.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "geo/gazetteer.h"
#include "store/store.h"

namespace ftf {

// iso3, iso2, m49, name, official_name, aliases, demonyms, un_region, un_subregion,
// population (null when unknown), population_year (null when unknown).
nlohmann::json CountryJson(const Country& c);
// id, scope, name, aliases, members, adhoc.
nlohmann::json RegionJson(const Region& r);
// id, publisher, title, authors, published, url, kind, terms, notes, aliases, claims (how many
// stored).
nlohmann::json SourceJson(const Source& s, int64_t n_claims);
// Every stored source with its claim count, as an array of SourceJson.
Result<nlohmann::json> SourcesJson(const Store& store);

}  // namespace ftf
