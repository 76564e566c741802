#!/usr/bin/env python3
"""Generates the hostile-input suite (issue 9) into a directory, at test time.

usage: gen_hostile.py OUTDIR [--big]   (--big also writes the 100 MB text file)

Writes one file (or directory/symlink) per case and OUTDIR/cases.tsv: name<TAB>expected, where
expected is an `error.kind` of the JSON report, `report` (a correct report, no error), or `none`
(nothing to report: a directory is searched, not read). Nothing here is committed output.
"""
import io
import os
import sys
import zipfile

CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
      b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
      b'officedocument.wordprocessingml.document.main+xml"/></Types>')
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GOOD_TEXT = ("1. Definitions\n\"Supplier\" means Acme Ltd.\n\n"
             "2. Labour\nThe Supplier shall not engage in trafficking in persons or use forced labour.\n")


def docx(document_xml: bytes, extra=()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", document_xml)
        for name, data in extra:
            z.writestr(name, data)
    return buf.getvalue()


def body(inner: bytes, prolog: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>' + prolog +
            b"<w:document " + W + b"><w:body>" + inner + b"</w:body></w:document>")


def para(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">' +
          b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                   for i in range(1, 10)) + b"]>")
XXE = b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def ole2_encrypted() -> bytes:
    """A minimal OLE2 compound file: header, FAT, one directory sector with the streams an
    encrypted OOXML package has (EncryptionInfo, EncryptedPackage) — no real payload."""
    sec = 512
    header = bytearray(sec)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")   # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")      # major version 3
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little") # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")      # 512-byte sectors
    header[0x20:0x22] = (6).to_bytes(2, "little")      # 64-byte mini sectors
    header[0x2C:0x30] = (1).to_bytes(4, "little")      # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")      # directory starts at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")   # mini stream cutoff
    header[0x3C:0x40] = (0xFFFFFFFE).to_bytes(4, "little")  # no mini FAT
    header[0x44:0x48] = (0xFFFFFFFE).to_bytes(4, "little")  # no DIFAT sectors
    difat = [0] + [0xFFFFFFFF] * 108
    header[0x4C:0x200] = b"".join(x.to_bytes(4, "little") for x in difat)
    # Sector 0: FAT. Sector 1: directory. Sectors 2-9: EncryptionInfo (4096 bytes),
    # sectors 10-17: EncryptedPackage (4096 bytes).
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + list(range(3, 10)) + [0xFFFFFFFE] + list(range(11, 18)) + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    fat_sec = b"".join(x.to_bytes(4, "little") for x in fat)

    def entry(name, typ, start, size, left=0xFFFFFFFF, right=0xFFFFFFFF, child=0xFFFFFFFF):
        e = bytearray(128)
        n = name.encode("utf-16-le") + b"\0\0"
        e[0:len(n)] = n
        e[0x40:0x42] = len(n).to_bytes(2, "little")
        e[0x42] = typ
        e[0x43] = 1  # black
        e[0x44:0x48] = left.to_bytes(4, "little")
        e[0x48:0x4C] = right.to_bytes(4, "little")
        e[0x4C:0x50] = child.to_bytes(4, "little")
        e[0x74:0x78] = start.to_bytes(4, "little")
        e[0x78:0x80] = size.to_bytes(8, "little")
        return bytes(e)

    dir_sec = (entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) +
               entry("EncryptionInfo", 2, 2, 4096, right=2) +
               entry("EncryptedPackage", 2, 10, 4096) +
               bytes(128))
    info = (b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\0" * 4096)[:4096]
    package = os.urandom(4096)
    return bytes(header) + fat_sec + dir_sec + info + package


def minimal_pdf(content: bytes, broken_xref: bool) -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % ((off + 7919) if broken_xref else off)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, (xref + 13) if broken_xref else xref)
    return bytes(out)


def main():
    out = sys.argv[1]
    big = "--big" in sys.argv
    os.makedirs(out, exist_ok=True)
    cases = []

    def write(name, data, expected):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        cases.append((name, expected))

    write("good.txt", GOOD_TEXT.encode(), "report")
    # Zip bomb: 300 MB of one byte deflated to ~300 KB (ratio ~1000).
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(body(b"")[:-len(b"</w:body></w:document>")] + b"<w:p><w:r><w:t>")
            chunk = b"a" * (1 << 20)
            for _ in range(300):
                f.write(chunk)
    write("zip_bomb.docx", buf.getvalue(), "limit-exceeded")
    # Nested zip: a zip inside a zip, inside a zip (no document anywhere).
    inner = docx(body(para("inner")))
    for _ in range(3):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("nested.zip", inner)
        inner = b.getvalue()
    write("nested.docx", inner, "unsupported-format")
    write("billion_laughs.xml", b'<?xml version="1.0"?>' + LAUGHS + b"<c>&lol9;</c>", "entity-refused")
    write("billion_laughs.docx", docx(body(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", LAUGHS)), "entity-refused")
    write("xxe.xml", b'<?xml version="1.0"?>' + XXE + b"<c>&xxe;</c>", "entity-refused")
    write("xxe.docx", docx(body(b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", XXE)), "entity-refused")
    n = 10_000
    write("deep.xml", b"<a>" + b"<b>" * n + b"x" + b"</b>" * n + b"</a>", "limit-exceeded")
    write("deep.html", b"<!doctype html><body>" + b"<div>" * n + b"x" + b"</div>" * n + b"</body>", "limit-exceeded")
    write("deep.docx", docx(body(b"<w:p>" + b"<w:r>" * n + b"<w:t>x</w:t>" + b"</w:r>" * n + b"</w:p>")), "limit-exceeded")
    write("deep_quotes.md", b"> " * n + b"The Supplier shall not use forced labour.\n", "report")
    write("deep_lists.md", b"".join(b"  " * i + b"- item\n" for i in range(0, 1000)), "report")
    good_docx = docx(body(para("1. The Supplier shall not use forced labour.") * 50))
    write("truncated.docx", good_docx[: len(good_docx) // 2], "malformed")
    write("encrypted.docx", ole2_encrypted(), "encrypted")
    write("no_text_layer.pdf", minimal_pdf(b"q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", False), "no-text-layer")
    write("broken_xref.pdf",
          minimal_pdf(b"BT /F1 12 Tf 72 720 Td (The Supplier shall not use forced labour.) Tj ET", True),
          "report|malformed")
    write("invalid_utf8.txt", GOOD_TEXT.encode() + b"\xff\xfe\xc3\x28 caf\xe9 \x80\x81\n", "report")
    write("nul_bytes.txt", GOOD_TEXT.encode().replace(b" ", b"\0", 20) + b"\0" * 1000, "report|unsupported-format|encoding")
    if big:
        line = b"The Seller shall deliver the goods on time and in good order. " * 15 + b"\n"
        with open(os.path.join(out, "big_100mb.txt"), "wb") as f:
            for _ in range(100 * (1 << 20) // len(line) + 1):
                f.write(line)
        cases.append(("big_100mb.txt", "limit-exceeded"))
    many = os.path.join(out, "many")
    os.makedirs(many, exist_ok=True)
    for i in range(10_000):
        with open(os.path.join(many, f"c{i:05}.txt"), "w") as f:
            f.write(f"Contract {i}. The Seller shall deliver the goods.\n")
    cases.append(("many", "report*10000"))
    os.symlink("loop_a", os.path.join(out, "loop_b"))
    os.symlink("loop_b", os.path.join(out, "loop_a"))
    cases.append(("loop_a", "io"))
    # A directory loop: dirloop/sub/up -> .. (dirloop itself); its one file is reported once.
    os.makedirs(os.path.join(out, "dirloop", "sub"), exist_ok=True)
    with open(os.path.join(out, "dirloop", "contract.txt"), "w") as f:
        f.write(GOOD_TEXT)
    os.symlink("..", os.path.join(out, "dirloop", "sub", "up"))
    cases.append(("dirloop", "report*1"))
    os.symlink("does-not-exist.txt", os.path.join(out, "dangling.txt"))
    cases.append(("dangling.txt", "not-found"))
    os.makedirs(os.path.join(out, "contract.docx"), exist_ok=True)
    cases.append(("contract.docx", "none"))
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        for name, exp in cases:
            f.write(f"{name}\t{exp}\n")


if __name__ == "__main__":
    main()
