//! `flowdown screen`: formats and exit codes (0 no match, 1 matches, 2 errors).

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_flowdown"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const LIST: &str = "fixtures/declarations/listed-party/list.csv";

fn parties(body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flowdown-screen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("p{}.csv", body.len()));
    std::fs::write(&p, body).unwrap();
    p
}

#[test]
fn matches_exit_1_with_explanations_in_every_format() {
    let p = parties("name,country,identifiers\nAnadolu Iplik Sanayi,TR,\nHarmless GmbH,DE,\n");
    let p = p.to_str().unwrap();
    let (code, out, _) = run(&["screen", p, "--list", LIST]);
    assert_eq!(code, 1);
    assert!(
        out.contains("1.000  Anadolu Iplik Sanayi A.S. — list demo-forced-labour"),
        "{out}"
    );
    assert!(out.contains("legal forms dropped |as"), "{out}");
    assert!(out.contains("2 parties screened against 2 entries in 1 list(s) at threshold 0.86: 1 matched (1 matches)"), "{out}");
    let (code, out, _) = run(&["screen", p, "--list", LIST, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["parties_matched"], 1);
    let m = &v["parties"][0]["matches"][0];
    assert_eq!(m["score"], 1.0);
    assert_eq!(m["explanation"]["legal_forms_dropped"]["entry"][0], "as");
    assert_eq!(m["explanation"]["parts"]["country"], 0.02);
    assert_eq!(v["parties"][1]["matches"].as_array().unwrap().len(), 0);
    let (code, out, _) = run(&["screen", p, "--list", LIST, "--format", "csv"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2);
    assert!(out.starts_with("party_id,party_name,party_country,score,entry_id"));
}

#[test]
fn no_match_exits_0_and_a_threshold_of_1_keeps_exact_ones() {
    let p = parties("name,country\nHarmless GmbH,DE\n");
    let (code, out, _) = run(&["screen", p.to_str().unwrap(), "--list", LIST]);
    assert_eq!(code, 0, "{out}");
    let p = parties("name,country\nKaradeniz Textile,TR\n");
    let (code, _, _) = run(&[
        "screen",
        p.to_str().unwrap(),
        "--list",
        LIST,
        "--threshold",
        "1",
    ]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&[
        "screen",
        p.to_str().unwrap(),
        "--list",
        LIST,
        "--threshold",
        "0.9",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn a_declaration_is_read_as_parties() {
    let (code, out, _) = run(&[
        "screen",
        "fixtures/declarations/listed-party/fires.json",
        "--list",
        LIST,
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("Anadolu Iplik Sanayi A.S. (TR) [spin-3]"),
        "{out}"
    );
}

#[test]
fn errors_exit_2_naming_file_and_line() {
    let p = parties("name,country\nA,DE\nB,Narnia\n");
    let (code, _, err) = run(&["screen", p.to_str().unwrap(), "--list", LIST]);
    assert_eq!(code, 2);
    assert!(err.contains("line 3: unknown country \"Narnia\""), "{err}");
    let p = parties("name,country\nHarmless,DE\n");
    let (code, out, _) = run(&["screen", p.to_str().unwrap(), "--list", "no/such/list.csv"]);
    assert_eq!(code, 2);
    assert!(out.contains("error[not-found]: no/such/list.csv"), "{out}");
}
