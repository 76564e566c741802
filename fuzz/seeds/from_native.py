#!/usr/bin/env python3
"""Writes the OCDS and OMTSF fuzz seeds from our own native declaration fixtures.

Run from the repo root: python3 fuzz/seeds/from_native.py (deterministic).
"""
import json
from pathlib import Path

COUNTRY = {"DE": "Germany", "TR": "Turkey", "FR": "France", "CN": "China", "US": "United States"}
SCHEME = {"lei": "XI-LEI", "duns": "US-DUNS", "gln": "XI-GLN", "ncage": "XI-NCAGE", "uei": "US-UEI"}
OUT = Path("fuzz/seeds")


def ocds_org(p, full=True):
    o = {"id": p["id"], "name": p["name"]}
    if not full:
        return o
    ids = p.get("identifiers", [])
    if ids:
        o["identifier"] = {"scheme": SCHEME.get(ids[0]["scheme"], ids[0]["scheme"]),
                           "id": ids[0]["value"], "legalName": p["name"]}
        if ids[1:]:
            o["additionalIdentifiers"] = [{"scheme": SCHEME.get(x["scheme"], x["scheme"]),
                                           "id": x["value"]} for x in ids[1:]]
    if p.get("country"):
        o["address"] = {"countryName": COUNTRY.get(p["country"], p["country"])}
    return o


def ocds_release(d):
    c = d["contract"]
    by_id = {p["id"]: p for p in d["parties"]}
    buyer = {"id": c.get("buyer") or "buyer", "name": (c.get("buyer") or "buyer").upper()}
    prime = c["prime"]
    subs = [{"subcontractor": {"id": l["supplier"]}, "mainContractors": [{"id": l["buyer"]}]}
            for l in d["links"] if l["buyer"] != prime]
    award = {"id": "1", "suppliers": [{"id": prime, "name": by_id[prime]["name"]}],
             "hasSubcontracting": bool(subs), "subcontracting": {"subcontracts": subs}}
    return {"ocid": "ocds-fd0000-" + c.get("id", "X"), "id": "1",
            "date": d.get("declared_at", "2026-01-01") + "T00:00:00Z", "tag": ["award"],
            "parties": [dict(buyer, roles=["buyer"])] + [ocds_org(p) for p in d["parties"]],
            "buyer": buyer, "awards": [award]}


def omtsf(d):
    nodes = [{"id": p["id"], "type": "organization", "name": p["name"],
              **({"jurisdiction": p["country"]} if p.get("country") else {}),
              "identifiers": [{"scheme": x["scheme"], "value": x["value"]}
                              for x in p.get("identifiers", [])]} for p in d["parties"]]
    nodes.append({"id": "site-1", "type": "facility", "name": "Site"})
    edges = [{"id": f"e{i}", "type": "supplies", "source": l["supplier"], "target": l["buyer"]}
             for i, l in enumerate(d["links"])]
    edges.append({"id": "e-own", "type": "operates", "source": d["contract"]["prime"],
                  "target": "site-1"})
    return {"omts_version": "0.1.0", "snapshot_date": d.get("declared_at", "2026-01-01"),
            "file_salt": "00" * 32, "nodes": nodes, "edges": edges}


def write(path, obj):
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n")


def main():
    for src in ["clean/clean.json", "mixed/mixed.json"]:
        d = json.loads(Path("fixtures/declarations", src).read_text())
        stem = Path(src).stem
        rel = ocds_release(d)
        write(OUT / "declaration_ocds" / f"{stem}_release_package.json",
              {"uri": "https://example.invalid/" + stem, "version": "1.1",
               "publishedDate": rel["date"], "releases": [rel]})
        write(OUT / "declaration_omtsf" / f"{stem}.omts.json", omtsf(d))
    d = json.loads(Path("fixtures/declarations/clean/clean.json").read_text())
    rel = ocds_release(d)
    bare = dict(rel)
    del bare["parties"]
    bare["awards"] = [dict(rel["awards"][0], suppliers=[{"identifier": {"scheme": "XI-LEI",
                      "id": "5299000ACME000000152"}}])]
    write(OUT / "declaration_ocds" / "clean_record_package.json",
          {"uri": "https://example.invalid/r", "version": "1.0",
           "records": [{"ocid": rel["ocid"], "compiledRelease": rel},
                       {"ocid": rel["ocid"], "releases": [bare]}]})


if __name__ == "__main__":
    main()
