#include "claims/claim_json.h"

#include <random>

#include <gtest/gtest.h>

namespace ftf {
namespace {

// What AppendClaimJson promises to equal.
std::string Dumped(const Claim& c) {
  return ClaimToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Appended(const Claim& c) {
  std::string out = "prefix ";  // appends, never overwrites
  AppendClaimJson(c, &out);
  EXPECT_EQ(out.rfind("prefix ", 0), 0u);
  return out.substr(7);
}

Claim Extracted() {
  Claim c;
  c.scope = "GBR";
  c.category = Category::kReturned;
  c.subgroup = Subgroup::kWomen;
  c.best = 850;
  c.qualifier = Qualifier::kApprox;
  c.as_of = "2019-01-01";
  c.origin = "extractor/2.2.0";
  c.span = Span{1976, 1991};
  c.cue = "about 850";
  c.sentence = "About 850 \"foreign fighters\" returned.";
  c.rule = "category:cue-in-own-words:returned";
  return c;
}

TEST(ClaimJson, AppendMatchesDumpForAnExtractedClaim) {
  Claim c = Extracted();
  EXPECT_EQ(Appended(c), Dumped(c));
  c.attributed_to = "US State Department";
  c.source_id = "soufan2017";
  c.document_sha256 = std::string(64, 'a');
  c.best.reset();
  c.low = 4137;
  c.high = 5000;
  c.qualifier = Qualifier::kRange;
  c.span.reset();
  EXPECT_EQ(Appended(c), Dumped(c));
}

TEST(ClaimJson, AppendMatchesDumpForEveryOptionalField) {
  Claim c = Extracted();
  c.id = 12345678901;
  c.review = ReviewStatus::kCorrected;
  c.review_note = "see claim 7";
  c.page = "p. 12";
  c.note = "two copies";
  c.role = ClaimRole::kTableTotal;
  c.as_of.clear();
  c.origin = "manual";
  EXPECT_EQ(Appended(c), Dumped(c));
  c.rule.clear();
  c.id = -3;
  EXPECT_EQ(Appended(c), Dumped(c));
}

TEST(ClaimJson, AppendMatchesDumpForFractionsAndLargeNumbers) {
  Claim c = Extracted();
  for (double v : {0.5, 12.25, 1e-7, 0.1, 33.333333333333336, -4.5, 8.9e15, 9e15, 1e20, 0.0, -0.0, 123456789.0,
                   1.7976931348623157e308, 4.9e-324}) {
    c.low = v;
    c.best = -v;
    c.high = v * 3;
    EXPECT_EQ(Appended(c), Dumped(c)) << v;
  }
}

TEST(ClaimJson, AppendMatchesDumpForEscapesAndUtf8) {
  Claim c = Extracted();
  for (std::string s : {std::string("quote \" backslash \\ slash /"), std::string("tab\tnl\ncr\rbs\bff\f"),
                        std::string("nul \0 unit \x1f del \x7f", sizeof("nul \0 unit \x1f del \x7f") - 1),
                        std::string("T\xC3\xBCrkiye \xE2\x80\x9Cquoted\xE2\x80\x9D"),
                        std::string("emoji \xF0\x9F\x98\x80 and U+FFFE \xEF\xBF\xBE"),
                        // invalid: lone continuation, truncated, overlong, surrogate, above U+10FFFF
                        std::string("a\x80z"), std::string("cut \xE2\x80"), std::string("over \xC0\xAF long"),
                        std::string("sur \xED\xA0\x80 rogate"), std::string("big \xF4\x90\x80\x80"),
                        std::string("\xFF\xFE"), std::string("")}) {
    c.sentence = s;
    c.cue = s;
    c.attributed_to = s;
    c.source_id = s;
    EXPECT_EQ(Appended(c), Dumped(c)) << s;
  }
}

// Random bytes biased towards the ones with a meaning in JSON or UTF-8 (fixed seed).
TEST(ClaimJson, AppendMatchesDumpForRandomText) {
  std::mt19937 rng(20261207);
  const std::string alphabet =
      std::string("aZ09 \"\\/\t\n\x01\x1f\x7f", 13) + "\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80\xED\xA0\xC0\xFF";
  Claim c = Extracted();
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
    c.sentence = s;
    c.cue = s.substr(0, s.size() / 2);
    ASSERT_EQ(Appended(c), Dumped(c)) << "round " << round;
  }
}

}  // namespace
}  // namespace ftf
