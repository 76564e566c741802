//! `unreachable-party`: a declared party is not connected to the prime.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// Every declared party must be reachable from the prime by following links buyer →
/// supplier. Skipped when the prime itself is not declared (`unknown-party` reports that).
///
/// ## Why it matters
/// A party that hangs off no link has no flow-down path from the prime: para 19 of the 2023
/// CTHB policy (terms binding sub-contractors) cannot be shown for it, and it often marks a
/// missing link.
///
/// ## Example
/// A party `dye-9` that no link names fires at `$.parties[3]` with party `dye-9`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), paras 18–19.
#[derive(Debug, Clone, Copy)]
pub struct UnreachableParty;

impl GapRule for UnreachableParty {
    fn id(&self) -> &'static str {
        "unreachable-party"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a declared party is not connected to the prime"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let Some(prime) = cx.graph.prime else { return };
        for n in cx.graph.graph.node_indices() {
            if cx.graph.tier[n.index()].is_some() {
                continue;
            }
            let Some(&i) = cx.graph.graph.node_weight(n) else {
                continue;
            };
            let id = cx.graph.id(n);
            out.push(cx.finding(
                self,
                format!(
                    "{} is not connected to the prime {}",
                    cx.label(id),
                    cx.label(cx.graph.id(prime))
                ),
                cx.read.source.party(i, None),
                vec![id.to_owned()],
                json!({ "prime": cx.graph.id(prime) }),
            ));
        }
    }
}
