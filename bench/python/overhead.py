"""Benchmark of the Python package on a folder of contracts (default: the CUAD corpus).

Measures, each as the best of ``--repeat`` runs:

1. ``flowdown.check_many(paths, jobs=1)`` against ``jobs=2`` (parallel speed-up; the target is
   at least 1.7x on 2 cores);
2. ``flowdown.check_many([folder], jobs=1).to_json()`` in Python against the ``flowdown check
   --format json`` binary on the same folder, built with the same profile (Python call
   overhead; the target is under 5 %).

Usage::

    .venv/bin/python bench/python/overhead.py [--corpus DIR] [--cli PATH] [--repeat N]

Build both sides with the same profile first: ``scripts/py-setup`` and ``cargo build -p
flowdown-cli`` (dev), or ``maturin develop --release`` and ``cargo build --release``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import flowdown

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "contracts" / "cuad"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` wall-clock timings of ``run`` (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def default_cli() -> Path | None:
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("debug", "release"):
        candidate = target / profile / "flowdown"
        if candidate.exists():
            return candidate
    found = shutil.which("flowdown")
    return Path(found) if found else None


def cli_jobs_flag(cli: Path) -> list[str]:
    """``--jobs 1`` when the binary has it, so both sides run on one thread."""
    help_text = subprocess.run(
        [str(cli), "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return ["--jobs", "1"] if "--jobs" in help_text else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cli", type=Path, default=None, help="the flowdown binary")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    paths = sorted(p for p in corpus.rglob("*") if p.is_file())
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"corpus: {corpus} ({len(paths)} files, {size_mb:.1f} MB), best of {args.repeat}")

    # Warm the page cache and the pack.
    flowdown.check_many(paths[:20], jobs=1)

    one = best_of(args.repeat, lambda: flowdown.check_many(paths, jobs=1))
    two = best_of(args.repeat, lambda: flowdown.check_many(paths, jobs=2))
    print(f"check_many jobs=1: {one:8.3f} s  ({size_mb / one:7.1f} MB/s)")
    print(f"check_many jobs=2: {two:8.3f} s  ({size_mb / two:7.1f} MB/s)")
    print(f"speed-up 2 threads vs 1: {one / two:.2f}x (target >= 1.7x)")

    cli = args.cli or default_cli()
    if cli is None:
        print("no flowdown binary found; skipping the overhead measurement", file=sys.stderr)
        return 0
    command = [str(cli), "check", "--format", "json", "--fail-on", "never"]
    command += cli_jobs_flag(cli)
    command.append(str(corpus))

    def run_cli() -> None:
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)

    def run_python() -> str:
        return flowdown.check_many([corpus], jobs=1).to_json()

    cli_time = best_of(args.repeat, run_cli)
    py_time = best_of(args.repeat, run_python)
    overhead = (py_time / cli_time - 1) * 100
    print(f"CLI {' '.join(command[1:-1])}: {cli_time:8.3f} s  ({cli})")
    print(f"Python check_many + to_json:   {py_time:8.3f} s")
    print(f"Python overhead vs CLI: {overhead:+.1f} % (target < 5 %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
