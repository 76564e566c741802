//! `flowdown audit`: supply-chain declarations against the gap rules.

use crate::args::{FailOn, Format, PackArg};
use crate::exit::ExitStatus;
use flowdown::audit::{self, AuditOptions};
use flowdown::screen::{FuzzyListScreen, MatchOptions, RiskTable};
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
    /// An exclusion/sanctions/forced-labour list (CSV name,aliases,country,identifiers,list,source;
    /// FollowTheMoney JSON lines; or one name per line); repeatable.
    #[arg(long, value_name = "FILE")]
    pub(crate) list: Vec<PathBuf>,
    /// Lowest screening score reported by `listed-party` (0–1).
    #[arg(long, value_name = "X", default_value_t = flowdown::screen::DEFAULT_THRESHOLD)]
    pub(crate) threshold: f64,
    /// A country × good risk table (CSV country,good[,source]) replacing the built-in US DOL
    /// ILAB 2022 list.
    #[arg(long, value_name = "FILE")]
    pub(crate) risk_table: Option<PathBuf>,
    /// Add `--risk-table` to the built-in ILAB list instead of replacing it.
    #[arg(long, requires = "risk_table")]
    pub(crate) extend_risk_table: bool,
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
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!("--threshold must be between 0 and 1");
    }
    if !args.list.is_empty() {
        let m = MatchOptions {
            threshold: args.threshold,
            ..MatchOptions::default()
        };
        opts.screen = Arc::new(FuzzyListScreen::from_paths(&args.list, m)?);
    }
    opts.risk = Arc::new(match &args.risk_table {
        Some(t) if args.extend_risk_table => {
            let mut table = RiskTable::builtin();
            table.extend(RiskTable::from_path(t)?);
            table
        }
        Some(t) => RiskTable::from_path(t)?,
        None => RiskTable::builtin(),
    });
    let report = flowdown::audit_paths(&pack, &args.declarations, &opts);
    // Streamed through a buffer: a large audit (250k findings) is never held as one string.
    super::emit_with(args.output.as_deref(), |w| match args.format {
        Format::Json => flowdown::report::write_json(w, &report),
        _ => audit::write_text(w, &report),
    })?;
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
    // The process ends next: freeing a large report (millions of strings) one by one would
    // only delay the exit.
    std::mem::forget(report);
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
