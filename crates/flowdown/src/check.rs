//! The check pipeline: paths → documents → judgement → report.

use crate::Pack;
use flowdown_core::{Document, DocumentReport, Error, ErrorKind, Report, Summary};
use flowdown_ingest::ReadOptions;
use std::path::{Path, PathBuf};

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Reading options (limits, forced format).
    pub read: ReadOptions,
    /// Extra names of the supplying party (`--supplier-term`).
    pub supplier_terms: Vec<String>,
}

/// Judges a document that is already read (and segmented). A document without text, or not in
/// the pack's language, is an error entry (never eleven `missing`); a defect in the judge is an
/// `internal` error entry, never a crash of the batch.
#[must_use]
pub fn check_document(pack: &Pack, doc: &Document, opts: &CheckOptions) -> DocumentReport {
    if let Some(r) = screen(pack, doc) {
        return r;
    }
    judge_report(pack, doc, opts, false)
}

/// [`check_document`] without the gate: every document that is English and not empty goes
/// through the whole judge, without its shortcuts. For tests that compare both paths.
#[doc(hidden)]
#[must_use]
pub fn check_document_ungated(pack: &Pack, doc: &Document, opts: &CheckOptions) -> DocumentReport {
    if let Some(r) = refuse(pack, doc) {
        return r;
    }
    judge_report(pack, doc, opts, true)
}

/// Checks a document read without segmentation: the gate looks at the text first, and only a
/// document the judge must read is segmented.
fn check_unsegmented(pack: &Pack, mut doc: Document, opts: &CheckOptions) -> DocumentReport {
    if let Some(r) = screen(pack, &doc) {
        return r;
    }
    flowdown_ingest::segment::segment(&mut doc);
    judge_report(pack, &doc, opts, false)
}

/// The error entry of a document without text or not in the pack's language.
fn refuse(pack: &Pack, doc: &Document) -> Option<DocumentReport> {
    if doc.text.trim().is_empty() {
        let e = Error::new(ErrorKind::Empty, &doc.path, "the document holds no text");
        return Some(DocumentReport::failed(
            doc.path.clone(),
            Some(doc.format),
            &e,
        ));
    }
    if pack.language == "en" {
        let (english, share) = flowdown_ingest::language::looks_english(&doc.text);
        if !english {
            let e = Error::new(
                ErrorKind::UnsupportedLanguage,
                &doc.path,
                format!(
                    "the document does not read as English (English among its function words: {:.0}%); the pack `{}` reads English only",
                    share * 100.0,
                    pack.id
                ),
            );
            return Some(DocumentReport::failed(
                doc.path.clone(),
                Some(doc.format),
                &e,
            ));
        }
    }
    None
}

/// [`refuse`], then the gate: a document the judge can only find eleven `missing` in gets them
/// without being judged (see `judge::gate`; the result is the judge's own).
fn screen(pack: &Pack, doc: &Document) -> Option<DocumentReport> {
    if let Some(r) = refuse(pack, doc) {
        return Some(r);
    }
    match crate::judge::gate(pack, doc) {
        crate::judge::gate::Verdict::Judge => None,
        crate::judge::gate::Verdict::NoAnchor | crate::judge::gate::Verdict::NoSubstance => {
            Some(report(doc, crate::judge::missing(pack)))
        }
    }
}

fn report(doc: &Document, requirements: Vec<flowdown_core::RequirementResult>) -> DocumentReport {
    DocumentReport {
        path: doc.path.clone(),
        format: Some(doc.format),
        error: None,
        summary: Summary::of(&requirements),
        requirements,
    }
}

fn judge_report(
    pack: &Pack,
    doc: &Document,
    opts: &CheckOptions,
    exhaustive: bool,
) -> DocumentReport {
    let judged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::judge::judge(
            pack,
            doc,
            &crate::judge::JudgeOptions {
                supplier_terms: opts.supplier_terms.clone(),
                exhaustive,
            },
        )
    }));
    let Ok(requirements) = judged else {
        let e = Error::new(
            ErrorKind::Internal,
            &doc.path,
            "internal error while judging this document (a bug in flowdown; please report it)",
        );
        return DocumentReport::failed(doc.path.clone(), Some(doc.format), &e);
    };
    report(doc, requirements)
}

/// Reads and judges a text given in memory.
#[must_use]
pub fn check_text(pack: &Pack, name: &str, text: &str, opts: &CheckOptions) -> DocumentReport {
    match flowdown_ingest::read_bytes_unsegmented(name, text.as_bytes(), &opts.read) {
        Ok(doc) => check_unsegmented(pack, doc, opts),
        Err(e) => DocumentReport::failed(name, None, &e),
    }
}

/// Reads and judges one file; an unreadable file becomes an entry with its error.
#[must_use]
pub fn check_path(pack: &Pack, path: &Path, opts: &CheckOptions) -> DocumentReport {
    match flowdown_ingest::read_path_unsegmented(path, &opts.read) {
        Ok(doc) => check_unsegmented(pack, doc, opts),
        Err(e) => DocumentReport::failed(path.display().to_string(), None, &e),
    }
}

/// Reads several files as one contract (a directory or a `flowdown-bundle.txt` manifest) and
/// judges them together: one clause index across the files, cross-references resolved between
/// them. A member that cannot be read fails the bundle with an error naming it.
#[must_use]
pub fn check_bundle(pack: &Pack, path: &Path, opts: &CheckOptions) -> DocumentReport {
    match flowdown_ingest::read_bundle(path, &opts.read) {
        Ok(doc) => check_document(pack, &doc, opts),
        Err(e) => DocumentReport::failed(path.display().to_string(), None, &e),
    }
}

/// Checks files in order and builds the report.
#[must_use]
pub fn check_paths(pack: &Pack, paths: &[PathBuf], opts: &CheckOptions) -> Report {
    Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: pack.pack_ref(),
        documents: paths.iter().map(|p| check_path(pack, p, opts)).collect(),
        declarations: Vec::new(),
    }
}

/// File extensions a directory search picks up (case-insensitive). Files named on the command
/// line are read whatever their name; format detection is by content either way. `.doc` is
/// listed so that a legacy Word file is reported as unsupported rather than passed over.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "docx", "docm", "odt", "html", "htm", "xhtml", "xml", "pdf",
    "doc",
];

/// Expands files and directories into document paths. Directories are searched recursively,
/// in sorted order, for files with a [`DOCUMENT_EXTENSIONS`] extension; hidden entries and
/// Word lock files (`~$…`) are skipped. A named path that does not exist is kept, so that it is
/// reported as an error entry.
///
/// # Errors
/// Never for missing paths; an error only for a directory that cannot be listed.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            let mut seen = std::collections::HashSet::new();
            walk(input, &mut found, &mut seen)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Walks `dir` recursively. A directory reached twice (a symlink loop such as `up -> ..`, or two
/// links to one directory) is walked once: `seen` holds canonical paths.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), Error> {
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return Ok(());
    }
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display().to_string(), &e))?;
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(dir.display().to_string(), &e))?;
        let p = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, seen)?;
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            DOCUMENT_EXTENSIONS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(e))
        }) {
            out.push(p);
        }
    }
    Ok(())
}
