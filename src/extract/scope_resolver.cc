#include "extract/scope_resolver.h"

#include <algorithm>
#include <optional>

#include "extract/category_cues.h"

namespace ftf::extract {
namespace {

// string_view: the literals' lengths are known at compile time, so a word of another length is
// rejected without strlen or memcmp (this runs for most tokens of every analysed sentence).
bool IsWordIn(const std::string& w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool IsDestination(const Sentence& s, const Place& p, std::optional<Category> cat) {
  if (p.theatre) return true;
  // "returned home from the Middle East": where returnees came back from is the war's region,
  // not their home.
  if (cat == Category::kReturned && (p.scope == "MENA" || p.scope == "Middle East")) {
    size_t b = p.tb;
    if (b > 0 && s.toks[b - 1].norm == "the") --b;
    if (b > 0 && s.toks[b - 1].norm == "from") return true;
  }
  if (cat == Category::kReturned) return false;
  // "4,000 Tunisians were in Syria, 1,500 in Libya, 200 in Iraq": for people counted where they
  // are, "in" a place right after a figure or a copula is where they are, not where they are
  // from ("In Belgium, 300 are …" still names the origin: no figure or copula before "In").
  if (cat == Category::kInTheater) {
    size_t b = p.tb;
    while (b > 0 && IsWordIn(s.toks[b - 1].norm, {"the", "northern", "southern", "eastern", "western"})) --b;
    if (b >= 2 && s.toks[b - 1].norm == "in" &&
        (s.num_at[b - 2] >= 0 || IsWordIn(s.toks[b - 2].norm, {"are", "were", "is", "was", "remain", "remained"})))
      return true;
  }
  // "joined IS in the Middle East", "left for the wars in the Middle East": where they went.
  if (p.scope == "MENA" || p.scope == "Middle East") {
    size_t b = p.tb;  // at "the" (the gazetteer's "the Middle East", or the word before)
    if (s.toks[b].norm != "the") b = b > 0 && s.toks[b - 1].norm == "the" ? b - 1 : 0;
    if (b > 0 && IsWordIn(s.toks[b - 1].norm, {"in", "for", "to", "into"})) return true;
  }
  // "to Libya", "to northern Afghanistan", "into Syria"
  size_t i = p.tb;
  for (int back = 0; back < 3 && i > 0; ++back) {
    --i;
    const NormWord& w = s.toks[i].norm;
    if (w == "to" || w == "into" || w == "towards" || w == "toward") {
      // "came back to Britain": the home of returnees, whatever the figure counts.
      if (i > 0 && IsWordIn(s.toks[i - 1].norm, {"back", "returned", "home", "repatriated", "return"})) return false;
      return true;
    }
    if (w != "the" && w != "northern" && w != "southern" && w != "eastern" && w != "western" &&
        w != "northeastern" && w != "northwestern" && w != "southeastern" && w != "southwestern")
      return false;
  }
  return false;
}

// The place only locates who speaks: "a U.S.-based group". (A country before a reporting verb,
// "Germany said 80 had returned", mostly speaks of its own citizens, so it stays a scope.)
bool IsSource(const Sentence& s, const Place& p) {
  if (p.te > 0 && s.toks[p.te - 1].norm.ends_with("-based")) return true;  // one token, "norway-based"
  if (p.te >= s.toks.size()) return false;
  return s.toks[p.te].norm.starts_with("-based") || (s.Is(p.te, "-") && s.Is(p.te + 1, "based"));
}

// The place qualifies someone else's action: "US-backed forces", "a Saudi-led coalition",
// "Turkish-funded groups". Never where the counted people come from.
bool IsBacker(const Sentence& s, const Place& p) {
  static constexpr const char* kSuffixes[] = {"backed", "led", "funded", "supported", "sponsored", "trained"};
  for (const char* x : kSuffixes) {
    const std::string glued = std::string("-") + x;
    if (p.te > 0 && s.toks[p.te - 1].norm.ends_with(glued)) return true;
    if (p.te < s.toks.size() && (s.toks[p.te].norm == glued || (s.Is(p.te, "-") && s.Is(p.te + 1, x)))) return true;
  }
  return false;
}

// Figure k counts people "from N countries": a figure of many countries, not of one named
// before it ("as many as 11,000 people from 70 countries").
bool FromManyCountries(const Sentence& s, size_t k) {
  for (size_t j = k + 1; j < s.nums.size(); ++j)
    if (s.roles[j].countries && s.roles[j].governor == static_cast<int>(k)) return true;
  return false;
}

// The place introduces a following figure: "Albania for 79 men", "Tunisia (2,926)",
// "North America about 280".
bool BindsForward(const Sentence& s, const Place& p, size_t k) {
  size_t i = p.te;
  for (int step = 0; step < 3 && i < s.toks.size(); ++step, ++i) {
    if (s.num_at[i] >= 0) return static_cast<size_t>(s.num_at[i]) != k;
    const NormWord& w = s.toks[i].norm;
    if (w != "(" && w != "for" && w != "at" && w != ":" && w != "with" && w != "had" && w != "has") return false;
  }
  return false;
}

// The coordinated list [first, last] of places that `idx` belongs to.
std::pair<size_t, size_t> ListOf(const Sentence& s, size_t idx) {
  auto joined = [&](const Place& a, const Place& b) {
    if (b.tb < a.te) return false;
    for (size_t i = a.te; i < b.tb; ++i) {
      const NormWord& w = s.toks[i].norm;
      if (w != "," && w != "and" && w != "or" && w != "the") return false;
    }
    return b.tb > a.te || true;
  };
  size_t first = idx, last = idx;
  while (first > 0 && joined(s.places[first - 1], s.places[first])) --first;
  while (last + 1 < s.places.size() && joined(s.places[last], s.places[last + 1])) ++last;
  // A list ends with "and" or "or" ("Russia, Saudi Arabia, France, the U.K., and Germany");
  // "In Western Europe, France" is no list.
  if (first < last) {
    bool conj = false;
    for (size_t i = s.places[last - 1].te; i < s.places[last].tb; ++i)
      if (s.toks[i].norm == "and" || s.toks[i].norm == "or") conj = true;
    if (!conj) return {idx, idx};
  }
  return {first, last};
}

bool HasEach(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  for (size_t i = e.end; i < e.end + 3 && i < s.toks.size(); ++i)
    if (s.toks[i].norm == "each") return true;
  for (size_t i = e.begin; i-- > 0 && i + 4 > e.begin;)
    if (s.toks[i].norm == "each") return true;
  return false;
}

// "Sweden and Norway sent 300 and 100 fighters respectively": the i-th figure of the sentence's
// figures belongs to the i-th place of its list of places, when the counts agree.
std::optional<std::string> Respectively(const Sentence& s, size_t k) {
  bool resp = false;
  for (const Token& t : s.toks) resp |= t.norm == "respectively";
  if (!resp) return std::nullopt;
  std::vector<size_t> figures;
  for (size_t j = 0; j < s.nums.size(); ++j)
    if (!s.roles[j].dropped && !s.roles[j].countries && s.roles[j].sub_of < 0) figures.push_back(j);
  std::vector<size_t> places;
  for (size_t pi = 0; pi < s.places.size(); ++pi) {
    if (s.places[pi].theatre) continue;
    auto [first, last] = ListOf(s, pi);
    if (first == last) continue;
    for (size_t x = first; x <= last; ++x)
      if (!s.places[x].theatre) places.push_back(x);
    break;
  }
  if (places.size() < 2 || places.size() != figures.size()) return std::nullopt;
  for (size_t i = 0; i < figures.size(); ++i)
    if (figures[i] == k) return s.places[places[i]].scope;
  return std::nullopt;
}

// "110 of its citizens", "its 110 nationals", "their 40 citizens": people a possessive gives
// to a country named before them in the clause.
bool OwnCitizens(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  auto national = [&](size_t i) {
    return s.Is(i, "citizens") || s.Is(i, "nationals") || s.Is(i, "residents");
  };
  if (s.Is(e.end, "of") && (s.Is(e.end + 1, "its") || s.Is(e.end + 1, "their")))
    return national(e.end + 2) || national(e.end + 3);
  if (e.begin > 0 && (s.Is(e.begin - 1, "its") || s.Is(e.begin - 1, "their"))) return national(e.end) || national(e.end + 1);
  return false;
}

// The country "its"/"their" refers to: the nearest place before the figure in its clause that
// is not set off between commas by a preposition ("Kosovo, with the help of the US, has
// returned 110 of its citizens": Kosovo, not the helper).
std::optional<size_t> OwnerOfCitizens(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  for (size_t pi = s.places.size(); pi-- > 0;) {
    const Place& p = s.places[pi];
    if (p.te > e.begin || p.theatre) continue;
    bool boundary = false;
    for (size_t i = p.te; i < e.begin; ++i) boundary |= s.hard[i] && s.paren[i] < 0;
    if (boundary) break;
    // Between commas after a preposition: an aside.
    size_t open = p.tb;
    while (open > 0 && s.toks[open - 1].norm != "," && p.tb - open < 6) --open;
    bool aside = false;
    if (open > 0 && s.toks[open - 1].norm == ",") {
      aside = IsWordIn(s.toks[open].norm, {"with", "by", "under", "after", "backed", "helped", "aided", "like"});
      size_t close = p.te;
      while (close < e.begin && s.toks[close].norm != ",") ++close;
      aside &= close < e.begin;
    }
    if (aside) continue;
    return pi;
  }
  return std::nullopt;
}

// "Georgia and other ex-Soviet nations": a place followed by "and/or other <region>" is that
// region's figure.
std::optional<size_t> AndOtherRegion(const Sentence& s, size_t pi) {
  const Place& p = s.places[pi];
  if (!((s.Is(p.te, "and") || s.Is(p.te, "or")) && s.Is(p.te + 1, "other"))) return std::nullopt;
  for (size_t q = pi + 1; q < s.places.size(); ++q)
    if (s.places[q].tb == p.te + 2 && !s.places[q].theatre) return q;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> ScopesFor(const Sentence& s, size_t k, std::optional<Category> cat, std::string* rule) {
  std::string ignored;
  if (!rule) rule = &ignored;
  if (auto sc = Respectively(s, k)) {
    *rule = "scope:respectively";
    return {*sc};
  }
  const NumExpr& e = s.nums[k];
  // "from 81 nationalities … to fight … Iran": a count of countries is a World figure; the
  // places after it are where the people went or whom they fought.
  if (s.roles[k].countries) {
    *rule = "scope:from-many-countries";
    return {"World"};
  }
  if (OwnCitizens(s, k)) {
    if (auto owner = OwnerOfCitizens(s, k)) {
      *rule = "scope:its-citizens";
      return {s.places[*owner].scope};
    }
  }
  // "Germany's 960 fighters": a place in the possessive right before the figure is its scope.
  if (e.begin >= 2 && s.Is(e.begin - 1, "'s"))
    for (const Place& p : s.places)
      if (p.te == e.begin - 1 && !p.theatre) {
        *rule = "scope:possessive";
        return {p.scope};
      }
  auto [a, b] = NounPhrase(s, k);
  int chosen = -1;
  // Own words to the right, up to a comma (or the noun phrase of "the number of X").
  bool np_before = a < e.begin;
  // "Thousands … from 81 nationalities have flocked to … Iran": places after the count of
  // countries the people come from are not their origin.
  size_t own_end = b;
  for (size_t j = k + 1; j < s.nums.size(); ++j)
    if (s.roles[j].countries && s.roles[j].governor == static_cast<int>(k)) own_end = std::min(own_end, s.nums[j].begin);
  for (size_t pi = 0; pi < s.places.size(); ++pi) {
    const Place& p = s.places[pi];
    if (p.tb < a || p.tb >= own_end) continue;
    bool comma = false;
    int own = s.paren[e.begin];
    for (size_t i = a; i < p.tb; ++i) {
      if (s.paren[i] >= 0 && s.paren[i] != own) continue;  // skip asides
      if (s.hard[i] && s.paren[i] < 0) comma = true;
      // A comma ends the phrase unless it separates a list of people ("men, women and children").
      if (s.toks[i].norm == "," && !(i + 1 < s.toks.size() && IsWordIn(s.toks[i + 1].norm,
                                                                           {"women", "men", "children", "minors"})))
        comma = true;
    }
    if (comma) break;
    if (s.paren[p.tb] >= 0 && s.paren[p.tb] != own) continue;
    if (IsDestination(s, p, cat) || IsBacker(s, p)) continue;
    if (!np_before && BindsForward(s, p, k)) continue;
    chosen = static_cast<int>(pi);
    *rule = s.places[pi].demonym ? "scope:own-words-demonym" : "scope:own-words";
    break;
  }
  if (chosen < 0 && (FromManyCountries(s, k) || s.roles[k].countries)) {
    *rule = "scope:from-many-countries";
    return {"World"};
  }
  if (chosen < 0) {
    for (size_t pi = s.places.size(); pi-- > 0;) {
      const Place& p = s.places[pi];
      if (p.te > e.begin) continue;
      if (IsSource(s, p) || IsBacker(s, p)) continue;
      if (s.paren[p.tb] >= 0 && s.paren[p.tb] != s.paren[e.begin]) continue;
      if (IsDestination(s, p, cat)) continue;
      chosen = static_cast<int>(pi);
      *rule = p.demonym ? "scope:nearest-before-demonym" : "scope:nearest-place-before";
      break;
    }
  }
  if (chosen < 0) return {};
  if (auto region = AndOtherRegion(s, static_cast<size_t>(chosen))) {
    *rule = "scope:and-other-region";
    return {s.places[*region].scope};
  }
  auto [first, last] = ListOf(s, static_cast<size_t>(chosen));
  if (first == last) return {s.places[chosen].scope};
  // A list followed by "and other <region>" is that region ("Britain, France, Germany and
  // other European allies").
  bool share = e.IsShare() || e.kind == NumKind::kVague;
  if (share || HasEach(s, k)) {
    *rule = "scope:distributive-list";
    std::vector<std::string> out;
    for (size_t i = first; i <= last; ++i) {
      if (s.places[i].theatre) continue;
      bool dup = false;
      for (const auto& o : out) dup |= o == s.places[i].scope;
      if (!dup) out.push_back(s.places[i].scope);
    }
    return out;
  }
  // A precise figure for a list without "each" is a combined total: no single scope.
  *rule = "scope:combined-list-total";
  return {"__combined__"};
}

}  // namespace ftf::extract
