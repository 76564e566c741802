#!/bin/bash
# Audit benchmark: time and peak RSS of `flowdown audit` and of the networkx baseline on
# synthetic declarations of 1k, 100k and 1M parties. Run from the repo root:
#   bash bench/audit/run.sh [path/to/flowdown]   (default target/release/flowdown)
# Each tool runs RUNS times (default 3), alternating, and the median time and peak RSS are shown.
# Both produce sorted findings with their paths, parties and chains (see networkx_baseline.py).
set -euo pipefail
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/flowdown}
OUT=${BENCH_DIR:-/tmp/flowdown-bench-audit}
mkdir -p "$OUT"
measure() {  # prints "seconds peak_MiB cpu_seconds" (cpu: user + system)
  /usr/bin/time -v "$@" > "$OUT/last.out" 2> "$OUT/time.txt" || true
  local wall rss cpu
  wall=$(grep "Elapsed (wall clock)" "$OUT/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$OUT/time.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$OUT/time.txt")
  echo "$wall $((rss / 1024)) $cpu"
}
RUNS=${RUNS:-3}
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
printf "| parties | file MB | flowdown s | flowdown CPU s | flowdown MiB | networkx s | networkx CPU s | networkx MiB | time ratio | findings (flowdown / networkx) |\n|---|---|---|---|---|---|---|---|---|---|\n"
for n in ${SIZES:-1000 100000 1000000}; do
  f="$OUT/decl-$n.json"
  [ -f "$f" ] || python3 bench/audit/gen.py "$n" "$f" 2>/dev/null
  mb=$(du -m "$f" | cut -f1)
  fss=(); fms=(); fcs=(); nss=(); nms=(); ncs=()
  for _ in $(seq "$RUNS"); do
    read -r fs fm fc < <(measure "$BIN" audit "$f" --as-of 2026-06-01 --format json --fail-on never --output "$OUT/report-$n.json")
    fss+=("$fs"); fms+=("$fm"); fcs+=("$fc")
    read -r ns nm nc < <(measure python3 bench/audit/networkx_baseline.py "$f" --as-of 2026-06-01 --output "$OUT/nx-report-$n.json")
    nss+=("$ns"); nms+=("$nm"); ncs+=("$nc")
  done
  fs=$(median "${fss[@]}"); fm=$(median "${fms[@]}"); fc=$(median "${fcs[@]}")
  ns=$(median "${nss[@]}"); nm=$(median "${nms[@]}"); nc=$(median "${ncs[@]}")
  fm=${fm%.*}; nm=${nm%.*}
  ff=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['declarations'][0]; print(len(d['findings']) if not d['error'] else 'error')" "$OUT/report-$n.json")
  nf=$(python3 -c "import json,sys; print(sum(json.load(open(sys.argv[1]))['findings'].values()))" "$OUT/last.out")
  ratio=$(python3 -c "print(f'{$ns/max($fs,0.001):.1f}x')")
  printf "| %s | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %s | %s / %s |\n" "$n" "$mb" "$fs" "$fc" "$fm" "$ns" "$nc" "$nm" "$ratio" "$ff" "$nf"
done
