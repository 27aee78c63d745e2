#include "extract/world_scope.h"

#include <gtest/gtest.h>

#include "extract/claims_for_test.h"

namespace ftf::extract {
namespace {

using testing::Extract;
using testing::With;

constexpr const char* kStory = "South Africa tracks its jihadists\n\nAbout 140 South Africans have joined IS in Syria.\n\n";

TEST(WorldScope, AGlobalSizedFigureIsNoCountrysFigure) {
  auto c = Extract(std::string(kStory) + "Officials say about 15,000 people have travelled to fight alongside IS.");
  ASSERT_TRUE(With(c, "15,000"));
  EXPECT_EQ(With(c, "15,000")->scope, "World");
  // A national-sized figure keeps the story's country.
  c = Extract(std::string(kStory) + "Officials say about 60 people have come back.");
  ASSERT_TRUE(With(c, "60"));
  EXPECT_EQ(With(c, "60")->scope, "ZAF");
  // A country named in the figure's own words stays, whatever the size.
  c = Extract("Some 12,000 Syrians and 15,000 Iraqis fled.\n\nAbout 11,000 fighters from Tunisia joined IS.");
  for (const Claim& x : c) EXPECT_NE(x.scope, "World") << x.cue;
}

// A global body reports national figures too: its name decides nothing about whose people are
// counted, so the story's country stands.
TEST(WorldScope, AGlobalBodyAsSourceMakesNoWorldFigure) {
  auto c = Extract(std::string(kStory) + "A UN panel reported that about 70 people have travelled to Syria.");
  ASSERT_TRUE(With(c, "70"));
  EXPECT_EQ(With(c, "70")->scope, "ZAF");
  c = Extract(std::string(kStory) + "According to the United Nations, some 45 citizens have returned.");
  ASSERT_TRUE(With(c, "45"));
  EXPECT_EQ(With(c, "45")->scope, "ZAF");
}

TEST(WorldScope, ForeignPeopleInTheFiguresPhraseAreAWorldFigure) {
  auto c = Extract(std::string(kStory) + "Thousands of children of foreign fighters are held in the camps.");
  ASSERT_TRUE(With(c, "Thousands"));
  EXPECT_EQ(With(c, "Thousands")->scope, "World");
  // "foreign custody" counts no foreigners.
  c = Extract(std::string(kStory) + "At least 30 of them are in foreign custody.");
  ASSERT_TRUE(With(c, "30"));
  EXPECT_EQ(With(c, "30")->scope, "ZAF");
}

TEST(WorldScope, ForeignPeopleAreNotCountedForThePlaceOfAnotherFigure) {
  auto c = Extract("There are reports of 6,000 African fighters among the 30,000 foreign elements who joined IS in Syria.");
  ASSERT_TRUE(With(c, "30,000"));
  EXPECT_EQ(With(c, "30,000")->scope, "World");
  EXPECT_EQ(With(c, "6,000")->scope, "Africa");
  // Without "foreign" the place before stays the scope.
  c = Extract("Some 300 Uzbeks returned home from Syria, and 40 fighters were detained in Iraq.");
  ASSERT_TRUE(With(c, "40"));
  EXPECT_EQ(With(c, "40")->scope, "UZB");
}

TEST(WorldScope, APlaceThatBacksOthersIsNoOrigin) {
  auto c = Extract(std::string(kStory) + "The Kurds hold thousands of jihadists in camps after the defeat of IS by US-backed forces.");
  ASSERT_TRUE(With(c, "thousands"));
  EXPECT_NE(With(c, "thousands")->scope, "USA");
}

}  // namespace
}  // namespace ftf::extract
