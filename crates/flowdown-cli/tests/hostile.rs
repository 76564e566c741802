//! Hostile-input suite (issue 9): `scripts/gen_hostile.py` writes every case into a temp dir; the
//! built `flowdown` checks each one in a batch with a good file. Each case gives its named
//! `error.kind` (exit 2) or a correct report, the good file is still reported, the run ends in
//! bounded time, and peak memory (`/usr/bin/time`, when installed) stays under 1 GB.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_flowdown");
const MAX_RSS_KIB: u64 = 1024 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Generates the suite, or `None` (with a message) when python3 is missing.
fn generate() -> Option<(tempfile::TempDir, Vec<(String, String)>)> {
    let dir = tempfile::tempdir().unwrap();
    let ok = Command::new("python3")
        .arg(root().join("scripts/gen_hostile.py"))
        .arg(dir.path())
        .arg("--big")
        .status();
    match ok {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("skipped: python3 scripts/gen_hostile.py failed: {other:?}");
            return None;
        }
    }
    let cases = std::fs::read_to_string(dir.path().join("cases.tsv"))
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    Some((dir, cases))
}

struct Run {
    code: i32,
    report: Value,
    peak_kib: Option<u64>,
}

/// Runs `flowdown check --format json` in `dir` on `args`, killed after [`TIME_LIMIT`].
fn check(dir: &Path, args: &[&str]) -> Run {
    let time = Path::new("/usr/bin/time");
    let rss_file = dir.join(format!(".rss-{}", args.join("_").replace('/', "_")));
    let out_file = dir.join(format!(".out-{}", args.join("_").replace('/', "_")));
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    cmd.current_dir(dir)
        .args([
            "check",
            "--format",
            "json",
            "--no-config",
            "--fail-on",
            "never",
        ])
        .args(["--output"])
        .arg(&out_file)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?}: still running after {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = std::fs::read_to_string(&out_file)
        .unwrap_or_else(|e| panic!("{args:?}: no report ({e}), exit {status:?}"));
    let peak_kib = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
    Run {
        code: status.code().unwrap_or(-1),
        report: serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}")),
        peak_kib,
    }
}

fn docs_under<'a>(report: &'a Value, prefix: &str) -> Vec<&'a Value> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let p = d["path"].as_str().unwrap();
            p == prefix || p.starts_with(&format!("{prefix}/"))
        })
        .collect()
}

#[test]
fn hostile_inputs_in_a_batch_with_a_good_file() {
    let Some((dir, cases)) = generate() else {
        return;
    };
    let mut failures = Vec::new();
    let mut table = Vec::new();
    for (name, expected) in &cases {
        if name == "good.txt" {
            continue;
        }
        let run = check(dir.path(), &["good.txt", name]);
        let mut problems = Vec::new();
        let good = docs_under(&run.report, "good.txt");
        if good.len() != 1
            || !good[0]["error"].is_null()
            || good[0]["requirements"].as_array().map(Vec::len) != Some(11)
        {
            problems.push("good.txt not reported with 11 requirements".to_owned());
        }
        let entries = docs_under(&run.report, name);
        let kinds: Vec<String> = entries
            .iter()
            .map(|d| d["error"]["kind"].as_str().unwrap_or("report").to_owned())
            .collect();
        let any_error = kinds.iter().any(|k| k != "report");
        if let Some((what, n)) = expected.split_once('*') {
            let n: usize = n.parse().unwrap();
            if entries.len() != n || kinds.iter().any(|k| k != what) {
                problems.push(format!(
                    "expected {n} × {what}, got {} entries ({:?}…)",
                    entries.len(),
                    kinds.first()
                ));
            }
        } else if expected == "none" {
            if !entries.is_empty() {
                problems.push(format!("expected no entry, got {kinds:?}"));
            }
        } else {
            let allowed: Vec<&str> = expected.split('|').collect();
            if entries.len() != 1 || !allowed.contains(&kinds[0].as_str()) {
                problems.push(format!("expected {expected}, got {kinds:?}"));
            }
        }
        for d in &entries {
            if d["error"].is_null() && d["requirements"].as_array().map(Vec::len) != Some(11) {
                problems.push(format!("{}: report without 11 requirements", d["path"]));
            }
        }
        let want_code = if any_error { 2 } else { 0 };
        if run.code != want_code {
            problems.push(format!("exit {} (expected {want_code})", run.code));
        }
        if let Some(k) = run.peak_kib {
            if k >= MAX_RSS_KIB {
                problems.push(format!("peak RSS {k} KiB ≥ 1 GiB"));
            }
        }
        table.push(format!(
            "{name:22} {:28} exit {} peak {} KiB",
            kinds.first().map_or("(none)", String::as_str),
            run.code,
            run.peak_kib.map_or("?".into(), |k| k.to_string())
        ));
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    eprintln!("{}", table.join("\n"));
    assert!(
        failures.is_empty(),
        "hostile inputs:\n{}",
        failures.join("\n")
    );
}

#[test]
fn same_batch_gives_byte_identical_reports_across_runs_and_jobs() {
    let fixtures = root().join("fixtures");
    for format in ["json", "sarif"] {
        let mut outputs = Vec::new();
        for jobs in ["1", "1", "2"] {
            let out = Command::new(BIN)
                .args([
                    "check",
                    "--no-config",
                    "--fail-on",
                    "never",
                    "--as-of",
                    "2026-01-01",
                ])
                .args(["--format", format, "--jobs", jobs])
                .arg(fixtures.join("contracts/full"))
                .arg(fixtures.join("contracts/hard-cases"))
                .arg(fixtures.join("formats"))
                .output()
                .unwrap();
            assert!(!out.stdout.is_empty(), "{format} --jobs {jobs}: no output");
            outputs.push((jobs, out.stdout));
        }
        for (jobs, o) in &outputs[1..] {
            assert!(
                *o == outputs[0].1,
                "{format}: --jobs {jobs} differs from --jobs 1"
            );
        }
    }
}
