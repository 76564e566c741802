//! Every gap rule fires on its fixture and stays silent on its silent twin and on the clean
//! declaration (audited as of 2026-06-01), with exact rule ids, locations and parties; the
//! same declaration as JSON, CSV and XLSX gives the same findings; the real OCDS samples give
//! plausible findings.

use flowdown::audit::screening::{ExactListScreen, UserRiskTable};
use flowdown::audit::{audit_path, AuditOptions, RULES};
use flowdown::Pack;
use flowdown_core::{Date, DeclarationReport, GapFinding};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fx(rel: &str) -> PathBuf {
    repo().join("fixtures/declarations").join(rel)
}

fn as_of() -> Date {
    Date::parse("2026-06-01").unwrap()
}

/// Options a rule's fixtures need (lists, risk table, contracts).
fn opts_for(rule: &str, silent: bool) -> AuditOptions {
    let mut o = AuditOptions::new(as_of());
    match rule {
        "listed-party" => {
            let list = if silent {
                "listed-party/list-silent.csv"
            } else {
                "listed-party/list.csv"
            };
            o.screen = Arc::new(ExactListScreen::from_paths(&[fx(list)]).unwrap());
        }
        "high-risk-sourcing" => {
            o.risk =
                Arc::new(UserRiskTable::from_path(&fx("high-risk-sourcing/risk.csv")).unwrap());
        }
        "undeclared-subcontractor-in-contract" => {
            o.contracts = vec![fx(
                "undeclared-subcontractor-in-contract/contracts/prime-contract.txt",
            )];
        }
        _ => {}
    }
    o
}

fn pack_for(rule: &str, silent: bool) -> Pack {
    if rule == "subcontract-noncompliant" && silent {
        // Only warnings: any readable document is compliant (no requirement of severity error).
        let mut p = Pack::builtin();
        for r in &mut p.requirements {
            r.severity = flowdown::Severity::Warning;
        }
        p
    } else {
        Pack::builtin()
    }
}

fn audit(rule: &str, file: &str, silent: bool) -> DeclarationReport {
    let r = audit_path(
        &pack_for(rule, silent),
        &fx(&format!("{rule}/{file}")),
        &opts_for(rule, silent),
    );
    assert!(r.error.is_none(), "{rule}/{file}: {:?}", r.error);
    r
}

fn key(f: &GapFinding) -> (String, String, Vec<String>) {
    (
        f.rule.clone(),
        f.location.json_path.clone().unwrap_or_default(),
        f.parties.clone(),
    )
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// (rule, [(json path, parties)]) for each `fires.json`.
type Expected = Vec<(&'static str, Vec<(&'static str, Vec<String>)>)>;

fn expected() -> Expected {
    vec![
        (
            "missing-flowdown",
            vec![("$.links[1]", s(&["tex-1", "spin-3"]))],
        ),
        (
            "partial-flowdown",
            vec![("$.links[0].flowdown.requirements", s(&["acme", "tex-1"]))],
        ),
        (
            "expired-attestation",
            vec![("$.links[2].flowdown.valid_until", s(&["acme", "log-2"]))],
        ),
        (
            "future-attestation",
            vec![("$.links[1].flowdown.attested_at", s(&["tex-1", "spin-3"]))],
        ),
        ("expired-declaration", vec![("$.valid_until", s(&["acme"]))]),
        (
            "undeclared-subcontractors",
            vec![("$.parties[2]", s(&["spin-3"]))],
        ),
        (
            "unknown-party",
            vec![("$.links[3].supplier", s(&["tex-1", "ghost-7"]))],
        ),
        (
            "duplicate-party",
            vec![("$.parties[4].name", s(&["tex-2", "tex-1"]))],
        ),
        (
            "supply-cycle",
            vec![("$.links[1]", s(&["tex-1", "spin-3"]))],
        ),
        ("unreachable-party", vec![("$.parties[4]", s(&["dye-9"]))]),
        (
            "invalid-identifier",
            vec![
                ("$.parties[0].identifiers[0]", s(&["acme"])),
                ("$.parties[3].country", s(&["log-2"])),
            ],
        ),
        (
            "listed-party",
            vec![
                ("$.parties[1]", s(&["tex-1"])),
                ("$.parties[2]", s(&["spin-3"])),
            ],
        ),
        (
            "high-risk-sourcing",
            vec![("$.parties[1].goods", s(&["tex-1"]))],
        ),
        (
            "subcontract-noncompliant",
            vec![("$.links[0].flowdown.document", s(&["acme", "tex-1"]))],
        ),
        (
            "undeclared-subcontractor-in-contract",
            vec![("$.contract", s(&["acme"]))],
        ),
    ]
}

#[test]
fn every_rule_fires_on_its_fixture_and_nothing_else() {
    let table = expected();
    assert_eq!(table.len(), RULES.len(), "one expectation per rule");
    for (rule, want) in table {
        let r = audit(rule, "fires.json", false);
        let got: Vec<_> = r.findings.iter().map(key).collect();
        let want: Vec<_> = want
            .into_iter()
            .map(|(p, parties)| (rule.to_owned(), p.to_owned(), parties))
            .collect();
        assert_eq!(got, want, "{rule}/fires.json");
    }
}

#[test]
fn every_rule_is_silent_on_its_twin_and_on_the_clean_declaration() {
    for r in RULES {
        let rep = audit(r.id(), "silent.json", true);
        assert!(
            rep.findings.is_empty(),
            "{}/silent.json: {:#?}",
            r.id(),
            rep.findings
        );
        // The clean declaration with this rule's inputs (lists, table) too; the fixture
        // contract names a sub-contractor the clean declaration does not list.
        if r.id() == "undeclared-subcontractor-in-contract" {
            continue;
        }
        let clean = audit_path(
            &pack_for(r.id(), true),
            &fx("clean/clean.json"),
            &opts_for(r.id(), true),
        );
        assert!(
            clean.findings.is_empty(),
            "clean with {}: {:#?}",
            r.id(),
            clean.findings
        );
    }
    for p in ["clean/clean.json", "clean/csv", "clean/clean.xlsx"] {
        let r = audit_path(&Pack::builtin(), &fx(p), &AuditOptions::new(as_of()));
        assert!(r.error.is_none() && r.findings.is_empty(), "{p}: {r:#?}");
        assert_eq!((r.summary.parties, r.summary.links), (4, 3));
    }
}

#[test]
fn evidence_and_messages_name_parties_and_chains() {
    let r = audit("missing-flowdown", "fires.json", false);
    let f = &r.findings[0];
    assert_eq!(
        f.evidence["chain"],
        serde_json::json!(["acme", "tex-1", "spin-3"])
    );
    assert!(
        f.message
            .contains("tex-1 (Tekstil Uretim A.S.) → spin-3 (Anadolu Iplik Sanayi A.S.)"),
        "{}",
        f.message
    );
    let r = audit("supply-cycle", "fires.json", false);
    assert_eq!(
        r.findings[0].evidence["cycle"],
        serde_json::json!(["tex-1", "spin-3", "tex-1"])
    );
    let r = audit("partial-flowdown", "fires.json", false);
    assert_eq!(
        r.findings[0].evidence["missing"],
        serde_json::json!([
            "support-facilitation",
            "remediation",
            "termination",
            "sanctions",
            "due-diligence",
            "funds-use"
        ])
    );
    let r = audit("listed-party", "fires.json", false);
    assert_eq!(r.findings[0].evidence["why"], "identifier duns:314159265");
    assert_eq!(r.findings[1].evidence["list"], "demo-forced-labour");
    let r = audit("undeclared-subcontractor-in-contract", "fires.json", false);
    assert_eq!(r.findings[0].evidence["name"], "Dye Works GmbH");
    assert_eq!(r.findings[0].evidence["line"], 6);
    let r = audit("subcontract-noncompliant", "fires.json", false);
    assert!(r.findings[0].evidence["failing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == "prohibition"));
}

#[test]
fn as_of_moves_every_date_rule() {
    // Before the attestation and declaration dates expire nothing, and the future
    // attestation is in the past as of 2026-10-01.
    let early = AuditOptions::new(Date::parse("2026-01-01").unwrap());
    let r = audit_path(
        &Pack::builtin(),
        &fx("expired-attestation/fires.json"),
        &early,
    );
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules, ["future-attestation"; 3],
        "attested 2026-02-10, after 2026-01-01"
    );
    let late = AuditOptions::new(Date::parse("2026-10-01").unwrap());
    let r = audit_path(
        &Pack::builtin(),
        &fx("future-attestation/fires.json"),
        &late,
    );
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = audit_path(
        &Pack::builtin(),
        &fx("expired-declaration/fires.json"),
        &AuditOptions::new(Date::parse("2026-02-28").unwrap()),
    );
    assert!(r.findings.iter().all(|f| f.rule != "expired-declaration"));
}

/// Findings without locations, in a canonical order.
fn content(r: &DeclarationReport) -> Vec<(String, Vec<String>, String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.parties.clone(),
                f.message.clone(),
                f.evidence.to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn json_csv_and_xlsx_give_identical_findings() {
    let pack = Pack::builtin();
    let o = AuditOptions::new(as_of());
    let json = audit_path(&pack, &fx("mixed/mixed.json"), &o);
    let csv = audit_path(&pack, &fx("mixed/csv"), &o);
    let xlsx = audit_path(&pack, &fx("mixed/mixed.xlsx"), &o);
    assert_eq!(json.findings.len(), 10, "{:#?}", json.findings);
    assert_eq!(content(&json), content(&csv));
    assert_eq!(content(&json), content(&xlsx));
    assert_eq!(json.summary, csv.summary);
    assert_eq!(json.summary, xlsx.summary);
    // Locations differ by format: JSON path, CSV file + row, sheet + cell.
    let find = |r: &DeclarationReport, rule: &str| {
        r.findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap()
            .location
            .clone()
    };
    assert_eq!(
        find(&json, "expired-attestation").json_path.as_deref(),
        Some("$.links[2].flowdown.valid_until")
    );
    let l = find(&csv, "expired-attestation");
    assert_eq!((l.sheet.as_deref(), l.row), (Some("links.csv"), Some(4)));
    let l = find(&xlsx, "expired-attestation");
    assert_eq!(
        (l.sheet.as_deref(), l.cell.as_deref()),
        (Some("links"), Some("F4"))
    );
    let l = find(&xlsx, "duplicate-party");
    assert_eq!(
        (l.sheet.as_deref(), l.cell.as_deref()),
        (Some("parties"), Some("B7"))
    );
    let l = find(&csv, "missing-flowdown");
    assert_eq!((l.sheet.as_deref(), l.row), (Some("links.csv"), Some(3)));
}

#[test]
fn rules_have_docs_and_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/audit/rules");
    for r in RULES {
        let file = dir.join(format!("{}.rs", r.id().replace('-', "_")));
        let src =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## References",
        ] {
            assert!(
                src.contains(&format!("/// {section}")),
                "{} lacks {section}",
                file.display()
            );
        }
        assert!(
            src.contains("para 1"),
            "{} cites no policy paragraph",
            file.display()
        );
        for f in ["fires.json", "silent.json"] {
            assert!(
                fx(&format!("{}/{f}", r.id())).is_file(),
                "{} lacks {f}",
                r.id()
            );
        }
        assert!(!r.summary().is_empty());
    }
    let ids: std::collections::BTreeSet<&str> = RULES.iter().map(|r| r.id()).collect();
    assert_eq!(ids.len(), RULES.len(), "ids are unique");
}

#[test]
fn unreadable_declarations_are_error_entries() {
    let o = AuditOptions::new(as_of());
    let bad = std::env::temp_dir().join(format!("flowdown-audit-bad-{}.json", std::process::id()));
    std::fs::write(&bad, br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},"parties":[{"id":"a","nmae":"A"}]}"#).unwrap();
    let report =
        flowdown::audit_paths(&Pack::builtin(), &[bad.clone(), fx("clean/clean.json")], &o);
    std::fs::remove_file(&bad).unwrap();
    assert_eq!(report.declarations.len(), 2);
    let e = report.declarations[0].error.as_ref().unwrap();
    assert_eq!(e.kind, flowdown_core::ErrorKind::Declaration);
    assert!(
        e.message
            .starts_with("$.parties[0].nmae: unknown field `nmae`"),
        "{}",
        e.message
    );
    assert!(report.declarations[1].error.is_none());
    assert!(report.has_errors());
}

#[test]
fn real_ocds_samples_give_plausible_findings() {
    let dir = repo().join("../shared/supplychain/ocds/real");
    if !dir.is_dir() {
        eprintln!("../shared/supplychain not found; skipped");
        return;
    }
    let o = AuditOptions::new(as_of());
    let run = |f: &str| audit_path(&Pack::builtin(), &dir.join(f), &o);
    let ng = run("nigeria_nocopo_record_ocds-gyl66f-borbda-27yetd.json");
    let got: Vec<_> = ng.findings.iter().map(key).collect();
    assert_eq!(
        got,
        vec![
            (
                "missing-flowdown".into(),
                "$.compiledRelease.awards[0].suppliers[0]".into(),
                s(&["NGA-BRBDA-866594103", "NGA-DNL-22686163"])
            ),
            (
                "unreachable-party".into(),
                "$.compiledRelease.parties[1]".into(),
                s(&["NGA-BRBDA-316194103"])
            ),
            (
                "duplicate-party".into(),
                "$.compiledRelease.parties[1].name".into(),
                s(&["NGA-BRBDA-316194103", "NGA-BRBDA-866594103"])
            ),
            (
                "unreachable-party".into(),
                "$.compiledRelease.parties[2]".into(),
                s(&["NGA-BPPNO-861017035"])
            ),
            (
                "undeclared-subcontractors".into(),
                "$.compiledRelease.parties[3]".into(),
                s(&["NGA-DNL-22686163"])
            ),
        ]
    );
    let py = run("paraguay_dncp_record-package_277004.json");
    let rules: Vec<&str> = py.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"duplicate-party"), "{rules:?}");
    assert_eq!(
        rules.iter().filter(|r| **r == "missing-flowdown").count(),
        4
    );
    let dup = py
        .findings
        .iter()
        .find(|f| f.rule == "duplicate-party")
        .unwrap();
    assert_eq!(
        dup.location.json_path.as_deref(),
        Some("$.records[0].compiledRelease.awards[0].suppliers[2].id")
    );
    for f in [
        "paraguay_dncp_record-package_280555.json",
        "uk_contracts_finder_record_ocds-b5fd17-2c330cf9.json",
        "nsw_etendering_release-package_1.json",
        "nigeria_nocopo_release_ocds-gyl66f-borbda-27yetd.json",
    ] {
        let r = run(f);
        assert!(r.error.is_none(), "{f}: {:?}", r.error);
        assert!(
            r.notes.iter().any(|n| n.contains("missing-flowdown")),
            "{f}"
        );
    }
}

#[test]
fn omtsf_invalid_fixtures_map_to_rules() {
    let dir = repo().join("../shared/supplychain/omts/invalid");
    if !dir.is_dir() {
        return;
    }
    let o = AuditOptions::new(as_of());
    for (file, rule, path) in [
        (
            "bad-lei-checksum.omts.json",
            "invalid-identifier",
            "$.nodes[0].identifiers[0]",
        ),
        (
            "bad-gln-checksum.omts.json",
            "invalid-identifier",
            "$.nodes[0].identifiers[0]",
        ),
        (
            "bad-duns-format.omts.json",
            "invalid-identifier",
            "$.nodes[0].identifiers[0]",
        ),
        (
            "missing-identifier-value.omts.json",
            "invalid-identifier",
            "$.nodes[0].identifiers[0]",
        ),
        (
            "missing-identifier-scheme.omts.json",
            "invalid-identifier",
            "$.nodes[0].identifiers[0]",
        ),
        (
            "duplicate-node-id.omts.json",
            "duplicate-party",
            "$.nodes[1].id",
        ),
        (
            "broken-edge-ref.omts.json",
            "unknown-party",
            "$.edges[0].buyer",
        ),
    ] {
        let r = audit_path(&Pack::builtin(), &dir.join(file), &o);
        assert!(
            r.findings
                .iter()
                .any(|f| f.rule == rule && f.location.json_path.as_deref() == Some(path)),
            "{file}: {:#?}",
            r.findings
        );
    }
}
