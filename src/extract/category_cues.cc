#include "extract/category_cues.h"

#include <algorithm>

namespace ftf::extract {
namespace {

bool IsAux(const NormWord& w) {
  return w == "have" || w == "has" || w == "had" || w == "were" || w == "was" || w == "are" || w == "is" ||
         w == "been" || w == "be" || w == "being";
}

int Rank(const RuleSet& r, Category c) { return r.precedence[static_cast<int>(c)]; }

// A noun-like cue right after the number ("400 returnees", "60 extremist travellers",
// "dozens of returning fighters"): weaker than a verb.
bool WeakCue(const Sentence& s, size_t k, const Cue& c) {
  size_t end = s.nums[k].end;
  if (c.tb < end) return false;
  size_t d = c.tb - end;
  if (d > 1) return false;
  if (c.tb > 0 && IsAux(s.toks[c.tb - 1].norm)) return false;
  // "three already killed", "60 reportedly returned": an adverb between makes the cue a verb.
  if (d == 1) {
    const NormWord& w = s.toks[end].norm;
    if (w == "already" || w == "since" || w == "now" || w == "also" || w == "later" || w == "subsequently" ||
        (w.size() > 4 && w.ends_with("ly")))
      return false;
  }
  return true;
}

// The cues of a relative clause opened by "whose" after the figure: its verbs say what befell the
// possessed noun, not the people counted ("40 women whose husbands were killed have come home":
// returned, not killed). A clause set off by a comma ends at the next comma; one without a comma
// ends with its first cue and the cues coordinated with it by "and" ("whose fathers joined IS and
// were killed there"), and the figure's own verb follows. Returns whether cue `ci` is one of them.
bool InWhoseClause(const Sentence& s, size_t k, size_t from, size_t to, size_t ci) {
  const int level = s.paren[s.nums[k].begin];
  size_t w = from;
  while (w < to && !(s.Is(w, "whose") && s.paren[w] == level)) ++w;
  if (w >= to || s.cues[ci].tb <= w) return false;
  if (w > 0 && s.Is(w - 1, ",")) {
    for (size_t i = w + 1; i < s.cues[ci].tb; ++i)
      if (s.Is(i, ",") && s.paren[i] == level) return false;
    return true;
  }
  size_t prev_end = 0;  // end of the clause's last cue so far
  for (size_t cj = 0; cj <= ci; ++cj) {
    const Cue& c = s.cues[cj];
    if (c.tb <= w) continue;
    if (prev_end == 0 || c.tb < prev_end) {  // the first cue, or one overlapping it ("been killed", "killed")
      prev_end = std::max(prev_end, static_cast<size_t>(c.te));
    } else {
      bool joined = false;
      for (size_t i = prev_end; i < c.tb; ++i) joined |= s.Is(i, "and");
      if (!joined) return false;
      prev_end = c.te;
    }
  }
  return true;
}

std::optional<Category> Strongest(const Sentence& s, size_t k, const RuleSet& r, size_t from, size_t to,
                                  int exclude_cue, bool allow_weak) {
  std::optional<Category> best;
  for (size_t ci = 0; ci < s.cues.size(); ++ci) {
    const Cue& c = s.cues[ci];
    if (static_cast<int>(ci) == exclude_cue) continue;
    if (c.tb < from || c.tb >= to) continue;
    if (InWhoseClause(s, k, from, to, ci)) continue;
    if (c.where == CueRule::Where::kBefore) continue;
    // Skip asides the number is not in.
    if (s.paren[c.tb] >= 0 && s.paren[c.tb] != s.paren[s.nums[k].begin]) continue;
    if (!allow_weak && WeakCue(s, k, c)) continue;
    if (!best || Rank(r, c.category) > Rank(r, *best)) best = c.category;
  }
  return best;
}

// The figure's own words (or the words just before it) name where the people come from:
// "foreign", a demonym, or a place of origin ("from Tunisia", "Tunisia's 3,000").
bool NamesOrigin(const Sentence& s, size_t k) {
  auto [a, b] = NounPhrase(s, k);
  const size_t lim = std::min(b, a + 6);
  for (size_t i = a; i < lim; ++i) {
    if (s.toks[i].norm.starts_with("foreign")) return true;
    // "41,490 affiliates from 80 countries"
    if (s.toks[i].norm == "from" && i + 1 < s.toks.size() && s.num_at[i + 1] >= 0 && s.roles[s.num_at[i + 1]].countries)
      return true;
  }
  const size_t from = s.nums[k].begin >= 3 ? s.nums[k].begin - 3 : 0;
  for (const Place& p : s.places) {
    if (p.theatre) continue;
    if ((p.tb >= a && p.tb < lim) || (p.te <= s.nums[k].begin && p.tb >= from)) return true;
  }
  return false;
}

// A part listed after a whole ("including 40 minors", "and 25 in Iraq", "300 from Kazakhstan",
// "80 were Americans") shares the whole's category only when its own words say whom it counts
// the way claims do: a subgroup, people, or a place (in its words or just before it), or when it
// is a share of the whole ("around 10 percent") or restates it in brackets ("30 (25%)"). A part
// named by status, role, cause or group ("of which 18 are confirmed", "six of whom were suicide
// bombers", "five as a result of air strikes", "600 within the Nusra Front", "boys aged 14 or 15")
// is a breakdown claims do not code.
bool PartNamesWhom(const Sentence& s, size_t k, const RuleSet& r) {
  const NumExpr& e = s.nums[k];
  if (e.IsShare() || (e.begin > 0 && s.Is(e.begin - 1, "("))) return true;
  const size_t n = s.toks.size();
  // Its own words: up to eight words to the next figure or clause boundary, skipping a bracket
  // after it ("4,640 (12%) of these minors").
  size_t end = e.end;
  for (size_t words = 0; end < n && words < 8; ++end) {
    const bool aside = s.paren[end] >= 0 && s.paren[end] != s.paren[e.begin];
    if (aside) continue;
    if (s.num_at[end] >= 0 || (s.hard[end] && s.paren[end] < 0)) break;
    ++words;
  }
  for (size_t i = e.end; i < end; ++i)
    if (r.subgroups.Match(s.toks, i, n) || r.persons.Match(s.toks, i, n)) return true;
  for (const Place& p : s.places) {
    if (p.tb >= e.end && p.tb < end) return true;
    // "the Gulf providing 900 of them", "Germany's 960": the place is the figure's subject.
    bool before = p.te <= e.begin && p.te + 2 >= e.begin;
    for (size_t i = p.te; before && i < e.begin; ++i) before = s.toks[i].kind != TokKind::kPunct || s.Is(i, "'s");
    if (before) return true;
  }
  return false;
}

// The end of the figure's own predicate: the first clause with a subject of its own after the
// figure's first cue ("Over 100 Danes went to Syria, and those who have returned may …",
// "850 Britons have travelled … and although many have been killed …", "700 Turks have joined
// the group, sounding the alarm … if the extremists return"). Precedence decides between cues
// of one predicate, not between the figure's and another subject's.
size_t OwnPredicateEnd(const Sentence& s, size_t k, size_t from, size_t to) {
  size_t first = to;
  for (const Cue& c : s.cues)
    if (c.tb >= from && c.tb < to && c.where != CueRule::Where::kBefore &&
        (s.paren[c.tb] < 0 || s.paren[c.tb] == s.paren[s.nums[k].begin]))
      first = std::min(first, static_cast<size_t>(c.te));
  for (size_t i = first; i < to; ++i) {
    if (s.paren[i] >= 0 && s.paren[i] != s.paren[s.nums[k].begin]) continue;
    const NormWord& w = s.toks[i].norm;
    if (w == "although" || w == "though" || w == "if" || w == "unless" || w == "whereas" ||
        (w == "sounding" && s.Is(i - 1, ",")))
      return i;
    // ", who remained in Iraq" after "… repatriated with their mothers": a relative clause of
    // the noun before it.
    if (w == "," && (s.Is(i + 1, "who") || s.Is(i + 1, "whose"))) return i;
    if (w == "and" && i + 1 < to) {
      const NormWord& x = s.toks[i + 1].norm;
      if (x == "those" || x == "many" || x == "some" || x == "others" || x == "most" || x == "they" || x == "several" ||
          x == "although" || x == "though" || x == "the")
        return i;
    }
  }
  return to;
}

}  // namespace

bool FigureAdverb(const Sentence& s, size_t i) {
  return s.IsAny(i, {"still", "now", "currently", "already", "only", "reportedly", "also", "probably", "presumably"});
}

std::pair<size_t, size_t> NounPhrase(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  // Verbs that can only state a figure ("exceeds", "numbers", "ranges between"; rules 2.3.0);
  // some are the figure's own hedge ("exceeds 20,000" is more than 20,000).
  auto states_figure = [&](size_t i) {
    return s.IsAny(i, {"exceeds", "exceeded", "exceed", "surpasses", "surpassed", "tops", "topped", "number", "numbers",
                       "numbered", "totals", "totalled", "totaled", "range", "ranges", "ranged"});
  };
  // The word that states the figure ("… at about 300", "… now exceeds 20,000") and the end of
  // the subject before it, past adverbs.
  size_t verb = e.begin;
  if (!(e.begin < e.core_begin && states_figure(e.begin))) {
    while (verb > 0 && FigureAdverb(s, verb - 1)) --verb;
    if (verb == 0) return {e.end, s.roles[k].seg_end};
    --verb;
  }
  size_t subj_end = verb;
  while (subj_end > 0 && FigureAdverb(s, subj_end - 1)) --subj_end;
  const bool figure_verb = states_figure(verb);
  // "the number of X … at|to N"
  // (also "… is 38", "… has increased to 180", "the amount of … is most probably 38", "… to be at
  // least 65", "… exceeds 20,000", "… has reached 300")
  if (figure_verb || s.IsAny(verb, {"at", "to", "is", "was", "probably", "be", "reached", "reaches"})) {
    for (size_t i = subj_end; i-- > 1;) {
      if (s.hard[i] || s.num_at[i] >= 0) break;
      if (s.Is(i, "of") && (s.Is(i - 1, "number") || s.Is(i - 1, "total") || s.Is(i - 1, "amount")))
        return {i + 1, subj_end};
    }
  }
  // "numbered the Moroccan fighters still battling in Syria at 500", "estimated the Tunisian
  // contingent at 3,000": the object of a verb of estimation, before "at".
  if (s.Is(verb, "at")) {
    for (size_t i = subj_end; i-- > 0;) {
      if (s.hard[i] || s.num_at[i] >= 0 || s.Is(i, ",")) break;
      if (s.IsAny(i, {"put", "puts", "numbered", "estimated", "estimates", "estimate", "placed", "places", "pegged",
                      "pegs"})) {
        // Only a described group ("the …", "their …"); "put Lebanon at about 900 fighters" names
        // a place, and the figure's own words say what it counts.
        if (i + 1 < subj_end && s.IsAny(i + 1, {"the", "their", "its"})) return {i + 1, subj_end};
        break;
      }
    }
  }
  // The subject of a figure verb, when it names the people itself: "Foreign fighters number
  // between 3,900 and 4,300", "Foreign fighter total in Syria now exceeds 20,000".
  if (figure_verb) {
    size_t a = subj_end;
    while (a > 0 && s.num_at[a - 1] < 0 && !s.hard[a - 1] &&
           (s.toks[a - 1].kind == TokKind::kWord || s.Is(a - 1, "/") || s.Is(a - 1, "'s")))
      --a;
    if (a < subj_end) return {a, subj_end};
  }
  return {e.end, s.roles[k].seg_end};
}

std::optional<Category> CategoryFor(const Sentence& s, size_t k, const RuleSet& r,
                                    const std::vector<std::optional<Category>>& decided, std::string* rule) {
  std::string ignored;
  if (!rule) rule = &ignored;
  auto by = [&](const char* name, std::optional<Category> c) {
    if (c) *rule = std::string("category:") + name + ":" + std::string(Name(*c));
    return c;
  };
  const NumExpr& e = s.nums[k];
  const NumRole& role = s.roles[k];
  // "The number of people … travelling to Syria has increased to 180": the cues of the counted
  // phrase before the figure say what it counts.
  if (auto [a, b] = NounPhrase(s, k); a < e.begin) {
    std::optional<Category> best;
    for (const Cue& c : s.cues)
      if (c.tb >= a && c.tb < b && (!best || Rank(r, c.category) > Rank(r, *best))) best = c.category;
    if (best) return by("number-of-phrase", best);
  }
  // "X of the Y who left … are back": X takes the cue after Y's relative clause.
  if (role.base > static_cast<int>(k)) {
    const NumRole& y = s.roles[role.base];
    if (auto c = Strongest(s, k, r, s.nums[role.base].end, y.seg_end, y.relcl_cue, true))
      return by("part-of-base-predicate", c);
  }
  if (role.is_base) {
    if (role.relcl_cue >= 0) return by("base-relative-clause", s.cues[role.relcl_cue].category);
  }
  // A cue before the number with nothing but words between competes on precedence
  // ("sentenced 11 French nationals … for joining").
  std::optional<Category> near_left;
  for (size_t ci = s.cues.size(); ci-- > 0;) {
    const Cue& c = s.cues[ci];
    if (c.where == CueRule::Where::kAfter) continue;
    if (c.tb < e.begin && c.te >= e.end) {  // a gapped cue around it: "brought 84 children home"
      near_left = c.category;
      break;
    }
    if (c.te > e.begin) continue;
    bool plain = true;
    for (size_t i = c.te; i < e.begin; ++i)
      if (s.toks[i].kind == TokKind::kPunct) plain = false;
    if (plain && e.begin - c.te <= 3) near_left = c.category;
    break;
  }
  if (auto c = Strongest(s, k, r, e.end, OwnPredicateEnd(s, k, e.end, role.seg_end), role.is_base ? -1 : role.relcl_cue,
                         false)) {
    if (near_left && Rank(r, *near_left) > Rank(r, *c)) return by("cue-before-outranks", near_left);
    if (!role.is_base) return by("cue-in-own-words", c);
  }
  // The counted noun itself: "400 returnees".
  for (const Cue& c : s.cues)
    if (c.tb == e.end && c.where != CueRule::Where::kBefore && !role.is_base) return by("counted-noun", c.category);
  if (near_left && !role.is_base) return by("cue-just-before", near_left);
  if (role.is_base) return CountsFighters(s, k, r) ? by("base-of-fighters", Category::kDeparted) : std::nullopt;
  auto other_attribute = [&]() -> std::optional<Category> {
    *rule = "category:part-by-other-attribute";
    return std::nullopt;
  };
  if (role.sub_of >= 0 && decided[role.sub_of])
    return PartNamesWhom(s, k, r) ? by("aside-of-figure", decided[role.sub_of]) : other_attribute();
  if (role.governor >= 0 && decided[role.governor]) return by("countries-of-figure", decided[role.governor]);
  // "Belgium (around 500), the Netherlands (some 250) and Denmark (roughly 150) have seen
  // citizens leave": a bracketed list item takes the predicate after the list.
  if (int own = s.paren[e.begin]; own >= 0 && e.begin > 0) {
    size_t open = e.begin;
    while (open > 0 && s.paren[open - 1] == own) --open;
    bool after_place = false;
    for (const Place& p : s.places) after_place |= p.te == open;
    if (after_place) {
      size_t i = e.end;
      while (i < s.toks.size() && s.paren[i] == own) ++i;
      // Skip the rest of the list: places, brackets, commas and "and".
      size_t end = i;
      while (end < s.toks.size() && !(s.hard[end] && s.paren[end] < 0)) ++end;
      std::optional<Category> best;
      for (const Cue& c : s.cues) {
        if (c.tb < i || c.tb >= end || s.paren[c.tb] >= 0 || c.where == CueRule::Where::kBefore) continue;
        if (!best || Rank(r, c.category) > Rank(r, *best)) best = c.category;
      }
      if (best) return by("list-predicate", best);
    }
  }
  // Nearest cue before, in the same clause.
  for (size_t ci = s.cues.size(); ci-- > 0;) {
    const Cue& c = s.cues[ci];
    if (c.te > e.begin && !(c.tb < e.begin && c.te > e.end)) continue;
    if (c.where == CueRule::Where::kAfter) continue;
    bool blocked = false;
    for (size_t i = c.te; i < e.begin; ++i) {
      if (s.hard[i] && s.paren[i] < 0) blocked = true;
      // ", and …" starts a new clause.
      if (s.toks[i].norm == "," && i + 1 < e.begin && s.toks[i + 1].norm == "and" && s.paren[i] < 0) blocked = true;
    }
    if (blocked) break;
    if (s.paren[c.tb] >= 0 && s.paren[c.tb] != s.paren[e.begin]) continue;
    return by("cue-before-in-clause", c.category);
  }
  // The relative clause of "N of those who left".
  if (role.relcl_cue >= 0) return by("relative-clause", s.cues[role.relcl_cue].category);
  if (auto c = Strongest(s, k, r, e.end, role.seg_end, -1, true)) return by("noun-cue-after", c);
  // Coordinated with following figures: "Up to 4,000 Russians and about 5,000 others are …",
  // "30 fighters, 49 women and 8 children still remain in …" (a list joined by commas and a
  // final "and").
  bool chain_joined = false;
  for (size_t m = k + 1; m < s.nums.size(); ++m) {
    const NumRole& rm = s.roles[m];
    if (rm.dropped || rm.sub_of >= 0) continue;
    bool blocked = false;
    for (size_t i = e.end; i < s.nums[m].begin; ++i)
      if (s.hard[i] && s.paren[i] < 0) blocked = true;
    if (blocked) break;
    // Coordinated means joined by "and"/"or" with nothing but words and commas between
    // (a table row "France 1,910 · 302 returned" is no coordination).
    bool joined = false, comma = false;
    for (size_t i = s.nums[m - 1].end; i < s.nums[m].begin; ++i) {
      if (s.Is(i, "and") || s.Is(i, "or"))
        joined = true;
      else if (s.Is(i, ","))
        comma = true;
      else if (s.toks[i].kind == TokKind::kPunct)
        blocked = true;
    }
    if (blocked || !(joined || comma)) break;
    chain_joined |= joined;
    if (!chain_joined) continue;
    if (auto c = Strongest(s, m, r, s.nums[m].end, rm.seg_end, -1, true)) return by("coordinated-figure", c);
    break;
  }
  // Listed after a figure of the same clause.
  for (size_t m = k; m-- > 0;) {
    if (s.roles[m].dropped || !decided[m]) continue;
    bool blocked = false;
    for (size_t i = s.nums[m].end; i < e.begin; ++i)
      if (s.hard[i] && s.paren[i] < 0) blocked = true;
    if (!blocked) return PartNamesWhom(s, k, r) ? by("listed-after-figure", decided[m]) : other_attribute();
    break;
  }
  // "12,000 foreign fighters from 81 countries", "3,000 Tunisian jihadists": fighters of a
  // named origin with no verb are those who left. Bare "20,000 fighters" (a group's strength,
  // fighters on a front) is not.
  if (CountsFighters(s, k, r) && NamesOrigin(s, k)) return by("fighters-noun", Category::kDeparted);
  return std::nullopt;
}

std::optional<Subgroup> PredicateSubgroup(const Sentence& s, size_t k, const RuleSet& r) {
  const NumExpr& e = s.nums[k];
  const NumRole& role = s.roles[k];
  const size_t n = s.toks.size();
  auto single = [&](size_t from, size_t* end) -> std::optional<Subgroup> {
    auto m = r.subgroups.Match(s.toks, from, n);
    if (!m) return std::nullopt;
    size_t after = m->second;
    // "women and children": a mixed group has no subgroup of its own ("were women and 12
    // percent were minors" is no mixed group).
    if (after + 1 < n && (s.Is(after, "and") || s.Is(after, "or") || s.Is(after, "/")) &&
        r.subgroups.Match(s.toks, after + 1, n))
      return std::nullopt;
    if (end) *end = after;
    return *m->first;
  };
  if (!e.IsShare() && role.base < 0) {
    // A count: only a predicate right after it and its bracket ("58 (80%) are men", "14 were
    // women"; rules 2.3.0).
    // ("12 (30%) of them were women", "… of these were counted as women")
    size_t i = e.end;
    while (i < n && s.paren[i] >= 0 && s.paren[i] != s.paren[e.begin]) ++i;
    if (s.Is(i, "of") && i + 1 < n && s.IsAny(i + 1, {"them", "these", "those"})) i += 2;
    if (!(s.Is(i, "were") || s.Is(i, "are"))) return std::nullopt;
    ++i;
    if (i + 2 < n && s.IsAny(i, {"recorded", "believed", "thought", "said", "reported", "found"}) &&
        s.Is(i + 1, "to") && s.Is(i + 2, "be"))
      i += 3;
    return single(i, nullptr);
  }
  // Left: "Women made up 17 percent of …", "Minors accounted for a third of …".
  static const std::vector<std::vector<const char*>> kVerbs = {
      {"made", "up"},  {"make", "up"}, {"makes", "up"}, {"accounted", "for"}, {"account", "for"}, {"accounts", "for"},
      {"represented"}, {"represent"},  {"represents"},  {"comprised"},        {"constituted"},    {"constitute"},
      {"were"},        {"are"}};
  for (const auto& v : kVerbs) {
    if (e.begin < v.size() + 1) continue;
    size_t vb = e.begin - v.size();
    bool ok = true;
    for (size_t t = 0; t < v.size(); ++t) ok &= s.Is(vb + t, v[t]);
    if (!ok) continue;
    for (size_t len = 1; len <= 3 && len <= vb; ++len) {
      size_t end = 0;
      if (auto sg = single(vb - len, &end); sg && end == vb) return sg;
    }
  }
  // Right: "… were women", "… was a woman", after the base's relative clause when there is one.
  size_t limit = role.base > static_cast<int>(k) ? s.roles[role.base].seg_end : role.seg_end;
  for (size_t i = e.end; i + 1 < limit && i < n; ++i) {
    if (s.hard[i] && s.paren[i] < 0) break;
    if (!(s.Is(i, "were") || s.Is(i, "was") || s.Is(i, "are") || s.Is(i, "is"))) continue;
    size_t j = i + 1;
    if (j < n && (s.Is(j, "a") || s.Is(j, "an"))) ++j;
    if (auto sg = single(j, nullptr)) return sg;
  }
  return std::nullopt;
}

bool CountsFighters(const Sentence& s, size_t k, const RuleSet& r) {
  auto [a, b] = NounPhrase(s, k);
  // The first four words, not counting a possessive before them ("IS's Central Asian foreign
  // fighters").
  size_t limit = a + 4;
  for (size_t i = a; i < b && i < limit; ++i) {
    if (s.Is(i + 1, "'s")) {
      limit += 2;
      ++i;
      continue;
    }
    if (s.toks[i].kind == TokKind::kPunct) break;
    if (auto m = r.persons.Match(s.toks, i, b)) return *m->first == PersonKind::kFtf;
  }
  return false;
}

std::optional<Subgroup> SubgroupFor(const Sentence& s, size_t k, const RuleSet& r) {
  auto [a, b] = NounPhrase(s, k);
  std::optional<Subgroup> found;
  bool mixed = false;
  size_t limit = std::min(b, a + 7);
  for (size_t i = a; i < limit; ++i) {
    const Token& t = s.toks[i];
    if (s.hard[i] && s.paren[i] < 0) break;
    if (s.num_at[i] >= 0) break;
    if (auto m = r.subgroups.Match(s.toks, i, b)) {
      if (found && *found != *m->first) mixed = true;
      found = *m->first;
      i = m->second - 1;
      // Only lists ("men, women and children") continue; anything else ends the phrase.
      size_t nx = m->second;
      if (nx < b && (s.toks[nx].norm == "," || s.toks[nx].norm == "and" || s.toks[nx].norm == "or")) continue;
      break;
    }
    if (found && (t.norm == "," || t.norm == "and" || t.norm == "or")) continue;
    if (found) break;
    if (r.persons.Match(s.toks, i, b)) return Subgroup::kAll;
    if (t.norm == ",") break;
  }
  if (mixed) return Subgroup::kAll;
  return found;
}

}  // namespace ftf::extract
