//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// flowdown: checks that contracts and supply chains keep human trafficking out.
#[derive(Debug, Parser)]
#[command(name = "flowdown", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check contract documents against the requirement pack.
    Check(CheckArgs),
    /// Audit supply-chain declarations: flow-down attestations, tiers, identifiers, gaps.
    Audit(crate::commands::audit::AuditArgs),
    /// Screen parties against exclusion, sanctions and forced-labour lists.
    Screen(crate::commands::screen::ScreenArgs),
    /// List the requirements of the pack.
    Rules(RulesArgs),
    /// Explain one requirement: source paragraph, what satisfies it, examples, model clause.
    Explain(ExplainArgs),
}

/// When a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Fail when a requirement of severity error is not satisfied.
    Error,
    /// Fail on errors and warnings.
    Warning,
    /// Never fail for findings (operational errors still exit 2).
    Never,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Human-readable text.
    Text,
    /// The JSON contract.
    Json,
}

/// Output formats of `check` (every report emitter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// Human-readable text with annotated source snippets.
    Text,
    /// The JSON contract.
    Json,
    /// One JSON object per document, one per line.
    JsonLines,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// JUnit XML (CI test dashboards).
    Junit,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// A Markdown summary for pull requests.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, clap::Args)]
pub(crate) struct PackArg {
    /// A requirement pack (TOML) instead of the built-in `nato-cthb-2023`.
    #[arg(long, value_name = "FILE.toml")]
    pub(crate) pack: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files or directories (searched recursively).
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) pack: PackArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub(crate) format: ReportFormat,
    /// Lowest severity that makes the run fail (exit 1) [default: the config's, else error].
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Only check files whose path matches one of these globs (directories only; replaces the
    /// config's `include`).
    #[arg(long, value_name = "GLOB")]
    pub(crate) include: Vec<String>,
    /// Skip files whose path matches one of these globs (directories only; adds to the config's
    /// `exclude`).
    #[arg(long, value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
    /// Another name of the supplying party (e.g. `Vendor`, `PNC`); repeatable.
    #[arg(long, value_name = "TERM")]
    pub(crate) supplier_term: Vec<String>,
    /// Judge each PATH as one contract made of several files: a directory of core terms,
    /// schedules and exhibits, or a `flowdown-bundle.txt` manifest listing them. One clause
    /// index spans the files; evidence names the file.
    #[arg(long)]
    pub(crate) bundle: bool,
    /// Largest document read, in bytes (default 64 MiB); larger files are a `limit-exceeded`
    /// error entry.
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_file_size: Option<u64>,
    /// Most entries in a DOCX/ODT zip container (default 10,000).
    #[arg(long, value_name = "N")]
    pub(crate) max_zip_entries: Option<usize>,
    /// Largest uncompressed size of a zip container's entries, in bytes (default 512 MiB).
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_uncompressed_size: Option<u64>,
    /// Deepest XML/HTML element nesting (default 256).
    #[arg(long, value_name = "N")]
    pub(crate) max_xml_depth: Option<usize>,
    /// Configuration file [default: `flowdown.toml` or `[tool.flowdown]` in `pyproject.toml`,
    /// looked for from the working directory upwards].
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long, conflicts_with = "config")]
    pub(crate) no_config: bool,
    /// Waiver file (TOML `[[waiver]]` entries) [default: the config's `waivers`].
    #[arg(long, value_name = "FILE")]
    pub(crate) waivers: Option<PathBuf>,
    /// The date waivers are judged against (YYYY-MM-DD) [default: today, UTC].
    #[arg(long, value_name = "DATE")]
    pub(crate) as_of: Option<String>,
    /// A previous JSON report: report only what is new or worse than in it.
    #[arg(long, value_name = "FILE.json")]
    pub(crate) baseline: Option<PathBuf>,
    /// Documents checked in parallel (0 = one per core); output is identical for every value.
    #[arg(long, short, value_name = "N", default_value_t = 1)]
    pub(crate) jobs: usize,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    #[command(flatten)]
    pub(crate) pack: PackArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// Requirement id, e.g. `subcontractor-flowdown`.
    pub(crate) id: String,
    #[command(flatten)]
    pub(crate) pack: PackArg,
}
