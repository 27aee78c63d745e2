#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "store/baseline.h"
#include "store/layers.h"
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
  // The baseline and the layers marked load_on_create (data/layers/*/layer.json), each claim once.
  auto baseline = BundledBaseline();
  ASSERT_TRUE(baseline.ok());
  auto layers = LayersOnCreate();
  ASSERT_TRUE(layers.ok());
  EXPECT_EQ(*layers, std::vector<std::string>{"reports"});
  auto reports = BundledLayer("reports");
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(n.value(), static_cast<int64_t>(baseline->claims.size() + reports->claims.size()));
  EXPECT_GT(n.value(), 580);
  // Seeding again adds nothing.
  auto again = SeedBaseline(*s.value());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claims_added, 0);
  EXPECT_EQ(again->claims_skipped, static_cast<int64_t>(baseline->claims.size()));
}

// Builds a database as ftfwatch 1 wrote it (schema version 1) with the given rows.
void WriteVersion1Database(const std::string& p, const char* rows) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, SqliteMigrationSql(0), nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// Migration 1 -> 2 on a database written by the version-1 schema: extracted claims become
// pending, typed-in ones stay accepted, and the review log exists.
TEST_F(StoreTest, MigratesAVersion1DatabaseToReviewStatus) {
  std::string p = Path("v1.db");
  WriteVersion1Database(p, R"sql(
INSERT INTO sources (id, kind) VALUES ('n', 'news');
INSERT INTO claims (fingerprint, scope, category, subgroup, unit, best, qualifier, source_id, origin)
  VALUES ('f1', 'GBR', 'departed', 'all', 'persons', 850, 'exact', 'n', 'extractor/1.1.0'),
         ('f2', 'FRA', 'departed', 'all', 'persons', 1910, 'exact', 'n', 'manual');
PRAGMA user_version = 1;
)sql");
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

// Migration 2 -> 3: claims gain a role. An older database opens, migrates, keeps its claims
// (role not recorded), and stores roles from then on.
TEST_F(StoreTest, MigratesAnOlderDatabaseToClaimRoles) {
  std::string p = Path("v1-roles.db");
  WriteVersion1Database(p, R"sql(
INSERT INTO sources (id, kind) VALUES ('soufan2017', 'think_tank');
INSERT INTO claims (fingerprint, scope, category, subgroup, unit, best, qualifier, as_of, source_id, origin)
  VALUES ('old', 'USA', 'departed', 'all', 'persons', 129, 'exact', '2017-10-31', 'soufan2017', 'manual');
PRAGMA user_version = 1;
)sql");
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

// Migration 3 -> 4: sources gain aliases. An older database opens with its sources unnamed
// beyond their publisher, and importing the bundled sources again fills the aliases in.
TEST_F(StoreTest, MigratesAnOlderDatabaseToSourceAliases) {
  std::string p = Path("v1-aliases.db");
  WriteVersion1Database(p, R"sql(
INSERT INTO sources (id, publisher, kind) VALUES ('soufan2017', 'The Soufan Center', 'think_tank');
PRAGMA user_version = 1;
)sql");
  auto s = SqliteStore::Open(p, false, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s.value()->SchemaVersion(), kSqliteSchemaVersion);
  auto before = s.value()->FindSource("soufan2017");
  ASSERT_TRUE(before.ok() && before->has_value());
  EXPECT_TRUE((*before)->aliases.empty());
  auto baseline = BundledBaseline();
  ASSERT_TRUE(baseline.ok());
  ImportBatch sources;
  sources.sources = baseline->sources;
  ASSERT_TRUE(s.value()->Import(sources).ok());
  auto after = s.value()->FindSource("soufan2017").value();
  ASSERT_TRUE(after.has_value());
  EXPECT_NE(std::find(after->aliases.begin(), after->aliases.end(), "Soufan Group"), after->aliases.end())
      << JoinAliases(after->aliases);
  EXPECT_EQ(after->publisher, "The Soufan Center");  // the stored row is otherwise kept
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
