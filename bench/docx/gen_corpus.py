#!/usr/bin/env python3
"""Writes N realistic DOCX contracts for the DOCX benchmark (not committed).

    python3 bench/docx/gen_corpus.py OUT_DIR [N]

Each document is the parity contract (scripts/contract_text.py) repeated three times with its
clauses renumbered by automatic numbering (about 3,500 words, 140 paragraphs), plus a table,
tracked changes and a footnote, varied per document so that no two files are identical.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import gen_format_fixtures as g  # noqa: E402
from contract_text import CONTRACT  # noqa: E402


def one(path, seed):
    rnd = random.Random(seed)
    body = []
    for rep in range(3):
        for i, (kind, label, text) in enumerate(CONTRACT):
            if kind == "title" and rep:
                continue
            words = text.split(" ")
            if kind == "c" and rnd.random() < 0.15 and len(words) > 6:
                k = rnd.randrange(2, len(words) - 2)
                content = (g.run(" ".join(words[:k]) + " ") + g.rev("del", 1000 + i, g.delrun(words[k] + " "))
                           + g.rev("ins", 2000 + i, g.run("promptly ")) + g.run(" ".join(words[k + 1:])))
            elif kind == "c" and rnd.random() < 0.3:
                # Word splits runs at edits and formatting changes.
                k = rnd.randrange(1, len(text) - 1)
                content = g.run(text[:k]) + g.run(text[k:], "<w:b/>")
            else:
                content = g.run(text)
            if kind == "h":
                body.append(g.para(content, style="ClauseHeading"))
            elif kind == "c":
                body.append(g.para(content, num=1, ilvl=1))
            elif kind == "i":
                body.append(g.para(content, num=1, ilvl=2))
            else:
                body.append(g.para(content))
    rows = "".join(f"<w:tr><w:tc>{g.para(g.run(f'Site {r}'))}</w:tc><w:tc>{g.para(g.run('Warehousing and transport at the site, daily.'))}</w:tc></w:tr>" for r in range(8))
    body.append(f"<w:tbl><w:tblPr/>{rows}</w:tbl>")
    body.append(g.para(g.run("The Supplier shall comply with the Policy.") + '<w:r><w:footnoteReference w:id="1"/></w:r>'))
    # Word writes revision ids, fonts, sizes and languages on every paragraph and run.
    xml = "".join(body)
    xml = xml.replace("<w:r><w:t", '<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr><w:t')
    xml = xml.replace("<w:p>", '<w:p w:rsidR="00B2C3D4" w:rsidRDefault="00B2C3D4" w:rsidP="00C3D4E5">')
    g.docx(path, xml, g.CLAUSE_NUMBERING, footnotes=[(1, f"Policy reference {seed}.")],
           header=f"Contract {seed:05d}")


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        one(os.path.join(out, f"contract-{i:05d}.docx"), i)


if __name__ == "__main__":
    main()
