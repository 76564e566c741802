//! `flowdown explain ID`.

use crate::args::ExplainArgs;
use crate::exit::ExitStatus;
use std::fmt::Write;

pub(crate) fn run(args: &ExplainArgs) -> anyhow::Result<ExitStatus> {
    let pack = super::load_pack(&args.pack)?;
    let Some(r) = pack.requirement(&args.id) else {
        let ids: Vec<&str> = pack.requirements.iter().map(|r| r.id.as_str()).collect();
        anyhow::bail!(
            "unknown requirement `{}`. Choose from: {}",
            args.id,
            ids.join(", ")
        );
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} ({}, {}, pack {})\n",
        r.id,
        r.severity.as_str(),
        r.source,
        pack.id
    );
    let _ = writeln!(s, "{}\n", r.summary);
    let _ = writeln!(s, "{}\n", r.explanation.trim());
    let _ = writeln!(s, "Satisfied by: {}\n", r.satisfied_by);
    if !r.examples.is_empty() {
        let _ = writeln!(s, "Examples:");
        for e in &r.examples {
            let _ = writeln!(s, "  [{}] {}", e.status, e.text);
        }
        s.push('\n');
    }
    let _ = writeln!(s, "Model clause:\n{}", r.model_clause.trim());
    super::emit(None, &s)?;
    Ok(ExitStatus::Success)
}
