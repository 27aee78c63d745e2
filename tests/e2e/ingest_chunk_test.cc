// End-to-end tests of `ftfwatch ingest --one-transaction --json-summary`: how ftfwatch-dask
// stores a chunk (docs/scale.md). A chunk is all or nothing, running it again adds nothing, and
// it stores exactly what the default one-transaction-per-document ingest stores.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace ftf::e2e {
namespace {

const std::string kDocs =
    R"({"id": 1, "date": "2017-10-24", "source": "Wire A", "text": "Some 850 people travelled from the United Kingdom to Syria and Iraq. About half of them have returned home."})"
    "\n"
    R"({"id": 2, "date": "2017-11-02", "source": "Wire B", "text": "At least 1,700 French nationals joined the Islamic State, officials said."})"
    "\n";

nlohmann::json Summary(const CliResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(IngestChunkE2E, ChunkIsAllOrNothingAndNamesTheBadLine) {
  TempDir dir;
  std::string db = dir.File("t.db"), bad = dir.File("bad.jsonl"), good = dir.File("good.jsonl");
  WriteFile(bad, kDocs + "{\"id\": 3, \"text\": \n");
  WriteFile(good, kDocs);
  CliResult r = RunCli({"--db", db, "-q", "ingest", "--one-transaction", "--json-summary", "--jsonl", bad});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(bad + ":3"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // Nothing of the first two lines was stored: storing them now adds both.
  nlohmann::json s = Summary(RunCli({"--db", db, "-q", "ingest", "--one-transaction", "--json-summary", "--jsonl", good}));
  EXPECT_EQ(s["documents"], 2);
  EXPECT_EQ(s["documents_added"], 2);
  EXPECT_GE(s["claims"].get<int>(), 3);
  EXPECT_EQ(s["claims_added"], s["claims"]);
  EXPECT_EQ(s["bytes"].get<int>(), 107 + 73);  // the two texts, not the JSON around them
}

TEST(IngestChunkE2E, RunningAChunkAgainAddsNothing) {
  TempDir dir;
  std::string db = dir.File("t.db"), chunk = dir.File("c.jsonl");
  WriteFile(chunk, kDocs);
  nlohmann::json first = Summary(RunCli({"--db", db, "-q", "ingest", "--one-transaction", "--json-summary", "--jsonl", chunk}));
  nlohmann::json again = Summary(RunCli({"--db", db, "-q", "ingest", "--one-transaction", "--json-summary", "--jsonl", chunk}));
  EXPECT_EQ(again["documents"], 2);
  EXPECT_EQ(again["claims"], first["claims"]);
  EXPECT_EQ(again["documents_added"], 0);
  EXPECT_EQ(again["claims_added"], 0);
}

TEST(IngestChunkE2E, StoresWhatPerDocumentIngestStores) {
  TempDir dir;
  std::string one = dir.File("one.db"), per = dir.File("per.db"), chunk = dir.File("c.jsonl");
  WriteFile(chunk, kDocs);
  nlohmann::json a = Summary(RunCli({"--db", one, "-q", "ingest", "--one-transaction", "--json-summary", "--jsonl", chunk}));
  nlohmann::json b = Summary(RunCli({"--db", per, "-q", "ingest", "--json-summary", "--jsonl", chunk}));
  EXPECT_EQ(a, b);
  CliResult ea = RunCli({"--db", one, "claims", "--format", "json"});
  CliResult eb = RunCli({"--db", per, "claims", "--format", "json"});
  ASSERT_EQ(ea.exit_code, 0) << ea.err;
  EXPECT_EQ(ea.out, eb.out);
  CliResult sa = RunCli({"--db", one, "sources", "--format", "json"});
  CliResult sb = RunCli({"--db", per, "sources", "--format", "json"});
  EXPECT_EQ(sa.out, sb.out);
  EXPECT_NE(sa.out.find("wire-a"), std::string::npos);
}

}  // namespace
}  // namespace ftf::e2e
