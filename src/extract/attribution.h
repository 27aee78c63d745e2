// Attribution: who a sentence credits for its figures ("according to a report by X",
// "X said", "estimates from X", "X's tally", "Interior Minister Hedi Majdoub told …").
//
// A credited name is given as the text gives it, without a leading article; a person's title
// is dropped ("Hedi Majdoub"); "X's report/tally/director-general" credits X, "X's Named Body"
// the body, and a country's own organ keeps the country ("Austria's interior ministry").
// Sources that name no one ("officials", "the report", "researchers at a think tank") are
// unnamed; "the agency said", "he added" point back (anaphor) to the source named before.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence.h"

namespace ftf::extract {

struct AttrMention {
  enum class Kind { kNamed, kUnnamed, kAnaphor };
  size_t pos = 0;  // token of the trigger (verb or preposition)
  Kind kind = Kind::kUnnamed;
  std::string name;  // for kNamed
};

std::vector<AttrMention> FindAttributions(const Sentence& s, const RuleSet& rules, const Gazetteer& geo);

// The source a headline names around a colon, or empty:
//  - before it ("ICSR: 20,000 foreign fighters in Syria"): at most six words, no stop, a capital
//    first, and neither a number nor a category word ("Dutch fighters: 300 left" is a subject);
//  - after its last colon, when the first paragraph is a headline line (`title`: one line, no
//    closing stop) ("80 back, 120 dead: security service"): at most five words with no
//    number or reporting verb that name someone ("…: report" names no one).
std::string HeadlineSource(const Sentence& first_paragraph, bool title, const RuleSet& rules, const Gazetteer& geo);

}  // namespace ftf::extract
