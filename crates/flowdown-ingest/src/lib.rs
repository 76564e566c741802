//! Bytes → [`flowdown_core::Document`]: format detection by content, one reader per format,
//! hostile-input limits, and provision segmentation. Knows nothing of rules.
//!
//! ```
//! use flowdown_ingest::{read_bytes, ReadOptions};
//! let doc = read_bytes("c.txt", b"1. Definitions\n2. The Supplier shall comply.\n", &ReadOptions::default()).unwrap();
//! assert_eq!(doc.provisions.iter().filter(|p| p.number.is_some()).count(), 2);
//! ```
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod bundle;
pub mod contract;
pub mod declaration;
mod detect;
pub mod language;
mod limits;
pub mod segment;

pub use bundle::{read_bundle, MANIFEST as BUNDLE_MANIFEST};
pub use detect::detect_format;
pub use limits::Limits;

use flowdown_core::{Document, Error, ErrorKind, Format};
use std::path::Path;

/// Options for reading a contract document.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Hostile-input limits.
    pub limits: Limits,
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
}

/// Reads a file: size limit, format detection by content, the format's reader, segmentation.
///
/// # Errors
/// A named [`Error`] for a missing or unreadable file, an unsupported or malformed format, or a
/// limit exceeded.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Document, Error> {
    let mut doc = read_path_unsegmented(path, opts)?;
    segment::segment(&mut doc);
    Ok(doc)
}

/// [`read_path`] without segmentation: the document's text, blocks and revisions, with no
/// provisions yet. [`segment::segment`] completes it; segmentation never changes the text, so
/// a caller can look at the text first and segment only the documents it needs to.
///
/// # Errors
/// See [`read_path`].
pub fn read_path_unsegmented(path: &Path, opts: &ReadOptions) -> Result<Document, Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&name, &e))?;
    if meta.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            &name,
            "is a directory, not a document",
        ));
    }
    if meta.len() > opts.limits.max_file_size {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            &name,
            format!(
                "file is {} bytes, over the limit of {} bytes (--max-file-size)",
                meta.len(),
                opts.limits.max_file_size
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
    read_bytes_unsegmented(&name, &bytes, opts)
}

/// Reads a document from bytes; `name` is used in errors and reports.
///
/// # Errors
/// See [`read_path`].
pub fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let mut doc = read_bytes_unsegmented(name, bytes, opts)?;
    segment::segment(&mut doc);
    Ok(doc)
}

/// [`read_bytes`] without segmentation (see [`read_path_unsegmented`]).
///
/// # Errors
/// See [`read_path`].
pub fn read_bytes_unsegmented(
    name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Document, Error> {
    if bytes.len() as u64 > opts.limits.max_file_size {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            name,
            format!(
                "input is {} bytes, over the limit of {} bytes (--max-file-size)",
                bytes.len(),
                opts.limits.max_file_size
            ),
        ));
    }
    let format = match opts.format {
        Some(f) => f,
        None => detect_format(name, bytes)?,
    };
    contract::read(format, name, bytes, opts)
}
