#include "claims/claim_csv.h"

#include <gtest/gtest.h>

namespace ftf {
namespace {

const std::string kHeader = "scope,category,subgroup,unit,low,best,high,qualifier,as_of,source\n";

TEST(ClaimsCsv, ParsesAndCanonicalisesScopes) {
  auto p = ParseClaimsCsv(kHeader + "the U.K.,departed,all,persons,,850,,approx,2017-10-31,soufan2017\n"
                                    "Kosovo,returned,women,persons,,,20,at_most,2018,icsr2018\n",
                          "x.csv", Gazetteer::Bundled());
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.claims.size(), 2u);
  EXPECT_EQ(p.claims[0].scope, "GBR");
  EXPECT_EQ(*p.claims[0].best, 850);
  EXPECT_EQ(p.claims[0].qualifier, Qualifier::kApprox);
  EXPECT_EQ(p.claims[1].scope, "XKX");
  EXPECT_EQ(p.claims[1].subgroup, Subgroup::kWomen);
  EXPECT_FALSE(p.claims[1].best.has_value());
  EXPECT_EQ(*p.claims[1].high, 20);
}

TEST(ClaimsCsv, ReportsEveryBadFieldWithFileAndLine) {
  auto p = ParseClaimsCsv(kHeader + "GBR,departed,all,persons,,85O,,exact,2017,s\n"   // line 2: letter O
                                    "Atlantis,departed,all,persons,,10,,exact,2017,s\n"  // line 3
                                    "GBR,invaded,all,persons,,10,,exact,2017,s\n"        // line 4
                                    "GBR,departed,all,persons,20,,10,range,2017,s\n"     // line 5
                                    "GBR,departed,all,persons,,10,,exact,2017\n"         // line 6: 9 fields
                                    "GBR,departed,all,persons,,-5,,exact,2017-13,s\n",   // line 7: two errors
                          "bad.csv", Gazetteer::Bundled());
  EXPECT_TRUE(p.claims.empty());
  ASSERT_EQ(p.errors.size(), 7u);
  EXPECT_EQ(p.errors[0], "bad.csv:2: best: not a number: '85O'");
  EXPECT_EQ(p.errors[1].rfind("bad.csv:3: scope: unknown country or region 'Atlantis'", 0), 0u) << p.errors[1];
  EXPECT_EQ(p.errors[2], "bad.csv:4: category: unknown category 'invaded'");
  EXPECT_EQ(p.errors[3], "bad.csv:5: low: 20 is greater than high 10");
  EXPECT_EQ(p.errors[4], "bad.csv:6: row: 9 fields, expected 10");
  EXPECT_EQ(p.errors[5], "bad.csv:7: best: negative number '-5'");
  EXPECT_EQ(p.errors[6], "bad.csv:7: as_of: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '2017-13'");
}

// Issue 11: the optional role column says what part of its report a figure is.
TEST(ClaimsCsv, ReadsAndWritesTheClaimRole) {
  const std::string header = "scope,category,subgroup,unit,low,best,high,qualifier,as_of,source,role\n";
  auto p = ParseClaimsCsv(header + "World,departed,all,persons,40000,,,more_than,2017-10-31,soufan2017,headline\n"
                                   "World,departed,all,persons,,53781,,exact,2017-10-31,soufan2017,\n"
                                   "GBR,departed,all,persons,,850,,exact,2017-10-31,soufan2017,footnote\n",
                          "roles.csv", Gazetteer::Bundled());
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0], "roles.csv:4: role: unknown role 'footnote' (headline, table_row, table_total, derived)");
  ASSERT_EQ(p.claims.size(), 2u);
  EXPECT_EQ(p.claims[0].role, ClaimRole::kHeadline);
  EXPECT_EQ(p.claims[1].role, ClaimRole::kUnspecified);
  std::string written = WriteClaimsCsv(p.claims);
  auto again = ParseClaimsCsv(written, "again.csv", Gazetteer::Bundled());
  ASSERT_TRUE(again.errors.empty()) << again.errors.front();
  EXPECT_EQ(again.claims[0].role, ClaimRole::kHeadline);
  EXPECT_EQ(again.claims[1].role, ClaimRole::kUnspecified);
  // The role is not part of the fingerprint: the same figure with a role recorded later is
  // the same claim.
  Claim c = p.claims[1];
  c.role = ClaimRole::kTableTotal;
  EXPECT_EQ(ClaimFingerprint(c), ClaimFingerprint(p.claims[1]));
}

TEST(ClaimsCsv, RejectsInvalidUtf8WithItsLine) {
  auto p = ParseClaimsCsv(kHeader + "GBR,departed,all,persons,,10,,exact,2017,s\nGBR,departed,all,persons,,1\xff,,exact,2017,s\n",
                          "u.csv", Gazetteer::Bundled());
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].rfind("u.csv:3: text: invalid UTF-8 at byte offset", 0), 0u) << p.errors[0];
}

TEST(ClaimsCsv, RoundTripsThroughWrite) {
  Claim c;
  c.scope = "FRA";
  c.category = Category::kReturned;
  c.best = 271;
  c.qualifier = Qualifier::kExact;
  c.as_of = "2017-10-31";
  c.source_id = "soufan2017";
  c.note = "a note, with \"quotes\"\nand a newline";
  c.attributed_to = "Soufan Center";
  c.span = Span{10, 13};
  c.origin = "manual";
  std::string csv = WriteClaimsCsv({c});
  auto p = ParseClaimsCsv(csv, "rt.csv", Gazetteer::Bundled());
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_EQ(p.claims[0], c);
}

// A manual claim of `best` departed from GBR, from source `source`.
Claim ManualClaim(double best, Qualifier q, const std::string& source) {
  Claim c;
  c.scope = "GBR";
  c.category = Category::kDeparted;
  c.best = best;
  c.qualifier = q;
  c.source_id = source;
  c.origin = "manual";
  return c;
}

TEST(ClaimsCsv, FormulaCellsAreNeutralisedAndReadBackUnchanged) {
  Claim c = ManualClaim(850, Qualifier::kApprox, "=HYPERLINK(\"http://x\",\"x\")");
  c.attributed_to = "@officials";
  c.cue = "+850 men";
  c.sentence = "-850 left";
  c.page = "'=already";
  c.note = "\tindented";
  std::string csv = WriteClaimsCsv({c});
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'@officials,"), std::string::npos) << csv;
  // The note is followed by the (empty) role column.
  EXPECT_NE(csv.find(",'+850 men,'-850 left,''=already,'\tindented,\n"), std::string::npos) << csv;
  auto p = ParseClaimsCsv(csv, "rt.csv", Gazetteer::Bundled());
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_EQ(p.claims[0], c);
}

// The claims_csv fuzz target's round-trip property: numbers whose shortest form has
// an exponent were exported as "1e+16", which the strict import refuses.
TEST(ClaimsCsv, NumbersThatNeedAnExponentAreWrittenPlain) {
  Claim big = ManualClaim(1e16, Qualifier::kExact, "s");
  Claim tiny = big;
  tiny.unit = Unit::kShare;
  tiny.best = 1e-7;
  std::string csv = WriteClaimsCsv({big, tiny});
  EXPECT_NE(csv.find(",10000000000000000,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",0.0000001,"), std::string::npos) << csv;
  auto p = ParseClaimsCsv(csv, "rt.csv", Gazetteer::Bundled());
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_EQ(p.claims.size(), 2u);
  EXPECT_EQ(p.claims[0], big);
  EXPECT_EQ(p.claims[1], tiny);
}

// A span offset too large for int64 (or not whole) is an error, not an overflowing conversion.
TEST(ClaimsCsv, SpanOffsetsMustBeWholeAndInRange) {
  auto p = ParseClaimsCsv(
      "scope,category,best,qualifier,source,span_start,span_end\n"
      "GBR,departed,5,exact,s,99999999999999999999,999999999999999999999\n"
      "GBR,departed,5,exact,s,1.5,2\n",
      "span.csv", Gazetteer::Bundled());
  EXPECT_TRUE(p.claims.empty());
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0], "span.csv:2: span_start: bad span '99999999999999999999'-'999999999999999999999'");
  EXPECT_EQ(p.errors[1], "span.csv:3: span_start: bad span '1.5'-'2'");
}

TEST(ParsePlainNumber, IsStrict) {
  EXPECT_EQ(*ParsePlainNumber("5600"), 5600);
  EXPECT_DOUBLE_EQ(*ParsePlainNumber("0.25"), 0.25);
  EXPECT_FALSE(ParsePlainNumber("5,600"));
  EXPECT_FALSE(ParsePlainNumber("-1"));
  EXPECT_FALSE(ParsePlainNumber("1e5"));
  EXPECT_FALSE(ParsePlainNumber(".5"));
  EXPECT_FALSE(ParsePlainNumber("nan"));
}

TEST(IsIsoDate, ChecksMonthsAndDays) {
  EXPECT_TRUE(IsIsoDate("2017"));
  EXPECT_TRUE(IsIsoDate("2017-10"));
  EXPECT_TRUE(IsIsoDate("2016-02-29"));
  EXPECT_FALSE(IsIsoDate("2017-02-29"));
  EXPECT_FALSE(IsIsoDate("2017-13"));
  EXPECT_FALSE(IsIsoDate("17-10-24"));
}

}  // namespace
}  // namespace ftf
