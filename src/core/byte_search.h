// Byte search: the first byte of a small set in a string, eight bytes at a time.
//
// The extractor's whole-input passes look for one of two or three bytes (sentence stops
// . ! ?, a JSON string's closing quote or backslash) in long runs that contain none of them;
// testing a 64-bit word at once does in one step what a byte loop does in eight.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ftf {

namespace byte_search_detail {
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighs = 0x8080808080808080ull;
// Non-zero when some byte of `w` equals `b` (exact as a yes/no; its bits may over-report
// bytes after the first equal one, so the caller re-checks the word byte by byte).
inline uint64_t HasByte(uint64_t w, unsigned char b) {
  const uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighs;
}
}  // namespace byte_search_detail

// The offset of the first byte of s[from, s.size()) equal to a, b or c, or s.size().
inline size_t FindAnyOf(std::string_view s, size_t from, char a, char b, char c) {
  using namespace byte_search_detail;
  const size_t n = s.size();
  size_t i = from;
  while (i + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (HasByte(w, static_cast<unsigned char>(a)) | HasByte(w, static_cast<unsigned char>(b)) |
        HasByte(w, static_cast<unsigned char>(c)))
      break;
    i += 8;
  }
  for (; i < n; ++i)
    if (s[i] == a || s[i] == b || s[i] == c) return i;
  return n;
}

}  // namespace ftf
