// Tokenizer: a sentence's bytes as word, number and punctuation tokens with byte offsets.
//
// Knows the typography of news text: curly quotes and apostrophes, en and em dashes, no-break
// and thin spaces (all treated as spaces), possessive "'s" split off ("Europol's" -> "Europol",
// "'s"), initialisms kept whole ("U.S.", "U.K."), hyphenated words kept whole ("two-thirds",
// "al-Hol") but digit ranges split ("300-350" -> "300", "-", "350"). Input must be valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/norm_word.h"
#include "extract/word_hash.h"

namespace ftf::extract {

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0, end = 0;  // byte span in the text given to Tokenize (plus `base`)
  TokKind kind = TokKind::kWord;
  bool cap = false;        // word starts with an upper-case letter (or a non-ASCII letter)
  bool space_before = false;  // whitespace precedes the token
  NormWord norm;           // lower-case ASCII form; ’ -> ', en/em dash -> "-", quotes -> "\""
  uint64_t hash = 0;       // WordHash(norm): the key of every rule-table look-up (word_hash.h)
};

// Tokens of text[begin, end); offsets are absolute in `text`.
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);

}  // namespace ftf::extract
