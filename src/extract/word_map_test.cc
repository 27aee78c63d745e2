#include "extract/word_map.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "extract/tokenizer.h"

namespace ftf::extract {
namespace {

TEST(WordMap, FindsByWordAndByTokenHash) {
  WordMap<int> m;
  m["seven"] = 7;
  m["million"] = 1000000;
  m["seven"] += 1;  // operator[] finds the existing entry
  ASSERT_NE(m.Find("seven"), nullptr);
  EXPECT_EQ(*m.Find("seven"), 8);
  EXPECT_EQ(m.Find("eight"), nullptr);
  EXPECT_EQ(m.Find(""), nullptr);
  const std::string text = "Seven MILLION people";
  std::vector<Token> toks = Tokenize(text, 0, text.size());
  ASSERT_EQ(toks.size(), 3u);
  ASSERT_NE(m.Find(toks[1].norm, toks[1].hash), nullptr);
  EXPECT_EQ(*m.Find(toks[1].norm, toks[1].hash), 1000000);
  EXPECT_EQ(m.Find(toks[2].norm, toks[2].hash), nullptr);
  ASSERT_EQ(m.entries().size(), 2u);
  EXPECT_EQ(m.entries()[0].word, "seven");  // insertion order
}

// A hit is confirmed by the word, not only the hash: a look-up with one word's hash but another
// word finds nothing (what keeps words whose hashes collide apart).
TEST(WordMap, AHitNeedsTheWordNotOnlyItsHash) {
  WordMap<int> m;
  m["alpha"] = 1;
  m["beta"] = 2;
  const uint64_t h = WordHash("alpha");
  EXPECT_EQ(m.Find("beta", h), nullptr);
  EXPECT_EQ(*m.Find("alpha", h), 1);
  EXPECT_EQ(*m.Find("beta"), 2);
}

TEST(WordMap, AgreesWithAStdMap) {
  WordMap<int> m;
  std::map<std::string, int> ref;
  for (int i = 0; i < 5000; ++i) {
    std::string w = "w" + std::to_string(i * 7919 % 3001);
    m[w] = i;
    ref[w] = i;
  }
  EXPECT_EQ(m.entries().size(), ref.size());
  for (const auto& [w, v] : ref) {
    ASSERT_NE(m.Find(w), nullptr) << w;
    EXPECT_EQ(*m.Find(w), v);
  }
  EXPECT_EQ(m.Find("w3001"), nullptr);
}

}  // namespace
}  // namespace ftf::extract
