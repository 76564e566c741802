#!/usr/bin/env bash
# Text benchmark: prints a Markdown table (see run.py). RUNS=N to change the number of runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 bench/text/run.py --runs "${RUNS:-5}" "$@"
