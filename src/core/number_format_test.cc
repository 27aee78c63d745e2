#include "core/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ftf {
namespace {

TEST(FormatCount, UsesThousandsSeparators) {
  EXPECT_EQ(FormatCount(5600), "5,600");
  EXPECT_EQ(FormatCount(41490), "41,490");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1234), "-1,234");
  EXPECT_EQ(FormatCount(129), "129");
  EXPECT_EQ(FormatCount(0.25), "0.25");
  EXPECT_EQ(FormatCount(1.0 / 3, 1), "0.3");
  EXPECT_EQ(FormatCount(std::numeric_limits<double>::infinity()), "∞");
  EXPECT_EQ(FormatCount(NAN), "");
}

TEST(FormatNumber, HasNoSeparatorsAndReadsBack) {
  EXPECT_EQ(FormatNumber(5600), "5600");
  EXPECT_EQ(FormatNumber(0.25), "0.25");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(NAN), "");
}

}  // namespace
}  // namespace ftf
