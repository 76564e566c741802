#!/bin/bash
# Audit benchmark: time and peak RSS of `flowdown audit` and of the networkx baseline on
# synthetic declarations of 1k, 100k and 1M parties. Run from the repo root:
#   bash bench/audit/run.sh [path/to/flowdown]   (default target/release/flowdown)
set -euo pipefail
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/flowdown}
OUT=${BENCH_DIR:-/tmp/flowdown-bench-audit}
mkdir -p "$OUT"
measure() {  # prints "seconds peak_MiB"
  /usr/bin/time -v "$@" > "$OUT/last.out" 2> "$OUT/time.txt" || true
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$OUT/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$OUT/time.txt" | awk '{print $NF}')
  echo "$wall $((rss / 1024))"
}
printf "| parties | file MB | flowdown s | flowdown MiB | networkx s | networkx MiB | time ratio | findings (flowdown / networkx) |\n|---|---|---|---|---|---|---|---|\n"
for n in ${SIZES:-1000 100000 1000000}; do
  f="$OUT/decl-$n.json"
  [ -f "$f" ] || python3 bench/audit/gen.py "$n" "$f" 2>/dev/null
  mb=$(du -m "$f" | cut -f1)
  read -r fs fm < <(measure "$BIN" audit "$f" --as-of 2026-06-01 --format json --fail-on never --output "$OUT/report-$n.json")
  ff=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['declarations'][0]; print(len(d['findings']) if not d['error'] else 'error')" "$OUT/report-$n.json")
  read -r ns nm < <(measure python3 bench/audit/networkx_baseline.py "$f" --as-of 2026-06-01)
  nf=$(python3 -c "import json,sys; print(sum(json.load(open(sys.argv[1]))['findings'].values()))" "$OUT/last.out")
  ratio=$(python3 -c "print(f'{$ns/max($fs,0.001):.1f}x')")
  printf "| %s | %s | %.2f | %s | %.2f | %s | %s | %s / %s |\n" "$n" "$mb" "$fs" "$fm" "$ns" "$nm" "$ratio" "$ff" "$nf"
done
