#include "fuse/fusion_config.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

TEST(FusionConfig, BundledFileEqualsTheDocumentedDefaults) {
  auto c = DefaultFusionConfig();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  FusionConfig d;
  EXPECT_EQ(c->kind_weights, d.kind_weights);
  EXPECT_EQ(c->recency_half_life_days, d.recency_half_life_days);
  EXPECT_EQ(c->contemporaneous_days, d.contemporaneous_days);
  EXPECT_EQ(c->cumulative, d.cumulative);
  EXPECT_EQ(c->credible_share, d.credible_share);
  EXPECT_EQ(c->interval_rules.hedge_margin, d.interval_rules.hedge_margin);
  EXPECT_EQ(c->max_passes, d.max_passes);
  EXPECT_EQ(c->copy_lead_days, d.copy_lead_days);
  EXPECT_EQ(c->copy_window_days, d.copy_window_days);
  EXPECT_FALSE(c->IsCumulative(Category::kInTheater));
  EXPECT_TRUE(c->IsCumulative(Category::kReturned));
  EXPECT_DOUBLE_EQ(c->KindWeight(SourceKind::kNews), 0.4);
}

TEST(FusionConfig, OmittedFieldsKeepDefaultsAndErrorsNameTheField) {
  auto c = ParseFusionConfig(R"({"kind_weights": {"news": 0.1}, "contemporaneous_days": 30})", "f.json");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_DOUBLE_EQ(c->KindWeight(SourceKind::kNews), 0.1);
  EXPECT_DOUBLE_EQ(c->KindWeight(SourceKind::kThinkTank), 0.8);
  EXPECT_EQ(c->contemporaneous_days, 30);

  auto bad = ParseFusionConfig(R"({"kind_weights": {"news": 0}})", "f.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("f.json: kind_weights.news"), std::string::npos) << bad.status().message();
  auto typo = ParseFusionConfig(R"({"recency_halflife": 3})", "f.json");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("recency_halflife: unknown field"), std::string::npos);
  auto kind = ParseFusionConfig(R"({"kind_weights": {"blog": 1}})", "f.json");
  EXPECT_FALSE(kind.ok());
  EXPECT_FALSE(ParseFusionConfig("[1]", "f.json").ok());
  EXPECT_FALSE(ParseFusionConfig(R"({"cumulative_categories": ["invaded"]})", "f.json").ok());
  auto window = ParseFusionConfig(R"({"copy_window_days": -1})", "f.json");
  ASSERT_FALSE(window.ok());
  EXPECT_NE(window.status().message().find("f.json: copy_window_days"), std::string::npos);
  EXPECT_EQ(ParseFusionConfig(R"({"copy_lead_days": 7})", "f.json")->copy_lead_days, 7);
}

}  // namespace
}  // namespace ftf
