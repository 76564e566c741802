//! Property tests (issue 9): on generated contract-like texts, spans lie inside the text and on
//! char boundaries, provisions are nested and ordered, statuses do not depend on line endings or
//! trailing whitespace, and the same input gives the same output.

use flowdown::{check_text, CheckOptions, Pack};
use flowdown_ingest::{read_bytes, ReadOptions};
use proptest::prelude::*;
use std::sync::LazyLock;

static PACK: LazyLock<Pack> = LazyLock::new(Pack::builtin);

const SENTENCES: &[&str] = &[
    "The Supplier shall not engage in trafficking in persons or use forced labour.",
    "The Vendor should avoid the use of forced labour where practicable.",
    "The Contractor shall include this clause in all sub-contracts at every tier.",
    "The Seller shall not be required to flow down this clause to its sub-contractors.",
    "The Buyer may terminate this Agreement if the Supplier breaches clause 2.",
    "The Supplier shall remedy any breach and provide remediation to affected workers.",
    "Lunch is served at noon in the café — “bring a badge”.",
    "WHEREAS the parties wish to cooperate on modern slavery;",
    "The Distributor shall comply with FAR 52.222-50, Combating Trafficking in Persons.",
    "Payment is due within thirty (30) days of the invoice.",
    "Ünïcödé tëxt: 契約 and emoji 🚢 in the middle of a clause.",
    "\"Supplier\" means Acme Ltd.",
];
const HEADS: &[&str] = &[
    "",
    "1. ",
    "1.1 ",
    "2.3(a)(ii) ",
    "Article IV ",
    "Section 5. ",
    "Schedule 2 ",
    "(a) ",
    "(iv) ",
    "Clause 14 ",
    "DEFINITIONS\n",
    "12. Labour Standards\n",
];

fn contract() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            0..HEADS.len(),
            prop::collection::vec(0..SENTENCES.len(), 1..4),
            0u8..3,
        ),
        1..25,
    )
    .prop_map(|items| {
        let mut s = String::new();
        for (h, sents, gap) in items {
            s.push_str(HEADS[h]);
            let body: Vec<&str> = sents.iter().map(|i| SENTENCES[*i]).collect();
            s.push_str(&body.join(" "));
            s.push('\n');
            for _ in 0..gap {
                s.push('\n');
            }
        }
        s
    })
}

fn statuses(text: &str) -> Vec<(String, String)> {
    let r = check_text(&PACK, "p.txt", text, &CheckOptions::default());
    assert!(r.error.is_none(), "{:?}", r.error);
    r.requirements
        .iter()
        .map(|q| (q.id.clone(), format!("{:?}", q.status)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn spans_inside_text_on_char_boundaries(text in contract()) {
        let doc = read_bytes("p.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
        let t = &doc.text;
        for p in &doc.provisions {
            prop_assert!(p.span.start <= p.span.end && p.span.end <= t.len(), "{:?}", p.span);
            prop_assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
        }
        let r = check_text(&PACK, "p.txt", &text, &CheckOptions::default());
        for q in &r.requirements {
            for e in &q.evidence {
                prop_assert!(e.start <= e.end && e.end <= t.len(), "{}: {}..{}", q.id, e.start, e.end);
                prop_assert!(t.is_char_boundary(e.start) && t.is_char_boundary(e.end));
            }
        }
    }

    #[test]
    fn provisions_nested_and_ordered(text in contract()) {
        // A provision's span is its own text; its children follow it, in order, and sibling
        // subtrees do not overlap.
        let doc = read_bytes("p.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
        let ps = &doc.provisions;
        let mut extent: Vec<usize> = ps.iter().map(|p| p.span.end).collect();
        for i in (0..ps.len()).rev() {
            if let Some(parent) = ps[i].parent {
                prop_assert!(parent < i, "parent after child at {i}");
                extent[parent] = extent[parent].max(extent[i]);
            }
        }
        for (i, p) in ps.iter().enumerate() {
            if i > 0 {
                prop_assert!(ps[i - 1].span.start <= p.span.start, "order at {i}");
            }
            if let Some(parent) = p.parent {
                let q = &ps[parent];
                prop_assert!(q.span.end <= p.span.start, "child {:?} before the end of its parent {:?}", p.span, q.span);
                prop_assert!(q.children.contains(&i));
                prop_assert_eq!(p.depth, q.depth + 1);
            } else {
                prop_assert_eq!(p.depth, 0);
            }
            for w in p.children.windows(2) {
                prop_assert!(w[0] < w[1]);
                prop_assert!(extent[w[0]] <= ps[w[1]].span.start, "sibling subtrees overlap at {i}");
            }
            for &c in &p.children {
                prop_assert_eq!(ps[c].parent, Some(i));
            }
        }
    }

    #[test]
    fn statuses_independent_of_line_endings_and_trailing_whitespace(text in contract()) {
        let lf = statuses(&text);
        prop_assert_eq!(&lf, &statuses(&text.replace('\n', "\r\n")));
        let trailing: String = text.lines().map(|l| format!("{l}  \t\n")).collect();
        prop_assert_eq!(&lf, &statuses(&trailing));
    }

    #[test]
    fn same_input_same_output(text in contract()) {
        let a = serde_json::to_string(&check_text(&PACK, "p.txt", &text, &CheckOptions::default())).unwrap();
        let b = serde_json::to_string(&check_text(&PACK, "p.txt", &text, &CheckOptions::default())).unwrap();
        prop_assert_eq!(a, b);
    }
}
