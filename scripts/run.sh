#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main job (the ledger)
# on the embedded default database (created and seeded on first use).
# Extra arguments go to `ftfwatch ledger` (e.g. scripts/run.sh --country GBR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target ftfwatch
./build/ftfwatch ledger "$@"
