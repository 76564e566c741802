//! Format detection by content (magic bytes, zip entries, markup sniffing), never by extension
//! alone.
//!
//! | content | format |
//! |---|---|
//! | `%PDF-` in the first 1 KiB | PDF |
//! | OLE2 compound file with an `EncryptionInfo`/`EncryptedPackage` stream | `encrypted` error |
//! | other OLE2 compound file (legacy `.doc`, `.xls`, …) | `unsupported-format` error |
//! | zip with `word/document.xml` (or a `word/` part and `[Content_Types].xml`) | DOCX |
//! | zip whose `mimetype` is `application/vnd.oasis.opendocument.text` | ODT |
//! | other zip (XLSX, PPTX, ODS, plain archives) | `unsupported-format` error |
//! | unreadable zip directory | `malformed` error |
//! | RTF, PNG, JPEG, GIF, TIFF | `unsupported-format` error |
//! | `<!doctype html`, `<html`, or XML whose root is `html` | HTML |
//! | `<?xml` or a leading element | XML |
//! | `.md`/`.markdown` name, or clear Markdown markers (ATX headings, fences) | Markdown |
//! | anything else | plain text |

use flowdown_core::{Error, ErrorKind, Format};
use std::io::{Cursor, Read};

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Detects the format of a document from its bytes. The extension of `name` only breaks ties
/// between text formats (Markdown vs plain text).
///
/// # Errors
/// `unsupported-format` for content flowdown does not read (legacy `.doc`, other Office
/// formats, images, RTF), `encrypted` for a password-protected Office file, `malformed` for a
/// zip whose directory cannot be read (truncated).
pub fn detect_format(name: &str, bytes: &[u8]) -> Result<Format, Error> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(OLE2) {
        return Err(ole2(name, bytes));
    }
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        return zip_kind(name, bytes);
    }
    for (magic, what) in [
        (&b"{\\rtf"[..], "RTF document: save it as .docx"),
        (
            &b"\x89PNG"[..],
            "PNG image: flowdown reads text, not images",
        ),
        (
            &b"\xFF\xD8\xFF"[..],
            "JPEG image: flowdown reads text, not images",
        ),
        (&b"GIF8"[..], "GIF image: flowdown reads text, not images"),
        (&b"II*\0"[..], "TIFF image: flowdown reads text, not images"),
        (&b"MM\0*"[..], "TIFF image: flowdown reads text, not images"),
    ] {
        if bytes.starts_with(magic) {
            return Err(Error::new(ErrorKind::UnsupportedFormat, name, what));
        }
    }
    if let Some(f) = sniff_markup(head) {
        return Ok(f);
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") || looks_like_markdown(bytes) {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}

/// An OLE2 compound file: an encrypted OOXML package, a legacy `.doc`, or another legacy
/// Office file.
fn ole2(name: &str, bytes: &[u8]) -> Error {
    let mut streams = Vec::new();
    if let Ok(cf) = cfb::CompoundFile::open(Cursor::new(bytes)) {
        streams.extend(cf.walk().map(|e| e.name().to_owned()));
    } else {
        // A damaged directory: fall back to looking for the UTF-16 stream names.
        for s in ["EncryptionInfo", "EncryptedPackage", "WordDocument"] {
            let utf16: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
            if memchr::memmem::find(bytes, &utf16).is_some() {
                streams.push(s.to_owned());
            }
        }
    }
    let has = |s: &str| streams.iter().any(|n| n == s);
    if has("EncryptionInfo") || has("EncryptedPackage") {
        Error::new(
            ErrorKind::Encrypted,
            name,
            "password-protected Office document (OLE2 container with EncryptionInfo): remove the password and save it again",
        )
    } else if has("WordDocument") {
        Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "legacy Word 97-2003 document (.doc, OLE2): save it as .docx",
        )
    } else {
        Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "legacy binary Office file (OLE2 compound file, not a Word document)",
        )
    }
}

fn zip_kind(name: &str, bytes: &[u8]) -> Result<Format, Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(
            ErrorKind::Malformed,
            name,
            format!("zip container is truncated or corrupt: {e}"),
        )
    })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(std::borrow::Cow::into_owned)
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("word/document.xml")
        || (has("[Content_Types].xml")
            && names
                .iter()
                .any(|n| n.starts_with("word/") && n.ends_with(".xml")))
    {
        return Ok(Format::Docx);
    }
    if has("mimetype") {
        let mut mime = String::new();
        if let Ok(f) = archive.by_name("mimetype") {
            // The mimetype entry is a few dozen bytes; never read more than that.
            let _ = f.take(200).read_to_string(&mut mime);
        }
        let mime = mime.trim();
        if mime.starts_with("application/vnd.oasis.opendocument.text") {
            return Ok(Format::Odt);
        }
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            format!("zip container of type {mime}: only OpenDocument text (.odt) is read"),
        ));
    }
    let what = if names.iter().any(|n| n.starts_with("xl/")) {
        "Excel workbook (.xlsx)"
    } else if names.iter().any(|n| n.starts_with("ppt/")) {
        "PowerPoint presentation (.pptx)"
    } else {
        "zip archive"
    };
    Err(Error::new(
        ErrorKind::UnsupportedFormat,
        name,
        format!("{what}: not a contract document (DOCX and ODT are read; for several files use a bundle)"),
    ))
}

/// HTML or XML by their first markup.
fn sniff_markup(head: &[u8]) -> Option<Format> {
    let text = strip_bom_utf8(head)?;
    let t = text.trim_start();
    let lower = t.get(..t.len().min(512))?.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(Format::Html);
    }
    let xmlish = lower.starts_with("<?xml")
        || lower.starts_with("<!--")
        || lower.starts_with("<!doctype")
        || (lower.starts_with('<')
            && lower
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_'));
    if !xmlish {
        return None;
    }
    // XHTML, or an HTML fragment that starts with an element.
    if lower.contains("<html") || lower.contains("http://www.w3.org/1999/xhtml") {
        return Some(Format::Html);
    }
    if root_name(&lower).is_some_and(|r| {
        matches!(
            r.as_str(),
            "head" | "body" | "div" | "p" | "h1" | "h2" | "h3" | "table" | "ol" | "ul" | "meta"
        )
    }) {
        return Some(Format::Html);
    }
    Some(Format::Xml)
}

/// The first element name after declarations, comments and a doctype.
fn root_name(lower: &str) -> Option<String> {
    let mut rest = lower;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1;
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1;
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>')?.1;
        } else if let Some(r) = rest.strip_prefix('<') {
            let name: String = r
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return Some(name.rsplit(':').next().unwrap_or_default().to_owned());
        } else {
            return None;
        }
    }
}

fn strip_bom_utf8(head: &[u8]) -> Option<&str> {
    let h = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match std::str::from_utf8(h) {
        Ok(s) => Some(s),
        Err(e) => std::str::from_utf8(h.get(..e.valid_up_to())?).ok(),
    }
}

/// At least two ATX headings or a code fence at line starts in the first 64 KiB.
fn looks_like_markdown(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or_default();
    let Some(text) = strip_bom_utf8(head) else {
        return false;
    };
    let mut headings = 0;
    for line in text.lines() {
        let l = line.trim_end();
        if l.starts_with("```") {
            return true;
        }
        let hashes = l.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && l.as_bytes().get(hashes) == Some(&b' ') {
            headings += 1;
            if headings >= 2 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_text_formats() {
        assert_eq!(detect_format("x", b"%PDF-1.7\n").unwrap(), Format::Pdf);
        assert_eq!(
            detect_format("x.txt", b"<!DOCTYPE html><p>a</p>").unwrap(),
            Format::Html
        );
        assert_eq!(
            detect_format("x", b"<?xml version=\"1.0\"?><contract/>").unwrap(),
            Format::Xml
        );
        assert_eq!(
            detect_format(
                "x.xml",
                b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>"
            )
            .unwrap(),
            Format::Html
        );
        assert_eq!(
            detect_format("x", b"# Terms\n\ntext\n\n## 1. Scope\n").unwrap(),
            Format::Markdown
        );
        assert_eq!(
            detect_format("x", b"1. Scope\nThe Supplier shall.\n").unwrap(),
            Format::Text
        );
        assert_eq!(detect_format("x.md", b"plain").unwrap(), Format::Markdown);
    }

    #[test]
    fn refuses_binaries() {
        let e = detect_format("x.doc", b"{\\rtf1 hello}").unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnsupportedFormat);
        let e = detect_format("x.docx", b"PK\x03\x04garbage").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Malformed);
    }
}
