// Traps of the claim extractor (rules 2.3.0): what a trap rejects, what slips past it, and that
// the trap grammar reads its words from data/rules/trap_words.tsv. Every sentence here is
// written for the test.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/embedded_data.h"
#include "extract/claim_extractor.h"
#include "extract/rules.h"
#include "geo/gazetteer.h"

namespace ftf::extract {
namespace {

using V = std::vector<std::string>;

// "category/subgroup/scope/unit/value×1000" of each claim the extractor makes.
V Keys(const ClaimExtractor& x, const std::string& text) {
  V out;
  for (const Claim& c : x.Extract(text).claims) {
    double v = c.best ? *c.best : c.low ? *c.low : c.high ? *c.high : -1;
    out.push_back(std::string(Name(c.category)) + "/" + std::string(Name(c.subgroup)) + "/" + c.scope + "/" +
                  std::string(Name(c.unit)) + "/" + std::to_string(static_cast<int64_t>(std::round(v * 1000))));
  }
  return out;
}
V Keys(const std::string& text) { return Keys(ClaimExtractor(), text); }

// The rule --explain names for the mention whose cue is `cue`.
std::string RuleOf(const std::string& text, const std::string& cue) {
  ExtractOptions o;
  o.explain = true;
  for (const auto& m : ClaimExtractor().Extract(text, o).mentions)
    if (m.cue == cue) return m.rule;
  return "(no mention " + cue + ")";
}

// The bundled rules with data/rules/trap_words.tsv replaced by `trap_words`.
RuleSet RulesWithTrapWords(const std::string& trap_words) {
  auto r = RuleSet::Load([&](std::string_view name) -> std::optional<std::string_view> {
    if (name == "trap_words.tsv") return trap_words;
    return embedded::Find("data/rules/" + std::string(name));
  });
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(r).value();
}

std::string BundledTrapWords() { return std::string(*embedded::Find("data/rules/trap_words.tsv")); }

// Removes every row of word set `set` from a trap_words.tsv text.
std::string WithoutSet(std::string table, const std::string& set) {
  std::string out;
  size_t pos = 0;
  while (pos < table.size()) {
    size_t nl = table.find('\n', pos);
    if (nl == std::string::npos) nl = table.size();
    std::string line = table.substr(pos, nl - pos);
    if (line.find("\t" + set + "\t") == std::string::npos) out += line + "\n";
    pos = nl + 1;
  }
  return out;
}

TEST(TrapWords, TheTableDrivesTheConditionRule) {
  const std::string text = "If all 30 of the Irish fighters came back, the police could not watch them.";
  EXPECT_EQ(Keys(text), V{});
  EXPECT_TRUE(RuleOf(text, "30").starts_with("trap: a hypothesis")) << RuleOf(text, "30");
  // Without the table's condition words the figure is no hypothesis.
  RuleSet no_condition = RulesWithTrapWords(WithoutSet(BundledTrapWords(), "condition"));
  ClaimExtractor x(no_condition, Gazetteer::Bundled());
  EXPECT_EQ(Keys(x, text), (V{"returned/all/IRL/persons/30000"}));
  // A word added to the table opens a conditional clause too.
  RuleSet with_suppose = RulesWithTrapWords(BundledTrapWords() + "suppose\tcondition\ttest\n");
  ClaimExtractor y(with_suppose, Gazetteer::Bundled());
  EXPECT_EQ(Keys("Suppose all 30 of the Irish fighters came back."), (V{"returned/all/IRL/persons/30000"}));
  EXPECT_EQ(Keys(y, "Suppose all 30 of the Irish fighters came back."), V{});
}

TEST(TrapWords, TheTableDrivesTheCampAndAttackerRules) {
  const std::string camp = "Aid groups say some 40,000 people live in the camps of north-east Syria.";
  const std::string attack = "Two Chechen fighters of the Islamic State killed nine people at a checkpoint.";
  EXPECT_EQ(Keys(camp), V{});
  EXPECT_EQ(Keys(attack), V{});
  RuleSet no_camp = RulesWithTrapWords(WithoutSet(BundledTrapWords(), "camp"));
  EXPECT_EQ(Keys(ClaimExtractor(no_camp, Gazetteer::Bundled()), camp).size(), 1u);
  RuleSet no_kill = RulesWithTrapWords(WithoutSet(BundledTrapWords(), "kill_verb"));
  EXPECT_FALSE(Keys(ClaimExtractor(no_kill, Gazetteer::Bundled()), attack).empty());
}

TEST(TrapWords, UnknownSetIsAnErrorNamingTheLine) {
  auto r = RuleSet::Load([](std::string_view name) -> std::optional<std::string_view> {
    if (name == "trap_words.tsv") return "phrase\tset\trole\nif\tconditional\tx\n";
    return embedded::Find("data/rules/" + std::string(name));
  });
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("trap_words.tsv:2"), std::string::npos) << r.status().message();
}

TEST(AgeLimit, TheAmountOfACountIsNoAge) {
  // The subject counts, or a verb of amount links the figure: a count.
  EXPECT_EQ(Keys("The number of Irish fighters who came back is under 20."), (V{"returned/all/IRL/persons/20000"}));
  EXPECT_EQ(Keys("The number of Estonian fighters killed in Syria fell to under 15."),
            (V{"killed/all/EST/persons/15000"}));
  // People right before "under N": an age limit, even in a clause that counts.
  const std::string ages = "The Belgian total of fighters in Syria also counts those under 16.";
  EXPECT_EQ(Keys(ages), V{});
  EXPECT_EQ(RuleOf(ages, "under 16"), "trap: an age limit (\"under 18\")");
  EXPECT_EQ(RuleOf("About 60 Belgians, several of them under 16, have travelled to Syria.", "under 16"),
            "trap: an age limit (\"under 18\")");
}

TEST(Hypothesis, AConditionEndsAtThenOrAtTheSpeakersVerb) {
  // Without a comma, the speaker's verb opens the main clause.
  EXPECT_EQ(Keys("Asked if they could be tried the minister said 30 Irish fighters had come back."),
            (V{"returned/all/IRL/persons/30000"}));
  EXPECT_EQ(Keys("If the estimate holds then 30 Irish fighters have come back."),
            (V{"returned/all/IRL/persons/30000"}));
  // The figure inside the condition is still a hypothesis.
  const std::string hyp = "The minister said that if 30 Irish fighters came back the police could not watch them.";
  EXPECT_EQ(Keys(hyp), V{});
  EXPECT_TRUE(RuleOf(hyp, "30").starts_with("trap: a hypothesis")) << RuleOf(hyp, "30");
}

TEST(LegalSteps, ACountOfReturneesLaterArrestedIsStillACount) {
  EXPECT_EQ(Keys("Of the Albanian fighters in Iraq, an estimated 45 have come home, with most arrested on "
                 "arrival."),
            (V{"returned/all/ALB/persons/45000"}));
  EXPECT_EQ(Keys("Some 45 Dutch returnees from Syria are being prosecuted."), (V{"returned/all/NLD/persons/45000"}));
}

TEST(LegalSteps, ArrestsChargesAndSharesOfThemStayTrapped) {
  // The legal step is the figure's predicate: a count of arrests.
  const std::string arrests = "About 50 Dutch fighters were arrested after returning from Syria.";
  EXPECT_EQ(Keys(arrests), V{});
  EXPECT_EQ(RuleOf(arrests, "About 50"), "trap: arrests are not a category");
  // A share of those prosecuted is a share of the returnees, not of those who left.
  EXPECT_EQ(Keys("Only one in eight militants coming back from Iraq is prosecuted."), V{});
  // A category only alleged lifts nothing.
  EXPECT_EQ(Keys("Four Albanian men suspected of having fought for IS in Syria were charged."), V{});
  EXPECT_EQ(Keys("Over 40 Israelis who tried joining the Islamic State in Syria were arrested."), V{});
}

// Precision round 2: custody and trials at home are legal steps too, not detention in Syria.
TEST(LegalSteps, CustodyAndTrialsAtHomeAreLegalSteps) {
  EXPECT_EQ(Keys("The six Swedish women, who face terrorism charges, were put in custody pending trial."), V{});
  EXPECT_EQ(Keys("Prosecutors have sent nine Danish fighters to trial for joining IS in Syria."), V{});
  EXPECT_EQ(Keys("Seven Austrian jihadists are on trial in Vienna."), V{});
  // Look-alikes: a figure whose own words state its category first, and custody in Syria.
  EXPECT_EQ(Keys("Some 45 Dutch returnees from Syria will stand trial next year."),
            (V{"returned/all/NLD/persons/45000"}));
  EXPECT_EQ(Keys("About 60 Belgian fighters are still in Kurdish custody in Syria."),
            (V{"detained/all/BEL/persons/60000"}));
}

TEST(TrappedGroups, NOfThemAfterATrappedFigureIsTrappedToo) {
  const std::string text =
      "A gunman killed 38 tourists who were on holiday, 30 of them Britons, a year after IS fighters returned to "
      "Tunisia.";
  EXPECT_EQ(Keys(text), V{});
  EXPECT_EQ(RuleOf(text, "30"), RuleOf(text, "38"));
  // After a year "of them" points further back: the figure stands.
  EXPECT_EQ(Keys("About 300 Belgians went to Syria. In 2016, 90 of them came back."),
            (V{"departed/all/BEL/persons/300000", "returned/all/BEL/persons/90000"}));
}

TEST(Refugees, ARefugeeCampNamedInTheSentenceVoidsNothing) {
  EXPECT_EQ(Keys("Four Austrian women who joined IS were flown home from a refugee camp in Syria in March."),
            (V{"returned/women/AUT/persons/4000"}));
  // Refugees counted, and plain people of a camp, are still no fighters.
  EXPECT_EQ(RuleOf("Some 200 refugees from Syria were stopped, while 300 Belgian fighters have returned.", "Some 200"),
            "trap: refugees");
  EXPECT_EQ(Keys("Some 12,000 people fled to the refugee camp after Islamic State fighters seized the town."), V{});
}

TEST(Asides, ARateInAnAsideVoidsNotTheCount) {
  EXPECT_EQ(Keys("Approximately 130 citizens from Trinidad joined ISIS in Syria \u2014 the highest per capita rate in "
                 "the West."),
            (V{"departed/all/TTO/persons/130000"}));
  // The rate itself, in the figure's own words, is still a rate.
  EXPECT_EQ(Keys("Trinidad saw 30 fighters per million inhabitants join ISIS in Syria."), V{});
}

TEST(OtherTheatres, AHomeOrAnOriginIsNoOtherTheatre) {
  // Returnees' home, and where fighters hail from.
  EXPECT_EQ(Keys("In 2014, around 300 brigade fighters returned to Libya."), (V{"returned/all/LBY/persons/300000"}));
  EXPECT_EQ(Keys("ICSR estimated that around 500 foreign fighters hail from Pakistan."),
            (V{"departed/all/PAK/persons/500000"}));
  // Coming back from another war, going to one, or fighting in one: another theatre.
  for (const char* t :
       {"Around 300 Tunisian fighters came back from Libya.", "Some 500 Pakistani fighters went to Afghanistan.",
        "Around 500 fighters from Pakistan joined the Taliban in Afghanistan."})
    EXPECT_EQ(RuleOf(t, std::string(t).substr(0, std::string(t).find(' ', std::string(t).find(' ') + 1))),
              "trap: another theatre (not Syria or Iraq)")
        << t;
}

TEST(OtherNumbers, WishesAgesPlansAndSamplesAreNoCounts) {
  for (const char* t : {
           "I hope a million Belgians join the Islamic State in Syria.",
           "Police foiled the plans of two Texans to join the Islamic State in Syria.",
           "The study used a sample of 2,600 foreign recruits who joined the Islamic State.",
       })
    EXPECT_EQ(Keys(t), V{}) << t;
  const std::string ages = "Orphans of IS fighters, at ages ranging from three to five, were flown home from Syria.";
  EXPECT_EQ(Keys(ages), V{});
  EXPECT_TRUE(RuleOf(ages, "from three to five").starts_with("trap: age")) << RuleOf(ages, "from three to five");
  // A look-alike that counts people: "sample" is not right before the figure.
  EXPECT_EQ(Keys("A sample of the Belgian fighters shows that 40 returned from Syria."),
            (V{"returned/all/BEL/persons/40000"}));
}

TEST(CampTotals, ASpeakersPlaceIsNoOriginOfTheCampsPeople) {
  const std::string text =
      "Washington believes that some 25,000 people from 50 countries with ties to the Islamic State are held in "
      "the camps al-Hol and Roj.";
  EXPECT_EQ(Keys(text), V{});
  EXPECT_TRUE(RuleOf(text, "50 countries").starts_with("trap: a camp total")) << RuleOf(text, "50 countries");
  // An origin in the figure's own phrase makes them that country's people.
  EXPECT_EQ(Keys("The U.S. estimates that some 60 people from Finland linked to the Islamic State are held in the "
                 "al-Hol camp."),
            (V{"detained/all/FIN/persons/60000"}));
}

TEST(References, TheTwoPeopleAreAFigureTheTwoCountriesAReference) {
  EXPECT_EQ(Keys("Two German women joined IS in Syria. The two women were repatriated to Germany last week."),
            (V{"departed/women/DEU/persons/2000", "returned/women/DEU/persons/2000"}));
  for (const char* t : {"One of the three German women returning to Germany from Syria was arrested.",
                        "Fighters returned to the three North African countries from Syria."})
    EXPECT_EQ(RuleOf(t, "three"), "trap: a reference (\"the two\")") << t;
}

TEST(CountedNouns, WhatFollowsFromIsAnOriginNotTheCountedNoun) {
  EXPECT_EQ(Keys("Some 200 from 12 countries joined IS in Syria."),
            (V{"departed/all/World/persons/200000", "departed/all/World/countries/12000"}));
  EXPECT_EQ(Keys("Foreign fighters joined IS in Syria, including at least 3,400 from Western nations."),
            (V{"departed/all/Western countries/persons/3400000"}));
  // Countries counted by the figure itself stay no fighters.
  EXPECT_EQ(RuleOf("Some 12 countries joined the coalition against jihadists in Syria.", "Some 12"),
            "trap: countries without a figure of fighters");
}

// Rules 2.4.0: people of an ordinary walk of life. In a paragraph about fighters, a sentence
// that counts commuters or students and names no fighter, group or theatre is other news.
TEST(OrdinaryPeople, AreNoFightersUnlessTheirSentenceNamesTheTopic) {
  const std::string para =
      "Around 140 fighters from Estonia went to Syria, the police said. More than 3,200 commuters left "
      "Tartu last month. Close to 900 pilgrims returned to Narva.";
  EXPECT_EQ(Keys(para), (V{"departed/all/EST/persons/140000"}));
  EXPECT_TRUE(RuleOf(para, "More than 3,200").starts_with("trap: ordinary people")) << RuleOf(para, "More than 3,200");
  EXPECT_TRUE(RuleOf(para, "Close to 900").starts_with("trap: ordinary people")) << RuleOf(para, "Close to 900");
  // After an adjective of origin too ("Latvian workers").
  EXPECT_TRUE(
      RuleOf("Some 60 fighters left Latvia for Iraq. About 5,000 Latvian workers returned from Ireland.", "About 5,000")
          .starts_with("trap: ordinary people"));
  // The sentence names the theatre or the group: the same nouns count travellers.
  EXPECT_EQ(Keys("Eleven Sudanese medical students travelled to Syria to join the Islamic State."),
            (V{"departed/all/SDN/persons/11000"}));
  // Ordinary person words ("people", "citizens") are not affected.
  EXPECT_EQ(Keys("Around 140 fighters from Estonia went to Syria. Some 25 citizens have returned."),
            (V{"departed/all/EST/persons/140000", "returned/all/EST/persons/25000"}));
}

// Rules 2.4.0: dead and injured counted together are an event's casualties.
TEST(Casualties, KilledAndInjuredTogetherAreAnEventsToll) {
  const std::string text =
      "About 60 jihadists from Chile are in Syria. At least 35 people were killed and 110 wounded when a "
      "bomb hit a bus station.";
  EXPECT_EQ(Keys(text), (V{"in_theater/all/CHL/persons/60000"}));
  EXPECT_TRUE(RuleOf(text, "At least 35").starts_with("trap: casualties of an event")) << RuleOf(text, "At least 35");
  // Without the injury words the rule does not fire: the killed figure becomes a claim.
  RuleSet no_injury = RulesWithTrapWords(WithoutSet(BundledTrapWords(), "injury"));
  ClaimExtractor x(no_injury, Gazetteer::Bundled());
  EXPECT_EQ(Keys(x, text), (V{"in_theater/all/CHL/persons/60000", "killed/all/CHL/persons/35000"}));
  // Look-alike: fighters killed and fighters returned, joined by "and", stay two claims.
  EXPECT_EQ(Keys("Of the 90 Chilean fighters, 30 were killed and 20 have returned."),
            (V{"departed/all/CHL/persons/90000", "killed/all/CHL/persons/30000", "returned/all/CHL/persons/20000"}));
}

// Rules 2.4.0: topic words. ICSR counts foreign fighters and nothing else, and "departees" are
// people who left to join them: either names the topic of a passage that has no other word for it.
TEST(TopicWords, ThePassageOfAFighterCountNeedNotSayFighters) {
  EXPECT_EQ(Keys("ICSR credits Paraguay with about 40 departures."), (V{"departed/all/PRY/persons/40000"}));
  EXPECT_EQ(Keys("Paraguay's 40 departees include five women."),
            (V{"departed/all/PRY/persons/40000", "departed/women/PRY/persons/5000"}));
  // The same wording from a source that counts anything: no topic, no claim.
  EXPECT_EQ(Keys("The airport credits Paraguay with about 40 departures."), V{});
}

// Rules 2.4.0: topic clues. "who left", "who joined" open a passage that never says "fighters",
// but a figure of ordinary people still needs its sentence to name the topic.
TEST(TopicWords, ClueOpensThePassageButNotForOrdinaryPeople) {
  EXPECT_EQ(Keys("Of the 270 Danes who left, 95 have since come home."),
            (V{"departed/all/DNK/persons/270000", "returned/all/DNK/persons/95000"}));
  EXPECT_EQ(Keys("Of the 270 Danes, 95 have since come home."), V{});  // no clue, no topic
  EXPECT_EQ(Keys("About 400 dock workers who left the port in May have since returned to their jobs."), V{});
  EXPECT_EQ(Keys("Some 3,000 tourists who travelled to Crete came back early."), V{});
}

// Rules 2.4.0: Ukraine is the theatre of another war (places.tsv `elsewhere`).
TEST(OtherWars, UkraineIsAnotherTheatre) {
  EXPECT_EQ(Keys("About 40 Georgian fighters have gone to fight in Ukraine."), V{});
  EXPECT_EQ(Keys("About 40 Georgian fighters have gone to fight in Syria."), (V{"departed/all/GEO/persons/40000"}));
}

// Rules 2.4.0: "could" and "might" before a category cue make it a possibility, not an event.
TEST(PlanWords, CouldAndMightAreNoEvents) {
  const std::string text = "Officials in Quito believe that up to 90 Ecuadorian jihadists might come back next year.";
  EXPECT_EQ(Keys(text), V{});
  EXPECT_TRUE(RuleOf(text, "up to 90").starts_with("plan:")) << RuleOf(text, "up to 90");
  // The warning does not reach back over the figure's own verb.
  EXPECT_EQ(Keys("Some 70 Ecuadorian jihadists travelled to Syria, and officials warn that they could return."),
            (V{"departed/all/ECU/persons/70000"}));
  // With the perfect, a modal weighs an event that may have happened: still a claim.
  EXPECT_EQ(Keys("As many as 25 Ecuadorian jihadists might have been killed in Raqqa."),
            (V{"killed/all/ECU/persons/25000"}));
  // After the cue, "could" says what may follow an event that happened.
  EXPECT_EQ(Keys("Some 70 Ecuadorian jihadists have returned and could face trial."),
            (V{"returned/all/ECU/persons/70000"}));
}

// Rules 2.4.0: money in other currencies and multipliers are no counts of people.
TEST(CountedNouns, CurrenciesAndMultipliers) {
  const std::string text =
      "Some 70 militants from Peru joined the group. The held-up port will cost 90 million soles and "
      "was delayed three times.";
  EXPECT_TRUE(RuleOf(text, "three").starts_with("trap: a multiplier")) << RuleOf(text, "three");
  // Measures, hyphenated or not, singular or plural.
  const std::string border =
      "Some 70 militants from Peru crossed the 310-kilometre (190-mile) frontier, a stretch of 12 miles a day.";
  EXPECT_EQ(Keys(border), (V{"departed/all/PER/persons/70000"}));
  EXPECT_TRUE(RuleOf(border, "310").starts_with("trap: a measure")) << RuleOf(border, "310");
  EXPECT_TRUE(RuleOf(border, "12").starts_with("trap: a measure")) << RuleOf(border, "12");
  EXPECT_TRUE(RuleOf("Some 70 militants from India returned; the programme cost 400 rupees a head.", "400")
                  .starts_with("trap: money"))
      << RuleOf("Some 70 militants from India returned; the programme cost 400 rupees a head.", "400");
}

}  // namespace
}  // namespace ftf::extract
