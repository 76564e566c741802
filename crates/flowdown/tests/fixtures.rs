//! Every contract fixture under `fixtures/contracts/` against its `.expected.toml`: exact status,
//! line and clause of the decisive evidence, and note substrings.
//!
//! Known gaps are listed, one `path<TAB>requirement<TAB>why` per line, in
//! `tests/fixtures_known_gaps.tsv`; the test fails on any other mismatch, and also when a listed
//! gap starts passing (so the list only shrinks).

use flowdown::{check_path, CheckOptions, Pack};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    expect: BTreeMap<String, Entry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    status: String,
    line: Option<usize>,
    clause: Option<String>,
    note: Option<String>,
    reason: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("fixtures/contracts")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(".expected.toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn document_of(expected: &Path) -> PathBuf {
    let s = expected.to_string_lossy();
    let stem = s.trim_end_matches(".expected.toml");
    for ext in ["txt", "md"] {
        let p = PathBuf::from(format!("{stem}.{ext}"));
        if p.exists() {
            return p;
        }
    }
    panic!("no document for {s}");
}

#[test]
fn contract_fixtures() {
    let pack = Pack::builtin();
    let root = root();
    let gaps_file = root.join("crates/flowdown/tests/fixtures_known_gaps.tsv");
    let known: BTreeSet<(String, String)> = std::fs::read_to_string(&gaps_file)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or("").to_owned(),
                f.next().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let mut mismatches: Vec<String> = Vec::new();
    let mut failing: BTreeSet<(String, String)> = BTreeSet::new();
    let mut checked = 0;
    let mut files = 0;
    for exp_path in fixtures() {
        files += 1;
        let doc = document_of(&exp_path);
        let rel = doc
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let exp: Expected = toml::from_str(&std::fs::read_to_string(&exp_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", exp_path.display()));
        let report = check_path(&pack, &doc, &CheckOptions::default());
        assert!(report.error.is_none(), "{rel}: {:?}", report.error);
        for r in &report.requirements {
            checked += 1;
            let want = exp.expect.get(&r.id);
            let want_status = want.map_or("missing", |w| w.status.as_str());
            let mut problems = Vec::new();
            if r.status.as_str() != want_status {
                problems.push(format!(
                    "status {} (want {want_status}): {}",
                    r.status, r.reason
                ));
            } else if let Some(w) = want {
                let ev = r.evidence.first();
                if let Some(line) = w.line {
                    let got = ev.map(|e| e.line);
                    if got != Some(line) {
                        problems.push(format!("line {got:?} (want {line})"));
                    }
                }
                if let Some(clause) = &w.clause {
                    let got = ev.and_then(|e| e.clause.clone());
                    if got.as_deref() != Some(clause.as_str()) {
                        problems.push(format!("clause {got:?} (want {clause})"));
                    }
                }
                if let Some(note) = &w.note {
                    if !r.notes.iter().any(|n| n.contains(note.as_str())) {
                        problems.push(format!("no note containing {note:?} in {:?}", r.notes));
                    }
                }
                let _ = &w.reason;
            }
            if !problems.is_empty() {
                failing.insert((rel.clone(), r.id.clone()));
                if !known.contains(&(rel.clone(), r.id.clone())) {
                    mismatches.push(format!("{rel} {}: {}", r.id, problems.join("; ")));
                }
            }
        }
    }
    let stale: Vec<_> = known.difference(&failing).collect();
    eprintln!(
        "contract fixtures: {files} documents, {checked} requirement results, {} match exactly, {} known gaps, {} new mismatches",
        checked - failing.len(),
        failing.intersection(&known).count(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(
        stale.is_empty(),
        "known gaps that now pass (remove them): {stale:?}"
    );
}
