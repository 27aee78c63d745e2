// Helpers shared by the fuse unit tests: claims and sources written in one line each.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "fuse/fusion.h"

namespace ftf::fusetest {

inline Claim MakeClaim(int64_t id, const std::string& scope, Category cat, Qualifier q, std::optional<double> low,
                       std::optional<double> best, std::optional<double> high, const std::string& as_of,
                       const std::string& source, Subgroup sub = Subgroup::kAll, Unit unit = Unit::kPersons) {
  Claim c;
  c.id = id;
  c.scope = scope;
  c.category = cat;
  c.subgroup = sub;
  c.unit = unit;
  c.qualifier = q;
  c.low = low;
  c.best = best;
  c.high = high;
  c.as_of = as_of;
  c.source_id = source;
  return c;
}

inline Claim Exact(int64_t id, const std::string& scope, Category cat, double n, const std::string& as_of,
                   const std::string& source, Subgroup sub = Subgroup::kAll) {
  return MakeClaim(id, scope, cat, Qualifier::kExact, std::nullopt, n, std::nullopt, as_of, source, sub);
}

inline std::map<std::string, Source> Sources() {
  std::map<std::string, Source> s;
  auto add = [&](const std::string& id, SourceKind k) {
    Source src;
    src.id = id;
    src.kind = k;
    s[id] = src;
  };
  add("gov", SourceKind::kGovernment);
  add("tank", SourceKind::kThinkTank);
  add("tank2", SourceKind::kThinkTank);
  add("uni", SourceKind::kAcademic);
  add("news", SourceKind::kNews);
  return s;
}

}  // namespace ftf::fusetest
