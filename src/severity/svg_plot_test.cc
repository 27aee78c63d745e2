#include "severity/svg_plot.h"

#include <fstream>

#include <gtest/gtest.h>

#include "severity/synthetic.h"

namespace ftf::severity {
namespace {

TEST(SvgPlotTest, CcdfIsStandaloneSvgWithDataAndFit) {
  SortedSample s = SortedSample::FromValues(GenerateSeverities({}));
  auto fit = FitPowerLaw(s, {});
  ASSERT_TRUE(fit.ok());
  const std::string svg = CcdfSvg(s, *fit, "a <title> & more");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("a &lt;title&gt; &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("<circle"), std::string::npos);
  EXPECT_NE(svg.find("<path d=\"M"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
}

TEST(SvgPlotTest, TrendHasTwoPanels) {
  SyntheticEventsOptions o;
  o.first_year = 2000;
  o.last_year = 2009;
  EventFile f;
  f.name = "s";
  f.events = GenerateEvents(o);
  auto t = AnalyseTrend(f, {});
  ASSERT_TRUE(t.ok());
  const std::string svg = TrendSvg(*t, "trend");
  EXPECT_NE(svg.find("share with ≤ 1 deaths"), std::string::npos);
  EXPECT_NE(svg.find("tail exponent"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

}  // namespace
}  // namespace ftf::severity
