// Constructions: the families of wording a claim's cue stands in, for the evaluator's
// per-construction breakdown (issue 10: lists, demonyms, discourse, distributive wording,
// attribution after the figure, subgroups in brackets …).
//
// Tags come from simple features of the text around the cue and of the claim itself, so the
// same function tags a gold claim and a prediction alike:
//   headline       the cue is in a first line that does not end in a stop (a title)
//   list           the sentence (or line) gives three or more figures, or the cue follows a colon
//                  or a list separator ("·", "|", tab): lists and flattened tables
//   bracketed      the cue stands inside brackets ("Belgium (around 500)", "(4,761)")
//   demonym        the scope is a country the sentence names only by a demonym or adjective
//   possessive     "Germany's 960"
//   discourse      the scope is not named in the sentence (it comes from the headline or an
//                  earlier sentence), or the sentence opens with "Of these", "Another", "The rest"…
//   distributive   "each", "respectively", "a further", "the remaining", "half of them"
//   share          a share or a figure derived from one ("a quarter of the 5,000")
//   subgroup       women, men or minors
//   countries      a count of countries
//   attribution-after    the credited name comes after the cue in its sentence
//   attribution-carried  the credited name is not in the cue's sentence
//   plain          none of the above
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.h"
#include "ftfwatch/claim.h"
#include "geo/gazetteer.h"

namespace ftf::extract {

// The tags of claim `c` (its span must point into `text`); "plain" when no other applies.
std::vector<std::string> ConstructionsOf(std::string_view text, const Claim& c, const RuleSet& rules,
                                         const Gazetteer& geo);

}  // namespace ftf::extract
