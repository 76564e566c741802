//! Every DOCX, PDF and legacy .doc under `../shared/corpus`, read in place (never copied):
//! each is read, or gives the right named error (`.doc` → `unsupported-format`). Skipped with a
//! message when `../shared` is absent.

use flowdown_core::ErrorKind;
use flowdown_ingest::{read_path, ReadOptions};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    p.is_dir().then_some(p)
}

fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| exts.contains(&x.to_ascii_lowercase().as_str()))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_documents_read_or_fail_by_name() {
    let Some(root) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let opts = ReadOptions::default();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    let mut blocks = 0usize;
    let mut labelled = 0usize;
    let mut bad = Vec::new();
    for f in files(&root, &["docx", "pdf", "doc", "odt", "html", "htm", "xml"]) {
        let ext = f
            .extension()
            .and_then(|x| x.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match read_path(&f, &opts) {
            Ok(d) => {
                if d.blocks.is_empty() {
                    bad.push(format!("{}: read but empty", f.display()));
                }
                blocks += d.blocks.len();
                labelled += d.blocks.iter().filter(|b| b.label.is_some()).count();
                *counts.entry(format!("{ext} ok")).or_default() += 1;
            }
            Err(e) => {
                let expected = ext == "doc" && e.kind == ErrorKind::UnsupportedFormat;
                if !expected {
                    bad.push(format!("{}: {} {}", f.display(), e.kind, e.message));
                }
                *counts.entry(format!("{ext} {}", e.kind)).or_default() += 1;
            }
        }
    }
    for (k, v) in &counts {
        println!("{k:<28} {v:>4}");
    }
    println!("blocks {blocks}, with generated numbers {labelled}");
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(counts.get("docx ok").copied().unwrap_or(0) >= 40);
}
