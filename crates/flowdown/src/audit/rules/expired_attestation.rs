//! `expired-attestation`: the attestation's `valid_until` is before the as-of date.

use crate::audit::{evidence, Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::Value;

/// ## What it checks
/// A link's `flowdown.valid_until` must not be before the as-of date (`--as-of`, default
/// today). An attestation without `valid_until` does not expire.
///
/// ## Why it matters
/// Para 18 of the 2023 CTHB policy asks for due diligence that is kept up; an attestation
/// that has lapsed no longer shows that the terms bind the supplier today.
///
/// ## Example
/// `"valid_until": "2026-02-10"` audited `--as-of 2026-06-01` fires at
/// `$.links[0].flowdown.valid_until`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct ExpiredAttestation;

impl GapRule for ExpiredAttestation {
    fn id(&self) -> &'static str {
        "expired-attestation"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the attestation's valid_until is before the as-of date"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, l) in cx.decl().links.iter().enumerate() {
            let Some(until) = l.flowdown.as_ref().and_then(|f| f.valid_until) else {
                continue;
            };
            if until >= cx.opts.as_of {
                continue;
            }
            out.push(cx.finding(
                self,
                format!(
                    "the flow-down attestation from {} to {} expired on {until} (as of {})",
                    cx.label(&l.buyer),
                    cx.label(&l.supplier),
                    cx.opts.as_of
                ),
                cx.read.source.link(i, Some("flowdown.valid_until")),
                vec![l.buyer.clone(), l.supplier.clone()],
                evidence([
                    ("valid_until", Value::String(until.to_string())),
                    ("as_of", Value::String(cx.opts.as_of.to_string())),
                    ("chain", cx.link_chain_value(i)),
                ]),
            ));
        }
    }
}
