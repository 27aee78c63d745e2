#include "extract/evaluator.h"
#include "extract/sha256.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ftf::extract {
namespace {

std::string Read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(Evaluator, IntervalAgreement) {
  Claim a, b;
  a.best = 5600;
  b.best = 5650;
  EXPECT_TRUE(IntervalsAgree(a, b));
  b.best = 5700;
  EXPECT_FALSE(IntervalsAgree(a, b));
  Claim c, d;
  c.low = 200;
  c.high = 999;
  d.low = 200;
  EXPECT_FALSE(IntervalsAgree(c, d));
}

// The quality bar of issue 3: precision >= 0.92 and recall >= 0.88 on the development set
// (tests/fixtures/extraction/dev.jsonl, a copy of ../shared/extraction/dev.jsonl).
TEST(Evaluator, DevSetMeetsTheBar) {
  auto rep = Evaluate(Read(std::string(FTF_SOURCE_DIR) + "/tests/fixtures/extraction/dev.jsonl"), ClaimExtractor());
  ASSERT_TRUE(rep.ok()) << rep.status().message();
  EXPECT_EQ(rep->passages, 100);
  EXPECT_EQ(rep->overall.tp + rep->overall.fn, 228);
  EXPECT_GE(rep->overall.Precision(), 0.92) << rep->ToText();
  EXPECT_GE(rep->overall.Recall(), 0.88) << rep->ToText();
  EXPECT_EQ(rep->negative_with_output, 0);
}

// A page's recorded text_sha256 guards against scoring a text other than the annotated one.
TEST(Evaluator, TextDigestMustMatchTheText) {
  const std::string text = "Some 300 fighters left for Syria.";
  const std::string good = Sha256Hex(text);
  auto line = [&](const std::string& digest) {
    return R"({"id": "p1", "text": ")" + text + R"(", "text_sha256": ")" + digest + R"(", "claims": []})" + "\n";
  };
  auto ok = Evaluate(line(good), ClaimExtractor());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->passages, 1);
  std::string other = Sha256Hex(text + " ");
  auto bad = Evaluate(line(other), ClaimExtractor());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 1 (p1): text_sha256"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace ftf::extract
