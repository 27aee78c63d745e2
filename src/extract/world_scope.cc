#include "extract/world_scope.h"

#include <algorithm>

#include "extract/category_cues.h"

namespace ftf::extract {
namespace {

bool IsCountry(const std::string& scope) {
  return scope.size() == 3 && std::all_of(scope.begin(), scope.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool FromContext(const std::string& rule) {
  return rule == "scope:discourse" || rule == "scope:story-country" || rule == "scope:of-an-earlier-figure";
}

bool IsWordIn(const std::string& w, std::initializer_list<const char*> list) {
  for (const char* x : list)
    if (w == x) return true;
  return false;
}

// "foreign fighters", "foreign Daesh terrorists", "foreigners"; not "foreign custody".
bool ForeignPeople(const Sentence& s, size_t i) {
  if (s.Is(i, "foreigners")) return true;
  if (!s.Is(i, "foreign")) return false;
  for (size_t j = i + 1; j < i + 3 && j < s.toks.size(); ++j)
    if (IsWordIn(s.toks[j].norm, {"fighters", "jihadists", "militants", "terrorists", "combatants", "recruits",
                                  "members", "elements", "nationals", "women", "children", "wives", "families",
                                  "volunteers", "extremists"}))
      return true;
  return false;
}

// People the figure calls a country's own ("150 of its citizens", "300 nationals").
bool NationalNoun(const Sentence& s, size_t a, size_t b) {
  for (size_t i = a; i < b && i < a + 6; ++i)
    if (s.Is(i, "citizens") || s.Is(i, "nationals") || s.Is(i, "residents") || s.Is(i, "compatriots")) return true;
  return false;
}


// "thousands of children of foreign fighters": foreign people within the figure's phrase.
bool ForeignInPhrase(const Sentence& s, size_t k) {
  auto [a, b] = NounPhrase(s, k);
  for (size_t i = a; i < b && i < a + 6; ++i)
    if (ForeignPeople(s, i)) return true;
  return false;
}

// The place nearest before figure k (its scope by scope:nearest-…) lies in the own words of
// an earlier figure: "6,000 African fighters among the 30,000 foreign elements", "300 Uzbeks
// were sent home, as the Kurds hold thousands of foreign jihadists".
bool PlaceOfAnEarlierFigure(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  for (size_t pi = s.places.size(); pi-- > 0;) {
    const Place& p = s.places[pi];
    if (p.te > e.begin || p.theatre) continue;
    for (size_t j = 0; j < k; ++j)
      if (!s.roles[j].dropped && s.nums[j].end <= p.tb && p.tb < std::max(s.roles[j].seg_end, s.nums[j].end + 2))
        return true;
    return false;
  }
  return false;
}

}  // namespace

std::string WorldFigureRule(const Sentence& s, size_t k, const std::vector<std::string>& scopes,
                            const std::string& rule) {
  const NumExpr& e = s.nums[k];
  const bool near_before = rule == "scope:nearest-place-before" || rule == "scope:nearest-before-demonym";
  if (near_before && scopes.size() == 1 && ForeignInPhrase(s, k) && PlaceOfAnEarlierFigure(s, k))
    return "scope:foreigners-not-the-place-of-another-figure";
  if (scopes.size() != 1 || !IsCountry(scopes[0])) return {};
  if ((FromContext(rule) || near_before) && e.kind != NumKind::kPercent && e.kind != NumKind::kFraction &&
      !s.roles[k].countries && std::max({e.low.value_or(0), e.best.value_or(0)}) >= kLargestNationalContingent)
    return "scope:world-by-size";
  if (!FromContext(rule)) return {};
  auto [a, b] = NounPhrase(s, k);
  if (NationalNoun(s, a, b)) return {};
  if (ForeignInPhrase(s, k)) return "scope:foreigners";
  return {};
}

}  // namespace ftf::extract
