#include "extract/tokenizer.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

std::vector<std::string> Norms(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s, 0, s.size())) out.push_back(t.norm);
  return out;
}

TEST(Tokenizer, TypographyAndPossessives) {
  EXPECT_EQ(Norms("ASIO\u2019s director\u2014general"), (std::vector<std::string>{"asio", "'s", "director", "-", "general"}));
  EXPECT_EQ(Norms("Roughly\u00a0900 people"), (std::vector<std::string>{"roughly", "900", "people"}));
  EXPECT_EQ(Norms("the U.K., and"), (std::vector<std::string>{"the", "u.k.", ",", "and"}));
  EXPECT_EQ(Norms("two-thirds of al-Hol"), (std::vector<std::string>{"two-thirds", "of", "al-hol"}));
}

TEST(Tokenizer, NumbersAndRanges) {
  EXPECT_EQ(Norms("300-350 and 100\u2013150"), (std::vector<std::string>{"300", "-", "350", "and", "100", "-", "150"}));
  EXPECT_EQ(Norms("5,600 or 4.5%"), (std::vector<std::string>{"5,600", "or", "4.5", "%"}));
  EXPECT_EQ(Norms("MI5 in the 1980s"), (std::vector<std::string>{"mi5", "in", "the", "1980s"}));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  std::string s = "about\u00a0500 Britons";
  auto t = Tokenize(s, 0, s.size());
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(s.substr(t[1].start, t[1].end - t[1].start), "500");
  EXPECT_TRUE(t[2].cap);
}

}  // namespace
}  // namespace ftf::extract
