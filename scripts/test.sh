#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build everything with warnings as errors,
# and run every test (unit, end-to-end, browser) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFTF_WERROR=ON >/dev/null
cmake --build build
cd build
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
