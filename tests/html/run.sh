#!/usr/bin/env bash
# The HTML report in a real headless Chromium. Installs Debian's chromium and chromium-driver
# and the selenium package when missing (no tool that downloads its own browser is used), builds
# the flowdown binary, and runs tests/html with pytest. The screenshot is kept in
# tests/artifacts/report.png. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== installing chromium and chromium-driver (Debian)"
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c "import selenium" >/dev/null 2>&1; then
    echo "== installing selenium"
    "$PYTHON" -m pip install -q "selenium==4.49.0"
fi

echo "== building flowdown"
cargo build -q -p flowdown-cli
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
export FLOWDOWN_BIN="${FLOWDOWN_BIN:-$PWD/$TARGET_DIR/debug/flowdown}"
case "$TARGET_DIR" in /*) FLOWDOWN_BIN="${FLOWDOWN_BIN/#$PWD\/$TARGET_DIR/$TARGET_DIR}" ;; esac
export FLOWDOWN_BIN

echo "== pytest tests/html"
"$PYTHON" -m pytest -p no:cacheprovider -o testpaths=tests/html -o addopts="" tests/html "$@"
