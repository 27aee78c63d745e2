// HashIndex: 64-bit keys -> small integer ids, in one flat open-addressing table.
//
// For the look-ups on the extractor's hot path: words by the hash the tokenizer already
// computed (extract/word_hash.h: every rule table's first words) and the gazetteer's trie edges
// (node and byte packed in one key). A look-up is a probe or two into a contiguous array, with
// no string hashing and no pointer chasing. Where keys are hashes of words, the index holds
// the hashes only: callers keep the words and confirm a hit by comparing the word itself, so
// two words that share a hash are never confused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ftf {

class HashIndex {
 public:
  static constexpr int32_t kAbsent = -1;

  // The id stored for `key`, or kAbsent.
  int32_t Find(uint64_t raw_key) const {
    if (size_ == 0) return kAbsent;
    const uint64_t key = Key(raw_key);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return ids_[i];
      if (keys_[i] == 0) return kAbsent;
    }
  }
  // Stores key -> id, replacing an id stored before for the same key.
  void Insert(uint64_t key, int32_t id);
  size_t size() const { return size_; }

 private:
  // 0 marks an empty slot, so a key of 0 is stored as ~0 (callers whose keys are hashes
  // confirm hits anyway; packed keys such as the trie's are never ~0).
  static uint64_t Key(uint64_t key) { return key == 0 ? ~0ull : key; }
  // Keys may be FNV hashes or small packed integers: mix all bits into the slot number.
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask_; }
  void Grow();

  std::vector<uint64_t> keys_;
  std::vector<int32_t> ids_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace ftf
