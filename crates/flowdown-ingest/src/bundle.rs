//! Contract bundles: core terms, schedules and exhibits in separate files, read as one
//! [`Document`] (`format: bundle`).
//!
//! A bundle is named by
//! - a **directory**: every file directly in it, sorted by file name (byte order), skipping
//!   hidden files (`.…`), Office lock files (`~$…`) and sub-directories; or, when the directory
//!   holds a `flowdown-bundle.txt`, the files that manifest lists;
//! - a **manifest file** `flowdown-bundle.txt` (any name works when given directly): one path
//!   per line, relative to the manifest's directory, in reading order; blank lines and lines
//!   starting with `#` are ignored.
//!
//! Each member is read and segmented on its own (format detected by content), then the
//! members are concatenated: [`Document::parts`] lists the files, every block and provision
//! carries the index of its file in `part`, and spans are shifted into the bundle's text. A
//! member that cannot be read fails the whole bundle with an error naming that member.

use crate::{read_path, ReadOptions};
use flowdown_core::{BlockMeta, Document, DocumentBuilder, Error, ErrorKind, Format, Span};
use std::path::{Path, PathBuf};

/// File name of a bundle manifest.
pub const MANIFEST: &str = "flowdown-bundle.txt";

/// The member files of a bundle, in reading order.
///
/// # Errors
/// `not-found`/`io` for an unreadable directory or manifest, `empty` for a bundle without
/// members, `not-found` naming a listed member that does not exist.
pub fn bundle_members(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&name, &e))?;
    let manifest = if meta.is_dir() {
        let m = path.join(MANIFEST);
        m.is_file().then_some(m)
    } else {
        Some(path.to_owned())
    };
    let members = match manifest {
        Some(m) => {
            let mname = m.display().to_string();
            let text = std::fs::read_to_string(&m).map_err(|e| Error::io(&mname, &e))?;
            let base = m.parent().map(Path::to_owned).unwrap_or_default();
            let mut out = Vec::new();
            for line in text.lines() {
                let l = line.trim();
                if l.is_empty() || l.starts_with('#') {
                    continue;
                }
                let p = base.join(l);
                if !p.is_file() {
                    return Err(Error::new(
                        ErrorKind::NotFound,
                        p.display().to_string(),
                        format!("listed in bundle manifest {mname} but not found"),
                    ));
                }
                out.push(p);
            }
            out
        }
        None => {
            let rd = std::fs::read_dir(path).map_err(|e| Error::io(&name, &e))?;
            let mut out: Vec<PathBuf> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| !n.starts_with('.') && !n.starts_with("~$"))
                })
                .collect();
            out.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            out
        }
    };
    if members.is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            name,
            "bundle has no member files",
        ));
    }
    Ok(members)
}

/// Reads a bundle (a directory or a manifest) into one segmented document.
///
/// # Errors
/// See [`bundle_members`]; a member's own read error, naming that member.
pub fn read_bundle(path: &Path, opts: &ReadOptions) -> Result<Document, Error> {
    let members = bundle_members(path)?;
    if members.len() > usize::from(u16::MAX) {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            path.display().to_string(),
            format!(
                "bundle has {} members, over the limit of {}",
                members.len(),
                u16::MAX
            ),
        ));
    }
    let mut docs = Vec::with_capacity(members.len());
    for m in &members {
        let d = read_path(m, opts).map_err(|e| {
            Error::new(
                e.kind,
                e.path.clone(),
                format!("bundle member cannot be read: {}", e.message),
            )
        })?;
        docs.push(d);
    }
    Ok(merge(&path.display().to_string(), docs))
}

/// Concatenates segmented documents into one bundle document.
#[must_use]
pub fn merge(name: &str, docs: Vec<Document>) -> Document {
    let mut b = DocumentBuilder::new(name, Format::Bundle);
    b.set_parts(docs.iter().map(|d| d.path.clone()).collect());
    for (i, d) in docs.iter().enumerate() {
        let part = u16::try_from(i).unwrap_or(u16::MAX);
        copy_part(&mut b, d, part);
    }
    let mut merged = b.finish();
    let expected: String = docs.iter().map(|d| d.text.as_str()).collect();
    if merged.text == expected {
        let (mut text_off, mut block_off, mut prov_off) = (0usize, 0usize, 0usize);
        for (i, d) in docs.into_iter().enumerate() {
            let part = u16::try_from(i).unwrap_or(u16::MAX);
            let (tl, bl, pl) = (d.text.len(), d.blocks.len(), d.provisions.len());
            for mut p in d.provisions {
                p.span = Span::new(p.span.start + text_off, p.span.end + text_off);
                p.blocks = (p.blocks.0 + block_off, p.blocks.1 + block_off);
                p.parent = p.parent.map(|x| x + prov_off);
                for c in &mut p.children {
                    *c += prov_off;
                }
                p.part = part;
                merged.provisions.push(p);
            }
            text_off += tl;
            block_off += bl;
            prov_off += pl;
        }
    } else {
        // A member whose text holds lines outside its blocks: segment the bundle as a whole.
        crate::segment::segment(&mut merged);
        for p in &mut merged.provisions {
            p.part = merged.blocks.get(p.blocks.0).map_or(0, |b| b.part);
        }
    }
    merged
}

/// Re-emits a document's lines (blocks with their revisions, and blank lines) so that its text
/// is reproduced byte for byte.
fn copy_part(b: &mut DocumentBuilder, d: &Document, part: u16) {
    let text = d.text.as_str();
    let mut pos = 0usize;
    let mut bi = 0usize;
    while pos < text.len() {
        if let Some(block) = d.blocks.get(bi).filter(|bl| bl.span.start == pos) {
            b.end_block();
            b.set_meta(BlockMeta {
                label: block.label.clone(),
                level: block.level,
                page: block.page,
                index: Some(block.index),
                path: block.path.clone(),
                part,
            });
            b.begin_block(block.kind);
            let mut at = block.span.start;
            for r in d.revisions_in(block.span) {
                let (s, e) = (r.span.start.max(at), r.span.end.min(block.span.end));
                if s > at {
                    b.push_text(text.get(at..s).unwrap_or_default());
                }
                if e > s {
                    b.push_revision(
                        text.get(s..e).unwrap_or_default(),
                        r.kind,
                        r.author.clone(),
                        r.date.clone(),
                    );
                    at = e;
                }
            }
            if block.span.end > at {
                b.push_text(text.get(at..block.span.end).unwrap_or_default());
            }
            b.end_block();
            pos = block.span.end + 1;
            bi += 1;
        } else {
            let end = text
                .get(pos..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |k| pos + k);
            b.push_blank_line();
            pos = end + 1;
        }
    }
}
