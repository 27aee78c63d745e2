// ClaimFeatures: what the extractor knew when it made a claim, as named binary features for the
// claim re-ranker (reranker.h) and for `extract --explain`.
//
// A feature is a string "family=value". The families are general: the FAMILY of each rule that
// decided the claim (category_rule=cue-in-own-words, not the cue word nor its category), the
// claim's own fields (category, subgroup, unit, qualifier, kind of scope, size of the figure,
// whether a source is named) and the shape of its context in English or page layout (headline
// or first paragraph, a short line of a list, a bracket, sentence length, how many numbers and
// places the sentence has, how far the nearest category word is and whether it is in the same
// clause). Nothing names a page, a place or a single word, so a table trained on some pages
// can only learn how reliable each kind of decision is, never a page's answer.
//
// Computed only for claims the rules emit (a few per MB of text), never for other sentences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence.h"
#include "ftfwatch/claim.h"

namespace ftf::extract {

// What the extractor knew about one number mention that became claims.
struct ClaimEvidence {
  // The rules that decided (MentionDecision's names, e.g. "category:cue-in-own-words:returned").
  std::string topic_rule, category_rule, scope_rule, subgroup_rule;
  // Where the sentence stands on the page.
  size_t paragraph = 0;   // index of its paragraph (0: the first line or paragraph)
  bool headline = false;  // the first paragraph reads as a title (one line, no closing stop)
  // The sentence's shape.
  bool short_line = false;  // under 60 bytes on one line: a list item, caption or table row
  bool no_stop = false;     // ends without . ! ? (a line of layout rather than prose)
  size_t tokens = 0, numbers = 0, places = 0;
  bool theatre_named = false;  // names Syria, Iraq or a place in them
  // The figure in its sentence.
  bool in_brackets = false;
  bool word_number = false;      // written as words ("seven hundred")
  bool part_of_base = false;     // "X of the Y": X
  bool base = false;             // "X of the Y": Y
  bool aside = false;            // a figure set off after another ("— about 10 percent —")
  bool points_back = false;      // "N of them/these"
  int cue_distance = -1;         // tokens to the nearest category word, -1 when the sentence has none
  bool cue_same_clause = false;  // that word and the figure are in one clause
  bool fighters_noun = false;    // its own words name fighters ("recruits", "jihadists")
  size_t scopes = 1;             // claims this mention made (a list of places shares one figure)
};

// The evidence of number `k` of an analysed sentence whose roles are set (the extractor sets the
// rule names and the page position itself).
ClaimEvidence SentenceEvidence(const Sentence& s, size_t k, const RuleSet& rules);

// The family of a rule name: "category:verb-after:returned" -> "verb-after",
// "scope:own-words-demonym" -> "own-words-demonym", "" -> "none".
std::string RuleFamily(std::string_view rule);

// The features of claim `c` made from `ev`, "family=value" each, in a fixed order.
std::vector<std::string> ClaimFeatures(const Claim& c, const ClaimEvidence& ev);

}  // namespace ftf::extract
