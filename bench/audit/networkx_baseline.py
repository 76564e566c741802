#!/usr/bin/env python3
"""The same graph checks as `flowdown audit`, in plain Python + networkx, for comparison:
unknown party, duplicate party (id, identifier, name+country), supply cycles, unreachable
parties, undeclared sub-contractors, missing / expired / future attestations.

    python3 bench/audit/networkx_baseline.py DECLARATION.json [--as-of 2026-06-01]"""
import json, re, sys
import networkx as nx

def norm(name):
    return " ".join(w.lower() for w in re.split(r"[^\w]+", re.sub(r"[.'’]", "", name)) if w)

def main():
    path = sys.argv[1]
    as_of = sys.argv[sys.argv.index("--as-of") + 1] if "--as-of" in sys.argv else "2026-06-01"
    d = json.load(open(path))
    parties, links = d["parties"], d["links"]
    findings = []
    g = nx.DiGraph()
    ids, idents, names = {}, {}, {}
    for i, p in enumerate(parties):
        if p["id"] in ids:
            findings.append(("duplicate-party", f"$.parties[{i}].id")); continue
        ids[p["id"]] = i; g.add_node(p["id"])
        for k, x in enumerate(p.get("identifiers", [])):
            key = (x["scheme"].lower(), x["value"].upper())
            if key in idents:
                findings.append(("duplicate-party", f"$.parties[{i}].identifiers[{k}]"))
            else:
                idents[key] = i
        key = norm(p.get("name", ""))
        if key:
            for j in names.get(key, []):
                c1, c2 = parties[j].get("country"), p.get("country")
                if c1 is None or c2 is None or c1 == c2:
                    findings.append(("duplicate-party", f"$.parties[{i}].name")); break
            names.setdefault(key, []).append(i)
    if d["contract"]["prime"] not in ids:
        findings.append(("unknown-party", "$.contract.prime"))
    buyers, suppliers = set(), set()
    for i, l in enumerate(links):
        b, s = l["buyer"], l["supplier"]
        buyers.add(b); suppliers.add(s)
        ok = True
        for f, v in (("buyer", b), ("supplier", s)):
            if v not in ids:
                findings.append(("unknown-party", f"$.links[{i}].{f}")); ok = False
        if ok:
            g.add_edge(b, s)
        fd = l.get("flowdown")
        if fd is None:
            findings.append(("missing-flowdown", f"$.links[{i}]"))
        else:
            if fd.get("valid_until") and fd["valid_until"] < as_of:
                findings.append(("expired-attestation", f"$.links[{i}].flowdown.valid_until"))
            if fd["attested_at"] > as_of:
                findings.append(("future-attestation", f"$.links[{i}].flowdown.attested_at"))
    if d.get("valid_until") and d["valid_until"] < as_of:
        findings.append(("expired-declaration", "$.valid_until"))
    for i, p in enumerate(parties):
        if p["id"] in suppliers and p["id"] not in buyers and p.get("subcontractors", "unknown") != "none":
            findings.append(("undeclared-subcontractors", f"$.parties[{i}]"))
    for scc in nx.strongly_connected_components(g):
        if len(scc) > 1 or any(g.has_edge(n, n) for n in scc):
            findings.append(("supply-cycle", sorted(scc)[0]))
    prime = d["contract"]["prime"]
    if prime in g:
        reach = nx.descendants(g, prime) | {prime}
        for n in g.nodes:
            if n not in reach:
                findings.append(("unreachable-party", f"$.parties[{ids[n]}]"))
    counts = {}
    for r, _ in findings:
        counts[r] = counts.get(r, 0) + 1
    print(json.dumps({"parties": len(parties), "links": len(links), "findings": counts}, sort_keys=True))

if __name__ == "__main__":
    main()
