#include "extract/norm_word.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "extract/tokenizer.h"

namespace ftf::extract {
namespace {

TEST(NormWord, ComparesWithLiteralsLikeAString) {
  const NormWord w = "returned";
  EXPECT_TRUE(w == "returned");
  EXPECT_FALSE(w == "return");     // a prefix, shorter
  EXPECT_FALSE(w == "returnees");  // longer
  EXPECT_FALSE(w == "retreated");  // same length, other bytes
  EXPECT_TRUE(w != "returns");
  EXPECT_TRUE("returned" == w);  // either side
  const NormWord empty;
  EXPECT_TRUE(empty == "");
  EXPECT_FALSE(empty == "a");
}

TEST(NormWord, IsAStdString) {
  NormWord w = std::string("Harbour");
  w += "side";
  const std::string& s = w;
  EXPECT_EQ(s, "Harbourside");
  EXPECT_TRUE(w == std::string("Harbourside"));
  EXPECT_TRUE(w == std::string_view("Harbourside"));
  EXPECT_TRUE(w.starts_with("Harbour"));
  w = "dock";
  EXPECT_EQ(w.size(), 4u);
}

TEST(NormWord, TokenWordsCompareByTheirNormalisedForm) {
  const std::vector<Token> toks = Tokenize("Some 40 Volunteers went home", 0, 28);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_TRUE(toks[2].norm == "volunteers");
  EXPECT_FALSE(toks[2].norm == "Volunteers");  // lower case only
  EXPECT_TRUE(toks[1].norm == "40");
}

}  // namespace
}  // namespace ftf::extract
