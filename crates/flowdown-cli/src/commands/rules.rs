//! `flowdown rules`.

use crate::args::{Format, RulesArgs};
use crate::exit::ExitStatus;
use std::fmt::Write;

pub(crate) fn run(args: &RulesArgs) -> anyhow::Result<ExitStatus> {
    let pack = super::load_pack(&args.pack)?;
    let text = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "pack": {"id": pack.id, "version": pack.version, "title": pack.title},
                "requirements": pack.requirements,
            }))?;
            s.push('\n');
            s
        }
        Format::Text => {
            let mut s = format!("{} {} — {}\n", pack.id, pack.version, pack.title);
            for r in &pack.requirements {
                let _ = writeln!(
                    s,
                    "{:<22} {:<8} {:<10} {}",
                    r.id,
                    r.severity.as_str(),
                    r.source,
                    r.summary
                );
            }
            s
        }
    };
    super::emit(None, &text)?;
    Ok(ExitStatus::Success)
}
