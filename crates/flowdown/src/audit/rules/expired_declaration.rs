//! `expired-declaration`: the declaration's `valid_until` is before the as-of date.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// The declaration's own `valid_until` must not be before the as-of date.
///
/// ## Why it matters
/// Para 18 of the 2023 CTHB policy asks for supply-chain due diligence that is current; an
/// expired declaration says nothing about the chain today.
///
/// ## Example
/// `"valid_until": "2026-02-28"` audited `--as-of 2026-06-01` fires at `$.valid_until`
/// with the prime as party.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct ExpiredDeclaration;

impl GapRule for ExpiredDeclaration {
    fn id(&self) -> &'static str {
        "expired-declaration"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the declaration's valid_until is before the as-of date"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        let Some(until) = d.valid_until else { return };
        if until >= cx.opts.as_of {
            return;
        }
        out.push(cx.finding(
            self,
            format!(
                "declaration {} of {} expired on {until} (as of {})",
                d.declaration_id,
                cx.label(&d.contract.prime),
                cx.opts.as_of
            ),
            cx.read.source.field("valid_until"),
            vec![d.contract.prime.clone()],
            json!({ "valid_until": until, "as_of": cx.opts.as_of }),
        ));
    }
}
