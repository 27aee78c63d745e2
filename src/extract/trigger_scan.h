// The pre-filter's byte scan: which kinds of trigger word (TriggerFlag: a number, a category or
// fighter word, a topic word; RuleSet::trigger_index, built from data/rules/) a piece of text
// contains, read straight from its bytes without tokenising it. Most sentences of news text
// stop here, so this is the one pass every byte of the input goes through.
#pragma once

#include <cstdint>
#include <string_view>

#include "extract/rules.h"

namespace ftf::extract {

// TriggerFlag bits of `text`: kTrigNumber for a digit or a number word, and the flags of every
// word (letters, inner hyphens) and every pair of adjacent words found in the index. Spaces and
// hyphens join a pair; any other byte breaks it. "IS" counts as a topic word only in capitals
// and not beside another all-capitals word (a shouted headline "WHAT IS LEFT").
//
// Words and pairs never span a sentence boundary (a sentence ends at punctuation), so the flags
// of a paragraph are the union of the flags of its sentences.
uint8_t ScanTriggers(std::string_view text, const RuleSet& rules);

}  // namespace ftf::extract
