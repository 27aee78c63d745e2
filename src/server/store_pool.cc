#include "server/store_pool.h"

#include "store/open.h"

namespace ftf::server {

StorePool::StorePool(std::string path, size_t max_idle) : path_(std::move(path)), max_idle_(max_idle) {}

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  StoreOptions opts;
  opts.path = path_;
  opts.notices = false;
  opts.seed = false;
  FTF_ASSIGN_OR_RETURN(std::unique_ptr<Store> s, OpenStore(opts));
  return Lease(this, std::move(s));
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(store));
}

}  // namespace ftf::server
