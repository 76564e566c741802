//! `markdown`: a pull-request summary (GitHub-flavoured Markdown).
//!
//! A headline verdict, a table with one row per document (verdict and counts per status), then
//! per document a collapsible table of its findings (requirement, severity, status, where,
//! reason, waiver). All document text is escaped: no Markdown or HTML from a contract is
//! interpreted.

use super::{
    display_path, evidence_place, is_finding, is_waived, severity_word, waiver_line, RenderContext,
};
use flowdown_core::{Report, Status};
use std::fmt::Write;

/// Escapes text for a Markdown table cell: Markdown punctuation is backslash-escaped, `<` `>`
/// `&` become entities, newlines become spaces.
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A code span for an id (backticks dropped, pipes escaped for tables, `<` as entity is not
/// needed inside code spans).
fn md_code(s: &str) -> String {
    let inner: String = s.chars().filter(|c| *c != '`' && !c.is_control()).collect();
    format!("`{}`", inner.replace('|', "\\|"))
}

fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Satisfied => "✅",
        Status::Weak => "⚠️",
        Status::Excluded => "⛔",
        Status::Removed => "✂️",
        Status::Missing => "❌",
    }
}

/// Renders the report as a Markdown summary.
#[must_use]
pub fn render_markdown(report: &Report, ctx: &RenderContext<'_>) -> String {
    let mut out = String::new();
    let total = report.documents.len();
    let compliant = report
        .documents
        .iter()
        .filter(|d| d.summary.compliant)
        .count();
    let errors = report
        .documents
        .iter()
        .filter(|d| d.error.is_some())
        .count();
    let _ = writeln!(
        out,
        "## flowdown: {compliant} of {total} document{} compliant\n",
        if total == 1 { "" } else { "s" }
    );
    let _ = write!(
        out,
        "Pack {} version {}",
        md_code(&report.pack.id),
        md_code(&report.pack.version)
    );
    if errors > 0 {
        let _ = write!(out, " · **{errors} could not be checked**");
    }
    out.push_str("\n\n");

    if !report.documents.is_empty() {
        out.push_str("| Document | Verdict |");
        for s in Status::ALL {
            let _ = write!(out, " {} {} |", status_icon(s), s);
        }
        out.push_str("\n|---|---|");
        for _ in Status::ALL {
            out.push_str("---:|");
        }
        out.push('\n');
        for d in &report.documents {
            let verdict = if d.error.is_some() {
                "💥 error".to_owned()
            } else if d.summary.compliant {
                "✅ compliant".to_owned()
            } else {
                "❌ not compliant".to_owned()
            };
            let _ = write!(out, "| {} | {verdict} |", md_escape(&display_path(&d.path)));
            for s in Status::ALL {
                let _ = write!(out, " {} |", d.summary.counts.get(&s).copied().unwrap_or(0));
            }
            out.push('\n');
        }
        out.push('\n');
    }

    for d in &report.documents {
        let path = md_escape(&display_path(&d.path));
        if let Some(e) = &d.error {
            let _ = writeln!(
                out,
                "**{path}**: cannot be checked ({}): {}\n",
                e.kind,
                md_escape(&e.message)
            );
            continue;
        }
        let findings: Vec<_> = d.requirements.iter().filter(|r| is_finding(r)).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details><summary>{path}: {} finding{}</summary>\n",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" }
        );
        out.push_str(
            "| Requirement | Severity | Status | Where | Reason |\n|---|---|---|---|---|\n",
        );
        for r in findings {
            let req = match ctx.requirement(&r.id) {
                Some(def) => format!("{} {}", md_code(&r.id), md_escape(def.summary.trim())),
                None => md_code(&r.id),
            };
            let place = r
                .evidence
                .first()
                .map(|ev| md_escape(&evidence_place(ev)))
                .unwrap_or_else(|| "—".to_owned());
            let mut reason = md_escape(&r.reason);
            for n in &r.notes {
                let _ = write!(reason, "<br>Note: {}", md_escape(n));
            }
            if let Some(w) = waiver_line(r) {
                let icon = if is_waived(r) { "🛡️" } else { "⌛" };
                let _ = write!(reason, "<br>{icon} {}", md_escape(&w));
            }
            let _ = writeln!(
                out,
                "| {req} | {} | {} {} | {place} | {reason} |",
                severity_word(r.severity),
                status_icon(r.status),
                r.status
            );
        }
        out.push_str("\n</details>\n\n");
    }

    for d in &report.declarations {
        let path = md_escape(&display_path(&d.path));
        if let Some(e) = &d.error {
            let _ = writeln!(
                out,
                "**{path}**: cannot be audited ({}): {}\n",
                e.kind,
                md_escape(&e.message)
            );
            continue;
        }
        let _ = writeln!(
            out,
            "### Declaration {path}\n\n{} parties, {} links, {} errors, {} warnings\n",
            d.summary.parties, d.summary.links, d.summary.errors, d.summary.warnings
        );
        if !d.findings.is_empty() {
            out.push_str("| Gap | Severity | Where | Finding |\n|---|---|---|---|\n");
            for f in &d.findings {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    md_code(&f.rule),
                    severity_word(f.severity),
                    md_escape(&f.location.display()),
                    md_escape(&f.message)
                );
            }
            out.push('\n');
        }
    }

    for note in &ctx.run_notes {
        let _ = writeln!(out, "> {}", md_escape(note));
    }
    out
}
