// WordHash: the hash of a word as the tokenizer normalises it — computed once per token
// (Token::hash) and used as the key of every rule table (PhraseTable, number words) and of the
// pre-filter's trigger index.
#pragma once

#include <cstdint>
#include <string_view>

namespace ftf::extract {

// FNV-1a, 64 bits: WordHash(w) is kWordHashSeed stepped through w's bytes.
inline constexpr uint64_t kWordHashSeed = 1469598103934665603ull;
inline uint64_t WordHashStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
inline uint64_t WordHash(std::string_view word) {
  uint64_t h = kWordHashSeed;
  for (char c : word) h = WordHashStep(h, static_cast<unsigned char>(c));
  return h;
}

}  // namespace ftf::extract
