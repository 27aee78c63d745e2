// The learned claim re-ranker (reranker.h) with hand-made tables: its score, its threshold, how
// the table is read, and what the extractor does with it — a claim scored below the threshold is
// dropped, one above kept, and --explain still shows both with their features. The sentences are
// written for these tests.
#include "extract/reranker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/embedded_data.h"
#include "extract/claim_extractor.h"
#include "geo/gazetteer.h"

namespace ftf::extract {
namespace {

// The bundled rules with `table` as reranker.tsv (nullopt: no table at all).
Result<RuleSet> RulesWith(std::optional<std::string> table) {
  return RuleSet::Load([table](std::string_view name) -> std::optional<std::string_view> {
    if (name == "reranker.tsv") return table ? std::optional<std::string_view>(*table) : std::nullopt;
    return embedded::Find("data/rules/" + std::string(name));
  });
}

TEST(Reranker, ScoreIsTheLogisticOfBiasPlusWeights) {
  Reranker r;
  EXPECT_TRUE(r.empty());
  EXPECT_TRUE(r.Keeps(0.0));  // an empty table keeps everything
  r.SetBias(-1.0);
  r.SetWeight("category=returned", 3.0);
  r.SetThreshold(0.5);
  EXPECT_FALSE(r.empty());
  EXPECT_NEAR(r.Score({}), 1 / (1 + std::exp(1.0)), 1e-12);
  EXPECT_NEAR(r.Score({"category=returned", "unknown=feature"}), 1 / (1 + std::exp(-2.0)), 1e-12);
  EXPECT_DOUBLE_EQ(r.Weight("category=returned"), 3.0);
  EXPECT_DOUBLE_EQ(r.Weight("unknown=feature"), 0.0);
  EXPECT_TRUE(r.Keeps(0.5));
  EXPECT_FALSE(r.Keeps(0.49));
}

TEST(Reranker, TableRowsAreRead) {
  auto rules = RulesWith("# a comment\nfeature\tweight\n(bias)\t0.25\n(threshold)\t0.40\nunit=share\t-1.5\n");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_FALSE(rules->reranker.empty());
  EXPECT_DOUBLE_EQ(rules->reranker.threshold(), 0.40);
  EXPECT_DOUBLE_EQ(rules->reranker.Weight("unit=share"), -1.5);
}

TEST(Reranker, AbsentOrHeaderOnlyTableReranksNothing) {
  auto none = RulesWith(std::nullopt);
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_TRUE(none->reranker.empty());
  auto header = RulesWith("# nothing trained yet\nfeature\tweight\n");
  ASSERT_TRUE(header.ok()) << header.status().message();
  EXPECT_TRUE(header->reranker.empty());
}

TEST(Reranker, BadRowsNameTheLine) {
  auto threshold = RulesWith("feature\tweight\n(threshold)\t1.5\n");
  ASSERT_FALSE(threshold.ok());
  EXPECT_NE(threshold.status().message().find("reranker.tsv:2"), std::string::npos) << threshold.status().message();
  auto no_family = RulesWith("feature\tweight\n(bias)\t0\nreturned\t1\n");
  ASSERT_FALSE(no_family.ok());
  EXPECT_NE(no_family.status().message().find("reranker.tsv:3"), std::string::npos) << no_family.status().message();
  auto not_a_number = RulesWith("feature\tweight\nunit=share\tlots\n");
  EXPECT_FALSE(not_a_number.ok());
}

// Two claims of different categories in one sentence; a table that trusts only returnees.
constexpr const char* kTwoFigures =
    "About 70 Norwegian fighters travelled to Syria, and 25 of them have since returned home.";
constexpr const char* kTrustReturnees = "feature\tweight\n(bias)\t-4\n(threshold)\t0.5\ncategory=returned\t8\n";

TEST(Reranker, DropsAClaimBelowTheThresholdAndKeepsOneAbove) {
  const std::string text = kTwoFigures;
  const auto& geo = Gazetteer::Bundled();
  auto plain = RulesWith(std::nullopt);
  ASSERT_TRUE(plain.ok());
  const std::vector<Claim> rules_only = ClaimExtractor(*plain, geo).Extract(text).claims;
  ASSERT_EQ(rules_only.size(), 2u);
  EXPECT_EQ(rules_only[0].category, Category::kDeparted);
  EXPECT_EQ(rules_only[1].category, Category::kReturned);

  auto trained = RulesWith(kTrustReturnees);
  ASSERT_TRUE(trained.ok()) << trained.status().message();
  ClaimExtractor ex(*trained, geo);
  const std::vector<Claim> kept = ex.Extract(text).claims;
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].category, Category::kReturned);
  EXPECT_EQ(kept[0].best, 25);

  // Without re-ranking (the trainer's view) both stay.
  ExtractOptions raw;
  raw.rerank = false;
  EXPECT_EQ(ex.Extract(text, raw).claims.size(), 2u);

  // --explain shows the dropped claim with its score and features; indices point at kept claims.
  ExtractOptions explain;
  explain.explain = true;
  Extraction x = ex.Extract(text, explain);
  ASSERT_EQ(x.claims.size(), 1u);
  int dropped = 0, kept_shown = 0;
  for (const MentionDecision& d : x.mentions) {
    for (const MentionDecision::Reranked& r : d.reranked) {
      EXPECT_FALSE(std::isnan(r.score));
      EXPECT_EQ(r.kept, r.score >= 0.5);
      EXPECT_NE(std::find(r.features.begin(), r.features.end(), "category=" + std::string(Name(r.claim.category))),
                r.features.end());
      (r.kept ? kept_shown : dropped) += 1;
    }
    for (size_t ci : d.claims) EXPECT_EQ(x.claims.at(ci).category, Category::kReturned);
  }
  EXPECT_EQ(dropped, 1);
  EXPECT_EQ(kept_shown, 1);
}

TEST(Reranker, EmptyTableChangesNoClaim) {
  const std::string text = "Some 300 Belgian recruits left for Iraq; at least 40 were killed there, officials said.";
  auto header = RulesWith("feature\tweight\n");
  ASSERT_TRUE(header.ok());
  auto none = RulesWith(std::nullopt);
  ASSERT_TRUE(none.ok());
  const auto& geo = Gazetteer::Bundled();
  EXPECT_EQ(ClaimExtractor(*header, geo).Extract(text).claims, ClaimExtractor(*none, geo).Extract(text).claims);
}

}  // namespace
}  // namespace ftf::extract
