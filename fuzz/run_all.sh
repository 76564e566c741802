#!/usr/bin/env bash
# Runs every target (or the ones named) for SECONDS each with run.sh, one after the other, and
# prints a Markdown table from the libFuzzer final stats.
#   fuzz/run_all.sh SECONDS [TARGET...]
# "cov +N": coverage points (libFuzzer `cov:`) gained over the seeds and the kept corpus;
# "new units": inputs added to the corpus. A crash, timeout or OOM stops that target early:
# see fuzz/artifacts/TARGET/.
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:?usage: run_all.sh SECONDS [TARGET...]}; shift
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || mapfile -t TARGETS < <(./run.sh list)
LOGDIR=${TMPDIR:-/tmp}
ROWS=()
for T in "${TARGETS[@]}"; do
  before=$(ls "artifacts/$T" 2>/dev/null | sort)
  start=$(date +%s)
  ./run.sh "$T" "$SECS" >/dev/null
  took=$(( $(date +%s) - start ))
  log=$LOGDIR/flowdown-fuzz-$T.log
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  execs=$(stat number_of_executed_units); eps=$(stat average_exec_per_sec)
  units=$(stat new_units_added)
  cov0=$(grep -m1 -oE 'INITED cov: [0-9]+' "$log" | grep -oE '[0-9]+$')
  cov1=$(grep -oE '(DONE|pulse|NEW|REDUCE) +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  new=$(comm -13 <(echo "$before") <(ls "artifacts/$T" 2>/dev/null | sort) | grep -v '^$')
  c=$(grep -c '^crash-' <<<"$new"); t=$(grep -c '^timeout-' <<<"$new"); o=$(grep -c '^oom-' <<<"$new")
  s=$(grep -c '^slow-unit-' <<<"$new")
  ROWS+=("| $T | ${execs:-?} | ${eps:-?} | ${took} | ${cov0:-?} → ${cov1:-?} | ${units:-?} | $c / $t / $o | $s |")
  echo "${ROWS[-1]}" >&2
done
echo "| target | execs | execs/s | s | cov (start → end) | new units | crash / timeout / OOM | slow units |"
echo "|---|---:|---:|---:|---|---:|---|---:|"
printf '%s\n' "${ROWS[@]}"
