// ResponseCache: rendered bodies of read endpoints, reused until the database changes.
//
// Read endpoints (ledger, claims, sources, …) are pure functions of the query and the
// database's contents, so the server renders each (path, query) once per database version
// and serves the stored bytes after that. The version (DataVersion) changes whenever the
// database file or its write-ahead log changes on disk — by this server's ingest or by any
// other process (`ftfwatch import` on the same file) — so a cached body is never stale by
// more than one filesystem timestamp tick. Bounded: when `max_bytes` would be exceeded the
// whole cache is dropped (simple, and rare: the key space is small in practice).
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace ftf {
class PgWalPosition;
}

namespace ftf::server {

struct CachedResponse {
  std::string body;
  std::string content_type;
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}

  // The body stored for `key` at `version`, or null.
  std::shared_ptr<const CachedResponse> Get(const std::string& key, uint64_t version) const;
  void Put(const std::string& key, uint64_t version, std::shared_ptr<const CachedResponse> value);

  size_t size() const;

 private:
  struct Entry {
    uint64_t version;
    std::shared_ptr<const CachedResponse> value;
  };
  size_t max_bytes_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
};

// A number that changes whenever the database changes. For an SQLite file: built from the
// size and modification time (nanoseconds) of the file and of its "-wal" file. For PostgreSQL
// (a postgresql:// URI), from the server's WAL position, which every commit by any client
// moves (another machine's `ftfwatch-dask ingest`, say); while the server cannot be asked, the
// number changes on every call, so nothing is served from the cache. Both also mix in a
// counter the server bumps after its own writes (so a change within one timestamp tick is
// still seen).
class DataVersion {
 public:
  explicit DataVersion(std::string db_path);
  ~DataVersion();
  uint64_t Current() const;
  void Bump();

 private:
  std::string db_path_, wal_path_;
  std::unique_ptr<PgWalPosition> pg_;  // set for a PostgreSQL URI
  std::atomic<uint64_t> generation_{0};
  mutable std::atomic<uint64_t> unknown_{0};  // counts calls that could not ask PostgreSQL
};

}  // namespace ftf::server
