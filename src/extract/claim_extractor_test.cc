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

// A part of a base stated later in the sentence takes the base's scope and category, and the
// subgroup its predicate names ("… were women"), not those of the sentence before.
TEST(ClaimExtractor, PartOfALaterBaseTakesItsScopeAndPredicateSubgroup) {
  auto c = Extract("Nearly two thousand Tunisians joined the Islamic State, while between 1,000 and 1,200 Moroccans "
                   "went. Roughly 15 percent of the 5 600 European fighters were women.");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[2].scope, "Europe");
  EXPECT_EQ(c[2].subgroup, Subgroup::kWomen);
  EXPECT_EQ(c[2].category, Category::kDeparted);
  EXPECT_EQ(c[2].unit, Unit::kPersons);
  EXPECT_EQ(*c[2].best, 840);
  EXPECT_EQ(c[3].scope, "Europe");
  EXPECT_EQ(c[3].subgroup, Subgroup::kAll);
  EXPECT_EQ(*c[3].best, 5600);
}

TEST(ClaimExtractor, XOfTheYTakesTheScopeOfY) {
  auto c = Extract("Twelve of the 48 Irish citizens who left for Syria have died there.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].category, Category::kKilled);
  EXPECT_EQ(c[0].scope, "IRL");
  EXPECT_EQ(c[1].category, Category::kDeparted);
  EXPECT_EQ(c[1].scope, "IRL");
}

TEST(ClaimExtractor, SubgroupNamedByThePredicate) {
  auto c = Extract("Women made up 17 percent of the 1,200 German jihadists who departed.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].subgroup, Subgroup::kWomen);
  EXPECT_EQ(*c[0].best, 204);
  EXPECT_EQ(c[1].subgroup, Subgroup::kAll);
  auto d = Extract("One in four of the 160 Australians who joined the group in Syria was a woman.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].subgroup, Subgroup::kWomen);
  EXPECT_EQ(d[0].scope, "AUS");
  auto e = Extract("One in five of the foreign fighters who left Tunisia were women.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].subgroup, Subgroup::kWomen);
  EXPECT_EQ(e[0].unit, Unit::kShare);
  // A mixed group names no subgroup.
  auto f = Extract("A third of the 300 jihadists who left Bosnia were women and children.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].subgroup, Subgroup::kAll);
}

TEST(ClaimExtractor, BracketedFigureAfterAPlaceIsThatPlacesFigure) {
  auto c = Extract("The largest European contingents of jihadists came from France (1,910), Germany (960) and "
                   "Britain (850).");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].scope, "FRA");
  EXPECT_EQ(c[1].scope, "DEU");
  EXPECT_EQ(*c[1].best, 960);
  EXPECT_EQ(c[2].scope, "GBR");
  for (const Claim& x : c) EXPECT_EQ(x.category, Category::kDeparted);
}

TEST(ClaimExtractor, IsInCapitalsIsTheTopic) {
  auto c = Extract("The number of Central Asians who joined IS passed 4,000 in 2016.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "Central Asia");
  EXPECT_EQ(c[0].qualifier, Qualifier::kMoreThan);
  EXPECT_TRUE(Extract("WHAT IS LEFT: 3,000 jobs went in the town.").empty());
}

TEST(ClaimExtractor, SentenceTrapVoidsOnlyItsClause) {
  auto c = Extract("Some 11,000 SDF fighters died in the campaign against the Islamic State, while about 2,000 "
                   "foreign IS fighters are held in its prisons.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kDetained);
  EXPECT_EQ(c[0].scope, "World");
  EXPECT_EQ(*c[0].best, 2000);
}

TEST(ClaimExtractor, ChargesDeportationsAndGroupStrengthAreNoClaims) {
  auto c = Extract("Belgium has charged 120 returnees since 2014, and 87 of them have been convicted.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(*c[0].best, 87);
  EXPECT_EQ(c[0].category, Category::kConvicted);
  auto d = Extract("Turkish authorities deported 4,000 suspected foreign fighters, while some 250 Germans did reach "
                   "Syria.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].scope, "DEU");
  EXPECT_EQ(d[0].category, Category::kDeparted);
  EXPECT_TRUE(Extract("The group still commands an estimated 15,000 fighters across Iraq and Syria.").empty());
}

TEST(ClaimExtractor, NationalityBreakdownIsNoShareOfTheCountries) {
  auto c = Extract("As many as 1,200 Islamic State fighters from Europe remain in SDF prisons, and just over half of "
                   "them are French or Belgian.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "Europe");
}

TEST(ClaimExtractor, JailedIsConvictedAndAffiliatesAreFighters) {
  auto c = Extract("Twenty-three returnees have been jailed in the Netherlands.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].category, Category::kConvicted);
  EXPECT_EQ(c[0].scope, "NLD");
  auto d = Extract("ICSR counts 41,490 IS affiliates from 80 countries.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].category, Category::kDeparted);
  EXPECT_EQ(d[1].unit, Unit::kCountries);
}

TEST(ClaimExtractor, AttributionThroughAppositivesAndOffices) {
  auto a = Extract("PET, the Danish intelligence service, estimates that at least 145 people have left Denmark for "
                   "Syria and Iraq.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "PET");
  auto b = Extract("Sweden's security service, Säpo, says about 300 people have traveled from Sweden to Syria.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "Säpo");
  auto c = Extract("Of the roughly 1,000 Belgians who went to Syria, about a quarter came back, according to the "
                   "federal prosecutor's office.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].attributed_to, "federal prosecutor's office");
  // An indefinite person names no source; an organisation's acronym does.
  auto d = Extract("A senior Iraqi judge told reporters that Iraqi courts had sentenced more than 500 foreign women "
                   "for joining the Islamic State.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].attributed_to.has_value());
  auto e = Extract("A UN monitoring team reported that more than 25,000 foreign terrorist fighters had joined the "
                   "Islamic State.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].attributed_to, "UN monitoring team");
}

TEST(ClaimExtractor, HeadlineNamesTheSource) {
  auto c = Extract("Europol: more than 5,000 Europeans joined the Islamic State in Syria and Iraq.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].attributed_to, "Europol");
  EXPECT_EQ(c[0].scope, "Europe");
  EXPECT_EQ(c[0].qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(*c[0].low, 5000);
}

TEST(ClaimExtractor, PlaceHeadlineIsNoSourceAndCountriesAcross) {
  auto c = Extract("Kazakhstan: 600 citizens repatriated from Syrian camps");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scope, "KAZ");
  EXPECT_FALSE(c[0].attributed_to.has_value());
  auto d = Extract("The Soufan Center counts at least 5,600 returnees across 33 countries.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].unit, Unit::kCountries);
  EXPECT_EQ(d[1].category, Category::kReturned);
  EXPECT_EQ(*d[1].best, 33);
}

}  // namespace
}  // namespace ftf::extract
