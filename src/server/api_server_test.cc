// The API against a real server on a free loopback port, in-process.
#include "server/api_server.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fuse/fusion.h"
#include "fuse/ledger.h"
#include "report/fusion_view.h"
#include "geo/gazetteer.h"
#include "report/ledger_view.h"
#include "server/test_util.h"
#include "store/open.h"

namespace ftf::server {
namespace {

using nlohmann::json;
using testing::RunningServer;
using testing::TempDir;

constexpr const char* kToken = "test-token-0123456789abcdef";

class ApiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    ServerOptions o;
    o.port = 0;
    o.db_path = dir_->File("api.db");
    o.token = kToken;
    o.threads = 16;
    server_ = new RunningServer(o);
    ASSERT_TRUE(server_->status().ok()) << server_->status().ToString();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json GetJson(const std::string& path, int expect = 200) {
    auto cli = server_->Client();
    auto res = cli.Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expect) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u) << path;
    return json::parse(res->body);
  }

  static TempDir* dir_;
  static RunningServer* server_;
};
TempDir* ApiServerTest::dir_ = nullptr;
RunningServer* ApiServerTest::server_ = nullptr;

TEST_F(ApiServerTest, BindsLoopbackAndReportsHealth) {
  json h = GetJson("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["read_only"], false);
  EXPECT_GT(server_->port(), 0);
}

TEST_F(ApiServerTest, CountriesAndRegionsComeFromTheGazetteer) {
  json c = GetJson("/api/countries");
  const Gazetteer& geo = Gazetteer::Bundled();
  ASSERT_EQ(c.size(), geo.countries().size());
  auto xkx = std::find_if(c.begin(), c.end(), [](const json& x) { return x["iso3"] == "XKX"; });
  ASSERT_NE(xkx, c.end());
  EXPECT_EQ((*xkx)["name"], "Kosovo");
  json r = GetJson("/api/regions");
  EXPECT_EQ(r.size(), geo.regions().size());
}

TEST_F(ApiServerTest, RawLedgerIsTheCliRawLedgerJson) {
  // The same function the CLI's `ledger --format json` calls, on the same database.
  StoreOptions so;
  so.path = dir_->File("api.db");
  so.notices = false;
  auto store = OpenStore(so);
  ASSERT_TRUE(store.ok());
  auto claims = (*store)->ListClaims({});
  auto sources = (*store)->ListSources();
  ASSERT_TRUE(claims.ok() && sources.ok());
  std::map<std::string, Source> by_id;
  for (auto& s : *sources) by_id.emplace(s.id, s);
  json expected = LedgerJson(LatestAuthoritative(*claims, by_id));
  EXPECT_EQ(GetJson("/api/ledger?method=raw"), expected);
}

TEST_F(ApiServerTest, LedgerIsTheCliFusedLedgerJson) {
  StoreOptions so;
  so.path = dir_->File("api.db");
  so.notices = false;
  auto store = OpenStore(so);
  ASSERT_TRUE(store.ok());
  auto claims = (*store)->ListClaims({});
  auto sources = (*store)->ListSources();
  ASSERT_TRUE(claims.ok() && sources.ok());
  std::map<std::string, Source> by_id;
  for (auto& s : *sources) by_id.emplace(s.id, s);
  auto config = DefaultFusionConfig();
  ASSERT_TRUE(config.ok());
  auto fused = Fuse(*claims, by_id, *config);
  ASSERT_TRUE(fused.ok());
  json expected = json::array();
  for (const Estimate& e : fused->estimates) expected.push_back(EstimateJson(e));
  EXPECT_EQ(GetJson("/api/ledger"), expected);
  EXPECT_EQ(GetJson("/api/ledger?method=fused"), expected);
  EXPECT_EQ(GetJson("/api/ledger?method=magic", 400)["error"]["code"], "invalid_argument");
}

TEST_F(ApiServerTest, EstimatesCarryTheirClaimsAndExplanation) {
  json e = GetJson("/api/estimates/FRA/departed");
  EXPECT_EQ(e["scope"], "FRA");
  EXPECT_EQ(e["category"], "departed");
  EXPECT_TRUE(e["evidence"].is_array());
  ASSERT_FALSE(e["claim_details"].empty());
  for (const json& c : e["claim_details"]) EXPECT_EQ(c["scope"], "FRA");
  EXPECT_FALSE(e["steps"].empty());
  EXPECT_TRUE(e["explanation"].is_string());
  EXPECT_EQ(GetJson("/api/estimates/France/departed")["best"], e["best"]);
  EXPECT_EQ(GetJson("/api/estimates/FRA/departed?subgroup=minors")["subgroup"], "minors");
  EXPECT_EQ(GetJson("/api/estimates/XXQ/departed", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/estimates/FRA/zombies", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/estimates/FRA/killed?subgroup=women", 404)["error"]["code"], "not_found");
}

TEST_F(ApiServerTest, ConflictsAndRiskAreTheCliJson) {
  json all = GetJson("/api/conflicts");
  ASSERT_TRUE(all.is_array());
  for (const json& c : all) EXPECT_TRUE(c.contains("scope") && c.contains("category") && c.contains("sides"));
  json fra = GetJson("/api/conflicts?country=FRA");
  EXPECT_LE(fra.size(), all.size());
  json risk = GetJson("/api/risk");
  ASSERT_TRUE(risk.is_array());
  ASSERT_FALSE(risk.empty());
  for (const json& r : risk) EXPECT_TRUE(r.contains("tier") && r.contains("reasons"));
  json gbr = GetJson("/api/risk?country=GBR");
  ASSERT_EQ(gbr.size(), 1u);
  EXPECT_EQ(gbr[0]["scope"], "GBR");
  EXPECT_EQ(GetJson("/api/conflicts?kind=loud", 400)["error"]["code"], "invalid_argument");
}

TEST_F(ApiServerTest, LedgerFiltersAcceptIso3ListsAndRepeats) {
  json a = GetJson("/api/ledger?country=USA,GBR&method=raw");
  json b = GetJson("/api/ledger?country=USA&country=GBR&method=raw");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  std::set<std::string> scopes;
  for (const json& e : a) scopes.insert(e["scope"]);
  EXPECT_EQ(scopes, (std::set<std::string>{"GBR", "USA"}));
  json fra = GetJson("/api/ledger?country=France&category=departed&subgroup=all");
  ASSERT_EQ(fra.size(), 1u);
  EXPECT_EQ(fra[0]["scope"], "FRA");
}

TEST_F(ApiServerTest, BadQueriesAreJson400s) {
  json e = GetJson("/api/ledger?country=Nigerria", 400);
  EXPECT_EQ(e["error"]["code"], "invalid_argument");
  EXPECT_NE(e["error"]["message"].get<std::string>().find("Nigeria"), std::string::npos);
  EXPECT_EQ(GetJson("/api/ledger?contry=FRA", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/claims?category=zombies", 400)["error"]["code"], "invalid_argument");
  EXPECT_EQ(GetJson("/api/claims?as_of=yesterday", 400)["error"]["code"], "invalid_argument");
  EXPECT_EQ(GetJson("/api/claims?source=nosuchsource", 404)["error"]["code"], "not_found");
}

TEST_F(ApiServerTest, ClaimsPageThroughEverything) {
  json first = GetJson("/api/claims?pagesize=100");
  int64_t total = first["total_count"];
  ASSERT_GT(total, 200);
  EXPECT_EQ(first["page"], 1);
  EXPECT_EQ(first["next_page"], 2);
  std::vector<int64_t> ids;
  for (int page = 1;; ++page) {
    json p = GetJson("/api/claims?pagesize=100&page=" + std::to_string(page));
    EXPECT_EQ(p["total_count"], total);
    for (const json& c : p["claims"]) ids.push_back(c["id"]);
    if (p["next_page"].is_null()) break;
    EXPECT_EQ(p["next_page"], page + 1);
    ASSERT_LT(page, 100);
  }
  EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), ids.size()) << "a claim on two pages";
  json all = GetJson("/api/claims?pagesize=1000");
  EXPECT_EQ(all["claims"].size(), static_cast<size_t>(std::min<int64_t>(total, 1000)));
  EXPECT_EQ(GetJson("/api/claims?pagesize=1001", 400)["error"]["code"], "invalid_argument");
  EXPECT_EQ(GetJson("/api/claims?page=0", 400)["error"]["code"], "invalid_argument");
  json past = GetJson("/api/claims?page=999&pagesize=1000");
  EXPECT_TRUE(past["claims"].empty());
  EXPECT_TRUE(past["next_page"].is_null());
}

TEST_F(ApiServerTest, ClaimsFilterByCountryAndKeepTheStableFields) {
  json gbr = GetJson("/api/claims?country=GBR&pagesize=1000");
  ASSERT_GT(gbr["total_count"].get<int>(), 0);
  for (const json& c : gbr["claims"]) {
    EXPECT_EQ(c["scope"], "GBR");
    for (const char* f : {"category", "subgroup", "scope", "unit", "low", "best", "high", "qualifier", "attributed_to",
                          "cue", "span", "sentence", "as_of", "source", "document", "origin"})
      EXPECT_TRUE(c.contains(f)) << f;
  }
}

TEST_F(ApiServerTest, SourcesCountTheirClaims) {
  json s = GetJson("/api/sources");
  ASSERT_FALSE(s.empty());
  int64_t sum = 0;
  for (const json& x : s) sum += x["claims"].get<int64_t>();
  EXPECT_EQ(sum, GetJson("/api/claims?pagesize=1")["total_count"].get<int64_t>());
}

TEST_F(ApiServerTest, UnknownEndpointsAndMethods) {
  EXPECT_EQ(GetJson("/api/nothing", 404)["error"]["code"], "not_found");
  auto cli = server_->Client();
  auto res = cli.Post("/api/ledger", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "method_not_allowed");
  EXPECT_EQ(GetJson("/api/ingest", 405)["error"]["code"], "method_not_allowed");
}

TEST_F(ApiServerTest, NoCorsHeaderByDefault) {
  auto cli = server_->Client();
  auto res = cli.Get("/api/countries", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(ApiServerTest, IngestNeedsTheToken) {
  auto cli = server_->Client();
  const std::string csv = "scope,category,subgroup,unit,best,qualifier,as_of,source\nISL,departed,all,persons,3,exact,2017-10-31,soufan2017\n";
  auto none = cli.Post("/api/ingest", csv, "text/csv");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(json::parse(none->body)["error"]["code"], "unauthorized");
  EXPECT_NE(none->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
  auto wrong = cli.Post("/api/ingest", {{"Authorization", "Bearer not-the-token-at-all"}}, csv, "text/csv");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(json::parse(wrong->body)["error"]["code"], "forbidden");
}

TEST_F(ApiServerTest, IngestStoresAndTheCacheSeesIt) {
  // Liechtenstein: no bundled figure (Iceland has the reports layer's government figure of 0,
  // which the raw ledger would rank above a think tank's 3).
  json before = GetJson("/api/ledger?country=LIE&method=raw");
  auto cli = server_->Client();
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  const std::string csv =
      "scope,category,subgroup,unit,best,qualifier,as_of,source,note\n"
      "LIE,departed,all,persons,3,exact,2017-10-31,soufan2017,api test\n";
  auto res = cli.Post("/api/ingest", auth, csv, "text/csv");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["stored"]["claims_added"], 1);
  json after = GetJson("/api/ledger?country=LIE&method=raw");
  EXPECT_NE(before, after);
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after[0]["best"], 3);
  // Idempotent: the same claim again adds nothing.
  auto again = cli.Post("/api/ingest", auth, csv, "text/csv");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["stored"]["claims_added"], 0);
  // A broken file stores nothing and names the line.
  auto bad = cli.Post("/api/ingest", auth, "scope,category,subgroup,unit,best,qualifier,as_of,source\nXXQ,departed,all,persons,x,exact,2017,soufan2017\n",
                      "text/csv");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  json err = json::parse(bad->body);
  EXPECT_EQ(err["error"]["code"], "invalid_argument");
  EXPECT_FALSE(err["error"]["details"].empty());
}

// The review queue over HTTP: an ingested text's claims are pending, a decision needs the
// token, is logged under the token's name, and moves the ledger at once.
TEST_F(ApiServerTest, ReviewQueueDecisionsNeedTheTokenAndReachTheLedger) {
  auto cli = server_->Client();
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  json body = {{"text", "Some 850 people have travelled from Iceland to Syria and Iraq."},
               {"date", "2017-10-24"},
               {"source", "Review News"}};
  auto ing = cli.Post("/api/ingest", auth, body.dump(), "application/json");
  ASSERT_TRUE(ing);
  ASSERT_EQ(ing->status, 200) << ing->body;
  json queue = GetJson("/api/review?source=review-news")["pending"];
  ASSERT_EQ(queue.size(), 1u) << queue.dump(2);
  EXPECT_EQ(queue[0]["scope"], "ISL");
  EXPECT_EQ(queue[0]["review"], "pending");
  json before = GetJson("/api/ledger?country=ISL");
  json preview = GetJson("/api/ledger?country=ISL&include_pending=true");
  EXPECT_NE(before, preview);
  json accept = {{"action", "accept"}, {"ids", {queue[0]["id"]}}};
  auto none = cli.Post("/api/review", accept.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto noreason = cli.Post("/api/review", auth, json{{"action", "reject"}, {"source", "review-news"}}.dump(),
                           "application/json");
  ASSERT_TRUE(noreason);
  EXPECT_EQ(noreason->status, 400) << noreason->body;
  auto ok = cli.Post("/api/review", auth, accept.dump(), "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["decided"], 1);
  auto twice = cli.Post("/api/review", auth, accept.dump(), "application/json");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 409) << twice->body;  // already accepted
  json after = GetJson("/api/ledger?country=ISL");
  EXPECT_NE(before, after);
  // Before the decision, include_pending=true already showed what accepting would give.
  EXPECT_EQ(preview, after);
  EXPECT_EQ(GetJson("/api/ledger?country=ISL&include_pending=maybe", 400)["error"]["code"], "invalid_argument");
  json log = GetJson("/api/review/log");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["action"], "accept");
  EXPECT_EQ(log[0]["actor"], "api");
  EXPECT_EQ(log[0]["after"]["review"], "accepted");
  EXPECT_TRUE(GetJson("/api/review?source=review-news")["pending"].empty());
}

TEST_F(ApiServerTest, IngestTextExtractsAndStoresTheDocument) {
  auto cli = server_->Client();
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  json body = {{"text", "Some 850 people have travelled from the United Kingdom to Syria and Iraq."},
               {"date", "2017-10-24"},
               {"source", "Example News"}};
  auto res = cli.Post("/api/ingest", auth, body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json j = json::parse(res->body);
  EXPECT_EQ(j["source"], "example-news");
  EXPECT_EQ(j["document"].get<std::string>().size(), 64u);
  EXPECT_TRUE(j["claims"].is_array());
  auto bad_date = cli.Post("/api/ingest", auth, json{{"text", "x"}, {"date", "soon"}}.dump(), "application/json");
  ASSERT_TRUE(bad_date);
  EXPECT_EQ(bad_date->status, 400);
}

TEST_F(ApiServerTest, ExtractReturnsClaimsAndStoresNothing) {
  int64_t before = GetJson("/api/claims?pagesize=1")["total_count"];
  auto cli = server_->Client();
  json body = {{"text", "About 5,000 fighters have travelled from Europe, officials said."}, {"date", "2017-10-24"}};
  auto res = cli.Post("/api/extract", body.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json j = json::parse(res->body);
  ASSERT_EQ(j["claims"].size(), 1u) << j.dump();
  const json& c = j["claims"][0];
  EXPECT_EQ(c["scope"], "Europe");
  EXPECT_EQ(c["category"], "departed");
  EXPECT_EQ(c["qualifier"], "approx");
  EXPECT_EQ(c["best"], 5000);
  EXPECT_EQ(c["cue"], "About 5,000");
  EXPECT_EQ(c["span"], json::array({0, 11}));
  EXPECT_EQ(c["as_of"], "2017-10-24");
  EXPECT_TRUE(c["attributed_to"].is_null());  // "officials" is no named source
  EXPECT_EQ(GetJson("/api/claims?pagesize=1")["total_count"], before);
  auto empty = cli.Post("/api/extract", "{}", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto notjson = cli.Post("/api/extract", "{not json", "application/json");
  ASSERT_TRUE(notjson);
  EXPECT_EQ(notjson->status, 400);
}

TEST_F(ApiServerTest, SeverityFitsTheBodyLikeTheCli) {
  std::ifstream f(std::string(FTF_SOURCE_DIR) + "/data/severity/terrorism.txt");
  std::stringstream ss;
  ss << f.rdbuf();
  auto cli = server_->Client();
  auto res = cli.Post("/api/severity?bootstrap=0", ss.str(), "text/csv");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json j = json::parse(res->body);
  // poweRlaw 0.70.6 on the same data: xmin 12, alpha 2.369947, KS 0.017686 (docs/severity.md).
  EXPECT_EQ(j["xmin"], 12);
  EXPECT_NEAR(j["alpha"].get<double>(), 2.369947, 1e-5);
  EXPECT_NEAR(j["ks"].get<double>(), 0.017686, 1e-5);
  EXPECT_EQ(j["n_tail"], 547);
  EXPECT_TRUE(j["p"].is_null());  // no bootstrap asked for: no made-up p-value
  auto boot = cli.Post("/api/severity?bootstrap=50&seed=7", ss.str(), "text/csv");
  ASSERT_TRUE(boot);
  ASSERT_EQ(boot->status, 200);
  double p = json::parse(boot->body)["p"];
  EXPECT_GT(p, 0.3);  // CSN 2009: p = 0.68 on these data; 50 replicates give ±0.07
  auto bad = cli.Post("/api/severity", "date,country,deaths\n2015-01-07,FRA,12\n2015-11-13,FRA,seven\n", "text/csv");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["error"]["message"].get<std::string>().find("body:3"), std::string::npos)
      << bad->body;
  auto too_many = cli.Post("/api/severity?bootstrap=100000", ss.str(), "text/csv");
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 400);
}

TEST_F(ApiServerTest, BodiesOverTheLimitGet413) {
  auto cli = server_->Client();
  std::string big(3u << 20, 'a');
  auto res = cli.Post("/api/extract", big, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "payload_too_large");
}

TEST_F(ApiServerTest, ManyConcurrentReadersAgree) {
  const std::string expected = server_->Client().Get("/api/ledger?country=FRA")->body;
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      auto cli = server_->Client();
      cli.set_keep_alive(true);
      for (int i = 0; i < 40; ++i) {
        auto r = cli.Get(i % 2 ? "/api/ledger?country=FRA" : "/api/claims?country=FRA&page=1");
        if (!r || r->status != 200 || (i % 2 && r->body != expected)) ++bad;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(ApiServerTest, DashboardIsServedWithAStrictPolicy) {
  auto cli = server_->Client();
  auto res = cli.Get("/");
  ASSERT_TRUE(res);
  if (res->status == 404) GTEST_SKIP() << "web/dist not built into this binary";
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<html"), std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  auto js = cli.Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  EXPECT_EQ(cli.Get("/../CMakeLists.txt")->status, 404);
  auto spec = cli.Get("/api/openapi.yaml");
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->status, 200);
  EXPECT_NE(spec->body.find("openapi:"), std::string::npos);
}

TEST(ApiServerReadOnly, WritesAreRefusedWithoutAToken) {
  TempDir dir;
  ServerOptions o;
  o.port = 0;
  o.db_path = dir.File("ro.db");
  o.cors_origin = "http://localhost:5173";
  RunningServer srv(o);
  ASSERT_TRUE(srv.status().ok());
  auto cli = srv.Client();
  auto res = cli.Post("/api/ingest", {{"Authorization", "Bearer anything-at-all-here"}}, "a,b\n", "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "read_only");
  auto h = cli.Get("/api/health");
  ASSERT_TRUE(h);
  EXPECT_EQ(json::parse(h->body)["read_only"], true);
  EXPECT_EQ(h->get_header_value("Access-Control-Allow-Origin"), "http://localhost:5173");
}

TEST(ApiServerStart, RefusesAnAddressInUse) {
  TempDir dir;
  ServerOptions o;
  o.port = 0;
  o.db_path = dir.File("a.db");
  RunningServer first(o);
  ASSERT_TRUE(first.status().ok());
  ServerOptions o2 = o;
  o2.port = first.port();
  ApiServer second(o2);
  Status st = second.Start();
  EXPECT_EQ(st.code(), StatusCode::kIOError);
}

TEST(ReadTokenFile, TrimsAndRefusesShortTokens) {
  TempDir dir;
  std::ofstream(dir.File("t1")) << "  0123456789abcdef0123  \n second line\n";
  auto t = ReadTokenFile(dir.File("t1"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "0123456789abcdef0123");
  std::ofstream(dir.File("t2")) << "short\n";
  EXPECT_EQ(ReadTokenFile(dir.File("t2")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadTokenFile(dir.File("missing")).status().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace ftf::server
