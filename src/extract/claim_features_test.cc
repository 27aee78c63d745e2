// Features of the claims the extractor makes (claim_features.h), on sentences written for these
// tests: rule families rather than rules, the claim's own fields, and the shape of its context.
#include "extract/claim_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/claim_extractor.h"

namespace ftf::extract {
namespace {

// The features of the claim whose cue contains `cue`, from `extract --explain`'s view.
std::vector<std::string> FeaturesOf(const std::string& text, const std::string& cue) {
  ExtractOptions o;
  o.explain = true;
  o.rerank = false;
  for (const MentionDecision& d : ClaimExtractor().Extract(text, o).mentions)
    for (const MentionDecision::Reranked& r : d.reranked)
      if (r.claim.cue.find(cue) != std::string::npos) return r.features;
  return {};
}

bool Has(const std::vector<std::string>& f, const std::string& x) {
  return std::find(f.begin(), f.end(), x) != f.end();
}

void ExpectAll(const std::vector<std::string>& f, std::initializer_list<const char*> want) {
  ASSERT_FALSE(f.empty());
  for (const char* x : want) EXPECT_TRUE(Has(f, x)) << x;
}

TEST(ClaimFeatures, RuleFamiliesDropTheWordAndTheCategory) {
  EXPECT_EQ(RuleFamily("category:verb-after:returned"), "verb-after");
  EXPECT_EQ(RuleFamily("category:table-line-of-origin"), "table-line-of-origin");
  EXPECT_EQ(RuleFamily("scope:own-words-demonym"), "own-words-demonym");
  EXPECT_EQ(RuleFamily("topic:sentence"), "sentence");
  EXPECT_EQ(RuleFamily(""), "none");
}

TEST(ClaimFeatures, AClaimOfPlainProse) {
  auto f = FeaturesOf(
      "Intelligence officials estimate that about 140 Danish fighters have returned from Syria.\n\n"
      "The figure was published on Monday.",
      "140");
  ExpectAll(f, {"category=returned", "unit=persons", "qualifier=approx", "scope_kind=country", "magnitude=100-999",
                "scope_from=sentence", "theatre=named", "cue_clause=same", "topic_rule=sentence"});
  EXPECT_FALSE(Has(f, "line=no-stop"));
  EXPECT_FALSE(Has(f, "figure=in-brackets"));
  // No feature names a word, a place or a figure of the text.
  for (const std::string& x : f) {
    EXPECT_EQ(x.find("danish"), std::string::npos) << x;
    EXPECT_EQ(x.find("DNK"), std::string::npos) << x;
    EXPECT_EQ(x.find("140"), std::string::npos) << x;
  }
}

TEST(ClaimFeatures, AHeadlineAndALineOfAList) {
  auto head =
      FeaturesOf("Ruritanian ministry: 3,000 foreign fighters still in Syria\n\nThe count was made in May.", "3,000");
  ExpectAll(head, {"position=headline", "line=no-stop", "magnitude=1000-9999"});

  auto row = FeaturesOf(
      "Foreign fighters who left for Syria, by country of origin:\n\n"
      "Texts here say nothing.\n\n"
      "Sweden: 300\n\nFinland: 80\n",
      "80");
  ExpectAll(row, {"line=short", "sentence_tokens=1-8", "sentence_numbers=1", "magnitude=10-99"});
}

TEST(ClaimFeatures, BracketsAndAFigurePointingBack) {
  auto f = FeaturesOf("Recruits who left for Syria came from Austria (around 300) and Poland (some 40).", "300");
  ExpectAll(f, {"figure=in-brackets", "sentence_numbers=2", "sentence_places=2+"});

  auto back = FeaturesOf("About 400 Spanish fighters went to Syria. Of these, 60 have come back to Spain.", "60");
  ExpectAll(back, {"category=returned", "magnitude=10-99"});
}

}  // namespace
}  // namespace ftf::extract
