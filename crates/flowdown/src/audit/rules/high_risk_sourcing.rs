//! `high-risk-sourcing`: a party's country × good is on the risk table.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;
use std::collections::HashSet;

/// ## What it checks
/// For each party with a country, each good it declares (`parties[].goods`) and each good it
/// supplies on a link (`links[].goods`) is looked up in the risk table. This version uses the
/// user's own table (`--risk-table FILE`, CSV `country,good`, exact case-insensitive match);
/// the screening module upgrades it to the built-in US DOL ILAB list by swapping
/// [`crate::audit::AuditOptions::risk`]. One finding per party and good.
///
/// ## Why it matters
/// Para 18 of the 2023 CTHB policy asks for risk-based due diligence: goods known to be made
/// with forced or child labour in a country are where the chain needs a closer look.
///
/// ## Example
/// A party `{ "id": "tex-1", "country": "TR", "goods": ["cotton"] }` with a table row
/// `TR,cotton` fires at `$.parties[1].goods` with party `tex-1`.
///
/// ## References
/// - US DOL ILAB, List of Goods Produced by Child Labor or Forced Labor (TVPRA list).
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct HighRiskSourcing;

impl GapRule for HighRiskSourcing {
    fn id(&self) -> &'static str {
        "high-risk-sourcing"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a party's country × good is on the risk table"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        let mut seen: HashSet<(&str, String)> = HashSet::new();
        let mut emit = |out: &mut Vec<GapFinding>, id: &str, country: &str, good: &str, loc| {
            let Some(m) = cx.opts.risk.lookup(country, good) else {
                return;
            };
            if !seen.insert((
                cx.graph.node_of.get_key_value(id).map_or("", |(k, _)| *k),
                good.to_lowercase(),
            )) {
                return;
            }
            out.push(cx.finding(
                self,
                format!("{} in {country} supplies {good}, listed as at risk of forced or child labour", cx.label(id)),
                loc,
                vec![id.to_owned()],
                json!({ "country": m.country, "good": m.good, "source": m.source, "chain": cx.graph.chain(id) }),
            ));
        };
        for (i, p) in d.parties.iter().enumerate() {
            let Some(c) = &p.country else { continue };
            for g in &p.goods {
                emit(out, &p.id, c, g, cx.read.source.party(i, Some("goods")));
            }
        }
        for (i, l) in d.links.iter().enumerate() {
            let Some(p) = cx
                .graph
                .node_of
                .get(l.supplier.as_str())
                .and_then(|n| cx.graph.graph.node_weight(*n))
                .and_then(|i| d.parties.get(*i))
            else {
                continue;
            };
            let Some(c) = &p.country else { continue };
            for g in &l.goods {
                emit(out, &p.id, c, g, cx.read.source.link(i, Some("goods")));
            }
        }
    }
}
