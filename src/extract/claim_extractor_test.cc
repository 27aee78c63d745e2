#include "extract/claim_extractor.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

std::vector<Claim> Extract(const std::string& text) { return ClaimExtractor().Extract(text).claims; }

TEST(ClaimExtractor, ListWithOneFigureEach) {
  auto c = Extract("Russia tops the list of source countries with 3,417 recruits, followed by Saudi Arabia (3,244) "
                   "and Tunisia (2,926), the Soufan Center's tally shows.");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1].scope, "SAU");
  EXPECT_EQ(*c[2].best, 2926);
  EXPECT_EQ(c[2].category, Category::kDeparted);
  EXPECT_EQ(c[2].attributed_to, "Soufan Center");
}

TEST(ClaimExtractor, SharedVagueFigureGivesOneClaimPerCountry) {
  auto c = Extract("Over 40,000 foreign fighters joined the group. Hundreds have already returned home to places like "
                   "Russia, France, the U.K., and Germany.");
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[3].scope, "GBR");
  EXPECT_EQ(c[3].qualifier, Qualifier::kVague);
  EXPECT_EQ(c[3].category, Category::kReturned);
}

TEST(ClaimExtractor, ContinuationCarriesScopeAndSource) {
  auto c = Extract("Moroccan officials have identified 1,659 Moroccans who joined jihadist groups in Syria. "
                   "Of those, roughly 260 have returned.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].scope, "MAR");
  EXPECT_EQ(c[1].category, Category::kReturned);
}

TEST(ClaimExtractor, DerivedFigureAndBase) {
  auto c = Extract("Spanish police say roughly 20 percent of the 230 people who left Spain to join jihadist groups in "
                   "Syria have since returned.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].category, Category::kReturned);
  EXPECT_EQ(c[0].unit, Unit::kPersons);
  EXPECT_EQ(*c[0].best, 46);
  EXPECT_EQ(c[1].category, Category::kDeparted);
  EXPECT_EQ(c[0].attributed_to, "Spanish police");
}

TEST(ClaimExtractor, TrapsYieldNothing) {
  for (const char* t : {
           "The attack killed 130 people, and the fighters who planned it had travelled from Syria.",
           "Kosovars who join armed groups abroad face up to 15 years in prison.",
           "At least 50 more foreign fighters tried to travel to Syria but were stopped by police.",
           "Resolution 2178 requires all 193 member states to stop foreign fighters travelling.",
           "The anti-Soviet jihad in Afghanistan drew thousands of foreign fighters in the 1980s.",
       }) {
    EXPECT_TRUE(Extract(t).empty()) << t;
  }
}

TEST(ClaimExtractor, SpansPointAtTheCue) {
  std::string text = "Officials said about\u00a0300 Tajik fighters returned.";
  auto c = Extract(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(text.substr(c[0].span->start, c[0].span->end - c[0].span->start), "about\u00a0300");
  EXPECT_EQ(c[0].sentence, text);
  EXPECT_EQ(c[0].origin, RuleSet::Bundled().Origin());
}

TEST(ClaimExtractor, InvalidUtf8IsReportedNotFatal) {
  std::string text = "About 300 fighters \xff\xfe returned to Tunisia.";
  Extraction x = ClaimExtractor().Extract(text);
  ASSERT_TRUE(x.invalid_utf8_offset);
  EXPECT_EQ(*x.invalid_utf8_offset, 19u);
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].scope, "TUN");
}

}  // namespace
}  // namespace ftf::extract
