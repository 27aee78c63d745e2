// Rules 2.3.0: figures that no category word next to them reaches, read from the frame they sit
// in (our own sentences, written for these tests).
#include <gtest/gtest.h>

#include <cmath>

#include "extract/claim_extractor.h"

namespace ftf::extract {
namespace {

using V = std::vector<std::string>;

// The claims of `text` as "category/subgroup/scope/unit/value×1000" strings, in order.
V Keys(const std::string& text) {
  V out;
  for (const Claim& c : ClaimExtractor().Extract(text).claims) {
    double v = c.best ? *c.best : c.low ? *c.low : c.high ? *c.high : -1;
    out.push_back(std::string(Name(c.category)) + "/" + std::string(Name(c.subgroup)) + "/" + c.scope + "/" +
                  std::string(Name(c.unit)) + "/" + std::to_string(static_cast<int64_t>(std::round(v * 1000))));
  }
  return out;
}

TEST(Frames, FightingAsAParticipleOfThePeopleCountedIsInTheatre) {
  EXPECT_EQ(Keys("Officials believe about 80 Norwegians fighting with jihadist groups remain a threat."),
            (V{"in_theater/all/NOR/persons/80000"}));
  EXPECT_EQ(Keys("Some 150 Kazakh citizens fighting in Syria, minister says"),
            (V{"in_theater/all/KAZ/persons/150000"}));
  EXPECT_EQ(Keys("Around 40 Swiss nationals are reported to be fighting for the Islamic State in Iraq."),
            (V{"in_theater/all/CHE/persons/40000"}));
  EXPECT_EQ(Keys("Twenty Irish jihadists are continuing to fight in Syria, police said."),
            (V{"in_theater/all/IRL/persons/20000"}));
}

TEST(Frames, FightingThatIsTheWarOrADeedIsNoPresence) {
  // "joined the fighting": the war itself; the departure stays a departure.
  EXPECT_EQ(Keys("About 70 Finnish fighters have joined the fighting in Syria."),
            (V{"departed/all/FIN/persons/70000"}));
  // Groups fighting, and what someone was accused of or spent time doing.
  EXPECT_EQ(Keys("Hundreds of Austrians were drawn to jihadist groups fighting in Syria."), V{});
  EXPECT_EQ(Keys("About 30 Danes have come home after spending months fighting in Syria."),
            (V{"returned/all/DNK/persons/30000"}));
  EXPECT_EQ(Keys("Kosovo brought home 12 women and three men accused of fighting for the Islamic State."),
            (V{"returned/women/XKX/persons/12000", "returned/men/XKX/persons/3000"}));
}

TEST(Frames, TheNumberOfPeopleStatedByAFigureVerb) {
  EXPECT_EQ(Keys("The agency estimated the number of Finns who have fought in Iraq to be at least 80."),
            (V{"departed/all/FIN/persons/80000"}));
  EXPECT_EQ(Keys("The number of foreign fighters in Syria now exceeds 15,000, the study said."),
            (V{"departed/all/World/persons/15000000"}));
  EXPECT_EQ(Keys("Estimates of the number of Central Asian foreign fighters range between 1,000 and 2,000."),
            (V{"departed/all/Central Asia/persons/1000000"}));
  // A subject that names the people, with a verb that can only state a figure.
  EXPECT_EQ(Keys("Foreign fighter total in Syria tops 12,000"), (V{"departed/all/World/persons/12000000"}));
}

TEST(Frames, AFigureVerbWithoutPeopleCountsNobody) {
  // Estimates of nothing named, and a group's own strength (no origin named), are no claims.
  EXPECT_EQ(Keys("Foreign fighters worry officials. Estimates range from 600 to 5,000."), V{});
  EXPECT_EQ(Keys("The group's fighters now number about 30,000 in Syria."), V{});
}

TEST(Frames, PresenceInSyriaOrIraqIsInTheatre) {
  EXPECT_EQ(Keys("Officials say there are still 12 Finnish women and 30 children in Syria."),
            (V{"in_theater/women/FIN/persons/12000", "in_theater/minors/FIN/persons/30000"}));
  EXPECT_EQ(Keys("Some 90 jihadists from Austria are still present in Syria and Iraq, the ministry said."),
            (V{"in_theater/all/AUT/persons/90000"}));
  EXPECT_EQ(Keys("About 400 Belgian fighters have left for Syria. About 150 of them are thought to be in Syria."),
            (V{"departed/all/BEL/persons/400000", "in_theater/all/BEL/persons/150000"}));
  // Presence outranks the default of fighters with no verb.
  EXPECT_EQ(Keys("An estimated 2,000 Moroccan fighters were in Syria last year."),
            (V{"in_theater/all/MAR/persons/2000000"}));
}

TEST(Frames, PresenceElsewhereIsNoPresenceInTheatre) {
  // In the home country, or in the theatre of another war, listed after a figure in Syria.
  EXPECT_EQ(Keys("Officials say there are still 40 women from Finland in Turkey."), V{});
  EXPECT_EQ(Keys("Some 600 Indonesian fighters went abroad; about 400 of them are in Syria, 12 in Afghanistan and "
                 "seven in the Philippines."),
            (V{"departed/all/IDN/persons/600000", "in_theater/all/IDN/persons/400000"}));
}

// Precision round 2: whatever category the list gives it, a figure whose own words put its
// people in another war's theatre counts no one in Syria or Iraq.
TEST(Frames, AFigureInAnotherTheatreIsNoClaimWhateverItsCategory) {
  EXPECT_EQ(Keys("Over 200 Algerian fighters were killed in Syria and 30 in Libya."),
            (V{"killed/all/DZA/persons/200000"}));
  // Look-alike: the second figure is in Iraq, a theatre of this war.
  EXPECT_EQ(Keys("Over 200 Algerian fighters were killed in Syria and 30 in Iraq."),
            (V{"killed/all/DZA/persons/200000", "killed/all/DZA/persons/30000"}));
}

TEST(Frames, AnAnaphoricFigureRestatesThePopulationBefore) {
  EXPECT_EQ(Keys("About 250 Norwegians travelled to Syria in 2014. By 2017 the number had dropped to four."),
            (V{"departed/all/NOR/persons/250000", "departed/all/NOR/persons/4000"}));
  EXPECT_EQ(Keys("Some 90 Irish fighters have returned home, police said. That figure is up from 60 in 2019."),
            (V{"returned/all/IRL/persons/90000", "returned/all/IRL/persons/60000"}));
  // With no figure before, or with a noun that names its own people, nothing is restated.
  EXPECT_EQ(Keys("Jihadist travel has slowed. By 2017 the number had dropped to four."), V{});
  EXPECT_EQ(Keys("About 250 Norwegians travelled to Syria. The number of attacks rose to 12."),
            (V{"departed/all/NOR/persons/250000"}));
}

TEST(Frames, ABreakdownBySubgroupTakesTheCategoryOfTheFigureBefore) {
  EXPECT_EQ(
      Keys("Bosnia has repatriated 25 of its citizens from Syria. The group comprised 15 children, eight women and "
           "two men."),
      (V{"returned/all/BIH/persons/25000", "returned/minors/BIH/persons/15000", "returned/women/BIH/persons/8000",
         "returned/men/BIH/persons/2000"}));
  // A lone subgroup figure, or one with a verb of its own, is no breakdown.
  EXPECT_EQ(Keys("Bosnia has repatriated 25 of its citizens from Syria. Eight women were later released."),
            (V{"returned/all/BIH/persons/25000"}));
  EXPECT_EQ(Keys("Bosnia has repatriated 25 of its citizens from Syria. Two women and a child were injured in the "
                 "camp."),
            (V{"returned/all/BIH/persons/25000"}));
}

TEST(Frames, CampsThatHoldTheFigureDetainIt) {
  EXPECT_EQ(
      Keys("Foreign fighters' families are a problem.\n\nThe Kurdish-run camps still have 40 Swedish women and 90 "
           "children."),
      (V{"detained/women/SWE/persons/40000", "detained/minors/SWE/persons/90000"}));
  // A camp's total of all nationalities, and a camp that grew, count no foreigners.
  EXPECT_EQ(Keys("Foreign fighters' families live there.\n\nThe camp houses some 60,000 people."), V{});
  EXPECT_EQ(Keys("Foreign fighters' families live there.\n\nThe camp in Syria has grown to more than 70,000."), V{});
}

TEST(Frames, ABreakdownByPredicateWithSharesInBrackets) {
  EXPECT_EQ(Keys("Bosnia repatriated 25 citizens from Syria. Of the group, 15 (60%) are children and 10 (40%) are "
                 "women."),
            (V{"returned/all/BIH/persons/25000", "returned/minors/BIH/persons/15000", "returned/minors/BIH/share/600",
               "returned/women/BIH/persons/10000", "returned/women/BIH/share/400"}));
  // A count followed by a verb other than "are/were" names no subgroup.
  EXPECT_EQ(Keys("Bosnia repatriated 25 citizens from Syria. Later 15 (60%) became women's aid volunteers and 10 "
                 "(40%) moved away."),
            (V{"returned/all/BIH/persons/25000"}));
}

TEST(Frames, CueWordsOfRules230) {
  EXPECT_EQ(Keys("More than 40 Irish children trapped in north-east Syria, charity says"),
            (V{"in_theater/minors/IRL/persons/40000"}));
  EXPECT_EQ(Keys("The SDF published a list of 31 Tunisian fighters who are in their custody."),
            (V{"detained/all/TUN/persons/31000"}));
  EXPECT_EQ(Keys("Thousands of Moroccan jihadists are coming home from Syria."),
            (V{"returned/all/MAR/persons/2000000"}));
  EXPECT_EQ(Keys("Baghdad court sentences 11 French jihadists to death"), (V{"convicted/all/FRA/persons/11000"}));
  // "stranded in camps" is held; a prison term is no count; the noun "sentences" counts nobody.
  EXPECT_EQ(Keys("Some 200 Uzbek women and children are stranded in camps in Syria."),
            (V{"detained/all/UZB/persons/200000"}));
  EXPECT_EQ(Keys("The court sentenced the Belgian jihadist to prison sentences of up to 12 years."), V{});
}

// Rules 2.4.0: "embarked on" departs only with an object of travel; a programme is no journey.
TEST(Frames, EmbarkedOnDepartsOnlyForJihadOrTheJourney) {
  EXPECT_EQ(Keys("Between 20 and 30 Chadians have embarked on jihad in Syria."), (V{"departed/all/TCD/persons/20000"}));
  for (const Claim& c : ClaimExtractor()
                            .Extract("Forty Chadian returnees embarked on a rehabilitation course after leaving Syria.")
                            .claims)
    EXPECT_NE(c.category, Category::kDeparted) << c.cue;
}

TEST(Frames, TheObjectOfAVerbOfEstimationBeforeAt) {
  EXPECT_EQ(Keys("Officials numbered the Algerian fighters still battling in Syria at 170."),
            (V{"in_theater/all/DZA/persons/170000"}));
  EXPECT_EQ(Keys("Estimates of the number of ISIS's Chechen foreign fighters range between 500 and 900."),
            (V{"departed/all/RUS/persons/500000"}));
  // A place as the object: the figure's own words say what it counts.
  EXPECT_EQ(Keys("The estimates put Jordan at about 2,000 fighters and Egypt at 600."),
            (V{"departed/all/JOR/persons/2000000", "departed/all/EGY/persons/600000"}));
  // A described object that names no people gives no category.
  EXPECT_EQ(Keys("Foreign fighters are a concern. Officials put the cost at 300 million."), V{});
  EXPECT_EQ(Keys("Reports spoke of at least 15 Bahraini men leaving for Syria."),
            (V{"departed/men/BHR/persons/15000"}));
}

TEST(Frames, APartOfThemPastItsBracketedShare) {
  EXPECT_EQ(Keys("Some 5,000 Europeans became affiliated with IS in Syria. Of the total, up to 600 (12%) of these were "
                 "women."),
            (V{"departed/all/Europe/persons/5000000", "departed/women/Europe/persons/600000",
               "departed/women/Europe/share/120"}));
  // The share takes the count's hedge when it restates that count in brackets ...
  auto c = ClaimExtractor()
               .Extract(
                   "Some 5,000 Europeans became affiliated with IS in Syria. Of the total, up to 600 (12%) of "
                   "these were women.")
               .claims;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[2].qualifier, Qualifier::kAtMost);
  EXPECT_FALSE(c[2].best.has_value());
  // ... and only then.
  EXPECT_EQ(Keys("Up to 600 Belgian fighters have left for Syria and 12% of them were women."),
            (V{"departed/all/BEL/persons/600000", "departed/women/BEL/share/120"}));
  c = ClaimExtractor().Extract("Up to 600 Belgian fighters have left for Syria and 12% of them were women.").claims;
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].qualifier, Qualifier::kExact);
}

TEST(Frames, AnExistentialFigureGoesOnCountingThePeopleBefore) {
  EXPECT_EQ(Keys("About 60 Belgian jihadists are held in SDF prisons. There are only nine adult men."),
            (V{"detained/all/BEL/persons/60000", "detained/men/BEL/persons/9000"}));
  // "in the conflict zone" after a verb of travel says where they went, not that they are there.
  EXPECT_EQ(Keys("Kosovo says 260 of its citizens went to fight in the conflict zone."),
            (V{"departed/all/XKX/persons/260000"}));
  // With no claims before, an existential figure counts nobody; a counted noun that is no people
  // stays a trap.
  EXPECT_EQ(Keys("Foreign fighters remain a worry. There are only nine adult men."), V{});
  EXPECT_EQ(Keys("About 60 Belgian jihadists are held in SDF prisons. There were 12 attacks last year."),
            (V{"detained/all/BEL/persons/60000"}));
}

// Rules 2.4.0: an existential that says where its people are does not continue the count before.
TEST(Frames, ALocatedExistentialDoesNotContinueTheCountBefore) {
  // Located in a zone, a region or a camp: not the previous sentence's "held in prisons".
  EXPECT_EQ(Keys("About 60 Belgian jihadists are held in SDF prisons. There are still 75 Belgians in the war zone."),
            (V{"detained/all/BEL/persons/60000"}));
  EXPECT_EQ(Keys("Some 45 Maltese fighters went to Syria. There were also 20 Maltese teenagers in the border area."),
            (V{"departed/all/MLT/persons/45000"}));
  // Look-alikes that are no location go on counting: a time after "in", or no "in" at all.
  EXPECT_EQ(Keys("About 60 Belgian jihadists are held in SDF prisons. There were only nine adult men in 2019."),
            (V{"detained/all/BEL/persons/60000", "detained/men/BEL/persons/9000"}));
  EXPECT_EQ(Keys("Some 45 Maltese fighters went to Syria. There were also 20 Maltese teenagers among them."),
            (V{"departed/all/MLT/persons/45000", "departed/minors/MLT/persons/20000"}));
}

// Rules 2.3.0, recall round 2.
TEST(Frames, PresenceAfterACopulaReachesASentenceWithNoCueWord) {
  // The sentence names Syria but no cue or fighter word: the copula before "in" flags it, and
  // the other items of the list are where those people are, not where they come from.
  EXPECT_EQ(Keys("Jihadist networks recruit across the region.\n"
                 "The minister said an estimated 900 Moroccans were in Syria, 150 in Libya and 300 in Iraq.\n"),
            (V{"in_theater/all/MAR/persons/900000", "in_theater/all/MAR/persons/300000"}));
  // A copula before "in" a place that is no theatre is no presence.
  EXPECT_EQ(Keys("Jihadist networks recruit across the region.\n"
                 "The minister said an estimated 900 Moroccans were in Spain last summer.\n"),
            V{});
  // "In Belgium, …": a place opening the sentence still names the origin.
  EXPECT_EQ(Keys("In Belgium, about 120 jihadists are still in Syria."), (V{"in_theater/all/BEL/persons/120000"}));
}

TEST(Frames, AMeasureAfterAPlacesRankAmongSources) {
  EXPECT_EQ(Keys("Norway is estimated as the largest producer of foreign fighters in the region, and fourth in "
                 "the world, at around 300 individuals."),
            (V{"departed/all/NOR/persons/300000"}));
  EXPECT_EQ(Keys("Officials say Denmark ranks second in Europe, per capita, at 150 jihadists."),
            (V{"departed/all/DNK/persons/150000"}));
  // A cue before the comma names its own population; a measure that counts no people, or a
  // sentence with no fighters, is no figure of a source.
  EXPECT_EQ(Keys("Norway has seen the most returnees among the Nordic countries, at 40."),
            (V{"returned/all/Nordic countries/persons/40000"}));
  EXPECT_EQ(Keys("Norway is the largest producer of foreign fighters in the region, at 30 percent of the total."
                 " The police said so."),
            V{});
  EXPECT_EQ(Keys("Norway is the largest producer of salmon in the region, at around 300 tonnes a day."), V{});
  EXPECT_EQ(Keys("Norway ranks fourth in Europe, at around 300."), V{});
}

TEST(Frames, BroughtBackToTheirHomeCountriesAfterTheFigure) {
  // "brought * home" is the longer match over "brought back": it must reach a figure before it.
  EXPECT_EQ(Keys("Seven Swiss citizens were also brought back to their home countries from Syria."),
            (V{"returned/all/CHE/persons/7000"}));
  EXPECT_EQ(Keys("Switzerland brought nine women home from Syria."), (V{"returned/women/CHE/persons/9000"}));
  // Attack casualties are still no claim: "killed" before its figure.
  EXPECT_EQ(Keys("Jihadists killed 30 Swiss tourists, whose bodies were brought back to their home country."), V{});
}

TEST(Frames, PresenceInACampOrPrisonIsDetention) {
  EXPECT_EQ(Keys("Swiss jihadists remain a worry. Police said five Swiss men are in a Hasakah prison."),
            (V{"detained/men/CHE/persons/5000"}));
  EXPECT_EQ(Keys("Swiss jihadists remain a worry. There are at least 30 Swiss jihadists at the al-Hol camp now."),
            (V{"detained/all/CHE/persons/30000"}));
  // Training camps hold no one, and a noun that goes on ("the prison gates") is another thing.
  EXPECT_EQ(Keys("Swiss jihadists remain a worry. Eight Swiss fighters were in training camps in Syria in 2014."),
            (V{"departed/all/CHE/persons/8000"}));
  EXPECT_EQ(Keys("Swiss jihadists remain a worry. About 40 Swiss jihadists were at the prison gates when it fell."),
            (V{"departed/all/CHE/persons/40000"}));
}

TEST(Frames, CountsAfterAnOfTheOpenerArePartsOfItsSubgroup) {
  EXPECT_EQ(Keys("Since 2013, 240 Swiss citizens have gone to Syria to join jihad. Of the 150 men among them, at "
                 "least 30 have been killed and 25 have returned to Switzerland."),
            (V{"departed/all/CHE/persons/240000", "killed/men/CHE/persons/30000", "returned/men/CHE/persons/25000"}));
  // A base of all subgroups lends none, a part's own subgroup wins, and a semicolon ends the parts.
  EXPECT_EQ(Keys("Of the 300 Swiss fighters, 60 have returned."),
            (V{"departed/all/CHE/persons/300000", "returned/all/CHE/persons/60000"}));
  EXPECT_EQ(Keys("Of the 300 Swiss fighters, 40 were women."),
            (V{"departed/all/CHE/persons/300000", "departed/women/CHE/persons/40000"}));
  EXPECT_EQ(Keys("Some 300 Swiss fighters went to Syria. Of the 60 women, 20 returned; 15 fighters were killed."),
            (V{"departed/all/CHE/persons/300000", "returned/women/CHE/persons/20000", "killed/all/CHE/persons/15000"}));
}

// Rules 2.4.0: a frame of presence that is the figure's own predicate outranks a cue that only
// stands before the figure in its clause, and the category of the figure it is listed after.
TEST(Frames, PresenceAsTheFiguresOwnPredicateOutranksContext) {
  // "received" (a returned cue) stands before the figure, not in its words.
  EXPECT_EQ(Keys("The ministry received information that there are some 300 Egyptian fighters in Syria."),
            (V{"in_theater/all/EGY/persons/300000"}));
  EXPECT_EQ(Keys("After the repatriation flight, there were still 45 Belgian children in the Roj camp."),
            (V{"detained/minors/BEL/persons/45000"}));
  // Items of a list, each with its own predicate, after a figure with a cue.
  EXPECT_EQ(Keys("Some 600 Tajik fighters left for Syria; 200 have been killed, 150 are in Syria and 80 are in the "
                 "al-Hol camp."),
            (V{"departed/all/TJK/persons/600000", "killed/all/TJK/persons/200000", "in_theater/all/TJK/persons/150000",
               "detained/all/TJK/persons/80000"}));
  EXPECT_EQ(Keys("Since the repatriation, 15 Swiss fighters have returned; 10 are in Syria and six are in a Hasakah "
                 "prison."),
            (V{"returned/all/CHE/persons/15000", "in_theater/all/CHE/persons/10000", "detained/all/CHE/persons/6000"}));
}

TEST(Frames, ARelativeClauseOrALaterPlaceIsNotTheFiguresPresence) {
  // "who were in the camp" says where they were; the sentence's predicate of them is "repatriated".
  EXPECT_EQ(Keys("Jordan has repatriated, after months of talks, 20 women who were in the al-Hol camp, jihadists' "
                 "relatives said."),
            (V{"returned/women/JOR/persons/20000"}));
  // Their own copula, but a place at home: no presence.
  EXPECT_EQ(Keys("Some 30 Danish fighters have returned from Syria and are in Denmark."),
            (V{"returned/all/DNK/persons/30000"}));
  // The first place they are in decides: the 70 are in Iraq, the 40 of them in prison.
  EXPECT_EQ(Keys("The government received word that there were 70 Lebanese jihadists in Iraq, 40 of them in prison "
                 "in Baghdad."),
            (V{"in_theater/all/LBN/persons/70000", "detained/all/LBN/persons/40000"}));
}

}  // namespace
}  // namespace ftf::extract
