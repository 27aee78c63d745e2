// WordIndex: word hashes -> small integer ids, in one flat open-addressing table.
//
// The extractor looks words up in many tables per token (hedges, cues, traps, persons, number
// words …). Keyed by std::string, each look-up hashes the word again; keyed by the hash the
// tokenizer already computed (Token::hash, WordHash below), a look-up is a probe or two into a
// contiguous array. The index holds hashes only: callers keep the words and
// confirm a hit by comparing the word itself, so two words that share a hash can never be
// confused — they only cost a string comparison.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ftf::extract {

// FNV-1a, 64 bits, of a word as the tokenizer normalises it (the pre-filter's hash as well).
inline uint64_t WordHash(std::string_view word) {
  uint64_t h = 1469598103934665603ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

class WordIndex {
 public:
  static constexpr int32_t kAbsent = -1;

  // The id stored for `hash`, or kAbsent.
  int32_t Find(uint64_t hash) const {
    if (size_ == 0) return kAbsent;
    const uint64_t key = Key(hash);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return ids_[i];
      if (keys_[i] == 0) return kAbsent;
    }
  }
  // Stores hash -> id, replacing an id stored before for the same hash.
  void Insert(uint64_t hash, int32_t id);
  size_t size() const { return size_; }

 private:
  // 0 marks an empty slot, so a hash of 0 is stored as 1 (callers confirm hits by the word).
  static uint64_t Key(uint64_t hash) { return hash == 0 ? 1 : hash; }
  // FNV-1a's low bits are well mixed for short words; the high bits are folded in anyway.
  size_t Slot(uint64_t key) const { return static_cast<size_t>(key ^ (key >> 29)) & mask_; }
  void Grow();

  std::vector<uint64_t> keys_;
  std::vector<int32_t> ids_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace ftf::extract
