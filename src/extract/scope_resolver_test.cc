#include "extract/scope_resolver.h"

#include <gtest/gtest.h>

#include "extract/claims_for_test.h"

namespace ftf::extract {
namespace {

using testing::Extract;
using testing::With;

// Rules 2.3.0.
TEST(ScopeResolver, ItsCitizensBindToTheCountryOutsideAPrepositionalAside) {
  auto c = Extract("Norway, with the help of the United States, has brought home 45 of its citizens from Syria.");
  ASSERT_TRUE(With(c, "45"));
  EXPECT_EQ(With(c, "45")->scope, "NOR");
  EXPECT_EQ(With(c, "45")->category, Category::kReturned);
  // Without an aside the nearest country is the owner.
  c = Extract("The United States helped Norway bring home 45 of its citizens from Syria.");
  ASSERT_TRUE(With(c, "45"));
  EXPECT_EQ(With(c, "45")->scope, "NOR");
}

TEST(ScopeResolver, AListEndingInAndOtherRegionIsTheRegion) {
  auto c =
      Extract("Between 2,000 and 3,000 citizens of Kazakhstan and other ex-Soviet nations have joined IS in Syria.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "Former Soviet Union");
  // "and other countries" names no region: the country stays.
  c = Extract("Some 300 citizens of Kazakhstan and other countries have joined IS in Syria.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "KAZ");
}

TEST(ScopeResolver, ARegionAdjectiveBeforeOneCountryNounIsNoRegion) {
  auto c = Extract("Twelve Tajik women and 30 children returned to the Central Asian nation from Syria.");
  ASSERT_TRUE(With(c, "30"));
  EXPECT_EQ(With(c, "30")->scope, "TJK");
  c = Extract("About 30 children returned to Central Asia from Syria.");
  ASSERT_TRUE(With(c, "30"));
  EXPECT_EQ(With(c, "30")->scope, "Central Asia");
}

TEST(ScopeResolver, ReturneesFromTheMiddleEastComeHome) {
  auto c = Extract(
      "Malaysian police keep watch on at least 70 citizens who came back home from the Middle East after fighting "
      "for IS.");
  ASSERT_TRUE(With(c, "70"));
  EXPECT_EQ(With(c, "70")->scope, "MYS");
  // Those who left from the region keep it.
  c = Extract("Some 200 fighters from the Middle East travelled to Syria.");
  ASSERT_TRUE(With(c, "200"));
  EXPECT_EQ(With(c, "200")->scope, "Middle East");
}

TEST(ScopeResolver, ARangeDashOpensNoAside) {
  auto c = Extract("Some 4,000 \xE2\x80\x93 6,000 volunteers from Western countries have travelled to Syria.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "Western countries");
  EXPECT_EQ(c[0].qualifier, Qualifier::kRange);
}

TEST(ScopeResolver, PeopleFromNNationalitiesAreAWorldFigure) {
  auto c = Extract(
      "Thousands of jihadists from 47 different nationalities have travelled to Syria to fight government "
      "forces and their allies from Iran.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].scope, "World");
  EXPECT_EQ(c[1].unit, Unit::kCountries);
  EXPECT_EQ(c[1].scope, "World");
}

TEST(ScopeResolver, SubnationalOriginsMapToTheirCountry) {
  auto c = Extract("At least 20 people from Kerala joined IS in Syria.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "IND");
}

TEST(ScopeResolver, ANationalSecurityServiceCountsItsCountrysPeople) {
  auto c = Extract("Intelligence service AIVD said that hundreds of women have travelled to Syria to join IS.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "NLD");
  // A global-sized count stays World, whoever gives it.
  c = Extract("According to the AIVD, about 30,000 people have travelled to Syria to join IS.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "World");
}

}  // namespace
}  // namespace ftf::extract
