//! `flowdown audit`: supply-chain declarations against the gap rules.

use crate::args::{FailOn, Format, PackArg};
use crate::exit::ExitStatus;
use flowdown::audit::screening::{ExactListScreen, UserRiskTable};
use flowdown::audit::{self, AuditOptions};
use flowdown::Severity;
use flowdown_core::Date;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub(crate) struct AuditArgs {
    /// Declarations: native JSON, a CSV folder (or its files), XLSX, OCDS or OMTSF JSON.
    #[arg(required = true, value_name = "DECLARATION")]
    pub(crate) declarations: Vec<PathBuf>,
    /// Contracts whose named sub-contractors are compared with the declarations.
    #[arg(long, value_name = "DIR")]
    pub(crate) contracts: Option<PathBuf>,
    /// Run every date rule as of this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub(crate) as_of: Option<String>,
    #[command(flatten)]
    pub(crate) pack: PackArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub(crate) fail_on: FailOn,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// An exclusion/sanctions/forced-labour list (CSV name,aliases,country,identifiers,list,source); repeatable.
    #[arg(long, value_name = "FILE")]
    pub(crate) list: Vec<PathBuf>,
    /// A country × good risk table (CSV country,good).
    #[arg(long, value_name = "FILE")]
    pub(crate) risk_table: Option<PathBuf>,
}

pub(crate) fn run(args: &AuditArgs) -> anyhow::Result<ExitStatus> {
    let pack = super::load_pack(&args.pack)?;
    let as_of = match &args.as_of {
        Some(s) => Date::parse(s).map_err(|e| anyhow::anyhow!("--as-of: {e}"))?,
        None => audit::today(),
    };
    let mut opts = AuditOptions::new(as_of);
    if let Some(dir) = &args.contracts {
        if !dir.exists() {
            anyhow::bail!("--contracts: {} does not exist", dir.display());
        }
        opts.contracts = flowdown::collect_paths(std::slice::from_ref(dir))?;
    }
    if !args.list.is_empty() {
        opts.screen = Arc::new(ExactListScreen::from_paths(&args.list)?);
    }
    if let Some(t) = &args.risk_table {
        opts.risk = Arc::new(UserRiskTable::from_path(t)?);
    }
    let report = flowdown::audit_paths(&pack, &args.declarations, &opts);
    let text = match args.format {
        Format::Json => flowdown::report::render_json(&report),
        _ => audit::render_text(&report),
    };
    super::emit(args.output.as_deref(), &text)?;
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
            .declarations
            .iter()
            .flat_map(|d| &d.findings)
            .any(|f| f.severity <= t)
    });
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
