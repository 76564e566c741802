//! `partial-flowdown`: the attestation omits requirements of severity error in the pack.

use crate::audit::{Context, GapRule};
use flowdown_core::{FlowdownRequirements, GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// A `flowdown.requirements` list (rather than `"all"`) must include every requirement of
/// severity `error` in the pack (`nato-cthb-2023` by default). The finding lists the omitted
/// ids, and any listed id the pack does not know.
///
/// ## Why it matters
/// Para 19 of the 2023 CTHB policy asks that the anti-trafficking terms bind sub-contractors,
/// not a chosen subset of them: a sub-contract that omits the prohibition or the remedies
/// leaves that tier outside the policy.
///
/// ## Example
/// `"flowdown": { "requirements": ["prohibition"], "attested_at": "2026-02-10" }` fires at
/// `$.links[0].flowdown.requirements` with the other error-severity ids in the evidence.
///
/// ## References
/// - `DECLARATIONS.md`; the pack's requirement ids (`REQUIREMENTS.md`).
/// - NATO CTHB policy (2023), para 19.
#[derive(Debug, Clone, Copy)]
pub struct PartialFlowdown;

impl GapRule for PartialFlowdown {
    fn id(&self) -> &'static str {
        "partial-flowdown"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the attestation omits requirements of severity error in the pack"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, l) in cx.decl().links.iter().enumerate() {
            let Some(FlowdownRequirements::Only(ids)) =
                l.flowdown.as_ref().map(|f| &f.requirements)
            else {
                continue;
            };
            let missing: Vec<&str> = cx
                .pack
                .requirements
                .iter()
                .filter(|r| r.severity == Severity::Error && !ids.contains(&r.id))
                .map(|r| r.id.as_str())
                .collect();
            if missing.is_empty() {
                continue;
            }
            let unknown: Vec<&str> = ids
                .iter()
                .filter(|id| cx.pack.requirement(id).is_none())
                .map(String::as_str)
                .collect();
            out.push(cx.finding(
                self,
                format!(
                    "the flow-down from {} to {} omits {}",
                    cx.label(&l.buyer),
                    cx.label(&l.supplier),
                    missing.join(", ")
                ),
                cx.read.source.link(i, Some("flowdown.requirements")),
                vec![l.buyer.clone(), l.supplier.clone()],
                json!({ "missing": missing, "unknown": unknown, "chain": cx.link_chain_value(i) }),
            ));
        }
    }
}
