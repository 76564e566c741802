//! What a team decides about results after the judge has spoken: severity overrides from the
//! configuration file, waivers, and a baseline of accepted results. The CLI and the Python
//! bindings load and apply it the same way, so a notebook and a CI job agree on a report.
//!
//! ```
//! use flowdown::policy::{Policy, PolicySources};
//! use flowdown::{check_text, CheckOptions, Pack};
//! let pack = Pack::builtin();
//! let policy = Policy::load(&PolicySources::default(), &pack).unwrap();
//! let doc = check_text(&pack, "memo.txt", "Lunch is at noon.", &CheckOptions::default());
//! let mut report = flowdown::Report {
//!     schema_version: flowdown::Report::SCHEMA_VERSION,
//!     pack: pack.pack_ref(),
//!     documents: vec![doc],
//!     declarations: Vec::new(),
//! };
//! let notes = policy.apply(&mut report).unwrap();
//! assert!(notes.is_empty());
//! ```

use crate::config::Config;
use crate::core::Date;
use crate::waiver::Waivers;
use crate::{Error, ErrorKind, Pack, Report, Severity};
use std::path::PathBuf;

/// Where the configuration comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConfigSource {
    /// No configuration file: the defaults.
    #[default]
    None,
    /// This file (`flowdown.toml`, or a `pyproject.toml` with `[tool.flowdown]`).
    File(PathBuf),
    /// The first `flowdown.toml` or `pyproject.toml` found from this directory upwards.
    Discover(PathBuf),
}

/// The files and date a policy is loaded from.
#[derive(Debug, Clone, Default)]
pub struct PolicySources {
    /// The configuration file.
    pub config: ConfigSource,
    /// A waiver file; when `None`, the configuration's `waivers` entry (if any).
    pub waivers: Option<PathBuf>,
    /// A baseline report (JSON written by `flowdown check --format json`).
    pub baseline: Option<PathBuf>,
    /// The date waivers are judged against; `None` means today.
    pub as_of: Option<Date>,
}

/// A loaded policy: configuration, waivers and baseline, validated against a pack.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The configuration (defaults when there is no file).
    pub config: Config,
    /// The waivers, if any.
    pub waivers: Option<Waivers>,
    /// The baseline report and the path it was read from.
    pub baseline: Option<(Report, String)>,
    /// The date waivers are judged against.
    pub as_of: Date,
}

impl Policy {
    /// Loads the configuration, waivers and baseline and checks their requirement ids against
    /// `pack`.
    ///
    /// # Errors
    /// A [`ErrorKind::Config`] or read error naming the file and the cause.
    pub fn load(sources: &PolicySources, pack: &Pack) -> Result<Self, Error> {
        Self::with_config(read_config(&sources.config)?, sources, pack)
    }

    /// As [`Policy::load`], with the configuration already read (to choose the pack it names
    /// first).
    ///
    /// # Errors
    /// As [`Policy::load`].
    pub fn with_config(
        config: Config,
        sources: &PolicySources,
        pack: &Pack,
    ) -> Result<Self, Error> {
        config.validate(pack)?;
        let waivers = match (&sources.waivers, &config.waivers) {
            (Some(p), _) => Some(Waivers::from_path(p)?),
            (None, Some(p)) => Some(Waivers::from_path(&config.resolve(p))?),
            (None, None) => None,
        };
        if let Some(w) = &waivers {
            w.validate(pack)?;
        }
        let baseline = match &sources.baseline {
            Some(p) => Some((crate::baseline::load(p)?, p.display().to_string())),
            None => None,
        };
        let as_of = match sources.as_of {
            Some(d) => d,
            None => crate::waiver::today().ok_or_else(|| {
                Error::new(
                    ErrorKind::Config,
                    "<clock>",
                    "the system clock is out of range; give the date waivers are judged on",
                )
            })?,
        };
        Ok(Self {
            config,
            waivers,
            baseline,
            as_of,
        })
    }

    /// Applies severity overrides, then waivers, then the baseline. Returns the notes a
    /// human-readable report shows (expired waivers, unmatched entries, the baseline summary).
    ///
    /// # Errors
    /// A [`ErrorKind::Config`] error when an override cannot be applied.
    pub fn apply(&self, report: &mut Report) -> Result<Vec<String>, Error> {
        self.config.apply_severities(report)?;
        let mut notes = Vec::new();
        if let Some(w) = &self.waivers {
            notes.extend(w.apply(report, self.as_of).notes);
        }
        if let Some((b, path)) = &self.baseline {
            let outcome = crate::baseline::apply(report, b);
            notes.push(outcome.note(path));
        }
        Ok(notes)
    }

    /// The failure threshold: `requested` when given, else the configuration's `fail-on`,
    /// else `error`. `None` means never fail on findings.
    #[must_use]
    pub fn threshold(&self, requested: Option<Option<Severity>>) -> Option<Severity> {
        match (requested, self.config.fail_on) {
            (Some(t), _) => t,
            (None, Some(f)) => f.threshold(),
            (None, None) => crate::config::FailOn::Error.threshold(),
        }
    }
}

/// Reads the configuration a source names (the defaults for [`ConfigSource::None`] or when
/// discovery finds no file).
///
/// # Errors
/// The error of an unreadable or invalid configuration file.
pub fn read_config(source: &ConfigSource) -> Result<Config, Error> {
    Ok(match source {
        ConfigSource::None => Config::default(),
        ConfigSource::File(p) => Config::from_path(p)?,
        ConfigSource::Discover(dir) => Config::discover(dir)?.unwrap_or_default(),
    })
}
