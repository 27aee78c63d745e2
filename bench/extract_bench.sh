#!/bin/sh
# Extraction throughput, end to end: `ftfwatch extract --jsonl FILE --format json` on a
# deterministic news-like corpus (bench/extract_corpus_gen.py), with 1 and 2 threads.
# Prints MB/s and peak resident memory (GNU time; Debian package `time`).
#
#   bench/extract_bench.sh [BINARY] [MEGABYTES]     defaults: build/ftfwatch, 200
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/ftfwatch}
mb=${2:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
corpus=$dir/corpus.jsonl
python3 "$here/extract_corpus_gen.py" "$mb" > "$corpus"
bytes=$(wc -c < "$corpus")
echo "corpus: $bytes bytes ($(wc -l < "$corpus") documents)"
for threads in 1 2; do
  /usr/bin/time -v "$bin" --quiet extract --jsonl "$corpus" --format json --threads "$threads" \
    > "$dir/out.jsonl" 2> "$dir/time.txt"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$dir/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
  claims=$(grep -o '"category"' "$dir/out.jsonl" | wc -l)
  awk -v b="$bytes" -v s="$secs" -v r="$rss" -v t="$threads" -v c="$claims" \
    'BEGIN { printf "threads %d: %.1f MB/s (%.2f s), peak RSS %.1f MB, %d claims\n", t, b / 1e6 / s, s, r / 1024, c }'
done
