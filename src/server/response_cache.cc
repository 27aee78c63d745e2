#include "server/response_cache.h"

#include <sys/stat.h>

#include <functional>
#include <mutex>

#include "store/pg_store.h"

namespace ftf::server {

std::shared_ptr<const CachedResponse> ResponseCache::Get(const std::string& key, uint64_t version) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return nullptr;
  return it->second.value;
}

void ResponseCache::Put(const std::string& key, uint64_t version, std::shared_ptr<const CachedResponse> value) {
  size_t add = key.size() + value->body.size();
  if (add > max_bytes_) return;
  std::unique_lock lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    bytes_ -= key.size() + it->second.value->body.size();
    entries_.erase(it);
  }
  if (bytes_ + add > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_.emplace(key, Entry{version, std::move(value)});
  bytes_ += add;
}

size_t ResponseCache::size() const {
  std::shared_lock lock(mu_);
  return entries_.size();
}

DataVersion::DataVersion(std::string db_path) : db_path_(std::move(db_path)), wal_path_(db_path_ + "-wal") {
  if (IsPostgresUri(db_path_)) pg_ = std::make_unique<PgWalPosition>(db_path_);
}

DataVersion::~DataVersion() = default;

namespace {
uint64_t Mix(uint64_t h, uint64_t v) {
  // FNV-style mixing; collisions only matter if two different states mix to one number.
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}
uint64_t FileStamp(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 0;
  uint64_t h = static_cast<uint64_t>(st.st_size);
  h = Mix(h, static_cast<uint64_t>(st.st_mtim.tv_sec));
  h = Mix(h, static_cast<uint64_t>(st.st_mtim.tv_nsec));
  h = Mix(h, static_cast<uint64_t>(st.st_ino));
  return h;
}
}  // namespace

uint64_t DataVersion::Current() const {
  uint64_t h = generation_.load(std::memory_order_acquire);
  if (pg_) {
    Result<std::string> lsn = pg_->Current();
    if (lsn.ok()) return Mix(h, std::hash<std::string>{}(*lsn));
    return Mix(Mix(h, 0x5bd1e995u), unknown_.fetch_add(1, std::memory_order_relaxed) + 1);
  }
  h = Mix(h, FileStamp(db_path_));
  h = Mix(h, FileStamp(wal_path_));
  return h;
}

void DataVersion::Bump() { generation_.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace ftf::server
