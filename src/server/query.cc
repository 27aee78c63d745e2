#include "server/query.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "store/filter_spec.h"

namespace ftf::server {

Status CheckAllowed(const Params& params, const std::vector<std::string>& allowed) {
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + allowed[i];
    return Status::InvalidArgument(fmt::format("unknown query parameter '{}' (allowed: {})", name,
                                               list.empty() ? "none" : list));
  }
  return Status::OK();
}

std::string Param(const Params& params, const std::string& name) {
  std::string out;
  auto [lo, hi] = params.equal_range(name);
  for (auto it = lo; it != hi; ++it) {
    if (it->second.empty()) continue;
    if (!out.empty()) out += ',';
    out += it->second;
  }
  return out;
}

namespace {

FilterSpec SpecFromQuery(const Params& params) {
  FilterSpec spec;
  spec.countries = Param(params, "country");
  spec.region = Param(params, "region");
  spec.category = Param(params, "category");
  spec.subgroup = Param(params, "subgroup");
  spec.unit = Param(params, "unit");
  spec.as_of = Param(params, "as_of");
  spec.source = Param(params, "source");
  spec.document = Param(params, "document");
  return spec;
}

std::string QueryLabel(std::string_view field) { return std::string(field); }

// A bad parameter value is the caller's error (400), even when it names nothing known.
Status AsBadRequest(const Status& st) {
  return st.code() == StatusCode::kNotFound ? Status::InvalidArgument(st.message()) : st;
}

}  // namespace

Result<std::vector<std::string>> ScopesFromQuery(const Params& params) {
  auto r = ResolveScopes(SpecFromQuery(params), QueryLabel);
  if (!r.ok()) return AsBadRequest(r.status());
  return r;
}

Result<bool> IncludePendingFromQuery(const Params& params) {
  std::string v = Param(params, "include_pending");
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  return Status::InvalidArgument(fmt::format("include_pending: use true or false, not '{}'", v));
}

Result<ClaimFilter> ClaimFilterFromQuery(const Params& params) {
  auto r = BuildFilter(SpecFromQuery(params), QueryLabel);
  if (!r.ok()) return AsBadRequest(r.status());
  return r;
}

namespace {
Result<int64_t> PositiveInt(const Params& params, const std::string& name, int64_t fallback) {
  std::string v = Param(params, name);
  if (v.empty()) return fallback;
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || ptr != v.data() + v.size() || n < 1)
    return Status::InvalidArgument(fmt::format("{}: not a positive whole number: '{}'", name, v));
  return n;
}
}  // namespace

Result<Paging> PagingFromQuery(const Params& params) {
  Paging p;
  FTF_ASSIGN_OR_RETURN(p.page, PositiveInt(params, "page", 1));
  FTF_ASSIGN_OR_RETURN(p.pagesize, PositiveInt(params, "pagesize", 100));
  if (p.pagesize > kMaxPageSize)
    return Status::InvalidArgument(fmt::format("pagesize: {} is more than the maximum {}", p.pagesize, kMaxPageSize));
  if (p.page > (int64_t{1} << 40) / p.pagesize) return Status::InvalidArgument("page: too large");
  return p;
}

std::string CacheKey(const std::string& path, const Params& params) {
  std::vector<std::pair<std::string, std::string>> sorted(params.begin(), params.end());
  std::sort(sorted.begin(), sorted.end());
  // Unit and record separators cannot occur in a decoded path, so keys never collide.
  std::string key = path;
  for (const auto& [k, v] : sorted) {
    key += '\x1f';
    key += k;
    key += '\x1e';
    key += v;
  }
  return key;
}

}  // namespace ftf::server
