// The Store contract (store.h), run against every back end: SQLite always, PostgreSQL when
// FTFWATCH_TEST_PG names a scratch database (scripts/with-postgres.sh sets it; CTest runs the
// PostgreSQL instance through that script).
#include <gtest/gtest.h>
#include <unistd.h>

#include <pqxx/pqxx>

#include <cstdlib>
#include <filesystem>

#include "store/baseline.h"
#include "store/export.h"
#include "store/open.h"
#include "store/pg_store.h"

namespace ftf {
namespace {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      const char* uri = std::getenv("FTFWATCH_TEST_PG");
      if (!uri || !*uri) GTEST_SKIP() << "FTFWATCH_TEST_PG not set (run through scripts/with-postgres.sh)";
      pg_uri_ = uri;
      pqxx::connection c(pg_uri_);
      pqxx::work tx(c);
      tx.exec0("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      tx.commit();
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("ftf-contract-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
    }
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // A fresh database; `seed` loads the baseline as on first use.
  std::unique_ptr<Store> Open(bool seed, const std::string& name = "a") {
    StoreOptions o;
    o.path = GetParam() == "postgres" ? pg_uri_ : (dir_ / (name + ".db")).string();
    o.notices = false;
    o.seed = seed;
    auto s = OpenStore(o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  std::filesystem::path dir_;
  std::string pg_uri_;
};

Source MakeSource(const std::string& id, const std::string& published = "2017-10-25") {
  Source s;
  s.id = id;
  s.publisher = "Example News";
  s.kind = SourceKind::kNews;
  s.published = published;
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

TEST_P(StoreContract, NewDatabaseIsSeededOnce) {
  auto s = Open(true);
  ASSERT_TRUE(s);
  auto baseline = BundledBaseline();
  ASSERT_TRUE(baseline.ok());
  EXPECT_EQ(s->CountClaims({}).value(), static_cast<int64_t>(baseline->claims.size()));
  auto again = SeedBaseline(*s);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claims_added, 0);
}

TEST_P(StoreContract, ImportIsAllOrNothing) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ImportBatch good;
  good.sources.push_back(MakeSource("news1"));
  good.claims.push_back(MakeClaim("USA", 129, "news1"));
  ASSERT_TRUE(s->Import(good).ok());
  ImportBatch bad;
  bad.claims.push_back(MakeClaim("GBR", 850, "news1"));
  bad.claims.push_back(MakeClaim("FRA", 1910, "no-such-source"));
  auto r = s->Import(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("no-such-source"), std::string::npos) << r.status().message();
  EXPECT_EQ(s->CountClaims({}).value(), 1);
}

TEST_P(StoreContract, ClaimsRoundTripExactlyAndDeduplicate) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ImportBatch b;
  b.sources.push_back(MakeSource("news1"));
  Document d;
  d.sha256 = std::string(64, 'a');
  d.source_id = "news1";
  d.date = "2017-10-25";
  d.text = "Some 850 Britons went; a third of them came back.";
  b.documents.push_back(d);
  Claim c = MakeClaim("GBR", 850, "news1");
  c.qualifier = Qualifier::kApprox;
  c.document_sha256 = d.sha256;
  c.span = Span{0, 8};
  c.cue = "Some 850";
  c.sentence = d.text;
  c.attributed_to = "Home Office";
  Claim share = c;
  share.category = Category::kReturned;
  share.unit = Unit::kShare;
  share.best = 1.0 / 3.0;  // needs all 17 digits to read back exactly
  share.cue = "a third";
  share.span = Span{15, 22};
  b.claims = {c, c, share};
  auto st = s->Import(b);
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->claims_added, 2);
  EXPECT_EQ(st->claims_skipped, 1);
  auto claims = s->ListClaims({});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 2u);
  for (Claim got : claims.value()) {
    EXPECT_GT(got.id, 0);
    got.id = 0;
    EXPECT_EQ(got, got.category == Category::kDeparted ? c : share);
  }
  auto doc = s->FindDocument(d.sha256);
  ASSERT_TRUE(doc.ok() && doc.value());
  EXPECT_EQ(doc.value()->text, d.text);
  EXPECT_FALSE(s->FindDocument(std::string(64, 'b')).value().has_value());
}

TEST_P(StoreContract, FiltersByScopeCategoryAndPublicationDate) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ImportBatch b;
  b.sources.push_back(MakeSource("old"));
  b.sources.push_back(MakeSource("new", "2019-01-01"));
  b.claims.push_back(MakeClaim("USA", 129, "old"));
  Claim r = MakeClaim("USA", 7, "new");
  r.category = Category::kReturned;
  r.as_of = "2019-01-01";
  b.claims.push_back(r);
  b.claims.push_back(MakeClaim("GBR", 850, "old"));
  ASSERT_TRUE(s->Import(b).ok());
  ClaimFilter f;
  f.scopes = {"USA"};
  EXPECT_EQ(s->CountClaims(f).value(), 2);
  f.category = Category::kReturned;
  EXPECT_EQ(s->CountClaims(f).value(), 1);
  ClaimFilter by_date;
  by_date.as_of_max = "2018-12-31";
  EXPECT_EQ(s->CountClaims(by_date).value(), 2);
  by_date.as_of_max = "2019-01-01";
  EXPECT_EQ(s->CountClaims(by_date).value(), 3);
  ClaimFilter page;
  page.limit = 1;
  page.offset = 1;
  auto one = s->ListClaims(page);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().scope, "USA");  // ordered by scope: GBR, USA, USA
}

TEST_P(StoreContract, ExportImportExportIsStable) {
  auto a = Open(true, "one");
  ASSERT_TRUE(a);
  ImportBatch b;
  b.sources.push_back(MakeSource("news1"));
  b.claims.push_back(MakeClaim("USA", 120, "news1"));
  ASSERT_TRUE(a->Import(b).ok());
  auto json1 = ExportJson(*a);
  ASSERT_TRUE(json1.ok());
  auto csv1 = ExportClaimsCsv(*a);
  if (GetParam() == "postgres") {  // one scratch database: empty it and re-create
    a.reset();
    SetUp();
  }
  auto c = Open(true, "two");
  ASSERT_TRUE(c);
  ImportParse p = ParseImportFile(json1.value(), "export.json", *c);
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_TRUE(c->Import(p.batch).ok());
  EXPECT_EQ(ExportJson(*c).value(), json1.value());
  EXPECT_EQ(ExportClaimsCsv(*c).value(), csv1.value());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

TEST(PgStore, RefusesANewerSchemaAndReportsUnreachableServers) {
  auto bad = OpenPgStore("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kIOError);
  EXPECT_NE(bad.status().message().find("cannot connect to PostgreSQL"), std::string::npos);
  const char* uri = std::getenv("FTFWATCH_TEST_PG");
  if (!uri || !*uri) GTEST_SKIP() << "FTFWATCH_TEST_PG not set";
  {
    pqxx::connection c(uri);
    pqxx::work tx(c);
    tx.exec0("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    tx.exec0("CREATE TABLE ftfwatch_schema (version INTEGER NOT NULL); INSERT INTO ftfwatch_schema VALUES (99)");
    tx.commit();
  }
  auto s = OpenPgStore(uri, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("schema version 99 is newer"), std::string::npos);
}

// The API server's cache of answers read from PostgreSQL is current while this position is
// unchanged, so it must move when another client commits.
TEST(PgStore, WalPositionMovesWhenAnotherClientCommits) {
  PgWalPosition bad("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  EXPECT_EQ(bad.Current().status().code(), StatusCode::kIOError);
  const char* uri = std::getenv("FTFWATCH_TEST_PG");
  if (!uri || !*uri) GTEST_SKIP() << "FTFWATCH_TEST_PG not set";
  PgWalPosition pos(uri);
  auto b = pos.Current();
  ASSERT_TRUE(b.ok());
  {
    pqxx::connection c(uri);  // another client writes
    pqxx::work tx(c);
    tx.exec0("CREATE TABLE IF NOT EXISTS wal_probe (x INTEGER); INSERT INTO wal_probe VALUES (1)");
    tx.commit();
  }
  auto c = pos.Current();
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*b, *c);
}

}  // namespace
}  // namespace ftf
