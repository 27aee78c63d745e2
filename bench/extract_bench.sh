#!/bin/sh
# Extraction throughput, end to end: `ftfwatch extract --jsonl FILE --format json` on the shared
# news-like corpus (../shared/bench/make_corpus.py, fixed seed), with 1 and 2 worker threads,
# beside wink-nlp (bench/wink/, npm; node_modules is git-ignored, package-lock.json pinned) on
# the same file in the same run. Prints MB/s, CPU seconds (user + system: on a shared machine
# the wall time mostly measures the other jobs), peak resident memory (GNU time; Debian package
# `time`), and the ratio to wink-nlp. Each figure is the median of RUNS runs.
#
#   bench/extract_bench.sh [BINARY] [MEGABYTES] [RUNS]     defaults: build/ftfwatch, 10, 3
#   FTF_BENCH_NO_WINK=1 skips wink-nlp (for the memory run at 1 GB, where it would take minutes).
#   FTF_BENCH_CORPUS=FILE uses a corpus already written by make_corpus.py (generating 1 GB takes
#   about 15 minutes on the 2-core machine).
#   FTF_BENCH_BASE=BINARY also times a baseline binary (say, main's) in the same session, its
#   runs alternating with BINARY's so that drift in the machine's load hits both alike; prints
#   its figures, the speed ratio, and whether the two outputs are byte-identical.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/ftfwatch}
mb=${2:-10}
runs=${3:-3}
shared=${FTF_SHARED_DIR:-$here/../../shared}
[ -f "$shared/bench/make_corpus.py" ] || shared=/work/shared
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ -n "${FTF_BENCH_CORPUS:-}" ]; then
  ln -s "$(cd "$(dirname "$FTF_BENCH_CORPUS")" && pwd)/$(basename "$FTF_BENCH_CORPUS")" "$dir/corpus.txt"
else
  python3 "$shared/bench/make_corpus.py" --mb "$mb" --seed 1 --out "$dir/corpus.txt" >&2
fi
# One document a line -> {"id","date","text"} a line.
python3 - "$dir/corpus.txt" "$dir/corpus.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(src):
        line = line.rstrip("\n")
        out.write(json.dumps({"id": i, "date": "2019-01-01", "text": line}, ensure_ascii=False) + "\n")
PY
corpus=$dir/corpus.jsonl
bytes=$(wc -c < "$corpus")
echo "corpus: $bytes bytes ($(wc -l < "$corpus") documents), median of $runs runs"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
wink_mbs=""
wink_cpu=""
if [ -z "${FTF_BENCH_NO_WINK:-}" ]; then
  if [ ! -d "$here/wink/node_modules/wink-nlp" ]; then
    (cd "$here/wink" && npm ci --no-audit --no-fund >/dev/null)
  fi
  for i in $(seq "$runs"); do
    node "$here/wink/wink_bench.js" "$corpus" > "$dir/wink.json"
    sed 's/.*"mb_per_s":\([0-9.]*\).*/\1/' "$dir/wink.json" >> "$dir/wink.txt"
    sed 's/.*"mb_per_cpu_s":\([0-9.]*\).*/\1/' "$dir/wink.json" >> "$dir/winkcpu.txt"
  done
  wink_mbs=$(median < "$dir/wink.txt")
  wink_cpu=$(median < "$dir/winkcpu.txt")
  echo "wink-nlp: $wink_mbs MB/s ($wink_cpu MB per CPU-second)"
fi
# time_run LABEL BIN THREADS: one timed run, appended to $dir/LABEL-THREADS.{secs,rss,cpu}.
time_run() {
  /usr/bin/time -v "$2" --quiet extract --jsonl "$corpus" --format json --threads "$3" \
    > "$dir/$1.out" 2> "$dir/time.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' \
    "$dir/time.txt" >> "$dir/$1-$3.secs"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt" >> "$dir/$1-$3.rss"
  awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$dir/time.txt" >> "$dir/$1-$3.cpu"
}
# report LABEL THREADS [BASE_SECS]: medians of LABEL's runs.
report() {
  secs=$(median < "$dir/$1-$2.secs")
  rss=$(median < "$dir/$1-$2.rss")
  cpu=$(median < "$dir/$1-$2.cpu")
  claims=$(grep -o '"category"' "$dir/$1.out" | wc -l)
  awk -v l="$1" -v b="$bytes" -v s="$secs" -v r="$rss" -v t="$2" -v c="$claims" -v w="$wink_mbs" -v wc="${wink_cpu:-1}" -v u="$cpu" -v bs="${3:-}" \
    'BEGIN { mbs = b / 1e6 / s; printf "%s threads %d: %.1f MB/s (%.2f s; CPU %.2f s = %.1f MB per CPU-second), peak RSS %.1f MB, %d claims", l, t, mbs, s, u, b / 1e6 / u, r / 1024, c;
             if (w != "") printf ", %.1fx wink-nlp (%.1fx per CPU-second)", mbs / w, (b / 1e6 / u) / wc;
             if (bs != "") printf ", %.2fx the baseline", bs / s; printf "\n" }'
}
for threads in 1 2; do
  for i in $(seq "$runs"); do
    [ -n "${FTF_BENCH_BASE:-}" ] && time_run base "$FTF_BENCH_BASE" "$threads"
    time_run ftfwatch "$bin" "$threads"
  done
  base_secs=""
  if [ -n "${FTF_BENCH_BASE:-}" ]; then
    report base "$threads"
    base_secs=$(median < "$dir/base-$threads.secs")
    if cmp -s "$dir/base.out" "$dir/ftfwatch.out"; then echo "output identical to the baseline's"; else echo "OUTPUT DIFFERS from the baseline's"; fi
  fi
  report ftfwatch "$threads" "$base_secs"
done
