#!/bin/sh
# Soak test of `ftfwatch serve` while `ftfwatch ingest` writes to the same database.
#
# wrk keeps CONNECTIONS connections busy for DURATION seconds on a rotation of read endpoints
# (claims pages and filters, the fused ledger of two countries, estimates, health); meanwhile
# a loop runs `ftfwatch ingest --jsonl` on batches of new documents (each document a
# transaction), so the database version changes under the readers and their caches are
# rebuilt again and again. Passes when wrk saw no error and no non-2xx answer, every ingest
# succeeded, and neither the server nor ingest printed "database is locked".
# Bounded: loopback only, fixed duration, server and writer stopped at the end (trap).
#
# Usage: bench/soak.sh sqlite|postgres [path/to/ftfwatch]
#        postgres: run under scripts/with-postgres.sh; uses a scratch database ftfwatch_soak
#        beside $FTFWATCH_TEST_PG (dropped and created here)
#        env: DURATION=60 CONNECTIONS=64 THREADS=2 DOCS_PER_BATCH=50
# Output: wrk's req/s, p50, p99, max, timeouts, errors, non-2xx answers; ingest batches, documents and claims written;
# server RSS (KiB) at start (after warm-up) and at the end; PASS or FAIL.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
backend=${1:-sqlite}
bin=${2:-${FTFWATCH_BIN:-$here/../build/ftfwatch}}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DOCS_PER_BATCH=${DOCS_PER_BATCH:-50}
command -v wrk >/dev/null || { echo "soak.sh: wrk not found (scripts/install-deps.sh --bench)" >&2; exit 2; }
[ -x "$bin" ] || { echo "soak.sh: no ftfwatch binary at $bin" >&2; exit 2; }

tmp=$(mktemp -d)
pid=""
writer=""
cleanup() {
  [ -n "$writer" ] && kill "$writer" 2>/dev/null || true
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

case "$backend" in
  sqlite) db="$tmp/soak.db" ;;
  postgres)
    test_uri=${FTFWATCH_TEST_PG:?"soak.sh postgres: run it under scripts/with-postgres.sh"}
    db=$(echo "$test_uri" | sed 's|/ftfwatch_test|/ftfwatch_soak|')
    admin=$(echo "$test_uri" | sed 's|/ftfwatch_test|/postgres|')
    psql -q "$admin" -c "DROP DATABASE IF EXISTS ftfwatch_soak WITH (FORCE)" -c "CREATE DATABASE ftfwatch_soak"
    ;;
  *) echo "soak.sh: backend is sqlite or postgres" >&2; exit 2 ;;
esac

"$bin" --quiet --db "$db" serve --host 127.0.0.1 --port 0 >"$tmp/out" 2>"$tmp/server.err" &
pid=$!
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*serving http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$tmp/out" 2>/dev/null || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "soak.sh: server did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }
base="http://127.0.0.1:$port"

cat >"$tmp/soak.lua" <<'LUA'
local paths = {"/api/health", "/api/ledger?country=FRA,GBR", "/api/estimates/GBR/returned",
               "/api/claims?pagesize=50&page=1", "/api/claims?pagesize=50&page=2&country=BEL",
               "/api/claims?pagesize=20&country=FRA,DEU&category=departed", "/api/sources"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT req/s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d timeouts=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.timeout, e.connect + e.read + e.write, e.status))
end
LUA

# Batches of new documents: each text names its batch and number, so every one is new.
make_batch() {  # batch-number file
  awk -v b="$1" -v n="$DOCS_PER_BATCH" 'BEGIN {
    for (i = 0; i < n; i++)
      printf("{\"id\":\"%d-%d\",\"date\":\"2017-10-%02d\",\"source\":\"Soak News\",\"text\":\"Soak batch %d, report %d. About %d foreign fighters from Belgium have returned, officials said. Some %d Britons travelled to Syria, and %d of them were killed.\"}\n",
             b, i, 1 + i % 28, b, i, 100 + b + i, 800 + i, 30 + b % 50)
  }' >"$2"
}

rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
for p in /api/health "/api/ledger?country=FRA,GBR" /api/estimates/GBR/returned "/api/claims?pagesize=50&page=1"; do
  curl -fsS -o /dev/null "$base$p" || { echo "soak.sh: GET $p failed" >&2; exit 1; }
done
rss_start=$(rss)

# The writer: ingest batches until the stop file appears.
(
  b=0
  while [ ! -e "$tmp/stop" ]; do
    b=$((b + 1))
    make_batch "$b" "$tmp/batch.jsonl"
    if "$bin" --db "$db" ingest --jsonl "$tmp/batch.jsonl" >>"$tmp/ingest.out" 2>>"$tmp/ingest.err"; then
      echo ok >>"$tmp/ingest.status"
    else
      echo "failed batch $b" >>"$tmp/ingest.status"
    fi
  done
) &
writer=$!

echo "ftfwatch soak ($backend): $CONNECTIONS connections, $THREADS wrk threads, ${DURATION}s, $(nproc) cores, ingest batches of $DOCS_PER_BATCH documents"
line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$tmp/soak.lua" "$base/" | grep '^RESULT' || true)
rss_end=$(rss)
touch "$tmp/stop"
wait "$writer" || true
writer=""

batches_ok=$(grep -c '^ok' "$tmp/ingest.status" 2>/dev/null || true)
batches_failed=$(grep -c '^failed' "$tmp/ingest.status" 2>/dev/null || true)
claims=$(sed -n 's/.*, \([0-9]*\) new claims.*/\1/p' "$tmp/ingest.err" | awk '{s += $1} END {print s + 0}')
docs=$(sed -n 's/.*(\([0-9]*\) new).*/\1/p' "$tmp/ingest.err" | awk '{s += $1} END {print s + 0}')
locked=$(cat "$tmp/server.err" "$tmp/ingest.err" | grep -ci 'database is locked' || true)

echo "wrk: ${line#RESULT }"
echo "ingest: $batches_ok batches ok, $batches_failed failed; $docs documents, $claims claims written"
echo "server: rss_kib start=$rss_start end=$rss_end; 'database is locked' lines=$locked"
# A timeout (no answer within 10 s) fails the soak like an error; they are counted apart
# because on a saturated machine they measure the CPU, not a fault of the server.
errors=$(echo "$line" | sed -n 's/.* timeouts=\([0-9]*\) errors=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3/p')
if [ -n "$line" ] && [ "$errors" = "0 0 0" ] && [ "${batches_failed:-0}" -eq 0 ] && [ "$locked" -eq 0 ] &&
   [ "${batches_ok:-0}" -gt 0 ]; then
  echo PASS
else
  echo FAIL
  tail -n 5 "$tmp/ingest.err" "$tmp/server.err" >&2 || true
  exit 1
fi
