// Goodness of fit of a power law by the semi-parametric bootstrap (CSN section 4.1).
//
// Each replicate has as many values as the data. Each value falls in the tail with
// probability n_tail/n; tail values are drawn from the fitted power law, the others are drawn
// with replacement from the data below xmin. The replicate is then fitted exactly as the data
// were (the whole xmin scan), and p is the share of replicates whose KS distance is at least
// the data's. CSN: p <= 0.1 rules the power law out; ~2,500 replicates give p to ±0.01.
//
// Reproducibility: replicate r uses its own Rng seeded with DeriveSeed(seed, r), and results
// are stored by replicate number, so p is the same for a given seed whatever the number of
// threads and however the threads are scheduled.
#pragma once

#include <cstdint>
#include <vector>

#include "ftfwatch/status.h"
#include "severity/power_law_fit.h"
#include "severity/rng.h"
#include "severity/sorted_sample.h"

namespace ftf::severity {

struct BootstrapOptions {
  int replicates = 1000;
  uint64_t seed = 1;
  int threads = 1;
  PowerLawOptions fit;  // how each replicate is fitted (threads there are ignored)
};

struct BootstrapResult {
  double p = 0;               // share of usable replicates with KS >= the data's
  int replicates = 0;         // asked for
  int failed = 0;             // replicates that could not be fitted (too few distinct values)
  std::vector<double> ks;     // per replicate (NaN when failed)
  std::vector<double> xmin;   // per replicate
  std::vector<double> alpha;  // per replicate
};

// Precondition: `fit` was obtained from `sample` with options equivalent to `options.fit`.
Result<BootstrapResult> BootstrapGoodnessOfFit(const SortedSample& sample, const PowerLawFit& fit,
                                               const BootstrapOptions& options);

// One semi-parametric replicate (exposed for tests and benchmarks).
class PowerLawSampler;
SortedSample SemiParametricReplicate(const SortedSample& sample, const PowerLawFit& fit,
                                     const PowerLawSampler& sampler, Rng& rng);

}  // namespace ftf::severity
