#!/usr/bin/env python3
"""Plain-Python `re` baseline of flowdown's text check (issue 3 item 11, issue 9).

What a careful user would write instead of flowdown: read the term lists of the pack
(`[terms]` of crates/flowdown/packs/nato-cthb-2023.toml) with tomllib, compile each list into one
case-insensitive alternation, split each file into sentences, and for every sentence that names
trafficking (or a partial form of exploitation) record which modality lists (binding, hedges,
exclusions) and party names occur in it. Emits one JSON report with byte offsets per sentence, of a
size comparable to `flowdown check --format json`.

usage: baseline.py PACK.toml FILE... > report.json
"""
import json
import re
import sys
import tomllib

# Sentence ends: after . ; : ! ? followed by whitespace, or at a blank line / a line break
# before a clause number.
SENTENCE_BREAK = re.compile(r"(?<=[.;:!?])\s+|\n\s*\n|\n(?=\s*(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\))\s)")


def compile_list(patterns):
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def main(argv):
    pack_path, files = argv[1], argv[2:]
    with open(pack_path, "rb") as f:
        terms = tomllib.load(f)["terms"]
    link = compile_list(terms["trafficking"] + terms["partial-exploitation"])
    traps = compile_list(terms["trafficking-traps"] + terms["servitude-traps"])
    modal = {k: compile_list(terms[k]) for k in ("binding", "hedges", "exclusions")}
    parties = {
        "supplier": compile_list([r"\b" + re.escape(t) + r"s?\b" for t in terms["supplier-terms"]]),
        "buyer": compile_list([r"\b" + re.escape(t) + r"s?\b" for t in terms["buyer-terms"]]),
    }
    documents = []
    for path in files:
        raw = open(path, "rb").read()
        text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
        hits = []
        start = 0
        for brk in [*SENTENCE_BREAK.finditer(text), None]:
            end = brk.start() if brk else len(text)
            sentence = text[start:end]
            m = link.search(sentence)
            if m and not traps.search(sentence):
                hits.append({
                    "start": start,
                    "end": end,
                    "term": m.group(0),
                    "modality": [k for k, rx in modal.items() if rx.search(sentence)],
                    "parties": [k for k, rx in parties.items() if rx.search(sentence)],
                })
            start = brk.end() if brk else end
        status = "missing"
        if any("exclusions" in h["modality"] for h in hits):
            status = "excluded"
        elif any("binding" in h["modality"] and "hedges" not in h["modality"] for h in hits):
            status = "satisfied"
        elif hits:
            status = "weak"
        documents.append({"path": path, "status": status, "evidence": hits})
    json.dump({"schema_version": 1, "documents": documents}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
