//! `flowdown audit` end to end: exit codes, text and JSON output, malformed declarations.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fx(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/declarations")
        .join(rel)
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_flowdown"))
        .arg("audit")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

macro_rules! args {
    ($($a:expr),* $(,)?) => { &[$(std::ffi::OsStr::new($a)),*] };
}

#[test]
fn clean_declaration_exits_0() {
    let p = fx("clean/clean.json");
    let (code, out, _) = run(args![&p, "--as-of", "2026-06-01"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("4 parties, 3 links: 0 error(s), 0 warning(s)"),
        "{out}"
    );
}

#[test]
fn findings_exit_1_and_text_names_parties_and_chain() {
    let p = fx("missing-flowdown/fires.json");
    let (code, out, _) = run(args![&p, "--as-of", "2026-06-01"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[missing-flowdown] $.links[1]: no flow-down attestation on the link tex-1 (Tekstil Uretim A.S.) → spin-3 (Anadolu Iplik Sanayi A.S.)"), "{out}");
    assert!(out.contains("chain: acme → tex-1 → spin-3"), "{out}");
    let (code, _, _) = run(args![&p, "--as-of", "2026-06-01", "--fail-on", "never"]);
    assert_eq!(code, 0);
}

#[test]
fn fail_on_warning() {
    let p = fx("unreachable-party/fires.json");
    let (code, _, _) = run(args![&p, "--as-of", "2026-06-01"]);
    assert_eq!(code, 0, "warnings only");
    let (code, _, _) = run(args![&p, "--as-of", "2026-06-01", "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn json_report_shape() {
    let p = fx("mixed/csv");
    let (code, out, _) = run(args![&p, "--as-of", "2026-06-01", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &v["declarations"][0];
    assert_eq!(d["format"], "csv");
    assert!(d["error"].is_null());
    let f = &d["findings"][0];
    assert_eq!(f["rule"], "partial-flowdown");
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["location"],
        serde_json::json!({"row": 2, "sheet": "links.csv"})
    );
    assert_eq!(f["parties"], serde_json::json!(["acme", "tex-1"]));
    assert_eq!(
        d["summary"],
        serde_json::json!({"parties": 6, "links": 5, "errors": 7, "warnings": 3})
    );
}

#[test]
fn lists_risk_tables_and_contracts() {
    let p = fx("listed-party/fires.json");
    let l = fx("listed-party/list.csv");
    let (code, out, _) = run(args![&p, "--as-of", "2026-06-01", "--list", &l]);
    assert_eq!(code, 1);
    assert!(out.contains("error[listed-party] $.parties[2]: spin-3 (Anadolu Iplik Sanayi A.S.) matches `Anadolu Iplik Sanayi A.S.`"), "{out}");
    let p = fx("high-risk-sourcing/fires.json");
    let t = fx("high-risk-sourcing/risk.csv");
    let (code, out, _) = run(args![&p, "--as-of", "2026-06-01", "--risk-table", &t]);
    assert_eq!(code, 0, "a warning");
    assert!(
        out.contains("warning[high-risk-sourcing] $.parties[1].goods"),
        "{out}"
    );
    let p = fx("undeclared-subcontractor-in-contract/fires.json");
    let c = fx("undeclared-subcontractor-in-contract/contracts");
    let (_, out, _) = run(args![&p, "--as-of", "2026-06-01", "--contracts", &c]);
    assert!(
        out.contains("names the sub-contractor Dye Works GmbH"),
        "{out}"
    );
}

#[test]
fn malformed_declarations_exit_2_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    };
    let bad_json = write("bad.json", "{\"schema_version\": 1, \"parties\": [");
    let wrong_type = write(
        "type.json",
        r#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},"parties":[{"id":"a","goods":"cotton"}]}"#,
    );
    let unknown = write(
        "unknown.json",
        r#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},"parties":[{"id":"a","nmae":"A"}]}"#,
    );
    write(
        "broken/declaration.csv",
        "key,value\nschema_version,1\ndeclaration_id,D\nprime,acme\n",
    );
    write("broken/parties.csv", "id,name\nacme,ACME\n");
    let broken = write("broken/links.csv", "buyer,supplier\nacme,tex,extra\n");
    let clean = fx("clean/clean.json");
    let out_file = dir.path().join("report.json");
    let (code, _, _) = run(args![
        &bad_json,
        &wrong_type,
        &unknown,
        &broken,
        &clean,
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
        "--output",
        &out_file
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let ds = v["declarations"].as_array().unwrap();
    assert_eq!(ds.len(), 5);
    let msg = |i: usize| {
        ds[i]["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        msg(0).starts_with("$: not valid JSON: EOF while parsing"),
        "{}",
        msg(0)
    );
    assert!(
        msg(1).starts_with(
            "$.parties[0].goods: invalid type: string \"cotton\", expected a sequence"
        ),
        "{}",
        msg(1)
    );
    assert!(
        msg(2).starts_with("$.parties[0].nmae: unknown field `nmae`"),
        "{}",
        msg(2)
    );
    assert_eq!(
        msg(3),
        "links.csv row 2: the row has 3 fields, the header has 2"
    );
    for d in &ds[..4] {
        assert_eq!(d["error"]["kind"], "declaration");
    }
    assert!(ds[4]["error"].is_null());
    assert_eq!(ds[4]["summary"]["parties"], 4);
}

#[test]
fn bad_as_of_and_missing_file() {
    let p = fx("clean/clean.json");
    let (code, _, err) = run(args![&p, "--as-of", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--as-of: `2026-02-30` is not an ISO 8601 date"),
        "{err}"
    );
    let missing = fx("nope.json");
    let (code, out, _) = run(args![&missing]);
    assert_eq!(code, 2);
    assert!(out.contains("error[not-found]"), "{out}");
}
