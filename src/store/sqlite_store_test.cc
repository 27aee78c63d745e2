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

// Schema 3 (issue 11): claims gain a role. A database written by an older ftfwatch opens,
// migrates, keeps its claims (role not recorded), and stores roles from then on. (Built here
// from the version-1 schema; schema 2 of issue 14 adds other tables.)
TEST_F(StoreTest, MigratesAnOlderDatabaseToClaimRoles) {
  std::string p = Path("v1.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    const char* v1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, publisher TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, terms TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE TABLE documents (sha256 TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id),
  date TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT 'en', title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT '');
CREATE TABLE claims (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, scope TEXT NOT NULL,
  category TEXT NOT NULL, subgroup TEXT NOT NULL, unit TEXT NOT NULL, low REAL, best REAL, high REAL,
  qualifier TEXT NOT NULL, as_of TEXT NOT NULL DEFAULT '', source_id TEXT NOT NULL REFERENCES sources(id),
  attributed_to TEXT, origin TEXT NOT NULL, document_sha256 TEXT REFERENCES documents(sha256), span_start INTEGER,
  span_end INTEGER, cue TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', page TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '');
INSERT INTO sources (id, kind) VALUES ('soufan2017', 'think_tank');
INSERT INTO claims (fingerprint, scope, category, subgroup, unit, best, qualifier, as_of, source_id, origin)
  VALUES ('old', 'USA', 'departed', 'all', 'persons', 129, 'exact', '2017-10-31', 'soufan2017', 'manual');
PRAGMA user_version = 1;
)sql";
    ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto s = SqliteStore::Open(p, false, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s.value()->SchemaVersion(), kSqliteSchemaVersion);
  auto old = s.value()->ListClaims({});
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old->size(), 1u);
  EXPECT_EQ((*old)[0].best, 129);
  EXPECT_EQ((*old)[0].role, ClaimRole::kUnspecified);
  Claim headline = (*old)[0];
  headline.id = 0;
  headline.qualifier = Qualifier::kMoreThan;
  headline.best.reset();
  headline.low = 100;
  headline.role = ClaimRole::kHeadline;
  ImportBatch batch;
  batch.claims = {headline};
  ASSERT_TRUE(s.value()->Import(batch).ok());
  auto both = s.value()->ListClaims({});
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[1].role, ClaimRole::kHeadline);
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
