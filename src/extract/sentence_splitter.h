// Sentence splitter: paragraphs and sentences of a document, as byte spans.
//
// Paragraphs end at a blank line, or at a line break after sentence-final punctuation (so
// hard-wrapped lines inside a sentence stay together). Sentences end at . ! ? (and closing
// quotes or brackets after them) followed by a space and a capital, digit or opening quote,
// unless the word before the stop is an abbreviation (data/rules/abbreviations.txt), a single
// capital (initials, "U.S."), or a number with "No.".
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/rules.h"

namespace ftf::extract {

struct TextSpan {
  size_t start = 0, end = 0;  // [start, end) bytes
};

struct Paragraph {
  TextSpan span;
  std::vector<TextSpan> sentences;
};

// Paragraph spans only (cheap; no sentence splitting).
std::vector<TextSpan> SplitParagraphs(std::string_view text);

// Sentences of text[span], trimmed of surrounding whitespace.
std::vector<TextSpan> SplitSentences(std::string_view text, TextSpan span, const RuleSet& rules);

}  // namespace ftf::extract
