#include "extract/category_cues.h"

#include <gtest/gtest.h>

#include "extract/claims_for_test.h"

namespace ftf::extract {
namespace {

using testing::Extract;
using testing::With;

// Rules 2.3.0: precedence decides among the cues of the figure's own predicate only.
TEST(CategoryCues, AClauseWithItsOwnSubjectEndsTheFiguresPredicate) {
  for (const char* t :
       {"Over 100 Danish citizens went to Syria, and those who have returned may plot attacks.",
        "About 850 Britons have travelled to Syria and although many have been killed, the threat remains.",
        "Up to 650 Azerbaijani nationals have joined the group, raising fears if the militants ever come back."}) {
    auto c = Extract(t);
    ASSERT_FALSE(c.empty()) << t;
    EXPECT_EQ(c[0].category, Category::kDeparted) << t;
  }
  // The same subject going on: precedence still applies.
  auto c = Extract("Over 90 Finnish citizens travelled to Syria and have since returned.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kReturned);
}

TEST(CategoryCues, ARelativeClauseOfAnotherNounIsNotTheFigures) {
  auto c =
      Extract("In March, 79 children of Kyrgyz fighters were repatriated with their mothers, who remained in Iraq.");
  ASSERT_TRUE(With(c, "79"));
  EXPECT_EQ(With(c, "79")->category, Category::kReturned);
  // Without the comma the clause is the figure's own.
  c = Extract("In March, 79 Kyrgyz fighters who remained in Iraq were killed.");
  ASSERT_TRUE(With(c, "79"));
  EXPECT_EQ(With(c, "79")->category, Category::kKilled);
}

// Rules 2.4.0: a "whose" clause tells what befell the possessed noun; the figure's own verb follows it.
TEST(CategoryCues, AWhoseClauseSpeaksOfAnotherNoun) {
  const std::string head = "Baltic states and the families of Islamic State fighters\n\n";
  auto c = Extract(head + "Some 35 Latvian widows whose husbands were killed near Raqqa have been flown home.");
  ASSERT_TRUE(With(c, "Some 35"));
  EXPECT_EQ(With(c, "Some 35")->category, Category::kReturned);
  // Coordinated verbs stay in the clause ("joined … and were killed").
  c = Extract(
      "Eighteen Estonian orphans whose parents joined the Islamic State and later died there were repatriated.");
  ASSERT_TRUE(With(c, "Eighteen"));
  EXPECT_EQ(With(c, "Eighteen")->category, Category::kReturned);
  // Set off by commas, the clause ends at the next comma.
  c = Extract(head + "Twelve Lithuanian women, whose brothers had travelled to Syria, returned from Iraq in May.");
  ASSERT_TRUE(With(c, "Twelve"));
  EXPECT_EQ(With(c, "Twelve")->category, Category::kReturned);
  // A figure with no verb of its own after the clause takes none from it.
  for (const Claim& x :
       Extract(head + "Officials flew 14 Latvian children home along with a widow whose husband was killed in Syria."))
    EXPECT_NE(x.category, Category::kKilled) << x.cue;
  // Look-alike: "who" (not "whose") is the figure's own clause, and its verb counts.
  c = Extract(head + "Some 35 Latvian men who were killed near Raqqa had left Riga in 2014.");
  ASSERT_TRUE(With(c, "Some 35"));
  EXPECT_EQ(With(c, "Some 35")->category, Category::kKilled);
}

TEST(CategoryCues, TheNumberOfXHasReachedN) {
  auto c = Extract("The number of Russian fighters still in Syria has reached about 2,000.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kInTheater);
}

TEST(CategoryCues, PeopleStillFightingAreInTheatre) {
  auto c = Extract("Over 40 Georgians were killed in Syria and 15 Georgians are continuing to fight there.");
  ASSERT_TRUE(With(c, "15"));
  EXPECT_EQ(With(c, "15")->category, Category::kInTheater);
  // Groups fighting in Syria are where people went, not people still there.
  c = Extract("A few hundred Albanians joined groups fighting in Syria.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kDeparted);
}

TEST(CategoryCues, AnAdverbBetweenMakesTheCueAVerb) {
  auto c =
      Extract("Roughly 90 Kenyans went to fight for IS in Iraq, and at least three were already killed in battle.");
  ASSERT_TRUE(With(c, "three"));
  EXPECT_EQ(With(c, "three")->category, Category::kKilled);
  // A noun right after the figure stays a weak cue: "400 returnees" is still counted by its verb.
  c = Extract("Officials say 400 returnees were later convicted.");
  ASSERT_TRUE(With(c, "400"));
  EXPECT_EQ(With(c, "400")->category, Category::kConvicted);
}

// Precision round 2: a part listed after a whole keeps the whole's category only when its own
// words say whom it counts (a subgroup, people, a place) or it is a share of the whole.
TEST(CategoryCues, APartNamedByAnotherAttributeIsNoClaim) {
  for (const char* t :
       {"Some 30 Belgian fighters have died in Syria, of which 18 are confirmed and 12 unconfirmed.",
        "At least 25 Danish jihadists were killed in Iraq, six of whom were suicide bombers.",
        "About 40 Finnish militants have been killed in Syria, including five as a result of air strikes.",
        "A total of 900 fighters left Algeria for Syria, including 600 within the Nusra Front."}) {
    auto c = Extract(t);
    ASSERT_EQ(c.size(), 1u) << t;
  }
  // Look-alikes: a part that names a subgroup, people or a place, or a share of the whole.
  const std::pair<const char*, const char*> kept[] = {
      {"Some 30 Belgian fighters have died in Syria, of which 18 are women and 12 children.", "18"},
      {"At least 25 Danish jihadists were killed in Iraq, including six teenagers.", "six"},
      {"About 40 Finnish militants have been killed in Syria, including five in Raqqa.", "five"},
      {"A total of 900 fighters left North Africa for Syria, including 600 from Tunisia.", "600"},
      {"About 400 Dutch fighters went to Syria, and 30 percent of them have returned.", "30 percent"}};
  for (const auto& [t, part] : kept) EXPECT_TRUE(With(Extract(t), part)) << t;
}

}  // namespace
}  // namespace ftf::extract
