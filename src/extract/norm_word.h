// NormWord: the normalised text of a token (Token::norm), a std::string whose comparison with
// a string literal costs a length check and, only when the lengths agree, an inlined compare.
//
// The decision code compares token words with literals everywhere (`w == "of"`, `norm != "the"`):
// about twelve million comparisons for each megabyte of analysed news text. For std::string
// and a `const char*`, libstdc++ 12 calls compare(), which takes strlen of the literal and a
// memcmp call whatever the lengths — a tenth of all instructions of the extraction. Here the
// literal's length is known at compile time, so most comparisons end at the length check.
// Everything else is std::string's own (it is one: pass it wherever a std::string is wanted).
// To keep the fast path, bind a token's word as `const NormWord&` (or `const auto&`), not as
// `const std::string&`.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <utility>

namespace ftf::extract {

class NormWord : public std::string {
 public:
  using std::string::string;
  using std::string::operator=;
  NormWord() = default;
  NormWord(const std::string& s) : std::string(s) {}        // NOLINT: implicit, like std::string's own
  NormWord(std::string&& s) : std::string(std::move(s)) {}  // NOLINT

  // A literal "…" (N counts its terminating NUL).
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return size() == N - 1 && std::memcmp(data(), literal, N - 1) == 0;
  }
};

}  // namespace ftf::extract
