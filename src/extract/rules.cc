#include "extract/rules.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/embedded_data.h"

namespace ftf::extract {
namespace {

struct Row {
  int line;
  std::vector<std::string> cells;
};

// Rows of a TSV file: '#' lines and the header (the first other line) skipped.
std::vector<Row> TsvRows(std::string_view text, bool header = true) {
  std::vector<Row> rows;
  int line = 0;
  bool seen_header = !header;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    if (!seen_header) {
      seen_header = true;
      continue;
    }
    Row r;
    r.line = line;
    size_t s = 0;
    while (true) {
      size_t t = l.find('\t', s);
      r.cells.emplace_back(l.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
      if (t == std::string_view::npos) break;
      s = t + 1;
    }
    rows.push_back(std::move(r));
    if (nl == text.size()) break;
  }
  return rows;
}

Status Bad(std::string_view file, int line, const std::string& msg) {
  return Status::InvalidArgument("data/rules/" + std::string(file) + ":" + std::to_string(line) + ": " + msg);
}

Result<double> Num(std::string_view file, const Row& r, size_t col) {
  if (col >= r.cells.size()) return Bad(file, r.line, "missing column " + std::to_string(col + 1));
  char* end = nullptr;
  std::string s = r.cells[col];
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') return Bad(file, r.line, "not a number: '" + s + "'");
  return v;
}

Status Need(std::string_view file, const Row& r, size_t n) {
  if (r.cells.size() < n) return Bad(file, r.line, "expected " + std::to_string(n) + " columns");
  return Status::OK();
}

}  // namespace

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out;
  for (Token& t : Tokenize(phrase, 0, phrase.size())) out.push_back(std::move(t.norm));
  return out;
}

Result<RuleSet> RuleSet::Load(const std::function<std::optional<std::string_view>(std::string_view)>& read) {
  RuleSet rs;
  auto get = [&](std::string_view name) -> Result<std::string_view> {
    auto t = read(name);
    if (!t) return Status::NotFound("data/rules/" + std::string(name) + " is missing");
    return *t;
  };
  {
    FTF_ASSIGN_OR_RETURN(std::string_view v, get("VERSION.txt"));
    for (const Row& r : TsvRows(v, false)) {
      if (!r.cells.empty() && !r.cells[0].empty()) {
        rs.version = r.cells[0];
        break;
      }
    }
    if (rs.version.empty()) return Bad("VERSION.txt", 1, "no version");
  }
  {
    const char* f = "number_words.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      FTF_ASSIGN_OR_RETURN(double v, Num(f, r, 1));
      NumberWord w;
      w.value = v;
      const std::string& k = r.cells[2];
      if (k == "unit") w.kind = NumberWord::Kind::kUnit;
      else if (k == "tens") w.kind = NumberWord::Kind::kTens;
      else if (k == "scale") w.kind = NumberWord::Kind::kScale;
      else if (k == "dozen") w.kind = NumberWord::Kind::kDozen;
      else return Bad(f, r.line, "unknown kind '" + k + "'");
      rs.number_words[r.cells[0]] = w;
    }
  }
  {
    const char* f = "hedges.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      auto q = ParseQualifier(r.cells[1]);
      if (!q) return Bad(f, r.line, "unknown qualifier '" + r.cells[1] + "'");
      rs.hedges.Add(PhraseWords(r.cells[0]), HedgeRule{*q, r.cells[2] == "post"});
    }
  }
  {
    const char* f = "vague.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      FTF_ASSIGN_OR_RETURN(double lo, Num(f, r, 1));
      FTF_ASSIGN_OR_RETURN(double hi, Num(f, r, 2));
      bool coded = r.cells.size() < 4 || r.cells[3] != "no";
      rs.vague.Add(PhraseWords(r.cells[0]), VagueRule{lo, hi, coded});
    }
  }
  {
    const char* f = "fractions.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      FTF_ASSIGN_OR_RETURN(double v, Num(f, r, 1));
      rs.fractions.Add(PhraseWords(r.cells[0]), v);
    }
  }
  {
    const char* f = "categories.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      auto c = ParseCategory(r.cells[1]);
      if (!c) return Bad(f, r.line, "unknown category '" + r.cells[1] + "'");
      CueRule cue{*c, CueRule::Where::kAny};
      if (r.cells[2] == "after") cue.where = CueRule::Where::kAfter;
      else if (r.cells[2] == "before") cue.where = CueRule::Where::kBefore;
      else if (r.cells[2] != "any") return Bad(f, r.line, "where must be any, after or before");
      rs.cues.Add(PhraseWords(r.cells[0]), cue);
    }
  }
  {
    const char* f = "category_precedence.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      auto c = ParseCategory(r.cells[0]);
      if (!c) return Bad(f, r.line, "unknown category '" + r.cells[0] + "'");
      FTF_ASSIGN_OR_RETURN(double v, Num(f, r, 1));
      rs.precedence[static_cast<int>(*c)] = static_cast<int>(v);
    }
  }
  {
    const char* f = "subgroups.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      auto s = ParseSubgroup(r.cells[1]);
      if (!s) return Bad(f, r.line, "unknown subgroup '" + r.cells[1] + "'");
      rs.subgroups.Add(PhraseWords(r.cells[0]), *s);
    }
  }
  {
    const char* f = "person_nouns.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      const std::string& k = r.cells[1];
      if (k != "ftf" && k != "person" && k != "other") return Bad(f, r.line, "unknown kind '" + k + "'");
      rs.persons.Add(PhraseWords(r.cells[0]),
                     k == "ftf" ? PersonKind::kFtf : k == "other" ? PersonKind::kOther : PersonKind::kPerson);
    }
  }
  {
    const char* f = "traps.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      const std::string& k = r.cells[1];
      int kind = k == "noun" ? 0 : k == "label" ? 1 : k == "before" ? 2 : k == "segment" ? 3 : k == "sentence" ? 4 : k == "time" ? 5 : k == "plan" ? 6 : k == "legal" ? 7 : -1;
      if (kind < 0) return Bad(f, r.line, "unknown trap kind '" + k + "'");
      rs.traps[kind].Add(PhraseWords(r.cells[0]), r.cells[2]);
    }
  }
  {
    const char* f = "trap_words.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    static const char* kSets[kTrapWordSets] = {"condition",   "age_aside",     "age_limit",  "plain_people",
                                               "camp",        "origin",        "kill_verb",  "kill_object",
                                               "condition_end", "count_noun", "count_link", "age_holder",
                                               "allegation", "return_word", "injury"};
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      int set = -1;
      for (int k = 0; k < kTrapWordSets; ++k)
        if (r.cells[1] == kSets[k]) set = k;
      if (set < 0) return Bad(f, r.line, "unknown set '" + r.cells[1] + "'");
      rs.trap_words[set].Add(PhraseWords(r.cells[0]), 1);
    }
  }
  {
    const char* f = "topic.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) rs.topic.Add(PhraseWords(r.cells[0]), 1);
  }
  {
    const char* f = "places.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 3));
      const std::string& k = r.cells[2];
      if (k == "alias") rs.place_aliases.Add(PhraseWords(r.cells[0]), r.cells[1]);
      else if (k == "rename") rs.renames[r.cells[0]] = r.cells[1];
      else if (k == "theatre") rs.theatre_scopes.insert(r.cells[1]);
      else if (k == "elsewhere") rs.other_theatres.insert(r.cells[1]);
      else return Bad(f, r.line, "unknown kind '" + k + "'");
    }
  }
  {
    const char* f = "attribution.tsv";
    FTF_ASSIGN_OR_RETURN(std::string_view t, get(f));
    static const char* kNames[kAttrKinds] = {"verb", "prep", "report", "unnamed", "anaphor", "institution", "title", "inverted", "stop"};
    for (const Row& r : TsvRows(t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      int kind = -1;
      for (int k = 0; k < kAttrKinds; ++k)
        if (r.cells[1] == kNames[k]) kind = k;
      if (kind < 0) return Bad(f, r.line, "unknown kind '" + r.cells[1] + "'");
      rs.attribution[kind].Add(PhraseWords(r.cells[0]), 1);
    }
  }
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("discourse.tsv"));
    for (const Row& r : TsvRows(t))
      if (!r.cells.empty() && !r.cells[0].empty()) rs.discourse_openers.Add(PhraseWords(r.cells[0]), 1);
  }
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("navigation.tsv"));
    for (const Row& r : TsvRows(t)) {
      if (r.cells.empty() || r.cells[0].empty()) continue;
      if (r.cells.size() < 2 || (r.cells[1] != "any" && r.cells[1] != "label"))
        return Bad("navigation.tsv", r.line, "use must be 'any' or 'label'");
      rs.navigation.push_back({r.cells[0], r.cells[1] == "label"});
    }
  }
  // The learned claim re-ranker (reranker.h): optional, an absent table re-ranks nothing.
  if (std::optional<std::string_view> t = read("reranker.tsv")) {
    const char* f = "reranker.tsv";
    for (const Row& r : TsvRows(*t)) {
      FTF_RETURN_IF_ERROR(Need(f, r, 2));
      FTF_ASSIGN_OR_RETURN(double w, Num(f, r, 1));
      if (!std::isfinite(w)) return Bad(f, r.line, "not a finite number");
      if (r.cells[0] == "(bias)") {
        rs.reranker.SetBias(w);
      } else if (r.cells[0] == "(threshold)") {
        if (w < 0 || w > 1) return Bad(f, r.line, "the threshold is a probability, from 0 to 1");
        rs.reranker.SetThreshold(w);
      } else if (r.cells[0].find('=') == std::string::npos) {
        return Bad(f, r.line, "a feature is family=value: '" + r.cells[0] + "'");
      } else {
        rs.reranker.SetWeight(r.cells[0], w);
      }
    }
  }
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("abbreviations.txt"));
    for (const Row& r : TsvRows(t, false))
      if (!r.cells.empty() && !r.cells[0].empty()) rs.abbreviations.insert(r.cells[0]);
  }
  // Pre-filter triggers: any word that can start a number expression, a cue or a topic word.
  auto flag = [&](const std::vector<std::string>& words, uint8_t bit) {
    for (const std::string& w : words) rs.triggers[w] |= bit;
  };
  for (const auto& [w, v] : rs.number_words) {
    rs.triggers[w] |= kTrigNumber;
    rs.number_word_index[w] = v;
  }
  flag(rs.vague.FirstWords(), kTrigNumber);
  flag(rs.fractions.FirstWords(), kTrigNumber);
  flag({"percent", "cent"}, kTrigNumber);
  // Cue phrases flag the pre-filter by their first word, or — when that word is a function word
  // ("in custody", "to Syria", "were fighting") — by their first two words, so that ordinary
  // sentences are not flagged by "in" or "to".
  std::vector<std::pair<std::string, std::string>> cue_pairs;
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("categories.tsv"));
    static const std::unordered_set<std::string> kFunction = {
        "in", "to", "were", "are", "is", "was", "have", "has", "had", "been", "be", "back", "still", "made",
        "make", "kept", "did", "moved", "lost", "source", "come", "came", "coming", "gone", "went", "answered",
        "became", "become"};
    for (const Row& row : TsvRows(t)) {
      std::vector<std::string> w = PhraseWords(row.cells[0]);
      if (w.empty()) continue;
      if (kFunction.count(w[0]) && w.size() >= 2 && w[1] != "*") cue_pairs.emplace_back(w[0], w[1]);
      else rs.triggers[w[0]] |= kTrigCue;
    }
  }
  // The frames of presence (frames.h: "there are still 40 women … in Syria", "… are present in
  // Iraq") name no cue word: their word pairs flag the sentence instead. The copula before "in"
  // ("4,000 Tunisians were in Syria", "thought to be in Iraq") flags it too: the frame itself
  // still needs the figure's own copula and a theatre place.
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"there", "are"}, {"there", "were"}, {"there", "remain"}, {"present", "in"},
           {"are", "in"}, {"were", "in"}, {"be", "in"}, {"are", "at"}, {"were", "at"}})
    cue_pairs.emplace_back(a, b);
  // Nouns that count fighters by themselves ("foreigners", "recruits"): a figure of them needs no verb.
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("person_nouns.tsv"));
    for (const Row& row : TsvRows(t)) {
      std::vector<std::string> w = PhraseWords(row.cells[0]);
      if (!w.empty() && row.cells.size() > 1 && row.cells[1] == "ftf") rs.triggers[w[0]] |= kTrigCue;
    }
  }
  {
    FTF_ASSIGN_OR_RETURN(std::string_view t, get("topic.tsv"));
    for (const Row& row : TsvRows(t)) {
      std::vector<std::string> w = PhraseWords(row.cells[0]);
      const std::string strength = row.cells.size() > 1 ? row.cells[1] : "name";
      if (strength != "name" && strength != "clue") return Bad("topic.tsv", row.line, "unknown strength '" + strength + "'");
      const uint8_t f = strength == "clue" ? kTrigTopicClue : kTrigTopic;
      if (w.size() == 1) rs.triggers[w[0]] |= f;
      else if (w.size() == 2) rs.topic_bigrams[w[0] + " " + w[1]] |= f;
      else return Bad("topic.tsv", row.line, "topic phrases have one or two words");
    }
  }
  // "a dozen", "a handful" start with "a": the second word carries the flag instead.
  // ("a dozen", "a handful", "the remaining third": the second word carries the flag.)
  rs.triggers.erase("a");
  rs.triggers.erase("the");
  flag({"few", "handful", "dozen", "dozens", "quarter", "third", "half", "fifth", "tenth", "remaining"}, kTrigNumber);
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  for (const auto& [w, f] : rs.triggers) entries.push_back({TriggerIndex::Hash(w), f});
  for (const auto& [bg, f] : rs.topic_bigrams) {
    size_t sp = bg.find(' ');
    entries.push_back({TriggerIndex::Pair(TriggerIndex::Hash(bg.substr(0, sp)), TriggerIndex::Hash(bg.substr(sp + 1))), f});
    entries.push_back({TriggerIndex::Hash(bg.substr(0, sp)), static_cast<uint8_t>(kTrigPairHead)});
  }
  for (const auto& [a, b] : cue_pairs) {
    entries.push_back({TriggerIndex::Pair(TriggerIndex::Hash(a), TriggerIndex::Hash(b)), static_cast<uint8_t>(kTrigCue)});
    entries.push_back({TriggerIndex::Hash(a), static_cast<uint8_t>(kTrigPairHead)});
  }
  rs.trigger_index.Build(entries);
  return rs;
}

bool RuleSet::IsNavigation(std::string_view p) const {
  // Skip a bullet or other non-letter lead-in.
  size_t i = 0;
  while (i < p.size() && i < 8 && !((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')) ++i;
  auto letter = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  for (const NavOpener& nav : navigation) {
    const std::string& phrase = nav.phrase;
    if (p.size() - i < phrase.size()) continue;
    bool eq = true, caps = true;
    for (size_t k = 0; k < phrase.size() && eq; ++k) {
      eq = (static_cast<char>(p[i + k] | 0x20)) == phrase[k] || (phrase[k] == ' ' && p[i + k] == ' ');
      if (letter(p[i + k]) && !(p[i + k] >= 'A' && p[i + k] <= 'Z')) caps = false;
    }
    if (!eq) continue;
    size_t after = i + phrase.size();
    if (after < p.size() && letter(p[after])) continue;
    if (!nav.label_only || caps) return true;
    // As a label: a separator or the end of the line follows.
    size_t a = after;
    while (a < p.size() && p[a] == ' ') ++a;
    if (a == p.size() || p[a] == '\n' || p[a] == '\r' || p[a] == ':' || p[a] == '|' || p[a] == '-' || p[a] == '>') return true;
    std::string_view rest = p.substr(a);
    if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xC2\xBB")) return true;  // – — »
  }
  return false;
}

void TriggerIndex::Build(const std::vector<std::pair<uint64_t, uint8_t>>& entries) {
  size_t cap = 16;
  while (cap < entries.size() * 4) cap *= 2;
  keys_.assign(cap, 0);
  flags_.assign(cap, 0);
  mask_ = cap - 1;
  for (const auto& [h0, f] : entries) {
    uint64_t h = h0 == 0 ? 1 : h0;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == h || keys_[i] == 0) {
        keys_[i] = h;
        flags_[i] |= f;
        break;
      }
    }
  }
}

const RuleSet& RuleSet::Bundled() {
  static const RuleSet* rules = [] {
    auto r = Load([](std::string_view name) { return embedded::Find("data/rules/" + std::string(name)); });
    if (!r.ok()) {
      std::fprintf(stderr, "ftfwatch: bundled extraction rules are broken: %s\n", r.status().message().c_str());
      std::abort();
    }
    return new RuleSet(std::move(r).value());
  }();
  return *rules;
}

}  // namespace ftf::extract
