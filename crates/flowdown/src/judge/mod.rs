//! Obligation judgement: candidate provisions per requirement, then a decision with reasons.

use crate::Pack;
use flowdown_core::{Document, RequirementResult, Status};

/// Judges every requirement of `pack` on `doc`, in pack order. Placeholder: all missing.
#[must_use]
pub fn judge(pack: &Pack, _doc: &Document) -> Vec<RequirementResult> {
    pack.requirements
        .iter()
        .map(|r| RequirementResult {
            id: r.id.clone(),
            status: Status::Missing,
            severity: r.severity,
            evidence: Vec::new(),
            reason: "nothing found".into(),
            notes: Vec::new(),
            waiver: None,
        })
        .collect()
}
