// Scope of a figure: where the people counted come from (an ISO3 code or a region scope).
//
// In order: a place in the figure's own words to its right ("562 Belgians", "came from the
// former Soviet republics", "from EU member states"); else the nearest place before it in the
// sentence ("Russia … with 3,417 recruits", "Tunisia (2,926)"). Places of destination are
// skipped ("to Syria", Raqqa, al-Hol), except home countries of returnees ("returned to
// Denmark"); a place that introduces the next figure ("Albania for 79 men") is left to that
// figure. A coordinated list of places gives one scope per place when the figure is shared
// ("each", a vague quantity, a share, or a list after the figure). Empty: no place named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/sentence.h"

namespace ftf::extract {

// `rule`, when given, receives the name of the rule that decided ("scope:own-words").
std::vector<std::string> ScopesFor(const Sentence& s, size_t k, std::optional<Category> category,
                                   std::string* rule = nullptr);

}  // namespace ftf::extract
