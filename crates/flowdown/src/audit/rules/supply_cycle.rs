//! `supply-cycle`: the links form a cycle.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde_json::json;
use std::collections::{HashSet, VecDeque};

/// ## What it checks
/// The links (buyer → supplier) must not form a cycle. Each strongly connected group of
/// parties (or a party supplying itself) is one finding, at the first link inside it, with
/// one cycle path as evidence.
///
/// ## Why it matters
/// A cycle makes tiers meaningless (a sub-contractor is also the buyer's buyer) and usually
/// means an error in the declaration; due diligence (para 18 of the 2023 CTHB policy) cannot
/// say how far the terms reached.
///
/// ## Example
/// Links `acme → tex-1`, `tex-1 → spin-3`, `spin-3 → tex-1` fire at `$.links[1]` with parties
/// `tex-1`, `spin-3` and the cycle `tex-1 → spin-3 → tex-1`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct SupplyCycle;

impl GapRule for SupplyCycle {
    fn id(&self) -> &'static str {
        "supply-cycle"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the links form a cycle"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let g = &cx.graph.graph;
        for scc in petgraph::algo::tarjan_scc(g) {
            let members: HashSet<NodeIndex> = scc.iter().copied().collect();
            let edges: Vec<(usize, NodeIndex, NodeIndex)> = scc
                .iter()
                .flat_map(|n| g.edges(*n))
                .filter(|e| members.contains(&e.target()))
                .map(|e| (*e.weight(), e.source(), e.target()))
                .collect();
            let Some(&(first_link, from, to)) = edges.iter().min() else {
                continue;
            };
            // One cycle: the first link, then the shortest way back inside the group.
            let mut path = vec![from];
            path.extend(shortest(cx, &members, to, from));
            let cycle: Vec<String> = path.iter().map(|n| cx.graph.id(*n).to_owned()).collect();
            let mut parties: Vec<(usize, String)> = scc
                .iter()
                .map(|n| {
                    (
                        g.node_weight(*n).copied().unwrap_or(0),
                        cx.graph.id(*n).to_owned(),
                    )
                })
                .collect();
            parties.sort();
            out.push(cx.finding(
                self,
                format!("the links form a cycle: {}", cycle.join(" → ")),
                cx.read.source.link(first_link, None),
                parties.into_iter().map(|(_, id)| id).collect(),
                json!({ "cycle": cycle }),
            ));
        }
    }
}

/// Nodes from `start` to `goal` (both included) inside `members`, by BFS in link order.
fn shortest(
    cx: &Context<'_>,
    members: &HashSet<NodeIndex>,
    start: NodeIndex,
    goal: NodeIndex,
) -> Vec<NodeIndex> {
    let g = &cx.graph.graph;
    let mut prev = std::collections::HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = HashSet::from([start]);
    while let Some(u) = queue.pop_front() {
        if u == goal {
            break;
        }
        let mut next: Vec<(usize, NodeIndex)> = g
            .edges(u)
            .filter(|e| members.contains(&e.target()))
            .map(|e| (*e.weight(), e.target()))
            .collect();
        next.sort_unstable();
        for (_, v) in next {
            if seen.insert(v) {
                prev.insert(v, u);
                queue.push_back(v);
            }
        }
    }
    let mut path = vec![goal];
    let mut n = goal;
    while n != start {
        match prev.get(&n) {
            Some(p) => {
                path.push(*p);
                n = *p;
            }
            None => break,
        }
    }
    path.reverse();
    path
}
