// WordMap: words (as the tokenizer normalises them) -> values, found by the word's hash.
//
// Every rule table on the hot path is looked up with tokens, which carry their hash
// (Token::hash); the map finds the slot through a HashIndex and then compares the word itself,
// so words whose hashes collide are told apart (they are chained) rather than confused.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash_index.h"
#include "extract/word_hash.h"

namespace ftf::extract {

template <typename T>
class WordMap {
 public:
  // The value of `word`, inserted (default-constructed) if absent.
  T& operator[](std::string_view word) {
    const uint64_t h = WordHash(word);
    if (int32_t i = Slot(word, h); i != HashIndex::kAbsent) return entries_[static_cast<size_t>(i)].value;
    entries_.push_back({std::string(word), T{}, index_.Find(h)});  // heads the chain of its hash
    index_.Insert(h, static_cast<int32_t>(entries_.size() - 1));
    return entries_.back().value;
  }
  // The value of `word`, whose WordHash is `hash`, or nullptr.
  const T* Find(std::string_view word, uint64_t hash) const {
    int32_t i = Slot(word, hash);
    return i == HashIndex::kAbsent ? nullptr : &entries_[static_cast<size_t>(i)].value;
  }
  const T* Find(std::string_view word) const { return Find(word, WordHash(word)); }

  // Words in insertion order, with their values.
  struct Entry {
    std::string word;
    T value;
    int32_t next_same_hash;  // another entry whose word has the same hash, or kAbsent
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  int32_t Slot(std::string_view word, uint64_t hash) const {
    int32_t i = index_.Find(hash);
    while (i != HashIndex::kAbsent && entries_[static_cast<size_t>(i)].word != word)
      i = entries_[static_cast<size_t>(i)].next_same_hash;
    return i;
  }
  std::vector<Entry> entries_;
  HashIndex index_;  // hash -> the last entry inserted with it
};

}  // namespace ftf::extract
