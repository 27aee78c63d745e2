#include "store/filter_spec.h"

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "geo/gazetteer.h"

namespace ftf {

Result<std::vector<std::string>> ResolveScopes(const FilterSpec& spec, const FieldLabel& label) {
  const Gazetteer& geo = Gazetteer::Bundled();
  std::vector<std::string> scopes;
  const std::string& countries = spec.countries;
  size_t start = 0;
  while (!countries.empty() && start <= countries.size()) {
    size_t comma = countries.find(',', start);
    std::string item = countries.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) {
      auto s = geo.ResolveScope(item);
      if (!s.ok()) return s.status().WithContext(label("country"));
      scopes.push_back(s.value());
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!spec.region.empty()) {
    const Region* r = geo.FindRegion(spec.region);
    if (!r) {
      auto s = geo.ResolveScope(spec.region);
      if (!s.ok()) return s.status().WithContext(label("region"));
      return Status::InvalidArgument(fmt::format("{}: '{}' is a country, not a region (use {})", label("region"),
                                                 spec.region, label("country")));
    }
    scopes.push_back(r->scope);
    scopes.insert(scopes.end(), r->members.begin(), r->members.end());
  }
  return scopes;
}

Result<ClaimFilter> BuildFilter(const FilterSpec& spec, const FieldLabel& label) {
  ClaimFilter f;
  FTF_ASSIGN_OR_RETURN(f.scopes, ResolveScopes(spec, label));
  if (!spec.category.empty()) {
    f.category = ParseCategory(spec.category);
    if (!f.category)
      return Status::InvalidArgument(fmt::format(
          "{}: unknown category '{}' (departed, returned, killed, detained, in_theater, relocated, convicted, "
          "affiliated)",
          label("category"), spec.category));
  }
  if (!spec.subgroup.empty()) {
    f.subgroup = ParseSubgroup(spec.subgroup);
    if (!f.subgroup)
      return Status::InvalidArgument(
          fmt::format("{}: unknown subgroup '{}' (all, men, women, minors)", label("subgroup"), spec.subgroup));
  }
  if (!spec.unit.empty()) {
    f.unit = ParseUnit(spec.unit);
    if (!f.unit)
      return Status::InvalidArgument(
          fmt::format("{}: unknown unit '{}' (persons, countries, share)", label("unit"), spec.unit));
  }
  if (!spec.as_of.empty()) {
    if (!IsIsoDate(spec.as_of))
      return Status::InvalidArgument(fmt::format("{}: not a date (YYYY-MM-DD): '{}'", label("as_of"), spec.as_of));
    f.as_of_max = spec.as_of;
  }
  if (!spec.source.empty()) f.source_id = spec.source;
  if (!spec.document.empty()) f.document_sha256 = spec.document;
  return f;
}

}  // namespace ftf
