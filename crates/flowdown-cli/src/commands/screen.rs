//! `flowdown screen`: parties against exclusion, sanctions and forced-labour lists.

use crate::exit::ExitStatus;
use clap::ValueEnum;
use flowdown::screen::{screen_paths, MatchOptions, DEFAULT_THRESHOLD};
use std::path::PathBuf;

/// Output formats of `screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScreenFormat {
    /// Human-readable text with the reason of each match.
    Text,
    /// JSON with the full explanation of each match.
    Json,
    /// CSV, one row per match.
    Csv,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ScreenArgs {
    /// Parties: a CSV `name,country,identifiers` (optional `id`), or a supply-chain declaration.
    #[arg(value_name = "PARTIES")]
    pub(crate) parties: PathBuf,
    /// A list to screen against: CSV `name,aliases,country,identifiers,list,source`,
    /// FollowTheMoney JSON lines, or one name per line; repeatable.
    #[arg(long, required = true, value_name = "FILE")]
    pub(crate) list: Vec<PathBuf>,
    /// Lowest score reported (0–1).
    #[arg(long, value_name = "X", default_value_t = DEFAULT_THRESHOLD)]
    pub(crate) threshold: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScreenFormat::Text)]
    pub(crate) format: ScreenFormat,
    /// Write the result to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

pub(crate) fn run(args: &ScreenArgs) -> anyhow::Result<ExitStatus> {
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!("--threshold must be between 0 and 1");
    }
    let opts = MatchOptions {
        threshold: args.threshold,
        ..MatchOptions::default()
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let report = match screen_paths(&args.parties, &args.list, &opts, threads) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error[{}]: {}: {}", e.kind, e.path, e.message);
            return Ok(ExitStatus::Error);
        }
    };
    let text = match args.format {
        ScreenFormat::Text => report.to_text(),
        ScreenFormat::Json => report.to_json(),
        ScreenFormat::Csv => report.to_csv(),
    };
    super::emit(args.output.as_deref(), &text)?;
    if args.format != ScreenFormat::Text || args.output.is_some() {
        for e in &report.errors {
            eprintln!("error[{}]: {}: {}", e.kind, e.path, e.message);
        }
    }
    Ok(if !report.errors.is_empty() {
        ExitStatus::Error
    } else if report.summary.matches > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
