//! `undeclared-subcontractors`: a supplier's chain stops unexplained.

use crate::audit::{evidence, Context, GapRule};
use flowdown_core::{GapFinding, Severity, SubcontractorsStatus};
use petgraph::graph::NodeIndex;
use serde_json::Value;

/// ## What it checks
/// A party that is the supplier in some link, is the buyer in none, and does not say
/// `"subcontractors": "none"` is a chain that stops without explanation (`unknown`, the
/// default, or `declared` with nothing listed).
///
/// ## Why it matters
/// Para 19 of the 2023 CTHB policy asks that the terms reach sub-contractors at every tier;
/// para 18 asks for due diligence across the supply chain. Trafficking risk concentrates in
/// the lower tiers that a declaration leaves out.
///
/// ## Example
/// `{ "id": "tex-1", "name": "Tekstil Uretim A.S." }` supplying `acme` with no link of its
/// own fires at `$.parties[1]` with party `tex-1` and the chain `acme → tex-1`.
///
/// ## References
/// - `DECLARATIONS.md` (`subcontractors`); NATO CTHB policy (2023), paras 18–19.
#[derive(Debug, Clone, Copy)]
pub struct UndeclaredSubcontractors;

impl GapRule for UndeclaredSubcontractors {
    fn id(&self) -> &'static str {
        "undeclared-subcontractors"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a supplier's chain stops unexplained"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        let g = cx.graph;
        // Per node (one per id): reported already.
        let mut seen = vec![false; g.is_buyer.len()];
        for (i, p) in d.parties.iter().enumerate() {
            let id = p.id.as_str();
            let Some(n) = g.party_node.get(i).map(|n| n.index()) else {
                continue;
            };
            if !g.is_supplier[n]
                || g.is_buyer[n]
                || p.subcontractors == SubcontractorsStatus::None
                || std::mem::replace(&mut seen[n], true)
            {
                continue;
            }
            let why = match p.subcontractors {
                SubcontractorsStatus::Declared => {
                    "says its sub-contractors are declared but none are listed"
                }
                _ => "does not say whether it has sub-contractors",
            };
            out.push(cx.finding(
                self,
                format!("the chain stops at {}: it {why}", cx.label(id)),
                cx.read.source.party(i, None),
                vec![p.id.clone()],
                evidence([
                    ("subcontractors", Value::from(p.subcontractors.as_str())),
                    ("chain", g.node_chain_value(NodeIndex::new(n), None)),
                ]),
            ));
        }
    }
}
