//! Generic XML contracts: the text of elements in document order, with element paths as
//! structure.
//!
//! An element that holds text directly (mixed content such as `<p>The <b>Supplier</b> shall
//! …</p>`) is one block with all the text below it; an element that only holds elements is
//! structure, and its children are visited in order. Each block's
//! [`flowdown_core::Block::path`] is an XPath-like element path, with a 1-based position where
//! an element has same-named siblings (`/contract/clause[2]/p`). Entities are never expanded:
//! a DTD that declares entities or names an external subset is refused (`entity-refused`).

use super::xmlx::{clean_text, Ev, XmlReader};
use crate::ReadOptions;
use flowdown_core::{BlockKind, BlockMeta, Document, DocumentBuilder, Error, Format};

enum Child {
    Text(String),
    Elem(usize),
}

struct Node {
    name: String,
    parent: Option<usize>,
    children: Vec<Child>,
}

/// Reads a generic XML document.
///
/// # Errors
/// `entity-refused`, `malformed`, `limit-exceeded` (`max-xml-depth`).
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let xml = super::container::decode_xml_bytes(bytes);
    let mut r = XmlReader::new(name, "", &xml, opts.limits.max_xml_depth).allow_plain_doctype();
    let mut nodes: Vec<Node> = vec![Node {
        name: String::new(),
        parent: None,
        children: Vec::new(),
    }];
    let mut cur = 0usize;
    loop {
        match r.next()? {
            Ev::Start(e) => {
                let idx = nodes.len();
                nodes.push(Node {
                    name: e.name().0.to_owned(),
                    parent: Some(cur),
                    children: Vec::new(),
                });
                if let Some(n) = nodes.get_mut(cur) {
                    n.children.push(Child::Elem(idx));
                }
                cur = idx;
            }
            Ev::Empty(_) => {}
            Ev::End(_) => cur = nodes.get(cur).and_then(|n| n.parent).unwrap_or(0),
            Ev::Text(t) => {
                if let Some(n) = nodes.get_mut(cur) {
                    if let Some(Child::Text(s)) = n.children.last_mut() {
                        s.push_str(&t);
                    } else {
                        n.children.push(Child::Text(t.into_owned()));
                    }
                }
            }
            Ev::Eof => break,
        }
    }

    let mut b = DocumentBuilder::new(name, Format::Xml);
    let mut index = 0u32;
    // Depth-first over element nodes, children pushed in reverse to pop in order.
    let mut stack: Vec<usize> = vec![0];
    while let Some(i) = stack.pop() {
        let Some(n) = nodes.get(i) else { continue };
        let direct = n
            .children
            .iter()
            .any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()));
        if direct && i != 0 {
            let text = subtree_text(&nodes, i);
            let text = collapse(&clean_text(&text));
            if !text.is_empty() {
                b.end_block();
                b.set_meta(BlockMeta {
                    index: Some(index),
                    path: Some(path_of(&nodes, i)),
                    ..BlockMeta::default()
                });
                index += 1;
                b.push_block(BlockKind::Paragraph, &text);
            }
            continue;
        }
        for c in n.children.iter().rev() {
            if let Child::Elem(k) = c {
                stack.push(*k);
            }
        }
    }
    Ok(b.finish())
}

fn subtree_text(nodes: &[Node], root: usize) -> String {
    let mut out = String::new();
    // (node, next child position)
    let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
    while let Some((i, pos)) = stack.pop() {
        let Some(n) = nodes.get(i) else { continue };
        if let Some(c) = n.children.get(pos) {
            stack.push((i, pos + 1));
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Elem(k) => {
                    // Element boundaries separate words (`<num>1</num><p>Text</p>`).
                    out.push(' ');
                    stack.push((*k, 0));
                }
            }
        }
    }
    out
}

fn path_of(nodes: &[Node], i: usize) -> String {
    let mut parts = Vec::new();
    let mut cur = i;
    while let Some(n) = nodes.get(cur) {
        let Some(parent) = n.parent else { break };
        let siblings: Vec<usize> = nodes
            .get(parent)
            .map(|p| {
                p.children
                    .iter()
                    .filter_map(|c| match c {
                        Child::Elem(k) if nodes.get(*k).is_some_and(|x| x.name == n.name) => {
                            Some(*k)
                        }
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        if siblings.len() > 1 {
            let pos = siblings.iter().position(|&k| k == cur).unwrap_or(0) + 1;
            parts.push(format!("{}[{pos}]", n.name));
        } else {
            parts.push(n.name.clone());
        }
        cur = parent;
    }
    parts.reverse();
    format!("/{}", parts.join("/"))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_in_order_with_paths() {
        let xml = br#"<?xml version="1.0"?><!DOCTYPE contract><contract><title>Terms</title>
<clause><num>1</num><p>The <b>Supplier</b> shall not engage in trafficking.</p></clause>
<clause><num>2</num><p>Second &amp; last.</p></clause></contract>"#;
        let d = read("c.xml", xml, &ReadOptions::default()).unwrap();
        let got: Vec<(String, &str)> = d
            .blocks
            .iter()
            .map(|b| (b.path.clone().unwrap(), d.slice(b.span)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("/contract/title".to_owned(), "Terms"),
                ("/contract/clause[1]/num".to_owned(), "1"),
                (
                    "/contract/clause[1]/p".to_owned(),
                    "The Supplier shall not engage in trafficking."
                ),
                ("/contract/clause[2]/num".to_owned(), "2"),
                ("/contract/clause[2]/p".to_owned(), "Second & last."),
            ]
        );
    }
}
