#!/usr/bin/env bash
# ftfwatch severity fit against the R package poweRlaw, on the same inputs, in one run.
#
#   bench/severity_vs_powerlaw.sh [PATH/TO/ftfwatch]      (default: build/ftfwatch)
#   env: THREADS (2), REPEAT (3, runs of each ftfwatch workload; the median is shown),
#        R_SIMS (100, poweRlaw bootstrap replicates, extrapolated linearly to 1,000)
#
# Workloads:
#   1. terrorism.txt (CSN2009, 9,101 values): xmin scan + 1,000 bootstrap replicates.
#   2. 1,000,000 synthetic values (ftfwatch severity simulate --n 1000000 --alpha 2.5 --xmin 10
#      --tail-share 0.3 --seed 1): the xmin scan alone (--bootstrap 0 --no-compare), with the
#      candidate xmins capped at 1e5 like poweRlaw's default xmax.
# Builds nothing. Needs Rscript and poweRlaw for the comparison (Debian 12:
# apt-get install r-cran-powerlaw); without them it times ftfwatch alone and says so.
set -euo pipefail
BIN=${1:-build/ftfwatch}
THREADS=${THREADS:-2}
REPEAT=${REPEAT:-3}
R_SIMS=${R_SIMS:-100}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
TERRORISM="$ROOT/data/severity/terrorism.txt"
if [[ ! -x "$BIN" ]]; then echo "error: $BIN is not an executable (build ftfwatch first or pass its path)" >&2; exit 2; fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
json_field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])" "$1" "$2"; }

time_ours() {  # label, output json, args...
  local out=$1; shift
  local times=()
  for _ in $(seq "$REPEAT"); do
    local t0; t0=$(now)
    "$BIN" -q severity fit "$@" --threads "$THREADS" --format json > "$out"
    times+=("$(echo "$(now) - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | median
}

echo "ftfwatch: $("$BIN" --version)   threads: $THREADS   cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$BIN" -q severity simulate --n 1000000 --alpha 2.5 --xmin 10 --tail-share 0.3 --seed 1 -o "$TMP/synthetic.txt"

ours_terr=$(time_ours "$TMP/terr.json" "$TERRORISM" --bootstrap 1000 --seed 1)
ours_synth=$(time_ours "$TMP/synth.json" "$TMP/synthetic.txt" --bootstrap 0 --no-compare --max-xmin 1e5)

have_r=yes
if ! command -v Rscript > /dev/null; then
  have_r="no: Rscript not found (apt-get install r-cran-powerlaw)"
elif ! Rscript -e 'suppressMessages(library(poweRlaw))' > /dev/null 2>&1; then
  have_r="no: the R package poweRlaw is not installed (apt-get install r-cran-powerlaw)"
fi

printf '\n%-44s %10s %10s %12s\n' "workload" "xmin" "alpha" "KS"
printf '%-44s %10s %10.6f %12.6f\n' "ftfwatch terrorism" "$(json_field "$TMP/terr.json" xmin)" \
  "$(json_field "$TMP/terr.json" alpha)" "$(json_field "$TMP/terr.json" ks)"
printf '%-44s %10s %10.6f %12.6f\n' "ftfwatch synthetic 1e6" "$(json_field "$TMP/synth.json" xmin)" \
  "$(json_field "$TMP/synth.json" alpha)" "$(json_field "$TMP/synth.json" ks)"
echo "ftfwatch terrorism p (1,000 replicates, seed 1): $(json_field "$TMP/terr.json" p)"

if [[ $have_r != yes ]]; then
  echo
  echo "poweRlaw comparison skipped — $have_r"
  printf 'ftfwatch terrorism, scan + 1,000 bootstraps: %.3f s (median of %d)\n' "$ours_terr" "$REPEAT"
  printf 'ftfwatch 1e6 synthetic, xmin scan:           %.3f s (median of %d)\n' "$ours_synth" "$REPEAT"
  exit 0
fi

Rscript "$HERE/severity_powerlaw.R" "$TERRORISM" bootstrap "$R_SIMS" "$THREADS" > "$TMP/r_terr.txt"
Rscript "$HERE/severity_powerlaw.R" "$TMP/synthetic.txt" scan > "$TMP/r_synth.txt"
rv() { awk -v k="$2" '$1 == k {print $2}' "$1"; }
printf '%-44s %10s %10.6f %12.6f\n' "poweRlaw terrorism" "$(rv "$TMP/r_terr.txt" xmin)" "$(rv "$TMP/r_terr.txt" alpha)" "$(rv "$TMP/r_terr.txt" ks)"
printf '%-44s %10s %10.6f %12.6f\n' "poweRlaw synthetic 1e6" "$(rv "$TMP/r_synth.txt" xmin)" "$(rv "$TMP/r_synth.txt" alpha)" "$(rv "$TMP/r_synth.txt" ks)"
echo "poweRlaw terrorism p ($R_SIMS replicates, seed 1): $(rv "$TMP/r_terr.txt" p)"

r_scan=$(rv "$TMP/r_terr.txt" scan_seconds)
r_boot=$(rv "$TMP/r_terr.txt" bootstrap_seconds)
r_terr=$(echo "$r_scan + $r_boot * 1000 / $R_SIMS" | bc -l)
r_synth=$(rv "$TMP/r_synth.txt" scan_seconds)
echo
printf '%-44s %12s %12s %8s\n' "time (seconds)" "ftfwatch" "poweRlaw" "ratio"
printf '%-44s %12.3f %12.1f %7.0fx\n' "terrorism: scan + 1,000 bootstraps" "$ours_terr" "$r_terr" "$(echo "$r_terr / $ours_terr" | bc -l)"
printf '%-44s %12.3f %12.1f %7.0fx\n' "1e6 synthetic: xmin scan" "$ours_synth" "$r_synth" "$(echo "$r_synth / $ours_synth" | bc -l)"
echo
echo "poweRlaw's bootstrap time is measured on $R_SIMS replicates ($r_boot s, $THREADS threads) and extrapolated"
echo "linearly to 1,000, plus its xmin scan ($r_scan s). ftfwatch times are medians of $REPEAT runs of the whole"
echo "command (reading the file, the scan, the bootstrap and, for terrorism, the likelihood-ratio tests)."
