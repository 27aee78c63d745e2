#include "cli/options.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "geo/gazetteer.h"

namespace ftf::cli {

Result<OutputFormat> ParseFormat(const std::string& name, const std::vector<std::string>& allowed) {
  auto f = ParseOutputFormat(name);
  if (!f || std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + allowed[i];
    return Status::InvalidArgument(fmt::format("--format: unknown format '{}' (use one of: {})", name, list));
  }
  return *f;
}

Result<std::vector<std::string>> ResolveScopeFilter(const std::string& countries, const std::string& region) {
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<std::string> scopes;
  if (!countries.empty()) {
    size_t start = 0;
    while (start <= countries.size()) {
      size_t comma = countries.find(',', start);
      std::string item = countries.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      while (!item.empty() && item.front() == ' ') item.erase(item.begin());
      while (!item.empty() && item.back() == ' ') item.pop_back();
      if (!item.empty()) {
        auto s = geo.ResolveScope(item);
        if (!s.ok()) return s.status().WithContext("--country");
        scopes.push_back(s.value());
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (!region.empty()) {
    const Region* r = geo.FindRegion(region);
    if (!r) {
      auto s = geo.ResolveScope(region);
      if (!s.ok()) return s.status().WithContext("--region");
      return Status::InvalidArgument(fmt::format("--region: '{}' is a country, not a region (use --country)", region));
    }
    scopes.push_back(r->scope);
    scopes.insert(scopes.end(), r->members.begin(), r->members.end());
  }
  return scopes;
}

Result<ClaimFilter> BuildClaimFilter(const std::string& countries, const std::string& region,
                                     const std::string& category, const std::string& subgroup,
                                     const std::string& as_of) {
  ClaimFilter f;
  FTF_ASSIGN_OR_RETURN(f.scopes, ResolveScopeFilter(countries, region));
  if (!category.empty()) {
    f.category = ParseCategory(category);
    if (!f.category)
      return Status::InvalidArgument(fmt::format(
          "--category: unknown category '{}' (departed, returned, killed, detained, in_theater, relocated, "
          "convicted, affiliated)",
          category));
  }
  if (!subgroup.empty()) {
    f.subgroup = ParseSubgroup(subgroup);
    if (!f.subgroup)
      return Status::InvalidArgument(
          fmt::format("--subgroup: unknown subgroup '{}' (all, men, women, minors)", subgroup));
  }
  if (!as_of.empty()) {
    if (!IsIsoDate(as_of)) return Status::InvalidArgument(fmt::format("--as-of: not a date (YYYY-MM-DD): '{}'", as_of));
    f.as_of_max = as_of;
  }
  return f;
}

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return Status::OK();
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!f) return Status::IOError(fmt::format("{}: cannot write", path));
    f << text;
    if (!f) return Status::IOError(fmt::format("{}: write failed", path));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError(fmt::format("{}: cannot write", path));
  return Status::OK();
}

Result<std::string> ReadInput(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError(fmt::format("{}: cannot open (no such file or not readable)", path));
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace ftf::cli
