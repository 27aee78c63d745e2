// Fuzz target: the number grammar over the tokens of any text. Properties: no crash; the
// expressions are in order, do not overlap, lie within the tokens, and their low <= best <=
// high whenever those are stated. The tokenizer requires valid UTF-8 (the extractor cleans its
// input first), so invalid bytes are replaced here as well.
#include "core/utf8.h"
#include "extract/number_grammar.h"
#include "extract/rules.h"
#include "extract/tokenizer.h"
#include "fuzz_target.h"

FTF_FUZZ_TARGET(number_grammar) {
  using namespace ftf::extract;
  std::string cleaned;
  if (ftf::FindInvalidUtf8(data)) {
    cleaned = ftf::ReplaceInvalidUtf8(data);
    data = cleaned;
  }
  const RuleSet& rules = RuleSet::Bundled();
  std::vector<Token> toks = Tokenize(data, 0, data.size());
  for (const Token& t : toks) FTF_FUZZ_CHECK(t.start <= t.end && t.end <= data.size());
  std::vector<NumExpr> nums = FindNumbers(toks, rules);
  size_t previous_end = 0;
  for (const NumExpr& n : nums) {
    FTF_FUZZ_CHECK(n.begin >= previous_end);
    FTF_FUZZ_CHECK(n.begin <= n.core_begin && n.core_begin <= n.core_end && n.core_end <= n.end);
    FTF_FUZZ_CHECK(n.end <= toks.size());
    if (n.low && n.high) FTF_FUZZ_CHECK(*n.low <= *n.high);
    if (n.low && n.best) FTF_FUZZ_CHECK(*n.low <= *n.best);
    if (n.best && n.high) FTF_FUZZ_CHECK(*n.best <= *n.high);
    previous_end = n.end;
  }
  for (const Token& t : toks)
    if (t.kind == TokKind::kNumber) (void)ParseDigits(std::string(data.substr(t.start, t.end - t.start)), false);
}
