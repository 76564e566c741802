//! Results: evidence, per-requirement results, per-document reports and the report itself.
//! The serialised form is the public JSON contract (snake_case keys, deterministic order).

use crate::{ErrorKind, Format, Severity, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a piece of evidence stands and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the start in the normalised text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// 1-based line in the normalised text.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Clause number (`12.3(a)`), where known.
    pub clause: Option<String>,
    /// Heading or clause title above it, where known.
    pub heading: Option<String>,
    /// The matched text (the sentence or provision that decided).
    pub text: String,
    /// File of a bundle (or the document's own path).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based page (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 0-based paragraph index in the source file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The tracked change this text sits in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<EvidenceRevision>,
}

/// A revision mark attached to evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRevision {
    /// `deleted`, `inserted`, `moved-from`, `moved-to`, `struck`.
    pub kind: crate::RevisionKind,
    /// Author, where recorded.
    pub author: Option<String>,
    /// Date, where recorded.
    pub date: Option<String>,
}

/// A documented, expiring waiver attached to a requirement result (it never changes the status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    /// Why the requirement is waived.
    pub reason: String,
    /// Who approved it.
    pub approver: String,
    /// ISO date after which it no longer waives.
    pub expires: String,
    /// False when expired as of the run's date.
    pub active: bool,
}

/// The judgement of one requirement in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementResult {
    /// The requirement id of the pack (e.g. `subcontractor-flowdown`).
    pub id: String,
    /// The status.
    pub status: Status,
    /// The requirement's severity from the pack (after overrides).
    pub severity: Severity,
    /// Decisive evidence first. Empty only for `missing`.
    pub evidence: Vec<Evidence>,
    /// One line saying why (e.g. `hedged: "reasonable endeavours"`).
    pub reason: String,
    /// Notes for a reviewer (incorporation by reference, unaccepted insertions, …).
    pub notes: Vec<String>,
    /// A waiver, when one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
}

impl RequirementResult {
    /// True when this result fails at the given severity threshold (waivers taken into account).
    #[must_use]
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.status != Status::Satisfied
            && self.severity <= threshold
            && !self.waiver.as_ref().is_some_and(|w| w.active)
    }
}

/// An operational error as written in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Stable id of the error.
    pub kind: ErrorKind,
    /// What went wrong.
    pub message: String,
}

impl From<&crate::Error> for ErrorInfo {
    fn from(e: &crate::Error) -> Self {
        Self {
            kind: e.kind,
            message: e.message.clone(),
        }
    }
}

/// Counts and the overall verdict for one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Summary {
    /// True when every requirement of severity `error` is `satisfied` (never for an error).
    pub compliant: bool,
    /// Number of requirements per status (every status present, in status order).
    pub counts: BTreeMap<Status, usize>,
}

impl Summary {
    /// Summary of a list of results.
    #[must_use]
    pub fn of(results: &[RequirementResult]) -> Self {
        let mut counts: BTreeMap<Status, usize> = Status::ALL.iter().map(|s| (*s, 0)).collect();
        for r in results {
            *counts.entry(r.status).or_default() += 1;
        }
        let compliant = !results.is_empty()
            && results
                .iter()
                .filter(|r| r.severity == Severity::Error)
                .all(|r| r.status == Status::Satisfied);
        Self { compliant, counts }
    }
}

/// The result for one document (or one bundle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// The path as given.
    pub path: String,
    /// Detected format; `None` when unreadable.
    pub format: Option<Format>,
    /// The error, if the document could not be read or judged.
    pub error: Option<ErrorInfo>,
    /// One result per requirement of the pack, in pack order (empty on error).
    pub requirements: Vec<RequirementResult>,
    /// Counts and verdict.
    pub summary: Summary,
}

impl DocumentReport {
    /// A report entry for a document that could not be read.
    #[must_use]
    pub fn failed(path: impl Into<String>, format: Option<Format>, err: &crate::Error) -> Self {
        Self {
            path: path.into(),
            format,
            error: Some(err.into()),
            requirements: Vec::new(),
            summary: Summary {
                compliant: false,
                counts: Status::ALL.iter().map(|s| (*s, 0)).collect(),
            },
        }
    }
}

/// The pack a report was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRef {
    /// Pack id, e.g. `nato-cthb-2023`.
    pub id: String,
    /// Pack version.
    pub version: String,
}

/// A whole report: the JSON contract's root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Version of this JSON contract.
    pub schema_version: u32,
    /// The pack used.
    pub pack: PackRef,
    /// Contract documents in input order.
    pub documents: Vec<DocumentReport>,
    /// Supply-chain declarations (present only for `audit`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<crate::DeclarationReport>,
}

impl Report {
    /// The current JSON contract version.
    pub const SCHEMA_VERSION: u32 = 1;

    /// True when any document or declaration could not be read.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.documents.iter().any(|d| d.error.is_some())
            || self.declarations.iter().any(|d| d.error.is_some())
    }
}
