//! `high-risk-sourcing`: a party's country × good is on the risk table.

use crate::audit::graph::strings_value;
use crate::audit::screening::RiskMatch;
use crate::audit::{evidence, Context, GapRule};
use flowdown_core::{DeclarationLocation, GapFinding, Severity};
use petgraph::graph::NodeIndex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;
use std::borrow::Cow;

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
        let d = &cx.read.declaration;
        // The table is looked up once per distinct (country, good): a declaration repeats a
        // few pairs across all its parties.
        let mut st = State {
            memo: FxHashMap::default(),
            seen: FxHashSet::default(),
        };
        for (i, p) in d.parties.iter().enumerate() {
            let Some(c) = &p.country else { continue };
            for g in &p.goods {
                st.emit(self, cx, out, &p.id, c, g, || {
                    cx.read.source.party(i, Some("goods"))
                });
            }
        }
        for (i, l) in d.links.iter().enumerate() {
            if l.goods.is_empty() {
                continue;
            }
            let Some(p) = cx
                .graph
                .link_nodes
                .get(i)
                .and_then(|(_, s)| *s)
                .and_then(|n| cx.graph.graph.node_weight(n))
                .and_then(|i| d.parties.get(*i))
            else {
                continue;
            };
            let Some(c) = &p.country else { continue };
            for g in &l.goods {
                st.emit(self, cx, out, &p.id, c, g, || {
                    cx.read.source.link(i, Some("goods"))
                });
            }
        }
    }
}

struct State<'d> {
    /// Table answers by (country, good) as declared.
    memo: FxHashMap<(&'d str, &'d str), Option<RiskMatch>>,
    /// (party node, lower-cased good) already reported.
    seen: FxHashSet<(Option<NodeIndex>, Cow<'d, str>)>,
}

impl<'d> State<'d> {
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        rule: &HighRiskSourcing,
        cx: &Context<'_>,
        out: &mut Vec<GapFinding>,
        id: &str,
        country: &'d str,
        good: &'d str,
        loc: impl FnOnce() -> DeclarationLocation,
    ) {
        let m = self
            .memo
            .entry((country, good))
            .or_insert_with(|| cx.opts.risk.lookup(country, good));
        let Some(m) = m else { return };
        let node = cx.graph.node_of.get(id).copied();
        if !self.seen.insert((node, lower(good))) {
            return;
        }
        let chain = node.map_or_else(
            || strings_value(&[]),
            |n| cx.graph.node_chain_value(n, None),
        );
        out.push(cx.finding(
            rule,
            format!(
                "{} in {country} supplies {good}, listed as at risk of forced or child labour",
                cx.label(id)
            ),
            loc(),
            vec![id.to_owned()],
            evidence([
                ("country", Value::String(m.country.clone())),
                ("good", Value::String(m.good.clone())),
                ("source", Value::String(m.source.clone())),
                ("chain", chain),
            ]),
        ));
    }
}

/// Lower case, borrowed when there is nothing to fold (the common ASCII case).
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}
