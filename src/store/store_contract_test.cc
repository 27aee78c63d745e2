// The Store contract (store.h), run against every back end: SQLite always, PostgreSQL when
// FTFWATCH_TEST_PG names a scratch database (scripts/with-postgres.sh sets it; CTest runs the
// PostgreSQL instance through that script).
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cstdlib>
#include <filesystem>

#include "store/baseline.h"
#include "store/layers.h"
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
  // The baseline and the layers marked load_on_create (the reports layer), each claim once.
  auto baseline = BundledBaseline();
  ASSERT_TRUE(baseline.ok());
  auto reports = BundledLayer("reports");
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(s->CountClaims({}).value(), static_cast<int64_t>(baseline->claims.size() + reports->claims.size()));
  auto again = SeedBaseline(*s);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claims_added, 0);
  auto layers_again = LoadLayersOnCreate(*s);
  ASSERT_TRUE(layers_again.ok());
  EXPECT_EQ(layers_again->claims_added, 0);
  EXPECT_EQ(layers_again->sources_added, 0);
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

// A source's aliases are stored, listed, exported and re-imported as given; importing a source
// that is stored without aliases gives it the batch's aliases, and nothing else changes.
TEST_P(StoreContract, SourceAliasesRoundTripAndFillAStoredSourceWithoutThem) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ImportBatch b;
  Source soufan = MakeSource("soufan2017", "2017-10-24");
  soufan.publisher = "The Soufan Center";
  soufan.kind = SourceKind::kThinkTank;
  soufan.aliases = {"Soufan Group", "TSG"};
  b.sources = {soufan, MakeSource("news1")};
  ASSERT_TRUE(s->Import(b).ok());
  auto found = s->FindSource("soufan2017");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->aliases, (std::vector<std::string>{"Soufan Group", "TSG"}));
  EXPECT_TRUE(s->FindSource("news1").value()->aliases.empty());

  // news1 was stored without aliases: a later import names them; soufan2017 keeps its own.
  ImportBatch later;
  Source news = MakeSource("news1");
  news.publisher = "Renamed News";  // a stored source is otherwise kept as it is
  news.aliases = {"EN"};
  Source other = soufan;
  other.aliases = {"Someone else"};
  later.sources = {news, other};
  auto st = s->Import(later);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->sources_added, 0);
  auto n = s->FindSource("news1").value();
  EXPECT_EQ(n->aliases, std::vector<std::string>{"EN"});
  EXPECT_EQ(n->publisher, "Example News");
  EXPECT_EQ(s->FindSource("soufan2017").value()->aliases, (std::vector<std::string>{"Soufan Group", "TSG"}));

  auto json = ExportJson(*s);
  ASSERT_TRUE(json.ok());
  const nlohmann::json exported = nlohmann::json::parse(*json);
  bool listed = false;
  for (const auto& src : exported["sources"])
    if (src["id"] == "soufan2017") listed = src["aliases"] == nlohmann::json::array({"Soufan Group", "TSG"});
  EXPECT_TRUE(listed) << *json;
  if (GetParam() == "postgres") {
    s.reset();
    SetUp();
  }
  auto c = Open(false, "two");
  ASSERT_TRUE(c);
  ImportParse p = ParseImportFile(json.value(), "export.json", *c);
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_TRUE(c->Import(p.batch).ok());
  EXPECT_EQ(c->FindSource("soufan2017").value()->aliases, (std::vector<std::string>{"Soufan Group", "TSG"}));
}

// A document with two extracted claims (pending) and one typed-in claim on the same document.
struct ReviewFixture {
  ImportBatch batch;
  std::string sha = std::string(64, 'a');
};
ReviewFixture MakeReviewFixture() {
  ReviewFixture f;
  f.batch.sources.push_back(MakeSource("news1"));
  Document d;
  d.sha256 = f.sha;
  d.source_id = "news1";
  d.date = "2017-10-25";
  d.text = "About 850 Britons went; 425 came back.";
  f.batch.documents.push_back(d);
  Claim a = MakeClaim("GBR", 850, "news1");
  a.qualifier = Qualifier::kApprox;
  a.origin = "extractor/1.0";
  a.document_sha256 = f.sha;
  a.cue = "About 850";
  a.sentence = "About 850 Britons went; 425 came back.";
  a.span = Span{0, 9};
  a.review = ReviewStatus::kPending;
  a.rule = "demonym_scope";
  Claim b = a;
  b.category = Category::kReturned;
  b.qualifier = Qualifier::kExact;
  b.best = 425;
  b.cue = "425";
  b.span = Span{24, 27};
  b.rule = "came_back";
  Claim manual = MakeClaim("GBR", 900, "news1");
  manual.document_sha256 = f.sha;
  f.batch.claims = {a, b, manual};
  return f;
}

Claim Only(Store& s, int64_t id) {
  ClaimFilter f;
  f.ids = {id};
  auto v = s.ListClaims(f);
  EXPECT_TRUE(v.ok() && v->size() == 1);
  return v.ok() && !v->empty() ? v->front() : Claim{};
}

int64_t IdOf(Store& s, const std::string& cue, const std::string& origin_prefix) {
  auto all = s.ListClaims({});
  for (const Claim& c : all.value())
    if (c.cue == cue && c.origin.rfind(origin_prefix, 0) == 0) return c.id;
  return 0;
}

TEST_P(StoreContract, ReviewDecisionsChangeStatusAndAreLoggedAtomically) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ReviewFixture f = MakeReviewFixture();
  ASSERT_TRUE(s->Import(f.batch).ok());
  ClaimFilter pending;
  pending.review = {ReviewStatus::kPending};
  EXPECT_EQ(s->CountClaims(pending).value(), 2);
  ClaimFilter by_rule;
  by_rule.rule = "came_back";
  ASSERT_EQ(s->ListClaims(by_rule).value().size(), 1u);
  const int64_t went = IdOf(*s, "About 850", "extractor/");
  const int64_t back = IdOf(*s, "425", "extractor/");
  ASSERT_NE(went, 0);
  // A batch whose second decision is refused (rejection without a reason) changes nothing.
  auto bad = s->ApplyReview({{went, ReviewAction::kAccept, "", std::nullopt},
                             {back, ReviewAction::kReject, "", std::nullopt}},
                            "ana", "2024-01-02T03:04:05Z");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("needs a reason"), std::string::npos) << bad.status().message();
  EXPECT_EQ(Only(*s, went).review, ReviewStatus::kPending);
  EXPECT_TRUE(s->ListReviewLog().value().empty());

  auto ok = s->ApplyReview({{went, ReviewAction::kAccept, "", std::nullopt},
                            {back, ReviewAction::kReject, "came back is a body, not a returnee", std::nullopt}},
                           "ana", "2024-01-02T03:04:05Z");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->decided, 2);
  EXPECT_EQ(Only(*s, went).review, ReviewStatus::kAccepted);
  EXPECT_EQ(Only(*s, back).review, ReviewStatus::kRejected);
  EXPECT_EQ(Only(*s, back).review_note, "came back is a body, not a returnee");
  auto log = s->ListReviewLog().value();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].actor, "ana");
  EXPECT_EQ(log[0].at, "2024-01-02T03:04:05Z");
  EXPECT_EQ(log[1].action, "reject");
  EXPECT_EQ(log[1].cue, "425");
  EXPECT_NE(log[1].before.find("\"review\":\"pending\""), std::string::npos) << log[1].before;
  EXPECT_NE(log[1].after.find("\"review\":\"rejected\""), std::string::npos) << log[1].after;

  // A correction keeps the old claim as `corrected` and adds an accepted claim by review.
  auto fix = s->ApplyReview({{went, ReviewAction::kCorrect, "the text says Britons and Irish",
                              [&] {
                                Claim c = Only(*s, went);
                                c.best = 800;
                                return c;
                              }()}},
                            "bo", "2024-01-03T00:00:00Z");
  ASSERT_TRUE(fix.ok()) << fix.status().ToString();
  EXPECT_EQ(fix->corrections_added, 1);
  EXPECT_EQ(Only(*s, went).review, ReviewStatus::kCorrected);
  ClaimFilter accepted;
  accepted.review = {ReviewStatus::kAccepted};
  std::vector<Claim> acc = s->ListClaims(accepted).value();
  ASSERT_EQ(acc.size(), 2u);  // the typed-in 900 and the correction 800
  bool found = false;
  for (const Claim& c : acc)
    if (c.origin == "review") {
      found = true;
      EXPECT_EQ(c.best, 800);
      EXPECT_EQ(c.cue, "About 850");  // provenance kept
    }
  EXPECT_TRUE(found);
  // A corrected claim is final.
  auto again = s->ApplyReview({{went, ReviewAction::kAccept, "", std::nullopt}}, "bo", "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s->ListReviewLog().value().size(), 3u);
  // An unknown claim id is NotFound.
  EXPECT_EQ(s->ApplyReview({{999999, ReviewAction::kAccept, "", std::nullopt}}, "bo", "").status().code(),
            StatusCode::kNotFound);
}

TEST_P(StoreContract, ReplaceExtractorClaimsKeepsOtherClaimsAndCarriesDecisions) {
  auto s = Open(false);
  ASSERT_TRUE(s);
  ReviewFixture f = MakeReviewFixture();
  ASSERT_TRUE(s->Import(f.batch).ok());
  const int64_t back = IdOf(*s, "425", "extractor/");
  ASSERT_TRUE(s->ApplyReview({{back, ReviewAction::kReject, "not returnees", std::nullopt}}, "ana", "").ok());
  // The new extractor finds the same two cues (one now with another scope) and a new one.
  std::vector<Claim> fresh = f.batch.claims;
  fresh.pop_back();  // not the typed-in claim
  for (Claim& c : fresh) {
    c.origin = "extractor/2.0";
    c.review = ReviewStatus::kPending;
    c.note = "v2";  // a different fingerprint than the old claims
  }
  Claim extra = fresh[0];
  extra.cue = "Britons";
  extra.best = 1;
  fresh.push_back(extra);
  auto st = s->ReplaceExtractorClaims(f.sha, fresh);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->claims_removed, 2);
  EXPECT_EQ(st->claims_added, 3);
  EXPECT_EQ(st->decisions_kept, 1);
  ClaimFilter doc;
  doc.document_sha256 = f.sha;
  std::vector<Claim> now = s->ListClaims(doc).value();
  ASSERT_EQ(now.size(), 4u);
  int manual = 0;
  for (const Claim& c : now) {
    if (c.origin == "manual") {
      ++manual;
      EXPECT_EQ(c.review, ReviewStatus::kAccepted);
      continue;
    }
    EXPECT_EQ(c.origin, "extractor/2.0");  // each claim keeps the version that made it
    if (c.cue == "425") {
      EXPECT_EQ(c.review, ReviewStatus::kRejected);
      EXPECT_EQ(c.review_note, "not returnees");
    } else {
      EXPECT_EQ(c.review, ReviewStatus::kPending) << c.cue;
    }
  }
  EXPECT_EQ(manual, 1);
  // Unknown documents are NotFound and change nothing.
  EXPECT_EQ(s->ReplaceExtractorClaims(std::string(64, 'f'), {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s->CountClaims(doc).value(), 4);
}

TEST_P(StoreContract, ExportCarriesReviewStatusAndLogAndReimportsOnce) {
  auto a = Open(false, "one");
  ASSERT_TRUE(a);
  ReviewFixture f = MakeReviewFixture();
  ASSERT_TRUE(a->Import(f.batch).ok());
  const int64_t back = IdOf(*a, "425", "extractor/");
  ASSERT_TRUE(a->ApplyReview({{back, ReviewAction::kReject, "not returnees", std::nullopt}}, "ana", "").ok());
  auto json1 = ExportJson(*a);
  ASSERT_TRUE(json1.ok());
  EXPECT_NE(json1->find("\"review_log\""), std::string::npos);
  if (GetParam() == "postgres") {
    a.reset();
    SetUp();
  }
  auto c = Open(false, "two");
  ASSERT_TRUE(c);
  for (int round = 0; round < 2; ++round) {
    ImportParse p = ParseImportFile(json1.value(), "export.json", *c);
    ASSERT_TRUE(p.errors.empty()) << p.errors.front();
    ASSERT_TRUE(c->Import(p.batch).ok());
  }
  std::vector<ReviewLogEntry> log = c->ListReviewLog().value();
  ASSERT_EQ(log.size(), 1u);  // imported twice, logged once
  EXPECT_EQ(log[0].actor, "ana");
  EXPECT_EQ(log[0].reason, "not returnees");
  EXPECT_EQ(Only(*c, IdOf(*c, "425", "extractor/")).review, ReviewStatus::kRejected);
  EXPECT_EQ(ExportJson(*c).value(), json1.value());
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
