//! The human-readable text format.

use flowdown_core::{Report, Status};
use std::fmt::Write;

/// Renders the report as text: one block per document, one line per requirement.
#[must_use]
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.documents {
        let _ = writeln!(out, "{}", d.path);
        if let Some(e) = &d.error {
            let _ = writeln!(out, "  error[{}]: {}", e.kind, e.message);
            continue;
        }
        for r in &d.requirements {
            let _ = write!(out, "  {:<9} {:<22} {}", r.status.as_str(), r.id, r.reason);
            if let Some(ev) = r.evidence.first() {
                let _ = write!(out, " (line {}", ev.line);
                if let Some(c) = &ev.clause {
                    let _ = write!(out, ", clause {c}");
                }
                out.push(')');
            }
            out.push('\n');
        }
        let counts: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{} {}", d.summary.counts.get(s).copied().unwrap_or(0), s))
            .collect();
        let _ = writeln!(
            out,
            "  {} — {}",
            if d.summary.compliant {
                "compliant"
            } else {
                "not compliant"
            },
            counts.join(", ")
        );
    }
    out
}
