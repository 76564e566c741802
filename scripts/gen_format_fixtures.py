#!/usr/bin/env python3
"""Generates the format fixtures in fixtures/formats/ (stdlib only; deterministic output).

    python3 scripts/gen_format_fixtures.py            # write the fixtures
    python3 scripts/gen_format_fixtures.py --out DIR  # write them elsewhere (freshness test)

The parity contract (scripts/contract_text.py) is rendered as .txt, .md, .docx, .odt and
.html; the PDF is made from the .odt by LibreOffice outside CI (see --pdf). Zip entries carry a
fixed timestamp so that re-running gives byte-identical files.
"""
import argparse
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contract_text import CONTRACT, TITLE, plain_lines  # noqa: E402

FIXED = (1980, 1, 1, 0, 0, 0)


def write_zip(path, entries, stored_first=None):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(info, data)


# ----------------------------------------------------------------------------------------------
# DOCX

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

STYLES = DECL + f"""<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/>{extra}<w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="720"/></w:pPr></w:lvl>')


CLAUSE_LEVELS = (lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2") + lvl(2, "lowerLetter", "(%3)")
                 + lvl(3, "lowerRoman", "(%4)"))


def numbering(abstracts, nums):
    a = "".join(f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
                for i, levels in abstracts)
    n = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{ab}"/>{extra}</w:num>' for i, ab, extra in nums)
    return DECL + f"<w:numbering {W}>{a}{n}</w:numbering>"


def run(text, rpr=""):
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rp}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def delrun(text):
    return f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r>'


def para(content, style=None, num=None, ilvl=None, mark=""):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl or 0}"/><w:numId w:val="{num}"/></w:numPr>'
    if mark:
        ppr += f"<w:rPr>{mark}</w:rPr>"
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>" if ppr else f"<w:p>{content}</w:p>"


AUTHOR = 'w:author="A. Reviewer" w:date="2025-02-11T09:30:00Z"'


def rev(tag, id_, inner):
    return f'<w:{tag} w:id="{id_}" {AUTHOR}>{inner}</w:{tag}>'


def docx(path, body, num_xml=None, footnotes=None, comments=None, header=None):
    ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>']
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    entries = []
    if num_xml:
        ct.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
        rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
        entries.append(("word/numbering.xml", num_xml))
    if footnotes:
        ct.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
        rels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
        sep = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        fn = "".join(f'<w:footnote w:id="{i}">{para(run(t))}</w:footnote>' for i, t in footnotes)
        entries.append(("word/footnotes.xml", DECL + f"<w:footnotes {W}>{sep}{fn}</w:footnotes>"))
    if comments:
        ct.append('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
        rels.append('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
        cm = "".join(f'<w:comment w:id="{i}" {AUTHOR}>{para(run(t))}</w:comment>' for i, t in comments)
        entries.append(("word/comments.xml", DECL + f"<w:comments {W}>{cm}</w:comments>"))
    if header:
        ct.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        rels.append('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        entries.append(("word/header1.xml", DECL + f"<w:hdr {W}>{para(run(header))}</w:hdr>"))
    files = [
        ("[Content_Types].xml", DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + "".join(ct) + "</Types>"),
        ("_rels/.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/_rels/document.xml.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>"),
        ("word/document.xml", DECL + f'<w:document {W}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'),
        ("word/styles.xml", STYLES),
    ] + entries
    write_zip(path, files)


def contract_body(items, override=None):
    """Word paragraphs for contract items; `override(i, kind, label, text)` may return XML."""
    out = []
    for i, (kind, label, text) in enumerate(items):
        x = override(i, kind, label, text) if override else None
        if x is not None:
            out.append(x)
        elif kind == "title":
            out.append(para(run(text), style="Title"))
        elif kind == "para":
            out.append(para(run(text)))
        elif kind == "h":
            out.append(para(run(text), style="ClauseHeading"))
        elif kind == "c":
            out.append(para(run(text), num=1, ilvl=1))
        elif kind == "i":
            out.append(para(run(text), num=1, ilvl=2))
    return "".join(out)


CLAUSE_NUMBERING = numbering([(0, CLAUSE_LEVELS)], [(1, 0, "")])

# A short contract for the tracked-change cases: parties, a definition and clause 4 only.
SHORT = [item for item in CONTRACT if item[0] in ("title", "para")][:2] + [
    ("h", "1.", "Definitions and Interpretation"),
    CONTRACT[3],
    ("h", "2.", "The Services"),
    CONTRACT[8],
    ("h", "3.", "Labour Standards"),
]


def tracked_cases(out):
    # 1. A whole anti-trafficking clause deleted in tracked changes (text and paragraph marks).
    deleted = para(delrun("The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced labour or any other form of modern slavery."),
                   num=1, ilvl=1, mark=f'<w:del w:id="90" {AUTHOR}/>')
    deleted = deleted.replace(delrun("The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced labour or any other form of modern slavery."),
                              rev("del", 91, delrun("The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced labour or any other form of modern slavery.")))
    kept = para(run("The Supplier shall pay its workers at least the applicable minimum wage."), num=1, ilvl=1)
    docx(os.path.join(out, "tracked_removed_clause.docx"), contract_body(SHORT) + deleted + kept, CLAUSE_NUMBERING)

    # 2. A flow-down sentence inserted in tracked changes.
    base = para(run("The Supplier shall not engage in, support or facilitate Trafficking in Persons or forced labour. ")
                + rev("ins", 92, run("The Supplier shall include the terms of this clause 3 in every Sub-contract at all tiers.")), num=1, ilvl=1)
    docx(os.path.join(out, "tracked_inserted_flowdown.docx"), contract_body(SHORT) + base, CLAUSE_NUMBERING)

    # 3. `shall` deleted and `should use reasonable efforts to` inserted.
    weak = para(run("The Supplier ") + rev("del", 93, delrun("shall")) + rev("ins", 94, run("should use reasonable efforts to"))
                + run(" ensure that no forced labour or Trafficking in Persons occurs in the performance of this Agreement."), num=1, ilvl=1)
    docx(os.path.join(out, "tracked_weakened_shall.docx"), contract_body(SHORT) + weak, CLAUSE_NUMBERING)


def numbering_case(out):
    abstracts = [
        (0, CLAUSE_LEVELS),
        (1, lvl(0, "upperRoman", "Article %1", start=4)),
        (2, lvl(0, "decimal", "%1)") + lvl(1, "upperLetter", "%2.")),
    ]
    nums = [
        (1, 0, ""),
        (2, 0, '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride>'),
        (3, 1, ""),
        (4, 2, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride>'),
    ]
    p = []
    p.append(para(run("Definitions"), style="ClauseHeading"))                       # 1.
    p.append(para(run("First clause."), num=1, ilvl=1))                             # 1.1
    p.append(para(run("item a"), num=1, ilvl=2))                                    # (a)
    p.append(para(run("item b"), num=1, ilvl=2))                                    # (b)
    p.append(para(run("Second clause."), num=1, ilvl=1))                            # 1.2
    p.append(para(run("item restarts"), num=1, ilvl=2))                             # (a)
    p.append(para(run("Obligations"), style="ClauseHeading"))                       # 2.
    p.append(para(run("Third clause."), num=1, ilvl=1))                             # 2.1
    p.append(para(run("sub one"), num=1, ilvl=3))                                   # (i)
    p.append(para(run("sub two"), num=1, ilvl=3))                                   # (ii)
    p.append(para(run("override starts at e"), num=2, ilvl=2))                      # (e)
    p.append(para(run("continues"), num=2, ilvl=2))                                 # (f)
    p.append(para(run("Unnumbered paragraph.")))                                    # -
    p.append(para(run("Not numbered: numId 0."), num=0, ilvl=0))                    # -
    p.append(para(run("Remedies"), style="ClauseHeading"))                          # 3.
    p.append(para(run("Article text."), num=3, ilvl=0))                             # Article IV
    p.append(para(run("Next article."), num=3, ilvl=0))                             # Article V
    p.append(para(run("Starts at ten."), num=4, ilvl=0))                            # 10)
    p.append(para(run("Lettered."), num=4, ilvl=1))                                 # A.
    docx(os.path.join(out, "numbering_restarts.docx"), "".join(p), numbering(abstracts, nums))


def quirks_case(out):
    p = []
    # Split runs, one mid-word.
    p.append(para(run("The Supp") + run("lier shall not engage in traff", "<w:b/>") + run("icking in persons.")))
    # Smart quotes and no-break spaces.
    p.append(para(run("Under clause\u00a04 the \u201cSupplier\u2019s\u201d duties apply.")))
    # Field: the instruction is not text, the result is; a simple field's result is text.
    p.append(para(run("See clause ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                  + run("4.2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" and page ")
                  + '<w:fldSimple w:instr=" PAGE ">' + run("7") + "</w:fldSimple>" + run(".")))
    # Hyperlink and content control.
    p.append(para(run("Report concerns to ") + '<w:hyperlink r:id="rId9">' + run("the helpline") + "</w:hyperlink>"
                  + run(" operated by ") + '<w:sdt><w:sdtPr><w:alias w:val="Operator"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent>'
                  + run("Harbourline Limited") + "</w:sdtContent></w:sdt>" + run(".")))
    # Tab and line break.
    p.append(para(run("Name:") + "<w:r><w:tab/></w:r>" + run("Harbourline") + "<w:r><w:br/></w:r>" + run("Registered office: Portmere")))
    # A deleted paragraph mark joins two paragraphs.
    p.append(para(run("The Supplier shall ensure that "), mark=f'<w:del w:id="95" {AUTHOR}/>'))
    p.append(para(run("its Sub-contractors comply with clause 4.")))
    # A move: the sentence leaves here and arrives below.
    p.append(para(rev("moveFrom", 96, run("Sub-contractors are bound by clause 4."))))
    # A clause split across two table cells.
    p.append('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6000"/></w:tblGrid>'
             f'<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{para(run("4.3 The Supplier shall not"))}</w:tc>'
             f'<w:tc>{para(run("use forced labour."))}</w:tc></w:tr>'
             f'<w:tr><w:tc>{para(run("Row two"))}</w:tc><w:tc>{para(run("Second cell"))}</w:tc></w:tr></w:tbl>')
    p.append(para(rev("moveTo", 97, run("Sub-contractors are bound by clause 4."))))
    # A footnote reference and a comment anchor.
    p.append(para(run("The Supplier shall comply with the Policy.") + '<w:r><w:footnoteReference w:id="1"/></w:r>'
                  + '<w:commentRangeStart w:id="0"/>' + run(" It applies at all tiers.") + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'))
    # A text box, written twice by Word (DrawingML choice, VML fallback): read once.
    box = para(run("Text box: no forced labour."))
    p.append(para(run("Anchor paragraph.") + f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
                  f'<mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    # Hidden text is not shown; struck-through formatting is struck.
    p.append(para(run("Visible") + run(" hidden words", "<w:vanish/>") + run(" text with ") + run("struck words", "<w:strike/>") + run(" end.")))
    # An inserted run inside a deleted one reads as deleted.
    p.append(para(rev("del", 98, rev("ins", 99, delrun("Deleted insertion.")))))
    docx(os.path.join(out, "word_quirks.docx"), "".join(p), None,
         footnotes=[(1, "NATO Policy on Combatting Trafficking in Human Beings, 2023.")],
         comments=[(0, "Check the flow-down wording.")], header="Confidential \u2013 Draft")


# ----------------------------------------------------------------------------------------------
# ODT

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')

ODT_LIST_STYLE = ('<text:list-style style:name="L1">'
                  '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
                  '<text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>'
                  '<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>'
                  '</text:list-style>'
                  '<style:style style:name="Title" style:family="paragraph"/>')


def odt(path, body, tracked=""):
    content = (DECL + f'<office:document-content {ODT_NS}><office:automatic-styles>{ODT_LIST_STYLE}</office:automatic-styles>'
               f'<office:body><office:text>{tracked}{body}</office:text></office:body></office:document-content>')
    manifest = (DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    styles = DECL + f'<office:document-styles {ODT_NS}><office:styles/></office:document-styles>'
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content),
                     ("styles.xml", styles), ("META-INF/manifest.xml", manifest)], stored_first="mimetype")


def odt_contract_body(items):
    """Clauses as one continued list: heading items at level 1, clauses at 2, items at 3."""
    out = []
    i = 0
    first = True
    while i < len(items):
        kind, label, text = items[i]
        if kind == "title":
            out.append(f'<text:p text:style-name="Title">{escape(text)}</text:p>')
            i += 1
        elif kind == "para":
            out.append(f"<text:p>{escape(text)}</text:p>")
            i += 1
        else:
            cont = "" if first else ' text:continue-numbering="true"'
            first = False
            out.append(f'<text:list text:style-name="L1"{cont}>')
            while i < len(items) and items[i][0] == "h":
                out.append(f'<text:list-item><text:h text:outline-level="1">{escape(items[i][2])}</text:h>')
                i += 1
                if i < len(items) and items[i][0] == "c":
                    out.append("<text:list>")
                    while i < len(items) and items[i][0] == "c":
                        out.append(f"<text:list-item><text:p>{escape(items[i][2])}</text:p>")
                        i += 1
                        if i < len(items) and items[i][0] == "i":
                            out.append("<text:list>")
                            while i < len(items) and items[i][0] == "i":
                                out.append(f"<text:list-item><text:p>{escape(items[i][2])}</text:p></text:list-item>")
                                i += 1
                            out.append("</text:list>")
                        out.append("</text:list-item>")
                    out.append("</text:list>")
                out.append("</text:list-item>")
            out.append("</text:list>")
    return "".join(out)


def odt_tracked(out):
    info = '<office:change-info><dc:creator>A. Reviewer</dc:creator><dc:date>2025-02-11T09:30:00</dc:date></office:change-info>'
    tracked = ('<text:tracked-changes>'
               f'<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>{info}<text:p>The Supplier shall not engage in, support or facilitate Trafficking in Persons or forced labour.</text:p><text:p/></text:deletion></text:changed-region>'
               f'<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion>{info}</text:insertion></text:changed-region>'
               f'<text:changed-region xml:id="ct3" text:id="ct3"><text:deletion>{info}<text:p>shall</text:p></text:deletion></text:changed-region>'
               f'<text:changed-region xml:id="ct4" text:id="ct4"><text:insertion>{info}</text:insertion></text:changed-region>'
               '</text:tracked-changes>')
    body = ('<text:p>Labour Standards</text:p>'
            '<text:p><text:change text:change-id="ct1"/>The Supplier shall pay the minimum wage. '
            '<text:change-start text:change-id="ct2"/>The Supplier shall include this clause in every Sub-contract at all tiers.<text:change-end text:change-id="ct2"/></text:p>'
            '<text:p>The Supplier <text:change text:change-id="ct3"/><text:change-start text:change-id="ct4"/>should use reasonable efforts to<text:change-end text:change-id="ct4"/> prevent forced labour.</text:p>'
            '<text:list text:style-name="L1"><text:list-item><text:p>One</text:p></text:list-item><text:list-item><text:p>Two</text:p>'
            '<text:list><text:list-item><text:p>Two point one</text:p></text:list-item></text:list></text:list-item></text:list>'
            '<text:p>Break</text:p>'
            '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Three</text:p></text:list-item></text:list>'
            '<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>Seven</text:p></text:list-item></text:list>'
            '<table:table table:name="T1"><table:table-row><table:table-cell><text:p>Cell A</text:p></table:table-cell><table:table-cell><text:p>Cell B</text:p></table:table-cell></table:table-row></table:table>'
            '<text:p>Policy<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>'
            ' applies.<office:annotation><dc:creator>X</dc:creator><text:p>A comment.</text:p></office:annotation></text:p>')
    odt(os.path.join(out, "odt_tracked_lists.odt"), body, tracked)


# ----------------------------------------------------------------------------------------------
# HTML, text, Markdown

def html_contract(items):
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>' + escape(TITLE) + '</title>'
           '<style>p { margin: 0 0 1em; }</style><script>var tracking = "trafficking";</script></head>\n<body>']
    for kind, label, text in items:
        if kind == "title":
            out.append(f"<h1>{escape(text)}</h1>")
        elif kind == "h":
            out.append(f"<h2>{escape(label)} {escape(text)}</h2>")
        elif kind in ("c", "i"):
            out.append(f"<p>{escape(label)} {escape(text)}</p>")
        else:
            out.append(f"<p>{escape(text)}</p>")
    out.append('<p hidden>Hidden: the Supplier shall not engage in trafficking.</p>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)


HTML_FEATURES = """<!DOCTYPE html>
<html><head><title>t</title><script>document.write("The Supplier shall not engage in trafficking.")</script>
<style>.x { color: red }</style></head>
<body>
<h2>Labour  Standards</h2>
<ol start="4">
  <li>The Supplier shall not use forced labour.</li>
  <li><p>Paragraph in an item.</p>
    <ol type="a"><li>first letter</li><li value="5">jumps to e</li></ol>
  </li>
</ol>
<ol type="i" reversed><li>three</li><li>two</li><li>one</li></ol>
<ul><li>bullet</li></ul>
<p>The Supplier <del datetime="2025-02-11">shall</del> <ins>should use reasonable efforts to</ins> comply. <s>Struck</s> and <strike>old</strike>.</p>
<div style="display: none">Hidden by style.</div>
<div aria-hidden="true">Hidden for readers.</div>
<table><tr><th>Clause</th><th>Text</th></tr><tr><td>4.3</td><td>The Supplier shall not<br>use child labour.</td></tr></table>
<p>Non&nbsp;breaking and &ldquo;curly&rdquo;.</p>
</body></html>
"""


def no_text_pdf():
    """A one-page PDF that draws a rectangle and has no text layer (like a scan)."""
    content = b"0.5 g 72 72 451 698 re f"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def hostile(out):
    h = os.path.join(out, "hostile")
    os.makedirs(h, exist_ok=True)
    # Truncated zip: the first half of a valid DOCX.
    docx(os.path.join(h, "_tmp.docx"), contract_body(CONTRACT), CLAUSE_NUMBERING)
    with open(os.path.join(h, "_tmp.docx"), "rb") as f:
        data = f.read()
    os.remove(os.path.join(h, "_tmp.docx"))
    with open(os.path.join(h, "truncated.docx"), "wb") as f:
        f.write(data[: len(data) // 2])
    # Zip bomb: a DOCX whose document.xml inflates 50 MiB of spaces from ~50 KiB.
    zeros = b"<w:document><w:body>" + b" " * (50 * 1024 * 1024) + b"</w:body></w:document>"
    write_zip(os.path.join(h, "zip_bomb.docx"), [("[Content_Types].xml", DECL + "<Types/>"), ("word/document.xml", zeros)])
    # Billion laughs.
    lol = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        lol.append(f' <!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
    lol += ["]>", "<lolz>&lol9;</lolz>", ""]
    with open(os.path.join(h, "billion_laughs.xml"), "w") as f:
        f.write("\n".join(lol))
    # XXE, as a bare XML file and inside a DOCX part.
    xxe = '<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<contract><clause>&xxe;</clause></contract>\n'
    with open(os.path.join(h, "xxe.xml"), "w") as f:
        f.write(xxe)
    docx_xxe = DECL + f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    write_zip(os.path.join(h, "xxe.docx"), [("[Content_Types].xml", DECL + "<Types/>"), ("word/document.xml", docx_xxe)])
    with open(os.path.join(h, "no_text_layer.pdf"), "wb") as f:
        f.write(no_text_pdf())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "formats"))
    ap.add_argument("--pdf", action="store_true", help="also render contract.odt to contract.pdf with LibreOffice (not in CI)")
    args = ap.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    lines = plain_lines()
    with open(os.path.join(out, "contract.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(lines) + "\n")
    md = []
    for kind, label, text in CONTRACT:
        if kind == "title":
            md.append(f"# {text}")
        elif kind == "h":
            md.append(f"## {label} {text}")
        elif label:
            md.append(f"{label} {text}")
        else:
            md.append(text)
    with open(os.path.join(out, "contract.md"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(md) + "\n")
    with open(os.path.join(out, "contract.html"), "w", encoding="utf-8") as f:
        f.write(html_contract(CONTRACT))
    with open(os.path.join(out, "html_features.html"), "w", encoding="utf-8") as f:
        f.write(HTML_FEATURES)
    docx(os.path.join(out, "contract.docx"), contract_body(CONTRACT), CLAUSE_NUMBERING)
    odt(os.path.join(out, "contract.odt"), odt_contract_body(CONTRACT))
    tracked_cases(out)
    numbering_case(out)
    quirks_case(out)
    odt_tracked(out)
    hostile(out)
    if args.pdf:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui")
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out, os.path.join(out, "contract.odt")], check=True)


if __name__ == "__main__":
    main()
