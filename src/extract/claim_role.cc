#include "extract/claim_role.h"

#include <initializer_list>
#include <string_view>

namespace ftf::extract {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (w == x) return true;
  return false;
}

// "the remaining 300", "the other 40", "the rest, 120,": the figure is what is left of another.
bool Remainder(const Sentence& s, const NumExpr& e) {
  for (size_t i = e.begin, n = 0; i-- > 0 && n < 2; ++n)
    if (OneOf(s.toks[i].norm, {"remaining", "other", "rest"})) return true;
  return false;
}

// A sum word within three tokens before the figure ("a total of", "totalling", "combined"), two
// after it ("5,600 total"), or later in the figure's clause before any other figure ("5,600
// fighters have returned in total", "… altogether", "… combined").
bool IsSumWord(std::string_view w) {
  return OneOf(w, {"total", "totals", "totalling", "totaling", "totalled", "totaled", "altogether", "combined"});
}

bool IntroducedAsSum(const Sentence& s, const NumExpr& e) {
  for (size_t i = e.begin, n = 0; i-- > 0 && n < 3; ++n) {
    if (s.hard[i]) break;
    if (IsSumWord(s.toks[i].norm)) return true;
  }
  for (size_t i = e.end; i < s.toks.size(); ++i) {
    if (s.hard[i] || s.num_at[i] >= 0) break;
    const NormWord& w = s.toks[i].norm;
    if (i < e.end + 2 && IsSumWord(w)) return true;
    if (w == "altogether" || w == "combined" || (w == "total" && i > 0 && s.toks[i - 1].norm == "in")) return true;
  }
  return false;
}

// The figure follows its place with nothing but punctuation between ("Belgium (around 500)",
// "France: 1,910", "Germany 960"), in a sentence naming two or more places of origin that
// carries two or more counts.
bool RowOfAList(const Sentence& s, const NumExpr& e) {
  int places = 0, counts = 0;
  for (const Place& p : s.places) places += !p.theatre;
  for (size_t j = 0; j < s.nums.size(); ++j)
    counts += !s.nums[j].IsShare() && !s.nums[j].year && !s.roles[j].dropped;
  if (places < 2 || counts < 2) return false;
  for (const Place& p : s.places) {
    if (p.theatre || p.te > e.begin) continue;
    bool adjacent = true;
    for (size_t i = p.te; i < e.begin; ++i) adjacent &= s.toks[i].kind == TokKind::kPunct;
    if (adjacent) return true;
  }
  return false;
}

}  // namespace

ClaimRole MentionRole(const Sentence& s, size_t k, bool derived_from_base, bool table_line) {
  const NumExpr& e = s.nums[k];
  if (derived_from_base || (e.IsShare() && s.roles[k].of_them) || Remainder(s, e)) return ClaimRole::kDerived;
  if (IntroducedAsSum(s, e)) return ClaimRole::kTableTotal;
  if (table_line || RowOfAList(s, e)) return ClaimRole::kTableRow;
  return ClaimRole::kUnspecified;
}

}  // namespace ftf::extract
