//! `future-attestation`: `attested_at` is after the as-of date.

use crate::audit::{evidence, Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::Value;

/// ## What it checks
/// A link's `flowdown.attested_at` must not be after the as-of date: an attestation dated in
/// the future was not in force on that date (or the date is a typo).
///
/// ## Why it matters
/// Para 18 of the 2023 CTHB policy asks for due diligence as things stand; a post-dated
/// attestation claims a flow-down that had not happened yet.
///
/// ## Example
/// `"attested_at": "2026-09-01"` audited `--as-of 2026-06-01` fires at
/// `$.links[0].flowdown.attested_at`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct FutureAttestation;

impl GapRule for FutureAttestation {
    fn id(&self) -> &'static str {
        "future-attestation"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "attested_at is after the as-of date"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, l) in cx.decl().links.iter().enumerate() {
            let Some(at) = l.flowdown.as_ref().map(|f| f.attested_at) else {
                continue;
            };
            if at <= cx.opts.as_of {
                continue;
            }
            out.push(cx.finding(
                self,
                format!(
                    "the flow-down from {} to {} is attested on {at}, after {}",
                    cx.label(&l.buyer),
                    cx.label(&l.supplier),
                    cx.opts.as_of
                ),
                cx.read.source.link(i, Some("flowdown.attested_at")),
                vec![l.buyer.clone(), l.supplier.clone()],
                evidence([
                    ("attested_at", Value::String(at.to_string())),
                    ("as_of", Value::String(cx.opts.as_of.to_string())),
                    ("chain", cx.link_chain_value(i)),
                ]),
            ));
        }
    }
}
