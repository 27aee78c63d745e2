#include "core/byte_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace ftf {
namespace {

size_t Naive(std::string_view s, size_t from, char a, char b, char c) {
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] == a || s[i] == b || s[i] == c) return i;
  return s.size();
}

TEST(ByteSearch, FindsTheFirstOfTheSet) {
  EXPECT_EQ(FindAnyOf("", 0, '.', '!', '?'), 0u);
  EXPECT_EQ(FindAnyOf("no stop here at all, none", 0, '.', '!', '?'), 25u);
  EXPECT_EQ(FindAnyOf("It rained. Then? Yes!", 0, '.', '!', '?'), 9u);
  EXPECT_EQ(FindAnyOf("It rained. Then? Yes!", 10, '.', '!', '?'), 15u);
  EXPECT_EQ(FindAnyOf("abc\"def\\", 0, '"', '\\', '"'), 3u);
  // Bytes 0x80 and above, and bytes next to the sought ones, are not matches.
  EXPECT_EQ(FindAnyOf("\xC3\xA9\xE2\x80\x9C-/,0.", 0, '.', '!', '?'), 9u);
}

// Agrees with a byte loop on random strings over a small alphabet, from every start.
TEST(ByteSearch, AgreesWithAByteLoop) {
  std::mt19937 rng(11);
  const std::string alphabet = "ab .!?\"\\\x80\xff-,/";
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& ch : s) ch = alphabet[rng() % alphabet.size()];
    for (size_t from = 0; from <= s.size(); ++from) {
      ASSERT_EQ(FindAnyOf(s, from, '.', '!', '?'), Naive(s, from, '.', '!', '?')) << s << " from " << from;
      ASSERT_EQ(FindAnyOf(s, from, '"', '\\', '"'), Naive(s, from, '"', '\\', '"')) << s << " from " << from;
    }
  }
}

}  // namespace
}  // namespace ftf
