//! Text rendering of declaration audits: one block per declaration, one line per finding with
//! its location, then the parties by name and the chain from the prime.

use flowdown_core::{GapFinding, Report};
use std::io::{self, Write};

/// Renders the declarations of a report as text.
#[must_use]
pub fn render_text(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every piece written is UTF-8.
    let _ = write_text(&mut out, report);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the text rendering of a report (as [`render_text`]) to `out`; give it a buffered
/// writer.
///
/// # Errors
/// Those of `out`.
pub fn write_text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let (mut errors, mut warnings, mut failed) = (0, 0, 0);
    for d in &report.declarations {
        write!(out, "{}", d.path)?;
        if let Some(f) = &d.format {
            write!(out, " ({f})")?;
        }
        out.write_all(b"\n")?;
        if let Some(e) = &d.error {
            failed += 1;
            writeln!(out, "  error[{}]: {}", e.kind, e.message)?;
            continue;
        }
        for f in &d.findings {
            finding(out, f)?;
        }
        for n in &d.notes {
            writeln!(out, "  note: {n}")?;
        }
        errors += d.summary.errors;
        warnings += d.summary.warnings;
        writeln!(
            out,
            "  {} parties, {} links: {} error(s), {} warning(s)",
            d.summary.parties, d.summary.links, d.summary.errors, d.summary.warnings
        )?;
    }
    writeln!(
        out,
        "{} declaration(s): {errors} error(s), {warnings} warning(s), {failed} unreadable",
        report.declarations.len()
    )
}

fn finding(out: &mut impl Write, f: &GapFinding) -> io::Result<()> {
    let loc = f.location.display();
    writeln!(
        out,
        "  {}[{}] {}: {}",
        f.severity.as_str(),
        f.rule,
        if loc.is_empty() { "-" } else { &loc },
        f.message
    )?;
    let chain = f
        .evidence
        .get("chain")
        .or_else(|| f.evidence.get("cycle"))
        .and_then(|c| c.as_array());
    if let Some(chain) = chain {
        list(out, "chain", chain, " → ")?;
    }
    if let Some(m) = f.evidence.get("missing").and_then(|m| m.as_array()) {
        list(out, "missing", m, ", ")?;
    }
    if let Some(m) = f.evidence.get("failing").and_then(|m| m.as_array()) {
        list(out, "failing", m, ", ")?;
    }
    Ok(())
}

/// `      name: a<sep>b…` over the string items of `items`; the chain line only when some item is
/// a string (the missing/failing lines always).
fn list(
    out: &mut impl Write,
    name: &str,
    items: &[serde_json::Value],
    sep: &str,
) -> io::Result<()> {
    let mut ids = items.iter().filter_map(|x| x.as_str()).peekable();
    if name == "chain" && ids.peek().is_none() {
        return Ok(());
    }
    write!(out, "      {name}: ")?;
    let mut first = true;
    for id in ids {
        if !first {
            out.write_all(sep.as_bytes())?;
        }
        first = false;
        out.write_all(id.as_bytes())?;
    }
    out.write_all(b"\n")
}
