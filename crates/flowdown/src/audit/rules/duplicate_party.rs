//! `duplicate-party`: two parties share an id, an identifier, or a normalised name + country.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;
use std::collections::HashMap;

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
        let mut ids: HashMap<&str, usize> = HashMap::with_capacity(d.parties.len());
        let mut idents: HashMap<String, usize> = HashMap::new();
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in d.parties.iter().enumerate() {
            if let Some(&first) = ids.get(p.id.as_str()) {
                out.push(cx.finding(
                    self,
                    format!("party id `{}` is declared twice", p.id),
                    cx.read.source.party(i, Some("id")),
                    vec![p.id.clone()],
                    json!({ "kind": "id", "value": p.id, "first": first }),
                ));
                continue;
            }
            ids.insert(p.id.as_str(), i);
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
            let key = normalise_name(&p.name);
            if key.is_empty() {
                continue;
            }
            let entry = names.entry(key).or_default();
            let same = entry.iter().copied().find(|&j| {
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
                    json!({ "kind": "name", "name": normalise_name(&p.name), "first": other }),
                ));
            }
            entry.push(i);
        }
    }
}
