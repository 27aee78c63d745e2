#include "extract/claim_features.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "extract/category_cues.h"

namespace ftf::extract {
namespace {

// Coarse buckets: a feature for every exact length would let the table memorise sentences.
const char* Bucket(size_t v, std::initializer_list<std::pair<size_t, const char*>> upper, const char* above) {
  for (const auto& [limit, name] : upper)
    if (v <= limit) return name;
  return above;
}

// Tokens between the figure [b, e) and the nearest category word, and whether a clause
// boundary (";", ":", "while", "but" … or a spaced dash) lies between them.
void NearestCue(const Sentence& s, size_t k, int* distance, bool* same_clause) {
  const NumExpr& e = s.nums[k];
  *distance = -1;
  *same_clause = false;
  for (const Cue& c : s.cues) {
    size_t from, to;  // the tokens between figure and cue
    if (c.tb >= e.end)
      from = e.end, to = c.tb;
    else if (c.te <= e.begin)
      from = c.te, to = e.begin;
    else
      from = to = e.begin;  // the cue surrounds or overlaps the figure ("brought 84 … home")
    const int d = static_cast<int>(to - from);
    if (*distance >= 0 && d >= *distance) continue;
    *distance = d;
    bool boundary = false;
    for (size_t i = from; i < to; ++i) boundary |= s.hard[i] != 0;
    *same_clause = !boundary;
  }
}

const char* ScopeKind(const std::string& scope) {
  if (scope == "World") return "world";
  const bool iso3 = scope.size() == 3 && std::all_of(scope.begin(), scope.end(), [](char ch) {
                      return std::isupper(static_cast<unsigned char>(ch)) != 0;
                    });
  return iso3 ? "country" : "region";
}

// The size of the figure, in powers of ten (a share has none: unit=share says it).
const char* Magnitude(const Claim& c) {
  const double v = c.best ? *c.best : c.low ? *c.low : c.high ? *c.high : 0;
  if (v < 10) return "1-9";
  if (v < 100) return "10-99";
  if (v < 1000) return "100-999";
  if (v < 10000) return "1000-9999";
  return "10000+";
}

}  // namespace

std::string RuleFamily(std::string_view rule) {
  if (rule.empty()) return "none";
  const size_t a = rule.find(':');
  if (a == std::string_view::npos) return std::string(rule);
  std::string_view rest = rule.substr(a + 1);
  const size_t b = rest.find(':');
  rest = rest.substr(0, b);
  // Free-text reasons ("scope: a combined total …") keep their first word only.
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest.empty() ? "none" : std::string(rest.substr(0, rest.find(' ')));
}

ClaimEvidence SentenceEvidence(const Sentence& s, size_t k, const RuleSet& rules) {
  ClaimEvidence ev;
  const NumExpr& e = s.nums[k];
  const NumRole& role = s.roles[k];
  const std::string_view text = s.doc.substr(s.span.start, s.span.end - s.span.start);
  ev.short_line = text.size() < 60 && text.find('\n') == std::string_view::npos;
  std::string_view trimmed = text;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
  while (!trimmed.empty() && (trimmed.back() == '"' || trimmed.back() == '\'' || trimmed.back() == ')'))
    trimmed.remove_suffix(1);
  ev.no_stop = trimmed.empty() || (trimmed.back() != '.' && trimmed.back() != '!' && trimmed.back() != '?');
  ev.tokens = s.toks.size();
  ev.numbers = s.nums.size();
  for (const Place& p : s.places) {
    ev.places += !p.theatre;
    ev.theatre_named |= p.theatre;
  }
  ev.in_brackets = s.paren[e.begin] >= 0;
  ev.word_number = e.word_number;
  ev.part_of_base = role.base >= 0;
  ev.base = role.is_base;
  ev.aside = role.sub_of >= 0;
  ev.points_back = role.of_them;
  NearestCue(s, k, &ev.cue_distance, &ev.cue_same_clause);
  ev.fighters_noun = CountsFighters(s, k, rules);
  return ev;
}

std::vector<std::string> ClaimFeatures(const Claim& c, const ClaimEvidence& ev) {
  std::vector<std::string> f;
  f.reserve(32);
  auto add = [&](std::string_view family, std::string_view value) {
    std::string x(family);
    x += '=';
    x += value;
    f.push_back(std::move(x));
  };
  // The rules that decided, by family.
  add("topic_rule", RuleFamily(ev.topic_rule));
  add("category_rule", RuleFamily(ev.category_rule));
  add("scope_rule", RuleFamily(ev.scope_rule));
  add("subgroup_rule", RuleFamily(ev.subgroup_rule));
  add("attribution", c.attributed_to ? "named" : "none");
  // The claim itself.
  add("category", Name(c.category));
  add("subgroup", Name(c.subgroup));
  add("unit", Name(c.unit));
  add("qualifier", Name(c.qualifier));
  add("scope_kind", ScopeKind(c.scope));
  if (c.unit != Unit::kShare) add("magnitude", Magnitude(c));
  if (c.role != ClaimRole::kUnspecified) add("role", Name(c.role));
  // Where the scope came from: this sentence, or carried from before (with no place named at
  // all, scope_rule=no-place-named says it).
  const std::string scope_family = RuleFamily(ev.scope_rule);
  const bool carried =
      scope_family == "discourse" || scope_family == "story-country" || scope_family == "of-an-earlier-figure";
  if (scope_family != "no-place-named") add("scope_from", carried ? "carried" : "sentence");
  // The page.
  add("position", ev.paragraph == 0   ? (ev.headline ? "headline" : "first-paragraph")
                  : ev.paragraph <= 3 ? "paragraphs-2-4"
                                      : "later");
  // The sentence.
  if (ev.short_line) add("line", "short");
  if (ev.no_stop) add("line", "no-stop");
  add("sentence_tokens", Bucket(ev.tokens, {{8, "1-8"}, {20, "9-20"}, {40, "21-40"}}, "41+"));
  add("sentence_numbers", Bucket(ev.numbers, {{1, "1"}, {2, "2"}, {4, "3-4"}}, "5+"));
  add("sentence_places", Bucket(ev.places, {{0, "0"}, {1, "1"}}, "2+"));
  if (ev.theatre_named) add("theatre", "named");
  // The figure.
  if (ev.in_brackets) add("figure", "in-brackets");
  if (ev.word_number) add("figure", "in-words");
  if (ev.part_of_base) add("figure", "part-of-a-base");
  if (ev.base) add("figure", "base");
  if (ev.aside) add("figure", "aside");
  if (ev.points_back) add("figure", "points-back");
  if (ev.fighters_noun) add("figure", "fighters-noun");
  if (ev.scopes > 1) add("figure", "shared-by-places");
  add("cue_distance", ev.cue_distance < 0 ? "none"
                                          : Bucket(static_cast<size_t>(ev.cue_distance),
                                                   {{0, "0"}, {2, "1-2"}, {5, "3-5"}, {10, "6-10"}}, "11+"));
  if (ev.cue_distance >= 0) add("cue_clause", ev.cue_same_clause ? "same" : "other");
  return f;
}

}  // namespace ftf::extract
