#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build everything with warnings as errors,
# and run every test (unit, end-to-end, PostgreSQL, browser) through CTest; then a short smoke
# of every fuzz target (build-fuzz, clang + libFuzzer); then the unit and end-to-end tests once
# more in a sanitizer build (build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# ccache keys on paths relative to the checkout, and not on the build directory, so a fresh
# clone elsewhere (CI) reuses what an earlier build of the same sources compiled.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFTF_WERROR=ON >/dev/null
cmake --build build
(cd build && ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@")
# Each libFuzzer target for 3 s (about 30 s in all); the full runs are in docs/fuzzing.md.
tests/fuzz/run.sh smoke
# The same unit and end-to-end tests again under AddressSanitizer and UBSan (any finding fails
# the test). The browser and PostgreSQL tests ran above; they add nothing here but time.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFTF_SANITIZE=ON -DFTF_BUILD_BENCH=OFF \
  -DFTF_WERROR=ON >/dev/null
cmake --build build-asan
cd build-asan
ctest --output-on-failure --timeout 900 -j "$(nproc)" -E "browser|postgres" "$@"
