//! The human-readable text format: per document a verdict line, then one annotated source
//! snippet per finding (as rustc and ruff show diagnostics), then the satisfied requirements.
//!
//! The snippet is built from the evidence alone (its text, line and column), so the renderer
//! needs no access to the document: the JSON contract already carries what it shows.

use super::{
    clean, display_path, finding_message, is_finding, is_waived, waiver_line, RenderContext,
};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use flowdown_core::{DocumentReport, Evidence, Report, RequirementResult, Severity, Status};
use std::fmt::Write;

/// At most this many lines of one piece of evidence are shown (the rest is folded).
const MAX_EVIDENCE_LINES: usize = 8;
/// At most this many pieces of evidence are shown per finding.
const MAX_EVIDENCE: usize = 3;

/// Renders the report as plain text (no colour, no pack docs).
#[must_use]
pub fn render_text(report: &Report) -> String {
    render_text_with(report, &RenderContext::default())
}

/// Renders the report as text.
#[must_use]
pub fn render_text_with(report: &Report, ctx: &RenderContext<'_>) -> String {
    let renderer = if ctx.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in &report.documents {
        document(&mut out, d, ctx, &renderer);
    }
    for d in &report.declarations {
        let path = display_path(&d.path);
        if let Some(e) = &d.error {
            let _ = writeln!(
                out,
                "{path}: cannot be audited\nerror[{}]: {}\n",
                e.kind,
                clean(&e.message)
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{path}: declaration — {} parties, {} links, {} errors, {} warnings",
            d.summary.parties, d.summary.links, d.summary.errors, d.summary.warnings
        );
        for f in &d.findings {
            let _ = writeln!(out, "{}[{}]: {}", f.severity, f.rule, clean(&f.message));
            let place = f.location.display();
            if place.is_empty() {
                let _ = writeln!(out, "  --> {path}");
            } else {
                let _ = writeln!(out, "  --> {path} ({place})");
            }
        }
        for n in &d.notes {
            let _ = writeln!(out, "  = note: {}", clean(n));
        }
        out.push('\n');
    }
    summary_footer(&mut out, report);
    for note in &ctx.run_notes {
        let _ = writeln!(out, "note: {}", clean(note));
    }
    out
}

fn verdict(d: &DocumentReport) -> &'static str {
    if d.error.is_some() {
        "cannot be checked"
    } else if d.summary.compliant {
        "compliant"
    } else {
        "not compliant"
    }
}

fn counts(d: &DocumentReport) -> String {
    Status::ALL
        .iter()
        .map(|s| format!("{} {}", d.summary.counts.get(s).copied().unwrap_or(0), s))
        .collect::<Vec<_>>()
        .join(", ")
}

fn document(out: &mut String, d: &DocumentReport, ctx: &RenderContext<'_>, renderer: &Renderer) {
    let path = display_path(&d.path);
    if let Some(e) = &d.error {
        let _ = writeln!(out, "{path}: {}", verdict(d));
        let _ = writeln!(out, "error[{}]: {}\n", e.kind, clean(&e.message));
        return;
    }
    let _ = writeln!(out, "{path}: {} — {}", verdict(d), counts(d));
    out.push('\n');
    for r in d.requirements.iter().filter(|r| is_finding(r)) {
        let rendered = finding(&path, r, ctx, renderer);
        out.push_str(&rendered);
        out.push_str("\n\n");
    }
    let satisfied: Vec<String> = d
        .requirements
        .iter()
        .filter(|r| !is_finding(r))
        .map(|r| match r.evidence.first() {
            Some(ev) => match &ev.clause {
                Some(c) => format!("{} (line {}, clause {c})", r.id, ev.line),
                None => format!("{} (line {})", r.id, ev.line),
            },
            None => r.id.clone(),
        })
        .collect();
    if !satisfied.is_empty() {
        let _ = writeln!(out, "satisfied: {}\n", satisfied.join(", "));
    }
}

fn level(r: &RequirementResult) -> Level<'static> {
    if is_waived(r) {
        return Level::NOTE;
    }
    match r.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The evidence text as a snippet source: padded to its column, at most
/// [`MAX_EVIDENCE_LINES`] lines, control characters removed. Returns the source and the byte
/// range to underline.
fn snippet_source(ev: &Evidence) -> (String, std::ops::Range<usize>) {
    let pad = " ".repeat(ev.column.saturating_sub(1));
    let text = clean(&ev.text.replace('\t', " "));
    let text = text.trim_end();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let folded = lines.len() > MAX_EVIDENCE_LINES;
    lines.truncate(MAX_EVIDENCE_LINES);
    let mut src = pad.clone();
    src.push_str(&lines.join("\n"));
    let start = pad.len();
    // The whole shown part is underlined; a fold is said in a note.
    let _ = folded;
    let end = src.len();
    (src, start..end.max(start))
}

fn finding(
    path: &str,
    r: &RequirementResult,
    ctx: &RenderContext<'_>,
    renderer: &Renderer,
) -> String {
    let mut title = finding_message(r);
    if is_waived(r) {
        title = format!("{title} (waived)");
    }
    let lvl = level(r);
    let sources: Vec<(String, std::ops::Range<usize>, &Evidence)> = r
        .evidence
        .iter()
        .take(MAX_EVIDENCE)
        .map(|ev| {
            let (s, range) = snippet_source(ev);
            (s, range, ev)
        })
        .collect();
    let mut group = Group::with_title(lvl.primary_title(clean(&title)).id(r.id.clone()));
    for (i, (src, range, ev)) in sources.iter().enumerate() {
        let file = ev
            .file
            .as_deref()
            .map_or_else(|| path.to_owned(), display_path);
        let label = match (&ev.clause, i) {
            (Some(c), 0) => format!("{} (clause {c})", r.status),
            (None, 0) => r.status.as_str().to_owned(),
            (Some(c), _) => format!("also considered (clause {c})"),
            (None, _) => "also considered".to_owned(),
        };
        let kind = if i == 0 {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        group = group.element(
            Snippet::source(src.as_str())
                .line_start(ev.line.max(1))
                .path(file)
                .fold(true)
                .annotation(kind.span(range.clone()).label(label)),
        );
    }
    let mut notes: Vec<String> = Vec::new();
    if sources.is_empty() {
        group = group.element(Origin::path(path.to_owned()));
    }
    for ev in r.evidence.iter().take(MAX_EVIDENCE) {
        if ev.text.trim_end().lines().count() > MAX_EVIDENCE_LINES {
            notes.push(format!(
                "evidence at line {} continues past {MAX_EVIDENCE_LINES} lines",
                ev.line
            ));
        }
        if let Some(h) = &ev.heading {
            if ev.clause.is_none() {
                notes.push(format!("under heading: {}", clean(h)));
            }
        }
    }
    if r.evidence.len() > MAX_EVIDENCE {
        notes.push(format!(
            "{} more pieces of evidence in the JSON report",
            r.evidence.len() - MAX_EVIDENCE
        ));
    }
    for n in &r.notes {
        notes.push(clean(n));
    }
    if is_waived(r) {
        notes.push(format!("severity: {}", r.severity));
    }
    for n in &notes {
        group = group.element(Level::NOTE.message(n.clone()));
    }
    if let Some(w) = waiver_line(r) {
        let l = if is_waived(r) {
            Level::NOTE
        } else {
            Level::WARNING
        };
        group = group.element(l.message(clean(&w)));
    }
    let help = match ctx.requirement(&r.id) {
        Some(def) => format!(
            "{} — see `flowdown explain {}` for a model clause",
            def.summary.trim(),
            r.id
        ),
        None => format!("see `flowdown explain {}` for a model clause", r.id),
    };
    group = group.element(Level::HELP.message(help));
    let groups: Vec<Group<'_>> = vec![group];
    renderer.render(&groups)
}

fn summary_footer(out: &mut String, report: &Report) {
    let docs = &report.documents;
    if docs.is_empty() {
        return;
    }
    let compliant = docs.iter().filter(|d| d.summary.compliant).count();
    let errors = docs.iter().filter(|d| d.error.is_some()).count();
    let findings: usize = docs
        .iter()
        .flat_map(|d| &d.requirements)
        .filter(|r| is_finding(r) && !is_waived(r))
        .count();
    let waived: usize = docs
        .iter()
        .flat_map(|d| &d.requirements)
        .filter(|r| is_finding(r) && is_waived(r))
        .count();
    let _ = write!(
        out,
        "{} document{} checked: {compliant} compliant, {findings} finding{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        if findings == 1 { "" } else { "s" }
    );
    if waived > 0 {
        let _ = write!(out, ", {waived} waived");
    }
    if errors > 0 {
        let _ = write!(out, ", {errors} could not be checked");
    }
    out.push('\n');
}
