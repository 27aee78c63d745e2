#!/usr/bin/env bash
# Installs the Debian 12 packages ftfwatch needs to build, run and test. Idempotent: when
# everything is present it changes nothing and touches no network. Run as root (or via sudo).
#   scripts/install-deps.sh          build + run + test dependencies
#   scripts/install-deps.sh --bench  also the benchmark tools (wrk, R poweRlaw, GNU time)
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config git
  # libraries (see README "Dependencies")
  libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libfmt-dev libcpp-httplib-dev
  libutf8proc-dev libboost-math-dev libssl-dev libpqxx-dev
  # the PostgreSQL store tests start a local server (scripts/with-postgres.sh)
  postgresql
  # ftfwatch-dask: sharded ingest on Dask distributed (python/ftfwatch_dask, docs/scale.md)
  python3 python3-distributed python3-dask python3-psycopg2 python3-psutil
  # tests
  libgtest-dev libgmock-dev libbenchmark-dev chromium
  # fuzz targets (tests/fuzz, docs/fuzzing.md): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk r-cran-powerlaw time hyperfine python3 bc)
fi
# Node.js and npm run the browser tests; any installed version >= 18 will do.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
