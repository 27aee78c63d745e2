// Number grammar: the figures of a sentence with their hedges, as the extraction README
// states them. Recognises digits with separators ("5,600", "5 600", "5.600" where a fraction
// of a person is meaningless), decimals and scales ("1.5 million"), words ("seven", "two
// dozen", "nearly two thousand"), ranges ("300-350", "50–70", "between 1,000 and 1,200",
// "from 80 to 100", "at least 78 and possibly as many as 90"), bounds and approximations
// (hedges.tsv), vague quantities (vague.tsv), fractions and percentages ("a quarter",
// "one in five", "15 per cent"). Years, dates and digit runs that are codes (phone numbers)
// are marked, not dropped, so the caller can explain why they yield nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/rules.h"
#include "extract/tokenizer.h"
#include "ftfwatch/claim.h"

namespace ftf::extract {

enum class NumKind { kCount, kPercent, kFraction, kVague };

struct NumExpr {
  size_t begin = 0, end = 0;            // tokens of the cue, hedges included
  size_t core_begin = 0, core_end = 0;  // tokens of the number itself
  NumKind kind = NumKind::kCount;
  Qualifier qualifier = Qualifier::kExact;
  std::optional<double> low, best, high;  // claim fields; percentages and fractions as 0..1
  bool hedged = false;                     // a hedge word was present
  bool year = false;                       // a bare 4-digit year (1900–2100) or year range
  bool word_number = false;                // written as words ("seven")
  bool hedge_shared = false;               // took the hedge of the list item before it (hedge_spread.h)
  // The single value for derivations ("a quarter of the 5,000"): best, else low, else high.
  double Value() const { return best ? *best : low ? *low : high ? *high : 0; }
  bool IsShare() const { return kind == NumKind::kPercent || kind == NumKind::kFraction; }
};

// Every number expression in `toks`, in order, not overlapping.
std::vector<NumExpr> FindNumbers(const std::vector<Token>& toks, const RuleSet& rules);

// Parses a digits token ("5,600", "1.5", "5.600"); `before_scale_or_percent` tells whether a
// scale word or percent follows (then a dot is a decimal point). nullopt for codes ("0800").
std::optional<double> ParseDigits(const std::string& s, bool before_scale_or_percent);

}  // namespace ftf::extract
