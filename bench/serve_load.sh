#!/bin/sh
# Load benchmark of `ftfwatch serve` on loopback with wrk (Debian package `wrk`).
#
# Workloads (named): ledger = GET /api/ledger (the whole ledger, ~60 KB of JSON);
# ledger_country = GET /api/ledger?country=FRA,GBR; claims = GET /api/claims?page=1&pagesize=100;
# claims_mixed = /api/claims over 3 pages and 4 country filters (a Lua script rotates the paths);
# baseline = GET /api/health (the server's floor: routing, cache lookup, a tiny body).
# Each runs for DURATION seconds at CONNECTIONS connections on THREADS wrk threads; then a
# memory run of MEMORY_SECONDS on /api/claims samples the server's RSS every 5 s.
# Bounded: loopback only, fixed durations, the server is stopped at the end (trap).
#
# Usage: bench/serve_load.sh [path/to/ftfwatch]   env: DURATION=20 CONNECTIONS=64 THREADS=2
#        MEMORY_SECONDS=60 SERVER_CPUS (e.g. "0" to pin the server to one core, default unpinned)
# Output: one line per workload: req/s, p50, p99, max latency, errors; then RSS samples (KiB).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${FTFWATCH_BIN:-$here/../build/ftfwatch}}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
MEMORY_SECONDS=${MEMORY_SECONDS:-60}
command -v wrk >/dev/null || { echo "serve_load.sh: wrk not found (apt-get install -y wrk)" >&2; exit 2; }
[ -x "$bin" ] || { echo "serve_load.sh: no ftfwatch binary at $bin" >&2; exit 2; }

tmp=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

pin=""
if [ -n "${SERVER_CPUS:-}" ]; then pin="taskset -c $SERVER_CPUS"; fi
$pin "$bin" --quiet --db "$tmp/bench.db" serve --host 127.0.0.1 --port 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*serving http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$tmp/out")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve_load.sh: server did not start" >&2; cat "$tmp/err" >&2; exit 1; }
base="http://127.0.0.1:$port"

cat >"$tmp/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT req/s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, errors, e.status))
end
LUA
cat >"$tmp/mixed.lua" <<'LUA'
local paths = {}
for _, c in ipairs({"", "&country=FRA", "&country=GBR,USA", "&region=European%20Union"}) do
  for p = 1, 3 do paths[#paths + 1] = "/api/claims?pagesize=100&page=" .. p .. c end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
cat "$tmp/mixed.lua" "$tmp/report.lua" >"$tmp/mixed_report.lua"

rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
run() {  # name path script
  # Warm the cache, then measure.
  curl -fsS -o /dev/null "$base$2" || { echo "serve_load.sh: GET $2 failed" >&2; exit 1; }
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -s "$3" "$base$2" | grep '^RESULT')
  printf '%-15s %s rss_kib=%s\n' "$1" "${line#RESULT }" "$(rss)"
}

echo "ftfwatch serve load: $CONNECTIONS connections, $THREADS wrk threads, ${DURATION}s per workload, $(nproc) cores"
echo "server: $bin (pid $pid, port $port${SERVER_CPUS:+, cpus $SERVER_CPUS})"
echo "body bytes: ledger=$(curl -fsS "$base/api/ledger" | wc -c) claims=$(curl -fsS "$base/api/claims?page=1&pagesize=100" | wc -c)"
run baseline "/api/health" "$tmp/report.lua"
run ledger "/api/ledger" "$tmp/report.lua"
run ledger_country "/api/ledger?country=FRA,GBR" "$tmp/report.lua"
run claims "/api/claims?page=1&pagesize=100" "$tmp/report.lua"
run claims_mixed "/api/claims?pagesize=100&page=1" "$tmp/mixed_report.lua"

if [ "$MEMORY_SECONDS" -gt 0 ]; then
  echo "memory: ${MEMORY_SECONDS}s of claims_mixed, RSS (KiB) every 5 s:"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEMORY_SECONDS}s" --timeout 5s --latency -s "$tmp/mixed_report.lua" "$base/api/claims" >"$tmp/mem.out" &
  wpid=$!
  samples="$(rss)"
  t=0
  while [ "$t" -lt "$MEMORY_SECONDS" ]; do sleep 5; t=$((t + 5)); samples="$samples $(rss)"; done
  wait "$wpid"
  echo "rss_kib: $samples"
  printf '%-15s %s\n' "memory_run" "$(grep '^RESULT' "$tmp/mem.out" | sed 's/^RESULT //')"
fi
