// FusedCache: the fused estimates, conflicts and risk table of the database, computed once per
// database version and as-of date and shared by the requests that need them.
//
// Fusion reads every claim published by the as-of date (constraints tie keys together, so it
// never runs on a filtered subset) and is the costliest thing the server does; requests for
// estimates, conflicts, risk and the fused ledger all start from the same snapshot. At most
// `capacity` snapshots are kept (the latest versions). Thread-safe: a snapshot is immutable,
// and computing one holds a lock so concurrent first requests compute it once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "fuse/fusion.h"
#include "risk/risk_model.h"
#include "server/store_pool.h"

namespace ftf::server {

struct FusedSnapshot {
  std::vector<Claim> claims;  // every claim published by as_of
  std::map<std::string, Source> sources;
  FusionConfig config;
  FusionResult result;
  RiskTable risk;
};

class FusedCache {
 public:
  explicit FusedCache(size_t capacity = 4) : capacity_(capacity) {}

  // The snapshot for `version` and `as_of` ("" = everything), computing it when needed with
  // the bundled fusion and risk configurations.
  // Accepted claims only, unless `include_pending`.
  Result<std::shared_ptr<const FusedSnapshot>> Get(StorePool& pool, uint64_t version, const std::string& as_of,
                                                   bool include_pending = false);

 private:
  size_t capacity_;
  std::mutex mu_;
  using Key = std::tuple<uint64_t, std::string, bool>;
  std::vector<std::pair<Key, std::shared_ptr<const FusedSnapshot>>> entries_;
};

}  // namespace ftf::server
