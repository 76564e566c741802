//! One reader per contract format. Each returns an unsegmented [`Document`].

use crate::ReadOptions;
use flowdown_core::{Document, Error, ErrorKind, Format};

pub(crate) mod container;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod odt;
pub mod pdf;
pub mod text;
pub mod xml;
pub(crate) mod xmlx;

/// Dispatches to the reader of `format`.
///
/// # Errors
/// The reader's error, or `unsupported-format` for a format without a reader.
pub fn read(
    format: Format,
    name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Document, Error> {
    match format {
        Format::Text => text::read(name, bytes, opts),
        Format::Markdown => markdown::read(name, bytes, opts),
        Format::Docx => docx::read(name, bytes, opts),
        Format::Html => html::read(name, bytes, opts),
        Format::Odt => odt::read(name, bytes, opts),
        Format::Pdf => pdf::read(name, bytes, opts),
        Format::Xml => xml::read(name, bytes, opts),
        other => Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            format!("no reader for {other} yet"),
        )),
    }
}
