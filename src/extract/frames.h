// Frames: the category of a figure that no category word reaches, read from the construction
// it sits in (rules 2.3.0). Each returns true only for its own frame; the claim extractor tries
// them after the cue rules of category_cues.h have found nothing.
#pragma once

#include <cstddef>
#include <string>

#include "extract/rules.h"
#include "extract/sentence.h"

namespace ftf::extract {

// Presence in the theatre (→ in_theater): the figure's people are in Syria or Iraq now.
// "There are (still) six women and 31 children … in Syria" (an existential "there are/were/
// remain" right before the figure, and "in" a theatre place later in its clause); "130
// combatants from the Netherlands are (still|now) (present) in Syria", "300 of them are thought
// to be in Syria" (a copula among the figure's own words, then "in" a theatre place). A place
// that is not a theatre ("are in Belgium", "in Libya") is no presence. With `relative_ok` false
// a copula in a relative clause ("20 women who were in Syria") is no frame: the sentence's own
// predicate of them is elsewhere ("repatriated …").
bool PresentInTheatre(const Sentence& s, size_t k, bool relative_ok = true);

// Held (→ detained): the same frames of presence, then "in"/"at" a camp or prison, up to three
// words before the noun: "five Tunisian men are in a Hasakah prison", "there are at least 40
// children at the al-Hol camp". Without that noun ("are in Syria") it is PresentInTheatre's.
bool HeldInCampOrPrison(const Sentence& s, size_t k, bool relative_ok = true);

// The figure's own words put its people in the theatre of another war: "(300 are in Syria,)
// nine in Afghanistan", "20 in the Philippines" (places.tsv `elsewhere`). Such a figure counts
// no one in Syria or Iraq, whatever category the figures it is listed with have.
bool InAnotherTheatre(const Sentence& s, size_t k, const RuleSet& rules);

// The figure restates one given before, through an anaphoric noun: "By 2016 the number had
// fallen to six", "That figure is up from 110", "the total rose to 180". The noun is "number",
// "figure", "total" or "tally" after "the/that/this", not followed by "of" (which names its
// own people: category_cues.h, NounPhrase), and only words of change or statement stand
// between it and the figure. The figure then counts the population of the claims before.
bool RestatesEarlierFigure(const Sentence& s, size_t k);

// An existential figure that goes on counting the people of the claims before: "There are only
// seven adult women", "there were around 900 Belgian nationals" ("there are/were/remain", adverbs,
// then the figure). Presence in a theatre is PresentInTheatre's.
bool ExistentialFigure(const Sentence& s, size_t k);

// An existential figure that continues the count of the claims before it: ExistentialFigure,
// unless its clause locates its people ("there are still 160 … in the conflict zone", "there
// were 40 … in Kurdish camps"). A located existential states where people are, which is its own
// category (presence, custody) or none, never the previous sentence's (rules 2.4.0).
bool ExistentialContinuation(const Sentence& s, size_t k);

// A breakdown by subgroup of the people just counted: "The group comprised 70 children, 30
// women and five men", "… including five women and 14 children". True when the figure's own
// words name one subgroup (women, men or minors) and it is coordinated with another figure that
// names a subgroup, in a sentence with no category word of its own.
bool SubgroupBreakdown(const Sentence& s, size_t k, const RuleSet& rules);

// A measure set off by a comma after a place's rank among the sources of fighters (→ departed):
// "Tunisia is the largest source of foreign fighters, at around 3,000 individuals", "Jordan
// ranks third, statistically, at 1,500 fighters". The figure follows ", at" (its hedge
// between), counts people or nothing, and the words before name fighters (a noun of
// person_nouns.tsv `ftf`) and a place that is not a theatre; a category cue before the comma
// decides instead ("the most returnees, at 400" is category_cues.h's).
bool MeasureOfSource(const Sentence& s, size_t k, const RuleSet& rules);

// The place ranked by MeasureOfSource: the first place of the sentence that is not a theatre
// (its subject, "Tunisia is …"; later places are the field it is ranked in: "in Europe", "in
// the world"). Empty when there is none.
std::string RankedSource(const Sentence& s, size_t k);

}  // namespace ftf::extract
