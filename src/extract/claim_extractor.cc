#include "extract/claim_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <tuple>

#include "core/utf8.h"
#include "extract/attribution.h"
#include "extract/category_cues.h"
#include "extract/claim_features.h"
#include "extract/claim_role.h"
#include "extract/code_traps.h"
#include "extract/frames.h"
#include "extract/scope_resolver.h"
#include "extract/sentence.h"
#include "extract/sentence_splitter.h"
#include "extract/trigger_scan.h"
#include "extract/world_scope.h"

namespace ftf::extract {
namespace {

constexpr const char* kOrdinaryPeople =
    "ordinary people (tourists, students …) in a sentence that names no fighters, no group and no theatre";

// Whether the sentence itself names the topic (a topic.tsv word, "IS", …): the byte scan's flag.
bool SentenceNamesTopic(const Sentence& s, const RuleSet& r) {
  return (ScanTriggers(s.doc.substr(s.span.start, s.span.end - s.span.start), r) & kTrigTopic) != 0;
}

struct ParaContext {
  std::vector<std::string> scopes;
  Subgroup subgroup = Subgroup::kAll;
  std::optional<Category> category;
  std::optional<std::string> attribution;  // named source of the paragraph so far
  bool has_claims = false;
};

bool Before(const Sentence& s, size_t pos, const PhraseTable<std::string>& table, std::string* why) {
  for (size_t len = 1; len <= 3 && len <= pos; ++len) {
    if (auto m = table.Match(s.toks, pos - len, pos); m && m->second == pos) {
      *why = *m->first;
      return true;
    }
  }
  return false;
}

// string_view: the literals' lengths are known at compile time, so a word of another length is
// rejected without strlen or memcmp (this runs for most tokens of every analysed sentence).
bool IsWordIn(const std::string& w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// The Syrian war began in 2011: a total counted "since" an earlier year (or decade) mixes in
// other destinations (Afghanistan, Somalia, Bosnia …), so it is no figure of the Syria and Iraq
// flow. Figures for earlier years named as such ("by 2010") are unaffected.
constexpr double kWarStartYear = 2011;

// A year written as a decade ("1990s", "2000s"): its first year, or 0.
int DecadeYear(const std::string& w) {
  if (w.size() != 5 || w[4] != 's' || w[3] != '0') return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (w[i] < '0' || w[i] > '9') return 0;
    y = y * 10 + (w[i] - '0');
  }
  return y >= 1900 && y <= 2100 ? y : 0;
}

// The time word that makes number k a time expression ("since 2014", "between 2014 and 2017",
// "from 2013 to 2015", "in 2015"), or nullptr: a year after such a word is a date whatever
// follows it ("attacks between 2014 and 2017 on Turkish soil"). The words are traps.tsv's `time`
// rows; a range carries its own "between"/"from".
const std::string* TimeWord(const Sentence& s, size_t k, const RuleSet& r) {
  const NumExpr& e = s.nums[k];
  if (!e.year) return nullptr;
  const auto& time = r.traps[static_cast<int>(TrapKind::kTime)];
  if (auto m = time.Match(s.toks, e.begin, e.core_begin); m && m->second == e.core_begin) return m->first;
  for (size_t len = 1; len <= 2 && len <= e.begin; ++len)
    if (auto m = time.Match(s.toks, e.begin - len, e.begin); m && m->second == e.begin) return m->first;
  return nullptr;
}

// "under 20" is the amount of a count, not an age limit: a verb of amount links it ("fell to
// under 20", "totals over 15") or its clause's subject counts ("the number who came back is
// under 20") — unless people stand right before it ("those under 18", "children under 12").
bool AmountOfACount(const Sentence& s, const NumExpr& e, const RuleSet& r) {
  const size_t b = e.begin;
  if (b == 0) return false;
  if (r.IsTrapWord(TrapWord::kAgeHolder, s.toks, b - 1, b) || r.persons.Match(s.toks, b - 1, b) ||
      r.subgroups.Match(s.toks, b - 1, b))
    return false;
  if (r.IsTrapWord(TrapWord::kCountLink, s.toks, b - 1, b)) return true;
  for (size_t c = b; c-- > 0;) {
    if (s.hard[c] || s.toks[c].norm == "," || s.num_at[c] >= 0) break;
    if (r.IsTrapWord(TrapWord::kCountNoun, s.toks, c, b)) return true;
  }
  return false;
}

// Marks traps and works out the roles of the figures of a sentence.
void Roles(Sentence& s, const RuleSet& r, const std::vector<AttrMention>& attrs) {
  const size_t n = s.toks.size();
  const size_t m = s.nums.size();
  s.roles.assign(m, {});
  // Sentence-wide traps.
  // Sentence-wide traps void the clauses they are in: "Some 11,000 SDF fighters died …, while
  // about 2,000 foreign IS fighters are held" keeps the second figure.
  std::vector<std::pair<size_t, std::string>> sentence_traps;
  for (size_t i = 0; i < n; ++i)
    if (auto t = r.traps[static_cast<int>(TrapKind::kSentence)].Match(s.toks, i, n))
      sentence_traps.emplace_back(i, *t->first);
  // Another war: fighters who went to a theatre other than Syria and Iraq ("joined al-Shabaab
  // in Somalia", "went to Afghanistan"), in a sentence that names neither Syria nor Iraq.
  {
    bool syria_iraq = false, elsewhere = false;
    for (const Place& p : s.places) {
      // A battlefield of another war (Marawi, Sirte: theatre places of an `elsewhere` country)
      // is another theatre, not Syria or Iraq, however it is introduced ("the battle for Marawi").
      if (p.theatre && r.other_theatres.count(p.scope)) {
        elsewhere = true;
        continue;
      }
      if (p.theatre) syria_iraq = true;
      // "went to Afghanistan", "fought in Somalia", "returned from Libya": another theatre; but
      // "returned to Libya" is the returnees' home and "hail from Pakistan" an origin.
      if (r.other_theatres.count(p.scope) && !p.demonym && p.tb > 0) {
        const NormWord& prep = s.toks[p.tb - 1].norm;
        const bool ret = p.tb >= 2 && r.IsTrapWord(TrapWord::kReturnWord, s.toks, p.tb - 2, p.tb - 1);
        if ((IsWordIn(prep, {"to", "in", "into"}) && !ret) || (prep == "from" && ret)) elsewhere = true;
      }
    }
    if (elsewhere && !syria_iraq) sentence_traps.emplace_back(0, "another theatre (not Syria or Iraq)");
    // "travelled to Syria, Libya and Iraq": one list of destinations that joins Syria or Iraq
    // with another theatre gives a total with other destinations included (the guide's d035).
    for (size_t a = 0; a < s.places.size(); ++a) {
      const Place& first = s.places[a];
      if (first.demonym || first.tb == 0 || !IsWordIn(s.toks[first.tb - 1].norm, {"to", "in", "into", "from"}))
        continue;
      bool theatre = false, other = false;
      for (size_t b = a; b < s.places.size(); ++b) {
        const Place& p = s.places[b];
        if (b > a) {  // only ",", "and", "or" between the items of one list
          const Place& q = s.places[b - 1];
          bool joined = p.tb > q.te && p.tb - q.te <= 2;
          for (size_t t = q.te; joined && t < p.tb; ++t) joined = IsWordIn(s.toks[t].norm, {",", "and", "or"});
          if (!joined || p.demonym) break;
        }
        theatre |= p.theatre;
        other |= r.other_theatres.count(p.scope) > 0;
      }
      if (theatre && other) {
        sentence_traps.emplace_back(first.tb, "a total with other destinations (Syria or Iraq listed with another theatre)");
        break;
      }
    }
    // "since 2001", "since the 1990s": a total since before the Syrian war.
    for (size_t i = 0; i + 1 < n; ++i) {
      if (s.toks[i].norm != "since") continue;
      size_t j = i + 1;
      if (s.Is(j, "the") && j + 1 < n) ++j;
      double year = DecadeYear(s.toks[j].norm);
      if (int at = s.num_at[j]; at >= 0 && s.nums[at].year && s.nums[at].begin == j) year = s.nums[at].Value();
      if (year > 0 && year < kWarStartYear)
        sentence_traps.emplace_back(i, "a total since before the Syrian war (other destinations included)");
    }
    // A total since before the Syrian war ("since 2001") mixes destinations, unless the clause
    // names Syria or Iraq for its figures ("92 journeys since 2001, 78 of them to Syria and Iraq").
    if (syria_iraq)
      std::erase_if(sentence_traps, [](const auto& t) { return t.second.starts_with("a total since before"); });
  }
  auto clause_trap = [&](const NumExpr& e) -> std::string {
    for (const auto& [at, why] : sentence_traps) {
      size_t a = std::min(at, e.begin), b = std::max(at, e.end);
      bool split = false;
      for (size_t i = a; i < b; ++i)
        if (s.hard[i] && s.paren[i] < 0 && (s.toks[i].norm == ";" || s.toks[i].norm == "while" ||
                                            s.toks[i].norm == "whereas"))
          split = true;
      if (!split) return why;
    }
    return {};
  };
  for (size_t k = 0; k < m; ++k) {
    NumExpr& e = s.nums[k];
    NumRole& role = s.roles[k];
    auto drop = [&](const std::string& why) {
      if (!role.dropped) {
        role.dropped = true;
        role.why = why;
      }
    };
    if (std::string why = clause_trap(e); !why.empty()) drop(why);
    // Code, markup, links and reference marks (judged on the raw bytes): "alert(1)", "[12]".
    if (s.toks[e.core_begin].kind == TokKind::kNumber) {
      if (auto why = CodeTrap(s.doc, s.toks[e.core_begin].start, s.toks[e.core_end - 1].end)) drop(*why);
    }
    // "(2)": a bare small number alone in brackets, opening the sentence or after a word that
    // is neither a place nor a figure, numbers an item or a reference.
    if (e.begin > 0 && e.end < n && s.toks[e.begin - 1].norm == "(" && s.toks[e.end].norm == ")" &&
        e.core_end == e.core_begin + 1 && e.begin == e.core_begin && s.toks[e.core_begin].kind == TokKind::kNumber &&
        s.Text(e.core_begin, e.core_end).find(',') == std::string_view::npos && e.best && *e.best < 100) {
      size_t open = e.begin - 1;
      bool after_place = false, after_figure = open > 0 && s.num_at[open - 1] >= 0;
      for (const Place& p : s.places)
        if (p.te == open) after_place = true;
      if (open > 0 && (s.toks[open - 1].norm == "percent" || s.toks[open - 1].norm == "cent" || s.toks[open - 1].norm == "%"))
        after_figure = true;
      if (!after_place && !after_figure) drop("reference: a bracketed item or reference number");
    }
    // "(5, 6)", "(3-5; 8)": a bracket of nothing but small numbers after a word that is neither
    // a place nor a figure lists references or notes.
    if (int pg = s.paren[e.begin]; pg >= 0 && e.begin > 0) {
      size_t open = e.begin;
      while (open > 0 && s.paren[open - 1] == pg) --open;
      size_t close = e.end;
      while (close < n && s.paren[close] == pg) ++close;
      int numbers = 0;
      bool only = s.toks[open].norm == "(" && close > open + 1 && s.toks[close - 1].norm == ")";
      for (size_t i = open + 1; only && i + 1 < close; ++i) {
        const Token& t = s.toks[i];
        if (t.kind == TokKind::kNumber && t.norm.size() <= 2) ++numbers;
        else if (!IsWordIn(t.norm, {",", ";", "-"})) only = false;
      }
      bool after_place = false;
      for (const Place& p : s.places) after_place |= p.te == open && !p.theatre;  // "Syria (3, 7)" is no list item
      const bool after_figure = open > 0 && s.num_at[open - 1] >= 0;
      if (only && numbers >= 2 && open > 0 && s.toks[open - 1].kind == TokKind::kWord && !after_place && !after_figure)
        drop("reference: a bracketed list of reference numbers");
    }
    // The counted noun, skipping up to two modifiers.
    bool person_follows = false;
    size_t i = e.end;
    for (int step = 0; step < 3 && i < n; ++step) {
      if (s.toks[i].kind == TokKind::kPunct && (s.toks[i].norm != "-" || s.toks[i].space_before)) break;
      // "3,400 from Western nations", "200 from 12 countries": the figure's own noun is left
      // out; what follows "from" is where they come from, not what is counted.
      if (s.toks[i].norm == "from") break;
      // Countries: "from over 110 (different) countries", "33 countries have seen returnees",
      // "from 81 nationalities".
      if (IsWordIn(s.toks[i].norm, {"countries", "nations", "states", "nationalities"}) ||
          (s.toks[i].norm == "member" && i + 1 < n && s.toks[i + 1].norm == "states")) {
        size_t before = e.begin;
        // "from over 110 countries", "of 80 countries", "across 33 countries", "returned to 33 countries".
        bool intro = before > 0 && IsWordIn(s.toks[before - 1].norm, {"from", "of", "across", "to"});
        if (intro && !(e.begin > 0 && s.toks[e.begin - 1].norm == "the")) {
          role.countries = true;
          e.end = s.toks[i].norm == "member" ? i + 2 : i + 1;  // the cue includes the noun
          for (size_t t = e.core_end; t < e.end; ++t) s.num_at[t] = static_cast<int>(k);
        } else {
          drop("countries without a figure of fighters");
        }
        break;
      }
      if (auto pm = r.persons.Match(s.toks, i, n)) {
        if (*pm->first == PersonKind::kOther && !SentenceNamesTopic(s, r)) drop(kOrdinaryPeople);
        person_follows = true;
        break;
      }
      if (r.subgroups.Match(s.toks, i, n)) {
        person_follows = true;
        break;
      }
      if (auto t = r.traps[static_cast<int>(TrapKind::kNoun)].Match(s.toks, i, n)) {
        drop(*t->first);
        break;
      }
      bool place = false;
      for (const Place& p : s.places) {
        if (p.tb != i) continue;
        place = true;
        // "8,000 Syrian rebels", "3,000 Iraqi children": people of the theatre itself are no
        // foreign fighters (the annotation guide's camp totals that mix in Syrians and Iraqis).
        if (p.theatre && p.demonym) drop("people of Syria or Iraq, not foreign fighters");
        // "240 Australian passports", "12 French soldiers": an adjective of origin before a
        // counted noun that is not people.
        if (p.demonym && p.te < n)
          if (auto t = r.traps[static_cast<int>(TrapKind::kNoun)].Match(s.toks, p.te, n)) drop(*t->first);
        // "4,000 Malaysian students": the same holds after an adjective of origin.
        if (p.demonym && p.te < n)
          if (auto pm = r.persons.Match(s.toks, p.te, n);
              pm && *pm->first == PersonKind::kOther && !SentenceNamesTopic(s, r))
            drop(kOrdinaryPeople);
        // "the 2011 Libyan revolution": a year before an adjective of origin and a noun that
        // counts no people is a date.
        if (e.year && p.demonym && p.te < n && !r.persons.Match(s.toks, p.te, n) && !r.subgroups.Match(s.toks, p.te, n))
          drop("a year");
      }
      if (place) {
        person_follows = true;
        break;
      }
      ++i;
    }
    if (role.countries) continue;
    if (const std::string* why = TimeWord(s, k, r)) drop(*why);
    if (e.kind == NumKind::kVague)
      if (auto v = r.vague.Match(s.toks, e.core_begin, e.core_end); v && !v->first->coded)
        drop("vague: a word the guide gives no interval for (\"scores\", \"several thousand\")");
    if (e.year && !person_follows) drop("a year");
    // "Aug. 27, 2014", "27 August 2014": a year closing a date, whatever follows it.
    if (e.year && e.begin >= 2 && ((s.toks[e.begin - 1].norm == "," && s.num_at[e.begin - 2] >= 0) ||
                                   r.traps[static_cast<int>(TrapKind::kLabel)].Match(s.toks, e.begin - 1, e.begin)))
      drop("a year (the end of a date)");
    if (e.begin > 0) {
      const NormWord& prev = s.toks[e.begin - 1].norm;
      if (prev == "$" || prev == "€" || prev == "£" || prev == "us$") drop("money");
      if (r.traps[static_cast<int>(TrapKind::kLabel)].Match(s.toks, e.begin - 1, e.begin)) drop("a label");
      // "Aug. 27", "Jun. 30": a label abbreviated with a full stop.
      if (prev == "." && e.begin >= 2) {
        if (auto lab = r.traps[static_cast<int>(TrapKind::kLabel)].Match(s.toks, e.begin - 2, e.begin - 1)) drop(*lab->first);
      }
      // "the two countries", "those three", "one of the three women": a reference to things
      // named before; but "the two men died in Syria" counts people (a restated figure).
      const bool people_noun = e.end < n && (r.persons.Match(s.toks, e.end, n) || r.subgroups.Match(s.toks, e.end, n));
      const bool of_the = e.begin >= 2 && s.toks[e.begin - 2].norm == "of";
      if (e.word_number && (prev == "the" || prev == "these" || prev == "those") && (!people_noun || of_the))
        drop("a reference (\"the two\")");
      std::string why;
      if (Before(s, e.begin, r.traps[static_cast<int>(TrapKind::kBefore)], &why)) drop(why);
      if (prev == "-" && !s.toks[e.begin].space_before && e.begin > 1 && s.toks[e.begin - 2].kind == TokKind::kNumber)
        drop("part of a code");
    }
    // "Abror Habibov, 30, …": a small number between commas right after a name is an age.
    if (e.begin >= 2 && e.end < n && s.toks[e.begin - 1].norm == "," && s.toks[e.end].norm == "," &&
        s.toks[e.begin - 2].cap && s.toks[e.begin - 2].kind == TokKind::kWord && e.best && *e.best < 100 &&
        e.qualifier == Qualifier::kExact && s.toks[e.core_begin].kind == TokKind::kNumber)
      drop("an age after a name");
    // "a boy, then 16, …", "her son, now 12, …": a small number after "then"/"now" between
    // commas is the person's age.
    if (e.begin >= 2 && e.end < n && r.IsTrapWord(TrapWord::kAgeAside, s.toks, e.begin - 1, e.begin) &&
        s.toks[e.begin - 2].norm == "," && s.toks[e.end].norm == "," && e.Value() > 0 && e.Value() < 100 &&
        e.qualifier == Qualifier::kExact)
      drop("an age (\", then 16,\")");
    // Ages and numbered things after the number: "15-year-old".
    if (e.end < n && s.toks[e.end].norm.starts_with("year-old")) drop("age");
    // "30,000 people are held in the camps", "35 people died at al-Hol": plain "people" of a
    // camp, with no origin named for them, are the camp's total of all nationalities (the
    // guide's trap), not foreign fighters or their families.
    if (e.end < n && r.IsTrapWord(TrapWord::kPlainPeople, s.toks, e.end, n)) {
      bool camp = false, origin = false;
      for (size_t c = 0; c < n; ++c)
        camp |= r.IsTrapWord(TrapWord::kCamp, s.toks, c, n);
      for (size_t c = e.begin >= 3 ? e.begin - 3 : 0; c < n && c < e.end + 4; ++c)
        origin |= r.IsTrapWord(TrapWord::kOrigin, s.toks, c, n);
      // A place of the figure's own phrase ("Finnish people", "people from Finland"), not one
      // that locates the speaker before it ("the U.S. estimates that 30,000 people …").
      for (const Place& p : s.places)
        origin |= !p.theatre && ((p.te <= e.begin && p.te + 1 >= e.begin) || (p.tb >= e.begin && p.tb <= e.end + 3));
      if (camp && !origin) drop("a camp total of all nationalities (\"30,000 people in the camps\")");
    }
    // "some of them under 18", "those over 16": "under"/"over" with a number of the ages of
    // majority (10 to 21) and no counted noun after it is an age limit, not a count — unless
    // it is the amount of a count ("the number who came back is under 20", "fell to under 20").
    if (!person_follows && e.begin < e.core_begin && r.IsTrapWord(TrapWord::kAgeLimit, s.toks, e.begin, e.core_begin) &&
        s.toks[e.core_begin].kind == TokKind::kNumber && e.core_end == e.core_begin + 1 &&
        e.Value() >= 10 && e.Value() <= 21 && (e.end == n || s.toks[e.end].kind == TokKind::kPunct) &&
        !AmountOfACount(s, e, r))
      drop("an age limit (\"under 18\")");
    // "If all 40 of them came back, …": a figure in a conditional clause is a hypothesis. The
    // clause ends at its comma, or without one at "then" or at a reporting verb ("asked if
    // they could be tried and said 30 had come back").
    for (size_t c = e.begin; c-- > 0;) {
      if (r.IsTrapWord(TrapWord::kCondition, s.toks, c, e.begin)) {
        drop("a hypothesis: a figure in an if-clause (\"if all 40 came back\")");
        break;
      }
      if (s.hard[c] || s.toks[c].norm == "," || s.toks[c].norm == "." ||
          r.IsTrapWord(TrapWord::kConditionEnd, s.toks, c, e.begin))
        break;  // the conditional clause ends
    }
  }
  // "between December 17 and 18", "between 2017 and 19": the second end of a date range or of
  // a time expression is a date too.
  for (size_t k = 1; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    const NumRole& prev = s.roles[k - 1];
    // A spaced dash opens an aside ("in 2019 — 406 children …"), not the range's other end.
    const bool joined = e.begin >= 2 && (IsWordIn(s.toks[e.begin - 1].norm, {"and", "to"}) ||
                                         (s.toks[e.begin - 1].norm == "-" && !s.toks[e.begin - 1].space_before &&
                                          !s.toks[e.begin].space_before));
    // "December 17": a day after a month name (a label row of reason "date").
    const NumExpr& pe = s.nums[k - 1];
    bool day_before = false;
    if (prev.dropped && prev.why == "a label" && pe.begin > 0)
      if (auto month = r.traps[static_cast<int>(TrapKind::kLabel)].Match(s.toks, pe.begin - 1, pe.begin))
        day_before = *month->first == "date";
    const bool time_before =
        prev.dropped && (prev.why == "date" || prev.why.starts_with("a time expression") || day_before);
    if (joined &&
        s.num_at[e.begin - 2] == static_cast<int>(k - 1) && time_before && !s.roles[k].dropped) {
      s.roles[k].dropped = true;
      s.roles[k].why = "date";
    }
  }
  // A year-by-year series ("144 in 2013, 134 in 2014 and 70 in 2015") gives flows per year,
  // not a figure of the population.
  {
    std::vector<size_t> yearly;
    for (size_t k = 0; k < m; ++k) {
      if (s.roles[k].dropped) continue;
      for (size_t i = s.nums[k].end; i + 1 < n && i < s.nums[k].end + 5; ++i) {
        if (s.num_at[i] >= 0 || s.hard[i] || s.toks[i].norm == ",") break;
        int y = s.num_at[i + 1];
        if (s.toks[i].norm == "in" && y >= 0 && s.nums[y].year) {
          yearly.push_back(k);
          break;
        }
      }
    }
    if (yearly.size() >= 2)
      for (size_t k : yearly) {
        s.roles[k].dropped = true;
        s.roles[k].why = "a year-by-year series";
      }
  }
  // Countries that modify a persons figure: "40,000 foreigners from over 110 countries". The
  // countries of a trapped figure right before them ("30,000 people from 60 countries … in the
  // camps") are trapped with it.
  for (size_t k = 0; k < m; ++k) {
    if (!s.roles[k].countries) continue;
    if (k > 0 && s.roles[k - 1].dropped && !s.nums[k - 1].year && !s.roles[k - 1].countries &&
        s.nums[k].begin <= s.nums[k - 1].end + 3) {
      s.roles[k].dropped = true;
      s.roles[k].why = s.roles[k - 1].why;
      continue;
    }
    for (size_t j = k; j-- > 0;) {
      if (s.roles[j].dropped || s.roles[j].countries) continue;
      bool blocked = false;
      for (size_t t = s.nums[j].end; t < s.nums[k].begin; ++t)
        if (s.hard[t] && s.paren[t] < 0) blocked = true;
      if (!blocked) s.roles[k].governor = static_cast<int>(j);
      break;
    }
  }
  // Asides: a figure inside a parenthetical after another figure.
  for (size_t k = 0; k < m; ++k) {
    int p = s.paren[s.nums[k].begin];
    if (p < 0 || s.roles[k].dropped) continue;
    // "France (1,910), Germany (960)": a bracketed figure right after a place is that place's
    // figure, not an aside of the figure before.
    size_t open = s.nums[k].begin;
    while (open > 0 && s.paren[open - 1] == p) --open;
    bool after_place = false;
    for (const Place& pl : s.places)
      if (pl.te == open && s.toks[open].norm == "(") after_place = true;
    if (after_place) continue;
    for (size_t j = k; j-- > 0;) {
      if (s.roles[j].dropped || s.roles[j].countries) continue;
      if (s.paren[s.nums[j].begin] == p) continue;
      s.roles[k].sub_of = static_cast<int>(j);
      break;
    }
  }
  // "a few hundred out of the thousands": a vague figure after "of the" refers back; no claim.
  for (size_t k = 1; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    if (e.kind == NumKind::kVague && e.begin >= 2 && s.toks[e.begin - 1].norm == "the" &&
        s.toks[e.begin - 2].norm == "of") {
      s.roles[k].dropped = true;
      s.roles[k].why = "a reference to figures given before";
    }
  }
  // Segments: each figure's own words run to the next main figure or clause boundary.
  for (size_t k = 0; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    int own = s.paren[e.begin];
    size_t i = e.end;
    for (; i < n; ++i) {
      if (own >= 0 && s.paren[i] != own) break;
      if (s.hard[i] && (s.paren[i] < 0 || s.paren[i] != own) && own < 0 && s.paren[i] < 0) break;
      // "… and those who have returned …" speaks of another group.
      if (own < 0 && s.toks[i].norm == "and" && i + 1 < n && IsWordIn(s.toks[i + 1].norm, {"those", "these", "others"}))
        break;
      // ", and …", ", but …" opens a new clause with its own predicate.
      if (own < 0 && s.paren[i] < 0 && s.toks[i].norm == "," && i + 1 < n &&
          IsWordIn(s.toks[i + 1].norm, {"and", "but", "while", "whereas"}))
        break;
      int at = s.num_at[i];
      if (at >= 0 && static_cast<size_t>(at) != k) {
        const NumRole& ro = s.roles[at];
        bool skip = ro.dropped || ro.countries || (own < 0 && s.paren[i] >= 0);
        if (!skip) break;
      }
      if (own < 0 && s.paren[i] >= 0) continue;
    }
    // A source statement ends the figure's own words (", the Soufan Center estimates, …").
    for (const AttrMention& a : attrs)
      if (a.pos > e.end && a.pos < i) {
        size_t cut = a.pos;
        while (cut > e.end && s.toks[cut - 1].norm != ",") --cut;
        if (cut > e.end) i = cut;
        break;
      }
    s.roles[k].seg_end = i;
  }
  // "X of the Y", "X out of the Y".
  for (size_t k = 0; k + 1 < m; ++k) {
    if (s.roles[k].dropped || s.roles[k].countries) continue;
    size_t y = k + 1;
    while (y < m && s.roles[y].countries) ++y;
    if (y >= m || s.roles[y].dropped) continue;
    bool of = false, ok = true;
    for (size_t t = s.nums[k].end; t < s.nums[y].begin; ++t) {
      const NormWord& w = s.toks[t].norm;
      if (w == "of") of = true;
      else if (!IsWordIn(w, {"out", "the", "its", "their", "his", "her", "all", "an", "some"})) ok = false;
    }
    if (!of || !ok || s.nums[y].begin == s.nums[k].end) continue;
    s.roles[k].base = static_cast<int>(y);
    s.roles[y].is_base = true;
  }
  // "Of the Y …, X": Y at the start of the sentence or clause.
  for (size_t k = 0; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    if (s.roles[k].dropped || s.roles[k].is_base || s.roles[k].base >= 0) continue;
    size_t b = e.begin;
    while (b > 0 && IsWordIn(s.toks[b - 1].norm, {"the", "all", "its", "their"})) --b;
    if (b == 0 || s.toks[b - 1].norm != "of") continue;
    size_t of = b - 1;
    if (!(of == 0 || s.hard[of - 1] || s.toks[of - 1].norm == ",")) continue;
    s.roles[k].is_base = true;
    for (size_t x = k + 1; x < m; ++x) {
      if (s.roles[x].dropped || s.roles[x].countries) continue;
      if (s.nums[x].IsShare()) s.roles[x].base = static_cast<int>(k);
      break;
    }
    // Recall round 2: "Of the 150 men among them, at least 30 have been killed and 25 have
    // returned": every count of the sentence after the opener is a part of Y (its subgroup and
    // Y's own category, departed, follow from that), up to a semicolon or another base.
    for (size_t x = k + 1; x < m; ++x) {
      bool semi = false;
      for (size_t t = s.nums[x - 1].end; t < s.nums[x].begin; ++t) semi |= s.Is(t, ";");
      if (semi || s.roles[x].is_base) break;
      if (s.roles[x].dropped || s.roles[x].countries || s.nums[x].IsShare() || s.roles[x].base >= 0) continue;
      s.roles[x].base = static_cast<int>(k);
    }
  }
  // Relative clauses of bases: "the 230 people who left", "the 12 travelers who came back".
  for (size_t k = 0; k < m; ++k) {
    if (!s.roles[k].is_base) continue;
    size_t end = s.roles[k].seg_end;
    for (size_t ci = 0; ci < s.cues.size(); ++ci) {
      const Cue& c = s.cues[ci];
      if (c.tb < s.nums[k].end || c.tb >= end) continue;
      bool rel = false;
      for (size_t t = s.nums[k].end; t < c.tb && t < s.nums[k].end + 8; ++t)
        if (IsWordIn(s.toks[t].norm, {"who", "that", "which", "recorded", "whom"})) rel = true;
      if (!rel) continue;  // a noun before the clause ("12 American travelers who came back")
      s.roles[k].relcl_cue = static_cast<int>(ci);
      break;
    }
  }
  // "of them", "of these", "of whom"; "Of those, N …"
  // (past a bracketed share that restates the figure: "4,761 (13%) of these")
  for (size_t k = 0; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    size_t i = e.end;
    if (i < n && s.toks[i].norm == "(" && s.paren[i] >= 0)
      while (i < n && s.paren[i] == s.paren[e.end]) ++i;
    if (i + 1 < n && s.toks[i].norm == "of" && IsWordIn(s.toks[i + 1].norm, {"them", "these", "those", "whom"}))
      s.roles[k].of_them = true;
  }
  if (n > 2 && s.toks[0].norm == "of" && IsWordIn(s.toks[1].norm, {"them", "these", "those"}) && m > 0)
    s.roles[0].of_them = true;
  // Segment traps: "tried to", "were stopped", "deported"; legal steps ("arrested",
  // "prosecuted") unless the figure's own words name its category first: "120 have come home,
  // most of them arrested" counts returnees, "50 were arrested" counts arrests. A share keeps
  // the trap ("one in 10 jihadis returning … prosecuted" is a share of the returnees), and so
  // does a category only alleged ("suspected of having fought …, who were charged"). An aside
  // of the figure ("— the highest per capita —") comments on it and voids nothing.
  for (size_t k = 0; k < m; ++k) {
    NumRole& role = s.roles[k];
    if (role.dropped) continue;
    const int own = s.paren[s.nums[k].begin];
    size_t a = s.nums[k].end, b = role.seg_end;
    bool cue_first = false, alleged = s.nums[k].IsShare();
    for (size_t i = a; i < b; ++i) {
      if (own < 0 && s.paren[i] >= 0) continue;
      alleged |= r.IsTrapWord(TrapWord::kAllegation, s.toks, i, b);
      if (auto t = r.traps[static_cast<int>(TrapKind::kSegment)].Match(s.toks, i, b)) {
        role.dropped = true;
        role.why = *t->first;
        break;
      }
      if (auto t = r.traps[static_cast<int>(TrapKind::kLegal)].Match(s.toks, i, b); t && !cue_first) {
        role.dropped = true;
        role.why = *t->first;
        break;
      }
      for (const Cue& c : s.cues) cue_first |= c.tb == i && !alleged;
    }
  }
  // "three foreign fighters … killed three people": a figure whose own verb "killed" takes an
  // object (a figure, or people counted) counts the attackers, not the dead.
  for (size_t k = 0; k < m; ++k) {
    NumRole& role = s.roles[k];
    if (role.dropped) continue;
    for (size_t i = s.nums[k].end; i + 1 < role.seg_end && i + 1 < n; ++i) {
      if (!r.IsTrapWord(TrapWord::kKillVerb, s.toks, i, role.seg_end)) continue;
      if (s.num_at[i + 1] >= 0 || r.IsTrapWord(TrapWord::kKillObject, s.toks, i + 1, n)) {
        role.dropped = true;
        role.why = "attackers: the figure killed others (\"three gunmen killed 12 people\")";
      }
      break;
    }
  }
  // "At least 70 people were killed and 240 injured": dead and injured counted together are the
  // casualties of an event (an attack, a fire), not fighters killed. The figure of the injured
  // is a noun trap already; the figure joined to it by "and" goes with it.
  for (size_t k = 0; k + 1 < m; ++k) {
    NumRole& role = s.roles[k];
    if (role.dropped) continue;
    const NumExpr& next = s.nums[k + 1];
    bool joined = false, killed = false;
    for (size_t t = s.nums[k].end; t < next.begin; ++t) {
      joined |= s.Is(t, "and");
      killed |= r.IsTrapWord(TrapWord::kKillVerb, s.toks, t, next.begin);
    }
    if (joined && killed && r.IsTrapWord(TrapWord::kInjury, s.toks, next.end, n)) {
      role.dropped = true;
      role.why = "casualties of an event: counted with the injured (\"70 were killed and 240 injured\")";
    }
  }
  // A breakdown by nationality ("just over half of them are French or Belgian") is a share of
  // the group, not of those who left the named countries: no claim.
  for (size_t k = 0; k < m; ++k) {
    const NumExpr& e = s.nums[k];
    if (s.roles[k].dropped || !e.IsShare()) continue;
    size_t i = e.end;
    if (!(i + 2 < n && s.toks[i].norm == "of" && IsWordIn(s.toks[i + 1].norm, {"them", "these", "those", "whom"})))
      continue;
    i += 2;
    if (!IsWordIn(s.toks[i].norm, {"are", "were", "is", "was"})) continue;
    for (const Place& p : s.places)
      if (p.tb == i + 1 && p.demonym) {
        s.roles[k].dropped = true;
        s.roles[k].why = "a breakdown by nationality";
      }
  }
  // A figure of something trapped ("10 of the 33 attacks") is trapped too, and so is "N of
  // them" right after one ("killed 38 tourists, 30 of them Britons"); a year is no group.
  for (size_t k = 0; k < m; ++k) {
    int y = s.roles[k].base;
    if (y < 0 && s.roles[k].of_them && k > 0 && !s.nums[k - 1].year) y = static_cast<int>(k - 1);
    if (y >= 0 && s.roles[y].dropped && s.nums[y].kind != NumKind::kVague) {
      s.roles[k].dropped = true;
      s.roles[k].why = s.roles[y].why;
    }
  }
}

}  // namespace

ClaimExtractor::ClaimExtractor() : ClaimExtractor(RuleSet::Bundled(), Gazetteer::Bundled()) {}
ClaimExtractor::ClaimExtractor(const RuleSet& rules, const Gazetteer& geo) : rules_(rules), geo_(geo) {}

namespace {

// A first paragraph that reads as a title: one line, no closing stop.
bool IsTitle(std::string_view p) {
  while (!p.empty() && (p.back() == ' ' || p.back() == '\n' || p.back() == '\r')) p.remove_suffix(1);
  return !p.empty() && p.size() < 400 && p.find('\n') == std::string_view::npos && p.back() != '.';
}

// The sentence opens by pointing back ("Of these, …", "Another …", "The rest …"): its figures
// continue the population of the sentence before (data/rules/discourse.tsv).
bool DiscourseOpener(const Sentence& s, const RuleSet& r) {
  size_t i = 0;
  while (i < s.toks.size() && (s.toks[i].norm == "\"" || s.toks[i].norm == "-")) ++i;
  return r.discourse_openers.Match(s.toks, i, s.toks.size()).has_value();
}

// A short line of a list or table: at most eight tokens, one place of origin, figure k its only
// figure, and no words but the place, the figure and punctuation (bullets, colons, brackets).
bool TableLineOfOrigin(const Sentence& s, size_t k) {
  if (s.toks.size() > 8 || s.nums.size() != 1 || k != 0) return false;
  int places = 0;
  for (const Place& p : s.places) {
    if (p.theatre) return false;
    ++places;
  }
  if (places != 1) return false;
  for (size_t i = 0; i < s.toks.size(); ++i) {
    if (s.num_at[i] >= 0 || s.toks[i].kind == TokKind::kPunct || s.toks[i].norm == "the") continue;
    bool in_place = false;
    for (const Place& p : s.places) in_place |= i >= p.tb && i < p.te;
    if (!in_place) return false;
  }
  return true;
}

// Figure k's predicate is an event still to come: a planned cue among its own words, among
// those of the figures coordinated with it ("Four women and 9 children to be repatriated"), or
// right before it ("will soon repatriate about 20").
bool PlannedPredicate(const Sentence& s, size_t k) {
  const NumExpr& e = s.nums[k];
  size_t to = std::max(s.roles[k].seg_end, e.end);
  // Coordinated: each figure's own words run up to the next one and hold no cue of their own.
  for (size_t j = k + 1, prev = k; j < s.nums.size(); prev = j++) {
    if (s.roles[prev].seg_end < s.nums[j].begin) break;
    bool own_cue = false;
    for (const Cue& c : s.cues) own_cue |= c.tb >= s.nums[prev].end && c.tb < s.nums[j].begin;
    if (own_cue) break;
    to = std::max(to, s.roles[j].seg_end);
  }
  // The first predicate decides: "65 Malaysians detained in Syria … want to come home" are held.
  for (const Cue& c : s.cues)
    if (c.tb >= e.end && c.tb < to) to = c.tb;
  for (const Cue& c : s.planned) {
    if (c.tb >= e.end && c.tb < to) return true;
    if (c.te <= e.begin && e.begin - c.te <= 2) {
      bool plain = true;
      for (size_t i = c.te; i < e.begin; ++i) plain &= s.toks[i].kind == TokKind::kWord;
      if (plain) return true;
    }
  }
  return false;
}

MentionDecision Mention(const Sentence& s, const NumExpr& e) {
  MentionDecision d;
  size_t a = s.toks[e.begin].start, b = s.toks[e.end - 1].end;
  d.span = Span{static_cast<int64_t>(a), static_cast<int64_t>(b)};
  d.cue = std::string(s.doc.substr(a, b - a));
  return d;
}

// Explains the numbers of a paragraph that was not analysed (only with --explain).
void ExplainSkipped(std::string_view text, TextSpan para, const RuleSet& r, const char* why,
                    std::vector<MentionDecision>& out) {
  for (const TextSpan& ss : SplitSentences(text, para, r)) {
    Sentence s;
    s.doc = text;
    s.toks = Tokenize(text, ss.start, ss.end);
    for (const NumExpr& e : FindNumbers(s.toks, r)) {
      MentionDecision d = Mention(s, e);
      d.rule = why;
      out.push_back(std::move(d));
    }
  }
}

// The last step over a document's claims: a claim of an invalid shape is dropped (the public
// contract: every claim returned is one the store and import accept), and so is a claim the
// re-ranker scores below its threshold; the mentions' claim indices are renumbered. `evidence`
// (parallel to the claims) is empty when neither a re-ranker nor an explanation needs it.
void FinishClaims(Extraction& out, const std::vector<ClaimEvidence>& evidence, const std::vector<size_t>& mention_of,
                  const Reranker& reranker, const ExtractOptions& opts) {
  constexpr size_t kGone = std::numeric_limits<size_t>::max();
  std::vector<size_t> renumbered(out.claims.size(), kGone);
  size_t kept = 0;
  for (size_t ci = 0; ci < out.claims.size(); ++ci) {
    // A figure the rules misread ("5,600%" as a share of 56) is dropped rather than stored and
    // then refused when an export is imported again (tests/fuzz/regressions/extractor/).
    bool keep = ValidateClaimShape(out.claims[ci]).ok();
    if (keep && !evidence.empty()) {
      std::vector<std::string> features = ClaimFeatures(out.claims[ci], evidence[ci]);
      const double score = reranker.empty() ? std::numeric_limits<double>::quiet_NaN() : reranker.Score(features);
      keep = !opts.rerank || reranker.Keeps(score);
      if (opts.explain && mention_of[ci] < out.mentions.size())
        out.mentions[mention_of[ci]].reranked.push_back({out.claims[ci], std::move(features), score, keep});
    }
    if (!keep) continue;
    renumbered[ci] = kept;
    if (kept != ci) out.claims[kept] = std::move(out.claims[ci]);
    ++kept;
  }
  out.claims.resize(kept);
  for (MentionDecision& d : out.mentions)
    std::erase_if(d.claims, [&](size_t& ci) { return (ci = renumbered[ci]) == kGone; });
}

}  // namespace

Extraction ClaimExtractor::Extract(std::string_view input, const ExtractOptions& opts) const {
  Extraction out;
  const RuleSet& r = rules_;
  std::string cleaned;
  std::string_view text = input;
  if (auto bad = FindInvalidUtf8(input)) {
    out.invalid_utf8_offset = *bad;
    // Same length: every byte of an invalid sequence becomes '?'.
    cleaned.assign(input);
    size_t i = *bad;
    while (i < cleaned.size()) {
      auto next = FindInvalidUtf8(std::string_view(cleaned).substr(i));
      if (!next) break;
      cleaned[i + *next] = '?';
      i += *next + 1;
    }
    text = cleaned;
  }
  std::vector<TextSpan> paragraphs = SplitParagraphs(text);
  std::string headline;
  std::string story_scope;  // the country the story is about, when its headline names one
  bool headline_topic = false;
  if (!paragraphs.empty()) {
    std::string_view first = text.substr(paragraphs[0].start, paragraphs[0].end - paragraphs[0].start);
    headline_topic = IsTitle(first) && (ScanTriggers(first, r) & kTrigAnyTopic);
    // The story's country: the one country a headline names ("Kosovo brings back 110 citizens").
    if (IsTitle(first)) {
      for (const PlaceMention& pm : geo_.FindMentions(first)) {
        if (pm.kind != PlaceMention::Kind::kCountry || pm.theatre || r.theatre_scopes.count(pm.scope)) continue;
        if (story_scope.empty()) story_scope = pm.scope;
        else if (story_scope != pm.scope) story_scope = "-";
      }
      if (story_scope == "-") story_scope.clear();
    }
    // Only a headline line, or the words up to an early colon, are analysed: a first paragraph
    // of running text costs no more than before.
    if (const size_t colon = first.find(':'); colon != std::string_view::npos && (colon <= 60 || IsTitle(first))) {
      const bool title = IsTitle(first);
      TextSpan span = paragraphs[0];
      if (!title) span.end = span.start + colon + 1;
      headline = HeadlineSource(AnalyseSentence(text, span, r, geo_), title, r, geo_);
    }
    // "Kazakhstan: 600 citizens repatriated": a place before the colon is the story's subject,
    // not its source.
    if (!headline.empty()) {
      bool place = geo_.FindCountry(headline) != nullptr;
      for (const PlaceMention& pm : geo_.FindMentions(headline))
        if (pm.start == 0 && pm.end == headline.size()) place = true;
      if (place) headline.clear();
    }
  }
  // Each number mention is decided on its own (MentionDecision). Whether it is about foreign
  // fighters at all (the topic) is read from its discourse: its sentence, its paragraph, the
  // paragraph before, or the headline. A paragraph none of which can reach costs only the byte
  // scan (ScanTriggers), so most news text is never tokenised.
  // What the re-ranker and --explain need of each claim (claim_features.h), parallel to
  // out.claims; nothing is kept when neither asks for it.
  const bool track = opts.explain || (opts.rerank && !r.reranker.empty());
  std::vector<ClaimEvidence> evidence;
  std::vector<size_t> mention_of;  // each claim's index in out.mentions (explain only)
  const bool first_is_title =
      !paragraphs.empty() && IsTitle(text.substr(paragraphs[0].start, paragraphs[0].end - paragraphs[0].start));
  bool prev_para_topic = false;
  ParaContext carried;  // the context of the paragraph before, when it yielded claims
  for (const TextSpan& para : paragraphs) {
    const size_t para_index = static_cast<size_t>(&para - paragraphs.data());
    std::string_view ptext = text.substr(para.start, para.end - para.start);
    // One byte scan per sentence; the paragraph's flags are their union (trigger_scan.h), so
    // no byte is scanned twice.
    const std::vector<TextSpan> sentences = SplitSentences(text, para, r);
    std::vector<uint8_t> sentence_flags(sentences.size());
    uint8_t flags = 0;
    for (size_t si = 0; si < sentences.size(); ++si) {
      sentence_flags[si] = ScanTriggers(text.substr(sentences[si].start, sentences[si].end - sentences[si].start), r);
      flags |= sentence_flags[si];
    }
    const bool para_topic = (flags & kTrigAnyTopic) != 0;
    const bool reach_prev = prev_para_topic;
    prev_para_topic = para_topic;
    if (!(flags & kTrigNumber)) continue;
    if (r.IsNavigation(ptext)) {
      if (opts.explain) ExplainSkipped(text, para, r, "navigation: a link or page furniture line", out.mentions);
      prev_para_topic = reach_prev;  // furniture does not break the discourse
      continue;
    }
    if (!para_topic && !reach_prev && !headline_topic) {
      if (opts.explain)
        ExplainSkipped(text, para, r, "no-topic: no fighter word in the sentence, its paragraph, the paragraph before or the headline",
                       out.mentions);
      carried = ParaContext{};
      continue;
    }

    ParaContext ctx = carried.has_claims ? carried : ParaContext{};
    if (!headline.empty() && !ctx.attribution) ctx.attribution = headline;
    std::vector<size_t> pending_back;  // claims with no source that a next sentence may name
    bool topic_before = false;         // a sentence of this paragraph named the topic
    bool para_has_claims = false;
    for (size_t si = 0; si < sentences.size(); ++si) {
      const TextSpan& sspan = sentences[si];
      std::string_view stext = text.substr(sspan.start, sspan.end - sspan.start);
      const uint8_t sflags = sentence_flags[si];
      const bool sentence_topic = (sflags & kTrigAnyTopic) != 0;
      const char* topic = sentence_topic ? "topic:sentence"
                          : topic_before  ? "topic:earlier-sentence"
                          : para_topic    ? "topic:later-sentence"
                          : reach_prev    ? "topic:previous-paragraph"
                                          : "topic:headline";
      topic_before |= sentence_topic;
      if (!(sflags & kTrigNumber)) continue;
      // A sentence with a number but no category, topic or fighter word yields nothing unless it
      // continues claims made before (its category then comes from the discourse): skip it
      // before tokenising. Most sentences of news text end here.
      // In a paragraph that names the topic, a sentence must name it too (or continue claims):
      // the paragraph's other sentences are the story's background, not its figures.
      const bool table_line = stext.size() < 60 && stext.find('\n') == std::string_view::npos;
      const bool worth =
          ctx.has_claims || table_line || ((sflags & kTrigCue) && (sentence_topic || !para_topic));
      if (!worth) {
        if (opts.explain)
          ExplainSkipped(text, sspan, r, "no-category: no category or fighter word in the sentence, or no topic word in a paragraph that has one", out.mentions);
        continue;
      }
      Sentence s = AnalyseSentence(text, sspan, r, geo_);
      ++out.sentences_analysed;
      std::vector<AttrMention> attrs = FindAttributions(s, r, geo_);
      Roles(s, r, attrs);
      static const bool debug = std::getenv("FTF_EXTRACT_DEBUG") != nullptr;  // read once, not per sentence
      if (debug) {
        std::fprintf(stderr, "S: %.*s\n", static_cast<int>(sspan.end - sspan.start), text.data() + sspan.start);
        for (size_t k = 0; k < s.nums.size(); ++k) {
          const NumRole& ro = s.roles[k];
          std::string_view cue = s.Text(s.nums[k].begin, s.nums[k].end);
          std::fprintf(stderr, "  N%zu '%.*s' drop=%d(%s) base=%d isbase=%d sub=%d gov=%d ctry=%d seg=%zu..%zu\n", k,
                       static_cast<int>(cue.size()), cue.data(), ro.dropped, ro.why.c_str(), ro.base, ro.is_base,
                       ro.sub_of, ro.governor, ro.countries, s.nums[k].end, ro.seg_end);
        }
        for (const Cue& c : s.cues) std::fprintf(stderr, "  cue %s @%zu\n", std::string(Name(c.category)).c_str(), c.tb);
        for (const Place& p : s.places) std::fprintf(stderr, "  place %s @%zu\n", p.scope.c_str(), p.tb);
      }
      const size_t m = s.nums.size();
      std::vector<std::optional<Category>> decided(m);
      std::vector<std::vector<std::string>> scopes(m);
      std::vector<Subgroup> subgroups(m, Subgroup::kAll);
      const size_t first_claim = out.claims.size();
      bool sentence_has_cue = !s.cues.empty();
      for (size_t k = 0; k < m; ++k) {
        const NumExpr& e = s.nums[k];
        const NumRole& role = s.roles[k];
        MentionDecision d;
        if (opts.explain) d = Mention(s, e);
        auto no = [&](std::string why) {
          if (!opts.explain) return;
          d.rule = std::move(why);
          out.mentions.push_back(std::move(d));
        };
        if (role.dropped) {
          no("trap: " + role.why);
          continue;
        }
        if (PlannedPredicate(s, k)) {
          no("plan: an event planned, hoped for or still to come (\"to be repatriated\")");
          continue;
        }
        std::string cat_rule;
        std::optional<Category> cat = CategoryFor(s, k, r, decided, &cat_rule);
        // A part named by another attribute (category_cues.cc, PartNamesWhom) takes no category
        // from the story either.
        const bool other_attribute = cat_rule == "category:part-by-other-attribute";
        // "Roughly 15 percent of the 5,600 European fighters were women": with no cue of its own,
        // a part counts the same population as its stated base.
        const bool forward_base = role.base > static_cast<int>(k);
        if (!cat && forward_base) {
          cat = CategoryFor(s, static_cast<size_t>(role.base), r, decided);
          if (cat) cat_rule = "category:of-its-base:" + std::string(Name(*cat));
        }
        // "about 250 of an estimated 3,000": the whole that a part returned, died or is held from
        // is those who left.
        if (!cat && role.is_base) {
          for (size_t j = 0; j < k; ++j)
            if (s.roles[j].base == static_cast<int>(k) && decided[j] && *decided[j] != Category::kDeparted) {
              cat = Category::kDeparted;
              cat_rule = "category:whole-of-a-part:departed";
            }
        }
        // Frames that no cue word marks (rules 2.3.0, frames.h). Presence in Syria or Iraq also
        // outranks the default of fighters with no verb ("4,000 Tunisian fighters are in Syria"),
        // and, as the figure's own predicate (not a relative clause), a cue that only stands
        // before the figure in its clause or the category of the figure it is listed after
        // (rules 2.4.0: "officials received word that there are 300 Tunisians in Syria", "…;
        // 150 are in Syria and 80 are in the al-Hol camp").
        const bool by_default = !cat || cat_rule.starts_with("category:fighters-noun");
        const bool by_context = cat_rule.starts_with("category:cue-before-in-clause") ||
                                cat_rule.starts_with("category:listed-after-figure");
        if ((by_default && HeldInCampOrPrison(s, k)) || (by_context && HeldInCampOrPrison(s, k, false))) {
          cat = Category::kDetained;
          cat_rule = "category:held-in-camp-or-prison:detained";
        } else if ((by_default && PresentInTheatre(s, k)) || (by_context && PresentInTheatre(s, k, false))) {
          cat = Category::kInTheater;
          cat_rule = "category:present-in-theatre:in_theater";
        }
        if (!cat && MeasureOfSource(s, k, r)) {
          cat = Category::kDeparted;
          cat_rule = "category:measure-of-source:departed";
        }
        if (!cat && !other_attribute && ctx.has_claims && ctx.category) {
          const char* frame = RestatesEarlierFigure(s, k)     ? "category:restated-figure:"
                              : SubgroupBreakdown(s, k, r)    ? "category:breakdown-of-figures-before:"
                              : ExistentialContinuation(s, k) ? "category:existential-after-figures:"
                                                              : nullptr;
          if (frame) {
            cat = ctx.category;
            cat_rule = frame + std::string(Name(*cat));
          }
        }
        if (!cat && !other_attribute && ctx.has_claims &&
            (role.of_them || (!sentence_has_cue && DiscourseOpener(s, r)))) {
          cat = ctx.category;
          if (cat) cat_rule = "category:discourse:" + std::string(Name(*cat));
        }
        // "• France 1700", "Belgium: 470": a line of a list or table that gives a place and its
        // figure, in a story about fighters, counts those who left that place.
        if (!cat && TableLineOfOrigin(s, k)) {
          cat = Category::kDeparted;
          cat_rule = "category:table-line-of-origin";
        }
        if (!cat) {
          no("no-category: no category word reaches it");
          continue;
        }
        // Whatever category the list gives it ("killed in Syria and 30 in Libya"); only people
        // who moved on (relocated) are counted where they went.
        if (*cat != Category::kRelocated && InAnotherTheatre(s, k, r)) {
          no("trap: another theatre (not Syria or Iraq)");
          continue;
        }
        decided[k] = cat;
        // Scope.
        std::string scope_rule;
        std::vector<std::string> sc = ScopesFor(s, k, cat, &scope_rule);
        if (cat_rule == "category:measure-of-source:departed" && !scope_rule.starts_with("scope:own-words"))
          if (std::string ranked = RankedSource(s, k); !ranked.empty()) {
            sc = {ranked};
            scope_rule = "scope:ranked-source";
          }
        if (sc.size() == 1 && sc[0] == "__combined__") {
          no("scope: a combined total for a list of places");
          continue;
        }
        bool own_scope = !sc.empty();
        if (sc.empty()) {
          // "more than 500 foreigners": people from anywhere.
          auto [a, b] = NounPhrase(s, k);
          for (size_t i = a; i < b && i < a + 3; ++i)
            if (s.toks[i].norm.starts_with("foreign")) {
              sc = {"World"};
              scope_rule = "scope:foreigners";
            }
        }
        if (sc.empty() && forward_base) {
          // The base comes later in the sentence ("Twelve of the 48 Irish citizens …"): the part
          // has the base's scope, not one carried over from the sentence before.
          std::optional<Category> base_cat = CategoryFor(s, static_cast<size_t>(role.base), r, decided);
          sc = ScopesFor(s, static_cast<size_t>(role.base), base_cat);
          if (sc.size() == 1 && sc[0] == "__combined__") sc.clear();
          if (!sc.empty()) scope_rule = "scope:of-its-base";
        }
        auto take = [&](const std::vector<std::string>& from, const char* why) {
          if (sc.empty() && !from.empty()) {
            sc = from;
            scope_rule = why;
          }
        };
        if (role.base >= 0) take(scopes[role.base], "scope:of-its-base");
        if (role.sub_of >= 0) take(scopes[role.sub_of], "scope:of-the-figure-it-qualifies");
        if (role.governor >= 0) take(scopes[role.governor], "scope:of-the-figure-counted");
        if (sc.empty()) {
          for (size_t j = k; j-- > 0;)
            if (!scopes[j].empty()) {
              take(scopes[j], "scope:of-an-earlier-figure");
              break;
            }
        }
        if (sc.empty() && ctx.has_claims) take(ctx.scopes, "scope:discourse");
        if (sc.empty() && !story_scope.empty()) take({story_scope}, "scope:story-country");
        if (sc.empty()) {
          sc = {"World"};
          scope_rule = "scope:no-place-named";
        }
        if (std::string world = WorldFigureRule(s, k, sc, scope_rule); !world.empty()) {
          sc = {"World"};
          scope_rule = std::move(world);
        }
        scopes[k] = sc;
        // Subgroup.
        std::string sg_rule = "subgroup:own-words";
        std::optional<Subgroup> sg = SubgroupFor(s, k, r);
        if (!sg || *sg == Subgroup::kAll) {
          // "… of the 5,600 European fighters were women", "Women made up 17 percent of …".
          if (auto p = PredicateSubgroup(s, k, r)) {
            sg = p;
            sg_rule = "subgroup:predicate";
          }
        }
        // "up to 13 percent (4,761) were women": a count in brackets restating a share is a
        // figure of the same subgroup.
        if ((!sg || *sg == Subgroup::kAll) && role.sub_of >= 0 && s.nums[role.sub_of].IsShare() && !e.IsShare() &&
            subgroups[role.sub_of] != Subgroup::kAll) {
          sg = subgroups[role.sub_of];
          sg_rule = "subgroup:of-the-share-it-restates";
        }
        // "58 (80%) are men": a share in brackets restating a count is a share of the same subgroup.
        if ((!sg || *sg == Subgroup::kAll) && role.sub_of >= 0 && e.IsShare() && !s.nums[role.sub_of].IsShare() &&
            subgroups[role.sub_of] != Subgroup::kAll) {
          sg = subgroups[role.sub_of];
          sg_rule = "subgroup:of-the-count-it-restates";
        }
        if (!sg && role.base >= 0) {
          // A part of a stated base named before it is of the base's subgroup ("Of the 150 men
          // among them, 30 were killed").
          const bool before = role.base < static_cast<int>(k);
          sg = before ? SubgroupFor(s, static_cast<size_t>(role.base), r).value_or(Subgroup::kAll) : Subgroup::kAll;
          sg_rule = before && *sg != Subgroup::kAll ? "subgroup:of-its-base" : "subgroup:part-of-a-base";
        }
        if (!sg && !own_scope && ctx.has_claims && (role.of_them || k == 0)) {
          sg = ctx.subgroup;
          sg_rule = "subgroup:discourse";
        }
        if (!sg) sg_rule = "subgroup:default";
        Subgroup subgroup = sg.value_or(Subgroup::kAll);
        subgroups[k] = subgroup;
        // Attribution: the nearest source before in the sentence, else after, else context.
        std::optional<std::string> who;
        std::string attr_rule = "attribution:discourse";
        bool found = false;
        for (size_t ai = attrs.size(); ai-- > 0;) {
          if (attrs[ai].pos >= e.begin) continue;
          found = true;
          attr_rule = "attribution:before-in-sentence";
          if (attrs[ai].kind == AttrMention::Kind::kNamed) who = attrs[ai].name;
          else if (attrs[ai].kind == AttrMention::Kind::kAnaphor) who = ctx.attribution;
          break;
        }
        // "The authorities believe that 30 fighters remain, police chief X said": a named speaker
        // of the whole sentence outranks an unnamed source before the figure.
        const bool unnamed_before = found && !who && attrs.back().kind == AttrMention::Kind::kNamed &&
                                    attrs.back().pos >= e.end;
        if (unnamed_before) found = false;
        if (!found) {
          for (const AttrMention& at : attrs) {
            if (at.pos < e.end) continue;
            found = true;
            attr_rule = "attribution:after-in-sentence";
            if (at.kind == AttrMention::Kind::kNamed) who = at.name;
            else if (at.kind == AttrMention::Kind::kAnaphor) who = ctx.attribution;
            break;
          }
        }
        if (!found) who = ctx.attribution;

        const size_t claims_before = out.claims.size();
        auto emit = [&](Unit unit, const NumExpr& ne, std::optional<double> lo, std::optional<double> best,
                        std::optional<double> hi, Qualifier q) {
          for (const std::string& scope : sc) {
            Claim c;
            c.scope = scope;
            c.category = *cat;
            c.subgroup = subgroup;
            c.unit = unit;
            c.low = lo;
            c.best = best;
            c.high = hi;
            c.qualifier = q;
            c.as_of = opts.as_of;
            c.source_id = opts.source_id;
            c.attributed_to = who;
            c.origin = r.Origin();
            // The rule that decided the claim's category (as `--explain` names it): the review
            // queue selects by it ("accept every claim of category:counted-noun:returned").
            c.rule = cat_rule;
            c.document_sha256 = opts.document_sha256;
            size_t a = s.toks[ne.begin].start;
            size_t b = s.toks[ne.end - 1].end;
            c.span = Span{static_cast<int64_t>(a), static_cast<int64_t>(b)};
            c.cue = std::string(text.substr(a, b - a));
            c.sentence = std::string(text.substr(sspan.start, sspan.end - sspan.start));
            out.claims.push_back(std::move(c));
          }
        };
        Unit unit = role.countries ? Unit::kCountries : e.IsShare() ? Unit::kShare : Unit::kPersons;
        // A share of those who left that is neither a subgroup nor another category ("68 percent
        // of those who joined had gone to university") describes them; it counts no population.
        const bool derived = e.IsShare() && role.base >= 0 && s.nums[role.base].kind == NumKind::kCount &&
                             !s.roles[role.base].dropped;
        if (unit == Unit::kShare && !derived && *cat == Category::kDeparted && subgroup == Subgroup::kAll) {
          no("share: a share of those who left that names no subgroup or category");
          continue;
        }
        if (derived) {
          // "a quarter of the 5,000": a derived persons figure.
          double base = s.nums[role.base].Value();
          double v = std::round(e.Value() * base);
          switch (e.qualifier) {
            case Qualifier::kAtLeast:
            case Qualifier::kMoreThan: emit(Unit::kPersons, e, v, std::nullopt, std::nullopt, e.qualifier); break;
            case Qualifier::kAtMost:
            case Qualifier::kFewerThan: emit(Unit::kPersons, e, std::nullopt, std::nullopt, v, e.qualifier); break;
            case Qualifier::kRange:
              emit(Unit::kPersons, e, std::round(*e.low * base), std::nullopt, std::round(*e.high * base), e.qualifier);
              break;
            default: emit(Unit::kPersons, e, std::nullopt, v, std::nullopt, Qualifier::kApprox); break;
          }
        } else {
          if (unit == Unit::kCountries && e.qualifier == Qualifier::kVague) {
            no("vague: a vague number of countries");
            continue;
          }
          emit(unit, e, e.low, e.best, e.high, e.qualifier);
        }
        // The figure's part in the text, from the construction that decided it (claim_role.h).
        const ClaimRole claim_role = MentionRole(s, k, derived, TableLineOfOrigin(s, k));
        for (size_t ci = claims_before; ci < out.claims.size(); ++ci) out.claims[ci].role = claim_role;
        if (track && out.claims.size() > claims_before) {
          ClaimEvidence ev = SentenceEvidence(s, k, r);
          ev.topic_rule = topic;
          ev.category_rule = cat_rule;
          ev.scope_rule = scope_rule;
          ev.subgroup_rule = sg_rule;
          ev.paragraph = para_index;
          ev.headline = para_index == 0 && first_is_title;
          ev.scopes = out.claims.size() - claims_before;
          evidence.resize(out.claims.size(), ev);
          mention_of.resize(out.claims.size(), out.mentions.size());  // d is pushed next
        }
        if (opts.explain) {
          d.claim = true;
          d.rule = topic;
          d.category_rule = std::move(cat_rule);
          std::tie(d.scope_rule, d.subgroup_rule, d.attribution_rule) = std::tie(scope_rule, sg_rule, attr_rule);
          for (size_t ci = claims_before; ci < out.claims.size(); ++ci) d.claims.push_back(ci);
          out.mentions.push_back(std::move(d));
        }
      }
      // Hedges spread over a list that shares them: "as many as 6,902 women and 6,577 minors".
      // (Handled on the claims: a bare figure right after a hedged one, joined by "and".)
      // And over a bracketed share that restates a hedged count: "up to 4,761 (13%)".
      for (size_t k = 1; k < m; ++k) {
        const NumExpr& e = s.nums[k];
        const NumExpr& p = s.nums[k - 1];
        if (e.hedged || !p.hedged || e.qualifier != Qualifier::kExact) continue;
        const bool restated_share = e.IsShare() && !p.IsShare() && s.roles[k].sub_of == static_cast<int>(k - 1) &&
                                    e.begin > 0 && s.toks[e.begin - 1].norm == "(";
        if (!restated_share && (e.begin < 1 || s.toks[e.begin - 1].norm != "and" || e.begin - p.end > 2)) continue;
        if (p.qualifier == Qualifier::kRange || p.qualifier == Qualifier::kVague || p.IsShare()) continue;
        for (size_t ci = first_claim; ci < out.claims.size(); ++ci) {
          Claim& c = out.claims[ci];
          if (c.span->start != static_cast<int64_t>(s.toks[e.begin].start)) continue;
          double v = *c.best;
          c.best.reset();
          c.qualifier = p.qualifier;
          if (p.qualifier == Qualifier::kAtLeast || p.qualifier == Qualifier::kMoreThan) c.low = v;
          else if (p.qualifier == Qualifier::kAtMost || p.qualifier == Qualifier::kFewerThan) c.high = v;
          else c.best = v;
        }
      }
      // A source named at the end of this sentence also covers the unsourced figures of the
      // sentence before ("Broken down by region, … . …, the Soufan Group said.").
      if (!attrs.empty() && attrs.back().kind == AttrMention::Kind::kNamed && m > 0 &&
          attrs.back().pos > s.nums[m - 1].end) {
        for (size_t ci : pending_back) out.claims[ci].attributed_to = attrs.back().name;
      }
      pending_back.clear();
      if (attrs.empty() && !ctx.attribution) {
        for (size_t ci = first_claim; ci < out.claims.size(); ++ci) pending_back.push_back(ci);
      }
      // Context for the next sentence.
      if (!attrs.empty()) {
        const AttrMention& last = attrs.back();
        if (last.kind == AttrMention::Kind::kNamed) ctx.attribution = last.name;
        else if (last.kind == AttrMention::Kind::kUnnamed) ctx.attribution.reset();
      }
      if (out.claims.size() > first_claim) {
        const Claim& c0 = out.claims[first_claim];
        ctx.scopes.clear();
        for (size_t ci = first_claim; ci < out.claims.size(); ++ci) {
          const Claim& c = out.claims[ci];
          if (c.span != c0.span) break;
          ctx.scopes.push_back(c.scope);
        }
        ctx.subgroup = c0.subgroup;
        ctx.category = c0.category;
        ctx.has_claims = true;
        if (story_scope.empty() && c0.scope.size() == 3 && ctx.scopes.size() == 1) story_scope = c0.scope;
        para_has_claims = true;
      }
    }
    carried = para_has_claims ? ctx : ParaContext{};
    // A paragraph that yields claims continues the story for the next one, even when it names
    // no topic word itself (the rows of a list under a sentence about fighters).
    if (para_has_claims) prev_para_topic = true;
  }
  FinishClaims(out, evidence, mention_of, r.reranker, opts);
  if (opts.explain)
    std::stable_sort(out.mentions.begin(), out.mentions.end(),
                     [](const MentionDecision& x, const MentionDecision& y) { return x.span.start < y.span.start; });
  return out;
}

}  // namespace ftf::extract
