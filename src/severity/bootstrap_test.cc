#include "severity/bootstrap.h"

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "severity/hurwitz_zeta.h"
#include "severity/power_law_sampler.h"

namespace ftf::severity {
namespace {

std::vector<double> ReadReference(const std::string& name) {
  std::ifstream in(std::string(FTF_SOURCE_DIR) + "/data/severity/" + name);
  std::vector<double> v;
  double x;
  while (in >> x) v.push_back(x);
  return v;
}

TEST(PowerLawSamplerTest, DiscreteFrequenciesMatchThePmf) {
  const double alpha = 2.5, xmin = 3;
  PowerLawSampler sampler(true, alpha, xmin);
  Rng rng(42);
  std::map<double, int> freq;
  const int n = 400000;
  int beyond = 0;
  for (int i = 0; i < n; ++i) {
    const double x = sampler.Draw(rng);
    ASSERT_GE(x, xmin);
    ASSERT_EQ(x, std::floor(x));
    if (x < 10) ++freq[x]; else ++beyond;
  }
  const double z = HurwitzZeta(alpha, xmin);
  for (double k = xmin; k < 10; k += 1) {
    const double p = std::pow(k, -alpha) / z;
    EXPECT_NEAR(freq[k] / static_cast<double>(n), p, 4 * std::sqrt(p * (1 - p) / n)) << k;
  }
  const double p_beyond = HurwitzZeta(alpha, 10) / z;
  EXPECT_NEAR(beyond / static_cast<double>(n), p_beyond, 4 * std::sqrt(p_beyond / n));
}

TEST(PowerLawSamplerTest, DrawsBeyondTheTableFollowTheExactTail) {
  // α close to 1: the table ends long before the tail mass is small.
  PowerLawSampler sampler(true, 1.3, 1);
  Rng rng(7);
  const int n = 200000;
  int above = 0;
  const double k = 1e7;
  for (int i = 0; i < n; ++i) above += sampler.Draw(rng) >= k ? 1 : 0;
  const double p = HurwitzZeta(1.3, k) / HurwitzZeta(1.3, 1);
  EXPECT_NEAR(above / static_cast<double>(n), p, 4 * std::sqrt(p / n));
}

TEST(PowerLawSamplerTest, ContinuousMedian) {
  PowerLawSampler sampler(false, 3.0, 2.0);
  Rng rng(3);
  int below = 0;
  const double median = 2.0 * std::pow(0.5, -1.0 / 2.0);
  for (int i = 0; i < 100000; ++i) below += sampler.Draw(rng) < median ? 1 : 0;
  EXPECT_NEAR(below / 100000.0, 0.5, 0.006);
}

// CSN2009 report p = 0.68 for the terrorism data (their bootstrap, 2,500 replicates).
TEST(BootstrapTest, TerrorismPValueIsNearThePaper) {
  SortedSample s = SortedSample::FromValues(ReadReference("terrorism.txt"));
  auto fit = FitPowerLaw(s, {});
  ASSERT_TRUE(fit.ok());
  BootstrapOptions o;
  o.replicates = 400;
  o.seed = 2009;
  o.threads = 2;
  auto r = BootstrapGoodnessOfFit(s, *fit, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->failed, 0);
  // ±3 standard errors of a p near 0.68 from 400 replicates.
  EXPECT_NEAR(r->p, 0.68, 3 * std::sqrt(0.68 * 0.32 / 400));
}

TEST(BootstrapTest, SameSeedSameAnswerWhateverTheThreads) {
  SortedSample s = SortedSample::FromValues(ReadReference("terrorism.txt"));
  auto fit = FitPowerLaw(s, {});
  ASSERT_TRUE(fit.ok());
  BootstrapOptions o;
  o.replicates = 40;
  o.seed = 11;
  o.threads = 1;
  auto a = BootstrapGoodnessOfFit(s, *fit, o);
  o.threads = 3;
  auto b = BootstrapGoodnessOfFit(s, *fit, o);
  o.seed = 12;
  auto c = BootstrapGoodnessOfFit(s, *fit, o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->ks, b->ks);
  EXPECT_EQ(a->p, b->p);
  EXPECT_NE(a->ks, c->ks);
}

TEST(BootstrapTest, RejectsAnExponentialSample) {
  // Geometric data are not a power law: p should be tiny.
  Rng rng(5);
  std::vector<double> v;
  for (int i = 0; i < 3000; ++i) v.push_back(1.0 + std::floor(-std::log(rng.UniformPositive()) * 20.0));
  SortedSample s = SortedSample::FromValues(v);
  auto fit = FitPowerLaw(s, {});
  ASSERT_TRUE(fit.ok());
  BootstrapOptions o;
  o.replicates = 100;
  o.threads = 2;
  auto r = BootstrapGoodnessOfFit(s, *fit, o);
  ASSERT_TRUE(r.ok());
  EXPECT_LT(r->p, 0.1);
}

TEST(BootstrapTest, ReplicateKeepsTheSampleSize) {
  SortedSample s = SortedSample::FromValues(ReadReference("terrorism.txt"));
  auto fit = FitPowerLaw(s, {});
  ASSERT_TRUE(fit.ok());
  PowerLawSampler sampler(true, fit->alpha, fit->xmin);
  Rng rng(1);
  SortedSample rep = SemiParametricReplicate(s, *fit, sampler, rng);
  EXPECT_EQ(rep.total(), s.total());
  EXPECT_NEAR(rep.suffix_n(rep.LowerBound(fit->xmin)), fit->n_tail, 4 * std::sqrt(fit->n_tail));
}

}  // namespace
}  // namespace ftf::severity
