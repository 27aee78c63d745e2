#include "severity/power_law_fit.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ftf::severity {
namespace {

std::vector<double> ReadReference(const std::string& name, double scale = 1.0) {
  std::ifstream in(std::string(FTF_SOURCE_DIR) + "/data/severity/" + name);
  std::vector<double> v;
  double x;
  while (in >> x) v.push_back(x * scale);
  return v;
}

// Reference values computed with the R package poweRlaw 0.70.6 (Debian r-cran-powerlaw,
// R 4.2.2): m <- displ$new(scan("terrorism.txt")); estimate_xmin(m)
// -> xmin 12, pars 2.369947327, gof 0.017685672, ntail 547. CSN2009 table: 12, 2.4, 547.
TEST(PowerLawFitTest, TerrorismDiscreteMatchesPoweRlaw) {
  auto fit = FitPowerLaw(SortedSample::FromValues(ReadReference("terrorism.txt")), {});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_EQ(fit->xmin, 12);
  EXPECT_NEAR(fit->alpha, 2.369947327, 1e-6);
  EXPECT_NEAR(fit->ks, 0.017685672, 1e-7);
  EXPECT_EQ(fit->n_tail, 547);
  EXPECT_EQ(fit->n, 9101);
}

}  // namespace
}  // namespace ftf::severity
