#include "server/query.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "geo/gazetteer.h"

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

Result<std::vector<std::string>> ScopesFromQuery(const Params& params) {
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<std::string> scopes;
  std::string countries = Param(params, "country");
  size_t start = 0;
  while (!countries.empty() && start <= countries.size()) {
    size_t comma = countries.find(',', start);
    std::string item = countries.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) {
      auto s = geo.ResolveScope(item);
      // A bad parameter value is the caller's error (400), even when it names nothing known.
      if (!s.ok()) return Status::InvalidArgument("country: " + s.status().message());
      scopes.push_back(s.value());
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  std::string region = Param(params, "region");
  if (!region.empty()) {
    const Region* r = geo.FindRegion(region);
    if (!r) {
      auto s = geo.ResolveScope(region);
      if (!s.ok()) return Status::InvalidArgument("region: " + s.status().message());
      return Status::InvalidArgument(fmt::format("region: '{}' is a country, not a region (use country=)", region));
    }
    scopes.push_back(r->scope);
    scopes.insert(scopes.end(), r->members.begin(), r->members.end());
  }
  return scopes;
}

Result<ClaimFilter> ClaimFilterFromQuery(const Params& params) {
  ClaimFilter f;
  FTF_ASSIGN_OR_RETURN(f.scopes, ScopesFromQuery(params));
  if (std::string c = Param(params, "category"); !c.empty()) {
    f.category = ParseCategory(c);
    if (!f.category)
      return Status::InvalidArgument(fmt::format(
          "category: unknown category '{}' (departed, returned, killed, detained, in_theater, relocated, "
          "convicted, affiliated)",
          c));
  }
  if (std::string s = Param(params, "subgroup"); !s.empty()) {
    f.subgroup = ParseSubgroup(s);
    if (!f.subgroup)
      return Status::InvalidArgument(fmt::format("subgroup: unknown subgroup '{}' (all, men, women, minors)", s));
  }
  if (std::string u = Param(params, "unit"); !u.empty()) {
    f.unit = ParseUnit(u);
    if (!f.unit)
      return Status::InvalidArgument(fmt::format("unit: unknown unit '{}' (persons, countries, share)", u));
  }
  if (std::string d = Param(params, "as_of"); !d.empty()) {
    if (!IsIsoDate(d)) return Status::InvalidArgument(fmt::format("as_of: not a date (YYYY-MM-DD): '{}'", d));
    f.as_of_max = d;
  }
  if (std::string s = Param(params, "source"); !s.empty()) f.source_id = s;
  if (std::string d = Param(params, "document"); !d.empty()) f.document_sha256 = d;
  return f;
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
