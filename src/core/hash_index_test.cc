#include "core/hash_index.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace ftf {
namespace {

TEST(HashIndex, EmptyFindsNothing) {
  HashIndex idx;
  EXPECT_EQ(idx.Find(0), HashIndex::kAbsent);
  EXPECT_EQ(idx.Find(42), HashIndex::kAbsent);
  EXPECT_EQ(idx.size(), 0u);
}

TEST(HashIndex, ZeroAndAllOnesAreKeysLikeAnyOther) {
  HashIndex idx;
  idx.Insert(0, 7);
  EXPECT_EQ(idx.Find(0), 7);
  EXPECT_EQ(idx.Find(1), HashIndex::kAbsent);
  idx.Insert(5, 9);
  EXPECT_EQ(idx.Find(5), 9);
  EXPECT_EQ(idx.size(), 2u);
}

TEST(HashIndex, InsertReplacesTheIdOfAKey) {
  HashIndex idx;
  idx.Insert(123, 1);
  idx.Insert(123, 2);
  EXPECT_EQ(idx.Find(123), 2);
  EXPECT_EQ(idx.size(), 1u);
}

// Agrees with std::map over many keys, through several growths: random hashes and the
// trie's packed keys (node·256 + byte), which differ only in low bits.
TEST(HashIndex, AgreesWithAMapThroughGrowth) {
  std::mt19937_64 rng(7);
  HashIndex idx;
  std::map<uint64_t, int32_t> ref;
  for (int32_t i = 0; i < 20000; ++i) {
    uint64_t key = (i % 2) ? rng() : (static_cast<uint64_t>(i / 2) << 8) | static_cast<uint64_t>(i % 251);
    idx.Insert(key, i);
    ref[key] = i;
  }
  EXPECT_EQ(idx.size(), ref.size());
  for (const auto& [k, v] : ref) ASSERT_EQ(idx.Find(k), v) << k;
  int absent = 0;
  for (int i = 0; i < 20000; ++i) {
    uint64_t key = rng();
    if (!ref.count(key)) absent += idx.Find(key) == HashIndex::kAbsent;
    else ++absent;
  }
  EXPECT_EQ(absent, 20000);
}

}  // namespace
}  // namespace ftf
