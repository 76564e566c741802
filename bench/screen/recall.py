#!/usr/bin/env python3
"""Recall of `flowdown screen --format csv` output against truth.tsv (optionally on a sample).
A planted party counts as found when a reported entry has the planted entry's name (the
synthetic list can hold the same name twice)."""
import csv
import json
import sys

out_csv, truth_path = sys.argv[1:3]
sample = set(l.strip() for l in open(sys.argv[3])) if len(sys.argv) > 3 else None
list_path = truth_path.rsplit("/", 1)[0] + "/list.csv" if "/" in truth_path else "list.csv"
with open(list_path, encoding="utf-8") as f:
    r = csv.reader(f)
    next(r)
    names = [row[0] for row in r]
truth = {}
kinds = {}
for l in open(truth_path, encoding="utf-8"):
    pid, line, kind = l.rstrip("\n").split("\t")
    if sample is None or pid in sample:
        truth[pid] = names[int(line) - 2]
        kinds[pid] = kind
found = set()
matched_parties = set()
rows = 0
with open(out_csv, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows += 1
        matched_parties.add(r["party_id"])
        if truth.get(r["party_id"]) == r["entry_name"]:
            found.add(r["party_id"])
by_kind = {}
for pid, k in kinds.items():
    a, b = by_kind.get(k, (0, 0))
    by_kind[k] = (a + (pid in found), b + 1)
print(json.dumps({"planted": len(truth), "found": len(found), "recall": round(len(found) / max(1, len(truth)), 4),
                  "match_rows": rows, "parties_with_matches": len(matched_parties),
                  "recall_by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(by_kind.items())}}))
