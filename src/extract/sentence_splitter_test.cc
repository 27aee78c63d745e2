#include "extract/sentence_splitter.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const TextSpan& p : SplitParagraphs(text))
    for (const TextSpan& s : SplitSentences(text, p, RuleSet::Bundled())) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(SentenceSplitter, KnowsAbbreviations) {
  auto s = Sentences("Dr. Smith met U.S. officials on Oct. 3. They said No. 5 was wrong. Fine!");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Dr. Smith met U.S. officials on Oct. 3.");
  EXPECT_EQ(s[2], "Fine!");
}

TEST(SentenceSplitter, ClosingQuotesAndParagraphs) {
  auto s = Sentences("He said \u201cenough.\u201d Then he left.\n\nA new paragraph.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1], "Then he left.");
  EXPECT_EQ(SplitParagraphs("a line long enough not to be a headline, which\nwraps here.\n\nnext").size(), 2u);
  EXPECT_EQ(SplitParagraphs("Headline\nBody text.").size(), 2u);
}

TEST(SentenceSplitter, HardWrappedLinesStayTogether) {
  std::string text = "More than 40,000 foreigners travelled to Iraq and Syria from over 110\ncountries to join the group.";
  EXPECT_EQ(SplitParagraphs(text).size(), 1u);
}

}  // namespace
}  // namespace ftf::extract
