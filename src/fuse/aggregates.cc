#include "fuse/aggregates.h"

#include <algorithm>
#include <map>

namespace ftf {

std::vector<Aggregate> ComputeAggregates(const std::vector<Estimate>& estimates, const Gazetteer& geo) {
  std::map<LedgerKey, const Estimate*> by_key;
  std::map<std::string, std::vector<std::pair<Category, Subgroup>>> keys_of_scope;
  for (const Estimate& e : estimates) {
    if (e.key.unit != Unit::kPersons) continue;
    by_key[e.key] = &e;
    keys_of_scope[e.key.scope].push_back({e.key.category, e.key.subgroup});
  }
  std::vector<Aggregate> out;
  std::vector<const Region*> regions;
  for (const Region& r : geo.regions())
    if (!r.members.empty()) regions.push_back(&r);
  std::sort(regions.begin(), regions.end(), [](const Region* a, const Region* b) { return a->scope < b->scope; });
  for (const Region* r : regions) {
    // Which (category, subgroup) pairs occur among the members or the region itself.
    std::vector<std::pair<Category, Subgroup>> pairs;
    for (const std::string& m : r->members) {
      auto it = keys_of_scope.find(m);
      if (it != keys_of_scope.end()) pairs.insert(pairs.end(), it->second.begin(), it->second.end());
    }
    if (auto it = keys_of_scope.find(r->scope); it != keys_of_scope.end())
      pairs.insert(pairs.end(), it->second.begin(), it->second.end());
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [cat, sub] : pairs) {
      Aggregate a;
      a.region = r->scope;
      a.category = cat;
      a.subgroup = sub;
      a.adhoc = r->adhoc;
      a.members = static_cast<int>(r->members.size());
      a.sum = Interval{0, 0, false, false, 0.0};
      bool all_best = true;
      for (const std::string& m : r->members) {
        auto it = by_key.find(LedgerKey{m, cat, sub, Unit::kPersons});
        if (it == by_key.end() || !it->second->stated()) continue;  // sums of stated figures only
        const Estimate& e = *it->second;
        Interval iv = e.interval;
        if (!iv.best) all_best = false;
        a.sum = a.sum.Plus(iv);
        ++a.covered;
        a.countries.push_back(m);
        if (a.as_of_min.empty() || e.as_of < a.as_of_min) a.as_of_min = e.as_of;
        if (a.as_of_max.empty() || e.as_of > a.as_of_max) a.as_of_max = e.as_of;
      }
      if (!all_best || a.covered == 0) a.sum.best.reset();
      if (auto it = by_key.find(LedgerKey{r->scope, cat, sub, Unit::kPersons});
          it != by_key.end() && it->second->stated()) {
        a.stated = it->second->interval;
        a.stated_as_of = it->second->as_of;
        a.stated_below_countries = a.covered > 0 && a.stated->high < a.sum.low;
      }
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace ftf
