#include "server/response_cache.h"

#include <fstream>

#include <gtest/gtest.h>

#include "server/test_util.h"

namespace ftf::server {
namespace {

TEST(ResponseCache, HitsOnlyAtTheSameVersion) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, std::make_shared<CachedResponse>(CachedResponse{"body", "text/plain"}));
  ASSERT_NE(cache.Get("k", 1), nullptr);
  EXPECT_EQ(cache.Get("k", 1)->body, "body");
  EXPECT_EQ(cache.Get("k", 2), nullptr);
  EXPECT_EQ(cache.Get("other", 1), nullptr);
}

TEST(ResponseCache, StaysWithinItsBound) {
  ResponseCache cache(100);
  cache.Put("a", 1, std::make_shared<CachedResponse>(CachedResponse{std::string(60, 'x'), ""}));
  cache.Put("b", 1, std::make_shared<CachedResponse>(CachedResponse{std::string(60, 'y'), ""}));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_NE(cache.Get("b", 1), nullptr);
  cache.Put("huge", 1, std::make_shared<CachedResponse>(CachedResponse{std::string(500, 'z'), ""}));
  EXPECT_EQ(cache.Get("huge", 1), nullptr);
}

TEST(DataVersion, ChangesWhenTheFileOrTheWalChanges) {
  testing::TempDir dir;
  std::string db = dir.File("x.db");
  std::ofstream(db) << "one";
  DataVersion v(db);
  uint64_t a = v.Current();
  EXPECT_EQ(a, v.Current());
  std::ofstream(db + "-wal") << "frames";
  uint64_t b = v.Current();
  EXPECT_NE(a, b);
  v.Bump();
  EXPECT_NE(b, v.Current());
}

}  // namespace
}  // namespace ftf::server
