// Query-string parsing for the API: the CLI's filters (country, region, category, subgroup,
// as_of, source) and paging (page, pagesize), with errors that name the parameter.
//
// Parameters arrive as a multimap (httplib::Params): a repeated parameter (`country=USA&
// country=GBR`) means the same as a comma-separated list (`country=USA,GBR`).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf::server {

using Params = std::multimap<std::string, std::string>;

// InvalidArgument naming the first parameter not in `allowed`:
// "unknown query parameter 'contry' (allowed: country, region, …)".
Status CheckAllowed(const Params& params, const std::vector<std::string>& allowed);

// The value of `name` (repeated values joined with ","), or "" when absent.
std::string Param(const Params& params, const std::string& name);

// Canonical scopes for `country` (ISO3 codes or names, comma-separated) and `region` (one
// region: its own scope and its members). Empty = all.
Result<std::vector<std::string>> ScopesFromQuery(const Params& params);

// country, region, category, subgroup, as_of (YYYY[-MM[-DD]]: figures as of on or before),
// source (a source id), document (a document's sha256).
Result<ClaimFilter> ClaimFilterFromQuery(const Params& params);

// include_pending=true|1 counts claims waiting for review too (default: accepted claims only);
// InvalidArgument for any other value than true, false, 1, 0.
Result<bool> IncludePendingFromQuery(const Params& params);

struct Paging {
  int64_t page = 1;       // 1-based
  int64_t pagesize = 100; // 1..kMaxPageSize
};
inline constexpr int64_t kMaxPageSize = 1000;
// page >= 1 and 1 <= pagesize <= 1000; InvalidArgument otherwise.
Result<Paging> PagingFromQuery(const Params& params);

// A cache key for `path` and `params`: the path, then the parameters sorted by name and value.
std::string CacheKey(const std::string& path, const Params& params);

}  // namespace ftf::server
