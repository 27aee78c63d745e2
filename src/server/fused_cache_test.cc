// FusedCache: one snapshot per database version, never older than the request, shared by
// concurrent requests.
#include "server/fused_cache.h"

#include <thread>

#include <gtest/gtest.h>

#include "server/test_util.h"
#include "store/open.h"

namespace ftf::server {
namespace {

class FusedCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions o;
    o.path = dir_.File("f.db");
    o.notices = false;
    ASSERT_TRUE(OpenStore(o).ok());
  }
  // Stores one more claim through a separate connection, as another process would.
  void AddClaim(double best) {
    StoreOptions o;
    o.path = dir_.File("f.db");
    o.notices = false;
    auto store = OpenStore(o);
    ASSERT_TRUE(store.ok());
    Claim c;
    c.scope = "ISL";
    c.category = Category::kDeparted;
    c.best = best;
    c.qualifier = Qualifier::kExact;
    c.source_id = "soufan2017";
    c.origin = "manual";
    ImportBatch b;
    b.claims.push_back(c);
    ASSERT_TRUE((*store)->Import(b).ok());
  }
  testing::TempDir dir_;
};

TEST_F(FusedCacheTest, SameVersionSharesOneSnapshotAndAWriteGivesANewerOne) {
  StorePool pool(dir_.File("f.db"));
  DataVersion version(dir_.File("f.db"));
  FusedCache cache;
  auto a = cache.Get(pool, version, "");
  auto b = cache.Get(pool, version, "");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->get(), b->get());
  const size_t before = (*a)->claims.size();
  AddClaim(4);
  // The version changed after the first snapshot was read: it is too old for this request.
  auto c = cache.Get(pool, version, "");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->get(), a->get());
  EXPECT_EQ((*c)->claims.size(), before + 1);
  // An as-of date is its own snapshot.
  auto d = cache.Get(pool, version, "2015");
  ASSERT_TRUE(d.ok());
  EXPECT_LT((*d)->claims.size(), (*c)->claims.size());
}

TEST_F(FusedCacheTest, ConcurrentRequestsAtOneVersionComputeOnce) {
  StorePool pool(dir_.File("f.db"));
  DataVersion version(dir_.File("f.db"));
  FusedCache cache;
  std::vector<std::shared_ptr<const FusedSnapshot>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      auto r = cache.Get(pool, version, "");
      if (r.ok()) got[i] = *r;
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g.get(), got[0].get());
  }
}

}  // namespace
}  // namespace ftf::server
