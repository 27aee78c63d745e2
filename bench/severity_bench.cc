// Micro-benchmarks of the severity stage: the xmin scan, one bootstrap replicate, the
// alternatives. The end-to-end comparison with poweRlaw is bench/severity_vs_powerlaw.sh.
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "severity/alternatives.h"
#include "severity/bootstrap.h"
#include "severity/power_law_fit.h"
#include "severity/power_law_sampler.h"
#include "severity/synthetic.h"

namespace sev = ftf::severity;

namespace {

const sev::SortedSample& Terrorism() {
  static const sev::SortedSample s = [] {
    std::ifstream in(std::string(FTF_SOURCE_DIR) + "/data/severity/terrorism.txt");
    std::vector<double> v;
    double x;
    while (in >> x) v.push_back(x);
    return sev::SortedSample::FromValues(v);
  }();
  return s;
}

const sev::SortedSample& Synthetic() {
  static const sev::SortedSample s = [] {
    sev::SyntheticSeveritiesOptions o;
    o.n = 1000000;
    o.alpha = 2.5;
    o.xmin = 10;
    o.tail_share = 0.3;
    return sev::SortedSample::FromValues(sev::GenerateSeverities(o));
  }();
  return s;
}

void BM_ScanTerrorism(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(sev::FitPowerLaw(Terrorism(), {}));
}
BENCHMARK(BM_ScanTerrorism)->Unit(benchmark::kMicrosecond);

void BM_ScanSynthetic1e6(benchmark::State& state) {
  sev::PowerLawOptions o;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sev::FitPowerLaw(Synthetic(), o));
}
BENCHMARK(BM_ScanSynthetic1e6)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_BootstrapReplicateTerrorism(benchmark::State& state) {
  auto fit = sev::FitPowerLaw(Terrorism(), {});
  sev::PowerLawSampler sampler(true, fit->alpha, fit->xmin);
  uint64_t r = 0;
  for (auto _ : state) {
    sev::Rng rng(sev::DeriveSeed(1, r++));
    auto rep = sev::SemiParametricReplicate(Terrorism(), *fit, sampler, rng);
    benchmark::DoNotOptimize(sev::FitPowerLaw(rep, {}));
  }
}
BENCHMARK(BM_BootstrapReplicateTerrorism)->Unit(benchmark::kMicrosecond);

void BM_AlternativesTerrorism(benchmark::State& state) {
  auto fit = sev::FitPowerLaw(Terrorism(), {});
  for (auto _ : state) {
    benchmark::DoNotOptimize(sev::CompareAlternatives(Terrorism(), *fit, sev::DefaultAlternatives(true)));
  }
}
BENCHMARK(BM_AlternativesTerrorism)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
