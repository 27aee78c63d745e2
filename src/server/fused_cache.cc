#include "server/fused_cache.h"

#include "geo/gazetteer.h"
#include "risk/risk_config.h"

namespace ftf::server {

Result<std::shared_ptr<const FusedSnapshot>> FusedCache::Get(StorePool& pool, uint64_t version,
                                                             const std::string& as_of, bool include_pending) {
  std::lock_guard<std::mutex> lock(mu_);
  Key key{version, as_of, include_pending};
  for (const auto& [k, snap] : entries_)
    if (k == key) return snap;
  auto snap = std::make_shared<FusedSnapshot>();
  FTF_ASSIGN_OR_RETURN(snap->config, DefaultFusionConfig());
  snap->config.as_of = as_of;
  ClaimFilter filter;
  if (!as_of.empty()) filter.as_of_max = as_of;
  filter.review = LedgerStatuses(include_pending);
  {
    FTF_ASSIGN_OR_RETURN(auto store, pool.Acquire());
    FTF_ASSIGN_OR_RETURN(snap->claims, store->ListClaims(filter));
    FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
    for (Source& s : sources) snap->sources.emplace(s.id, std::move(s));
  }
  FTF_ASSIGN_OR_RETURN(snap->result, Fuse(snap->claims, snap->sources, snap->config));
  FTF_ASSIGN_OR_RETURN(RiskConfig risk_config, DefaultRiskConfig());
  snap->risk = ComputeRisk(snap->result, Gazetteer::Bundled(), risk_config);
  // Drop snapshots of older versions first; keep at most capacity_.
  if (entries_.size() >= capacity_) entries_.erase(entries_.begin());
  entries_.emplace_back(key, snap);
  return std::shared_ptr<const FusedSnapshot>(snap);
}

}  // namespace ftf::server
