#include "extract/sentence.h"

#include <algorithm>

#include "extract/hedge_spread.h"

namespace ftf::extract {
namespace {

// "fighting" says that people are at war now only as a participle of the people counted: right
// after the figure, its people ("60 Australians fighting with …", "200 Tajik citizens fighting
// in Syria", "women fighting"), their place ("from Gaza fighting"), or a verb ("are reported to
// be fighting", "are now fighting"). Elsewhere it is the war ("joined the fighting", "since
// fighting broke out"), what someone did ("accused of fighting", "spent time fighting") or
// describes groups ("jihadist groups fighting in Syria").
bool FightingOfPeople(const Sentence& s, const RuleSet& rules, size_t i) {
  size_t j = i;
  while (j > 0 && (s.toks[j - 1].norm == "\"" || s.toks[j - 1].norm == "'")) --j;  // a quoted headline
  if (j == 0) return false;
  const size_t prev = j - 1;
  if (s.num_at[prev] >= 0) return true;
  if (s.IsAny(prev, {"be", "to", "now", "still", "currently", "reportedly", "presumably", "allegedly", "already",
                     "actively"}))
    return true;
  for (const Place& p : s.places)
    if (p.te == j) return true;
  for (size_t from = prev >= 2 ? prev - 2 : 0; from <= prev; ++from) {
    if (auto m = rules.persons.Match(s.toks, from, j); m && m->second == j) return true;
    if (auto m = rules.subgroups.Match(s.toks, from, j); m && m->second == j) return true;
  }
  return false;
}

}  // namespace

Sentence AnalyseSentence(std::string_view doc, TextSpan span, const RuleSet& rules, const Gazetteer& geo) {
  Sentence s;
  s.doc = doc;
  s.span = span;
  s.toks = Tokenize(doc, span.start, span.end);
  const size_t n = s.toks.size();
  s.nums = FindNumbers(s.toks, rules);
  s.num_at.assign(n, -1);
  for (size_t k = 0; k < s.nums.size(); ++k)
    for (size_t i = s.nums[k].begin; i < s.nums[k].end; ++i) s.num_at[i] = static_cast<int>(k);

  // Places: token index by byte offset.
  auto tok_at = [&](size_t byte, bool end) -> size_t {
    for (size_t i = 0; i < n; ++i) {
      if (!end && s.toks[i].start >= byte) return i;
      if (end && s.toks[i].end >= byte) return i + 1;
    }
    return n;
  };
  std::string_view text = doc.substr(span.start, span.end - span.start);
  for (const PlaceMention& m : geo.FindMentions(text)) {
    Place p;
    p.tb = tok_at(span.start + m.start, false);
    p.te = tok_at(span.start + m.end, true);
    if (p.tb >= p.te) continue;
    p.scope = m.scope;
    if (auto it = rules.renames.find(p.scope); it != rules.renames.end()) p.scope = it->second;
    p.theatre = m.theatre || rules.theatre_scopes.count(p.scope) > 0;
    p.demonym = m.demonym;
    s.places.push_back(std::move(p));
  }
  for (size_t i = 0; i < n; ++i) {
    if (s.toks[i].kind != TokKind::kWord) continue;
    if (auto m = rules.place_aliases.Match(s.toks, i, n)) {
      // Only where the gazetteer found nothing overlapping; aliases are written capitalised
      // when the form is ("European" but not "european").
      size_t te = m->second;
      // A longer alias that spans several gazetteer places is one place ("the Middle East and
      // North Africa" is MENA, not a list of two regions); otherwise the gazetteer wins.
      size_t covered = 0;
      bool partial = false;
      for (const Place& p : s.places) {
        if (!(p.tb < te && i < p.te)) continue;
        if (p.tb >= i && p.te <= te) ++covered;
        else partial = true;
      }
      if (partial || covered == 1) continue;
      if (covered > 1)
        std::erase_if(s.places, [&](const Place& p) { return p.tb >= i && p.te <= te; });
      Place p;
      p.tb = i;
      p.te = te;
      p.scope = *m->first;
      s.places.push_back(std::move(p));
      i = te - 1;
    }
  }
  std::sort(s.places.begin(), s.places.end(), [](const Place& a, const Place& b) { return a.tb < b.tb; });
  // "the Central Asian nation", "the European country": a region's adjective before one
  // country's noun stands for a country named elsewhere, not for the region.
  std::erase_if(s.places, [&](const Place& p) {
    const bool country = p.scope.size() == 3 && std::all_of(p.scope.begin(), p.scope.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (country || p.tb == 0 || p.te >= n) return false;
    const NormWord& det = s.toks[p.tb - 1].norm;
    const NormWord& noun = s.toks[p.te].norm;
    return (det == "the" || det == "a" || det == "an" || det == "this" || det == "another") &&
           (noun == "nation" || noun == "country" || noun == "republic" || noun == "state");
  });

  // Cues, outside number expressions.
  for (size_t i = 0; i < n; ++i) {
    if (s.num_at[i] >= 0 && s.toks[i].norm != "remaining") continue;
    if (s.toks[i].norm == "fighting" && !FightingOfPeople(s, rules, i)) continue;
    if (auto m = rules.cues.Match(s.toks, i, n)) {
      Cue c;
      c.tb = i;
      c.te = m->second;
      c.category = m->first->category;
      c.where = m->first->where;
      s.cues.push_back(c);
      // Cues may overlap ("remain in camps": in_theater and detained); precedence decides.
    }
  }
  // A plan marker up to four words before a cue, with only words between ("will soon be
  // repatriated", "would start repatriating"), makes the cue's event one still to come.
  const auto& plan = rules.traps[static_cast<int>(TrapKind::kPlan)];
  std::erase_if(s.cues, [&](const Cue& c) {
    for (size_t j = c.tb >= 4 ? c.tb - 4 : 0; j < c.tb; ++j) {
      auto m = plan.Match(s.toks, j, c.te);
      if (!m) continue;
      // A modal with the perfect ("might have been killed", "could have returned") weighs an
      // event that may have happened: an estimate, not a plan.
      if (m->second < c.tb && (s.toks[m->second].norm == "have" || s.toks[m->second].norm == "'ve")) continue;
      bool plain = true;  // (a marker that spans the cue, "to be repatriated", is plain too)
      for (size_t i = m->second; i < c.tb; ++i) plain &= s.toks[i].kind == TokKind::kWord && s.num_at[i] < 0;
      if (!plain) continue;
      s.planned.push_back(c);
      return true;
    }
    return false;
  });

  // Parentheticals: ( … ), — … — (or — … end of sentence), ", including … ," and
  // ", among them … ,".
  s.paren.assign(n, -1);
  int id = 0;
  for (size_t i = 0; i < n; ++i) {
    const NormWord& w = s.toks[i].norm;
    size_t close = n;
    bool opener = false;
    if (w == "(") {
      opener = true;
      for (size_t k = i + 1; k < n; ++k)
        if (s.toks[k].norm == ")") {
          close = k;
          break;
        }
    } else if (w == "-" && s.toks[i].space_before && s.num_at[i] < 0) {  // (not a range's: "5,000 – 7,000")
      // A spaced dash. "— and …" starts a new clause, not an aside.
      if (i + 1 < n && (s.toks[i + 1].norm == "and" || s.toks[i + 1].norm == "but")) continue;
      opener = true;
      for (size_t k = i + 1; k < n; ++k)
        if (s.toks[k].norm == "-" && s.toks[k].space_before && s.num_at[k] < 0) {
          close = k;
          break;
        }
    } else if (w == ":" && i + 1 < n && s.num_at[i + 1] >= 0 && s.num_at[i + 1] > 0) {
      // ": 74 children, 32 women and four men" after a figure: its breakdown.
      opener = true;
    } else if (w == "," && i + 1 < n &&
               (s.toks[i + 1].norm == "including" || (s.toks[i + 1].norm == "among" && i + 2 < n &&
                                                       (s.toks[i + 2].norm == "them" || s.toks[i + 2].norm == "whom")))) {
      opener = true;
      for (size_t k = i + 2; k < n; ++k)
        if (s.toks[k].norm == "," || s.toks[k].norm == ";") {
          close = k;
          break;
        }
    }
    if (!opener) continue;
    for (size_t k = i; k < close && k < n; ++k) s.paren[k] = id;
    if (close < n) s.paren[close] = id;
    ++id;
    i = close < n ? close : n;
  }

  s.hard.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const NormWord& w = s.toks[i].norm;
    if (w == ";" || w == "while" || w == "whereas" || w == "but") s.hard[i] = 1;
    if (w == "-" && s.toks[i].space_before && s.paren[i] < 0 && s.num_at[i] < 0) s.hard[i] = 1;
  }
  SpreadListHedges(s);
  return s;
}

}  // namespace ftf::extract
