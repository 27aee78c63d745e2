// World figures: a figure that counts people from anywhere keeps the scope World even when the
// story, the sentence before or a nearby word names one country. News about one country often
// quotes the global total for context ("The UN says about 15,000 people have travelled to
// fight alongside ISIS" in a story about South Africa); giving it the story's country both
// loses the global figure and invents a national one.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence.h"

namespace ftf::extract {

// No single country has sent ten thousand fighters to Syria and Iraq (the largest national
// contingents, Tunisia's and Russia's, are estimated at 3,000 to 7,000; the global totals run
// from 12,000 to over 40,000). A figure this large that names no place of its own is a global
// or regional total, never the figure of a country taken from its context.
inline constexpr double kLargestNationalContingent = 10000;

// The rule that makes figure k of `s` a World figure although the resolver chain gave it
// `scopes` by `rule` (a scope:… name from scope_resolver.h or the extractor's fallbacks), or
// an empty string when the scopes stand. Who counts does not decide whose people are counted:
// the UN and other global bodies report national figures as often as global ones, so a UN
// source makes no World figure (rules 2.4.0 dropped that rule of 2.3.0). Only scopes the figure did not name in its own words
// are overridden:
//   scope:world-by-size      a single country from context or from a place before the figure,
//                            for a count of kLargestNationalContingent or more;
//   scope:foreigners         "thousands of children of foreign fighters": foreigners named
//                            within the figure's phrase, with a country from the discourse or
//                            the story;
//   scope:foreigners-not-the-place-of-another-figure
//                            foreigners named within the figure's phrase, with the place before
//                            it in an earlier figure's own words ("6,000 African fighters among
//                            the 30,000 foreign elements"): any scope, a region too.
std::string WorldFigureRule(const Sentence& s, size_t k, const std::vector<std::string>& scopes,
                            const std::string& rule);

}  // namespace ftf::extract
