//! Zip containers (DOCX, ODT) read under the hostile-input [`Limits`].
//!
//! Declared sizes are never trusted: every entry is decompressed in chunks, and the running
//! size is checked against the per-entry limit, the total limit and the compression ratio while
//! it streams, so a zip bomb stops after at most one chunk past the limit.

use crate::limits::{exceeded, Limits};
use flowdown_core::{Error, ErrorKind};
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// Below this many decompressed bytes the ratio is not checked: small XML parts of repeated
/// markup legitimately compress better than any sane bomb threshold.
const RATIO_FLOOR: u64 = 1024 * 1024;
const CHUNK: usize = 64 * 1024;

/// An opened zip container with a running total of the bytes decompressed from it.
pub(crate) struct Container<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    name: &'a str,
    limits: Limits,
    total: u64,
}

impl<'a> Container<'a> {
    /// Opens the central directory and checks the entry count.
    pub(crate) fn open(name: &'a str, bytes: &'a [u8], limits: Limits) -> Result<Self, Error> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(name, "", &e))?;
        if archive.len() > limits.max_zip_entries {
            return Err(exceeded(
                name,
                "max-zip-entries",
                archive.len() as u64,
                limits.max_zip_entries as u64,
                "zip entries",
            ));
        }
        Ok(Self {
            archive,
            name,
            limits,
            total: 0,
        })
    }

    /// True when the container has an entry of that name.
    pub(crate) fn has(&self, entry: &str) -> bool {
        self.archive.index_for_name(entry).is_some()
    }

    /// Decompresses one entry; `None` when there is no such entry.
    pub(crate) fn read(&mut self, entry: &str) -> Result<Option<Vec<u8>>, Error> {
        let name = self.name;
        let limits = self.limits;
        let mut file = match self.archive.by_name(entry) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(name, entry, &e)),
        };
        if file.encrypted() {
            return Err(Error::new(
                ErrorKind::Encrypted,
                name,
                format!("zip entry {entry} is password-protected"),
            ));
        }
        let compressed = file.compressed_size().max(1);
        let entry_cap = limits
            .max_entry_size
            .min(limits.max_total_uncompressed.saturating_sub(self.total));
        let mut out = Vec::new();
        let mut chunk = vec![0u8; CHUNK];
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(Error::new(
                        ErrorKind::Malformed,
                        name,
                        format!(
                            "zip entry {entry} cannot be decompressed (truncated or corrupt): {e}"
                        ),
                    ))
                }
            };
            out.extend_from_slice(chunk.get(..n).unwrap_or_default());
            let len = out.len() as u64;
            if len > limits.max_entry_size {
                return Err(exceeded(
                    name,
                    "max-entry-size",
                    len,
                    limits.max_entry_size,
                    &format!("bytes decompressed from zip entry {entry} (at least)"),
                ));
            }
            if len > entry_cap {
                return Err(exceeded(
                    name,
                    "max-total-uncompressed",
                    self.total + len,
                    limits.max_total_uncompressed,
                    "bytes decompressed from the container (at least)",
                ));
            }
            if len > RATIO_FLOOR && len / compressed > limits.max_compression_ratio {
                return Err(exceeded(
                    name,
                    "max-compression-ratio",
                    len / compressed,
                    limits.max_compression_ratio,
                    &format!(
                        "compression ratio of zip entry {entry} ({len} bytes from {compressed})"
                    ),
                ));
            }
        }
        self.total += out.len() as u64;
        Ok(Some(out))
    }

    /// Decompresses one entry and decodes it as XML text (UTF-8, or UTF-16 with a BOM).
    pub(crate) fn read_text(&mut self, entry: &str) -> Result<Option<String>, Error> {
        Ok(self.read(entry)?.map(|b| decode_xml_bytes(&b)))
    }
}

/// XML parts are UTF-8 in practice; UTF-16 with a BOM is decoded too.
pub(crate) fn decode_xml_bytes(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return encoding_rs::UTF_16LE
            .decode_without_bom_handling(rest)
            .0
            .into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return encoding_rs::UTF_16BE
            .decode_without_bom_handling(rest)
            .0
            .into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn zip_error(name: &str, entry: &str, e: &ZipError) -> Error {
    let what = if entry.is_empty() {
        "zip container".to_owned()
    } else {
        format!("zip entry {entry}")
    };
    match e {
        ZipError::InvalidPassword
        | ZipError::UnsupportedArchive("Password required to decrypt file") => Error::new(
            ErrorKind::Encrypted,
            name,
            format!("{what} is password-protected"),
        ),
        _ => Error::new(
            ErrorKind::Malformed,
            name,
            format!("{what} is truncated or corrupt: {e}"),
        ),
    }
}
