// FusedCache: the fused estimates, conflicts and risk table of the database, computed once per
// database version and as-of date and shared by the requests that need them.
//
// Fusion reads every claim published by the as-of date (constraints tie keys together, so it
// never runs on a filtered subset) and is the costliest thing the server does; requests for
// estimates, conflicts, risk and the fused ledger all start from the same snapshot. At most
// `capacity` snapshots are kept (the latest versions). Thread-safe: a snapshot is immutable,
// and computing one holds a lock so concurrent first requests compute it once.
//
// Under a steady stream of writes (ingest committing a document every few milliseconds) the
// version changes faster than fusion runs. A request therefore also accepts a snapshot whose
// data was read after the request began — never older than what it asked for — so requests
// queued behind one computation share the next one instead of each computing its own (which
// queued them for seconds: bench/soak.sh).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "fuse/fusion.h"
#include "risk/risk_model.h"
#include "server/response_cache.h"
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

  // A snapshot for `as_of` ("" = everything) at least as new as the database was when this
  // call began: the one for its current version, or one read later, computed when needed
  // with the bundled fusion and risk configurations. Accepted claims only, unless
  // `include_pending`.
  Result<std::shared_ptr<const FusedSnapshot>> Get(StorePool& pool, const DataVersion& version,
                                                   const std::string& as_of, bool include_pending = false);

 private:
  struct Entry {
    uint64_t version;                           // DataVersion just before the data was read
    std::chrono::steady_clock::time_point read_at;  // when reading the data began
    std::string as_of;
    bool include_pending;
    std::shared_ptr<const FusedSnapshot> snapshot;
  };
  size_t capacity_;
  std::mutex mu_;
  std::vector<Entry> entries_;  // oldest first
};

}  // namespace ftf::server
