#include "severity/trend.h"

#include <cmath>

#include <gtest/gtest.h>

#include "severity/synthetic.h"

namespace ftf::severity {
namespace {

EventFile Synthetic(double from, double to, uint64_t seed, int per_year = 300) {
  SyntheticEventsOptions o;
  o.first_year = 1990;
  o.last_year = 2019;
  o.per_year = per_year;
  o.low_share_first = from;
  o.low_share_last = to;
  o.seed = seed;
  EventFile f;
  f.name = "synthetic";
  f.events = GenerateEvents(o);
  return f;
}

TEST(TrendTest, DetectsARisingLowCasualtyShare) {
  auto r = AnalyseTrend(Synthetic(0.40, 0.70, 3), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->periods.size(), 30u);
  EXPECT_EQ(r->verdict, "strong");
  EXPECT_GT(r->logistic.slope, 0);
  EXPECT_LT(r->logistic.p, 1e-6);
  EXPECT_LT(r->share_trend.p, 0.01);
  // The generator's shares are known: 40% in 1990, 70% in 2019.
  EXPECT_NEAR(r->logistic.fitted_first, 0.40, 0.04);
  EXPECT_NEAR(r->logistic.fitted_last, 0.70, 0.04);
  EXPECT_GE(r->xmin, 2);  // the generator's tail starts at K + 1 = 2; KS may pick a little above
  EXPECT_LE(r->xmin, 4);
  EXPECT_NE(r->sentence.find("support the forecast strongly"), std::string::npos) << r->sentence;
}

TEST(TrendTest, NoTrendIsNotReportedAsSupport) {
  int support = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    auto r = AnalyseTrend(Synthetic(0.55, 0.55, seed), {});
    ASSERT_TRUE(r.ok());
    if (r->verdict == "strong" || r->verdict == "moderate") ++support;
  }
  EXPECT_LE(support, 1);  // at 5% and 1% levels, at most a rare false alarm
}

TEST(TrendTest, FallingShareContradictsTheForecast) {
  TrendOptions o;
  o.period_years = 5;
  auto r = AnalyseTrend(Synthetic(0.7, 0.4, 9), o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->periods.size(), 6u);
  EXPECT_EQ(r->periods[0].first_year, 1990);
  EXPECT_EQ(r->periods[0].last_year, 1994);
  EXPECT_EQ(r->verdict, "contradicts");
}

TEST(TrendTest, PeriodStatisticsAndAlphaInterval) {
  auto r = AnalyseTrend(Synthetic(0.5, 0.5, 4, 2000), {});
  ASSERT_TRUE(r.ok());
  for (const auto& p : r->periods) {
    EXPECT_EQ(p.attacks, 2000u);
    EXPECT_LE(p.low_share_lo, p.low_share);
    EXPECT_GE(p.low_share_hi, p.low_share);
    ASSERT_TRUE(std::isfinite(p.alpha));
    EXPECT_LT(p.alpha_lo, p.alpha);
    EXPECT_GT(p.alpha_hi, p.alpha);
    EXPECT_NEAR(p.alpha, 2.4, 0.25);  // the generator's exponent
  }
}

TEST(TrendTest, MannKendallKnownValues) {
  // Strictly increasing series of 5: S = 10, var = 5*4*15/18, Z = 9/sqrt(16.667).
  const MannKendall mk = MannKendallTest({1, 2, 3, 4, 5});
  EXPECT_EQ(mk.s, 10);
  EXPECT_EQ(mk.tau, 1.0);
  EXPECT_NEAR(mk.z, 9.0 / std::sqrt(5.0 * 4 * 15 / 18.0), 1e-12);
  EXPECT_TRUE(std::isnan(MannKendallTest({1, 2}).p));
}

TEST(TrendTest, WilsonInterval) {
  auto [lo, hi] = WilsonInterval(0, 10);
  EXPECT_EQ(lo, 0.0);
  EXPECT_NEAR(hi, 0.2775, 1e-4);
}

TEST(TrendTest, ParsePeriod) {
  EXPECT_EQ(*ParsePeriod("year"), 1);
  EXPECT_EQ(*ParsePeriod("5-years"), 5);
  EXPECT_FALSE(ParsePeriod("5y").ok());
  EXPECT_FALSE(ParsePeriod("0-years").ok());
}

TEST(TrendTest, UndatedDataIsAnError) {
  EventFile f;
  f.name = "plain.txt";
  f.layout = EventLayout::kPlain;
  Event e;
  e.deaths = 3;
  f.events.push_back(e);
  auto r = AnalyseTrend(f, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no event has a date"), std::string::npos);
}

}  // namespace
}  // namespace ftf::severity
