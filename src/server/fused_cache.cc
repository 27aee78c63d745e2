#include "server/fused_cache.h"

#include "geo/gazetteer.h"
#include "risk/risk_config.h"

namespace ftf::server {

Result<std::shared_ptr<const FusedSnapshot>> FusedCache::Get(StorePool& pool, const DataVersion& version,
                                                             const std::string& as_of, bool include_pending) {
  const auto asked_at = std::chrono::steady_clock::now();
  const uint64_t asked_version = version.Current();
  std::lock_guard<std::mutex> lock(mu_);
  // Newest first: the exact version, or data read after this request began.
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (it->as_of == as_of && it->include_pending == include_pending &&
        (it->version == asked_version || it->read_at >= asked_at))
      return it->snapshot;
  auto snap = std::make_shared<FusedSnapshot>();
  FTF_ASSIGN_OR_RETURN(snap->config, DefaultFusionConfig());
  snap->config.as_of = as_of;
  ClaimFilter filter;
  if (!as_of.empty()) filter.as_of_max = as_of;
  filter.review = LedgerStatuses(include_pending);
  std::chrono::steady_clock::time_point read_at;
  uint64_t read_version = 0;
  {
    FTF_ASSIGN_OR_RETURN(auto store, pool.Acquire());
    // The version once the connection is open (opening the first one creates SQLite's WAL
    // file, which changes the version) and before the data is read.
    read_at = std::chrono::steady_clock::now();
    read_version = version.Current();
    FTF_ASSIGN_OR_RETURN(snap->claims, store->ListClaims(filter));
    FTF_ASSIGN_OR_RETURN(std::vector<Source> sources, store->ListSources());
    for (Source& s : sources) snap->sources.emplace(s.id, std::move(s));
  }
  FTF_ASSIGN_OR_RETURN(snap->result, Fuse(snap->claims, snap->sources, snap->config));
  FTF_ASSIGN_OR_RETURN(RiskConfig risk_config, DefaultRiskConfig());
  snap->risk = ComputeRisk(snap->result, Gazetteer::Bundled(), risk_config);
  // Drop snapshots of older versions first; keep at most capacity_.
  if (entries_.size() >= capacity_) entries_.erase(entries_.begin());
  entries_.push_back(Entry{read_version, read_at, as_of, include_pending, snap});
  return std::shared_ptr<const FusedSnapshot>(snap);
}

}  // namespace ftf::server
