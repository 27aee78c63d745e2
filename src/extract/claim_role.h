// The part a figure plays in the text it was read from (Claim::role), where the wording shows
// it (docs/extraction.md, "Roles"). Fusion uses roles to settle editions (docs/fusion.md): a
// table total or a figure one copy prints never outranks a report's headline.
//
//   derived      computed from another figure: a share of a stated count ("a quarter of the
//                5,000"), a share of those just counted ("half of them"), or the remainder of
//                a figure ("the remaining 300", "the other 40")
//   table_total  introduced as a sum: "a total of 5,600", "5,600 … in total", "altogether",
//                "combined", "totalling" (before the figure, or later in its clause)
//   table_row    one figure per place in a list or a flattened table: a line that gives a place
//                and its figure ("Belgium: 470"), or a figure right after its place in a
//                sentence that lists two or more places with figures ("Belgium (around 500),
//                the Netherlands (some 250)", "France 1,910 · Germany 960")
//   unspecified  anything else. The extractor never says `headline`: whether a figure is a
//                report's own summary is not in the sentence.
// The role only labels a claim; it never decides whether a number is one.
#pragma once

#include <cstddef>

#include "extract/sentence.h"
#include "ftfwatch/claim.h"

namespace ftf::extract {

// The role of number `k` of `s`. `derived_from_base`: the extractor turned a share of a stated
// count into persons ("a quarter of the 5,000"); `table_line`: the sentence is a list or table
// line giving one place and this figure.
ClaimRole MentionRole(const Sentence& s, size_t k, bool derived_from_base, bool table_line);

}  // namespace ftf::extract
