//! `flowdown check`: configuration → paths → (parallel) judgement → severity overrides →
//! waivers → baseline → render → exit code.

use crate::args::{CheckArgs, FailOn, ReportFormat};
use crate::exit::ExitStatus;
use flowdown::core::Date;
use flowdown::policy::{read_config, ConfigSource, Policy, PolicySources};
use flowdown::report::{render_with, OutputFormat, RenderContext};
use flowdown::{CheckOptions, Pack, Severity};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

/// A batch at least this long gets a progress bar (when stderr is a terminal).
const PROGRESS_MIN_DOCUMENTS: usize = 20;

fn output_format(f: ReportFormat) -> OutputFormat {
    match f {
        ReportFormat::Text => OutputFormat::Text,
        ReportFormat::Json => OutputFormat::Json,
        ReportFormat::JsonLines => OutputFormat::JsonLines,
        ReportFormat::Sarif => OutputFormat::Sarif,
        ReportFormat::Junit => OutputFormat::Junit,
        ReportFormat::Github => OutputFormat::Github,
        ReportFormat::Markdown => OutputFormat::Markdown,
        ReportFormat::Html => OutputFormat::Html,
    }
}

fn policy_sources(args: &CheckArgs) -> anyhow::Result<PolicySources> {
    let config = if args.no_config {
        ConfigSource::None
    } else if let Some(p) = &args.config {
        ConfigSource::File(p.clone())
    } else {
        ConfigSource::Discover(std::env::current_dir()?)
    };
    let as_of = match &args.as_of {
        Some(s) => Some(Date::parse(s).map_err(|m| anyhow::anyhow!("--as-of: {m}"))?),
        None => None,
    };
    Ok(PolicySources {
        config,
        waivers: args.waivers.clone(),
        baseline: args.baseline.clone(),
        as_of,
    })
}

pub(crate) fn run(args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let sources = policy_sources(args)?;
    // The configuration may name the pack; the policy is validated against the pack in use.
    let config = read_config(&sources.config)?;
    let pack = match (&args.pack.pack, &config.pack) {
        (Some(_), _) | (None, None) => super::load_pack(&args.pack)?,
        (None, Some(p)) => Pack::from_path(&config.resolve(p))?,
    };
    let policy = Policy::with_config(config, &sources, &pack)?;
    let config = &policy.config;

    let mut opts = CheckOptions {
        supplier_terms: args.supplier_term.clone(),
        ..CheckOptions::default()
    };
    let limits = &mut opts.read.limits;
    if let Some(n) = args.max_file_size {
        limits.max_file_size = n;
    }
    if let Some(n) = args.max_zip_entries {
        limits.max_zip_entries = n;
    }
    if let Some(n) = args.max_uncompressed_size {
        limits.max_total_uncompressed = n;
        limits.max_entry_size = limits.max_entry_size.min(n);
    }
    if let Some(n) = args.max_xml_depth {
        limits.max_xml_depth = n;
    }
    let (include, exclude) = config.matchers(&args.include, &args.exclude)?;
    let paths = flowdown::paths::collect_filtered(&args.paths, &include, &exclude)?;

    let progress =
        (paths.len() >= PROGRESS_MIN_DOCUMENTS && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(paths.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} checking {pos}/{len} documents [{bar:30}] {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        });
    let done = AtomicU64::new(0);
    let on_done = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &progress {
            bar.set_position(n);
        }
    };
    let mut report = if args.bundle {
        flowdown::core::Report {
            schema_version: flowdown::core::Report::SCHEMA_VERSION,
            pack: pack.pack_ref(),
            documents: args
                .paths
                .iter()
                .map(|p| flowdown::check_bundle(&pack, p, &opts))
                .collect(),
            declarations: Vec::new(),
        }
    } else {
        flowdown::check_paths_parallel(&pack, &paths, &opts, args.jobs, &on_done)
    };
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    let run_notes = policy.apply(&mut report)?;

    let format = output_format(args.format);
    // Colour only for text to a terminal, and never with NO_COLOR set.
    let color = format == OutputFormat::Text
        && args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let ctx = RenderContext {
        pack: Some(&pack),
        run_notes,
        color,
    };
    super::emit(args.output.as_deref(), &render_with(&report, format, &ctx))?;
    if report.has_errors() {
        return Ok(ExitStatus::Error);
    }
    let threshold = policy.threshold(args.fail_on.map(|f| match f {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    }));
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
