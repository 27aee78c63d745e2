// Fusion at scale: 1,000,000 synthetic claims over 250 countries and 20 sources.
//
// Workloads (one run each, wall-clock ms and the process's peak resident memory):
//   generate              build the synthetic claims (deterministic, seed 20171024)
//   latest-authoritative  the raw ledger method over the same claims: the baseline
//   fuse                  Fuse(): reconcile every key, propagate constraints, aggregate
// Goals on the development machine: fuse under 3 s, peak memory under 1 GB.
//
// Usage: bench_fuse [N_CLAIMS]   (default 1000000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench_util.h"
#include "fuse/fusion.h"
#include "fuse/ledger.h"
#include "geo/gazetteer.h"

namespace {

using ftf::bench::Clock;
using ftf::bench::Ms;
using ftf::bench::PeakRssMb;

std::vector<ftf::Claim> Generate(size_t n, const std::vector<std::string>& countries,
                                 std::map<std::string, ftf::Source>& sources) {
  using namespace ftf;
  std::mt19937_64 rng(20171024);
  const SourceKind kinds[] = {SourceKind::kGovernment, SourceKind::kIntergovernmental, SourceKind::kThinkTank,
                              SourceKind::kAcademic, SourceKind::kNews};
  std::vector<std::string> source_ids;
  for (int i = 0; i < 20; ++i) {
    Source s;
    s.id = "src" + std::to_string(i);
    s.kind = kinds[i % 5];
    s.published = "2017-10-31";
    sources[s.id] = s;
    source_ids.push_back(s.id);
  }
  std::vector<std::string> dates;
  for (int y = 2013; y <= 2019; ++y)
    for (int m = 1; m <= 12; m += 3) dates.push_back(std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-15");
  const Category cats[] = {Category::kDeparted, Category::kReturned, Category::kKilled, Category::kInTheater,
                           Category::kDetained};
  const Subgroup subs[] = {Subgroup::kAll, Subgroup::kWomen, Subgroup::kMinors};
  const std::string regions[] = {"World", "European Union", "Central Asia", "MENA", "Western Balkans"};
  std::vector<Claim> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Claim c;
    c.id = static_cast<int64_t>(i + 1);
    bool region = rng() % 100 == 0;
    c.scope = region ? regions[rng() % 5] : countries[rng() % countries.size()];
    c.category = cats[rng() % 5];
    c.subgroup = subs[rng() % 3 == 0 ? 1 + rng() % 2 : 0];
    size_t d = rng() % dates.size();
    c.as_of = dates[d];
    c.source_id = source_ids[rng() % source_ids.size()];
    c.origin = "bench";
    // A truth that grows with time, per key; one claim in ten is off by a factor.
    double base = 50 + (std::hash<std::string>{}(c.scope) % 2000) * (region ? 20 : 1);
    double truth = std::floor(base * (0.3 + 0.1 * d) / (c.subgroup == Subgroup::kAll ? 1 : 5) /
                              (c.category == Category::kDeparted ? 1 : 3));
    if (rng() % 10 == 0) truth = std::floor(truth * (0.2 + (rng() % 300) / 100.0));
    switch (rng() % 6) {
      case 0: c.qualifier = Qualifier::kExact; c.best = truth; break;
      case 1: c.qualifier = Qualifier::kApprox; c.best = std::max(1.0, std::round(truth / 10) * 10); break;
      case 2: c.qualifier = Qualifier::kAtLeast; c.low = std::floor(truth * 0.8); break;
      case 3: c.qualifier = Qualifier::kFewerThan; c.high = truth + 1 + rng() % 50; break;
      case 4: c.qualifier = Qualifier::kRange; c.low = std::floor(truth * 0.9); c.high = std::ceil(truth * 1.2) + 1; break;
      default: c.qualifier = Qualifier::kMoreThan; c.low = std::floor(truth * 0.7); break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const ftf::Gazetteer& geo = ftf::Gazetteer::Bundled();
  std::vector<std::string> countries;
  for (const ftf::Country& c : geo.countries())
    if (countries.size() < 250) countries.push_back(c.iso3);
  std::map<std::string, ftf::Source> sources;

  auto t0 = Clock::now();
  std::vector<ftf::Claim> claims = Generate(n, countries, sources);
  auto t1 = Clock::now();
  std::printf("workload              claims  countries  sources        ms  peak_rss_mb\n");
  std::printf("generate            %8zu  %9zu  %7zu  %8.0f  %11.0f\n", claims.size(), countries.size(), sources.size(),
              Ms(t0, t1), PeakRssMb());

  auto t2 = Clock::now();
  std::vector<ftf::LedgerEntry> raw = ftf::LatestAuthoritative(claims, sources);
  auto t3 = Clock::now();
  std::printf("latest-authoritative%8zu  %9zu  %7zu  %8.0f  %11.0f   (%zu keys)\n", claims.size(), countries.size(),
              sources.size(), Ms(t2, t3), PeakRssMb(), raw.size());
  raw.clear();
  raw.shrink_to_fit();

  ftf::FusionConfig config;
  auto t4 = Clock::now();
  auto result = ftf::Fuse(claims, sources, config, geo);
  auto t5 = Clock::now();
  if (!result.ok()) {
    std::fprintf(stderr, "fuse failed: %s\n", result.status().ToString().c_str());
    return 1;
  }
  std::printf("fuse                %8zu  %9zu  %7zu  %8.0f  %11.0f   (%zu estimates, %zu conflicts, %zu aggregates, "
              "%d passes%s)\n",
              claims.size(), countries.size(), sources.size(), Ms(t4, t5), PeakRssMb(), result->estimates.size(),
              result->conflicts.size(), result->aggregates.size(), result->passes,
              result->converged ? "" : ", not converged");
  return 0;
}
