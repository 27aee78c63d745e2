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

// A number that changes whenever the SQLite database at `path` changes: built from the size
// and modification time (nanoseconds) of the file and of its "-wal" file, and from a counter
// the server bumps after its own writes (so a change within one timestamp tick is still seen).
class DataVersion {
 public:
  explicit DataVersion(std::string db_path);
  uint64_t Current() const;
  void Bump();

 private:
  std::string db_path_, wal_path_;
  std::atomic<uint64_t> generation_{0};
};

}  // namespace ftf::server
