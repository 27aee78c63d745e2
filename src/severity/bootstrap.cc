#include "severity/bootstrap.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

#include "severity/power_law_sampler.h"

namespace ftf::severity {

SortedSample SemiParametricReplicate(const SortedSample& sample, const PowerLawFit& fit,
                                     const PowerLawSampler& sampler, Rng& rng) {
  const auto& values = sample.values();
  const auto& counts = sample.counts();
  const size_t n_lower_distinct = fit.xmin_index;
  const double n = sample.total();
  const double n_lower_data = n - fit.n_tail;
  const double p_tail = fit.n_tail / n;
  const uint64_t total = static_cast<uint64_t>(n);
  uint64_t in_tail = 0;
  for (uint64_t i = 0; i < total; ++i) in_tail += rng.Uniform() < p_tail ? 1 : 0;
  const uint64_t in_lower = total - in_tail;

  // Below xmin: draw data values with replacement, by position in the sorted data.
  std::vector<double> lower_counts(n_lower_distinct, 0.0);
  if (in_lower > 0 && n_lower_distinct > 0) {
    std::vector<double> cum(n_lower_distinct);
    double c = 0;
    for (size_t i = 0; i < n_lower_distinct; ++i) cum[i] = (c += counts[i]);
    const uint64_t pool = static_cast<uint64_t>(n_lower_data);
    for (uint64_t i = 0; i < in_lower; ++i) {
      const double pos = static_cast<double>(rng.Below(pool));
      const size_t idx = static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), pos) - cum.begin());
      lower_counts[idx] += 1.0;
    }
  }
  std::vector<double> tail(in_tail);
  for (double& x : tail) x = sampler.Draw(rng);
  std::sort(tail.begin(), tail.end());

  std::vector<double> out_values, out_counts;
  out_values.reserve(n_lower_distinct + tail.size());
  out_counts.reserve(n_lower_distinct + tail.size());
  for (size_t i = 0; i < n_lower_distinct; ++i) {
    if (lower_counts[i] > 0) {
      out_values.push_back(values[i]);
      out_counts.push_back(lower_counts[i]);
    }
  }
  for (double x : tail) {
    if (!out_values.empty() && out_values.back() == x) {
      out_counts.back() += 1.0;
    } else {
      out_values.push_back(x);
      out_counts.push_back(1.0);
    }
  }
  return SortedSample::FromDistinct(std::move(out_values), std::move(out_counts));
}

Result<BootstrapResult> BootstrapGoodnessOfFit(const SortedSample& sample, const PowerLawFit& fit,
                                               const BootstrapOptions& options) {
  if (options.replicates < 0) return Status::InvalidArgument("bootstrap: replicates must be >= 0");
  BootstrapResult out;
  out.replicates = options.replicates;
  const size_t reps = static_cast<size_t>(options.replicates);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  out.ks.assign(reps, kNaN);
  out.xmin.assign(reps, kNaN);
  out.alpha.assign(reps, kNaN);
  if (reps == 0) {
    out.p = kNaN;
    return out;
  }
  const PowerLawSampler sampler(fit.discrete, fit.alpha, fit.xmin);
  PowerLawOptions fit_options = options.fit;
  fit_options.threads = 1;
  fit_options.fixed_xmin.reset();
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t r = next.fetch_add(1); r < reps; r = next.fetch_add(1)) {
      Rng rng(DeriveSeed(options.seed, r));
      const SortedSample rep = SemiParametricReplicate(sample, fit, sampler, rng);
      auto rep_fit = FitPowerLaw(rep, fit_options);
      if (rep_fit.ok()) {
        out.ks[r] = rep_fit->ks;
        out.xmin[r] = rep_fit->xmin;
        out.alpha[r] = rep_fit->alpha;
      }
    }
  };
  const int threads = std::max(1, std::min(options.threads, options.replicates));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  int at_least = 0, usable = 0;
  for (double ks : out.ks) {
    if (std::isnan(ks)) continue;
    ++usable;
    if (ks >= fit.ks) ++at_least;
  }
  out.failed = options.replicates - usable;
  out.p = usable > 0 ? static_cast<double>(at_least) / usable : kNaN;
  return out;
}

}  // namespace ftf::severity
