// Sentence: one sentence analysed for extraction — tokens, number expressions, places, cues
// and clause structure — shared by the scope, category and attribution rules.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/number_grammar.h"
#include "extract/rules.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"
#include "geo/gazetteer.h"

namespace ftf::extract {

struct Place {
  size_t tb = 0, te = 0;  // tokens
  std::string scope;      // claim scope (renames applied)
  bool theatre = false;   // where fighters went (Syria, Iraq, Raqqa, al-Hol): never an origin
  bool demonym = false;
};

struct Cue {
  size_t tb = 0, te = 0;
  Category category = Category::kDeparted;
  CueRule::Where where = CueRule::Where::kAny;
};

// What a number expression is in its sentence (set by the claim extractor).
struct NumRole {
  bool dropped = false;
  std::string why;       // why it yields nothing (a trap's reason)
  int base = -1;         // "X of the Y": Y's index, on X
  bool is_base = false;  // this is a Y
  int sub_of = -1;       // an aside ("— around 10 percent —", ", including 80 minors,") after this number
  int governor = -1;     // "from 33 countries": the persons figure the countries are counted for
  bool countries = false;
  bool of_them = false;  // "N of them/these/those/whom": points back
  size_t seg_end = 0;    // tokens [end, seg_end) are the number's own words to the right
  int relcl_cue = -1;    // for a Y: the cue of its relative clause ("who left")
};

struct Sentence {
  std::string_view doc;  // the whole document
  TextSpan span;
  std::vector<Token> toks;
  std::vector<NumExpr> nums;
  std::vector<Place> places;
  std::vector<Cue> cues;
  // Cues of an event planned, hoped for or still to come ("to be repatriated", "will return",
  // "wants to return"; traps.tsv `plan` rows before the cue): they count nobody, so they are
  // kept apart from `cues` and only explain why a figure they would have reached is no claim.
  std::vector<Cue> planned;
  std::vector<int> paren;    // per token: id of the parenthetical it is in ("— … —", "( … )"), or -1
  std::vector<char> hard;    // per token: a clause boundary (";", ":", "while", "but", "whereas")
  std::vector<int> num_at;   // per token: index of the number expression covering it, or -1
  std::vector<NumRole> roles;  // per number expression

  std::string_view Text(size_t tb, size_t te) const {
    if (tb >= te) return {};
    return doc.substr(toks[tb].start, toks[te - 1].end - toks[tb].start);
  }
  bool Is(size_t i, std::string_view w) const { return i < toks.size() && toks[i].norm == w; }
  // True when token i is one of `words` (as normalised: lower case).
  bool IsAny(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= toks.size()) return false;
    for (std::string_view w : words)
      if (toks[i].norm == w) return true;
    return false;
  }
};

// Tokenises and analyses doc[span]: numbers, places (gazetteer plus places.tsv), cues,
// parentheticals and clause boundaries.
Sentence AnalyseSentence(std::string_view doc, TextSpan span, const RuleSet& rules, const Gazetteer& geo);

}  // namespace ftf::extract
