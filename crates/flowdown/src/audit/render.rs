//! Text rendering of declaration audits: one block per declaration, one line per finding with
//! its location, then the parties by name and the chain from the prime.

use flowdown_core::{GapFinding, Report};
use std::fmt::Write;

/// Renders the declarations of a report as text.
#[must_use]
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut failed) = (0, 0, 0);
    for d in &report.declarations {
        let _ = write!(out, "{}", d.path);
        if let Some(f) = &d.format {
            let _ = write!(out, " ({f})");
        }
        out.push('\n');
        if let Some(e) = &d.error {
            failed += 1;
            let _ = writeln!(out, "  error[{}]: {}", e.kind, e.message);
            continue;
        }
        for f in &d.findings {
            finding(&mut out, f);
        }
        for n in &d.notes {
            let _ = writeln!(out, "  note: {n}");
        }
        errors += d.summary.errors;
        warnings += d.summary.warnings;
        let _ = writeln!(
            out,
            "  {} parties, {} links: {} error(s), {} warning(s)",
            d.summary.parties, d.summary.links, d.summary.errors, d.summary.warnings
        );
    }
    let _ = writeln!(
        out,
        "{} declaration(s): {errors} error(s), {warnings} warning(s), {failed} unreadable",
        report.declarations.len()
    );
    out
}

fn finding(out: &mut String, f: &GapFinding) {
    let loc = f.location.display();
    let _ = writeln!(
        out,
        "  {}[{}] {}: {}",
        f.severity.as_str(),
        f.rule,
        if loc.is_empty() { "-" } else { &loc },
        f.message
    );
    let chain = f
        .evidence
        .get("chain")
        .or_else(|| f.evidence.get("cycle"))
        .and_then(|c| c.as_array())
        .map(|c| c.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>())
        .unwrap_or_default();
    if !chain.is_empty() {
        let _ = writeln!(out, "      chain: {}", chain.join(" → "));
    }
    if let Some(m) = f.evidence.get("missing").and_then(|m| m.as_array()) {
        let ids: Vec<&str> = m.iter().filter_map(|x| x.as_str()).collect();
        let _ = writeln!(out, "      missing: {}", ids.join(", "));
    }
    if let Some(m) = f.evidence.get("failing").and_then(|m| m.as_array()) {
        let ids: Vec<&str> = m.iter().filter_map(|x| x.as_str()).collect();
        let _ = writeln!(out, "      failing: {}", ids.join(", "));
    }
}
