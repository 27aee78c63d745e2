// Fusion of claims read from PostgreSQL, as `ftfwatch ledger --db postgresql://…` does it:
// reading every claim and source (PgStore), then Fuse() with the bundled configuration, each
// timed apart, with the process's peak resident memory. bench/dask_ingest_bench.py fills the
// database (1,000,000 claims) and runs this.
//
// Usage: bench_pg_fuse postgresql://…
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "fuse/fusion.h"
#include "fuse/fusion_config.h"
#include "store/pg_store.h"

namespace {

using ftf::bench::Clock;
using ftf::bench::Ms;
using ftf::bench::PeakRssMb;

int Fail(const ftf::Status& st) {
  std::fprintf(stderr, "bench_pg_fuse: %s\n", st.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_pg_fuse postgresql://…\n");
    return 2;
  }
  auto store = ftf::OpenPgStore(argv[1], nullptr);
  if (!store.ok()) return Fail(store.status());
  auto config = ftf::DefaultFusionConfig();
  if (!config.ok()) return Fail(config.status());

  auto t0 = Clock::now();
  auto claims = (*store)->ListClaims(ftf::ClaimFilter{});
  if (!claims.ok()) return Fail(claims.status());
  auto listed = (*store)->ListSources();
  if (!listed.ok()) return Fail(listed.status());
  std::map<std::string, ftf::Source> sources;
  for (ftf::Source& s : *listed) sources.emplace(s.id, std::move(s));
  auto t1 = Clock::now();
  const double read_rss = PeakRssMb();
  auto result = ftf::Fuse(*claims, sources, *config);
  auto t2 = Clock::now();
  if (!result.ok()) return Fail(result.status());
  std::printf("workload   claims  sources        ms  peak_rss_mb\n");
  std::printf("read     %8zu  %7zu  %8.0f  %11.0f\n", claims->size(), sources.size(), Ms(t0, t1), read_rss);
  std::printf("fuse     %8zu  %7zu  %8.0f  %11.0f   (%zu estimates, %zu conflicts)\n", claims->size(), sources.size(),
              Ms(t1, t2), PeakRssMb(), result->estimates.size(), result->conflicts.size());
  return 0;
}
