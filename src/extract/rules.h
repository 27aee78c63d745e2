// Rules: the extractor's lexicons and patterns, loaded from the data tables in data/rules/
// (compiled into the binary; see data/rules/README.md). Nothing the extractor knows about
// English words lives in code: the code holds the grammar, the tables hold the words.
// Immutable after loading; safe to share between threads.
#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/reranker.h"
#include "extract/tokenizer.h"
#include "extract/word_map.h"
#include "ftfwatch/claim.h"
#include "ftfwatch/status.h"

namespace ftf::extract {

// Phrases (sequences of lower-case words, "*" = a gap of zero to five tokens) mapped to
// values, matched longest-first against tokens. Phrases are grouped by their first word in a
// WordMap, found by the token's hash, so a token that starts no phrase costs one probe; later
// words are compared by hash before their text.
template <typename T>
class PhraseTable {
 public:
  void Add(const std::vector<std::string>& words, T value) {
    if (words.empty()) return;
    Entry e{words, {}, std::move(value)};
    for (const std::string& w : words) e.hashes.push_back(WordHash(w));
    auto& bucket = by_first_[words[0]];
    bucket.push_back(std::move(e));
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
  }
  // The longest entry matching toks[i, limit): its value and the index one past the last
  // matched token, or nullopt.
  std::optional<std::pair<const T*, size_t>> Match(const std::vector<Token>& toks, size_t i, size_t limit) const {
    if (i >= limit) return std::nullopt;
    const std::vector<Entry>* bucket = by_first_.Find(toks[i].norm, toks[i].hash);
    if (!bucket) return std::nullopt;
    const T* best = nullptr;
    size_t best_end = 0, best_len = 0;
    for (const Entry& e : *bucket) {
      size_t end = 0;
      if (MatchFrom(e, 0, toks, i, limit, &end) && (best == nullptr || e.words.size() > best_len)) {
        best = &e.value;
        best_end = end;
        best_len = e.words.size();
      }
    }
    if (!best) return std::nullopt;
    return std::make_pair(best, best_end);
  }
  bool Contains(std::string_view word) const { return by_first_.Find(word) != nullptr; }
  // First words of all phrases (for the pre-filter).
  std::vector<std::string> FirstWords() const {
    std::vector<std::string> out;
    for (const auto& e : by_first_.entries()) out.push_back(e.word);
    return out;
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    std::vector<uint64_t> hashes;  // WordHash of each word
    T value;
  };
  static bool MatchFrom(const Entry& e, size_t wi, const std::vector<Token>& toks, size_t ti, size_t limit,
                        size_t* end) {
    const std::vector<std::string>& w = e.words;
    if (wi == w.size()) {
      *end = ti;
      return true;
    }
    if (w[wi] == "*") {
      for (size_t gap = 0; gap <= 5 && ti + gap <= limit; ++gap) {
        if (MatchFrom(e, wi + 1, toks, ti + gap, limit, end)) return true;
      }
      return false;
    }
    if (ti >= limit || toks[ti].hash != e.hashes[wi] || toks[ti].norm != w[wi]) return false;
    return MatchFrom(e, wi + 1, toks, ti + 1, limit, end);
  }
  WordMap<std::vector<Entry>> by_first_;  // phrases by first word, longest first
};

struct NumberWord {
  enum class Kind { kUnit, kTens, kScale, kDozen };
  double value = 0;
  Kind kind = Kind::kUnit;
};
struct HedgeRule {
  Qualifier qualifier = Qualifier::kApprox;
  bool post = false;  // follows the number ("or so")
};
struct VagueRule {
  double low = 0, high = 0;
  bool coded = true;  // false: the guide gives it no interval ("scores"), so it is never a claim
};
struct CueRule {
  enum class Where { kAny, kAfter, kBefore };
  Category category = Category::kDeparted;
  Where where = Where::kAny;
};
enum class TrapKind { kNoun, kLabel, kBefore, kSegment, kSentence, kTime, kPlan, kLegal };
inline constexpr int kTrapKinds = 8;
// Word sets of the trap grammar (data/rules/trap_words.tsv, column `set`): each names the part
// its words play in one trap rule of the claim extractor.
enum class TrapWord {
  kCondition,    // "if", "unless": opens a conditional clause (a figure in it is a hypothesis)
  kAgeAside,     // "then", "now": ", then 16," is an age
  kAgeLimit,     // "under", "over": "under 18" with no counted noun is an age limit
  kPlainPeople,  // "people", "residents": people of no stated origin (camp totals)
  kCamp,         // "camps", "al-hol": the sentence speaks of a camp
  kOrigin,       // "foreign", "nationals": people with an origin, not a camp's total
  kKillVerb,     // "killed", "shot": with an object, the figure counts attackers
  kKillObject,   // "people", "civilians": the object of a kill verb
  kConditionEnd,  // "then", "said": a conditional clause without its comma ends here
  kCountNoun,     // "number", "total": a clause whose subject counts makes "under 20" an amount
  kCountLink,     // "to", "totals": "fell to under 20" is an amount, not an age
  kAgeHolder,     // "them", "those": "those under 18" is an age limit whatever the clause counts
  kAllegation,    // "suspected of": a category cue after it is alleged, not stated
  kReturnWord,    // "returned", "back": "returned to Libya" is a home, "back from Libya" a theatre
  kInjury,        // "injured", "wounded": "70 were killed and 240 injured" counts an event's casualties
};
inline constexpr int kTrapWordSets = 15;
// How a noun counts people: as fighters ("recruits"), as people of any kind ("citizens"), or as
// people of an ordinary walk of life ("tourists", "students") that a text about fighters only
// counts when the sentence itself names the topic ("nine medical students travelled to Syria").
enum class PersonKind { kFtf, kPerson, kOther };
enum class AttrKind { kVerb, kPrep, kReport, kUnnamed, kAnaphor, kInstitution, kTitle, kInverted, kStop };
inline constexpr int kAttrKinds = 9;

// Flags of words for the cheap pre-filter (see Prefilter in claim_extractor.h).
enum TriggerFlag : uint8_t {
  kTrigNumber = 1,
  kTrigCue = 2,
  kTrigTopic = 4,
  // In the index only, never in a scan's result: the word starts a two-word phrase, so the scan
  // looks the pair up only after such a word (one probe per word instead of two).
  kTrigPairHead = 8,
  // A clue of the topic that ordinary news shares ("who left", "who joined": topic.tsv rows of
  // strength `clue`): it lets a paragraph be read, but does not count as the sentence naming
  // fighters where a rule asks for that (tourists, students: person_nouns.tsv `other`).
  kTrigTopicClue = 16,
};
inline constexpr uint8_t kTrigAnyTopic = kTrigTopic | kTrigTopicClue;

// Word hashes -> TriggerFlag bits: an open-addressing table for the pre-filter, so scanning a
// word costs one hash and one probe, with no allocation.
class TriggerIndex {
 public:
  // WordHash of the lower-case word (so a scan builds it byte by byte with Step); `Pair`
  // combines two word hashes for two-word phrases.
  static uint64_t Hash(std::string_view lower_word) { return WordHash(lower_word); }
  static uint64_t Step(uint64_t h, unsigned char c) { return WordHashStep(h, c); }
  static uint64_t Pair(uint64_t a, uint64_t b) { return (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull); }
  void Build(const std::vector<std::pair<uint64_t, uint8_t>>& entries);
  uint8_t Find(uint64_t h) const {
    if (keys_.empty()) return 0;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == h) return flags_[i];
      if (keys_[i] == 0) return 0;
    }
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint8_t> flags_;
  size_t mask_ = 0;
};

struct RuleSet {
  std::string version;  // data/rules/VERSION.txt; claims record "extractor/<version>"

  std::unordered_map<std::string, NumberWord> number_words;
  WordMap<NumberWord> number_word_index;  // number_words, found by token hash (number grammar)
  PhraseTable<HedgeRule> hedges;
  PhraseTable<VagueRule> vague;
  PhraseTable<double> fractions;
  PhraseTable<CueRule> cues;
  std::array<int, kCategoryCount> precedence{};
  PhraseTable<Subgroup> subgroups;
  PhraseTable<PersonKind> persons;
  std::array<PhraseTable<std::string>, kTrapKinds> traps;  // value: the reason
  std::array<PhraseTable<int>, kTrapWordSets> trap_words;  // trap_words.tsv, by TrapWord
  PhraseTable<int> topic;
  PhraseTable<std::string> place_aliases;                  // extra names -> scope
  std::unordered_map<std::string, std::string> renames;    // gazetteer scope -> claim scope
  std::unordered_set<std::string> theatre_scopes;          // never a scope of origin
  std::unordered_set<std::string> other_theatres;          // theatres of other wars (AFG, SOM, …)
  std::array<PhraseTable<int>, kAttrKinds> attribution;
  std::unordered_set<std::string> abbreviations;           // as written, without the stop
  PhraseTable<int> discourse_openers;                      // "of these", "another", "the rest"
  struct NavOpener {
    std::string phrase;  // lower case
    bool label_only;     // ordinary English too: furniture only as a label ("Watch: …", "WATCH …")
  };
  std::vector<NavOpener> navigation;                       // openers of page furniture lines
  Reranker reranker;  // reranker.tsv: the learned claim re-ranker; empty when the table is absent

  // True when a phrase of word set `set` (trap_words.tsv) starts at toks[i] and ends by `limit`.
  bool IsTrapWord(TrapWord set, const std::vector<Token>& toks, size_t i, size_t limit) const {
    return trap_words[static_cast<int>(set)].Match(toks, i, limit).has_value();
  }

  // True when a paragraph opens with a navigation phrase ("Read more: …"): page furniture.
  bool IsNavigation(std::string_view paragraph) const;

  // Lower-case single words -> TriggerFlag bits, for the pre-filter.
  std::unordered_map<std::string, uint8_t> triggers;
  // Two-word topic phrases ("islamic state", "taken back"), checked as word pairs: their first
  // words alone are too common to flag.
  std::unordered_map<std::string, uint8_t> topic_bigrams;  // "islamic state" -> kTrigTopic, "who left" -> kTrigTopicClue
  TriggerIndex trigger_index;  // triggers and topic_bigrams (as TriggerIndex::Pair) by hash

  // "extractor/1.0.0"
  std::string Origin() const { return "extractor/" + version; }

  // The bundled rules (data/rules/ compiled into the binary), loaded once; aborts with a
  // message if the bundled tables are malformed (a build defect, caught by the tests).
  static const RuleSet& Bundled();
  // Loads rules through `read` (a file name under data/rules/ -> its text). Errors name the
  // file and line.
  static Result<RuleSet> Load(const std::function<std::optional<std::string_view>(std::string_view)>& read);
};

// Words of a phrase as the tokenizer normalises them ("caliphate's call" -> caliphate 's call).
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace ftf::extract
