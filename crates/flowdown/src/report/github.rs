//! `github`: GitHub Actions workflow commands, shown as annotations on the pull request.
//!
//! One line per requirement that is not `satisfied`:
//! `::error file=contracts/a.txt,line=12,col=1,endLine=13,endColumn=40,title=flowdown weak: subcontractor-flowdown::…`
//! The command is `error`, `warning` or `notice` from the severity; a requirement under an
//! active waiver is a `notice` naming the waiver; a `missing` requirement is a file-level
//! annotation. Unreadable documents and declaration gaps are annotations too.

use super::{display_path, evidence_end, finding_message, is_finding, is_waived, waiver_line};
use flowdown_core::{Report, Severity};
use std::fmt::Write;

/// Escapes the message of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Renders the report as workflow commands, one per line.
#[must_use]
pub fn render_github(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.documents {
        let path = escape_property(&display_path(&d.path));
        if let Some(e) = &d.error {
            let _ = writeln!(
                out,
                "::error file={path},title={}::{}",
                escape_property(&format!("flowdown: cannot check ({})", e.kind)),
                escape_data(&e.message)
            );
            continue;
        }
        for r in d.requirements.iter().filter(|r| is_finding(r)) {
            let cmd = if is_waived(r) {
                "notice"
            } else {
                command(r.severity)
            };
            let mut props = format!("file={path}");
            if let Some(ev) = r.evidence.first() {
                let (end_line, end_col) = evidence_end(ev);
                let _ = write!(props, ",line={},endLine={end_line}", ev.line.max(1));
                if end_line == ev.line {
                    let _ = write!(props, ",col={},endColumn={end_col}", ev.column.max(1));
                }
            }
            let title = if is_waived(r) {
                format!("flowdown {} (waived): {}", r.status, r.id)
            } else {
                format!("flowdown {}: {}", r.status, r.id)
            };
            let _ = write!(props, ",title={}", escape_property(&title));
            let mut msg = format!("{} ({}): {}", r.id, r.severity, finding_message(r));
            if let Some(c) = r.evidence.first().and_then(|e| e.clause.as_deref()) {
                let _ = write!(msg, " [clause {c}]");
            }
            for n in &r.notes {
                let _ = write!(msg, "\nNote: {n}");
            }
            if let Some(w) = waiver_line(r) {
                let _ = write!(msg, "\n{w}");
            }
            let _ = writeln!(out, "::{cmd} {props}::{}", escape_data(&msg));
        }
    }
    for d in &report.declarations {
        let path = escape_property(&display_path(&d.path));
        if let Some(e) = &d.error {
            let _ = writeln!(
                out,
                "::error file={path},title={}::{}",
                escape_property(&format!("flowdown: cannot audit ({})", e.kind)),
                escape_data(&e.message)
            );
            continue;
        }
        for f in &d.findings {
            let mut props = format!("file={path}");
            if let Some(row) = f.location.row {
                let _ = write!(props, ",line={row}");
            }
            let _ = write!(
                props,
                ",title={}",
                escape_property(&format!("flowdown: {}", f.rule))
            );
            let place = f.location.display();
            let msg = if place.is_empty() {
                f.message.clone()
            } else {
                format!("{} (at {place})", f.message)
            };
            let _ = writeln!(
                out,
                "::{} {props}::{}",
                command(f.severity),
                escape_data(&msg)
            );
        }
    }
    out
}
