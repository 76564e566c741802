//! `flowdown check` end to end: formats, `--jobs`, waivers with `--as-of`, baselines and
//! configuration files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_flowdown"));
    c.env_remove("RUST_LOG");
    c
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const SILENT: &str = "This agreement is about office supplies. Lunch is at noon.\n";

const ERROR_IDS: [&str; 8] = [
    "prohibition",
    "support-facilitation",
    "subcontractor-flowdown",
    "remediation",
    "termination",
    "sanctions",
    "due-diligence",
    "funds-use",
];

fn waiver_file(expires: &str) -> String {
    ERROR_IDS
        .iter()
        .map(|id| {
            format!(
                "[[waiver]]\nrequirement = \"{id}\"\npath = \"contracts/**\"\nreason = \"Pilot contract, terms renegotiated in Q3\"\napprover = \"J. Doe (Legal)\"\nexpires = \"{expires}\"\n\n"
            )
        })
        .collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("contracts")).unwrap();
    std::fs::write(dir.path().join("contracts/a.txt"), SILENT).unwrap();
    dir
}

#[test]
fn jobs_2_gives_the_same_bytes_as_jobs_1() {
    let fixtures = repo().join("fixtures/contracts");
    let fixtures = fixtures.to_str().unwrap();
    for format in ["json", "text", "sarif", "html"] {
        let one = run_in(
            &repo(),
            &[
                "check",
                "--no-config",
                "--format",
                format,
                "--jobs",
                "1",
                fixtures,
            ],
        );
        let two = run_in(
            &repo(),
            &[
                "check",
                "--no-config",
                "--format",
                format,
                "--jobs",
                "2",
                fixtures,
            ],
        );
        assert!(!one.stdout.is_empty());
        assert_eq!(code(&one), code(&two), "{format}");
        assert!(
            one.stdout == two.stdout,
            "--jobs 2 differs from --jobs 1 in {format}"
        );
    }
}

#[test]
fn every_format_renders_and_keeps_the_exit_code() {
    let dir = setup();
    for format in [
        "text",
        "json",
        "json-lines",
        "sarif",
        "junit",
        "github",
        "markdown",
        "html",
    ] {
        let o = run_in(dir.path(), &["check", "--format", format, "contracts"]);
        assert_eq!(
            code(&o),
            1,
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty(), "{format}");
    }
    let o = run_in(dir.path(), &["check", "--format", "yaml", "contracts"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn waivers_do_not_fail_the_run_until_they_expire() {
    let dir = setup();
    std::fs::write(dir.path().join("waivers.toml"), waiver_file("2026-06-30")).unwrap();
    let args = |as_of: &'static str| {
        vec![
            "check",
            "--format",
            "json",
            "--waivers",
            "waivers.toml",
            "--as-of",
            as_of,
            "contracts",
        ]
    };
    // On the expiry day the waiver still applies: errors waived, warnings do not fail at the
    // default threshold.
    let o = run_in(dir.path(), &args("2026-06-30"));
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reqs = v["documents"][0]["requirements"].as_array().unwrap();
    let funds = reqs.iter().find(|r| r["id"] == "funds-use").unwrap();
    assert_eq!(funds["status"], "missing", "a waiver keeps the status");
    assert_eq!(funds["waiver"]["active"], true);
    assert_eq!(funds["waiver"]["approver"], "J. Doe (Legal)");
    assert_eq!(funds["waiver"]["expires"], "2026-06-30");
    assert!(reqs
        .iter()
        .find(|r| r["id"] == "reporting")
        .unwrap()
        .get("waiver")
        .is_none());
    assert_eq!(v["documents"][0]["summary"]["compliant"], false);
    // --fail-on warning still fails on the unwaived warnings.
    let mut a = args("2026-06-30");
    a.splice(1..1, ["--fail-on", "warning"]);
    assert_eq!(code(&run_in(dir.path(), &a)), 1);

    // The day after, it no longer waives and is reported.
    let o = run_in(dir.path(), &args("2026-07-01"));
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let funds = v["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "funds-use")
        .unwrap()
        .clone();
    assert_eq!(funds["waiver"]["active"], false);
    let text = run_in(
        dir.path(),
        &[
            "check",
            "--waivers",
            "waivers.toml",
            "--as-of",
            "2026-07-01",
            "contracts",
        ],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("waiver expired on 2026-06-30"), "{text}");
    assert!(
        text.contains("note: contracts/a.txt: the waiver of `funds-use` expired on 2026-06-30"),
        "{text}"
    );
    let sarif = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--waivers",
            "waivers.toml",
            "--as-of",
            "2026-07-01",
            "contracts",
        ],
    );
    let s: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let notes = s["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes
        .iter()
        .any(|n| n["descriptor"]["id"] == "expired-waiver"));

    // Bad waiver files are operational errors naming the problem.
    std::fs::write(dir.path().join("bad.toml"), waiver_file("2026-06-31")).unwrap();
    let o = run_in(dir.path(), &["check", "--waivers", "bad.toml", "contracts"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("2026-06-31"));
    std::fs::write(
        dir.path().join("bad.toml"),
        waiver_file("2026-06-30").replace("funds-use", "funds"),
    )
    .unwrap();
    let o = run_in(dir.path(), &["check", "--waivers", "bad.toml", "contracts"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown requirement `funds`"));
    let o = run_in(dir.path(), &["check", "--as-of", "tomorrow", "contracts"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn baseline_reports_only_new_or_worse() {
    let dir = setup();
    let p = dir.path();
    let o = run_in(
        p,
        &[
            "check",
            "--format",
            "json",
            "-o",
            "baseline.json",
            "contracts",
        ],
    );
    assert_eq!(code(&o), 1);
    // Nothing changed: nothing to report, the run passes.
    let o = run_in(
        p,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "contracts",
        ],
    );
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 0);
    let o = run_in(p, &["check", "--baseline", "baseline.json", "contracts"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 new or worse, 11 unchanged"));
    // A new document is new.
    std::fs::write(p.join("contracts/b.txt"), SILENT).unwrap();
    let o = run_in(
        p,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "contracts",
        ],
    );
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["path"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(docs[0]["requirements"].as_array().unwrap().len(), 11);
    // A baseline that is not a report is an operational error.
    std::fs::write(p.join("junk.json"), "[1,2]").unwrap();
    let o = run_in(p, &["check", "--baseline", "junk.json", "contracts"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a flowdown JSON report"));
}

#[test]
fn baseline_keeps_a_worse_status() {
    let dir = setup();
    let p = dir.path();
    // Fake a baseline in which funds-use was satisfied: now missing is worse.
    let o = run_in(p, &["check", "--format", "json", "contracts"]);
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for r in v["documents"][0]["requirements"].as_array_mut().unwrap() {
        if r["id"] == "funds-use" {
            r["status"] = "satisfied".into();
        }
    }
    std::fs::write(p.join("baseline.json"), serde_json::to_string(&v).unwrap()).unwrap();
    let o = run_in(
        p,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "contracts",
        ],
    );
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reqs = v["documents"][0]["requirements"].as_array().unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0]["id"], "funds-use");
}

#[test]
fn configuration_is_discovered_upwards_and_validated() {
    let dir = setup();
    let p = dir.path();
    std::fs::create_dir_all(p.join("contracts/drafts")).unwrap();
    std::fs::write(p.join("contracts/drafts/d.txt"), SILENT).unwrap();
    std::fs::write(p.join("contracts/notes.md"), SILENT).unwrap();
    std::fs::write(p.join("waivers.toml"), waiver_file("2099-01-01")).unwrap();
    std::fs::write(
        p.join("pyproject.toml"),
        "[project]\nname = \"x\"\n\n[tool.flowdown]\nfail-on = \"warning\"\nexclude = [\"contracts/drafts/**\"]\ninclude = [\"*.txt\"]\nwaivers = \"waivers.toml\"\n\n[severity]\n",
    )
    .unwrap();
    // `[severity]` at top level belongs to pyproject, not to [tool.flowdown]: fine.
    let sub = p.join("contracts");
    let o = run_in(&sub, &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./a.txt"], "exclude and include from the config");
    // fail-on warning from the config: the warnings fail (errors are waived).
    assert_eq!(code(&o), 1);
    let o = run_in(&sub, &["check", "--fail-on", "error", "."]);
    assert_eq!(code(&o), 0, "the flag wins over the config");
    // flowdown.toml in a nearer directory wins, with severity overrides.
    std::fs::write(
        sub.join("flowdown.toml"),
        "fail-on = \"warning\"\n[severity]\ndefinition = \"info\"\nreporting = \"info\"\nnon-retaliation = \"info\"\n[[overrides]]\npaths = [\"*.txt\"]\nseverity = { prohibition = \"info\", support-facilitation = \"info\", subcontractor-flowdown = \"info\", remediation = \"info\", termination = \"info\", sanctions = \"info\", due-diligence = \"info\", funds-use = \"info\" }\n",
    )
    .unwrap();
    let o = run_in(&sub, &["check", "--format", "json", "a.txt"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["severity"] == "info"));
    // Unknown keys are errors naming the key.
    std::fs::write(
        sub.join("flowdown.toml"),
        "fail-on = \"warning\"\nexlude = []\n",
    )
    .unwrap();
    let o = run_in(&sub, &["check", "a.txt"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("exlude") && err.contains("flowdown.toml"),
        "{err}"
    );
    // --no-config ignores it; --config names another file.
    assert_eq!(code(&run_in(&sub, &["check", "--no-config", "a.txt"])), 1);
    std::fs::write(p.join("other.toml"), "[severity]\nbogus = \"info\"\n").unwrap();
    let o = run_in(&sub, &["check", "--config", "../other.toml", "a.txt"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown requirement `bogus`"));
}
