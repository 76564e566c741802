//! The result of `flowdown screen` and its renderings (text, JSON, CSV).
//!
//! JSON: `{"threshold", "lists":[{"path","entries","skipped"}], "errors":[{"kind","path","message"}],
//! "parties":[{"id","name","countries","matches":[{"score","entry":{…},"explanation":{…}}]}],
//! "summary":{"parties","parties_matched","matches"}}`. Parties without a match are listed with
//! an empty `matches` in JSON and left out of text and CSV.

use super::matcher::{Match, Party};
use flowdown_core::Error;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A list as read.
#[derive(Debug, Clone, Serialize)]
pub struct ListInfo {
    /// Path as given.
    pub path: String,
    /// Entries read.
    pub entries: usize,
    /// FollowTheMoney entities of other schemata, by schema.
    pub skipped: BTreeMap<String, usize>,
}

/// One screened party.
#[derive(Debug, Clone, Serialize)]
pub struct PartyResult {
    /// The party.
    #[serde(flatten)]
    pub party: Party,
    /// Matches, best first.
    pub matches: Vec<Match>,
}

/// Counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScreenSummary {
    /// Parties screened.
    pub parties: usize,
    /// Parties with at least one match.
    pub parties_matched: usize,
    /// Matches in all.
    pub matches: usize,
}

/// The whole result.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenReport {
    /// Threshold used.
    pub threshold: f64,
    /// Lists read.
    pub lists: Vec<ListInfo>,
    /// Operational errors (unreadable lists or parties file).
    pub errors: Vec<Error>,
    /// Parties in input order.
    pub parties: Vec<PartyResult>,
    /// Counts.
    pub summary: ScreenSummary,
}

impl ScreenReport {
    /// Builds a report from parties and their matches.
    #[must_use]
    pub fn new(
        threshold: f64,
        lists: Vec<ListInfo>,
        errors: Vec<Error>,
        parties: Vec<Party>,
        matches: Vec<Vec<Match>>,
    ) -> Self {
        let parties: Vec<PartyResult> = parties
            .into_iter()
            .zip(matches)
            .map(|(party, matches)| PartyResult { party, matches })
            .collect();
        let summary = ScreenSummary {
            parties: parties.len(),
            parties_matched: parties.iter().filter(|p| !p.matches.is_empty()).count(),
            matches: parties.iter().map(|p| p.matches.len()).sum(),
        };
        Self {
            threshold,
            lists,
            errors,
            parties,
            summary,
        }
    }

    /// JSON (pretty).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// Human-readable text.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for e in &self.errors {
            let _ = writeln!(s, "error[{}]: {}: {}", e.kind, e.path, e.message);
        }
        for p in self.parties.iter().filter(|p| !p.matches.is_empty()) {
            let id = p
                .party
                .id
                .as_deref()
                .map(|i| format!(" [{i}]"))
                .unwrap_or_default();
            let c = if p.party.countries.is_empty() {
                String::new()
            } else {
                format!(" ({})", p.party.countries.join(", "))
            };
            let _ = writeln!(s, "{}{c}{id}", p.party.name);
            for m in &p.matches {
                let _ = writeln!(
                    s,
                    "  {:.3}  {} — list {}, {}{}",
                    m.score,
                    m.entry.name,
                    m.entry.list,
                    m.entry.origin,
                    if m.entry.countries.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", m.entry.countries.join(", "))
                    }
                );
                let _ = writeln!(s, "         why: {}", why(m));
            }
        }
        let _ = writeln!(
            s,
            "{} parties screened against {} entries in {} list(s) at threshold {:.2}: {} matched ({} matches){}",
            self.summary.parties,
            self.lists.iter().map(|l| l.entries).sum::<usize>(),
            self.lists.len(),
            self.threshold,
            self.summary.parties_matched,
            self.summary.matches,
            if self.errors.is_empty() {
                String::new()
            } else {
                format!(", {} error(s)", self.errors.len())
            }
        );
        s
    }

    /// CSV: one row per match.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "party_id",
            "party_name",
            "party_country",
            "score",
            "entry_id",
            "entry_name",
            "matched_name",
            "list",
            "entry_country",
            "origin",
            "why",
        ]);
        for p in &self.parties {
            for m in &p.matches {
                let _ = w.write_record([
                    p.party.id.as_deref().unwrap_or(""),
                    &p.party.name,
                    &p.party.countries.join(";"),
                    &format!("{:.3}", m.score),
                    &m.entry.id,
                    &m.entry.name,
                    &m.explanation.entry_name,
                    &m.entry.list,
                    &m.entry.countries.join(";"),
                    &m.entry.origin,
                    &why(m),
                ]);
            }
        }
        w.into_inner()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

/// One line saying why a match scored as it did.
#[must_use]
pub fn why(m: &Match) -> String {
    let x = &m.explanation;
    let mut parts = Vec::new();
    if let Some(id) = &x.parts.identifier_match {
        parts.push(format!("identifier {id}"));
    }
    parts.push(format!(
        "{:?} ~ {:?}",
        x.party_normalized, x.entry_normalized
    ));
    if x.via_alias {
        parts.push(format!("alias {:?}", x.entry_name));
    }
    let toks: Vec<String> = x
        .tokens_matched
        .iter()
        .map(|t| {
            if (t.similarity - 1.0).abs() < f64::EPSILON {
                t.party.clone()
            } else {
                format!("{}≈{} {:.2}", t.party, t.entry, t.similarity)
            }
        })
        .collect();
    if !toks.is_empty() {
        parts.push(format!("tokens {}", toks.join(", ")));
    }
    if !x.party_tokens_unmatched.is_empty() || !x.entry_tokens_unmatched.is_empty() {
        parts.push(format!(
            "unmatched {}|{}",
            x.party_tokens_unmatched.join(" "),
            x.entry_tokens_unmatched.join(" ")
        ));
    }
    if !x.legal_forms_dropped.party.is_empty() || !x.legal_forms_dropped.entry.is_empty() {
        parts.push(format!(
            "legal forms dropped {}|{}",
            x.legal_forms_dropped.party.join(" "),
            x.legal_forms_dropped.entry.join(" ")
        ));
    }
    parts.push(format!(
        "name {:.3} (tokens {:.3}, characters {:.3})",
        x.parts.name, x.parts.tokens, x.parts.characters
    ));
    for (label, v) in [
        ("country", x.parts.country),
        ("legal form", x.parts.legal_form),
        ("identifier conflict", x.parts.identifier),
    ] {
        if v != 0.0 {
            parts.push(format!("{label} {v:+.2}"));
        }
    }
    parts.join("; ")
}
