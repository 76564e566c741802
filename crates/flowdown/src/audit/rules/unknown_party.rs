//! `unknown-party`: a link names a party id that is not declared.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// Each link's `buyer` and `supplier`, and `contract.prime`, must be the id of a declared
/// party.
///
/// ## Why it matters
/// Due diligence (para 18 of the 2023 CTHB policy) needs to know who each supplier is: an
/// undeclared id cannot be screened, identified or followed down the chain.
///
/// ## Example
/// `{ "buyer": "acme", "supplier": "ghost" }` with no party `ghost` fires at
/// `$.links[0].supplier` with parties `acme`, `ghost`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct UnknownParty;

impl GapRule for UnknownParty {
    fn id(&self) -> &'static str {
        "unknown-party"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a link names a party id that is not declared"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        if cx.graph.prime.is_none() {
            out.push(cx.finding(
                self,
                format!("the prime `{}` is not a declared party", d.contract.prime),
                cx.read.source.field("contract.prime"),
                vec![d.contract.prime.clone()],
                json!({ "field": "contract.prime", "id": d.contract.prime }),
            ));
        }
        for (i, (l, (b, s))) in d.links.iter().zip(&cx.graph.link_nodes).enumerate() {
            if b.is_some() && s.is_some() {
                continue;
            }
            for (field, id, known) in [
                ("buyer", &l.buyer, b.is_some()),
                ("supplier", &l.supplier, s.is_some()),
            ] {
                if known {
                    continue;
                }
                out.push(cx.finding(
                    self,
                    format!(
                        "the link {} → {} names `{id}` as {field}, which is not a declared party",
                        l.buyer, l.supplier
                    ),
                    cx.read.source.link(i, Some(field)),
                    vec![l.buyer.clone(), l.supplier.clone()],
                    json!({ "field": field, "id": id }),
                ));
            }
        }
    }
}
