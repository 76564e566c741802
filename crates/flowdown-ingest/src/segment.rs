//! Provision segmentation: clause numbers, headings, lead-ins with sub-items, definitions,
//! recitals and tables of contents, built into a tree over the blocks.

use flowdown_core::{Document, Provision, ProvisionKind};

/// Fills `doc.provisions`. Placeholder: one clause per block with a leading number.
pub fn segment(doc: &mut Document) {
    let re = regex::Regex::new(r"^\s*(\d+(?:\.\d+)*)\.?\s").ok();
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let t = doc.slice(b.span);
        let number = re
            .as_ref()
            .and_then(|r| r.captures(t))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_owned());
        out.push(Provision {
            kind: ProvisionKind::Clause,
            number,
            title: None,
            span: b.span,
            blocks: (i, i + 1),
            parent: None,
            children: Vec::new(),
            depth: 0,
            part: b.part,
        });
    }
    doc.provisions = out;
}
