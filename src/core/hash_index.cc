#include "core/hash_index.h"

namespace ftf {

void HashIndex::Insert(uint64_t raw_key, int32_t id) {
  // At most half full, so probes stay short and Find always meets an empty slot.
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  const uint64_t key = Key(raw_key);
  for (size_t i = Slot(key);; i = (i + 1) & mask_) {
    if (keys_[i] == key) {
      ids_[i] = id;
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      ids_[i] = id;
      ++size_;
      return;
    }
  }
}

void HashIndex::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<int32_t> old_ids = std::move(ids_);
  const size_t cap = old_keys.empty() ? 16 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  ids_.assign(cap, kAbsent);
  mask_ = cap - 1;
  size_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i)
    if (old_keys[i] != 0) {
      const uint64_t key = old_keys[i];
      for (size_t j = Slot(key);; j = (j + 1) & mask_) {
        if (keys_[j] == 0) {
          keys_[j] = key;
          ids_[j] = old_ids[i];
          ++size_;
          break;
        }
      }
    }
}

}  // namespace ftf
