#include "extract/evaluator.h"

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

}  // namespace
}  // namespace ftf::extract
