#include "store/pg_module.h"

#include <gtest/gtest.h>

#include "store/pg_store.h"

namespace ftf {
namespace {

// The build puts the module where the loader looks, and every symbol it needs from the
// executable is there (it is loaded with RTLD_NOW, so a missing one fails here, not later).
TEST(PgModule, LoadsTheModuleOfThisBuild) {
  auto api = LoadPgModule();
  ASSERT_TRUE(api.ok()) << api.status().message();
  EXPECT_EQ((*api)->version, kPgModuleApiVersion);
}

// Errors of the module reach the caller as they did when PgStore was linked in.
TEST(PgModule, UnreachableServerIsAnIOErrorThroughTheModule) {
  auto store = OpenPgStore("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", nullptr);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIOError);
  EXPECT_NE(store.status().message().find("cannot connect to PostgreSQL"), std::string::npos);
  PgWalPosition wal("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  auto pos = wal.Current();
  ASSERT_FALSE(pos.ok());
  EXPECT_EQ(pos.status().code(), StatusCode::kIOError);
  EXPECT_NE(pos.status().message().find("reading the WAL position"), std::string::npos);
}

TEST(PgModule, RecognisesPostgresUris) {
  EXPECT_TRUE(IsPostgresUri("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresUri("postgres:///db?host=/run"));
  EXPECT_FALSE(IsPostgresUri("/tmp/postgresql://x.db"));
  EXPECT_FALSE(IsPostgresUri("ftfwatch.db"));
}

}  // namespace
}  // namespace ftf
