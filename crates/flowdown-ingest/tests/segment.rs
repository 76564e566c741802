//! Segmentation through the public API: plain text in several encodings, Markdown, and real
//! documents read in place from `../shared/corpus` (skipped with a message when absent).
//!
//! `FLOWDOWN_SEGMENTS=path cargo test -p flowdown-ingest --test segment dump -- --nocapture`
//! prints the provision tree of a file.

use flowdown_core::{Document, ProvisionKind as K};
use flowdown_ingest::{read_bytes, read_path, ReadOptions};
use std::path::{Path, PathBuf};

fn opts() -> ReadOptions {
    ReadOptions::default()
}

fn corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if root.is_dir() {
        Some(root)
    } else {
        eprintln!("skipped: {} is absent", root.display());
        None
    }
}

fn check(d: &Document) {
    let mut last = 0;
    for (i, p) in d.provisions.iter().enumerate() {
        assert!(
            p.span.start <= p.span.end && p.span.end <= d.text.len(),
            "{i}"
        );
        assert!(d.text.is_char_boundary(p.span.start) && d.text.is_char_boundary(p.span.end));
        assert!(p.span.start >= last, "provision {i} out of order");
        last = p.span.start;
        if let Some(par) = p.parent {
            assert!(par < i && d.provisions[par].children.contains(&i));
            assert_eq!(p.depth, d.provisions[par].depth + 1);
        } else {
            assert_eq!(p.depth, 0);
        }
    }
}

fn numbers(d: &Document) -> Vec<&str> {
    d.provisions
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect()
}

fn dump_doc(d: &Document) {
    for (i, p) in d.provisions.iter().enumerate() {
        let text = d.slice(p.span);
        let short: String = text.chars().take(90).collect();
        println!(
            "{i:>4} {}{:?} [{}] {:?} L{} | {}",
            "  ".repeat(usize::from(p.depth)),
            p.kind,
            p.number.as_deref().unwrap_or("-"),
            p.title.as_deref().unwrap_or(""),
            d.line_col(p.span.start).0,
            short.replace('\n', " ⏎ ")
        );
    }
}

#[test]
fn dump() {
    let Ok(path) = std::env::var("FLOWDOWN_SEGMENTS") else {
        return;
    };
    match read_path(Path::new(&path), &opts()) {
        Ok(d) => dump_doc(&d),
        Err(e) => println!("error: {e}"),
    }
}

const CONTRACT: &str = "SUPPLY AGREEMENT\n\n\
WHEREAS the Buyer wishes to buy goods;\n\n\
NOW, THEREFORE, the parties agree as follows:\n\n\
1. DEFINITIONS\n\
1.1 \"Forced Labour\" means work exacted under menace of any penalty.\n\n\
9. Anti-Slavery. The Supplier shall not, and shall ensure that its sub-contractors\n\
do not, engage in:\n\
(a) trafficking in persons; or\n\
(b) forced labour.\n";

#[test]
fn text_encodings_give_the_same_provisions() {
    let utf8 = read_bytes("c.txt", CONTRACT.as_bytes(), &opts()).unwrap();
    check(&utf8);
    assert_eq!(numbers(&utf8), ["1", "1.1", "9", "9(a)", "9(b)"]);
    let kinds: Vec<K> = utf8.provisions.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            K::Title,
            K::Recital,
            K::Clause,
            K::Heading,
            K::Definition,
            K::Clause,
            K::Clause,
            K::Clause
        ]
    );
    let nine = utf8
        .provisions
        .iter()
        .find(|p| p.number.as_deref() == Some("9"))
        .unwrap();
    assert_eq!(nine.title.as_deref(), Some("Anti-Slavery"));
    assert!(utf8.slice(nine.span).ends_with("engage in:"));
    assert_eq!(utf8.line_col(nine.span.start).0, 10);

    let crlf = CONTRACT.replace('\n', "\r\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in crlf.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut utf16be = vec![0xFE, 0xFF];
    for u in crlf.encode_utf16() {
        utf16be.extend_from_slice(&u.to_be_bytes());
    }
    for bytes in [crlf.as_bytes().to_vec(), utf16, utf16be] {
        let d = read_bytes("c.txt", &bytes, &opts()).unwrap();
        assert_eq!(d.text, utf8.text);
        assert_eq!(d.provisions, utf8.provisions);
    }
    // Windows-1252 curly quotes and a dash.
    let cp1252 = b"1. Definitions\r\n1.1 \x93Forced Labour\x94 means work exacted under menace \x96 of any penalty.\r\n";
    let d = read_bytes("c.txt", cp1252, &opts()).unwrap();
    check(&d);
    assert!(d
        .text
        .contains("\u{201c}Forced Labour\u{201d} means work exacted under menace \u{2013} of"));
    assert_eq!(d.provisions[1].kind, K::Definition);
}

#[test]
fn markdown_structure() {
    let md = "# Supply Agreement\n\n\
## 9. Anti-Slavery\n\n\
The Supplier shall:\n\n\
1. not use *forced* labour;\n\
2. not engage in ~~human trafficking~~ anything;\n   1. nested item\n\n\
| No. | Clause |\n|---|---|\n| 9.3 | The Supplier shall report breaches. |\n\n\
<!-- a comment -->\n\n\
## 10. Price\n\nThe price is fixed.\n";
    let d = read_bytes("c.md", md.as_bytes(), &opts()).unwrap();
    check(&d);
    let kinds: Vec<K> = d.provisions.iter().map(|p| p.kind).collect();
    assert_eq!(kinds[0], K::Title);
    let nine = &d.provisions[1];
    assert_eq!(nine.kind, K::Heading);
    assert_eq!(nine.number.as_deref(), Some("9"));
    assert_eq!(nine.title.as_deref(), Some("Anti-Slavery"));
    assert_eq!(numbers(&d), ["9", "9(1)", "9(2)", "9(2)(1)", "9.3", "10"]);
    assert!(!d.text.contains("comment"));
    assert!(!d.text.contains('*'));
    assert_eq!(d.revisions.len(), 1);
    assert_eq!(d.slice(d.revisions[0].span), "human trafficking");
    let table = d
        .provisions
        .iter()
        .find(|p| p.number.as_deref() == Some("9.3"))
        .unwrap();
    assert_eq!(
        d.slice(table.span),
        "9.3\nThe Supplier shall report breaches."
    );
    assert_eq!(table.parent, Some(1));
}

#[test]
fn far_52_222_50() {
    let Some(root) = corpus() else { return };
    let d = read_path(&root.join("clauses/far/FAR_52.222-50.txt"), &opts()).unwrap();
    check(&d);
    let nums = numbers(&d);
    for n in [
        "(a)",
        "(b)",
        "(b)(1)",
        "(b)(5)(ii)",
        "(b)(7)(i)(A)",
        "(c)",
        "(c)(1)",
        "(c)(1)(i)",
        "(d)(1)",
        "(e)(7)",
        "(g)(2)(iii)(B)",
        "(h)(5)(ii)(A)",
        "(i)",
        "(i)(2)",
    ] {
        assert!(nums.contains(&n), "{n} missing from {nums:?}");
    }
    let by = |n: &str| {
        d.provisions
            .iter()
            .find(|p| p.number.as_deref() == Some(n))
            .unwrap()
    };
    assert_eq!(by("(b)").title.as_deref(), Some("Policy"));
    assert_eq!(by("(i)").depth, by("(h)").depth);
    let forced = d
        .provisions
        .iter()
        .find(|p| {
            d.slice(p.span)
                .trim_start()
                .starts_with("Forced Labor means")
        })
        .unwrap();
    assert_eq!(forced.kind, K::Definition);
    assert_eq!(
        d.clause_number(
            d.provisions
                .iter()
                .position(|p| std::ptr::eq(p, forced))
                .unwrap()
        ),
        Some("(a)")
    );
    assert_eq!(by("(c)(1)").kind, K::Clause);
}

#[test]
fn cuad_contracts() {
    let Some(root) = corpus() else { return };
    let dir = root.join("contracts/cuad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut numbered = 0;
    for f in files.iter().step_by(7) {
        let d = read_path(f, &opts()).unwrap();
        check(&d);
        numbered += usize::from(d.provisions.iter().any(|p| p.number.is_some()));
    }
    assert!(numbered * 10 >= files.len().div_ceil(7) * 8, "{numbered}");
    // A contract whose clauses EDGAR flattened into long lines.
    let f = files
        .iter()
        .find(|f| f.to_string_lossy().contains("ACCURAYINC"))
        .unwrap();
    let d = read_path(f, &opts()).unwrap();
    let nums = numbers(&d);
    for n in ["1.5", "2.2.2", "2.3.3", "3.13", "9.5", "11.3"] {
        assert!(nums.contains(&n), "{n} missing");
    }
}

#[test]
fn common_paper_markdown() {
    let Some(root) = corpus() else { return };
    let d = read_path(
        &root.join("templates/commonpaper/CommonPaper-Cloud-Service-Agreement.md"),
        &opts(),
    )
    .unwrap();
    check(&d);
    let by = |n: &str| d.provisions.iter().find(|p| p.number.as_deref() == Some(n));
    let p = by("5.3").expect("5.3");
    assert_eq!(p.title.as_deref(), Some("Termination"));
    assert!(by("5.3(a)").is_some());
    assert_eq!(by("1").and_then(|p| p.title.as_deref()), Some("Service"));
    assert!(!d.text.contains("<span"));
    for f in std::fs::read_dir(root.join("templates/commonpaper"))
        .unwrap()
        .chain(std::fs::read_dir(root.join("templates/bonterms")).unwrap())
    {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "md") {
            let d = read_path(&f, &opts()).unwrap();
            check(&d);
        }
    }
}
