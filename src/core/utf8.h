// UTF-8 helpers: validation with byte offsets, and folding for matching with a map back to
// the original bytes (so a match in folded text points at the exact span of the source).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ftf {

// The byte offset of the first invalid UTF-8 sequence in `s`, or nullopt if `s` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// `s` with every invalid byte replaced by U+FFFD, so offsets of valid text shift predictably.
std::string ReplaceInvalidUtf8(std::string_view s);

// Text folded for matching: case-folded, diacritics stripped (Türkiye -> turkiye), curly
// quotes and apostrophes made ASCII, no-break and other spaces made ' ', dashes made '-'.
// `to_source[i]` is the byte offset in the original of the code point that produced folded
// byte i; to_source has one extra entry equal to the original's size.
struct FoldedText {
  std::string text;
  std::vector<uint32_t> to_source;
};

// Precondition: `s` is valid UTF-8 (invalid bytes are passed through as '?').
FoldedText FoldForMatch(std::string_view s);

// The folded form alone, for keys (no offset map).
std::string Fold(std::string_view s);

// True for ASCII letters and digits, and for any non-ASCII byte (part of a letter in the
// texts we read): the word-boundary test used by matchers.
inline bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace ftf
