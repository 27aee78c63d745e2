#include "extract/corpus_runner.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

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

// The reader cuts batches at line breaks inside blocks it reads: lines longer than a batch, lines
// cut by a block's end, blank lines and a last line without a break must all come out whole,
// in order, with their line numbers.
TEST(CorpusRunner, LinesSurviveBatchAndBlockBoundaries) {
  const std::string figure = "About 300 fighters returned to Tunisia.";
  std::string in;
  std::vector<int> ids;
  for (int i = 0; i < 40; ++i) {
    if (i % 7 == 3) in += "\n";        // blank: skipped, but counted as a line
    if (i == 11) in += "{broken\n";   // an error, after 11 documents and 2 blank lines
    std::string text = figure + std::string(static_cast<size_t>(i * 37 % 500), ' ') + "x";
    in += nlohmann::json({{"id", i}, {"text", text}}).dump() + "\n";
    ids.push_back(i);
  }
  in += R"({"id": "last", "text": ")" + figure + R"("})";  // no final line break
  for (size_t batch : {size_t{1}, size_t{100}, size_t{333}, size_t{1} << 18}) {
    std::istringstream is(in);
    std::ostringstream out;
    CorpusOptions opts;
    opts.threads = 3;
    opts.batch_bytes = batch;
    std::vector<int64_t> error_lines;
    opts.on_error = [&](int64_t line, const std::string&) { error_lines.push_back(line); };
    auto st = RunCorpus(is, out, ClaimExtractor(), opts);
    ASSERT_TRUE(st.ok()) << batch;
    EXPECT_EQ(st->documents, 41) << batch;
    EXPECT_EQ(st->claims, 41) << batch;
    EXPECT_EQ(st->errors, 1) << batch;
    EXPECT_EQ(st->bytes, static_cast<int64_t>(in.size()) + 1) << batch;
    EXPECT_EQ(error_lines, std::vector<int64_t>{14}) << batch;
    std::istringstream lines(out.str());
    std::string line;
    std::vector<std::string> got;
    while (std::getline(lines, line)) got.push_back(nlohmann::json::parse(line)["id"].dump());
    ASSERT_EQ(got.size(), 42u) << batch;
    EXPECT_EQ(got[11], "null");  // the broken line, in its place
    EXPECT_EQ(got[0], "0");
    EXPECT_EQ(got[12], "11");
    EXPECT_EQ(got[41], "\"last\"");
  }
}

}  // namespace
}  // namespace ftf::extract
