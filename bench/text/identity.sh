#!/usr/bin/env bash
# Identity check for performance work: runs `flowdown check --format json --jobs 1` over the CUAD
# corpus, the rest of the shared corpus, fixtures/contracts and fixtures/formats, with and without
# a supplier term, and writes one JSON file per set into OUT_DIR. Compare two OUT_DIRs (before /
# after a change) with `diff -r`.
#
# usage: bench/text/identity.sh FLOWDOWN_BINARY OUT_DIR [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$1
out=$2
shared=${3:-../shared}
mkdir -p "$out"
run() { # name, extra args..., -- files
  local name=$1; shift
  "$bin" check --format json --no-config --fail-on never --jobs 1 "$@" >"$out/$name.json" || true
}
mapfile -t cuad < <(find "$shared/corpus/contracts/cuad" -type f -name '*.txt' | sort)
mapfile -t other < <(find "$shared/corpus" -type f ! -path '*/contracts/cuad/*' ! -name '*.tsv' ! -name 'README.md' | sort)
mapfile -t fx < <(find fixtures/contracts -type f \( -name '*.txt' -o -name '*.md' \) ! -name README.md | sort)
mapfile -t fmt < <(find fixtures/formats -type f ! -name '*.toml' | sort)
run cuad "${cuad[@]}"
run cuad-supplier --supplier-term Vendor --supplier-term Company "${cuad[@]}"
run corpus-other "${other[@]}"
run fixtures-contracts "${fx[@]}"
run fixtures-contracts-supplier --supplier-term Vendor "${fx[@]}"
run fixtures-formats "${fmt[@]}"
wc -c "$out"/*.json
