#!/usr/bin/env python3
"""Text benchmark (issue 3 item 11, issue 9): flowdown check vs plain-Python `re` vs ripgrep.

Runs each tool RUNS times (default 5) on the CUAD corpus (all .txt) and on its documents with
anti-trafficking content (MANIFEST `yes`/`partial`), single thread, and reports medians of wall
time and of CPU time (user+sys of the child, from getrusage), MB/s per core (on CPU time: the
machine is shared, so wall time measures the neighbours as much as the tool) and peak RSS.
Prints a Markdown table on stdout and writes bench/text/results.json.

usage: bench/text/run.py [--runs N] [--flowdown PATH] [--shared DIR]
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "crates/flowdown/packs/nato-cthb-2023.toml"


def term_patterns():
    import tomllib
    terms = tomllib.loads(PACK.read_text())["terms"]
    out = []
    for name, pats in terms.items():
        if name.endswith("-terms"):
            out += [r"\b" + p.replace("-", r"\-") + r"s?\b" for p in pats]
        else:
            out += pats
    return out


def measure(cmd, runs, stdout_path):
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        with open(stdout_path, "wb") as out, open(str(stdout_path) + ".err", "wb") as err:
            p = subprocess.Popen(cmd, stdout=out, stderr=err)
            # wait4 gives this child's own rusage: CPU time and peak RSS of this run only.
            _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{cmd[0]} failed ({code}): {open(str(stdout_path) + '.err').read()[-2000:]}")
        walls.append(wall)
        cpus.append(ru.ru_utime + ru.ru_stime)
        rss.append(ru.ru_maxrss)  # KiB
    return {
        "wall_s": statistics.median(walls),
        "cpu_s": statistics.median(cpus),
        "walls": walls,
        "cpus": cpus,
        "peak_rss_mib": max(rss) / 1024,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--flowdown", default=None)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    cuad = shared / "corpus/contracts/cuad"
    if not cuad.is_dir():
        print(f"skipped: {cuad} not found", file=sys.stderr)
        return 0
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    flowdown = args.flowdown or str(target / "release/flowdown")
    if not Path(flowdown).exists():
        subprocess.run(["cargo", "build", "--release", "-p", "flowdown-cli"], cwd=ROOT, check=True)
    rg = shutil.which("rg")

    all_files = sorted(str(p) for p in cuad.glob("*.txt"))
    at = []
    for line in (shared / "corpus/MANIFEST.tsv").read_text().splitlines()[1:]:
        cols = line.split("\t")
        if cols[0].startswith("contracts/cuad/") and cols[6] in ("yes", "partial"):
            at.append(str(shared / "corpus" / cols[0]))
    sets = {"CUAD, all": all_files, "CUAD, anti-trafficking content (yes/partial)": sorted(at)}

    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"flowdown-bench-text-{os.getpid()}"
    tmp.mkdir(parents=True, exist_ok=True)
    pats = tmp / "patterns.txt"
    pats.write_text("\n".join(term_patterns()) + "\n")

    results = {}
    for set_name, files in sets.items():
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        tools = {
            "flowdown": [flowdown, "check", "--format", "json", "--no-config", "--fail-on", "never",
                         "--jobs", "1", *files],
            "python re": [sys.executable, str(ROOT / "bench/text/baseline.py"), str(PACK), *files],
        }
        if rg:
            # One thread, same term set, case-insensitive, JSON output of every match.
            tools["ripgrep"] = [rg, "-j1", "-i", "--json", "-f", str(pats), *files]
        row = {"files": len(files), "mb": mb, "tools": {}}
        for name, cmd in tools.items():
            m = measure(cmd, args.runs, tmp / f"{name.replace(' ', '_')}.out")
            m["mb_per_s_cpu"] = mb / m["cpu_s"] if m["cpu_s"] else float("inf")
            m["mb_per_s_wall"] = mb / m["wall_s"]
            row["tools"][name] = m
            print(f"{set_name}: {name}: {m['cpu_s']:.2f} s CPU, {m['wall_s']:.2f} s wall", file=sys.stderr)
        results[set_name] = row
    shutil.rmtree(tmp, ignore_errors=True)
    (ROOT / "bench/text/results.json").write_text(json.dumps(
        {"runs": args.runs, "rg": rg and subprocess.run([rg, "--version"], capture_output=True, text=True).stdout.splitlines()[0],
         "python": platform.python_version(), "sets": results}, indent=2) + "\n")

    print("### Text check (`flowdown check --format json --jobs 1`) vs Python `re` vs ripgrep\n")
    print(f"Median of {args.runs} runs. MB/s on CPU time (user+sys of the process; the machine is shared), wall time for reference.\n")
    print("| set | files | MB | tool | CPU s | wall s | MB/s per core | peak RSS MiB | flowdown ÷ tool (speed) |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|")
    verdicts = []
    for set_name, row in results.items():
        fd = row["tools"]["flowdown"]
        for name, m in row["tools"].items():
            ratio = m["cpu_s"] / fd["cpu_s"] if fd["cpu_s"] else float("inf")
            print(f"| {set_name} | {row['files']} | {row['mb']:.1f} | {name} | {m['cpu_s']:.2f} | {m['wall_s']:.2f} | "
                  f"{m['mb_per_s_cpu']:.1f} | {m['peak_rss_mib']:.0f} | {'—' if name == 'flowdown' else f'{ratio:.2f}×'} |")
        py = row["tools"]["python re"]["cpu_s"] / fd["cpu_s"]
        verdicts.append(f"- {set_name}: flowdown {fd['mb_per_s_cpu']:.1f} MB/s per core "
                        f"(target ≥ 100: {'met' if fd['mb_per_s_cpu'] >= 100 else 'NOT met'}); "
                        f"{py:.2f}× Python (target ≥ 50×: {'met' if py >= 50 else 'NOT met'})")
        if "ripgrep" in row["tools"]:
            r = row["tools"]["ripgrep"]["cpu_s"] / fd["cpu_s"]
            verdicts[-1] += f"; {r:.2f}× ripgrep (target ≥ 0.5×: {'met' if r >= 0.5 else 'NOT met'})"
    print("\nTargets:\n")
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
