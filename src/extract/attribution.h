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

// A document headline "X: …" (a first line ending in no stop with a colon): X, or empty.
std::string HeadlineSource(std::string_view first_paragraph);

}  // namespace ftf::extract
