//! `flowdown check`.

use crate::args::{CheckArgs, FailOn, Format};
use crate::exit::ExitStatus;
use flowdown::report::{render, OutputFormat};
use flowdown::{CheckOptions, Severity};

pub(crate) fn run(args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let pack = super::load_pack(&args.pack)?;
    let opts = CheckOptions {
        supplier_terms: args.supplier_term.clone(),
        ..CheckOptions::default()
    };
    let paths = flowdown::collect_paths(&args.paths)?;
    let report = flowdown::check_paths(&pack, &paths, &opts);
    let format = match args.format {
        Format::Text => OutputFormat::Text,
        Format::Json => OutputFormat::Json,
    };
    super::emit(args.output.as_deref(), &render(&report, format))?;
    if report.has_errors() {
        return Ok(ExitStatus::Error);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| {
        report
            .documents
            .iter()
            .flat_map(|d| &d.requirements)
            .any(|r| r.fails_at(t))
    });
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
