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
