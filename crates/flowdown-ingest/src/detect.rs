//! Format detection by content (magic bytes, zip entries), never by extension alone.

use flowdown_core::{Error, ErrorKind, Format};

/// Detects the format of a document from its bytes. The extension of `name` only breaks ties
/// between text formats (Markdown vs plain text).
///
/// # Errors
/// `unsupported-format` for content flowdown does not read (legacy `.doc`, images, …).
pub fn detect_format(name: &str, bytes: &[u8]) -> Result<Format, Error> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "legacy binary Office file (OLE2: .doc, or an encrypted Office document): save it as .docx",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "zip container: DOCX/ODT reading is not built yet",
        ));
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}
