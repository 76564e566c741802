//! Waivers: documented, expiring acceptances of a finding.
//!
//! A waiver file (TOML) lists entries:
//!
//! ```toml
//! [[waiver]]
//! requirement = "funds-use"            # a requirement id of the pack
//! path = "contracts/legacy/**"         # a glob over document paths
//! reason = "Legacy framework agreement; renegotiation due in Q3"
//! approver = "J. Doe (Procurement Legal)"
//! expires = "2026-06-30"               # last day the waiver applies
//! ```
//!
//! A waived requirement keeps its status and carries a `waiver` object (reason, approver,
//! expiry, `active`) in every format; while active it does not fail the run. From the day after
//! `expires` (compared with `--as-of`, by default today in UTC) it is `active: false`: it no
//! longer waives, and it is reported as a run note. Waivers attach only to requirements that
//! are not `satisfied`, and never to a document that could not be read (an unreadable document
//! is never compliant). The first matching entry of the file wins, an active one before an
//! expired one.
//!
//! ```
//! use flowdown::waiver::Waivers;
//! use flowdown::core::Date;
//! let w = Waivers::from_toml_str(r#"
//! [[waiver]]
//! requirement = "funds-use"
//! path = "legacy/**"
//! reason = "renegotiation due"
//! approver = "J. Doe"
//! expires = "2026-06-30"
//! "#, "waivers.toml", None).unwrap();
//! assert_eq!(w.entries().len(), 1);
//! # let _ = Date::parse("2026-01-01");
//! ```

use crate::paths::PathMatcher;
use flowdown_core::{Date, Error, ErrorKind, Report, Status, Waiver};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One entry of a waiver file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaiverEntry {
    /// The requirement id it waives.
    pub requirement: String,
    /// A glob over document paths (`**` for every document).
    pub path: String,
    /// Why the requirement is waived.
    pub reason: String,
    /// Who approved it.
    pub approver: String,
    /// The last day it applies.
    pub expires: Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverFile {
    #[serde(default)]
    waiver: Vec<WaiverEntry>,
}

/// A loaded waiver file.
#[derive(Debug, Clone)]
pub struct Waivers {
    entries: Vec<WaiverEntry>,
    matchers: Vec<PathMatcher>,
    source: String,
}

/// What applying waivers did, for run notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaiverOutcome {
    /// Results now carrying an active waiver.
    pub waived: usize,
    /// Results carrying an expired waiver (they fail as if unwaived).
    pub expired: usize,
    /// Human notes: expired waivers that matched, entries that matched nothing.
    pub notes: Vec<String>,
}

impl Waivers {
    /// Parses a waiver file. `base` is the directory relative globs are also tried against
    /// (the waiver file's directory).
    ///
    /// # Errors
    /// [`ErrorKind::Config`] naming the file, the key and the line for an unknown key, a bad
    /// date or glob, or an empty reason or approver.
    pub fn from_toml_str(src: &str, name: &str, base: Option<&Path>) -> Result<Self, Error> {
        let file: WaiverFile = toml::from_str(src).map_err(|e| {
            Error::new(ErrorKind::Config, name, e.to_string().trim_end().to_owned())
        })?;
        let mut matchers = Vec::new();
        for (i, w) in file.waiver.iter().enumerate() {
            let at = format!("waiver #{} ({})", i + 1, w.requirement);
            for (field, value) in [
                ("requirement", &w.requirement),
                ("reason", &w.reason),
                ("approver", &w.approver),
                ("path", &w.path),
            ] {
                if value.trim().is_empty() {
                    return Err(Error::new(
                        ErrorKind::Config,
                        name,
                        format!("{at}: `{field}` must not be empty"),
                    ));
                }
            }
            let m = PathMatcher::new(std::slice::from_ref(&w.path), base.map(Path::to_path_buf))
                .map_err(|m| Error::new(ErrorKind::Config, name, format!("{at}: {m}")))?;
            matchers.push(m);
        }
        Ok(Self {
            entries: file.waiver,
            matchers,
            source: name.to_owned(),
        })
    }

    /// Reads a waiver file.
    ///
    /// # Errors
    /// `not-found`/`io` for the file, [`ErrorKind::Config`] for its content.
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| Error::io(&name, &e))?;
        let base: Option<PathBuf> = path.parent().map(Path::to_path_buf);
        Self::from_toml_str(&src, &name, base.as_deref())
    }

    /// The entries in file order.
    #[must_use]
    pub fn entries(&self) -> &[WaiverEntry] {
        &self.entries
    }

    /// Checks that every entry names a requirement of the pack.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] naming the unknown id and the valid ones.
    pub fn validate(&self, pack: &crate::Pack) -> Result<(), Error> {
        for (i, w) in self.entries.iter().enumerate() {
            if pack.requirement(&w.requirement).is_none() {
                let ids: Vec<&str> = pack.requirements.iter().map(|r| r.id.as_str()).collect();
                return Err(Error::new(
                    ErrorKind::Config,
                    &self.source,
                    format!(
                        "waiver #{}: unknown requirement `{}` (pack {} has: {})",
                        i + 1,
                        w.requirement,
                        pack.id,
                        ids.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Attaches waivers to the report's results as of `as_of`.
    pub fn apply(&self, report: &mut Report, as_of: Date) -> WaiverOutcome {
        let mut out = WaiverOutcome::default();
        let mut used = vec![false; self.entries.len()];
        for d in &mut report.documents {
            if d.error.is_some() {
                continue;
            }
            let path = d.path.clone();
            for r in &mut d.requirements {
                if r.status == Status::Satisfied {
                    continue;
                }
                let matching = self
                    .entries
                    .iter()
                    .zip(&self.matchers)
                    .enumerate()
                    .filter(|(_, (w, m))| w.requirement == r.id && m.is_match(&path));
                let mut chosen: Option<usize> = None;
                for (i, (w, _)) in matching {
                    let active = as_of <= w.expires;
                    if active {
                        chosen = Some(i);
                        break;
                    }
                    chosen.get_or_insert(i);
                }
                let Some(i) = chosen else { continue };
                used[i] = true;
                let w = &self.entries[i];
                let active = as_of <= w.expires;
                r.waiver = Some(Waiver {
                    reason: w.reason.clone(),
                    approver: w.approver.clone(),
                    expires: w.expires.to_string(),
                    active,
                });
                if active {
                    out.waived += 1;
                } else {
                    out.expired += 1;
                    out.notes.push(format!(
                        "{}: the waiver of `{}` expired on {} (as of {as_of}) and no longer waives it",
                        crate::report::display_path(&path),
                        r.id,
                        w.expires
                    ));
                }
            }
        }
        for (i, w) in self.entries.iter().enumerate() {
            if !used[i] {
                out.notes.push(format!(
                    "{}: waiver #{} (`{}` for `{}`) matched no finding",
                    self.source,
                    i + 1,
                    w.requirement,
                    w.path
                ));
            }
        }
        out
    }
}

/// Today's date in UTC, the default of `--as-of` (`None` only if the clock is out of range).
#[must_use]
pub fn today() -> Option<Date> {
    Date::parse(
        &chrono::Utc::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
    )
    .ok()
}
