//! Obligation judgement.
//!
//! For each requirement the judge finds candidate provisions, then decides with reasons:
//! 1. The unit of analysis is a sentence or list item of an operative provision, read with the
//!    lead-in that governs it (`The Supplier shall: … (c) not use forced labour`).
//! 2. Each detector asks whether the unit talks about its requirement (content cues) and is
//!    linked to trafficking (in the unit, its provision, a heading above it, or a clause it
//!    cross-references).
//! 3. Modality decides the strength: exclusion ("shall not be required to") → `excluded`;
//!    hedge ("reasonable endeavours") → `weak`; binding language → `satisfied`. A negated act
//!    ("shall not engage") is a prohibition, not an exclusion.
//! 4. The bound party must be the supplier (or both parties, or an impersonal rule); buyer
//!    rights (termination, sanctions) must belong to the buyer.
//! 5. Chains take the weakest link: provisions reached through a hedged incorporation
//!    ("reasonable endeavours to comply with Schedule 5") are weak; "Subject to clause 22" where
//!    clause 22 excludes is excluded.
//! 6. The document takes its best provision (`satisfied` > `weak`), except that an exclusion
//!    reaching the requirement wins unless the obligation applies notwithstanding it. Text found
//!    only in tracked deletions gives `removed`.
//! 7. Recognised references (FAR 52.222-50, …) satisfy what they cover, with a note.

mod cues;
mod detect;
pub(crate) mod gate;
pub(crate) mod lexicon;
mod parties;
mod structure;
mod units;

pub use lexicon::Lexicon;

use crate::Pack;
use flowdown_core::{Document, RequirementResult, Status};

/// The built-in detectors a pack requirement can use.
pub const DETECTORS: &[&str] = &[
    "prohibition",
    "support-facilitation",
    "subcontractor-flowdown",
    "remediation",
    "termination",
    "sanctions",
    "due-diligence",
    "funds-use",
    "definition",
    "reporting",
    "non-retaliation",
];

/// Options of the judge.
#[derive(Debug, Clone, Default)]
pub struct JudgeOptions {
    /// Extra names of the supplying party.
    pub supplier_terms: Vec<String>,
    /// Reads every wanted provision, without the shortcuts that prove a document holds
    /// nothing to read (the results are the same; for tests that compare both paths).
    #[doc(hidden)]
    pub exhaustive: bool,
}

/// Judges every requirement of `pack` on `doc`, in pack order.
#[must_use]
pub fn judge(pack: &Pack, doc: &Document, opts: &JudgeOptions) -> Vec<RequirementResult> {
    let lex = pack.lexicon();
    detect::judge_document(pack, &lex, doc, opts)
}

/// What the gate decides for a document (see [`gate`]). `doc` may be unsegmented: its
/// provision titles, when it has them, are read too.
pub(crate) fn gate(pack: &Pack, doc: &Document) -> gate::Verdict {
    let lex = pack.lexicon();
    lex.gate.verdict(
        &lex.anchors,
        &doc.text,
        doc.provisions.iter().filter_map(|p| p.title.as_deref()),
        !doc.revisions.is_empty(),
    )
}

/// The result when a document has nothing to judge: every requirement `missing`.
pub(crate) fn missing(pack: &Pack) -> Vec<RequirementResult> {
    pack.requirements
        .iter()
        .map(|r| RequirementResult {
            id: r.id.clone(),
            status: Status::Missing,
            severity: r.severity,
            evidence: Vec::new(),
            reason: "no provision found".into(),
            notes: Vec::new(),
            waiver: None,
        })
        .collect()
}
