#include "extract/rules.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

TEST(Rules, BundledTablesLoad) {
  const RuleSet& r = RuleSet::Bundled();
  EXPECT_FALSE(r.version.empty());
  EXPECT_EQ(r.Origin(), "extractor/" + r.version);
  EXPECT_TRUE(r.cues.Contains("returned"));
  EXPECT_TRUE(r.abbreviations.count("Oct"));
  EXPECT_GT(r.precedence[static_cast<int>(Category::kConvicted)], r.precedence[static_cast<int>(Category::kReturned)]);
}

TEST(Rules, ErrorsNameFileAndLine) {
  auto r = RuleSet::Load([](std::string_view name) -> std::optional<std::string_view> {
    if (name == "VERSION.txt") return "1.0\n";
    if (name == "number_words.tsv") return "word\tvalue\tkind\none\tx\tunit\n";
    return std::nullopt;
  });
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("number_words.tsv:2"), std::string::npos) << r.status().message();
}

TEST(Rules, PhraseTableLongestMatchWithGaps) {
  PhraseTable<int> t;
  t.Add(PhraseWords("more than"), 1);
  t.Add(PhraseWords("more"), 2);
  t.Add(PhraseWords("brought * home"), 3);
  std::string s = "more than 5; brought 84 children home";
  auto toks = Tokenize(s, 0, s.size());
  auto m = t.Match(toks, 0, toks.size());
  ASSERT_TRUE(m);
  EXPECT_EQ(*m->first, 1);
  m = t.Match(toks, 4, toks.size());
  ASSERT_TRUE(m);
  EXPECT_EQ(*m->first, 3);
  EXPECT_EQ(m->second, toks.size());
}

}  // namespace
}  // namespace ftf::extract
