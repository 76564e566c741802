use super::*;
use flowdown_core::{BlockMeta, DocumentBuilder};

fn text_doc(s: &str) -> Document {
    let mut b = DocumentBuilder::new("t.txt", Format::Text);
    for line in s.split('\n') {
        if line.trim().is_empty() {
            b.push_blank_line();
        } else {
            b.push_block(BlockKind::Paragraph, line);
        }
    }
    let mut d = b.finish();
    segment(&mut d);
    check_invariants(&d);
    d
}

/// Spans on char boundaries, ordered, parents before children, consistent links.
pub(crate) fn check_invariants(d: &Document) {
    let mut last_start = 0;
    for (i, p) in d.provisions.iter().enumerate() {
        assert!(
            p.span.start <= p.span.end && p.span.end <= d.text.len(),
            "{i}: {p:?}"
        );
        assert!(d.text.is_char_boundary(p.span.start) && d.text.is_char_boundary(p.span.end));
        assert!(p.span.start >= last_start, "{i} out of order");
        last_start = p.span.start;
        assert!(p.blocks.0 < p.blocks.1 && p.blocks.1 <= d.blocks.len());
        match p.parent {
            Some(par) => {
                let pp = &d.provisions[par];
                assert!(par < i);
                assert!(pp.children.contains(&i));
                assert_eq!(p.depth, pp.depth + 1);
                assert!(pp.span.start <= p.span.start);
            }
            None => assert_eq!(p.depth, 0),
        }
        let mut prev = None;
        for &c in &p.children {
            assert_eq!(d.provisions[c].parent, Some(i));
            assert!(prev.is_none_or(|pr| pr < c));
            prev = Some(c);
        }
    }
}

/// (number, kind, title, parent number) per provision.
fn summary(d: &Document) -> Vec<(String, ProvisionKind, String, String)> {
    d.provisions
        .iter()
        .map(|p| {
            (
                p.number.clone().unwrap_or_default(),
                p.kind,
                p.title.clone().unwrap_or_default(),
                p.parent
                    .and_then(|q| d.provisions[q].number.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn find<'a>(d: &'a Document, number: &str) -> &'a Provision {
    d.provisions
        .iter()
        .find(|p| p.number.as_deref() == Some(number))
        .unwrap_or_else(|| panic!("no provision {number}: {:#?}", summary(d)))
}

fn numbers(d: &Document) -> Vec<&str> {
    d.provisions
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect()
}

use ProvisionKind as K;

#[test]
fn far_style_nesting() {
    let d = text_doc(
        "(a) Definitions. As used in this clause-\n\
         Agent means any individual authorized to act.\n\
         Coercion means-\n\
         (1) Threats of serious harm;\n\
         (2) The abuse of the legal process.\n\
         Forced labor means knowingly providing labor.\n\
         (b) Policy. Contractors shall not-\n\
         (1) Engage in trafficking in persons;\n\
         (5)\n\
         (i) Use misleading practices;\n\
         (ii) Use recruiters that do not comply;\n\
         (7)\n\
         (i) Fail to provide return transportation-\n\
         (A) For an employee who is not a national;\n\
         (B) For an employee brought in;\n\
         (ii) The requirements shall not apply.\n\
         (c)(1) The Contractor shall notify its employees.\n\
         (2) Take appropriate action.\n\
         (h) Compliance plan.\n\
         (i) Subcontracts. The Contractor shall include the substance of this clause.",
    );
    assert_eq!(
        numbers(&d),
        [
            "(a)",
            "(a)(1)",
            "(a)(2)",
            "(b)",
            "(b)(1)",
            "(b)(5)",
            "(b)(5)(i)",
            "(b)(5)(ii)",
            "(b)(7)",
            "(b)(7)(i)",
            "(b)(7)(i)(A)",
            "(b)(7)(i)(B)",
            "(b)(7)(ii)",
            "(c)(1)",
            "(c)(2)",
            "(h)",
            "(i)"
        ]
    );
    let a = find(&d, "(a)");
    assert_eq!(a.title.as_deref(), Some("Definitions"));
    assert_eq!(a.kind, K::Clause);
    // The definitions are children of (a); (1) and (2) belong to "Coercion means-".
    let agent = &d.provisions[1];
    assert_eq!(agent.kind, K::Definition);
    assert_eq!(agent.parent, Some(0));
    let coercion = &d.provisions[2];
    assert_eq!(d.slice(coercion.span), "Coercion means-");
    assert_eq!(coercion.kind, K::Definition);
    assert_eq!(find(&d, "(a)(1)").parent, Some(2));
    assert_eq!(find(&d, "(a)(1)").kind, K::Definition);
    let forced = &d.provisions[5];
    assert_eq!(
        d.slice(forced.span),
        "Forced labor means knowingly providing labor."
    );
    assert_eq!(forced.parent, Some(0));
    assert_eq!(find(&d, "(b)").title.as_deref(), Some("Policy"));
    assert_eq!(find(&d, "(b)").kind, K::Clause);
    assert_eq!(find(&d, "(b)(1)").kind, K::Clause);
    assert_eq!(find(&d, "(b)(7)(i)(A)").depth, 3);
    assert_eq!(find(&d, "(h)").kind, K::Heading);
    assert_eq!(find(&d, "(h)").title.as_deref(), Some("Compliance plan"));
    // (i) after (h) is a letter: a sibling of (h), not a child.
    assert_eq!(find(&d, "(i)").depth, 0);
    assert_eq!(find(&d, "(i)").title.as_deref(), Some("Subcontracts"));
    // (c)(1) has an implicit (c) level: (2) is its sibling.
    assert_eq!(find(&d, "(c)(2)").parent, find(&d, "(c)(1)").parent);
}

#[test]
fn articles_and_sections() {
    let d = text_doc(
        "ARTICLE IV\nANTI-SLAVERY\n\nSection 4.1 Scope. This Article applies to the Services.\n\n\
         Section 4.2 Prohibition. The Supplier shall not:\n(a) use forced labour;\n(b) traffic persons.\n\n\
         Article V - Termination\n5.1 The Buyer may terminate.",
    );
    let s = summary(&d);
    assert_eq!(
        s[0],
        (
            "Article IV".into(),
            K::Heading,
            "ANTI-SLAVERY".into(),
            String::new()
        )
    );
    assert_eq!(d.provisions[0].blocks, (0, 2));
    assert_eq!(
        s[1],
        (
            "Section 4.1".into(),
            K::Clause,
            "Scope".into(),
            "Article IV".into()
        )
    );
    assert_eq!(
        s[2],
        (
            "Section 4.2".into(),
            K::Clause,
            "Prohibition".into(),
            "Article IV".into()
        )
    );
    assert_eq!(
        s[3],
        (
            "Section 4.2(a)".into(),
            K::Clause,
            String::new(),
            "Section 4.2".into()
        )
    );
    assert_eq!(s[4].0, "Section 4.2(b)");
    assert_eq!(
        s[5],
        (
            "Article V".into(),
            K::Heading,
            "Termination".into(),
            String::new()
        )
    );
    assert_eq!(
        s[6],
        ("5.1".into(), K::Clause, String::new(), "Article V".into())
    );
}

#[test]
fn lead_in_with_sub_items() {
    let d = text_doc(
        "9. Anti-Slavery. The Supplier shall, and shall ensure that its sub-contractors shall:\n\
         (a) not engage in trafficking in persons;\n\
         (b) not use forced labour;\n\
         (c) not confiscate identity documents;\n\
         (d) not charge recruitment fees;\n\
         (e) report any breach to the Buyer; and\n\
         (f) cooperate with any investigation.\n\
         10. Termination. The Buyer may terminate for breach of clause 9.",
    );
    assert_eq!(
        numbers(&d),
        ["9", "9(a)", "9(b)", "9(c)", "9(d)", "9(e)", "9(f)", "10"]
    );
    let nine = find(&d, "9");
    assert_eq!(nine.title.as_deref(), Some("Anti-Slavery"));
    assert_eq!(nine.children, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(
        d.slice(nine.span),
        "9. Anti-Slavery. The Supplier shall, and shall ensure that its sub-contractors shall:"
    );
    assert_eq!(find(&d, "10").depth, 0);
    assert_eq!(find(&d, "9(f)").kind, K::Clause);
}

#[test]
fn unnumbered_lead_in_owns_items() {
    let d = text_doc(
        "1. Ethics\n\nThe Supplier shall:\n\n(a) not use forced labour;\n\n(b) notify the Buyer.\n\nThe Supplier shall keep records.\n\n2. Price",
    );
    let s = summary(&d);
    assert_eq!(
        s[0],
        ("1".into(), K::Heading, "Ethics".into(), String::new())
    );
    assert_eq!(d.provisions[1].parent, Some(0));
    assert_eq!(d.provisions[2].parent, Some(1));
    assert_eq!(s[2].0, "1(a)");
    assert_eq!(d.provisions[3].parent, Some(1));
    // The paragraph after the list is a child of clause 1 again.
    assert_eq!(
        d.slice(d.provisions[4].span),
        "The Supplier shall keep records."
    );
    assert_eq!(d.provisions[4].parent, Some(0));
    assert_eq!(d.provisions[5].depth, 0);
}

#[test]
fn recitals() {
    let d = text_doc(
        "SUPPLY AGREEMENT\n\nThis Agreement is made between ACME Ltd (the \"Supplier\") and NATO (the \"Buyer\").\n\n\
         WHEREAS, the Buyer wishes to buy goods;\n\nWHEREAS, the parties recognise that trafficking is a global problem;\n\n\
         NOW, THEREFORE, the parties agree as follows:\n\n1. Supply. The Supplier shall supply the goods.",
    );
    let kinds: Vec<_> = d.provisions.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            K::Title,
            K::Clause,
            K::Recital,
            K::Recital,
            K::Clause,
            K::Clause
        ]
    );
    assert_eq!(d.provisions[5].number.as_deref(), Some("1"));
    assert_eq!(d.provisions[5].depth, 0);
}

#[test]
fn recitals_under_heading() {
    let d = text_doc(
        "BACKGROUND\n\n(A) The Buyer procures services.\n\n(B) The Supplier provides them.\n\n\
         AGREED TERMS\n\n1. DEFINITIONS\n\n1.1 \"Supplier\" means ACME Ltd.\n\n1.2 In this Agreement headings do not affect interpretation.\n\n\
         2. OBLIGATIONS\n\n2.1 The Supplier shall comply.",
    );
    let s = summary(&d);
    assert_eq!(s[0].1, K::Heading);
    assert_eq!(
        s[1],
        ("(A)".into(), K::Recital, String::new(), String::new())
    );
    assert_eq!(s[2].1, K::Recital);
    assert_eq!(s[3].1, K::Heading);
    assert_eq!(find(&d, "1").kind, K::Heading);
    assert_eq!(find(&d, "1.1").kind, K::Definition);
    assert_eq!(find(&d, "1.2").kind, K::Clause);
    assert_eq!(find(&d, "2.1").kind, K::Clause);
    assert_eq!(
        d.provisions[find(&d, "2.1").parent.unwrap()]
            .number
            .as_deref(),
        Some("2")
    );
}

#[test]
fn definitions() {
    let d = text_doc(
        "1. Definitions\n\n\"Forced Labour\" means any work exacted under menace of penalty.\n\n\
         “Trafficking” has the meaning given in the Palermo Protocol.\n\n\
         Supplier means ACME Ltd.\n\n2. Obligations\n\nThe Supplier means well but shall comply.",
    );
    let kinds: Vec<_> = d.provisions.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            K::Heading,
            K::Definition,
            K::Definition,
            K::Definition,
            K::Heading,
            K::Clause
        ]
    );
}

#[test]
fn toc_then_clauses() {
    let d = text_doc(
        "MASTER SERVICES AGREEMENT\n\n\
         1. Definitions\n2. Services\n3. Anti-Slavery\n4. Termination\n\n\
         1. Definitions\n\n1.1 \"Services\" means the services.\n\n\
         2. Services\n\n2.1 The Supplier shall provide the Services.\n\n\
         3. Anti-Slavery\n\n3.1 The Supplier shall not use forced labour.\n\n\
         4. Termination\n\n4.1 The Buyer may terminate.",
    );
    let kinds: Vec<_> = d.provisions.iter().take(6).map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [K::Title, K::Toc, K::Toc, K::Toc, K::Toc, K::Heading]
    );
    assert_eq!(d.provisions.iter().filter(|p| p.kind == K::Toc).count(), 4);
    let real = d
        .provisions
        .iter()
        .position(|p| p.kind == K::Heading && p.number.as_deref() == Some("3"))
        .unwrap();
    assert_eq!(d.provisions[real].title.as_deref(), Some("Anti-Slavery"));
    assert_eq!(d.provisions[real + 1].number.as_deref(), Some("3.1"));
    assert_eq!(d.provisions[real + 1].parent, Some(real));
}

#[test]
fn toc_under_contents_heading() {
    let d = text_doc(
        "TABLE OF CONTENTS\n\nClause 1 Definitions ........ 2\nClause 2 Anti-Slavery ........ 5\n\
         Schedule 1 Code of Conduct ........ 9\n\n\
         Clause 1 Definitions\n\nIn this Agreement words have their ordinary meaning.\n\n\
         Clause 2 Anti-Slavery\n\nThe Supplier shall not use forced labour.",
    );
    let s = summary(&d);
    assert_eq!(s[0].1, K::Heading);
    assert_eq!(s[1].1, K::Toc);
    assert_eq!(s[2].1, K::Toc);
    assert_eq!(s[3].1, K::Toc);
    assert_eq!(d.provisions[1].parent, Some(0));
    assert_eq!(
        s[4],
        (
            "Clause 1".into(),
            K::Heading,
            "Definitions".into(),
            String::new()
        )
    );
    assert_eq!(d.provisions[4].depth, 0);
    let last = d.provisions.last().unwrap();
    assert_eq!(last.kind, K::Clause);
    assert_eq!(
        d.provisions[last.parent.unwrap()].number.as_deref(),
        Some("Clause 2")
    );
}

#[test]
fn hard_wrapped_lines_join() {
    let d = text_doc(
        "12.1 Compliance with Laws. The Supplier shall comply with all applicable laws relating\n\
         to modern slavery and human trafficking, including the Modern Slavery Act 2015, and\n\
         shall not engage in any activity that would breach them.\n\
         12.2 The Supplier shall notify the Buyer of any breach of clause 12.1 without delay and\n\
         cooperate with any investigation.",
    );
    assert_eq!(numbers(&d), ["12.1", "12.2"]);
    let p = &d.provisions[0];
    assert_eq!(p.blocks, (0, 3));
    assert_eq!(p.title.as_deref(), Some("Compliance with Laws"));
    assert!(d.slice(p.span).ends_with("that would breach them."));
    assert!(d.slice(p.span).starts_with("12.1 Compliance"));
    assert_eq!(d.provisions[1].blocks, (3, 5));
}

#[test]
fn wrapped_paragraphs_split_at_intent() {
    // Hard-wrapped at ~70 columns; a short line ending a sentence ends the paragraph.
    let d = text_doc(
        "The Supplier shall ensure that no forced, bonded or involuntary labour\n\
         is used in the performance of this Agreement by it or by any of its\n\
         sub-contractors at any tier of the supply chain, and shall keep records\n\
         of its due diligence for six years.\n\
         The Buyer may audit those records on reasonable notice at any time\n\
         during the term of this Agreement and for two years after its end, and\n\
         the Supplier shall give the Buyer the help it needs.\n\
         Any breach of this clause is a material breach of this Agreement that\n\
         entitles the Buyer to terminate it immediately by notice in writing.",
    );
    let spans: Vec<_> = d.provisions.iter().map(|p| p.blocks).collect();
    assert_eq!(spans, [(0, 4), (4, 7), (7, 9)]);
}

#[test]
fn heading_lines_start_provisions() {
    let d = text_doc(
        "MODERN SLAVERY\nThe Supplier shall not use forced labour.\nRemedies\nThe Buyer may terminate.",
    );
    let s = summary(&d);
    assert_eq!(s[0].1, K::Title);
    assert_eq!(s[1].1, K::Clause);
    assert_eq!(
        s[2],
        (String::new(), K::Heading, "Remedies".into(), String::new())
    );
    assert_eq!(d.provisions[3].parent, Some(2));
}

#[test]
fn numbered_heading_only_owns_paragraphs() {
    let d = text_doc("9. ANTI-SLAVERY\nThe Supplier shall not use forced labour.\nIt shall also report.\n10. PRICE");
    let s = summary(&d);
    assert_eq!(
        s[0],
        ("9".into(), K::Heading, "ANTI-SLAVERY".into(), String::new())
    );
    assert_eq!(d.provisions[1].parent, Some(0));
    assert_eq!(d.provisions[2].parent, Some(0));
    assert_eq!(s[3].0, "10");
    assert_eq!(d.provisions[3].depth, 0);
    let d = text_doc("Clause 9 – Modern Slavery\nThe Supplier shall comply.");
    assert_eq!(d.provisions[0].kind, K::Heading);
    assert_eq!(d.provisions[0].number.as_deref(), Some("Clause 9"));
    assert_eq!(d.provisions[0].title.as_deref(), Some("Modern Slavery"));
}

#[test]
fn edgar_furniture_is_annotation() {
    let d = text_doc(
        "1. Term. This Agreement shall remain in force for three years unless\n\n\
         Source: ACME CORP, 10-K, 2/8/2017\n\nPage 5 of 20\n\n\
         terminated earlier under clause 9.\n\n[***]\n\n-6-\n\n2. Price. The price is fixed.",
    );
    let s = summary(&d);
    assert_eq!(s[0].0, "1");
    assert_eq!(s[1].1, K::Annotation);
    assert_eq!(s[2].1, K::Annotation);
    // The clause continues after the page furniture: a child of clause 1.
    assert_eq!(s[3].1, K::Clause);
    assert_eq!(d.provisions[3].parent, Some(0));
    assert_eq!(d.clause_number(3), Some("1"));
    assert_eq!(s[4].1, K::Annotation);
    assert_eq!(s[5].1, K::Annotation);
    assert_eq!(s[6].0, "2");
    assert_eq!(d.provisions[6].depth, 0);
}

#[test]
fn flattened_edgar_lines_split() {
    let d = text_doc(
        "   1. Definitions     1.1 In this Agreement:     1.1.1 the following expressions have the following meanings:     \"the Act\" means the Modern Slavery Act.\n\n\
         issued by the Buyer.     2.2.2. Notwithstanding the foregoing, the Supplier shall comply.",
    );
    assert_eq!(numbers(&d), ["1", "1.1", "1.1.1", "2.2.2"]);
    let p = find(&d, "1.1");
    assert_eq!(d.slice(p.span), "1.1 In this Agreement:");
    assert_eq!(find(&d, "1.1").parent, Some(0));
    assert_eq!(d.provisions[0].title.as_deref(), Some("Definitions"));
    assert_eq!(d.slice(d.provisions[0].span), "   1. Definitions");
    assert_eq!(
        d.slice(find(&d, "2.2.2").span),
        "2.2.2. Notwithstanding the foregoing, the Supplier shall comply."
    );
}

#[test]
fn label_is_the_number() {
    let mut b = DocumentBuilder::new("x.docx", Format::Docx);
    for (label, text) in [
        (Some("9."), "Anti-Slavery"),
        (Some("9.1"), "The Supplier shall:"),
        (Some("(a)"), "not use forced labour;"),
        (Some("(b)"), "not traffic persons."),
        (None, "The Buyer may audit compliance."),
        (Some("10."), "Price"),
    ] {
        b.set_meta(BlockMeta {
            label: label.map(str::to_owned),
            ..BlockMeta::default()
        });
        b.push_block(BlockKind::Paragraph, text);
    }
    let mut d = b.finish();
    segment(&mut d);
    check_invariants(&d);
    let s = summary(&d);
    assert_eq!(
        s[0],
        ("9".into(), K::Heading, "Anti-Slavery".into(), String::new())
    );
    assert_eq!(s[1], ("9.1".into(), K::Clause, String::new(), "9".into()));
    assert_eq!(
        s[2],
        ("9.1(a)".into(), K::Clause, String::new(), "9.1".into())
    );
    assert_eq!(s[3].0, "9.1(b)");
    assert_eq!(s[4].3, "9.1");
    assert_eq!(s[5].0, "10");
}

#[test]
fn table_row_split_clause() {
    let mut b = DocumentBuilder::new("x.docx", Format::Docx);
    let cells = [
        (0, 0, "12.3"),
        (0, 1, "The Supplier shall not use forced labour."),
        (1, 0, "12.4"),
        (1, 1, "The Supplier shall report breaches."),
        (2, 0, "Note"),
        (2, 1, "See Schedule 5."),
    ];
    for (row, col, text) in cells {
        b.push_block(BlockKind::TableCell { table: 0, row, col }, text);
    }
    let mut d = b.finish();
    segment(&mut d);
    check_invariants(&d);
    assert_eq!(numbers(&d), ["12.3", "12.4"]);
    let p = find(&d, "12.3");
    assert_eq!(p.blocks, (0, 2));
    assert_eq!(
        d.slice(p.span),
        "12.3\nThe Supplier shall not use forced labour."
    );
    assert_eq!(p.kind, K::Clause);
    assert_eq!(d.provisions.len(), 4);
}

#[test]
fn markdown_headings_own_content() {
    let mut b = DocumentBuilder::new("x.md", Format::Markdown);
    b.push_block(BlockKind::Heading { level: 1 }, "Supply Agreement");
    b.push_block(BlockKind::Heading { level: 2 }, "9. Anti-Slavery");
    b.push_block(
        BlockKind::Paragraph,
        "The Supplier shall not use forced labour.",
    );
    b.push_block(BlockKind::Paragraph, "The Supplier shall report breaches.");
    b.push_block(BlockKind::Heading { level: 3 }, "Remedies");
    b.push_block(BlockKind::Paragraph, "The Buyer may terminate.");
    b.push_block(BlockKind::Heading { level: 2 }, "10. Price");
    let mut d = b.finish();
    segment(&mut d);
    check_invariants(&d);
    let s = summary(&d);
    assert_eq!(s[0].1, K::Title);
    assert_eq!(
        s[1],
        ("9".into(), K::Heading, "Anti-Slavery".into(), String::new())
    );
    assert_eq!(d.provisions[2].parent, Some(1));
    assert_eq!(d.provisions[3].parent, Some(1));
    assert_eq!(d.provisions[4].parent, Some(1));
    assert_eq!(d.provisions[5].parent, Some(4));
    assert_eq!(d.provisions[6].parent, None);
}

#[test]
fn markdown_list_levels() {
    let mut b = DocumentBuilder::new("x.md", Format::Markdown);
    let items = [
        (0, Some("1"), "Service"),
        (
            1,
            Some("1"),
            "Access and Use. Customer may use the Product.",
        ),
        (1, Some("2"), "Restrictions. Customer will not:"),
        (2, Some("a"), "reverse engineer the Product;"),
        (2, Some("b"), "resell it."),
        (0, Some("2"), "Payment"),
    ];
    for (level, label, text) in items {
        b.set_meta(BlockMeta {
            label: label.map(str::to_owned),
            level: Some(level),
            ..BlockMeta::default()
        });
        b.push_block(BlockKind::ListItem { level }, text);
    }
    let mut d = b.finish();
    segment(&mut d);
    check_invariants(&d);
    assert_eq!(numbers(&d), ["1", "1.1", "1.2", "1.2(a)", "1.2(b)", "2"]);
    assert_eq!(d.provisions[0].kind, K::Heading);
    assert_eq!(d.provisions[1].title.as_deref(), Some("Access and Use"));
    assert_eq!(d.provisions[3].parent, Some(2));
    assert_eq!(d.provisions[5].depth, 0);
}

#[test]
fn bullets_under_lead_in() {
    let d = text_doc("The Supplier shall not:\n• use forced labour;\n• charge recruitment fees.\nThe Buyer may audit.");
    assert_eq!(d.provisions.len(), 4);
    assert_eq!(d.provisions[1].parent, Some(0));
    assert_eq!(d.provisions[2].parent, Some(0));
    assert_eq!(d.provisions[1].number, None);
    assert_eq!(d.provisions[3].depth, 0);
}

#[test]
fn numbered_list_under_lead_in() {
    let d = text_doc(
        "5. Ethics. The Supplier shall:\n1. not use forced labour;\n2. report breaches.\n6. Price.",
    );
    assert_eq!(numbers(&d), ["5", "5(1)", "5(2)", "6"]);
    assert_eq!(d.provisions[2].parent, Some(0));
}

#[test]
fn roman_after_letter_nests() {
    let d = text_doc("(a) The Supplier shall:\n(i) comply;\n(ii) report.\n(b) The Buyer may audit.\n(c) x.\n(d) x.\n(e) x.\n(f) x.\n(g) x.\n(h) x.\n(i) x.\n(j) x.");
    assert_eq!(
        numbers(&d),
        [
            "(a)", "(a)(i)", "(a)(ii)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)",
            "(j)"
        ]
    );
    assert_eq!(find(&d, "(i)").depth, 0);
    assert_eq!(find(&d, "(a)(i)").depth, 1);
}

#[test]
fn empty_and_odd_input() {
    for s in [
        "",
        "\n\n",
        "(",
        "1.",
        "§",
        "- ",
        "(a)(b)(c)(d)",
        "ARTICLE",
        "1.1.1.1.1.1.1.1.1.1 x",
        "•",
    ] {
        let d = text_doc(s);
        assert!(d.provisions.len() <= d.blocks.len() + 1);
    }
}

#[test]
fn clause_table_rows_stay_in_their_clause() {
    // Rows citing regulation clauses (columns, or a date at the end) are items of the clause
    // that lists them, not headings of new clauses; a FAR clause's own heading still is one.
    let d = text_doc(
        "30. GOVERNMENT PROVISIONS\n\n30.2 The following clauses are incorporated by reference:\n\n  52.203-6       JUN-20    Restrictions on Subcontractor Sales\n  52.222-50      NOV-21    Combating Trafficking in Persons\n52.222-21 Prohibition of Segregated Facilities (Apr 2015)\n\n30.3 Next clause.\n",
    );
    assert_eq!(numbers(&d), ["30", "30.2", "30.3"]);
    let far = text_doc("52.222-50 Combating Trafficking in Persons.\n\n(a) Definitions.\n");
    assert_eq!(numbers(&far), ["52.222-50", "(a)"]);
}

#[test]
fn lower_case_clause_reference_continues_its_line() {
    let d = text_doc(
        "6.3 Sub-contractors are encouraged to adopt standards equivalent to\nclause 6.1.\n\n6.4 Next.\n\nClause 7 Notices\n",
    );
    assert_eq!(numbers(&d), ["6.3", "6.4", "Clause 7"]);
}

#[test]
fn roman_and_lettered_section_clauses() {
    let d = text_doc(
        "SECTION III - SOCIAL RESPONSIBILITY\n\nIII.1 The Manufacturer shall comply.\n\nIII.2 The Manufacturer should not.\n\nSECTION H - SPECIAL REQUIREMENTS\n\nH-9 TRAFFICKING IN PERSONS.\n(a) The Contractor shall not.\n\nH-10 HOURS. Services shall be available.\n",
    );
    assert_eq!(
        numbers(&d),
        [
            "Section III",
            "III.1",
            "III.2",
            "Section H",
            "H-9",
            "H-9(a)",
            "H-10"
        ]
    );
    assert_eq!(
        find(&d, "H-9(a)")
            .parent
            .map(|p| d.provisions[p].number.clone()),
        Some(Some("H-9".into()))
    );
}

#[test]
fn letter_dot_section_clauses() {
    let d = text_doc(
        "SECTION C - DESCRIPTION\n\nC.1 Scope. The Contractor shall maintain the site.\n\nC.2 Reports. The Contractor shall report to J. Smith\nby the fifth day, unless the\nU.S. Government directs otherwise, between 7:00\nA.M. and noon.\n\nSECTION H - SPECIAL REQUIREMENTS\n\nH.3 Combating Trafficking in Persons.\n(a) The Contractor shall not.\n\nH.4 Remedies. A breach of Section\nH.3 of this contract is a material breach.\n\nB.12 Prices. Fixed.\n",
    );
    assert_eq!(
        numbers(&d),
        [
            "Section C",
            "C.1",
            "C.2",
            "Section H",
            "H.3",
            "H.3(a)",
            "H.4",
            "B.12"
        ]
    );
    assert_eq!(
        find(&d, "H.3(a)")
            .parent
            .map(|p| d.provisions[p].number.clone()),
        Some(Some("H.3".into()))
    );
}

#[test]
fn regulation_section_numbers() {
    let d = text_doc(
        "22.1702 Definitions.\nAs used in this subpart-\n\n22.1703 Policy.\nThe Government has adopted a policy.\n\n12.03.2020 was the date.\n",
    );
    assert_eq!(numbers(&d), ["22.1702", "22.1703"]);
}

#[test]
fn number_after_a_wrapped_reference_word_continues() {
    let d = text_doc(
        "6.2 The Vendor expects its suppliers to meet the standards of clause\n6.1.\n\n6.3 Next.\n",
    );
    assert_eq!(numbers(&d), ["6.2", "6.3"]);
}
