#!/usr/bin/env python3
"""rapidfuzz baseline: process.extract over the whole list (no index) for a fixed party sample.

Inputs are already normalised by flowdown's own normaliser (examples/normalize_names.rs), so both
sides compare the same strings. Those strings are the token keys sorted and joined by single spaces,
so `fuzz.token_sort_ratio` (split, sort, join, then `ratio`) equals `fuzz.ratio` on them: the
script scores with `fuzz.ratio` (same scores, same matches, about 3x less time) unless
RF_SCORER=token_sort_ratio. Cutoff = threshold x 100, limit 10.
Prints JSON: parties, seconds, per-party seconds, planted, found (recall). With RF_BUDGET
(seconds) set, it stops after that long and reports the parties screened so far.
"""
import json
import os
import sys
import time

from rapidfuzz import fuzz, process

list_norm, sample_norm, sample_ids, truth_path, threshold = sys.argv[1:6]
threshold = float(threshold)
choices = [l.rstrip("\n") for l in open(list_norm, encoding="utf-8")]
queries = [l.rstrip("\n") for l in open(sample_norm, encoding="utf-8")]
ids = [l.strip() for l in open(sample_ids, encoding="utf-8")]
truth = {}
for l in open(truth_path, encoding="utf-8"):
    pid, line, _kind = l.rstrip("\n").split("\t")
    truth[pid] = int(line) - 2  # list line -> choice index
scorer = fuzz.token_sort_ratio if os.environ.get("RF_SCORER") == "token_sort_ratio" else fuzz.ratio
budget = float(os.environ.get("RF_BUDGET", "0") or 0)
t0 = time.perf_counter()
found = planted = done = 0
for pid, q in zip(ids, queries):
    if budget and time.perf_counter() - t0 > budget:
        break
    done += 1
    res = process.extract(q, choices, scorer=scorer, limit=10, score_cutoff=threshold * 100)
    if pid in truth:
        planted += 1
        if any(idx == truth[pid] for _, _, idx in res):
            found += 1
dt = time.perf_counter() - t0
print(json.dumps({"scorer": scorer.__name__, "parties": done, "seconds": round(dt, 2), "per_party_ms": round(1000 * dt / max(1, done), 3),
                  "planted": planted, "found": found, "recall": round(found / planted, 4) if planted else None}))
