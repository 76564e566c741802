//! The screening module behind the audit rules `listed-party` and `high-risk-sourcing`:
//! [`FuzzyListScreen`] implements [`PartyScreen`] with the [`Screener`], and [`RiskTable`]
//! implements [`RiskLookup`] (the built-in ILAB table, or a user's).

use super::lists::{read_list, Identifier};
use super::matcher::{MatchOptions, Party, Screener};
use super::report::why;
use super::risk::RiskTable;
use crate::audit::screening::{ListMatch, PartyScreen, RiskLookup, RiskMatch};
use flowdown_core::Result;
use std::path::PathBuf;

/// Fuzzy screening of declaration parties against lists (CSV, FollowTheMoney JSON lines, plain).
#[derive(Debug)]
pub struct FuzzyListScreen {
    screener: Screener,
    opts: MatchOptions,
}

impl FuzzyListScreen {
    /// A screen over an indexed list.
    #[must_use]
    pub fn new(screener: Screener, opts: MatchOptions) -> Self {
        Self { screener, opts }
    }

    /// Reads and indexes list files.
    ///
    /// # Errors
    /// The first unreadable file or bad row.
    pub fn from_paths(paths: &[PathBuf], opts: MatchOptions) -> Result<Self> {
        let lists = paths
            .iter()
            .map(|p| read_list(p))
            .collect::<Result<Vec<_>>>()?;
        Ok(Self::new(Screener::new(lists), opts))
    }
}

/// Converts a declaration party.
#[must_use]
pub fn party_of(p: &flowdown_core::Party) -> Party {
    Party {
        id: Some(p.id.clone()),
        name: p.name.clone(),
        countries: p
            .country
            .iter()
            .filter_map(|c| super::country::country_code(c))
            .map(str::to_string)
            .collect(),
        identifiers: p
            .identifiers
            .iter()
            .map(|i| Identifier::new(&i.scheme, &i.value))
            .collect(),
    }
}

impl PartyScreen for FuzzyListScreen {
    fn screen(&self, party: &flowdown_core::Party) -> Vec<ListMatch> {
        if party.name.trim().is_empty() && party.identifiers.is_empty() {
            return Vec::new();
        }
        self.screener
            .screen(&party_of(party), &self.opts)
            .into_iter()
            .map(|m| ListMatch {
                list: m.entry.list.clone(),
                entry: m.entry.name.clone(),
                score: m.score,
                why: why(&m),
                source: m
                    .entry
                    .source
                    .clone()
                    .unwrap_or_else(|| m.entry.origin.clone()),
            })
            .collect()
    }
}

impl RiskLookup for RiskTable {
    fn lookup(&self, country: &str, good: &str) -> Option<RiskMatch> {
        let hit = RiskTable::lookup(self, country, good).into_iter().next()?;
        let e = &hit.entry;
        Some(RiskMatch {
            country: e.country.clone(),
            good: e.good.clone(),
            source: format!(
                "{} — {}; good matched {} as {:?}",
                e.source,
                e.labour().join(", "),
                hit.how,
                hit.declared_good
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{audit_paths, AuditOptions};
    use crate::Pack;
    use flowdown_core::Date;
    use std::path::Path;
    use std::sync::Arc;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/declarations")
    }

    fn audit(decl: &str, list: &str, risk: Option<RiskTable>) -> Vec<flowdown_core::GapFinding> {
        let dir = std::env::temp_dir().join(format!(
            "flowdown-seam-{}-{}",
            std::process::id(),
            list.len()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let lp = dir.join("list.csv");
        std::fs::write(&lp, list).unwrap();
        let mut opts = AuditOptions::new(Date::parse("2026-06-01").unwrap());
        opts.screen =
            Arc::new(FuzzyListScreen::from_paths(&[lp], MatchOptions::default()).unwrap());
        if let Some(r) = risk {
            opts.risk = Arc::new(r);
        }
        let report = audit_paths(&Pack::builtin(), &[fixtures().join(decl)], &opts);
        report.declarations[0].findings.clone()
    }

    #[test]
    fn listed_party_fires_on_a_fuzzy_match_with_the_explanation() {
        // A transliterated, typo'd, reordered entry of `Anadolu Iplik Sanayi A.S.` (spin-3, TR).
        let list = "name,aliases,country,identifiers,list,source\n\
                    Sanayi Anadolu Iplek Anonim Sirketi,,Turkey,,demo-forced-labour,test\n\
                    Unrelated Holdings Ltd,,TR,,demo-forced-labour,test\n";
        let f: Vec<_> = audit("listed-party/fires.json", list, None)
            .into_iter()
            .filter(|f| f.rule == "listed-party")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parties, ["spin-3"]);
        assert_eq!(f[0].location.json_path.as_deref(), Some("$.parties[2]"));
        let why = f[0].evidence["why"].as_str().unwrap();
        assert!(why.contains("iplik≈iplek 0.86"), "{why}");
        assert!(
            why.contains("legal forms dropped as|anonim sirketi"),
            "{why}"
        );
        assert!(why.contains("country +0.02"), "{why}");
        assert!(f[0].evidence["score"].as_f64().unwrap() >= crate::screen::DEFAULT_THRESHOLD);
    }

    #[test]
    fn listed_party_is_silent_on_another_country_and_on_near_names() {
        let list = "name,aliases,country,identifiers,list,source\n\
                    Anadolu Iplik Sanayi A.S.,,CN,,demo,test\n\
                    Anadolu Dokuma Sanayi,,TR,,demo,test\n";
        let f = audit("listed-party/fires.json", list, None);
        assert!(f.iter().all(|f| f.rule != "listed-party"), "{f:?}");
    }

    #[test]
    fn high_risk_sourcing_uses_the_builtin_ilab_table() {
        let list = "name\nNobody At All\n";
        let f: Vec<_> = audit(
            "high-risk-sourcing/fires.json",
            list,
            Some(RiskTable::builtin()),
        )
        .into_iter()
        .filter(|f| f.rule == "high-risk-sourcing")
        .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].parties, ["tex-1"]);
        assert_eq!(f[0].evidence["good"], "Cotton");
        assert_eq!(f[0].evidence["country"], "Turkey (Türkiye)");
        let src = f[0].evidence["source"].as_str().unwrap();
        assert!(
            src.starts_with("ILAB 2022 — child labor; good matched exact"),
            "{src}"
        );
        // A user table replaces it.
        let user =
            RiskTable::parse_csv("country,good\nDE,warehousing\n", "mine.csv", None).unwrap();
        let f: Vec<_> = audit("high-risk-sourcing/fires.json", list, Some(user))
            .into_iter()
            .filter(|f| f.rule == "high-risk-sourcing")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parties, ["log-2"]);
    }
}
