#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/baseline.h"
#include "store/export.h"
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

Source MakeSource(const std::string& id) {
  Source s;
  s.id = id;
  s.publisher = "Example News";
  s.kind = SourceKind::kNews;
  s.published = "2017-10-25";
  return s;
}

Claim MakeClaim(const std::string& scope, double best, const std::string& source) {
  Claim c;
  c.scope = scope;
  c.category = Category::kDeparted;
  c.qualifier = Qualifier::kExact;
  c.best = best;
  c.as_of = "2017-10-25";
  c.source_id = source;
  c.origin = "manual";
  return c;
}

TEST_F(StoreTest, NewDatabaseIsSeededWithTheBaseline) {
  StoreOptions o;
  o.path = Path("a/b/new.db");  // directories are created
  o.notices = false;
  auto s = OpenSqliteStore(o);
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

TEST_F(StoreTest, ImportIsAllOrNothing) {
  bool created = false;
  auto s = SqliteStore::Open(Path("x.db"), false, &created);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(created);
  ImportBatch good;
  good.sources.push_back(MakeSource("news1"));
  good.claims.push_back(MakeClaim("USA", 129, "news1"));
  ASSERT_TRUE(s.value()->Import(good).ok());
  ImportBatch bad;
  bad.claims.push_back(MakeClaim("GBR", 850, "news1"));
  bad.claims.push_back(MakeClaim("FRA", 1910, "no-such-source"));  // fails: unknown source
  auto r = s.value()->Import(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("no-such-source"), std::string::npos);
  EXPECT_EQ(s.value()->CountClaims({}).value(), 1);  // the GBR claim was rolled back
}

TEST_F(StoreTest, ClaimsRoundTripAndDeduplicate) {
  auto s = SqliteStore::Open(Path("x.db"), false, nullptr);
  ASSERT_TRUE(s.ok());
  ImportBatch b;
  b.sources.push_back(MakeSource("news1"));
  Document d;
  d.sha256 = std::string(64, 'a');
  d.source_id = "news1";
  d.date = "2017-10-25";
  d.text = "Some 850 Britons went.";
  b.documents.push_back(d);
  Claim c = MakeClaim("GBR", 850, "news1");
  c.qualifier = Qualifier::kApprox;
  c.document_sha256 = d.sha256;
  c.span = Span{0, 8};
  c.cue = "Some 850";
  c.sentence = d.text;
  c.attributed_to = "Home Office";
  b.claims.push_back(c);
  b.claims.push_back(c);  // a duplicate in the same batch
  auto st = s.value()->Import(b);
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->claims_added, 1);
  EXPECT_EQ(st->claims_skipped, 1);
  auto claims = s.value()->ListClaims({});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 1u);
  Claim got = claims->front();
  EXPECT_GT(got.id, 0);
  got.id = 0;
  EXPECT_EQ(got, c);
  auto doc = s.value()->FindDocument(d.sha256);
  ASSERT_TRUE(doc.ok() && doc.value());
  EXPECT_EQ(doc.value()->text, d.text);
}

TEST_F(StoreTest, FiltersByScopeCategoryAndDate) {
  auto s = SqliteStore::Open(Path("x.db"), false, nullptr);
  ASSERT_TRUE(s.ok());
  ImportBatch b;
  b.sources.push_back(MakeSource("old"));
  Source later = MakeSource("new");
  later.published = "2019-01-01";
  b.sources.push_back(later);
  b.claims.push_back(MakeClaim("USA", 129, "old"));
  Claim r = MakeClaim("USA", 7, "new");
  r.category = Category::kReturned;
  r.as_of = "2019-01-01";
  b.claims.push_back(r);
  b.claims.push_back(MakeClaim("GBR", 850, "old"));
  ASSERT_TRUE(s.value()->Import(b).ok());
  ClaimFilter f;
  f.scopes = {"USA"};
  EXPECT_EQ(s.value()->CountClaims(f).value(), 2);
  f.category = Category::kReturned;
  EXPECT_EQ(s.value()->CountClaims(f).value(), 1);
  ClaimFilter by_date;
  by_date.as_of_max = "2018-12-31";
  EXPECT_EQ(s.value()->CountClaims(by_date).value(), 2);
  by_date.as_of_max = "2019-01-01";
  EXPECT_EQ(s.value()->CountClaims(by_date).value(), 3);
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

TEST_F(StoreTest, ExportImportExportIsStable) {
  StoreOptions o;
  o.path = Path("one.db");
  o.notices = false;
  auto a = OpenSqliteStore(o);
  ASSERT_TRUE(a.ok());
  ImportBatch b;
  b.sources.push_back(MakeSource("news1"));
  b.claims.push_back(MakeClaim("USA", 120, "news1"));
  ASSERT_TRUE(a.value()->Import(b).ok());
  auto json1 = ExportJson(*a.value());
  ASSERT_TRUE(json1.ok());
  o.path = Path("two.db");
  auto c = OpenSqliteStore(o);
  ASSERT_TRUE(c.ok());
  ImportParse p = ParseImportFile(json1.value(), "export.json", *c.value());
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_TRUE(c.value()->Import(p.batch).ok());
  auto json2 = ExportJson(*c.value());
  ASSERT_TRUE(json2.ok());
  EXPECT_EQ(json1.value(), json2.value());
  EXPECT_EQ(ExportClaimsCsv(*a.value()).value(), ExportClaimsCsv(*c.value()).value());
}

}  // namespace
}  // namespace ftf
