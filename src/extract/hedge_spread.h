// Hedges shared along a list of figures by place: in "more than 350 from Bosnia, 150 from
// Kosovo and 140 from Albania" the hedge of the first item also qualifies the bare items that
// follow it in the same shape ("N from <place>"), as the extraction guide's rule "a hedge word
// spreads over a list that shares it" reads for such lists. A bare item takes the hedge of the
// nearest hedged item before it, so "about 760 from Britain, 760 from Germany" gives two
// approximations. Items joined otherwise ("…, while 20 came from Macedonia") keep their own.
#pragma once

#include "extract/sentence.h"

namespace ftf::extract {

// Rewrites the qualifier and low/best/high of each bare count that continues such a list, and
// sets its `hedge_shared`. Counts only (no shares, ranges or vague words). Needs `places`.
void SpreadListHedges(Sentence& s);

}  // namespace ftf::extract
