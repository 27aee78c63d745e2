#include "extract/hedge_spread.h"

#include <gtest/gtest.h>

#include "extract/claims_for_test.h"

namespace ftf::extract {
namespace {

using testing::Extract;
using testing::With;

const Claim* At(const std::vector<Claim>& c, const std::string& scope) {
  for (const Claim& x : c)
    if (x.scope == scope) return &x;
  return nullptr;
}

TEST(HedgeSpread, BareItemsOfAListByPlaceTakeTheHedgeBeforeThem) {
  auto c = Extract("More than 300 fighters left from Norway, the ministry said, 120 from Denmark and 90 from Finland.");
  ASSERT_TRUE(At(c, "DNK") && At(c, "FIN"));
  EXPECT_EQ(At(c, "DNK")->qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(*At(c, "DNK")->low, 120);
  EXPECT_EQ(At(c, "FIN")->qualifier, Qualifier::kMoreThan);  // along the chain
  c = Extract("Some 2,000 jihadists travelled to Syria from Jordan, about 700 from Lebanon, 650 from Egypt and 500 from Algeria.");
  ASSERT_TRUE(At(c, "EGY") && At(c, "DZA"));
  EXPECT_EQ(At(c, "EGY")->qualifier, Qualifier::kApprox);
  EXPECT_EQ(*At(c, "EGY")->best, 650);
}

TEST(HedgeSpread, ItemsJoinedOtherwiseKeepTheirOwnQualifier) {
  // "while" opens another clause; an item of another shape ("120 women") is no list item by place.
  auto c = Extract("More than 300 fighters left from Norway, while 120 fighters came from Denmark.");
  ASSERT_TRUE(At(c, "DNK"));
  EXPECT_EQ(At(c, "DNK")->qualifier, Qualifier::kExact);
  c = Extract("At least 300 fighters left from Norway, and 40 have since returned to Denmark.");
  for (const Claim& x : c) {
    if (x.best) {
      EXPECT_EQ(x.qualifier, Qualifier::kExact) << x.cue;
    }
  }
}

}  // namespace
}  // namespace ftf::extract
