#!/usr/bin/env python3
"""The same checks as `flowdown audit` (run as the benchmark runs it: built-in ILAB table, no
lists, no contracts), in plain Python + networkx, for comparison:

- graph and date rules: unknown party, duplicate party (id, identifier, name+country), supply
  cycles, unreachable parties, undeclared sub-contractors, missing / partial / expired / future
  attestations, expired declaration;
- invalid-identifier: ISO 3166-1 alpha-2 countries and the LEI / NCAGE / CAGE / DUNS / UEI / GLN
  checks;
- high-risk-sourcing: the same built-in ILAB 2022 table (`crates/flowdown/data/ilab_2022.csv`)
  and the same good matching (ASCII fold, stop words, synonyms, singulars, `contains`, one-edit
  typos), looked up once per distinct (country, good) as flowdown does.

Like flowdown, every finding is a record with its rule, JSON path, parties and, where flowdown
gives one, the chain from the prime (BFS in link order); the records are sorted by path and rule
and written as JSON with `--output FILE`. Messages and the other evidence fields are not built.
listed-party, subcontract-noncompliant and undeclared-subcontractor-in-contract need lists or
documents, which the benchmark does not give, so they find nothing in flowdown either.
Simplified where the benchmark has no such data: partial-flowdown fires on any requirement list
(flowdown: a list that omits a requirement of severity error in the pack); a supply cycle is
placed at its first party (flowdown: its first link, with one cycle path). Country names are
resolved from ISO codes and English names only (flowdown also folds more
spellings); goods are folded to ASCII with NFKD (flowdown uses any_ascii): the same on the
benchmark's ASCII data.

    python3 bench/audit/networkx_baseline.py DECLARATION.json [--as-of 2026-06-01] [--output F]

Prints the counts per rule as JSON."""
import csv, json, re, sys, unicodedata
from pathlib import Path
import networkx as nx

ROOT = Path(__file__).resolve().parents[2]

def norm(name):
    return " ".join(w.lower() for w in re.split(r"[^\w]+", re.sub(r"[.'’]", "", name)) if w)

# ---- ISO countries (crates/flowdown-ingest/data/country-codes.tsv) ----------------------------
ALPHA2, COUNTRY = set(), {}
for line in (ROOT / "crates/flowdown-ingest/data/country-codes.tsv").read_text().splitlines():
    if line.startswith("#") or not line.strip():
        continue
    cols = line.split("\t")
    ALPHA2.add(cols[0]); COUNTRY[cols[1].lower()] = cols[0]
    for n in (cols[2].split("|") if len(cols) > 2 else []):
        COUNTRY[n.strip().lower()] = cols[0]

def country_code(c):
    t = c.strip()
    if len(t) == 2:
        return t.upper() if t.upper() in ALPHA2 else None
    return COUNTRY.get(t.lower())

# ---- identifiers (crates/flowdown/src/audit/identifiers.rs) ----------------------------------
def alnum(v, n):
    return len(v) == n and all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in v)

def check_identifier(scheme, value):
    v, s = value.strip(), scheme.strip().lower()
    if not s:
        return "no scheme"
    if not v:
        return "no value"
    if s == "lei":
        if not alnum(v, 20) or not v[18:].isdigit():
            return "bad LEI"
        rem = 0
        for c in v:
            n = int(c) if c.isdigit() else ord(c) - 55
            rem = (rem * 100 + n) % 97 if n >= 10 else (rem * 10 + n) % 97
        return None if rem == 1 else "bad LEI check digits"
    if s in ("ncage", "cage"):
        return None if alnum(v, 5) else "bad NCAGE"
    if s == "duns":
        return None if len(v) == 9 and v.isascii() and v.isdigit() else "bad DUNS"
    if s == "uei":
        return None if alnum(v, 12) else "bad UEI"
    if s == "gln":
        if not (len(v) == 13 and v.isascii() and v.isdigit()):
            return "bad GLN"
        d = [int(c) for c in v]
        total = sum(x * 3 if i % 2 == 0 else x for i, x in enumerate(reversed(d[:12])))
        return None if (10 - total % 10) % 10 == d[12] else "bad GLN check digit"
    return None

# ---- the ILAB risk table and good matching (crates/flowdown/src/screen/risk.rs) ---------------
GOOD_FOLD = dict(reversed([
    ("apparel", "garment"), ("clothing", "garment"), ("clothes", "garment"), ("uniforms", "garment"),
    ("garments", "garment"), ("fabric", "textile"), ("fabrics", "textile"), ("cloth", "textile"),
    ("textiles", "textile"), ("yarn", "textile"), ("cacao", "cocoa"), ("gemstone", "gem"),
    ("gemstones", "gem"), ("gems", "gem"), ("bricks", "brick"), ("carpets", "carpet"),
    ("rugs", "carpet"), ("rug", "carpet"), ("diamonds", "diamond"), ("shoes", "footwear"),
    ("shoe", "footwear"), ("gloves", "glove"), ("berries", "berry"), ("beans", "bean"),
    ("nuts", "nut"), ("tomatoes", "tomato"), ("potatoes", "potato"), ("cattle", "cattle"),
    ("electronic", "electronics"), ("phone", "electronics"), ("phones", "electronics"),
    ("smartphones", "electronics"), ("batteries", "battery"), ("panels", "panel"),
    ("fireworks", "firework"), ("matches", "match"), ("toys", "toy"), ("bananas", "banana"),
    ("olives", "olive"), ("peppers", "pepper"), ("onions", "onion"), ("melons", "melon"),
    ("strawberries", "strawberry"), ("grapes", "grape"), ("beads", "bead"), ("flowers", "flower"),
    ("fish", "fish"), ("shrimp", "shrimp"), ("prawns", "shrimp"), ("prawn", "shrimp"),
    ("stones", "stone"), ("hides", "hide"), ("leather", "leather"), ("wafers", "wafer"),
    ("extrusions", "extrusion"), ("poles", "pole"), ("products", "product"), ("crops", "crop"),
]))
GOOD_STOP = {"and", "of", "the", "raw", "goods", "good", "product", "products", "other", "for"}

def ascii_lower(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()

def normalize_good(good):
    out = set()
    for t in re.split(r"[^a-z0-9]+", ascii_lower(good)):
        if not t or t in GOOD_STOP:
            continue
        if t in GOOD_FOLD:
            t = GOOD_FOLD[t]
        elif len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.add(t)
    return sorted(out)

def good_variants(good):
    a, b = good.find("("), good.rfind(")")
    main, paren = (good[:a] + good[b + 1:], good[a + 1:b]) if a != -1 and b != -1 and a < b else (good, None)
    m = normalize_good(main)
    out = [[t for t in m if t != "ore"]] if len(m) > 1 and "ore" in m else []
    out.append(m)
    if paren is not None:
        out.append(normalize_good(paren))
    return [v for v in out if v]

def one_edit(a, b):  # optimal string alignment distance == 1
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    s, l = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(s) and s[i] == l[i]:
        i += 1
    return s[i:] == l[i + 1:]

RANK = {"exact": 0, "synonym": 1, "contains": 2, "typo": 3}

def match_good(listed, declared, raw_declared, good):
    if listed == declared:
        return "exact" if " ".join(raw_declared) == ascii_lower(good) else "synonym"
    if all(t in declared for t in listed):
        return "contains"
    if len(listed) == 1 and len(declared) == 1 and len(listed[0]) >= 5 and one_edit(listed[0], declared[0]):
        return "typo"
    return None

RISK = {}  # iso2 -> [(row, variants)] in table order
for line in (ROOT / "crates/flowdown/data/ilab_2022.csv").read_text().splitlines():
    if line.startswith("#") or line.startswith("good,"):
        continue
    row = next(csv.reader([line]))
    RISK.setdefault(row[2], []).append((row, good_variants(row[0])))

def risk_lookup(country, good):
    iso = country_code(country)
    declared = normalize_good(good)
    if iso is None or not declared:
        return None
    raw = [t for t in re.split(r"[^a-z0-9]+", ascii_lower(good)) if t]
    for row, variants in RISK.get(iso, []):
        hows = [h for h in (match_good(v, declared, raw, row[0]) for v in variants) if h]
        if hows:
            return (row[1], row[0], min(hows, key=RANK.get))
    return None

def path_key(p):
    return re.sub(r"\d+", lambda m: m.group(0).zfill(10), p)

def main():
    path = sys.argv[1]
    as_of = sys.argv[sys.argv.index("--as-of") + 1] if "--as-of" in sys.argv else "2026-06-01"
    output = sys.argv[sys.argv.index("--output") + 1] if "--output" in sys.argv else None
    d = json.load(open(path))
    parties, links = d["parties"], d["links"]
    prime = d["contract"]["prime"]
    findings = []  # (rule, path, parties, chain)
    g = nx.DiGraph()
    ids, idents, names = {}, {}, {}
    for i, p in enumerate(parties):
        if p["id"] in ids:
            findings.append(("duplicate-party", f"$.parties[{i}].id", [p["id"]], None)); continue
        ids[p["id"]] = i; g.add_node(p["id"])
        reported = False
        for k, x in enumerate(p.get("identifiers", [])):
            if not x["value"].strip():
                continue
            key = (x["scheme"].strip().lower(), re.sub(r"[\s-]", "", x["value"]).upper())
            if key in idents and idents[key] != i:
                if not reported:
                    findings.append(("duplicate-party", f"$.parties[{i}].identifiers[{k}]", [p["id"], parties[idents[key]]["id"]], None))
                    reported = True
            elif key not in idents:
                idents[key] = i
        key = norm(p.get("name", ""))
        if key:
            for j in names.get(key, []):
                c1, c2 = parties[j].get("country"), p.get("country")
                if c1 is None or c2 is None or c1.lower() == c2.lower():
                    if not reported:
                        findings.append(("duplicate-party", f"$.parties[{i}].name", [p["id"], parties[j]["id"]], None))
                    break
            names.setdefault(key, []).append(i)
    if prime not in ids:
        findings.append(("unknown-party", "$.contract.prime", [prime], None))
    buyers, suppliers = set(), set()
    for i, l in enumerate(links):
        b, s = l["buyer"], l["supplier"]
        buyers.add(b); suppliers.add(s)
        for f, v in (("buyer", b), ("supplier", s)):
            if v not in ids:
                findings.append(("unknown-party", f"$.links[{i}].{f}", [b, s], None))
        if b in ids and s in ids:
            g.add_edge(b, s)
    # BFS from the prime in link order (the adjacency keeps insertion order): tiers and chains.
    parent = {}
    if prime in g:
        parent = {prime: None}
        parent.update(dict(nx.bfs_predecessors(g, prime)))
    def chain(pid):
        if pid not in parent:
            return []
        out = []
        while pid is not None:
            out.append(pid); pid = parent[pid]
        return out[::-1]
    def link_chain(l):
        c = chain(l["buyer"])
        return c + [l["supplier"]] if c else c
    for i, l in enumerate(links):
        fd = l.get("flowdown")
        if fd is None:
            findings.append(("missing-flowdown", f"$.links[{i}]", [l["buyer"], l["supplier"]], link_chain(l)))
            continue
        if isinstance(fd["requirements"], list):  # partial-flowdown (simplified: any list)
            findings.append(("partial-flowdown", f"$.links[{i}].flowdown.requirements", [l["buyer"], l["supplier"]], link_chain(l)))
        if fd.get("valid_until") and fd["valid_until"] < as_of:
            findings.append(("expired-attestation", f"$.links[{i}].flowdown.valid_until", [l["buyer"], l["supplier"]], link_chain(l)))
        if fd["attested_at"] > as_of:
            findings.append(("future-attestation", f"$.links[{i}].flowdown.attested_at", [l["buyer"], l["supplier"]], link_chain(l)))
    if d.get("valid_until") and d["valid_until"] < as_of:
        findings.append(("expired-declaration", "$.valid_until", [prime], None))
    seen = set()
    for i, p in enumerate(parties):
        pid = p["id"]
        if pid in suppliers and pid not in buyers and p.get("subcontractors", "unknown") != "none" and pid not in seen:
            seen.add(pid)
            findings.append(("undeclared-subcontractors", f"$.parties[{i}]", [pid], chain(pid)))
    for scc in nx.strongly_connected_components(g):
        if len(scc) > 1 or any(g.has_edge(n, n) for n in scc):
            first = min(ids[n] for n in scc)
            findings.append(("supply-cycle", f"$.parties[{first}]", sorted(scc, key=ids.get), None))
    if prime in g:
        for n in g.nodes:
            if n not in parent:
                findings.append(("unreachable-party", f"$.parties[{ids[n]}]", [n], None))
    for i, p in enumerate(parties):
        c = p.get("country")
        if c is not None and c not in ALPHA2:
            findings.append(("invalid-identifier", f"$.parties[{i}].country", [p["id"]], None))
        for k, x in enumerate(p.get("identifiers", [])):
            if check_identifier(x["scheme"], x["value"]):
                findings.append(("invalid-identifier", f"$.parties[{i}].identifiers[{k}]", [p["id"]], None))
    memo, reported = {}, set()
    def risk(pid, country, good, where):
        key = (country, good)
        if key not in memo:
            memo[key] = risk_lookup(country, good)
        if memo[key] is None or (pid, good.lower()) in reported:
            return
        reported.add((pid, good.lower()))
        findings.append(("high-risk-sourcing", where, [pid], chain(pid)))
    for i, p in enumerate(parties):
        if p.get("country") is not None:
            for gd in p.get("goods", []):
                risk(p["id"], p["country"], gd, f"$.parties[{i}].goods")
    for i, l in enumerate(links):
        s = parties[ids[l["supplier"]]] if l["supplier"] in ids else None
        if s is not None and s.get("country") is not None:
            for gd in l.get("goods", []):
                risk(s["id"], s["country"], gd, f"$.links[{i}].goods")
    findings.sort(key=lambda f: (path_key(f[1]), f[0], f[2]))
    if output:
        with open(output, "w") as f:
            json.dump([{"rule": r, "path": p, "parties": ps, "chain": c} for r, p, ps, c in findings], f)
    counts = {}
    for r, *_ in findings:
        counts[r] = counts.get(r, 0) + 1
    print(json.dumps({"parties": len(parties), "links": len(links), "findings": counts}, sort_keys=True))

if __name__ == "__main__":
    main()
