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
  EXPECT_EQ(Keys("Some 150 Kazakh citizens fighting in Syria, minister says"), (V{"in_theater/all/KAZ/persons/150000"}));
  EXPECT_EQ(Keys("Around 40 Swiss nationals are reported to be fighting for the Islamic State in Iraq."),
            (V{"in_theater/all/CHE/persons/40000"}));
  EXPECT_EQ(Keys("Twenty Irish jihadists are continuing to fight in Syria, police said."),
            (V{"in_theater/all/IRL/persons/20000"}));
}

TEST(Frames, FightingThatIsTheWarOrADeedIsNoPresence) {
  // "joined the fighting": the war itself; the departure stays a departure.
  EXPECT_EQ(Keys("About 70 Finnish fighters have joined the fighting in Syria."), (V{"departed/all/FIN/persons/70000"}));
  // Groups fighting, and what someone was accused of or spent time doing.
  EXPECT_EQ(Keys("Hundreds of Austrians were drawn to jihadist groups fighting in Syria."), V{});
  EXPECT_EQ(Keys("About 30 Danes have come home after spending months fighting in Syria."),
            (V{"returned/all/DNK/persons/30000"}));
  EXPECT_EQ(Keys("Kosovo brought home 12 women and three men accused of fighting for the Islamic State."),
            (V{"returned/women/XKX/persons/12000", "returned/men/XKX/persons/3000"}));
}

TEST(Frames, TheNumberOfPeopleStatedByAFigureVerb) {
  EXPECT_EQ(Keys("The service estimated the number of Swedes who have fought in Syria to be at least 150."),
            (V{"departed/all/SWE/persons/150000"}));
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

}  // namespace
}  // namespace ftf::extract
