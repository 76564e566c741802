//! Requirements, statuses and severities.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The status of one requirement in one document. Ordered from best to worst support as the
/// reading rules combine them: `satisfied` > `weak` > `removed` > `missing`; `excluded` is
/// decided separately (an exclusion that reaches the requirement wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Binding language and nothing that empties it.
    Satisfied,
    /// Present but hedged or limited in scope.
    Weak,
    /// The document waives, disclaims or carves out the obligation.
    Excluded,
    /// Only in tracked-change deletions or struck-through text.
    Removed,
    /// Nothing found.
    Missing,
}

impl Status {
    /// All statuses in report order.
    pub const ALL: [Status; 5] = [
        Status::Satisfied,
        Status::Weak,
        Status::Excluded,
        Status::Removed,
        Status::Missing,
    ];

    /// The public id.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Satisfied => "satisfied",
            Self::Weak => "weak",
            Self::Excluded => "excluded",
            Self::Removed => "removed",
            Self::Missing => "missing",
        }
    }

    /// Rank for "best provision wins": higher is better support.
    #[must_use]
    pub const fn support_rank(self) -> u8 {
        match self {
            Self::Satisfied => 4,
            Self::Weak => 3,
            Self::Removed => 2,
            Self::Excluded => 1,
            Self::Missing => 0,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a failing requirement or finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Fails the run at the default threshold.
    Error,
    /// Reported; fails the run with `--fail-on warning`.
    Warning,
    /// Informational only.
    Info,
}

impl Severity {
    /// The public id.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
