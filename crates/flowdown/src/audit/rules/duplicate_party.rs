//! `duplicate-party`: two parties share an id, an identifier, or a normalised name + country.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// ## What it checks
/// No two parties may share an `id`, an identifier (same scheme and value, compared without
/// case, spaces or hyphens), or a normalised name (case, punctuation and spacing folded)
/// with the same country (a party without a country matches any country). The later party
/// is reported, with the earlier one in the evidence.
///
/// ## Why it matters
/// One organisation declared twice splits its links and attestations, so gaps hide between
/// the two entries; due diligence (para 18 of the 2023 CTHB policy) needs one identity per
/// supplier.
///
/// ## Example
/// Two parties `{ "id": "tex-1", "name": "Tekstil Uretim A.S.", "country": "TR" }` and
/// `{ "id": "tex-2", "name": "TEKSTIL URETIM AS", "country": "TR" }` fire at `$.parties[2].name`
/// with parties `tex-2`, `tex-1`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct DuplicateParty;

/// Case-, punctuation- and space-folded name: dots and apostrophes vanish (`A.S.` = `AS`),
/// other punctuation separates words.
#[must_use]
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalise_name_into(name, &mut out);
    out
}

/// [`normalise_name`] into a buffer (cleared first), so that a loop allocates once.
pub fn normalise_name_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        // The same folding byte by byte: ASCII `is_alphanumeric`/`to_lowercase` are the
        // ASCII versions.
        let mut pending_space = false;
        for b in name.bytes() {
            if matches!(b, b'.' | b'\'') {
                continue;
            }
            if b.is_ascii_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                pending_space = true;
            }
        }
        return;
    }
    let joined: String = name
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .collect();
    for w in joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Identifier compared without case, spaces or hyphens.
#[must_use]
pub fn normalise_identifier(scheme: &str, value: &str) -> String {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    format!("{}:{v}", scheme.trim().to_ascii_lowercase())
}

impl GapRule for DuplicateParty {
    fn id(&self) -> &'static str {
        "duplicate-party"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "two parties share an id, an identifier, or a normalised name + country"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        // The graph's node of a party's id is the first party with that id.
        let first_of_id = |i: usize| {
            cx.graph
                .party_node
                .get(i)
                .and_then(|n| cx.graph.graph.node_weight(*n))
                .copied()
        };
        let mut idents: FxHashMap<String, usize> = FxHashMap::default();
        // For each party whose name is compared (its id is not a repeat and its normalised
        // name is not empty): the first such party with the same hash of the normalised name
        // (checked on a hit, with `collided` for different names of one hash), found by
        // sorting (hash, party) pairs on all cores; `usize::MAX` for the others. Later parties
        // with the same name go in `more` (keyed by the first), so that a unique name costs no
        // allocation.
        let first_of_name = {
            let mut pairs: Vec<(u64, usize)> = d
                .parties
                .par_iter()
                .enumerate()
                .with_min_len(4096)
                .map_init(String::new, |buf, (i, p)| {
                    if first_of_id(i).is_some_and(|f| f != i) {
                        return None;
                    }
                    normalise_name_into(&p.name, buf);
                    (!buf.is_empty()).then(|| (rustc_hash::FxBuildHasher.hash_one(buf.as_str()), i))
                })
                .flatten()
                .collect();
            pairs.par_sort_unstable();
            let mut first = vec![usize::MAX; d.parties.len()];
            for same in pairs.chunk_by(|a, b| a.0 == b.0) {
                for &(_, i) in same {
                    first[i] = same[0].1;
                }
            }
            first
        };
        let mut collided: HashMap<String, usize> = HashMap::new();
        let mut more: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        let (mut key, mut other_key) = (String::new(), String::new());
        for (i, p) in d.parties.iter().enumerate() {
            if let Some(first) = first_of_id(i).filter(|&f| f != i) {
                out.push(cx.finding(
                    self,
                    format!("party id `{}` is declared twice", p.id),
                    cx.read.source.party(i, Some("id")),
                    vec![p.id.clone()],
                    json!({ "kind": "id", "value": p.id, "first": first }),
                ));
                continue;
            }
            let mut reported = false;
            for (k, x) in p.identifiers.iter().enumerate() {
                if x.value.trim().is_empty() {
                    continue;
                }
                let key = normalise_identifier(&x.scheme, &x.value);
                match idents.get(&key) {
                    Some(&first) if first != i => {
                        let other = d.parties.get(first).map_or("", |q| q.id.as_str());
                        if !reported {
                            out.push(cx.finding(
                                self,
                                format!(
                                    "{} and {} share the identifier {}:{}",
                                    cx.label(&p.id),
                                    cx.label(other),
                                    x.scheme,
                                    x.value
                                ),
                                cx.read.source.party(i, Some(&format!("identifiers[{k}]"))),
                                vec![p.id.clone(), other.to_owned()],
                                json!({ "kind": "identifier", "scheme": x.scheme, "value": x.value, "first": other }),
                            ));
                            reported = true;
                        }
                    }
                    Some(_) => {}
                    None => {
                        idents.insert(key, i);
                    }
                }
            }
            let f = first_of_name[i];
            if f == usize::MAX || f == i {
                // An empty name, or the first party with its hash.
                continue;
            }
            normalise_name_into(&p.name, &mut key);
            normalise_name_into(&d.parties[f].name, &mut other_key);
            let first = if other_key == key {
                f
            } else {
                match collided.entry(key.clone()) {
                    Entry::Vacant(v) => {
                        v.insert(i);
                        continue;
                    }
                    Entry::Occupied(o) => *o.get(),
                }
            };
            let same = std::iter::once(first)
                .chain(more.get(&first).into_iter().flatten().copied())
                .find(|&j| {
                    let q = d.parties.get(j).and_then(|q| q.country.as_deref());
                    match (q, p.country.as_deref()) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        _ => true,
                    }
                });
            if let (Some(j), false) = (same, reported) {
                let other = d.parties.get(j).map_or("", |q| q.id.as_str());
                out.push(cx.finding(
                    self,
                    format!(
                        "{} and {} have the same name{}",
                        cx.label(&p.id),
                        cx.label(other),
                        p.country.as_deref().map(|c| format!(" in {c}")).unwrap_or_default()
                    ),
                    cx.read.source.party(i, Some("name")),
                    vec![p.id.clone(), other.to_owned()],
                    json!({ "kind": "name", "name": key, "first": other }),
                ));
            }
            more.entry(first).or_default().push(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_name;

    /// The folding as first written (chars only), which the ASCII fast path must equal.
    fn reference(name: &str) -> String {
        let mut out = String::new();
        let joined: String = name
            .chars()
            .filter(|c| !matches!(c, '.' | '\'' | '’'))
            .collect();
        for w in joined
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
        out
    }

    #[test]
    fn ascii_fast_path_folds_like_the_general_one() {
        for name in [
            "",
            "  ",
            "Tekstil Uretim A.S.",
            "TEKSTIL URETIM AS",
            " -- O'Brien & Sons, Ltd. -- ",
            "a.b.c",
            "x--y__z",
            "Supplier 123 Ltd",
            "..",
            "Tekstil Üretim A.Ş.",
            "O’Brien",
        ] {
            assert_eq!(normalise_name(name), reference(name), "{name:?}");
        }
    }
}
