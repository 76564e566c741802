//! One contract rendered as TXT, Markdown, DOCX, ODT, HTML and PDF
//! (`fixtures/formats/contract.*`, from `scripts/gen_format_fixtures.py`) gets the same 11
//! statuses in every format, and the tracked-change DOCX cases get `removed`, `satisfied` with
//! an insertion note, and `weak`.

use flowdown::{check_path, CheckOptions, Pack, Status};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats")
        .join(name)
}

fn statuses(name: &str) -> Vec<(String, Status)> {
    let r = check_path(&Pack::builtin(), &fixture(name), &CheckOptions::default());
    assert!(r.error.is_none(), "{name}: {:?}", r.error);
    r.requirements
        .into_iter()
        .map(|x| (x.id, x.status))
        .collect()
}

#[test]
fn same_statuses_in_every_format() {
    let txt = statuses("contract.txt");
    assert_eq!(txt.len(), 11);
    for f in [
        "contract.md",
        "contract.docx",
        "contract.odt",
        "contract.html",
        "contract.pdf",
    ] {
        assert_eq!(statuses(f), txt, "{f}");
    }
    println!("{txt:?}");
}

#[test]
fn tracked_change_cases() {
    let pack = Pack::builtin();
    let status = |f: &str, id: &str| {
        let r = check_path(&pack, &fixture(f), &CheckOptions::default());
        r.requirements.into_iter().find(|x| x.id == id).unwrap()
    };
    assert_eq!(
        status("tracked_removed_clause.docx", "prohibition").status,
        Status::Removed
    );
    let ins = status("tracked_inserted_flowdown.docx", "subcontractor-flowdown");
    assert_eq!(ins.status, Status::Satisfied);
    assert!(
        ins.notes
            .iter()
            .any(|n| n.to_lowercase().contains("insert")),
        "{:?}",
        ins.notes
    );
    assert_eq!(
        status("tracked_weakened_shall.docx", "prohibition").status,
        Status::Weak
    );
}

/// The CCS facilities-management framework (`../shared/corpus`, read in place) checked as one
/// bundle, beside its Core Terms and Joint Schedule 5 checked alone. Prints both; skipped when
/// `../shared` is absent.
#[test]
fn ccs_framework_as_a_bundle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/contracts/public/ccs-fm-framework-2017");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    }
    let dir = dir.canonicalize().unwrap();
    // Every readable document of the framework (the three legacy .doc files are not readable:
    // a bundle that listed them would fail naming them). Core terms first.
    let mut members: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    members.sort();
    members.insert(0, dir.join("example-terms-and-conditions.pdf"));
    let tmp = std::env::temp_dir().join(format!("flowdown-ccs-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let manifest = tmp.join(flowdown_ingest::BUNDLE_MANIFEST);
    let list: Vec<String> = members.iter().map(|p| p.display().to_string()).collect();
    std::fs::write(&manifest, list.join("\n")).unwrap();
    let pack = Pack::builtin();
    let opts = CheckOptions::default();
    let doc = flowdown_ingest::read_bundle(&manifest, &opts.read).unwrap();
    assert_eq!(doc.parts.len(), members.len());
    let bundle = flowdown::check_document(&pack, &doc, &opts);
    let core = check_path(&pack, &members[0], &opts);
    let js5 = check_path(
        &pack,
        &dir.join("Joint Schedule 5 - Corporate Social Responsibility v.1.4.docx"),
        &opts,
    );
    println!(
        "{:<24} {:<10} {:<10} {:<10}",
        "requirement", "bundle", "core", "js5"
    );
    for ((b, c), j) in bundle
        .requirements
        .iter()
        .zip(&core.requirements)
        .zip(&js5.requirements)
    {
        println!(
            "{:<24} {:<10} {:<10} {:<10} {}",
            b.id,
            format!("{:?}", b.status),
            format!("{:?}", c.status),
            format!("{:?}", j.status),
            b.evidence
                .first()
                .map(|e| format!(
                    "{} {:?}: {}",
                    doc.block_at(e.start)
                        .and_then(|bl| doc.parts.get(usize::from(bl.part)))
                        .map(|p| Path::new(p)
                            .file_name()
                            .unwrap()
                            .to_string_lossy()
                            .into_owned())
                        .unwrap_or_default(),
                    e.clause,
                    e.text.chars().take(80).collect::<String>()
                ))
                .unwrap_or_default()
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
    // Core Terms 12.1 brings Joint Schedule 5 in with "reasonable endeavours": the schedule's
    // strong duties are weak in the bundle; Core Terms alone say nothing; the schedule alone
    // is strong.
    let status = |r: &flowdown::DocumentReport, id: &str| {
        r.requirements
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.status)
            .unwrap()
    };
    for id in ["prohibition", "subcontractor-flowdown", "due-diligence"] {
        assert_eq!(status(&bundle, id), Status::Weak, "bundle {id}");
        assert_eq!(status(&core, id), Status::Missing, "core terms alone {id}");
        assert_eq!(
            status(&js5, id),
            Status::Satisfied,
            "joint schedule 5 alone {id}"
        );
    }
    let ev = &bundle
        .requirements
        .iter()
        .find(|x| x.id == "prohibition")
        .unwrap()
        .evidence[0];
    assert!(
        ev.file
            .as_deref()
            .is_some_and(|f| f.contains("Joint Schedule 5")),
        "{ev:?}"
    );
    for id in ["termination", "sanctions", "funds-use", "remediation"] {
        assert_eq!(status(&bundle, id), Status::Missing, "bundle {id}");
    }
}
