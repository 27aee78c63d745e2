// End-to-end crash safety: `ftfwatch import` and `ftfwatch ingest` killed with SIGKILL at
// random moments (a fixed seed; bounded loops). After every kill:
// - the database passes its integrity check (SQLite: PRAGMA integrity_check and
//   foreign_key_check; PostgreSQL: amcheck on every B-tree index, and no dangling reference);
// - it holds all or none of each interrupted transaction (the whole import; each ingested
//   document with exactly its claims);
// - the same command run again completes, and the database then exports the same bytes as
//   after an uninterrupted run.
// The PostgreSQL case runs when FTFWATCH_TEST_PG is set (CTest: crash_safety_postgres, through
// scripts/with-postgres.sh); it uses its own databases, copied from a template per kill.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "extract/sha256.h"
#include "run_cli.h"
#include "store/export.h"
#include "store/open.h"

namespace ftf::e2e {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Where the test databases live and how each is checked.
class Backend {
 public:
  virtual ~Backend() = default;
  // A database equal to the seeded template (the "before" state); returns its --db value.
  virtual std::string Fresh() = 0;
  // Empty when the database is sound, else what is wrong.
  virtual std::string IntegrityProblems(const std::string& db) = 0;
};

class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(const TempDir& dir) : dir_(dir) {
    template_ = dir_.File("template.db");
    CliResult r = RunCli({"--db", template_, "-q", "sources"});  // creates and seeds it
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  std::string Fresh() override {
    std::string db = dir_.File("run.db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    fs::copy_file(template_, db);
    return db;
  }
  std::string IntegrityProblems(const std::string& db) override {
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      sqlite3_close(h);
      return "cannot open " + db;
    }
    std::string problems;
    auto rows = [&](const char* sql) {
      sqlite3_stmt* s = nullptr;
      std::string out;
      if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) != SQLITE_OK) return std::string("cannot run ") + sql;
      while (sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(s, 0);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += ";";
      }
      sqlite3_finalize(s);
      return out;
    };
    if (std::string ic = rows("PRAGMA integrity_check"); ic != "ok;") problems += "integrity_check: " + ic;
    if (std::string fk = rows("PRAGMA foreign_key_check"); !fk.empty()) problems += " foreign_key_check: " + fk;
    sqlite3_close(h);
    return problems;
  }

 private:
  const TempDir& dir_;
  std::string template_;
};

class PostgresBackend final : public Backend {
 public:
  // `test_uri` is FTFWATCH_TEST_PG (postgresql:///ftfwatch_test?host=…); the test's own
  // databases sit beside it, created from the maintenance database `postgres`.
  explicit PostgresBackend(const std::string& test_uri) {
    uri_template_ = Replace(test_uri, "ftfwatch_test", "ftfwatch_harden_template");
    uri_run_ = Replace(test_uri, "ftfwatch_test", "ftfwatch_harden_run");
    admin_ = Replace(test_uri, "ftfwatch_test", "postgres");
    Admin({"DROP DATABASE IF EXISTS ftfwatch_harden_run WITH (FORCE)",
           "DROP DATABASE IF EXISTS ftfwatch_harden_template WITH (FORCE)",
           "CREATE DATABASE ftfwatch_harden_template"});
    CliResult r = RunCli({"--db", uri_template_, "-q", "sources"});  // creates the schema and seeds it
    EXPECT_EQ(r.exit_code, 0) << r.err;
    pqxx::connection c(uri_template_);
    pqxx::nontransaction t(c);
    t.exec("CREATE EXTENSION IF NOT EXISTS amcheck");
  }
  ~PostgresBackend() override {
    Admin({"DROP DATABASE IF EXISTS ftfwatch_harden_run WITH (FORCE)",
           "DROP DATABASE IF EXISTS ftfwatch_harden_template WITH (FORCE)"});
  }
  std::string Fresh() override {
    Admin({"DROP DATABASE IF EXISTS ftfwatch_harden_run WITH (FORCE)",
           "CREATE DATABASE ftfwatch_harden_run TEMPLATE ftfwatch_harden_template"});
    return uri_run_;
  }
  std::string IntegrityProblems(const std::string& db) override {
    try {
      pqxx::connection c(db);
      pqxx::nontransaction t(c);
      // bt_index_check raises an error on a corrupt index; heapallindexed also checks that
      // every table row is in the index.
      t.exec(
          "SELECT bt_index_check(i.indexrelid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
          "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE a.amname = 'btree' AND n.nspname = 'public'");
      auto dangling = t.exec1(
          "SELECT (SELECT count(*) FROM claims c LEFT JOIN sources s ON s.id = c.source_id WHERE s.id IS NULL) + "
          "(SELECT count(*) FROM claims c LEFT JOIN documents d ON d.sha256 = c.document_sha256 "
          " WHERE c.document_sha256 IS NOT NULL AND d.sha256 IS NULL) + "
          "(SELECT count(*) FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE s.id IS NULL)");
      if (dangling[0].as<int64_t>() != 0) return "dangling references: " + dangling[0].as<std::string>();
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }

 private:
  static std::string Replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  }
  void Admin(std::initializer_list<const char*> statements) {
    pqxx::connection c(admin_);
    pqxx::nontransaction t(c);
    for (const char* sql : statements) t.exec(sql);
  }
  std::string admin_, uri_template_, uri_run_;
};

// The whole database as the portable export (canonical order, no database-local ids).
std::string Snapshot(const std::string& db) {
  StoreOptions o;
  o.path = db;
  o.notices = false;
  auto store = OpenStore(o);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return "";
  auto text = ExportJson(**store);
  EXPECT_TRUE(text.ok());
  return text.ok() ? text.value() : "";
}

// A JSON export of `claims` claims (two new sources, one document), big enough that the
// import transaction takes a while.
std::string ImportFile(int claims) {
  nlohmann::json j = {{"format", "ftfwatch-export"}, {"version", 1}};
  j["sources"] = {{{"id", "crash-a"}, {"publisher", "Crash test A"}, {"kind", "news"}},
                  {{"id", "crash-b"}, {"publisher", "Crash test B"}, {"kind", "academic"}}};
  const std::string text = "A document that the crash test imports along with its claims.";
  j["documents"] = {
      {{"sha256", extract::Sha256Hex(text)}, {"source", "crash-a"}, {"date", "2017-10-24"}, {"text", text}}};
  const char* scopes[] = {"GBR", "FRA", "DEU", "BEL", "TUN", "RUS", "USA", "European Union"};
  j["claims"] = nlohmann::json::array();
  for (int i = 0; i < claims; ++i)
    j["claims"].push_back({{"scope", scopes[i % 8]},
                           {"category", i % 3 ? "departed" : "returned"},
                           {"subgroup", "all"},
                           {"unit", "persons"},
                           {"best", 100 + i},
                           {"qualifier", "approx"},
                           {"as_of", fmt::format("{}-{:02d}", 2012 + i % 6, 1 + i % 12)},
                           {"source", i % 2 ? "crash-a" : "crash-b"},
                           {"sentence", fmt::format("Sentence {} of the crash test, with some text to store.", i)}});
  return j.dump();
}

// Texts for `ingest DIR`: each is one document (one transaction) with several claims.
void WriteIngestDir(const std::string& dir, int documents) {
  fs::create_directories(dir);
  const std::string seed = ReadFile(std::string(FTF_SOURCE_DIR) + "/tests/fixtures/seed_article.txt");
  for (int i = 0; i < documents; ++i)
    WriteFile(fmt::format("{}/doc{:02d}.txt", dir, i),
              fmt::format("{}\n\nUpdate {}: about {} foreign fighters from Belgium have returned, officials said.\n",
                          seed, i, 100 + i));
}

struct KillStats {
  int kills = 0;        // runs that died of SIGKILL (not those that finished first)
  int none = 0;         // kills that left the "before" state
  int all = 0;          // kills that left the complete end state
  int partial_ok = 0;   // ingest: kills between documents (each document whole)
  int after_parse = 0;  // kills later than a dry run takes: inside the transaction, or after it
};

// Runs `args` (with --db added) killed after a random delay, `kills` times.
// `check_partial(state, after)` judges a state that is neither before nor after (ingest: per
// document).
// `parse_us`: how long the same command takes without storing (0 = not known).
// `commits_often`: the command commits many transactions, not one at its end.
template <typename PartialCheck>
KillStats KillLoop(Backend& backend, const std::vector<std::string>& args, int kills, uint32_t seed,
                   PartialCheck check_partial, int64_t parse_us = 0, bool commits_often = false) {
  KillStats st;
  // The uninterrupted run: the end state, and how long a run takes (the window for kills).
  const std::string before = Snapshot(backend.Fresh());
  std::string db = backend.Fresh();
  std::vector<std::string> full = {"--db", db, "-q"};
  full.insert(full.end(), args.begin(), args.end());
  auto t0 = Clock::now();
  CliResult ref = RunCli(full);
  const auto run_us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
  EXPECT_EQ(ref.exit_code, 0) << ref.err;
  const std::string after = Snapshot(db);
  EXPECT_NE(before, after);

  // Half of the kills anywhere in the run, half in its second half and just past it, where the
  // transactions and their commits are (parsing comes first).
  // The window shrinks by a quarter whenever a run finishes before its kill: one timing of
  // a run on a busy machine can be far longer than the next runs. For a command that commits
  // many times (`commits_often`: ingest, one transaction per document) it grows by a quarter
  // when a kill in the late half left nothing stored: the runs have then become slower than the
  // reference run (other tests started beside this one), and the kills would all land before
  // the first commit.
  std::mt19937 rng(seed);
  int64_t window_us = run_us;
  auto delay = [&]() {
    std::uniform_int_distribution<int64_t> anywhere(0, window_us), late(window_us / 2, window_us + window_us / 10);
    return rng() % 2 ? anywhere(rng) : late(rng);
  };
  for (int attempt = 0; st.kills < kills && attempt < 4 * kills; ++attempt) {
    db = backend.Fresh();
    full[1] = db;
    int pid = SpawnCli(full);
    const int64_t wait_us = delay();
    std::this_thread::sleep_for(std::chrono::microseconds(wait_us));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {  // it finished first
      window_us = std::max<int64_t>(window_us * 3 / 4, 1000);
      continue;
    }
    ++st.kills;
    // Past the parsing, which takes the same share of a (possibly shorter) run.
    if (parse_us > 0 && wait_us * run_us > parse_us * window_us) ++st.after_parse;
    const std::string problems = backend.IntegrityProblems(db);
    EXPECT_EQ(problems, "") << "after kill " << st.kills;
    const std::string state = Snapshot(db);
    if (state == before) {
      ++st.none;
      if (commits_often && 2 * wait_us >= window_us) window_us += window_us / 4;
    }
    else if (state == after)
      ++st.all;
    else if (check_partial(state, after))
      ++st.partial_ok;
    else
      ADD_FAILURE() << "kill " << st.kills << " left a partial state";
    // The same command again completes and ends where an uninterrupted run ends.
    CliResult again = RunCli(full);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Snapshot(db), after) << "rerun after kill " << st.kills;
    if (::testing::Test::HasFailure()) break;  // one detailed failure is enough
  }
  EXPECT_EQ(st.kills, kills) << "the runs finished before the kill too often";
  return st;
}

// For ingest: every document in the state is whole (the claims it has in the end state, no
// more, no fewer), and every claim belongs to a whole document or to the template.
bool DocumentsWhole(const std::string& state, const std::string& after) {
  auto j = nlohmann::json::parse(state), end = nlohmann::json::parse(after);
  std::map<std::string, std::multiset<std::string>> have, want;
  auto doc_of = [](const nlohmann::json& c) {
    auto it = c.find("document");
    return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& c : j["claims"]) have[doc_of(c)].insert(c.dump());
  for (const auto& c : end["claims"]) want[doc_of(c)].insert(c.dump());
  std::set<std::string> docs;
  for (const auto& d : j["documents"]) docs.insert(d["sha256"].get<std::string>());
  for (const auto& [doc, claims] : have) {
    if (doc.empty()) continue;  // the seeded baseline
    if (!docs.count(doc) || want[doc] != claims) return false;
  }
  for (const std::string& doc : docs)
    if (have[doc] != want[doc]) return false;
  return true;
}

void RunKillTests(Backend& backend, const TempDir& dir, int import_kills, int ingest_kills) {
  const std::string import_file = dir.File("import.json");
  WriteFile(import_file, ImportFile(3000));
  // How long reading and checking the file takes (a dry run stores nothing): kills later than
  // that hit the transaction (or the moment after its commit).
  // The fastest of three dry runs: the first one also pays for a cold binary and page cache,
  // and could then be slower than the whole reference run it is compared with.
  int64_t parse_us = INT64_MAX;
  for (int i = 0; i < 3; ++i) {
    const std::string dry_db = backend.Fresh();
    auto t0 = Clock::now();
    EXPECT_EQ(RunCli({"--db", dry_db, "-q", "import", "--dry-run", import_file}).exit_code, 0);
    parse_us = std::min<int64_t>(
        parse_us, std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
  }
  // One transaction: a state between before and after is never right.
  KillStats imp = KillLoop(
      backend, {"import", import_file}, import_kills, 20261207,
      [](const std::string&, const std::string&) { return false; }, parse_us);
  const std::string texts = dir.File("texts");
  WriteIngestDir(texts, 12);
  KillStats ing = KillLoop(backend, {"ingest", texts, "--date", "2017-10-24", "--source", "Crash News"}, ingest_kills,
                           7, DocumentsWhole, /*parse_us=*/0, /*commits_often=*/true);
  // Kills landed before, inside and after the transactions, not only at one end.
  std::printf("import: %d kills (%d after the dry-run time of %.0f ms), %d left nothing, %d everything\n", imp.kills,
              imp.after_parse, static_cast<double>(parse_us) / 1000, imp.none, imp.all);
  std::printf("ingest: %d kills, %d left nothing, %d everything, %d some whole documents\n", ing.kills, ing.none,
              ing.all, ing.partial_ok);
  EXPECT_GT(imp.none, 0);
  EXPECT_GT(imp.after_parse, 0);
  EXPECT_GT(ing.partial_ok, 0);
}

TEST(CrashSafetyE2E, SqliteImportAndIngestKilledAtRandom) {
  TempDir dir;
  SqliteBackend backend(dir);
  RunKillTests(backend, dir, 50, 50);
}

TEST(CrashSafetyE2E, PostgresImportAndIngestKilledAtRandom) {
  const char* uri = std::getenv("FTFWATCH_TEST_PG");
  if (!uri || !*uri) GTEST_SKIP() << "FTFWATCH_TEST_PG is not set (scripts/with-postgres.sh sets it)";
  TempDir dir;
  PostgresBackend backend(uri);
  RunKillTests(backend, dir, 10, 10);
}

}  // namespace
}  // namespace ftf::e2e
