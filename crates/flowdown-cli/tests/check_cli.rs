//! `flowdown check`, `rules` and `explain` end to end: exit codes, error entries, the JSON
//! contract's shape.

use std::path::Path;
use std::process::Command;

fn flowdown(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_flowdown"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const GOOD: &str =
    "1. This Agreement is between NSPA (the \"Buyer\") and Acme Ltd (the \"Supplier\").\n\n\
2. The Supplier shall not engage in, support or facilitate trafficking in persons.\n";

#[test]
fn missing_path_is_an_error_entry_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let (code, out, _) = flowdown(
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "nope.txt",
            "a.txt",
        ],
        dir.path(),
    );
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["path"], "nope.txt");
    assert_eq!(docs[0]["error"]["kind"], "not-found");
    assert_eq!(docs[0]["summary"]["compliant"], false);
    assert_eq!(docs[1]["error"], serde_json::Value::Null);
    let reqs = docs[1]["requirements"].as_array().unwrap();
    assert_eq!(reqs.len(), 11);
    assert_eq!(reqs[0]["id"], "prohibition");
    assert_eq!(reqs[0]["status"], "satisfied");
    assert_eq!(reqs[0]["evidence"][0]["line"], 3);
    assert_eq!(reqs[0]["evidence"][0]["clause"], "2");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["pack"]["id"], "nato-cthb-2023");
}

#[test]
fn exit_codes_follow_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let (code, _, _) = flowdown(&["check", "--no-config", "a.txt"], dir.path());
    assert_eq!(code, 1, "missing error-severity requirements fail the run");
    let (code, _, _) = flowdown(
        &["check", "--no-config", "--fail-on", "never", "a.txt"],
        dir.path(),
    );
    assert_eq!(code, 0);
}

#[test]
fn other_languages_are_an_error_not_eleven_missing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("de.txt"),
        "1. Der Lieferant verpflichtet sich, keine Zwangsarbeit und keinen Menschenhandel zu dulden. \
         Die Einhaltung dieser Pflichten wird von dem Auftraggeber überprüft, und der Vertrag kann \
         bei einem Verstoß mit sofortiger Wirkung gekündigt werden. Die Parteien sind sich einig, \
         dass diese Bestimmung für alle Unterauftragnehmer gilt.\n",
    )
    .unwrap();
    let (code, out, _) = flowdown(
        &["check", "--no-config", "--format", "json", "de.txt"],
        dir.path(),
    );
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["error"]["kind"], "unsupported-language");
    assert_eq!(
        v["documents"][0]["requirements"].as_array().unwrap().len(),
        0
    );
}

#[test]
fn empty_document_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.txt"), "  \n\n").unwrap();
    let (code, out, _) = flowdown(
        &["check", "--no-config", "--format", "json", "e.txt"],
        dir.path(),
    );
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["error"]["kind"], "empty");
}

#[test]
fn rules_lists_the_eleven_ids_in_pack_order() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = flowdown(&["rules", "--format", "json"], dir.path());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "prohibition",
            "support-facilitation",
            "subcontractor-flowdown",
            "remediation",
            "termination",
            "sanctions",
            "due-diligence",
            "funds-use",
            "definition",
            "reporting",
            "non-retaliation"
        ]
    );
}

#[test]
fn explain_shows_the_model_clause_and_rejects_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = flowdown(&["explain", "subcontractor-flowdown"], dir.path());
    assert_eq!(code, 0);
    assert!(out.contains("para 19"), "{out}");
    assert!(out.contains("Model clause"), "{out}");
    let (code, _, err) = flowdown(&["explain", "no-such-rule"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("Choose from: prohibition"), "{err}");
}

#[test]
fn bad_pack_names_the_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = include_str!("../../flowdown/packs/nato-cthb-2023.toml");
    let bad = builtin.replacen("severity = \"error\"", "severity = \"fatal\"", 1);
    std::fs::write(dir.path().join("bad.toml"), &bad).unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let (code, _, err) = flowdown(
        &["check", "--no-config", "--pack", "bad.toml", "a.txt"],
        dir.path(),
    );
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(err.contains("line"), "{err}");
    assert!(err.contains("severity") || err.contains("fatal"), "{err}");
    let unknown = builtin.replacen(
        "language = \"en\"",
        "language = \"en\"\ncolour = \"red\"",
        1,
    );
    std::fs::write(dir.path().join("unknown.toml"), &unknown).unwrap();
    let (code, _, err) = flowdown(
        &["check", "--no-config", "--pack", "unknown.toml", "a.txt"],
        dir.path(),
    );
    assert_eq!(code, 2);
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn max_file_size_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let (code, out, _) = flowdown(
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--max-file-size",
            "20",
            "a.txt",
        ],
        dir.path(),
    );
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["error"]["kind"], "limit-exceeded");
    assert!(v["documents"][0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("--max-file-size"));
}
