#!/usr/bin/env bash
# Screening benchmark: flowdown (release) on 100k parties x 1M entries, single thread and all
# cores, vs rapidfuzz process.extract (no index) on a fixed 1k-party sample, extrapolated.
# Usage: bench/screen/run.sh [WORKDIR]   (default target/bench-screen; needs python3 + rapidfuzz)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${1:-$ROOT/target/bench-screen}
T=${CARGO_TARGET_DIR:-$ROOT/target}
TH=0.86
mkdir -p "$W"
cd "$ROOT"
cargo build --release -p flowdown-cli --offline >/dev/null
cargo build --release -p flowdown --example normalize_names --offline >/dev/null
FD=$T/release/flowdown
NORM=$T/release/examples/normalize_names
[ -f "$W/list.csv" ] || python3 bench/screen/gen.py 1000000 100000 "$W"
cd "$W"
python3 - <<'PY'
import csv
ids = set(l.strip() for l in open("sample.txt"))
with open("parties.csv") as f, open("sample_parties.csv", "w", newline="") as o, open("sample_names.txt", "w") as n, open("sample_ids.txt", "w") as i:
    w = csv.writer(o)
    r = csv.reader(f)
    w.writerow(next(r))
    for row in r:
        if row[0] in ids:
            w.writerow(row); n.write(row[1] + "\n"); i.write(row[0] + "\n")
with open("list.csv") as f, open("list_names.txt", "w") as n:
    r = csv.reader(f); next(r)
    for row in r:
        n.write(row[0] + "\n")
PY
"$NORM" < list_names.txt > list_norm.txt
"$NORM" < sample_names.txt > sample_norm.txt
tv() { /usr/bin/time -v "$@" 2> time.txt; }
stat() { python3 -c "
import re,sys
t=open('time.txt').read()
w=re.search(r'Elapsed \(wall clock\) time.*: (.*)',t).group(1).split(':')
s=sum(float(x)*60**i for i,x in enumerate(reversed(w)))
m=int(re.search(r'Maximum resident set size \(kbytes\): (\d+)',t).group(1))
print(f'{s:.1f} {m/1024:.0f}')"; }
set +e
tv "$FD" screen parties.csv --list list.csv --format csv --threads 1 -o fd1.csv; read S1 M1 < <(stat)
tv "$FD" screen parties.csv --list list.csv --format csv -o fdn.csv; read SN MN < <(stat)
tv "$FD" screen sample_parties.csv --list list.csv --format csv --threads 1 -o fds.csv; read SS MS < <(stat)
tv "$FD" screen sample_parties.csv --list /dev/null --format csv --threads 1 -o /dev/null; true
RF_BUDGET=${RF_BUDGET:-} tv python3 "$ROOT/bench/screen/rapidfuzz_screen.py" list_norm.txt sample_norm.txt sample_ids.txt truth.tsv $TH > rf.json; read SR MR < <(stat)
set -e
R1=$(python3 "$ROOT/bench/screen/recall.py" fd1.csv truth.tsv)
RS=$(python3 "$ROOT/bench/screen/recall.py" fds.csv truth.tsv sample.txt)
echo "flowdown 100k, 1 thread: $S1 s, $M1 MiB; $R1"
echo "flowdown 100k, all cores: $SN s, $MN MiB"
echo "flowdown 1k sample, 1 thread (incl. index build): $SS s, $MS MiB; $RS"
echo "rapidfuzz 1k sample: $SR s, $MR MiB; $(cat rf.json)"
python3 - "$S1" "$SN" "$SS" "$SR" "$M1" "$MN" "$MR" "$MS" "$R1" "$RS" "$(cat rf.json)" <<'PY'
import json, sys
s1, sn, ss, sr, m1, mn, mr, ms = map(float, sys.argv[1:9])
r1, rs, rf = (json.loads(x) for x in sys.argv[9:12])
rf_pp = rf["seconds"] / rf["parties"]
print()
print("| run | parties | wall time | per party | peak RSS | recall (planted) |")
print("|---|---|---|---|---|---|")
print(f"| flowdown, 1 thread (incl. reading + indexing 1M) | 100,000 | {s1:.1f} s | {1000*s1/1e5:.3f} ms | {m1:.0f} MiB | {r1['recall']:.4f} ({r1['found']}/{r1['planted']}) |")
print(f"| flowdown, all cores | 100,000 | {sn:.1f} s | {1000*sn/1e5:.3f} ms | {mn:.0f} MiB | same |")
print(f"| flowdown, 1 thread, 1k sample | 1,000 | {ss:.1f} s | — | {ms:.0f} MiB | {rs['recall']:.4f} ({rs['found']}/{rs['planted']}) |")
print(f"| rapidfuzz process.extract, {rf['scorer']} on token-sorted keys | {rf['parties']:,} | {sr:.1f} s ({rf['seconds']} s matching) | {1000*rf_pp:.1f} ms | {mr:.0f} MiB | {rf['recall']:.4f} ({rf['found']}/{rf['planted']}) |")
print(f"| rapidfuzz extrapolated to 100k | 100,000 | {rf_pp*1e5/3600:.1f} h | | | |")
print()
print(f"speed-up per party, flowdown 1 thread vs rapidfuzz: {rf_pp/(s1/1e5):.0f}x")
PY
