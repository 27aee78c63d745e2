#include "core/utf8.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii"));
  EXPECT_FALSE(FindInvalidUtf8("T\xC3\xBCrkiye \xE2\x80\x94 ok"));
  EXPECT_EQ(*FindInvalidUtf8("abc\xFF"), 3u);
  EXPECT_EQ(*FindInvalidUtf8("ab\xC3"), 2u);          // truncated sequence
  EXPECT_EQ(*FindInvalidUtf8("a\xED\xA0\x80z"), 1u);  // UTF-16 surrogate
  EXPECT_EQ(ReplaceInvalidUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(Utf8, FoldMapsBackToSourceBytes) {
  std::string s = "T\xC3\xBCrkiye\xC2\xA0\xE2\x80\x9CU.K.\xE2\x80\x9D";
  FoldedText f = FoldForMatch(s);
  EXPECT_EQ(f.text, "turkiye \"u.k.\"");
  ASSERT_EQ(f.to_source.size(), f.text.size() + 1);
  EXPECT_EQ(f.to_source[1], 1u);  // 'u' came from the two bytes at 1
  EXPECT_EQ(f.to_source[2], 3u);
  EXPECT_EQ(f.to_source[7], 8u);  // the no-break space
  EXPECT_EQ(f.to_source.back(), s.size());
}

}  // namespace
}  // namespace ftf
