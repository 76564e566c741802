#!/usr/bin/env bash
# Builds and runs one libFuzzer target for a set time, on the stable toolchain (no cargo-fuzz,
# no nightly: coverage instrumentation comes from stable -C llvm-args).
#   fuzz/run.sh TARGET SECONDS       e.g. fuzz/run.sh read_docx 150
#   fuzz/run.sh list
# Seeds: fuzz/seeds/TARGET (committed, small); findings go to fuzz/artifacts/TARGET, the
# growing corpus to $TMPDIR/flowdown-fuzz/TARGET (not committed). All targets: run_all.sh.
# Checked on stable rustc 1.95 (LLVM 22): `-Cpasses=sancov-module` with the sanitizer-coverage
# llvm-args gives libFuzzer its inline 8-bit counters, PC table and CMP tracing; libfuzzer-sys
# builds libFuzzer itself with the system C++ compiler. No AddressSanitizer (that needs nightly
# -Zsanitizer); memory is bounded by -rss_limit_mb instead. (-Cinstrument-coverage is source
# coverage for llvm-cov, not libFuzzer feedback: do not use it here.) The first build
# instruments every dependency and takes ~30 min on a loaded 2-core machine; run under nice.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = list ] || [ $# -lt 1 ]; then ls fuzz_targets | sed 's/\.rs$//'; exit 0; fi
T=$1; SECS=${2:-120}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# --target: RUSTFLAGS then instrument only the fuzzed code, not build scripts and proc macros.
HOST=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --target "$HOST" --bin "$T"
CORPUS=${TMPDIR:-/tmp}/flowdown-fuzz/$T
mkdir -p "$CORPUS" "artifacts/$T"
# Seeds: fuzz/seeds/$T/ (written for fuzzing) and the fixtures listed in fuzz/seeds/$T.list,
# gathered into one directory (the fixtures are not copied into the repository).
SEEDS=${TMPDIR:-/tmp}/flowdown-fuzz-seeds/$T
rm -rf "$SEEDS"; mkdir -p "$SEEDS"
[ -d "seeds/$T" ] && cp seeds/"$T"/* "$SEEDS"/ 2>/dev/null || true
if [ -f "seeds/$T.list" ]; then
  grep -v '^#' "seeds/$T.list" | while read -r f; do [ -n "$f" ] && cp "../$f" "$SEEDS/"; done
fi
# -rss_limit_mb: the 1 GB memory target; -timeout: a hang is a finding.
"$CARGO_TARGET_DIR/$HOST/release/$T" "$CORPUS" $SEEDS -max_total_time="$SECS" -rss_limit_mb=1024 \
  -timeout=10 -max_len=262144 -artifact_prefix="artifacts/$T/" -print_final_stats=1 2>&1 | tee "${TMPDIR:-/tmp}/flowdown-fuzz-$T.log" | grep -E 'Done|stat::|ERROR|SUMMARY|panicked|#[0-9]+ +DONE' || true
