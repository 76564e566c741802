//! The document gate changes no result: every fixture contract, format fixture and real corpus
//! document (`../shared/corpus`, when present) gets the same JSON report through the gated path
//! (`check_path`: gate on the unsegmented text, then segmentation and judgement) as through the
//! whole judge without its shortcuts (`read_path`, then `check_document_ungated`), with and
//! without a supplier term.
//! Also checks the assumption the gate makes about segmentation: provision titles are pieces
//! of the document text.

use flowdown::{check_document_ungated, check_path, CheckOptions, Pack};
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| !matches!(e, "toml" | "tsv" | "gitattributes"))
            && p.file_name().and_then(|n| n.to_str()) != Some("README.md")
        {
            out.push(p);
        }
    }
}

fn documents() -> Vec<PathBuf> {
    let root = repo_root();
    let mut out = Vec::new();
    files(&root.join("fixtures/contracts"), &mut out);
    files(&root.join("fixtures/formats"), &mut out);
    let corpus = root.join("../shared/corpus");
    if corpus.is_dir() {
        files(&corpus, &mut out);
    } else {
        eprintln!("SKIPPED the real corpus: {} not found", corpus.display());
    }
    out.sort();
    out
}

#[test]
fn gated_and_full_judge_agree_on_every_document() {
    let pack = Pack::builtin();
    let plain = CheckOptions::default();
    let supplier = CheckOptions {
        supplier_terms: vec!["Vendor".into(), "Company".into()],
        ..CheckOptions::default()
    };
    let docs = documents();
    assert!(docs.len() > 100, "{} documents", docs.len());
    let mut differ = Vec::new();
    for p in &docs {
        for opts in [&plain, &supplier] {
            let gated = check_path(&pack, p, opts);
            let full = match flowdown_ingest::read_path(p, &opts.read) {
                Ok(doc) => check_document_ungated(&pack, &doc, opts),
                Err(_) => continue, // unreadable: the same error entry either way
            };
            let a = serde_json::to_string(&gated).expect("json");
            let b = serde_json::to_string(&full).expect("json");
            if a != b {
                differ.push(p.display().to_string());
            }
        }
    }
    assert!(
        differ.is_empty(),
        "gated and full judge differ on {differ:#?}"
    );
}

#[test]
fn provision_titles_are_pieces_of_the_text() {
    for p in documents() {
        let Ok(doc) = flowdown_ingest::read_path(&p, &flowdown_ingest::ReadOptions::default())
        else {
            continue;
        };
        for prov in &doc.provisions {
            if let Some(t) = &prov.title {
                assert!(
                    doc.text.contains(t.as_str()),
                    "{}: title {t:?} is not in the text",
                    p.display()
                );
            }
        }
    }
}
