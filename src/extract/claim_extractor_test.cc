#include "extract/claim_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

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


// --- Rules 2.0.0: construction families of issue 10 (our own sentences) ---------------------

namespace families {

// The claims of `text` as "category/subgroup/scope/unit/value" strings, in order.
std::vector<std::string> Keys(const std::string& text) {
  std::vector<std::string> out;
  for (const Claim& c : ClaimExtractor().Extract(text).claims) {
    double v = c.best ? *c.best : c.low ? *c.low : c.high ? *c.high : -1;
    out.push_back(std::string(Name(c.category)) + "/" + std::string(Name(c.subgroup)) + "/" + c.scope + "/" +
                  std::string(Name(c.unit)) + "/" + std::to_string(static_cast<int64_t>(std::round(v * 1000))));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Families, HedgedListItemsInBracketsTakeThePredicateAfterTheList) {
  EXPECT_EQ(Keys("Belgium (around 500), the Netherlands (some 250) and Denmark (roughly 150) have seen citizens "
                 "leave to join jihadist groups in Syria."),
            (V{"departed/all/BEL/persons/500000", "departed/all/NLD/persons/250000", "departed/all/DNK/persons/150000"}));
}

TEST(Families, FlattenedTableRowKeepsOnlyFiguresWithACategory) {
  // "France 1,910 · 302 returned": the returned figure is France's; the bare 1,910 has no category word.
  EXPECT_EQ(Keys("Foreign fighters by country of origin\n\nFrance 1,910 \xC2\xB7 302 returned\n"),
            (V{"returned/all/FRA/persons/302000"}));
}

TEST(Families, DemonymsAndPossessivesFromTheGazetteer) {
  EXPECT_EQ(Keys("Some 1,300 Tajik recruits joined the Islamic State."), (V{"departed/all/TJK/persons/1300000"}));
  EXPECT_EQ(Keys("About 300 Moroccan-born fighters were killed in Syria."), (V{"killed/all/MAR/persons/300000"}));
  EXPECT_EQ(Keys("Germany's 960 fighters make it the third source in Europe."), (V{"departed/all/DEU/persons/960000"}));
  EXPECT_EQ(Keys("Around 400 Kosovars travelled to Syria and Iraq."), (V{"departed/all/XKX/persons/400000"}));
}

TEST(Families, DiscourseFromHeadlineAndPreviousSentence) {
  EXPECT_EQ(Keys("Belgium: 450 jihadists left for Syria\n\nSome 450 Belgians have left to fight in Syria and Iraq, the "
                 "interior ministry said. Of these, about a third are back. Another 60 are believed dead."),
            (V{"departed/all/BEL/persons/450000", "departed/all/BEL/persons/450000", "returned/all/BEL/share/333",
               "killed/all/BEL/persons/60000"}));
  // Without an opener pointing back, a figure with no category word of its own yields nothing.
  EXPECT_EQ(Keys("Some 450 Belgians have left to fight in Syria. The city has 450 schools."),
            (V{"departed/all/BEL/persons/450000"}));
}

TEST(Families, DistributiveAndRelativeWording) {
  EXPECT_EQ(Keys("Sweden and Norway sent 300 and 100 fighters respectively to join the Islamic State."),
            (V{"departed/all/SWE/persons/300000", "departed/all/NOR/persons/100000"}));
  EXPECT_EQ(Keys("Finland and Denmark each saw about 80 citizens join jihadist groups in Syria."),
            (V{"departed/all/FIN/persons/80000", "departed/all/DNK/persons/80000"}));
  EXPECT_EQ(Keys("Of the 150 Austrians who left, half of them have returned, and the remaining 40 are in prisons in "
                 "Syria."),
            (V{"departed/all/AUT/persons/150000", "returned/all/AUT/persons/75000", "detained/all/AUT/persons/40000"}));
}

TEST(Families, SubgroupCarriedByABracketedCount) {
  auto k = Keys("Of the 41,490 foreigners who joined the Islamic State in Syria and Iraq, up to 13 percent (4,761) were "
                "women and 12 percent (4,640) were minors, ICSR said.");
  EXPECT_NE(std::find(k.begin(), k.end(), "departed/women/World/persons/4761000"), k.end());
  EXPECT_NE(std::find(k.begin(), k.end(), "departed/minors/World/persons/4640000"), k.end());
}

TEST(Families, TrapsOfRealPagesYieldNothing) {
  for (const char* t : {
           "About 68,000 people of all nationalities are held in al-Hol camp, officials said.",
           "Belgium sent 41 fighters per million population to Syria.",
           "The bodies of 12 jihadists were returned to Tunisia.",
           "In the 1980s, some 20,000 foreign fighters went to Afghanistan.",
           "About 300 fighters have joined al-Shabaab in Somalia.",
           "Around 200 foreign fighters went to Afghanistan to fight, officials said.",
           "Britain saw 144 fighters leave in 2013, 134 in 2014 and 70 in 2015.",
           "Since 2001, 77 people left Switzerland for conflict regions in the name of jihad.",
           "Turkey said 1,160 would-be militants were also deported.",
           "Prosecutors said Abror Habibov, 30, had tried to join the Islamic State.",
       })
    EXPECT_TRUE(Keys(t).empty()) << t;
}

// Issue 13, item 5: numbers in code, markup and bracketed references never become claims.
TEST(Families, CodeMarkupAndReferencesYieldNothing) {
  for (const char* t : {
           "<script>alert(1)</script> Tunisian fighters returned home.",
           "Tunisian jihadists have returned [12] from Syria.",
           "Tunisian jihadists (2) have returned from Syria.",
           "Tunisian jihadists returned, see https://example.org/2016/500-fighters-returned for the list.",
           "Tunisian returnees<span data-n=\"300\">.</span>",
           "Tunisian jihadists returned home from Syria.3",
       })
    EXPECT_TRUE(Keys(t).empty()) << t;
  // The footnote mark after a bracket is no figure; the bracketed count is.
  EXPECT_EQ(Keys("Of the 600 Tunisian fighters who left, up to 13 percent (78)1 were women."),
            (V{"departed/all/TUN/persons/600000", "departed/women/TUN/persons/78000",
               "departed/women/TUN/persons/78000"}));
}

TEST(Families, NavigationLinesAreNotText) {
  EXPECT_EQ(Keys("Morocco's returning jihadists\n\nAbout 200 Moroccan fighters have returned home from Syria.\n\n"
                 "Read more: 1,500 Moroccans joined ISIS, says report\nRelated: 300 Tunisian fighters killed in Syria\n"),
            (V{"returned/all/MAR/persons/200000"}));
}

TEST(Families, ExplainGivesEveryNumberAndItsRule) {
  ExtractOptions o;
  o.explain = true;
  Extraction ex = ClaimExtractor().Extract("alert(1) Some 60 Danish fighters have returned since 2014.", o);
  ASSERT_EQ(ex.mentions.size(), 3u);
  EXPECT_FALSE(ex.mentions[0].claim);
  EXPECT_TRUE(ex.mentions[0].rule.starts_with("trap: code")) << ex.mentions[0].rule;
  EXPECT_TRUE(ex.mentions[1].claim);
  EXPECT_EQ(ex.mentions[1].cue, "Some 60");
  EXPECT_EQ(ex.mentions[1].category_rule, "category:cue-in-own-words:returned");
  EXPECT_EQ(ex.mentions[1].scope_rule, "scope:own-words-demonym");
  ASSERT_EQ(ex.mentions[1].claims.size(), 1u);
  EXPECT_EQ(ex.claims[ex.mentions[1].claims[0]].origin, RuleSet::Bundled().Origin());
  // The claim records the rule that decided it, for the review queue's "by rule" selection.
  EXPECT_EQ(ex.claims[ex.mentions[1].claims[0]].rule, "category:cue-in-own-words:returned");
  // "since 2014": the time word decides before the bare-year rule does (rules 2.1.0).
  EXPECT_EQ(ex.mentions[2].rule, "trap: a time expression (a year after \"since\")");
}

// --- Rules 2.1.0 (issue 10, tuning on real pages; our own sentences) -------------------------

TEST(Rules21, AYearAfterATimeWordIsATimeExpressionWhateverFollows) {
  // A place after the years does not make them a count of people.
  EXPECT_EQ(Keys("Returning jihadists carried out attacks between 2015 and 2016 in Belgian cities."), V{});
  // The short end of a range of years is a year too.
  EXPECT_EQ(Keys("About 40 Dutch fighters left for Syria between 2013 and 14."), (V{"departed/all/NLD/persons/40000"}));
  // A spaced dash after a year opens an aside: its figure is no year.
  EXPECT_EQ(Keys("Sweden brought home 20 of its citizens from Syria in 2021 - 14 children and six women."),
            (V{"returned/all/SWE/persons/20000", "returned/minors/SWE/persons/14000", "returned/women/SWE/persons/6000"}));
  // A day after a weekday is a date.
  EXPECT_EQ(Keys("On Tuesday 14 the ministry said 25 Belgian fighters had returned."), (V{"returned/all/BEL/persons/25000"}));
}

TEST(Rules21, TotalsSinceBeforeTheSyrianWarMixDestinations) {
  EXPECT_EQ(Keys("Since 1995, some 150 Bosnian volunteers have travelled abroad to fight for jihadist groups."), V{});
  EXPECT_EQ(Keys("Since the 1990s, about 90 Danish jihadists have gone abroad to fight."), V{});
  // A year after the war began is only a date.
  EXPECT_EQ(Keys("Since 2012, some 150 Bosnian fighters have travelled to Syria."), (V{"departed/all/BIH/persons/150000"}));
}

TEST(Rules21, EventsStillToComeCountNobody) {
  EXPECT_EQ(Keys("Three Belgian women and 11 children to be repatriated from Syrian camp"), V{});
  EXPECT_EQ(Keys("Canada will soon repatriate about 20 of its citizens held in Syria."), V{});
  EXPECT_EQ(Keys("The government said it would start bringing back 45 Swedish jihadists."), V{});
  EXPECT_EQ(Keys("Some 70 Moroccan fighters want to return home from Syria."), V{});
  // A return under way or done is a claim, and so is a figure beside a planned one.
  EXPECT_EQ(Keys("Norway has repatriated 12 children from Syria, and five more are to be flown home next week."),
            (V{"returned/minors/NOR/persons/12000"}));
  ExtractOptions o;
  o.explain = true;
  Extraction ex = ClaimExtractor().Extract("Some 70 Moroccan fighters want to return home from Syria.", o);
  ASSERT_EQ(ex.mentions.size(), 1u);
  EXPECT_TRUE(ex.mentions[0].rule.starts_with("plan:")) << ex.mentions[0].rule;
}

TEST(Rules21, RegionsAsTheTextWordsThem) {
  EXPECT_EQ(Keys("About 2,000 Westerners have gone to Syria."), (V{"departed/all/Western countries/persons/2000000"}));
  EXPECT_EQ(Keys("More than 900 North African volunteers travelled to Iraq."), (V{"departed/all/North Africa/persons/900000"}));
  EXPECT_EQ(Keys("Hundreds of Balkan jihadists have joined the Islamic State."),
            (V{"departed/all/Western Balkans/persons/200000"}));
  EXPECT_EQ(Keys("Some 400 Central Asian fighters have returned home."), (V{"returned/all/Central Asia/persons/400000"}));
  // A country's own demonym still wins over the continent's adjective.
  EXPECT_EQ(Keys("About 60 South African fighters joined IS in Syria."), (V{"departed/all/ZAF/persons/60000"}));
  // "The Middle East" is its own region, not MENA, and where fighters went is no origin.
  EXPECT_EQ(Keys("Up to 11,000 fighters came from the Middle East."), (V{"departed/all/Middle East/persons/11000000"}));
  EXPECT_EQ(Keys("Of the 400 Dutch jihadists who joined the group in the Middle East, 60 were killed."),
            (V{"departed/all/NLD/persons/400000", "killed/all/NLD/persons/60000"}));
}

TEST(Rules21, PeopleFromManyCountriesAreAWorldFigure) {
  // Ireland is where the question was asked, not where the 9,000 came from.
  EXPECT_EQ(Keys("An Irish senator said that as many as 9,000 people from 60 different countries have travelled to "
                 "fight for the Islamic State."),
            (V{"departed/all/World/persons/9000000", "departed/all/World/countries/60000"}));
  // A place that only locates the speaker ("a Norway-based group") is no scope either.
  EXPECT_EQ(Keys("A Norway-based research group counted about 7,000 foreign fighters who have returned."),
            (V{"returned/all/World/persons/7000000"}));
}

TEST(Rules21, NavigationWordsThatAreAlsoEnglishMarkFurnitureOnlyAsLabels) {
  // "Watch", "Related" open ordinary sentences too.
  EXPECT_EQ(Keys("Watch lists in Belgium now hold 450 returnees from Syria."), (V{"returned/all/BEL/persons/450000"}));
  EXPECT_EQ(Keys("Related to this, 35 Austrian fighters have returned home."), (V{"returned/all/AUT/persons/35000"}));
  // As labels they are furniture.
  EXPECT_EQ(Keys("Fighters come home\n\nWatch: 450 Belgian fighters have returned\nRELATED 35 Austrian fighters have "
                 "returned\nListen | 20 Danish fighters returned\n"),
            V{});
}

TEST(Rules21, TheatrePeopleAndReferenceListsAreNoFigures) {
  EXPECT_EQ(Keys("In 2016, 12,000 foreign jihadists and 7,500 Syrian rebels were killed."),
            (V{"killed/all/World/persons/12000000"}));
  EXPECT_EQ(Keys("In all, 90 Chilean fighters are believed to have travelled to Syria (3, 7)."),
            (V{"departed/all/CHL/persons/90000"}));
}

TEST(Rules21, VagueWordsWithoutAnIntervalAreNotCoded) {
  EXPECT_EQ(Keys("Scores of Dutch fighters have returned, and several thousand Europeans joined IS."), V{});
  EXPECT_EQ(Keys("Hundreds of Dutch fighters have returned."), (V{"returned/all/NLD/persons/200000"}));
}

TEST(Rules21, AbbreviatedDatesAndAgesOfChildren) {
  EXPECT_EQ(Keys("The photo of Syrian camps, posted Wednesday, Aug. 27, 2014, shows detained jihadists."), V{});
  EXPECT_EQ(Keys("She was a child of 12 when she was taken to Syria by her father."), V{});
}


// Rules 2.2.0: the no-claim pages' families, each with its rule named by --explain.
std::string RuleOf(const std::string& text, const std::string& cue) {
  ExtractOptions o;
  o.explain = true;
  Extraction ex = ClaimExtractor().Extract(text, o);
  for (const auto& m : ex.mentions)
    if (m.cue == cue) return m.rule;
  return "(no mention " + cue + ")";
}

// The text gives no claim, and --explain names a rule starting with `rule` for `cue`.
void ExpectNoClaimBy(const std::string& text, const std::string& cue, const std::string& rule) {
  EXPECT_EQ(Keys(text), V{}) << text;
  const std::string got = RuleOf(text, cue);
  EXPECT_TRUE(got.starts_with(rule)) << text << ": " << got;
}

TEST(Rules22, SecurityForcesAreNoFighters) {
  EXPECT_EQ(Keys("The raid on the jihadist cell left two gunmen and four local police dead."), V{});
  EXPECT_EQ(Keys("Nine policemen died when returning fighters attacked the post."), V{});
  EXPECT_EQ(RuleOf("Nine policemen died when returning fighters attacked the post.", "Nine"), "trap: security forces");
}

TEST(Rules22, DayRangesAfterAMonthAreDates) {
  EXPECT_EQ(Keys("Fighting between March 3 and 9 killed jihadists from Dagestan."), V{});
  EXPECT_EQ(RuleOf("Fighting between March 3 and 9 killed jihadists from Dagestan.", "9"), "trap: date");
  // A figure joined to a month's day by "and" in a list of counts is still a figure.
  EXPECT_EQ(Keys("Some 40 Danish fighters have returned and 12 were killed in Syria."),
            (V{"returned/all/DNK/persons/40000", "killed/all/DNK/persons/12000"}));
}

TEST(Rules22, AgeLimitsAreNoCounts) {
  EXPECT_EQ(RuleOf("About 60 Belgians, several of them under 16, have travelled to Syria.", "under 16"),
            "trap: an age limit (\"under 18\")");
  EXPECT_EQ(Keys("About 60 Belgians, several of them under 16, have travelled to Syria."),
            (V{"departed/all/BEL/persons/60000"}));
  // With a counted noun it is a figure.
  EXPECT_EQ(Keys("Under 20 Estonian fighters have travelled to Syria."), (V{"departed/all/EST/persons/20000"}));
}

TEST(Rules22, HypothesesAreNoCounts) {
  ExpectNoClaimBy("If all 30 of the Irish fighters came back, the police could not watch them.", "30",
                  "trap: a hypothesis");
  // A condition closed by a comma leaves the main clause's figure alone.
  EXPECT_EQ(Keys("If the estimate holds, 30 Irish fighters have come back."), (V{"returned/all/IRL/persons/30000"}));
}

TEST(Rules22, TotalsOverOtherTheatresOrOtherPurposes) {
  EXPECT_EQ(Keys("Hundreds of Tunisians have travelled to Syria, Yemen and Iraq to join jihadist groups."), V{});
  EXPECT_TRUE(RuleOf("Hundreds of Tunisians have travelled to Syria, Yemen and Iraq to join jihadist groups.", "Hundreds")
                  .starts_with("trap: a total with other destinations"));
  EXPECT_EQ(Keys("Some 12,000 foreign fighters are active in armed conflicts worldwide."), V{});
  EXPECT_EQ(Keys("Since 2012, 50 Swiss jihadists left for conflict regions."), V{});
  EXPECT_EQ(Keys("Forty Nepalis who went to Syria for work may have joined the fighters."), V{});
  // Syria and Iraq alone, and Syria listed apart from the other theatre, are figures.
  EXPECT_EQ(Keys("Hundreds of Tunisians have travelled to Syria and Iraq to join jihadist groups."),
            (V{"departed/all/TUN/persons/200000"}));
}

TEST(Rules22, ArrestsTermsMissionsAndMigrantsAreNoFighters) {
  EXPECT_EQ(Keys("Police detained 14 suspects linked to Belgian jihadists in Syria."), V{});
  EXPECT_EQ(Keys("Seven Dutch fighters were taken into custody after returning from Syria."), V{});
  EXPECT_EQ(Keys("A Danish woman who joined IS in Syria was sentenced to two and a half years."), V{});
  EXPECT_EQ(RuleOf("A Danish woman who joined IS in Syria was sentenced to two and a half years.", "two"),
            "trap: a prison term (\"sentenced to three and a half years\")");
  EXPECT_EQ(Keys("Finland brought back 20 children from Syria in two missions."), (V{"returned/minors/FIN/persons/20000"}));
  EXPECT_EQ(Keys("Fighters from Kyrgyzstan joined IS, and some 600,000 Kyrgyz work as labour migrants in Russia."), V{});
  // A sentence is still a conviction count when the figure counts people.
  EXPECT_EQ(Keys("A court sentenced 11 French nationals for joining IS in Iraq."), (V{"convicted/all/FRA/persons/11000"}));
}

TEST(Rules22, AimsAndAgesAreNoCounts) {
  EXPECT_EQ(Keys("Thousands of young Malaysians aspire to join the Islamic State in Syria."), V{});
  EXPECT_EQ(Keys("A Belgian girl, then 14, was among 30 Belgian fighters who left for Syria."),
            (V{"departed/all/BEL/persons/30000"}));
  EXPECT_EQ(RuleOf("A Belgian girl, then 14, was among 30 Belgian fighters who left for Syria.", "14"),
            "trap: an age (\", then 16,\")");
}

TEST(Rules22, CampTotalsOfPlainPeopleMixAllNationalities) {
  ExpectNoClaimBy("Aid groups say some 40,000 people live in the camps of north-east Syria.", "some 40,000",
                  "trap: a camp total of all nationalities");
  EXPECT_EQ(Keys("Twelve people died of cold at al-Hol in January."), V{});
  // People with an origin named are the camp's foreigners of that country.
  EXPECT_EQ(Keys("Some 60 people from Finland linked to the Islamic State are held in the al-Hol camp."),
            (V{"detained/all/FIN/persons/60000"}));
}

TEST(Rules22, FiguresThatKilledOthersAreAttackers) {
  ExpectNoClaimBy("Two Chechen fighters of the Islamic State killed nine people at a checkpoint.", "Two", "trap: attackers");
  // Killed with no object: the figure counts the dead.
  EXPECT_EQ(Keys("Some 30 Chechen fighters were killed in Syria."), (V{"killed/all/RUS/persons/30000"}));
}

TEST(Rules22, BattlefieldsOfOtherWarsAreOtherTheatres) {
  ExpectNoClaimBy("About 60 foreign jihadists died in the siege of Sirte last year.", "About 60",
                  "trap: another theatre (not Syria or Iraq)");
  EXPECT_EQ(Keys("About 60 Tunisian jihadists died in the battle for Raqqa."), (V{"killed/all/TUN/persons/60000"}));
}

TEST(Rules22, AnAdjectiveOfOriginBeforeThingsCountsNoPeople) {
  EXPECT_EQ(Keys("Since 2014, some 90 Belgian passports of would-be fighters for Syria have been cancelled."), V{});
  EXPECT_EQ(RuleOf("Around 300 French soldiers fought the Islamic State in Iraq.", "Around 300"), "trap: national armies");
  EXPECT_EQ(Keys("Some 90 Belgian fighters have come back from Syria."), (V{"returned/all/BEL/persons/90000"}));
}

TEST(Rules22, AYearBeforeAnAdjectiveOfOriginIsADate) {
  EXPECT_EQ(Keys("After the 2011 Libyan revolution, IS fighters from Syria set up camps in Libya."), V{});
  EXPECT_EQ(Keys("Some 2014 Tunisian fighters have returned from Syria."), (V{"returned/all/TUN/persons/2014000"}));
}

}  // namespace families

}  // namespace
}  // namespace ftf::extract
