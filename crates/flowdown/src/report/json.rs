//! The JSON contract written to a stream: the same bytes as [`super::render_json`], with the
//! findings of declarations (a large audit has hundreds of thousands) rendered on all cores in
//! bounded windows, so that neither the report nor its findings are ever held as one string.

use flowdown_core::{DeclarationReport, GapFinding, Report};
use rayon::prelude::*;
use std::io::{self, Write};

/// Findings rendered by one task.
const CHUNK: usize = 1024;
/// Findings rendered before they are written (bounds the memory held by rendered text).
const WINDOW: usize = 16 * CHUNK;

/// Writes the report as [`super::render_json`] renders it (pretty, ending with a newline).
///
/// # Errors
/// Those of `out`.
pub fn write_json(out: &mut impl Write, report: &Report) -> io::Result<()> {
    // The report without its declarations' findings, each `"findings": []` of which is then
    // replaced by the findings. The pattern can only be a key (quotes inside JSON strings are
    // escaped), and only declarations have that key once documents are left out; anything
    // else is written the plain way.
    const EMPTY: &[u8] = b"\"findings\": []";
    if !report.documents.is_empty() || report.declarations.iter().all(|d| d.findings.is_empty()) {
        return plain(out, report);
    }
    let skeleton = Report {
        schema_version: report.schema_version,
        pack: report.pack.clone(),
        documents: Vec::new(),
        declarations: report
            .declarations
            .iter()
            .map(|d| DeclarationReport {
                path: d.path.clone(),
                format: d.format.clone(),
                error: d.error.clone(),
                findings: Vec::new(),
                notes: d.notes.clone(),
                summary: d.summary.clone(),
            })
            .collect(),
    };
    let text = serde_json::to_vec_pretty(&skeleton).map_err(io::Error::from)?;
    let holes: Vec<usize> = memchr::memmem::find_iter(&text, EMPTY).collect();
    if holes.len() != report.declarations.len() {
        return plain(out, report);
    }
    let mut at = 0;
    for (hole, d) in holes.into_iter().zip(&report.declarations) {
        if d.findings.is_empty() {
            continue;
        }
        let open = hole + EMPTY.len() - 2; // the `[`
        out.write_all(&text[at..=open])?;
        write_findings(out, &d.findings)?;
        // The closing bracket of the declaration's keys (level 3).
        out.write_all(b"\n      ]")?;
        at = open + 2;
    }
    out.write_all(&text[at..])?;
    out.write_all(b"\n")
}

fn plain(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The items of a declaration's `findings` array (level 4), each on its own lines, without
/// the brackets.
fn write_findings(out: &mut impl Write, findings: &[GapFinding]) -> io::Result<()> {
    for (w, window) in findings.chunks(WINDOW).enumerate() {
        let parts: Vec<io::Result<Vec<u8>>> = window
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(chunk.len() * 768);
                let mut one = Vec::with_capacity(1024);
                for (k, f) in chunk.iter().enumerate() {
                    let first = w == 0 && c == 0 && k == 0;
                    buf.extend_from_slice(if first { b"\n" } else { b",\n" });
                    buf.extend_from_slice(INDENT);
                    one.clear();
                    serde_json::to_writer_pretty(&mut one, f).map_err(io::Error::from)?;
                    indent_into(&mut buf, &one);
                }
                Ok(buf)
            })
            .collect();
        for p in parts {
            out.write_all(&p?)?;
        }
    }
    Ok(())
}

/// Four levels of two spaces: where a finding stands in the report.
const INDENT: &[u8] = b"        ";

/// Appends a finding rendered alone with every line after the first indented by [`INDENT`],
/// as it stands in the report. JSON strings hold no raw newline, so every newline is the
/// formatter's.
fn indent_into(out: &mut Vec<u8>, one: &[u8]) {
    let mut at = 0;
    for i in memchr::memchr_iter(b'\n', one) {
        out.extend_from_slice(&one[at..=i]);
        out.extend_from_slice(INDENT);
        at = i + 1;
    }
    out.extend_from_slice(&one[at..]);
}

#[cfg(test)]
mod tests {
    use super::{write_json, CHUNK};
    use flowdown_core::{
        DeclarationLocation, DeclarationReport, DeclarationSummary, ErrorInfo, ErrorKind,
        GapFinding, PackRef, Report, Severity,
    };

    fn finding(i: usize) -> GapFinding {
        GapFinding {
            rule: "missing-flowdown".into(),
            severity: if i.is_multiple_of(2) {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: format!("no flow-down \"{i}\" on\nthe link → \u{7f}"),
            location: DeclarationLocation::json(format!("$.links[{i}]")),
            parties: vec![format!("p{i}"), "\"findings\": []".into()],
            evidence: if i.is_multiple_of(3) {
                serde_json::json!({ "chain": ["p0", format!("p{i}")], "empty": [], "o": {} })
            } else {
                serde_json::json!({})
            },
        }
    }

    fn decl(path: &str, n: usize, error: bool) -> DeclarationReport {
        DeclarationReport {
            path: path.into(),
            format: Some("json".into()),
            error: error.then(|| ErrorInfo {
                kind: ErrorKind::Declaration,
                message: "$: \"findings\": [] bad".into(),
            }),
            findings: (0..n).map(finding).collect(),
            notes: if n.is_multiple_of(2) {
                vec!["a note".into()]
            } else {
                Vec::new()
            },
            summary: DeclarationSummary {
                parties: n,
                ..DeclarationSummary::default()
            },
        }
    }

    #[test]
    fn writes_the_bytes_render_json_renders() {
        let sizes = [0, 1, 2, CHUNK - 1, CHUNK + 1, 16 * CHUNK + 3];
        let reports = [
            vec![decl("a.json", 3, false)],
            vec![decl("a.json", 0, false)],
            vec![
                decl("a \"findings\": [].json", 2, false),
                decl("b.json", 0, true),
                decl("c.json", 5, false),
            ],
            sizes
                .iter()
                .enumerate()
                .map(|(k, &n)| decl(&format!("d{k}.json"), n, false))
                .collect(),
            Vec::new(),
        ];
        for declarations in reports {
            let report = Report {
                schema_version: Report::SCHEMA_VERSION,
                pack: PackRef {
                    id: "p".into(),
                    version: "1".into(),
                },
                documents: Vec::new(),
                declarations,
            };
            let mut out = Vec::new();
            write_json(&mut out, &report).unwrap();
            assert!(
                out == crate::report::render_json(&report).into_bytes(),
                "differs for {} declarations",
                report.declarations.len()
            );
        }
    }
}
