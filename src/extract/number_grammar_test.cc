#include "extract/number_grammar.h"

#include <gtest/gtest.h>

namespace ftf::extract {
namespace {

NumExpr One(const std::string& s) {
  auto toks = Tokenize(s, 0, s.size());
  auto nums = FindNumbers(toks, RuleSet::Bundled());
  EXPECT_EQ(nums.size(), 1u) << s;
  return nums.empty() ? NumExpr{} : nums[0];
}

TEST(NumberGrammar, DigitsAndSeparators) {
  EXPECT_EQ(*One("5,600 fighters").best, 5600);
  EXPECT_EQ(*One("5 600 fighters").best, 5600);
  EXPECT_EQ(*One("5.600 fighters").best, 5600);
  EXPECT_EQ(*One("1.5 million people").best, 1500000);
  EXPECT_EQ(ParseDigits("0800", false), std::nullopt);
  EXPECT_EQ(ParseDigits("5,60", false), std::nullopt);
}

TEST(NumberGrammar, WordsAndHedges) {
  NumExpr e = One("nearly two thousand people");
  EXPECT_EQ(e.qualifier, Qualifier::kApprox);
  EXPECT_EQ(*e.best, 2000);
  e = One("about two dozen women");
  EXPECT_EQ(*e.best, 24);
  EXPECT_EQ(One("seven").qualifier, Qualifier::kExact);
  EXPECT_EQ(One("5,000 or so").qualifier, Qualifier::kApprox);
  e = One("just over 40");
  EXPECT_EQ(e.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(*e.low, 40);
  e = One("no more than 25");
  EXPECT_EQ(*e.high, 25);
}

TEST(NumberGrammar, Ranges) {
  for (const char* s : {"300-350", "300\u2013350", "between 300 and 350", "from 300 to 350", "300 to 350"}) {
    NumExpr e = One(s);
    EXPECT_EQ(e.qualifier, Qualifier::kRange) << s;
    EXPECT_EQ(*e.low, 300) << s;
    EXPECT_EQ(*e.high, 350) << s;
  }
  NumExpr e = One("At least 78 and possibly as many as 90");
  EXPECT_EQ(e.qualifier, Qualifier::kRange);
  EXPECT_EQ(*e.high, 90);
  e = One("15 to 20 percent");
  EXPECT_EQ(e.kind, NumKind::kPercent);
  EXPECT_DOUBLE_EQ(*e.high, 0.2);
  EXPECT_TRUE(One("between 2012 and 2016").year);
}

// Rules 2.3.0: an approximation before a range hedges the range; "between" takes a dash or "to".
TEST(NumberGrammar, HedgedRangesAreRanges) {
  for (const char* s : {"around 300-350", "some 300 to 350", "an estimated 300 to 350", "approximately 300 to 350",
                        "between 300-350", "between 300 to 350"}) {
    NumExpr e = One(s);
    EXPECT_EQ(e.qualifier, Qualifier::kRange) << s;
    EXPECT_EQ(*e.low, 300) << s;
    EXPECT_EQ(*e.high, 350) << s;
    EXPECT_EQ(e.begin, 0u) << s;  // the hedge stays in the cue
  }
  NumExpr e = One("some six to eight");
  EXPECT_EQ(e.qualifier, Qualifier::kRange);
  EXPECT_EQ(*e.low, 6);
  e = One("about 15% to 20%");
  EXPECT_EQ(e.kind, NumKind::kPercent);
  EXPECT_EQ(*e.high, 0.2);  // divided, so exactly the double nearest 0.2
  EXPECT_EQ(*One("30 to 35 percent").high, 0.35);
  // A bound keeps its direction: "up to 5-6" is no plain range.
  EXPECT_NE(FindNumbers(Tokenize("up to 50-60 men", 0, 15), RuleSet::Bundled())[0].qualifier, Qualifier::kRange);
}

TEST(NumberGrammar, ParticleVerbsAreNoHedges) {
  NumExpr e = One("authorities handed over 148 women");
  EXPECT_EQ(e.qualifier, Qualifier::kExact);
  EXPECT_EQ(*e.best, 148);
  EXPECT_EQ(e.begin, e.core_begin);  // "handed over" is not part of the cue
  EXPECT_EQ(One("over 148 women").qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(One("probably 38 died").qualifier, Qualifier::kApprox);
}

TEST(NumberGrammar, VagueFractionsPercentages) {
  NumExpr e = One("a few hundred");
  EXPECT_EQ(e.qualifier, Qualifier::kVague);
  EXPECT_EQ(*e.low, 200);
  EXPECT_EQ(*e.high, 499);
  EXPECT_EQ(*One("Tens of thousands").low, 20000);
  e = One("more than a quarter");
  EXPECT_EQ(e.kind, NumKind::kFraction);
  EXPECT_EQ(*e.low, 0.25);
  EXPECT_DOUBLE_EQ(*One("one in five").best, 0.2);
  EXPECT_DOUBLE_EQ(*One("about 15 per cent").best, 0.15);
  EXPECT_DOUBLE_EQ(*One("33%").best, 0.33);
  EXPECT_EQ(One("just under half").qualifier, Qualifier::kFewerThan);
}

TEST(NumberGrammar, CodesAreNotNumbers) {
  auto toks = Tokenize("call 0800 789 321 now", 0, 21);
  EXPECT_TRUE(FindNumbers(toks, RuleSet::Bundled()).empty());
}

}  // namespace
}  // namespace ftf::extract
