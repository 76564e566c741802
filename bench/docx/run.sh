#!/usr/bin/env bash
# DOCX reading throughput, one thread: generate N contracts, then time read + segment.
#   bash bench/docx/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-500}"
OUT="${TMPDIR:-/tmp}/flowdown-docx-bench"
rm -rf "$OUT"
python3 bench/docx/gen_corpus.py "$OUT" "$N"
cargo build --release -q -p flowdown-ingest --example read_bench
TARGET="${CARGO_TARGET_DIR:-target}"
taskset -c 0 "$TARGET/release/examples/read_bench" "$OUT" 3 2>/dev/null || "$TARGET/release/examples/read_bench" "$OUT" 3
