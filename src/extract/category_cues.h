// Category and subgroup of a figure from the cue words around it (categories.tsv,
// category_precedence.tsv, subgroups.tsv, person_nouns.tsv).
//
// Category: the strongest cue among the number's own words to its right (a verb after its
// subject: "5,600 … have returned"); else, for "X of the Y who left … are back", the cue after
// Y's relative clause; else the nearest cue before it in the clause ("Kosovo flew 110 … home");
// else a noun cue right after it ("400 returnees"); else the cue of the figures it is
// coordinated with ("4,000 Russians and 5,000 others are fighting"); else the category of the
// figure it is listed after; else "departed" when it counts fighters ("12,000 foreign
// fighters from 81 countries").
#pragma once

#include <optional>
#include <string>

#include "extract/sentence.h"
#include "ftfwatch/claim.h"

namespace ftf::extract {

// nullopt: no category can be read (the figure yields no claim unless context gives one).
// `rule`, when given, receives the name of the rule that decided ("category:counted-noun:returned").
std::optional<Category> CategoryFor(const Sentence& s, size_t k, const RuleSet& rules,
                                    const std::vector<std::optional<Category>>& decided, std::string* rule = nullptr);

// The subgroup a figure's own words name, or nullopt when they name none ("have returned").
std::optional<Subgroup> SubgroupFor(const Sentence& s, size_t k, const RuleSet& rules);

// The subgroup a share (or a part of a stated base) is said to be: "One in five of the fighters
// … were women", "15 percent of the 5,600 … were women", "Women made up 17 percent of …".
// nullopt when no such predicate names one, or when it names a mixed group ("women and children").
std::optional<Subgroup> PredicateSubgroup(const Sentence& s, size_t k, const RuleSet& rules);

// True when the figure's own words name fighters ("fighters", "recruits", "jihadists").
bool CountsFighters(const Sentence& s, size_t k, const RuleSet& rules);

// The tokens that describe what number k counts: those after it; or those after "the number
// of" when the figure closes "puts the number of Kosovars … at about 300" (also "… to be at
// least 65", "… exceeds 20,000"); or the subject of a verb that can only state a figure
// ("Foreign fighters number …"); or the described object of a verb of estimation before "at"
// ("numbered the Moroccan fighters … at 500").
std::pair<size_t, size_t> NounPhrase(const Sentence& s, size_t k);

// An adverb that may stand between a figure or its people and their verb without changing what
// is counted ("300 are still in Syria", "the total now exceeds 20,000", "there are only eight").
bool FigureAdverb(const Sentence& s, size_t i);

}  // namespace ftf::extract
