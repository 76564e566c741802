//! Hostile-input limits. Each exceeded limit is an [`flowdown_core::ErrorKind::LimitExceeded`]
//! error naming the limit and the value that exceeded it.
//!
//! | limit | default | checked |
//! |---|---|---|
//! | `max-file-size` | 64 MiB | before reading a file |
//! | `max-zip-entries` | 10,000 | when a DOCX/ODT central directory is opened |
//! | `max-entry-size` | 256 MiB | while an entry decompresses (declared sizes are not trusted) |
//! | `max-total-uncompressed` | 512 MiB | while entries decompress, summed over the container |
//! | `max-compression-ratio` | 200 | while an entry decompresses, once it passes 1 MiB |
//! | `max-xml-depth` | 256 | element nesting in DOCX/ODT/XML parts and HTML |
//! | `max-pdf-objects` | 1,000,000 | before and after a PDF's object table is loaded |
//!
//! Entities are never expanded and DTDs with entity declarations or external ids are refused
//! (`entity-refused`): there is no limit to tune for them.

use flowdown_core::{Error, ErrorKind};

/// Limits applied while reading one document. Defaults suit contracts of any realistic size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file in bytes (default 64 MiB).
    pub max_file_size: u64,
    /// Most entries in a zip container (default 10,000).
    pub max_zip_entries: usize,
    /// Largest uncompressed size of one zip entry (default 256 MiB).
    pub max_entry_size: u64,
    /// Largest uncompressed size of all entries read (default 512 MiB).
    pub max_total_uncompressed: u64,
    /// Largest compression ratio of an entry (default 200).
    pub max_compression_ratio: u64,
    /// Deepest XML/HTML element nesting (default 256).
    pub max_xml_depth: usize,
    /// Most PDF objects (default 1,000,000).
    pub max_pdf_objects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 64 * 1024 * 1024,
            max_zip_entries: 10_000,
            max_entry_size: 256 * 1024 * 1024,
            max_total_uncompressed: 512 * 1024 * 1024,
            max_compression_ratio: 200,
            max_xml_depth: 256,
            max_pdf_objects: 1_000_000,
        }
    }
}

/// The `limit-exceeded` error for `limit` (its public kebab-case name), naming the value seen
/// and the maximum; `what` says what was counted.
pub(crate) fn exceeded(name: &str, limit: &str, value: u64, max: u64, what: &str) -> Error {
    Error::new(
        ErrorKind::LimitExceeded,
        name,
        format!("{limit} exceeded: {value} {what}, over the limit of {max}"),
    )
}
