//! The declaration as a directed graph (buyer → supplier), with tiers from the prime.

use flowdown_core::Declaration;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// The supply graph of a declaration. Node weights are party indices (the first party with
/// each id), edge weights are link indices; links naming an undeclared party are left out.
#[derive(Debug)]
pub struct SupplyGraph<'a> {
    /// buyer → supplier edges.
    pub graph: DiGraph<usize, usize>,
    /// The node of each party id.
    pub node_of: FxHashMap<&'a str, NodeIndex>,
    /// The node of each party, in party order (a party repeating an id has the first one's).
    pub party_node: Vec<NodeIndex>,
    /// The buyer and supplier nodes of each link, in link order (`None`: not a declared id).
    pub link_nodes: Vec<(Option<NodeIndex>, Option<NodeIndex>)>,
    /// Whether a node is the buyer of some link (whatever the supplier).
    pub is_buyer: Vec<bool>,
    /// Whether a node is the supplier of some link (whatever the buyer).
    pub is_supplier: Vec<bool>,
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
        let mut node_of =
            FxHashMap::with_capacity_and_hasher(decl.parties.len(), rustc_hash::FxBuildHasher);
        let mut party_node = Vec::with_capacity(decl.parties.len());
        for (i, p) in decl.parties.iter().enumerate() {
            party_node.push(
                *node_of
                    .entry(p.id.as_str())
                    .or_insert_with(|| graph.add_node(i)),
            );
        }
        let n = graph.node_count();
        let mut is_buyer = vec![false; n];
        let mut is_supplier = vec![false; n];
        // The ids of links are looked up on all cores; the edges are added in link order.
        let mut link_nodes = Vec::with_capacity(decl.links.len());
        decl.links
            .par_iter()
            .with_min_len(4096)
            .map(|l| {
                (
                    node_of.get(l.buyer.as_str()).copied(),
                    node_of.get(l.supplier.as_str()).copied(),
                )
            })
            .collect_into_vec(&mut link_nodes);
        for (i, &(b, s)) in link_nodes.iter().enumerate() {
            if let Some(b) = b {
                is_buyer[b.index()] = true;
            }
            if let Some(s) = s {
                is_supplier[s.index()] = true;
            }
            if let (Some(b), Some(s)) = (b, s) {
                graph.add_edge(b, s, i);
            }
        }
        let prime = node_of.get(decl.contract.prime.as_str()).copied();
        let mut tier = vec![None; n];
        let mut parent = vec![None; n];
        if let Some(p) = prime {
            tier[p.index()] = Some(1);
            let mut queue = VecDeque::from([p]);
            let mut next: Vec<(usize, NodeIndex)> = Vec::new();
            while let Some(u) = queue.pop_front() {
                let t = tier[u.index()].unwrap_or(1);
                // Neighbours in link order so that chains are deterministic.
                next.clear();
                next.extend(
                    graph
                        .edges(u)
                        .map(|e| (*e.weight(), petgraph::visit::EdgeRef::target(&e))),
                );
                next.sort_unstable();
                for &(_, v) in &next {
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
            party_node,
            link_nodes,
            is_buyer,
            is_supplier,
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
        self.node_of
            .get(id)
            .map(|n| self.chain_ids(*n).into_iter().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// The chain from the prime to node `n` as borrowed ids (empty when unreachable).
    #[must_use]
    pub fn chain_ids(&self, mut n: NodeIndex) -> Vec<&'a str> {
        let Some(t) = self.tier.get(n.index()).copied().flatten() else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(usize::try_from(t).unwrap_or(0));
        out.push(self.id(n));
        while let Some(p) = self.parent[n.index()] {
            out.push(self.id(p));
            n = p;
        }
        out.reverse();
        out
    }

    /// [`Self::chain`] as a JSON array of strings, for evidence (built without a detour
    /// through `Vec<String>`).
    #[must_use]
    pub fn chain_value(&self, id: &str) -> serde_json::Value {
        self.node_of
            .get(id)
            .map_or_else(|| strings_value(&[]), |n| self.node_chain_value(*n, None))
    }

    /// The chain to node `n`, then `then` (only when `n` is reachable), as a JSON array.
    #[must_use]
    pub fn node_chain_value(&self, n: NodeIndex, then: Option<&str>) -> serde_json::Value {
        let mut ids = self.chain_ids(n);
        if let (false, Some(t)) = (ids.is_empty(), then) {
            ids.push(t);
        }
        strings_value(&ids)
    }
}

/// A JSON array of strings with exact capacity.
#[must_use]
pub(crate) fn strings_value(ids: &[&str]) -> serde_json::Value {
    let mut v = Vec::with_capacity(ids.len());
    v.extend(
        ids.iter()
            .map(|s| serde_json::Value::String((*s).to_owned())),
    );
    serde_json::Value::Array(v)
}
