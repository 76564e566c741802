//! Supply-chain declarations → [`flowdown_core::Declaration`]: the native JSON format, the same
//! content as a CSV folder or an XLSX workbook, OCDS release/record packages and OMTSF graphs.
//!
//! Every reader returns a [`ReadDeclaration`] with a [`flowdown_core::SourceMap`] so that
//! findings can name the JSON path, CSV row or sheet cell. A file that cannot be read is an
//! [`ErrorKind::Declaration`] error whose message starts with the location
//! (`$.parties[1].nmae: unknown field …`, `links.csv row 4: …`, `sheet parties, cell C3: …`).
//!
//! ```
//! use flowdown_ingest::declaration::read_declaration_bytes;
//! let src = br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"acme"},
//!   "parties":[{"id":"acme","name":"ACME"}],"links":[]}"#;
//! let read = read_declaration_bytes("d.json", src).unwrap();
//! assert_eq!(read.declaration.parties[0].id, "acme");
//! let err = read_declaration_bytes("d.json", br#"{"schema_version":1,"nope":1}"#).unwrap_err();
//! assert!(err.message.starts_with("$.nope: unknown field"));
//! ```

pub mod countries;
mod csv;
mod json;
mod ocds;
mod omtsf;
mod table;
mod xlsx;

use flowdown_core::{DeclarationFormat, Error, ErrorKind, ReadDeclaration};
use std::path::{Path, PathBuf};

pub use self::csv::read_csv_tables;
pub use self::xlsx::read_xlsx_bytes;

/// The three file names of a CSV declaration folder.
pub const CSV_FILES: [&str; 3] = ["declaration.csv", "parties.csv", "links.csv"];

/// The format a path would be read as, from its kind and name alone (`None`: sniff the JSON).
#[must_use]
pub fn format_of_path(path: &Path) -> Option<DeclarationFormat> {
    if path.is_dir() {
        return Some(DeclarationFormat::Csv);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => Some(DeclarationFormat::Csv),
        Some("xlsx" | "xlsm") => Some(DeclarationFormat::Xlsx),
        _ => None,
    }
}

/// The folder read for a CSV declaration path (the folder itself, or the folder of a named file).
#[must_use]
pub fn csv_folder(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}

/// Reads a declaration file or CSV folder, choosing the reader by kind, extension and content.
///
/// # Errors
/// `not-found`/`io` for the file; [`ErrorKind::Declaration`] naming the location for content
/// that is not a valid declaration.
pub fn read_declaration(path: &Path) -> Result<ReadDeclaration, Error> {
    let name = path.display().to_string();
    match format_of_path(path) {
        Some(DeclarationFormat::Csv) => csv::read_folder(&name, &csv_folder(path)),
        Some(DeclarationFormat::Xlsx) => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
            xlsx::read_xlsx_bytes(&name, &bytes)
        }
        _ => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
            read_declaration_bytes(&name, &bytes)
        }
    }
}

/// Reads a JSON declaration (native, OCDS or OMTSF, told apart by their top-level keys).
///
/// # Errors
/// [`ErrorKind::Declaration`] naming the JSON path of the fault.
pub fn read_declaration_bytes(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    match sniff_json(name, bytes)? {
        DeclarationFormat::Omtsf => omtsf::read(name, bytes),
        DeclarationFormat::Ocds => ocds::read(name, bytes),
        _ => json::read(name, bytes),
    }
}

/// Reads an OCDS release package, record package, release or record, without sniffing.
///
/// # Errors
/// [`ErrorKind::Declaration`] naming the JSON path of the fault.
pub fn read_ocds_bytes(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    ocds::read(name, bytes)
}

/// Reads an OMTSF graph, without sniffing.
///
/// # Errors
/// [`ErrorKind::Declaration`] naming the JSON path of the fault.
pub fn read_omtsf_bytes(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    omtsf::read(name, bytes)
}

/// Tells native, OCDS and OMTSF JSON apart. The native writer puts `schema_version` first, so
/// the common case looks at the first key only; otherwise the top-level keys are scanned
/// without building the document.
fn sniff_json(name: &str, bytes: &[u8]) -> Result<DeclarationFormat, Error> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let trimmed = body.trim_ascii_start();
    if let Some(rest) = trimmed.strip_prefix(b"{") {
        if rest.trim_ascii_start().starts_with(b"\"schema_version\"") {
            return Ok(DeclarationFormat::Json);
        }
    }
    let keys = top_level_keys(body).map_err(|e| {
        Error::new(
            ErrorKind::Declaration,
            name,
            format!("$: not valid JSON: {e}"),
        )
    })?;
    let has = |k: &str| keys.iter().any(|x| x == k);
    Ok(if has("omts_version") || has("omtsf_version") {
        DeclarationFormat::Omtsf
    } else if !has("schema_version") && (has("releases") || has("records") || has("ocid")) {
        DeclarationFormat::Ocds
    } else {
        DeclarationFormat::Json
    })
}

fn top_level_keys(bytes: &[u8]) -> Result<Vec<String>, serde_json::Error> {
    struct Keys;
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut keys = Vec::new();
            while let Some(k) = m.next_key::<String>()? {
                m.next_value::<serde::de::IgnoredAny>()?;
                keys.push(k);
            }
            Ok(keys)
        }
    }
    struct Wrap(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Wrap {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(Keys).map(Wrap)
        }
    }
    serde_json::from_slice::<Wrap>(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map(|w| w.0)
}

/// A declaration error at a location.
pub(crate) fn decl_err(name: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Declaration, name, message)
}
