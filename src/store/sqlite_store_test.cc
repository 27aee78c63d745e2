#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/baseline.h"
#include "store/open.h"

namespace ftf {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ftf-store-" + std::to_string(getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(StoreTest, NewDatabaseIsSeededWithTheBaseline) {
  StoreOptions o;
  o.path = Path("a/b/new.db");  // directories are created
  o.notices = false;
  auto s = OpenStore(o);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s.value()->SchemaVersion(), kSqliteSchemaVersion);
  auto n = s.value()->CountClaims({});
  ASSERT_TRUE(n.ok());
  auto baseline = BundledBaseline();
  ASSERT_TRUE(baseline.ok());
  EXPECT_EQ(n.value(), static_cast<int64_t>(baseline->claims.size()));
  EXPECT_GT(n.value(), 280);
  // Seeding again adds nothing.
  auto again = SeedBaseline(*s.value());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claims_added, 0);
  EXPECT_EQ(again->claims_skipped, n.value());
}

// Migration 1 -> 2 on a database written by the version-1 schema: extracted claims become
// pending, typed-in ones stay accepted, and the review log exists.
TEST_F(StoreTest, MigratesAVersion1DatabaseToReviewStatus) {
  std::string p = Path("v1.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    // The version-1 schema as ftfwatch 1 wrote it, and two claims in it.
    ASSERT_EQ(sqlite3_exec(db, SqliteMigrationSql(0), nullptr, nullptr, nullptr), SQLITE_OK);
    const char* rows = R"sql(
INSERT INTO sources (id, kind) VALUES ('n', 'news');
INSERT INTO claims (fingerprint, scope, category, subgroup, unit, best, qualifier, source_id, origin)
  VALUES ('f1', 'GBR', 'departed', 'all', 'persons', 850, 'exact', 'n', 'extractor/1.1.0'),
         ('f2', 'FRA', 'departed', 'all', 'persons', 1910, 'exact', 'n', 'manual');
PRAGMA user_version = 1;
)sql";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto s = SqliteStore::Open(p, false, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s.value()->SchemaVersion(), kSqliteSchemaVersion);
  auto claims = s.value()->ListClaims({});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 2u);
  EXPECT_EQ((*claims)[0].scope, "FRA");
  EXPECT_EQ((*claims)[0].review, ReviewStatus::kAccepted);
  EXPECT_EQ((*claims)[1].review, ReviewStatus::kPending);
  EXPECT_TRUE(s.value()->ListReviewLog().value().empty());
}

TEST_F(StoreTest, RefusesADatabaseFromANewerProgram) {
  std::string p = Path("newer.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto s = SqliteStore::Open(p, false, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("schema version 99 is newer"), std::string::npos) << s.status().message();
}

TEST_F(StoreTest, RefusesAFileThatIsNotADatabase) {
  std::string p = Path("junk.db");
  std::ofstream(p) << "this is not a database, just some text that is long enough to have a header";
  auto s = SqliteStore::Open(p, false, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << s.status().ToString();
}

TEST_F(StoreTest, ReportsADirectoryThatCannotBeCreated) {
  std::string file = Path("plain-file");
  std::ofstream(file) << "x";
  auto s = SqliteStore::Open(file + "/sub/x.db", false, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kIOError);
  EXPECT_NE(s.status().message().find("cannot create the database's directory"), std::string::npos)
      << s.status().message();
}

}  // namespace
}  // namespace ftf
