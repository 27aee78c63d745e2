#include "extract/corpus_runner.h"

#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

namespace ftf::extract {
namespace {

TEST(CorpusRunner, ParsesLinesFastAndSlow) {
  auto d = ParseCorpusLine(R"({"id": "a1", "date": "2017-10-24", "text": "caf\u00e9 \"x\"\n"})");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->id_json, "\"a1\"");
  EXPECT_EQ(d->text, "caf\xc3\xa9 \"x\"\n");
  auto n = ParseCorpusLine(R"({"id": 7, "meta": {"k": 1}, "text": "t"})");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->id_json, "7");
  EXPECT_FALSE(ParseCorpusLine("not json").ok());
}

TEST(CorpusRunner, OutputInInputOrderWithManyThreads) {
  std::ostringstream in;
  for (int i = 0; i < 300; ++i)
    in << nlohmann::json({{"id", i}, {"text", i % 3 == 0 ? "About 300 fighters returned to Tunisia." : "Nothing here."}})
              .dump()
       << "\n";
  std::istringstream is(in.str());
  std::ostringstream out;
  CorpusOptions opts;
  opts.threads = 4;
  opts.batch_bytes = 256;  // many small batches
  auto st = RunCorpus(is, out, ClaimExtractor(), opts);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 300);
  EXPECT_EQ(st->claims, 100);
  std::istringstream lines(out.str());
  std::string line;
  int i = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["id"], i);
    EXPECT_EQ(j["claims"].size(), i % 3 == 0 ? 1u : 0u);
    ++i;
  }
  EXPECT_EQ(i, 300);
}

}  // namespace
}  // namespace ftf::extract
