//! The declaration as a directed graph (buyer → supplier), with tiers from the prime.

use flowdown_core::Declaration;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{HashMap, VecDeque};

/// The supply graph of a declaration. Node weights are party indices (the first party with
/// each id), edge weights are link indices; links naming an undeclared party are left out.
#[derive(Debug)]
pub struct SupplyGraph<'a> {
    /// buyer → supplier edges.
    pub graph: DiGraph<usize, usize>,
    /// The node of each party id.
    pub node_of: HashMap<&'a str, NodeIndex>,
    /// The prime's node, when the prime is a declared party.
    pub prime: Option<NodeIndex>,
    /// Tier of each node (prime = 1), `None` when not reachable from the prime.
    pub tier: Vec<Option<u32>>,
    parent: Vec<Option<NodeIndex>>,
    decl: &'a Declaration,
}

impl<'a> SupplyGraph<'a> {
    /// Builds the graph and walks it breadth-first from the prime.
    #[must_use]
    pub fn new(decl: &'a Declaration) -> Self {
        let mut graph = DiGraph::with_capacity(decl.parties.len(), decl.links.len());
        let mut node_of = HashMap::with_capacity(decl.parties.len());
        for (i, p) in decl.parties.iter().enumerate() {
            node_of
                .entry(p.id.as_str())
                .or_insert_with(|| graph.add_node(i));
        }
        for (i, l) in decl.links.iter().enumerate() {
            if let (Some(b), Some(s)) = (
                node_of.get(l.buyer.as_str()),
                node_of.get(l.supplier.as_str()),
            ) {
                graph.add_edge(*b, *s, i);
            }
        }
        let prime = node_of.get(decl.contract.prime.as_str()).copied();
        let n = graph.node_count();
        let mut tier = vec![None; n];
        let mut parent = vec![None; n];
        if let Some(p) = prime {
            tier[p.index()] = Some(1);
            let mut queue = VecDeque::from([p]);
            while let Some(u) = queue.pop_front() {
                let t = tier[u.index()].unwrap_or(1);
                // Neighbours in link order so that chains are deterministic.
                let mut next: Vec<(usize, NodeIndex)> = graph
                    .edges(u)
                    .map(|e| (*e.weight(), petgraph::visit::EdgeRef::target(&e)))
                    .collect();
                next.sort_unstable();
                for (_, v) in next {
                    if tier[v.index()].is_none() {
                        tier[v.index()] = Some(t + 1);
                        parent[v.index()] = Some(u);
                        queue.push_back(v);
                    }
                }
            }
        }
        Self {
            graph,
            node_of,
            prime,
            tier,
            parent,
            decl,
        }
    }

    /// The party id of a node.
    #[must_use]
    pub fn id(&self, n: NodeIndex) -> &'a str {
        self.graph
            .node_weight(n)
            .and_then(|i| self.decl.parties.get(*i))
            .map_or("", |p| p.id.as_str())
    }

    /// Tier of a party id (prime = 1), when reachable.
    #[must_use]
    pub fn tier_of(&self, id: &str) -> Option<u32> {
        self.node_of.get(id).and_then(|n| self.tier[n.index()])
    }

    /// The shortest chain of party ids from the prime to `id` (empty when unreachable).
    #[must_use]
    pub fn chain(&self, id: &str) -> Vec<String> {
        let Some(mut n) = self.node_of.get(id).copied() else {
            return Vec::new();
        };
        if self.tier[n.index()].is_none() {
            return Vec::new();
        }
        let mut out = vec![self.id(n).to_owned()];
        while let Some(p) = self.parent[n.index()] {
            out.push(self.id(p).to_owned());
            n = p;
        }
        out.reverse();
        out
    }
}
