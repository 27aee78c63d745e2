#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, in build-fuzz/) and runs them.
#
#   tests/fuzz/run.sh smoke                 every target for SMOKE_SECONDS (default 3) in turn:
#                                           the CI smoke, about 30 s in all
#   tests/fuzz/run.sh long [SECONDS] [T...] each target (or those named) for SECONDS (default
#                                           600), two at a time, under nice
#
# Each run starts from the seed corpus tests/fuzz/corpus/<target> (read only) plus the
# working corpus build-fuzz/corpus/<target>, with the dictionary tests/fuzz/dict/<target>.dict
# when there is one. A crash, leak or timeout (an input slower than 25 s) leaves its input in
# build-fuzz/artifacts/ and fails the run; keep it in tests/fuzz/regressions/<target>/ once
# fixed, so CTest replays it (fuzz_replay_<target>) and the fuzz runs start from it. Logs:
# build-fuzz/logs/{smoke,long}/<target>.log.
# Prints one line per target: runs, executions per second, edges covered (cov), features (ft),
# corpus size, result.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-smoke}
case "$mode" in
  smoke) seconds=${SMOKE_SECONDS:-3}; parallel=1; shift || true ;;
  long) seconds=${2:-600}; parallel=2; shift; shift || true ;;
  *) echo "usage: tests/fuzz/run.sh smoke | long [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DFTF_FUZZ=ON -DFTF_BUILD_TESTS=OFF -DFTF_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz --target fuzz_targets -j2 >/dev/null

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in tests/fuzz/*_fuzz.cc; do t=$(basename "$f" _fuzz.cc); targets+=("$t"); done
fi
mkdir -p build-fuzz/artifacts
# Leaks are errors; a slow input counts as a hang after 25 s; inputs up to 16 KiB.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The smoke starts from the checked-in seeds and regressions only (a fresh working corpus), so
# it takes the same time on every machine; long runs keep growing build-fuzz/corpus/.
logs=build-fuzz/logs/$mode
mkdir -p "$logs"
run_one() {
  local t=$1 dict=() work="build-fuzz/corpus/$t"
  if [[ $mode == smoke ]]; then work="build-fuzz/smoke-corpus/$t"; rm -rf "$work"; fi
  mkdir -p "$work"
  [[ -f tests/fuzz/dict/$t.dict ]] && dict=(-dict="tests/fuzz/dict/$t.dict")
  local seeds=("tests/fuzz/corpus/$t")
  [[ -d tests/fuzz/regressions/$t ]] && seeds+=("tests/fuzz/regressions/$t")
  nice -n 10 "build-fuzz/tests/fuzz/fuzz_$t" "$work" "${seeds[@]}" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$t-" >"$logs/$t.log" 2>&1
}

summary() {
  local t=$1 rc=$2 log="$logs/$1.log" done_line runs
  done_line=$(grep -aE '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  [[ -n "$done_line" ]] || done_line=$(grep -aE '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  printf '%-16s runs=%-9s exec/s=%-6s cov=%-6s ft=%-6s corpus=%-6s %s\n' "$t" "${runs:-?}" \
    "$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' <<<"$done_line")" \
    "$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$done_line")" \
    "$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$done_line")" \
    "$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<<"$done_line")" \
    "$([[ $rc -eq 0 ]] && echo ok || echo "FAILED (exit $rc; see $log)")"
}

for t in "${targets[@]}"; do
  rm -f "$logs/$t.rc"
  while [[ $(jobs -rp | wc -l) -ge $parallel ]]; do sleep 1; done
  ( rc=0; run_one "$t" || rc=$?; summary "$t" "$rc"; echo "$rc" >"$logs/$t.rc" ) &
done
wait
failed=0
for t in "${targets[@]}"; do [[ "$(cat "$logs/$t.rc" 2>/dev/null)" == 0 ]] || failed=1; done
exit "$failed"
