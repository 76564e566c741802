//! `missing-flowdown`: a link has no flow-down attestation.

use crate::audit::{evidence, Context, GapRule};
use flowdown_core::{GapFinding, Severity};

/// ## What it checks
/// Every link (`links[]`) must carry a `flowdown` attestation saying which anti-trafficking
/// requirements the buyer flowed down to the supplier. A link without one is a finding. OCDS
/// and OMTSF imports cannot carry attestations, so each of their links is reported here.
///
/// ## Why it matters
/// NATO's 2023 CTHB policy, para 19, asks for anti-trafficking terms that bind
/// sub-contractors; para 18 asks for due diligence in supply-chain management. A tier that
/// never received the terms is where the obligation stops.
///
/// ## Example
/// ```json
/// { "buyer": "acme", "supplier": "tex-1" }
/// ```
/// fires at `$.links[0]` with parties `acme`, `tex-1`.
///
/// ## References
/// - `DECLARATIONS.md`, gap rule table.
/// - NATO Policy on Combating Trafficking in Human Beings (2023), paras 18–19.
/// - FAR 52.222-50(h) (flow-down of the trafficking clause to subcontracts).
#[derive(Debug, Clone, Copy)]
pub struct MissingFlowdown;

impl GapRule for MissingFlowdown {
    fn id(&self) -> &'static str {
        "missing-flowdown"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a link has no flow-down attestation"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, l) in cx.decl().links.iter().enumerate() {
            if l.flowdown.is_some() {
                continue;
            }
            out.push(cx.finding(
                self,
                format!(
                    "no flow-down attestation on the link {} → {}",
                    cx.label(&l.buyer),
                    cx.label(&l.supplier)
                ),
                cx.read.source.link(i, None),
                vec![l.buyer.clone(), l.supplier.clone()],
                evidence([("chain", cx.link_chain_value(i))]),
            ));
        }
    }
}
