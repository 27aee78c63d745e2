// WordHash: the hash of a word as the tokenizer normalises it — computed once per token
// (Token::hash) and used as the key of every rule table (PhraseTable, number words) and of the
// pre-filter's trigger index.
#pragma once

#include <cstdint>
#include <string_view>

namespace ftf::extract {

// FNV-1a, 64 bits.
inline uint64_t WordHash(std::string_view word) {
  uint64_t h = 1469598103934665603ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace ftf::extract
