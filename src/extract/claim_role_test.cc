// Roles the extractor gives the claims it finds (claim_role.h), on sentences written for these
// tests. Each case also checks which numbers became claims: roles label claims, they never make
// or drop one.
#include "extract/claim_role.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/claim_extractor.h"

namespace ftf::extract {
namespace {

struct Found {
  std::string scope;
  Category category;
  double value;
  ClaimRole role;
};

std::vector<Found> Roles(const std::string& text) {
  std::vector<Found> out;
  for (const Claim& c : ClaimExtractor().Extract(text).claims)
    out.push_back({c.scope, c.category, c.best.value_or(c.low.value_or(c.high.value_or(-1))), c.role});
  return out;
}

TEST(ClaimRoles, AFigurePerCountryInAListIsATableRow) {
  auto f = Roles("Recruits who left for Syria came from Belgium (around 500), the Netherlands (some 250) and "
                 "Denmark (roughly 150).");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].scope, "BEL");
  EXPECT_EQ(f[2].scope, "DNK");
  for (const Found& x : f) EXPECT_EQ(x.role, ClaimRole::kTableRow) << x.scope;
}

TEST(ClaimRoles, LinesOfAFlattenedTableAreTableRows) {
  auto f = Roles("Foreign fighters who travelled to Syria, by country of origin\n\nFrance: 1,910\n\nGermany: 960\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].scope, "FRA");
  EXPECT_EQ(f[0].value, 1910);
  EXPECT_EQ(f[0].role, ClaimRole::kTableRow);
  EXPECT_EQ(f[1].scope, "DEU");
  EXPECT_EQ(f[1].role, ClaimRole::kTableRow);
}

TEST(ClaimRoles, AFigureIntroducedAsASumIsATableTotal) {
  for (const char* text : {"A total of 5,600 foreign fighters have returned to their home countries.",
                           "Some 5,600 foreign fighters have returned to their home countries in total.",
                           "Altogether, 5,600 foreign fighters have returned to their home countries.",
                           "The combined 5,600 foreign fighters who returned to their home countries worry police."}) {
    auto f = Roles(text);
    ASSERT_EQ(f.size(), 1u) << text;
    EXPECT_EQ(f[0].category, Category::kReturned) << text;
    EXPECT_EQ(f[0].value, 5600) << text;
    EXPECT_EQ(f[0].role, ClaimRole::kTableTotal) << text;
  }
}

TEST(ClaimRoles, AFigureComputedFromAnotherIsDerived) {
  // "a third of the 960": the persons figure is worked out from the base; the base is stated.
  auto f = Roles("A third of the 960 Germans who travelled to Syria have returned.");
  ASSERT_EQ(f.size(), 2u);
  for (const Found& x : f) {
    if (x.category == Category::kReturned) EXPECT_EQ(x.role, ClaimRole::kDerived);
    else EXPECT_EQ(x.role, ClaimRole::kUnspecified);
  }
  // "the remaining 300": what is left of a figure stated before.
  auto r = Roles("About 960 Germans have travelled to Syria. Some 300 have returned, and the remaining 400 are "
                 "believed to be still in Syria.");
  bool remainder = false;
  for (const Found& x : r) {
    if (x.value == 400) {
      remainder = true;
      EXPECT_EQ(x.role, ClaimRole::kDerived);
    } else {
      EXPECT_EQ(x.role, ClaimRole::kUnspecified) << x.value;
    }
  }
  EXPECT_TRUE(remainder);
}

TEST(ClaimRoles, APlainFigureHasNoRole) {
  auto f = Roles("Some 850 Britons have travelled to Syria to join the Islamic State, officials said.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].scope, "GBR");
  EXPECT_EQ(f[0].role, ClaimRole::kUnspecified);
  // One country with two figures is no list of countries.
  auto g = Roles("Of the 850 Britons who travelled to Syria, about 425 have returned to Britain.");
  for (const Found& x : g) EXPECT_EQ(x.role, ClaimRole::kUnspecified) << x.value;
}

}  // namespace
}  // namespace ftf::extract
