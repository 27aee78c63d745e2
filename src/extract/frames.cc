#include "extract/frames.h"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "extract/category_cues.h"

namespace ftf::extract {
namespace {

bool Copula(const Sentence& s, size_t i) {
  return s.IsAny(i, {"are", "were", "is", "was", "remain", "remained", "remains"});
}

// "in" a theatre place at token i: "in Syria", "in northern Syria", "in Syria and Iraq".
bool InTheatreAt(const Sentence& s, size_t i) {
  if (!s.Is(i, "in")) return false;
  for (const Place& p : s.places)
    if (p.theatre && p.tb > i && p.tb <= i + 3) {
      for (size_t j = i + 1; j < p.tb; ++j)
        if (s.toks[j].kind != TokKind::kWord || s.num_at[j] >= 0) return false;
      return true;
    }
  return false;
}

// "in"/"at" a camp or prison at token i: "in a Hasakah prison", "at the al-Hol camp", "in
// Kurdish-run camps" (up to three words between, no figure; not "training camps", and the noun
// ends its phrase).
bool InCampOrPrisonAt(const Sentence& s, size_t i) {
  if (!s.Is(i, "in") && !s.Is(i, "at")) return false;
  for (size_t j = i + 1; j < s.toks.size() && j <= i + 4; ++j) {
    if (s.toks[j].kind != TokKind::kWord || s.num_at[j] >= 0) return false;
    if (s.IsAny(j, {"training", "military"})) return false;  // "in training camps": not held
    if (s.IsAny(j, {"camp", "camps", "prison", "prisons", "jail", "jails"})) {
      // The noun ends its phrase: "at the prison gates" names another thing.
      const size_t m = j + 1;
      return m >= s.toks.size() || s.toks[m].kind != TokKind::kWord || FigureAdverb(s, m) || s.Is(m, "today") ||
             s.IsAny(m, {"in",    "at",   "near",  "of",    "with",  "on",   "run",   "and",     "for", "where",
                         "which", "that", "since", "until", "after", "when", "while", "because", "as",  "under"});
    }
  }
  return false;
}

// The figure's own frame of presence: an existential before it or a copula among its own words
// (with adverbs and "believed to be"), then `at(s, i)` at the place's preposition.
template <typename At>
bool PresenceFrame(const Sentence& s, size_t k, At at, bool relative_ok = true) {
  const NumExpr& e = s.nums[k];
  const size_t n = s.toks.size();
  auto clause_end = [&](size_t from) {
    size_t i = from;
    while (i < n && !(s.hard[i] && s.paren[i] < 0)) ++i;
    return i;
  };
  if (ExistentialFigure(s, k)) {
    for (size_t i = e.end, end = clause_end(e.end); i < end; ++i) {
      if (s.paren[i] >= 0 && s.paren[i] != s.paren[e.begin]) continue;
      if (s.Is(i, ",") && i + 1 < n && !s.Is(i + 1, "and")) {
        // A comma ends the existential's people unless a list of figures goes on.
        if (!(i + 1 < n && s.num_at[i + 1] >= 0)) break;
      }
      if (at(s, i)) return true;
      // The first place they are in decides: "there were 70 … in Iraq, 40 of them in prison"
      // puts the 70 in Iraq, not in prison.
      if (InTheatreAt(s, i) || InCampOrPrisonAt(s, i)) return false;
    }
    return false;
  }
  const size_t end = std::min(clause_end(e.end), std::max(s.roles[k].seg_end, e.end));
  for (size_t i = e.end; i < end; ++i) {
    if (s.num_at[i] >= 0) break;
    // "20 women who were in the camp": a relative clause says where they were, not what the
    // sentence tells of them.
    if (!relative_ok && s.IsAny(i, {"who", "that", "which", "whom"})) return false;
    if (!Copula(s, i) && !s.Is(i, "be")) continue;
    size_t j = i + 1;
    while (j < end && FigureAdverb(s, j)) ++j;
    if (j + 2 < end && s.IsAny(j, {"believed", "thought", "said", "reported", "estimated"}) && s.Is(j + 1, "to") &&
        s.Is(j + 2, "be"))
      j += 3;
    return at(s, j);
  }
  return false;
}

}  // namespace

bool HeldInCampOrPrison(const Sentence& s, size_t k, bool relative_ok) {
  return PresenceFrame(s, k, InCampOrPrisonAt, relative_ok);
}

bool PresentInTheatre(const Sentence& s, size_t k, bool relative_ok) {
  // "N … are (still) (thought to be) (present) in Syria", "there are (still) N … in Syria".
  return PresenceFrame(
      s, k, [](const Sentence& t, size_t j) { return InTheatreAt(t, j + (t.Is(j, "present") ? 1 : 0)); }, relative_ok);
}

bool ExistentialFigure(const Sentence& s, size_t k) {
  size_t b = s.nums[k].begin;
  while (b > 0 && FigureAdverb(s, b - 1)) --b;
  return b >= 2 && Copula(s, b - 1) && s.Is(b - 2, "there");
}

bool ExistentialContinuation(const Sentence& s, size_t k) {
  // "in" a place or a place noun, up to four words on ("in the conflict zone", "in Kurdish camps",
  // "in Belgium"); not "in total", "in 2015".
  auto located_at = [](const Sentence& t, size_t i) {
    if (!t.Is(i, "in")) return false;
    for (const Place& p : t.places)
      if (p.tb > i && p.tb <= i + 4) return true;
    for (size_t j = i + 1; j < t.toks.size() && j <= i + 4; ++j) {
      if (t.toks[j].kind != TokKind::kWord || t.num_at[j] >= 0) return false;
      if (t.IsAny(j, {"zone", "region", "area", "territory", "territories", "battlefield", "battlefields", "camp",
                      "camps", "prison", "prisons"}))
        return true;
    }
    return false;
  };
  return ExistentialFigure(s, k) && !PresenceFrame(s, k, located_at);
}

bool InAnotherTheatre(const Sentence& s, size_t k, const RuleSet& rules) {
  size_t i = s.nums[k].end;
  if (!s.Is(i, "in")) return false;
  ++i;
  if (s.Is(i, "the")) ++i;
  for (const Place& p : s.places)
    if (p.tb == i) return rules.other_theatres.count(p.scope) > 0;
  return false;
}

bool RestatesEarlierFigure(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  for (size_t i = e.begin, steps = 0; i-- > 0 && steps < 6; ++steps) {
    if (s.IsAny(i, {"number", "figure", "total", "tally"})) {
      if (s.Is(i + 1, "of")) return false;
      return i > 0 && s.IsAny(i - 1, {"the", "that", "this"});
    }
    // Only words of change or statement between the noun and the figure.
    if (!s.IsAny(i, {"had",      "has",     "have", "is",     "was",    "been",    "now",       "then",
                     "since",    "dropped", "fell", "fallen", "rose",   "risen",   "increased", "decreased",
                     "declined", "climbed", "grew", "grown",  "jumped", "reached", "stood",     "stands",
                     "doubled",  "to",      "at",   "from",   "up",     "down"}))
      return false;
  }
  return false;
}

bool SubgroupBreakdown(const Sentence& s, size_t k, const RuleSet& rules) {
  // The figure's own noun ("15 children") or its predicate ("58 (80%) are men").
  auto names_subgroup = [&](size_t m) {
    auto sg = SubgroupFor(s, m, rules);
    if (!sg || *sg == Subgroup::kAll) sg = PredicateSubgroup(s, m, rules);
    return sg && *sg != Subgroup::kAll;
  };
  // A share in brackets that restates a count is that count's aside, not a list item.
  auto restating_share = [&](size_t m) { return s.nums[m].IsShare() && s.roles[m].sub_of >= 0; };
  if (!s.cues.empty() || restating_share(k) || !names_subgroup(k)) return false;
  // Coordinated with a neighbouring figure that names a subgroup: only commas, "and", asides
  // and the figure's own words between them.
  auto joined = [&](size_t a, size_t b) {  // figures a < b
    for (size_t i = s.nums[a].end; i < s.nums[b].begin; ++i)
      if (s.hard[i] && s.paren[i] < 0) return false;
    return s.Is(s.nums[b].begin - 1, "and") || s.Is(s.nums[b].begin - 1, ",");
  };
  // Neighbours, past the asides of a figure ("(80%)").
  auto neighbour = [&](size_t from, int step) -> int {
    for (int m = static_cast<int>(from) + step; m >= 0 && m < static_cast<int>(s.nums.size()); m += step)
      if (!restating_share(static_cast<size_t>(m))) return m;
    return -1;
  };
  if (int next = neighbour(k, 1); next >= 0 && joined(k, next) && names_subgroup(next)) return true;
  if (int prev = neighbour(k, -1); prev >= 0 && joined(prev, k) && names_subgroup(prev)) return true;
  return false;
}

bool MeasureOfSource(const Sentence& s, size_t k, const RuleSet& rules) {
  const NumExpr& e = s.nums[k];
  const size_t n = s.toks.size();
  if (e.begin < 3 || !s.Is(e.begin - 1, "at") || !s.Is(e.begin - 2, ",")) return false;
  // What it counts: people ("individuals", "fighters") or nothing (the comma, the sentence's end).
  if (e.end < n && s.toks[e.end].kind == TokKind::kWord && !rules.persons.Match(s.toks, e.end, n)) return false;
  bool fighters = false, place = false;
  for (size_t i = 0; i + 2 < e.begin; ++i) {
    if (s.num_at[i] >= 0) return false;  // one figure: the measure of the clause before
    if (auto m = rules.persons.Match(s.toks, i, e.begin - 2)) fighters |= *m->first == PersonKind::kFtf;
  }
  // A cue before it names another population ("the most returnees, at 400"): not this frame.
  for (const Cue& c : s.cues)
    if (c.te + 2 <= e.begin && c.where != CueRule::Where::kAfter) return false;
  for (const Place& p : s.places) place |= !p.theatre && p.te + 2 <= e.begin;
  // The people may be named after the figure too ("…, at 1,500 fighters").
  if (auto m = rules.persons.Match(s.toks, e.end, n)) fighters |= *m->first == PersonKind::kFtf;
  return fighters && place;
}

std::string RankedSource(const Sentence& s, size_t k) {
  for (const Place& p : s.places)
    if (!p.theatre && p.te <= s.nums[k].begin) return p.scope;
  return {};
}

}  // namespace ftf::extract
