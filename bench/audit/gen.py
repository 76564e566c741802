#!/usr/bin/env python3
"""Synthetic native declarations for the audit benchmark.

    python3 bench/audit/gen.py N OUT.json [--seed S]

A tree from the prime with depth 4-6 and fan-out drawn so that the chain reaches N parties,
plus realistic noise: ~2% links without attestation, ~1% expired attestations, ~0.5%
unreachable parties, ~0.2% duplicate names, ~0.1% unknown party ids, a few cycles, and
leaves that say `none` (90%) or nothing. Deterministic for a seed."""
import json, random, sys

def main():
    n = int(sys.argv[1]); out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    rnd = random.Random(seed)
    depth = 4 if n <= 1000 else (5 if n <= 100_000 else 6)
    fan = max(2, round(n ** (1 / depth)))
    countries = ["DE", "TR", "CN", "IN", "VN", "BD", "US", "FR", "PL", "MX"]
    goods = ["cotton", "yarn", "fabric", "buttons", "zips", "dye", "freight", "steel", "electronics"]
    parties, links = [], []
    def party(i, name=None):
        return {"id": f"p{i}", "name": name or f"Supplier {i} Ltd", "country": rnd.choice(countries),
                "goods": [rnd.choice(goods)], "subcontractors": "declared"}
    parties.append(party(0, "Prime Contractor GmbH"))
    frontier = [0]; level = 0
    while len(parties) < n and frontier:
        nxt = []
        for b in frontier:
            for _ in range(rnd.randint(max(1, fan - 2), fan + 2)):
                if len(parties) >= n:
                    break
                i = len(parties)
                parties.append(party(i)); nxt.append(i)
                r = rnd.random()
                link = {"buyer": f"p{b}", "supplier": f"p{i}"}
                if r < 0.98:
                    fd = {"requirements": "all", "attested_at": "2026-01-15", "valid_until": "2027-01-15"}
                    if r < 0.01:
                        fd["valid_until"] = "2026-03-01"
                    link["flowdown"] = fd
                links.append(link)
        frontier = nxt; level += 1
        if level >= depth:
            frontier = []
    linked = {l["supplier"] for l in links}
    buyers = {l["buyer"] for l in links}
    for p in parties:
        if p["id"] not in buyers:
            p["subcontractors"] = "none" if rnd.random() < 0.9 else "unknown"
    # noise
    for _ in range(max(1, n // 200)):   # unreachable
        i = len(parties); parties.append(party(i)); parties[-1]["subcontractors"] = "none"
    for _ in range(max(1, n // 500)):   # duplicate names
        src = rnd.choice(parties); i = len(parties); p = party(i, src["name"]); p["country"] = src["country"]; p["subcontractors"] = "none"; parties.append(p)
    for _ in range(max(1, n // 1000)):  # unknown ids
        links.append({"buyer": rnd.choice(parties)["id"], "supplier": f"ghost{rnd.randrange(10**9)}",
                      "flowdown": {"requirements": "all", "attested_at": "2026-01-15"}})
    deep = [l for l in links if l["buyer"] != "p0"]
    for _ in range(max(1, n // 100_000)):  # cycles: a supplier supplies its buyer
        l = rnd.choice(deep)
        links.append({"buyer": l["supplier"], "supplier": l["buyer"], "flowdown": {"requirements": "all", "attested_at": "2026-01-15"}})
    doc = {"schema_version": 1, "declaration_id": f"BENCH-{n}", "declared_at": "2026-03-01",
           "valid_until": "2027-02-28", "contract": {"id": "BENCH", "buyer": "nspa", "prime": "p0"},
           "parties": parties, "links": links}
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    print(f"{out}: {len(parties)} parties, {len(links)} links, depth {level}, fan-out ~{fan}", file=sys.stderr)

if __name__ == "__main__":
    main()
