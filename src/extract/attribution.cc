#include "extract/attribution.h"

namespace ftf::extract {
namespace {

using Kind = AttrMention::Kind;

bool Has(const PhraseTable<int>& t, const Sentence& s, size_t i, size_t end, size_t* mend = nullptr) {
  auto m = t.Match(s.toks, i, end);
  if (m && mend) *mend = m->second;
  return m.has_value();
}

// string_view: the literals' lengths are known at compile time, so a word of another length is
// rejected without strlen or memcmp (this runs for most tokens of every analysed sentence).
bool IsWordIn(const std::string& w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool IsDeterminer(const NormWord& w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "same" || w == "updated" ||
         w == "neighbouring" || w == "neighboring" || w == "latest" || w == "annual" || w == "first";
}

struct Np {
  size_t a, b;
};

Np Strip(const Sentence& s, Np np) {
  while (np.a < np.b && (IsDeterminer(s.toks[np.a].norm) || s.toks[np.a].norm == "\"" || s.toks[np.a].norm == "'"))
    ++np.a;
  while (np.b > np.a) {
    const NormWord& w = s.toks[np.b - 1].norm;
    if (w == "now" || w == "also" || w == "later" || w == "today" || w == "yesterday" || w == "has" || w == "have" ||
        w == "had" || w == "\"" || w == "'" || w == "," || w == "recently" || w == "previously")
      --np.b;
    else
      break;
  }
  return np;
}

bool AnyCap(const Sentence& s, Np np) {
  for (size_t i = np.a; i < np.b; ++i)
    if (s.toks[i].cap && s.toks[i].kind == TokKind::kWord) return true;
  return false;
}

bool IsAcronym(const Sentence& s, size_t i) {
  std::string_view t = s.Text(i, i + 1);
  if (t.size() < 2) return false;
  for (char c : t)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

AttrMention Name(const Sentence& s, Np np, size_t pos, const RuleSet& r, const Gazetteer& geo, int depth = 0);

AttrMention Named(const Sentence& s, Np np, size_t pos) {
  AttrMention m;
  m.pos = pos;
  m.kind = Kind::kNamed;
  m.name = std::string(s.Text(np.a, np.b));
  return m;
}

AttrMention Name(const Sentence& s, Np np, size_t pos, const RuleSet& r, const Gazetteer& geo, int depth) {
  AttrMention none;
  none.pos = pos;
  none.kind = Kind::kUnnamed;
  // Drop parenthetical abbreviations: "The Danish Security and Intelligence Service (PET)".
  for (size_t i = np.a; i < np.b; ++i)
    if (s.toks[i].norm == "(") {
      np.b = i;
      break;
    }
  // "a Europol report on the threat from returnees": the document noun ends the name;
  // what follows it is the document's topic ("by X" and "from X" name its author, below).
  for (size_t i = np.a + 1; i + 1 < np.b; ++i) {
    const Token& next = s.toks[i + 1];
    if (next.cap || next.kind != TokKind::kWord || next.norm == "by" || next.norm == "from") continue;
    // (A capitalised one is part of a name: "the Centre for the Study of Radicalisation".)
    if (!s.toks[i].cap && Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, i, i + 1) &&
        AnyCap(s, {np.a, i})) {
      np.b = i + 1;
      break;
    }
  }
  const bool indefinite = np.a < np.b && (s.toks[np.a].norm == "a" || s.toks[np.a].norm == "an");
  np = Strip(s, np);
  if (np.a >= np.b || depth > 3) return none;
  // "a senior Iraqi judge", "a Western diplomat": an indefinite person or body names no one.
  // ("a Home Office report" is judged by "Office": document nouns at the end do not count.)
  size_t name_end = np.b;
  while (name_end - 1 > np.a && Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, name_end - 1, name_end))
    --name_end;
  if (indefinite && depth == 0 && !s.toks[name_end - 1].cap) {
    // Unless it holds an organisation's acronym ("a UN monitoring team") or "by X".
    bool keep = false;
    for (size_t i = np.a; i < np.b; ++i) keep |= s.toks[i].norm == "by" || s.toks[i].norm == "from" || IsAcronym(s, i);
    if (!keep) return none;
  }
  // Pronoun before the verb: "he wrote", "He adds".
  if (Has(r.attribution[static_cast<int>(AttrKind::kAnaphor)], s, np.b - 1, np.b) && np.b - np.a >= 1) {
    const NormWord& last = s.toks[np.b - 1].norm;
    if (last == "he" || last == "she" || last == "they" || last == "it") {
      AttrMention m = none;
      m.kind = Kind::kAnaphor;
      return m;
    }
  }
  // "a report by X", "an updated count by ICSR researchers"
  for (size_t i = np.b; i-- > np.a;) {
    if (s.toks[i].norm == "by" || (s.toks[i].norm == "from" && i > np.a &&
                                   Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, i - 1, i))) {
      return Name(s, {i + 1, np.b}, pos, r, geo, depth + 1);
    }
  }
  // "researchers at X"
  if (np.b - np.a > 2 && Has(r.attribution[static_cast<int>(AttrKind::kUnnamed)], s, np.a, np.b) &&
      (s.toks[np.a + 1].norm == "at" || s.toks[np.a + 1].norm == "from" || s.toks[np.a + 1].norm == "with")) {
    return Name(s, {np.a + 2, np.b}, pos, r, geo, depth + 1);
  }
  // "officials in Brussels", "Kurdish officials", "aid groups"
  if (Has(r.attribution[static_cast<int>(AttrKind::kUnnamed)], s, np.a, np.b)) return none;
  // The same dataset, the report, the agency, the New York-based group.
  {
    size_t a = np.a;
    while (a < np.b && (s.toks[a].norm.size() > 6 && s.toks[a].norm.ends_with("-based"))) ++a;
    size_t mend = 0;
    if (a < np.b && Has(r.attribution[static_cast<int>(AttrKind::kAnaphor)], s, a, np.b, &mend) && mend == np.b) {
      AttrMention m = none;
      bool the = np.a > 0 && (s.toks[np.a - 1].norm == "the");
      bool report_only = Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, a, np.b);
      m.kind = (the || !report_only) ? Kind::kAnaphor : Kind::kUnnamed;
      // "the report", "the study", "the same dataset" name nothing new.
      if (report_only && np.a > 0 && s.toks[np.a - 1].norm == "same") m.kind = Kind::kUnnamed;
      return m;
    }
  }
  // Possessives.
  for (size_t i = np.a; i < np.b; ++i) {
    if (s.toks[i].norm != "'s") continue;
    Np x = Strip(s, {np.a, i});
    Np y{i + 1, np.b};
    if (x.a >= x.b || y.a >= y.b) break;
    std::string xs(s.Text(x.a, x.b));
    bool country = geo.FindCountry(xs) != nullptr;
    bool y_cap = s.toks[y.a].cap && !Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, y.a, y.b);
    if (y_cap) {
      // "EU's Radicalisation Awareness Network", "Morocco's Central Bureau of …"
      Np yy = y;
      // Cut trailing report nouns: "Soufan Center's tally" handled below.
      return Named(s, yy, pos);
    }
    if (country) return Named(s, {x.a, np.b}, pos);  // "Austria's interior ministry"
    // "the federal prosecutor's office": an institution's office is the institution's name.
    {
      size_t xend = 0;
      bool x_inst = Has(r.attribution[static_cast<int>(AttrKind::kInstitution)], s, x.a, x.b, &xend) && xend == x.b;
      bool y_body = y.b - y.a == 1 && IsWordIn(s.toks[y.a].norm, {"office", "department", "service", "bureau"});
      if (x_inst && y_body) return Named(s, {x.a, np.b}, pos);
    }
    return Name(s, x, pos, r, geo, depth + 1);  // "Soufan Center's tally", "ASIO's director-general"
  }
  // Titles: "Interior Minister Hedi Majdoub", "EU counter-terrorism coordinator Gilles de Kerchove".
  // Likewise a descriptor before a name: "U.S. think tank The Soufan Center".
  for (size_t i = np.b; i-- > np.a;) {
    size_t after = i + 1;
    bool title = Has(r.attribution[static_cast<int>(AttrKind::kTitle)], s, i, i + 1);
    if (!title && i > np.a && Has(r.attribution[static_cast<int>(AttrKind::kUnnamed)], s, i - 1, i + 1)) title = true;
    if (!title && Has(r.attribution[static_cast<int>(AttrKind::kUnnamed)], s, i, i + 1)) title = true;
    if (!title || after >= np.b) continue;
    // "the head of the Norwegian police security service": the office holder speaks for the body.
    // ("Director of Public Prosecutions", with no article, is itself the name.)
    if (s.toks[after].norm == "of" && after + 2 < np.b && s.toks[after + 1].norm == "the")
      return Name(s, {after + 1, np.b}, pos, r, geo, depth + 1);
    if (!s.toks[after].cap) continue;
    // "General Intelligence and Security Service", "Director of Public Prosecutions": a title word
    // inside a body's name, whose lower-case joining words no person's name has.
    bool body = false;
    for (size_t k = after; k < np.b; ++k)
      body |= IsWordIn(s.toks[k].norm, {"and", "for", "of", "on"}) && !s.toks[k].cap;
    if (body && i == np.a) return Named(s, np, pos);
    if (!body) return Named(s, Strip(s, {after, np.b}), pos);
  }
  // Trailing document nouns: "Home Office figures", "the ICSR data", "court records".
  {
    size_t b = np.b;
    // ("Center for Terror Analysis": a capitalised document noun after a capitalised word is part
    // of the name.)
    while (b > np.a && Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, b - 1, b) &&
           !(s.toks[b - 1].cap && b - 1 > np.a && (s.toks[b - 2].cap || s.toks[b - 2].norm == "for")))
      --b;
    if (b < np.b) {
      Np rest = Strip(s, {np.a, b});
      // "government figures", "police data": a body named by its function.
      size_t iend = 0;
      if (rest.a < rest.b && Has(r.attribution[static_cast<int>(AttrKind::kInstitution)], s, rest.a, rest.b, &iend) &&
          iend == rest.b)
        return Named(s, rest, pos);
      // Keep only the capitalised run at the end ("policy paper on Balkan travellers" is no name).
      if (rest.a >= rest.b || !AnyCap(s, rest)) return none;
      return Name(s, rest, pos, r, geo, depth + 1);
    }
    // "a 2021 policy paper on Balkan travellers": a document noun inside.
    for (size_t i = np.a; i < np.b; ++i)
      if (Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, i, i + 1) && !AnyCap(s, {np.a, i + 1}))
        return none;
  }
  // Unnamed head with an acronym: "ICSR researchers".
  if (np.b - np.a >= 2 && Has(r.attribution[static_cast<int>(AttrKind::kUnnamed)], s, np.b - 1, np.b)) {
    for (size_t i = np.a; i < np.b - 1; ++i)
      if (IsAcronym(s, i)) return Named(s, {i, np.b - 1}, pos);
    return none;
  }
  // Institutions: "the foreign ministry", "Spanish police", "French intelligence services".
  for (size_t i = np.a; i < np.b; ++i) {
    size_t mend = 0;
    if (Has(r.attribution[static_cast<int>(AttrKind::kInstitution)], s, i, np.b, &mend) && mend == np.b) {
      const NormWord& head = s.toks[np.b - 1].norm;
      bool always = head == "ministry" || head == "police" || head == "office";
      if (always || AnyCap(s, {np.a, i})) return Named(s, np, pos);
      return none;
    }
  }
  if (AnyCap(s, np)) {
    // From the first capitalised word.
    size_t a = np.a;
    while (a < np.b && (!s.toks[a].cap || IsDeterminer(s.toks[a].norm))) ++a;
    if (a == np.b) return none;
    // A lone demonym or country is not a source ("Georgian").
    return Named(s, {a, np.b}, pos);
  }
  return none;
}

bool IsBoundary(const Sentence& s, size_t i) {
  const NormWord& w = s.toks[i].norm;
  // "and" inside a name: "Forum for Economic and Social Rights".
  if (w == "and" && i > 0 && i + 1 < s.toks.size() && s.toks[i - 1].cap && s.toks[i + 1].cap) return false;
  return w == "," || w == ";" || w == ":" || w == "that" || w == "while" || w == "whereas" || w == "and" ||
         w == "but" || (w == "-" && s.toks[i].space_before) || s.num_at[i] >= 0 || w == "." || w == "\"";
}

// The source after a verb that opens its clause ("…, said the ministry"): it must start as a
// name does — an article, an acronym, or two capitalised words — so that "said Thursday", "said
// on Monday" and "said 300 people" name no one. Unnamed sources are not returned: they would
// only reset the paragraph's source.
AttrMention InvertedSource(const Sentence& s, size_t verb, size_t after, const RuleSet& r, const Gazetteer& geo) {
  AttrMention none;
  none.pos = verb;
  const size_t n = s.toks.size();
  if (!Has(r.attribution[static_cast<int>(AttrKind::kInverted)], s, verb, after)) return none;
  if (verb == 0 || !(s.toks[verb - 1].norm == "," || s.toks[verb - 1].norm == "\"")) return none;
  size_t b = after;
  while (b < n && !IsBoundary(s, b) && !Has(r.attribution[static_cast<int>(AttrKind::kStop)], s, b, n)) ++b;
  if (b == after) return none;
  const Token& t0 = s.toks[after];
  const bool article = t0.norm == "the" || t0.norm == "a" || t0.norm == "an";
  const bool two_caps = after + 1 < b && t0.cap && s.toks[after + 1].cap;
  if (!article && !two_caps && !IsAcronym(s, after)) return none;
  AttrMention m = Name(s, {after, b}, verb, r, geo);
  return m.kind == Kind::kUnnamed ? none : m;
}

// A line in title case ("Tunisia Claims 1,000 Recruits Have Returned"): most of its words are
// capitalised, so a capital no longer tells a name from a verb.
bool TitleCase(const Sentence& s) {
  size_t words = 0, caps = 0;
  for (const Token& t : s.toks) {
    if (t.kind != TokKind::kWord || t.norm.size() < 4) continue;  // "of", "the", "in" stay lower
    ++words;
    caps += t.cap;
  }
  return words >= 3 && caps * 4 >= words * 3;
}

}  // namespace

std::vector<AttrMention> FindAttributions(const Sentence& s, const RuleSet& r, const Gazetteer& geo) {
  std::vector<AttrMention> out;
  const size_t n = s.toks.size();
  const bool title_case = TitleCase(s);
  const auto& verbs = r.attribution[static_cast<int>(AttrKind::kVerb)];
  const auto& preps = r.attribution[static_cast<int>(AttrKind::kPrep)];
  for (size_t i = 0; i < n; ++i) {
    if (s.num_at[i] >= 0) continue;
    size_t mend = 0;
    // "according to X", "estimates from X"
    if (Has(preps, s, i, n, &mend) && s.toks[i].norm != "by") {
      size_t b = mend;
      while (b < n && s.toks[b].norm != "," && s.toks[b].norm != "." && s.toks[b].norm != ";" &&
             !(s.toks[b].norm == "-" && s.toks[b].space_before) && s.num_at[b] < 0 && s.toks[b].norm != "that" &&
             !Has(r.attribution[static_cast<int>(AttrKind::kStop)], s, b, n))
        ++b;
      AttrMention m = Name(s, {mend, b}, i, r, geo);
      out.push_back(m);
      i = b > i ? b - 1 : i;
      continue;
    }
    // "a report by X … says" is handled by the verb; "X figures put" likewise.
    if (Has(verbs, s, i, n, &mend)) {
      // "the United States" is no verb, unless the whole line is in title case.
      if (i == 0 || (s.toks[i].cap && !title_case)) continue;
      const NormWord& prev = s.toks[i - 1].norm;
      if (prev == "are" || prev == "is" || prev == "were" || prev == "was" || prev == "be" || prev == "been" ||
          prev == "to" || prev == "an" || prev == "the" || prev == "of" || prev == "being")
        continue;
      size_t a = i;
      while (a > 0 && !IsBoundary(s, a - 1)) --a;
      if (a == i && i >= 2 && s.toks[i - 1].norm == ",") {
        // "PET, the Danish intelligence service, estimates": the name before the appositive.
        size_t c2 = i - 1, c1 = c2;
        while (c1 > 0 && s.toks[c1 - 1].norm != "," && !IsBoundary(s, c1 - 1)) --c1;
        // "Sweden's security service, Säpo, says": the appositive is the name.
        if (c1 > 0 && s.toks[c1 - 1].norm == "," && c1 < c2 && c2 - c1 <= 4 && s.toks[c1].cap &&
            !IsWordIn(s.toks[c1].norm, {"the", "a", "an"})) {
          AttrMention m = Name(s, {c1, c2}, i, r, geo);
          if (m.kind == Kind::kNamed) {
            out.push_back(m);
            continue;
          }
        }
        if (c1 > 0 && s.toks[c1 - 1].norm == "," && c1 < c2 && IsWordIn(s.toks[c1].norm, {"the", "a", "an"})) {
          size_t xa = c1 - 1;
          while (xa > 0 && !IsBoundary(s, xa - 1)) --xa;
          if (xa < c1 - 1) {
            AttrMention m = Name(s, {xa, c1 - 1}, i, r, geo);
            if (m.kind == Kind::kNamed) {
              out.push_back(m);
              continue;
            }
          }
        }
      }
      if (a == i) {
        // "…, said Security Minister Jan Novak", "…," said the study": the source follows.
        if (AttrMention m = InvertedSource(s, i, mend, r, geo); m.kind != Kind::kUnnamed) out.push_back(m);
        continue;
      }
      // An appositive repeating a source just named: "Estimates from the AIVD, the Dutch
      // intelligence service, suggest".
      if (a > 0 && s.toks[a - 1].norm == "," && !out.empty() && out.back().pos < a && out.back().kind == Kind::kNamed) {
        bool adjacent = true;
        for (size_t k = out.back().pos; k + 1 < a; ++k)
          if (s.num_at[k] >= 0) adjacent = false;
        if (adjacent) continue;
      }
      // Only noun phrases that end in a noun-like word (not "which took", "who went").
      const NormWord& last = s.toks[i - 1].norm;
      if (last == "who" || last == "which") continue;
      // A subject holds no reporting verb of its own: in "Trump urged European states to …" the
      // noun "states" has no subject before it.
      bool inner_verb = false;
      for (size_t k = a; k < i; ++k) inner_verb |= !s.toks[k].cap && Has(verbs, s, k, k + 1);
      if (inner_verb) continue;
      AttrMention m = Name(s, {a, i}, i, r, geo);
      out.push_back(m);
      continue;
    }
    // "X's tally shows" is caught by the verb; "a report by X" without a verb:
    if (s.toks[i].norm == "by" && i > 0 && Has(r.attribution[static_cast<int>(AttrKind::kReport)], s, i - 1, i)) {
      size_t b = i + 1;
      while (b < n && !IsBoundary(s, b)) ++b;
      // Unless a verb follows, which names the same source.
      bool later_verb = false;
      for (size_t k = i + 1; k < std::min(n, b + 2); ++k)
        if (Has(verbs, s, k, n)) later_verb = true;
      if (!later_verb) out.push_back(Name(s, {i + 1, b}, i, r, geo));
    }
  }
  return out;
}

namespace {

std::string SourceBeforeColon(const Sentence& s, size_t colon, const RuleSet& r) {
  std::string_view head = s.Text(0, colon);
  if (head.size() > 60 || head.find('.') != std::string_view::npos) return "";
  if (!(head[0] >= 'A' && head[0] <= 'Z')) return "";
  if (colon > 6) return "";  // tokens: at most six words
  for (size_t i = 0; i < colon; ++i)
    if (s.num_at[i] >= 0) return "";
  for (const Cue& c : s.cues)
    if (c.tb < colon) return "";
  // People counted are the headline's subject, not its source ("Dutch fighters: 300 left").
  for (size_t i = 0; i < colon; ++i)
    if (r.persons.Match(s.toks, i, colon)) return "";
  return std::string(head);
}

std::string SourceAfterColon(const Sentence& s, size_t colon, const RuleSet& r, const Gazetteer& geo) {
  size_t b = s.toks.size();
  while (b > colon + 1 && s.toks[b - 1].kind == TokKind::kPunct) --b;  // a closing quote or bracket
  if (b == colon + 1 || b - colon - 1 > 5) return "";
  for (size_t i = colon + 1; i < b; ++i)
    if (s.num_at[i] >= 0 || Has(r.attribution[static_cast<int>(AttrKind::kVerb)], s, i, b)) return "";
  AttrMention m = Name(s, {colon + 1, b}, colon, r, geo);
  return m.kind == Kind::kNamed ? m.name : "";
}

}  // namespace

std::string HeadlineSource(const Sentence& s, bool title, const RuleSet& r, const Gazetteer& geo) {
  const size_t n = s.toks.size();
  size_t first = n, last = n;
  for (size_t i = 0; i < n; ++i)
    if (s.toks[i].norm == ":") {
      if (first == n) first = i;
      last = i;
    }
  if (first == n || first == 0) return "";
  std::string before = SourceBeforeColon(s, first, r);
  return before.empty() && title ? SourceAfterColon(s, last, r, geo) : before;
}

}  // namespace ftf::extract
