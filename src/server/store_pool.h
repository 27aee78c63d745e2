// StorePool: open database connections shared by the server's request threads.
//
// A Store is used from one thread at a time (store.h), so a request borrows one for its
// duration and gives it back; connections are opened on demand and at most `max_idle` are
// kept. SQLite in WAL mode lets these connections read concurrently while one writes.
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf::server {

class StorePool {
 public:
  // `path` must name an existing, migrated database (the server opens and seeds it once at
  // start-up). Opens nothing yet.
  explicit StorePool(std::string path, size_t max_idle = 16);

  // A borrowed connection, returned to the pool when the lease dies.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // An idle connection, or a new one. IOError/Corruption when the database cannot be opened.
  Result<Lease> Acquire();

  const std::string& path() const { return path_; }

 private:
  void Release(std::unique_ptr<Store> store);

  std::string path_;
  size_t max_idle_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace ftf::server
