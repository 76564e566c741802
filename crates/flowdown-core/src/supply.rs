//! Parties, roles, supply links and declaration findings. Fleshed out by the declarations work.

use crate::{ErrorInfo, Severity};
use serde::{Deserialize, Serialize};

/// The role of a party in a contract or supply chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "role")]
#[non_exhaustive]
pub enum Role {
    /// The buying organisation.
    Buyer,
    /// The prime contractor (tier 1 supplier of the buyer).
    Contractor,
    /// A sub-contractor at tier `tier` (2 = sub-contractor of the prime).
    Subcontractor {
        /// Distance from the buyer (prime = 1).
        tier: u32,
    },
}

/// Where a declaration finding stands in its file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeclarationLocation {
    /// JSON path (`$.links[3].flowdown`) for JSON and OCDS/OMTSF inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_path: Option<String>,
    /// 1-based row for CSV (the header is row 1) and XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Sheet (XLSX) or file (CSV folder) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Cell reference (`B4`) for XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// One gap found in a declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapFinding {
    /// The gap rule id (e.g. `missing-flowdown`).
    pub rule: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// One sentence naming the parties and the gap.
    pub message: String,
    /// Where it is.
    pub location: DeclarationLocation,
    /// Party ids involved.
    pub parties: Vec<String>,
    /// Rule-specific evidence (chain from the prime, match explanation, failing requirements…).
    pub evidence: serde_json::Value,
}

/// Counts for one declaration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeclarationSummary {
    /// Number of parties read.
    pub parties: usize,
    /// Number of links read.
    pub links: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

/// The audit result of one declaration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeclarationReport {
    /// The path as given.
    pub path: String,
    /// `json`, `csv`, `xlsx`, `ocds`, `omtsf`.
    pub format: Option<String>,
    /// The error, if it could not be read.
    pub error: Option<ErrorInfo>,
    /// Findings sorted by location, then rule id.
    pub findings: Vec<GapFinding>,
    /// Counts.
    pub summary: DeclarationSummary,
}

impl Eq for DeclarationReport {}
