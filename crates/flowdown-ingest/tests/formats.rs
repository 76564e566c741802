//! Format readers on the generated fixtures in `fixtures/formats/` (see
//! `scripts/gen_format_fixtures.py`): exact blocks, labels and revision marks.

use flowdown_core::{BlockKind, Document, RevisionKind};
use flowdown_ingest::{read_path, ReadOptions};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats")
        .join(name)
}

fn read(name: &str) -> Document {
    read_path(&fixture(name), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e} ({})", e.kind))
}

/// (kind, label, text) of every block.
fn blocks(d: &Document) -> Vec<(BlockKind, Option<String>, String)> {
    d.blocks
        .iter()
        .map(|b| (b.kind, b.label.clone(), d.slice(b.span).to_owned()))
        .collect()
}

fn revs(d: &Document) -> Vec<(RevisionKind, String)> {
    d.revisions
        .iter()
        .map(|r| (r.kind, d.slice(r.span).to_owned()))
        .collect()
}

fn li(level: u8, label: &str, text: &str) -> (BlockKind, Option<String>, String) {
    (
        BlockKind::ListItem { level },
        Some(label.into()),
        text.into(),
    )
}

fn p(text: &str) -> (BlockKind, Option<String>, String) {
    (BlockKind::Paragraph, None, text.into())
}

#[test]
fn docx_numbering_restarts_and_overrides() {
    let d = read("numbering_restarts.docx");
    let h = |label: &str, text: &str| {
        (
            BlockKind::Heading { level: 1 },
            Some(label.to_owned()),
            text.to_owned(),
        )
    };
    assert_eq!(
        blocks(&d),
        vec![
            h("1.", "Definitions"),
            li(1, "1.1", "First clause."),
            li(2, "(a)", "item a"),
            li(2, "(b)", "item b"),
            li(1, "1.2", "Second clause."),
            li(2, "(a)", "item restarts"),
            h("2.", "Obligations"),
            li(1, "2.1", "Third clause."),
            li(3, "(i)", "sub one"),
            li(3, "(ii)", "sub two"),
            li(2, "(e)", "override starts at e"),
            li(2, "(f)", "continues"),
            p("Unnumbered paragraph."),
            p("Not numbered: numId 0."),
            h("3.", "Remedies"),
            li(0, "Article IV", "Article text."),
            li(0, "Article V", "Next article."),
            li(0, "10)", "Starts at ten."),
            li(1, "A.", "Lettered."),
        ]
    );
    assert_eq!(d.blocks[4].level, Some(1));
    assert_eq!(d.blocks[4].index, 4);
}

#[test]
fn docx_word_quirks() {
    let d = read("word_quirks.docx");
    let cell = |row, col, text: &str| {
        (
            BlockKind::TableCell { table: 0, row, col },
            None,
            text.to_owned(),
        )
    };
    assert_eq!(
        blocks(&d),
        vec![
            p("The Supplier shall not engage in trafficking in persons."),
            p("Under clause 4 the \u{201c}Supplier\u{2019}s\u{201d} duties apply."),
            p("See clause 4.2 and page 7."),
            p("Report concerns to the helpline operated by Harbourline Limited."),
            p("Name: Harbourline Registered office: Portmere"),
            p("The Supplier shall ensure that its Sub-contractors comply with clause 4."),
            p("Sub-contractors are bound by clause 4."),
            cell(0, 0, "4.3 The Supplier shall not"),
            cell(0, 1, "use forced labour."),
            cell(1, 0, "Row two"),
            cell(1, 1, "Second cell"),
            p("Sub-contractors are bound by clause 4."),
            p("The Supplier shall comply with the Policy. It applies at all tiers."),
            p("Text box: no forced labour."),
            p("Anchor paragraph."),
            p("Visible text with struck words end."),
            p("Deleted insertion."),
            (
                BlockKind::Note,
                Some("1".into()),
                "NATO Policy on Combatting Trafficking in Human Beings, 2023.".into()
            ),
            (
                BlockKind::Comment,
                None,
                "Check the flow-down wording.".into()
            ),
            (
                BlockKind::HeaderFooter,
                None,
                "Confidential \u{2013} Draft".into()
            ),
        ]
    );
    assert_eq!(
        revs(&d),
        vec![
            (
                RevisionKind::MovedFrom,
                "Sub-contractors are bound by clause 4.".into()
            ),
            (
                RevisionKind::MovedTo,
                "Sub-contractors are bound by clause 4.".into()
            ),
            (RevisionKind::Struck, "struck words".into()),
            (RevisionKind::Deleted, "Deleted insertion.".into()),
        ]
    );
    let r = &d.revisions[0];
    assert_eq!(r.author.as_deref(), Some("A. Reviewer"));
    assert_eq!(r.date.as_deref(), Some("2025-02-11T09:30:00Z"));
    // The merged paragraph keeps the first paragraph's index; the text-box paragraph has its own.
    assert_eq!(d.blocks[5].index, 5);
    assert_eq!(d.blocks[13].index, 15);
    assert_eq!(d.blocks[17].path.as_deref(), Some("word/footnotes.xml#1"));
}

#[test]
fn docx_tracked_changes() {
    let d = read("tracked_removed_clause.docx");
    let last = blocks(&d);
    assert_eq!(
        last[last.len() - 2..],
        [
            li(1, "3.1", "The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced labour or any other form of modern slavery."),
            li(1, "3.2", "The Supplier shall pay its workers at least the applicable minimum wage."),
        ]
    );
    assert_eq!(
        revs(&d),
        vec![(RevisionKind::Deleted, "The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced labour or any other form of modern slavery.".into())]
    );

    let d = read("tracked_inserted_flowdown.docx");
    assert_eq!(
        revs(&d),
        vec![(RevisionKind::Inserted, "The Supplier shall include the terms of this clause 3 in every Sub-contract at all tiers.".into())]
    );
    assert_eq!(d.revisions[0].author.as_deref(), Some("A. Reviewer"));

    let d = read("tracked_weakened_shall.docx");
    let b = d.blocks.last().unwrap();
    assert_eq!(b.label.as_deref(), Some("3.1"));
    assert_eq!(
        d.slice(b.span),
        "The Supplier shallshould use reasonable efforts to ensure that no forced labour or Trafficking in Persons occurs in the performance of this Agreement."
    );
    assert_eq!(
        revs(&d),
        vec![
            (RevisionKind::Deleted, "shall".into()),
            (
                RevisionKind::Inserted,
                "should use reasonable efforts to".into()
            ),
        ]
    );
}

#[test]
fn detection_ignores_extensions() {
    let bytes = std::fs::read(fixture("contract.docx")).unwrap();
    let d = flowdown_ingest::read_bytes("no-extension", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(d.format, flowdown_core::Format::Docx);
    let d = flowdown_ingest::read_bytes("wrong.pdf", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(d.format, flowdown_core::Format::Docx);
}

/// Block text with its generated label in front, the way a reader sees the line.
fn seen_lines(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .map(|b| match &b.label {
            Some(l) => format!("{l} {}", d.slice(b.span)),
            None => d.slice(b.span).to_owned(),
        })
        .collect()
}

/// Whitespace, hyphens and Markdown heading marks do not count (PDF line breaks may split a
/// compound at its hyphen).
fn squash(s: &str) -> String {
    s.trim_start_matches('#')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

#[test]
fn parity_same_text_and_numbers_in_every_format() {
    let source: Vec<String> = std::fs::read_to_string(fixture("contract.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(squash)
        .collect();
    assert_eq!(source.len(), 46);
    for f in [
        "contract.txt",
        "contract.md",
        "contract.docx",
        "contract.odt",
        "contract.html",
        "contract.pdf",
    ] {
        let d = read(f);
        let got: Vec<String> = seen_lines(&d).iter().map(|l| squash(l)).collect();
        assert_eq!(got, source, "{f}");
    }
    // Formats with generated numbering carry the clause numbers as labels.
    for f in ["contract.docx", "contract.odt"] {
        let d = read(f);
        let labels: Vec<&str> = d.blocks.iter().filter_map(|b| b.label.as_deref()).collect();
        assert_eq!(labels.len(), 43, "{f}");
        assert_eq!(&labels[..4], ["1.", "1.1", "1.2", "1.3"], "{f}");
        assert!(labels.contains(&"4.2") && labels.contains(&"(d)") && labels.contains(&"12.3"));
    }
    let pdf = read("contract.pdf");
    assert_eq!(pdf.blocks.first().and_then(|b| b.page), Some(1));
    assert!(pdf.blocks.last().and_then(|b| b.page).unwrap() >= 2);
}

#[test]
fn html_structure_lists_and_hidden_content() {
    let d = read("html_features.html");
    let lst = |level, label: &str, text: &str| li(level, label, text);
    assert_eq!(
        blocks(&d),
        vec![
            (
                BlockKind::Heading { level: 2 },
                None,
                "Labour Standards".into()
            ),
            lst(0, "4.", "The Supplier shall not use forced labour."),
            lst(0, "5.", "Paragraph in an item."),
            lst(1, "a.", "first letter"),
            lst(1, "e.", "jumps to e"),
            lst(0, "iii.", "three"),
            lst(0, "ii.", "two"),
            lst(0, "i.", "one"),
            (BlockKind::ListItem { level: 0 }, None, "bullet".into()),
            p("The Supplier shall should use reasonable efforts to comply. Struck and old."),
            (
                BlockKind::TableCell {
                    table: 0,
                    row: 0,
                    col: 0
                },
                None,
                "Clause".into()
            ),
            (
                BlockKind::TableCell {
                    table: 0,
                    row: 0,
                    col: 1
                },
                None,
                "Text".into()
            ),
            (
                BlockKind::TableCell {
                    table: 0,
                    row: 1,
                    col: 0
                },
                None,
                "4.3".into()
            ),
            (
                BlockKind::TableCell {
                    table: 0,
                    row: 1,
                    col: 1
                },
                None,
                "The Supplier shall not use child labour.".into()
            ),
            p("Non breaking and \u{201c}curly\u{201d}."),
        ]
    );
    assert_eq!(
        revs(&d),
        vec![
            (RevisionKind::Struck, "shall".into()),
            (
                RevisionKind::Inserted,
                "should use reasonable efforts to".into()
            ),
            (RevisionKind::Struck, "Struck".into()),
            (RevisionKind::Struck, "old".into()),
        ]
    );
    assert!(!d.text.contains("document.write") && !d.text.contains("Hidden"));
}

#[test]
fn odt_tracked_changes_lists_notes() {
    let d = read("odt_tracked_lists.odt");
    assert_eq!(
        blocks(&d),
        vec![
            p("Labour Standards"),
            p("The Supplier shall not engage in, support or facilitate Trafficking in Persons or forced labour."),
            p("The Supplier shall pay the minimum wage. The Supplier shall include this clause in every Sub-contract at all tiers."),
            p("The Supplier shallshould use reasonable efforts to prevent forced labour."),
            li(0, "1.", "One"),
            li(0, "2.", "Two"),
            li(1, "2.1", "Two point one"),
            p("Break"),
            li(0, "3.", "Three"),
            li(0, "7.", "Seven"),
            (BlockKind::TableCell { table: 0, row: 0, col: 0 }, None, "Cell A".into()),
            (BlockKind::TableCell { table: 0, row: 0, col: 1 }, None, "Cell B".into()),
            (BlockKind::Note, Some("1".into()), "A footnote.".into()),
            (BlockKind::Comment, None, "A comment.".into()),
            p("Policy applies."),
        ]
    );
    assert_eq!(
        revs(&d),
        vec![
            (RevisionKind::Deleted, "The Supplier shall not engage in, support or facilitate Trafficking in Persons or forced labour.".into()),
            (RevisionKind::Inserted, "The Supplier shall include this clause in every Sub-contract at all tiers.".into()),
            (RevisionKind::Deleted, "shall".into()),
            (RevisionKind::Inserted, "should use reasonable efforts to".into()),
        ]
    );
    assert_eq!(d.revisions[0].author.as_deref(), Some("A. Reviewer"));
}

#[test]
fn generated_fixtures_are_up_to_date() {
    // Re-running the generator gives byte-identical DOCX/ODT/HTML/TXT/MD files (fixed zip
    // timestamps). Skipped with a message when python3 is not installed.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("flowdown-fixtures-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(root.join("scripts/gen_format_fixtures.py"))
        .arg("--out")
        .arg(&out)
        .status();
    let Ok(status) = status else {
        eprintln!("skipped: python3 not found");
        return;
    };
    assert!(status.success());
    let mut compared = 0;
    for entry in walk(&out) {
        let rel = entry.strip_prefix(&out).unwrap().to_owned();
        let committed = fixture(rel.to_str().unwrap());
        let want = std::fs::read(&entry).unwrap();
        let have = std::fs::read(&committed).unwrap_or_else(|_| {
            panic!(
                "{} is not committed: run scripts/gen_format_fixtures.py",
                rel.display()
            )
        });
        assert!(
            want == have,
            "{} is stale: run python3 scripts/gen_format_fixtures.py",
            rel.display()
        );
        compared += 1;
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(compared >= 15, "{compared}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn committed_pdf_matches_its_source() {
    // contract.pdf is rendered from contract.odt by LibreOffice outside CI
    // (`python3 scripts/gen_format_fixtures.py --pdf`); its extracted text must still be the
    // contract's text.
    let pdf = read("contract.pdf");
    let odt = read("contract.odt");
    assert_eq!(
        seen_lines(&pdf)
            .iter()
            .map(|l| squash(l))
            .collect::<Vec<_>>(),
        seen_lines(&odt)
            .iter()
            .map(|l| squash(l))
            .collect::<Vec<_>>(),
        "contract.pdf is stale: regenerate it with --pdf"
    );
}

#[test]
fn bundle_concatenates_members_with_parts() {
    let dir = fixture("bundle");
    let d = flowdown_ingest::read_bundle(&dir, &ReadOptions::default()).unwrap();
    assert_eq!(d.format, flowdown_core::Format::Bundle);
    let names: Vec<String> = d
        .parts
        .iter()
        .map(|p| {
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        ["01 core-terms.txt", "02 schedule-5.md", "word_quirks.docx"]
    );
    // Each member's text is reproduced as is, in order.
    let members: Vec<Document> = [
        "bundle/01 core-terms.txt",
        "bundle/02 schedule-5.md",
        "word_quirks.docx",
    ]
    .iter()
    .map(|f| read(f))
    .collect();
    let joined: String = members.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(d.text, joined);
    assert_eq!(
        d.blocks.len(),
        members.iter().map(|m| m.blocks.len()).sum::<usize>()
    );
    assert_eq!(
        d.provisions.len(),
        members.iter().map(|m| m.provisions.len()).sum::<usize>()
    );
    assert_eq!(d.revisions.len(), 4);
    assert_eq!(
        d.slice(d.revisions[0].span),
        "Sub-contractors are bound by clause 4."
    );
    // Provisions keep their numbers, point into their own member, and their spans are shifted.
    let p = d
        .provisions
        .iter()
        .position(|p| d.slice(p.span).contains("reasonable endeavours"))
        .unwrap();
    assert_eq!(d.provisions[p].part, 0);
    let q = d
        .provisions
        .iter()
        .position(|p| d.slice(p.span).contains("forced, bonded"))
        .unwrap();
    assert_eq!(d.provisions[q].part, 1);
    assert_eq!(d.blocks[d.provisions[q].blocks.0].part, 1);
    assert!(d
        .provisions
        .iter()
        .all(|p| p.part <= 2 && p.span.end <= d.text.len()));
    assert!(d.blocks.iter().filter(|b| b.part == 2).count() >= 20);
    // A directory without a manifest is read in file-name order.
    let tmp = std::env::temp_dir().join(format!("flowdown-bundle-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("b.txt"), "2. Second file.\n").unwrap();
    std::fs::write(tmp.join("a.txt"), "1. First file.\n").unwrap();
    std::fs::write(tmp.join(".hidden"), "ignored\n").unwrap();
    let d = flowdown_ingest::read_bundle(&tmp, &ReadOptions::default()).unwrap();
    assert_eq!(d.text, "1. First file.\n2. Second file.\n");
    assert_eq!(d.blocks[1].part, 1);
    // A member that cannot be read fails the bundle, naming the member.
    std::fs::copy(fixture("hostile/truncated.docx"), tmp.join("c.docx")).unwrap();
    let e = flowdown_ingest::read_bundle(&tmp, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, flowdown_core::ErrorKind::Malformed);
    assert!(e.path.ends_with("c.docx"), "{}", e.path);
    let _ = std::fs::remove_dir_all(&tmp);
}
