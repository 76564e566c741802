//! HTML, parsed with html5ever (through `scraper`), the WHATWG HTML5 parser browsers follow.
//!
//! - Blocks: `p`, `div`, `li`, `td`/`th`, `h1`…`h6`, `blockquote`, `pre`, `dt`/`dd`, `caption`
//!   and other sectioning elements; a `p` or `div` inside a list item or cell keeps the item's
//!   kind and label.
//! - `<ol>` numbering becomes the label the browser shows (`3.`, `c.`, `iv.`), honouring
//!   `start`, `type`, `reversed` and `<li value>`; `<ul>` items are list items without label.
//! - `<del>`, `<s>`, `<strike>` → struck revision marks (`<del datetime>` kept as the date);
//!   `<ins>` → inserted.
//! - Ignored with their content: `script`, `style`, `template`, `noscript`, `head`, `svg`,
//!   `math`, elements with `hidden`, `aria-hidden="true"`, or an inline `display:none` /
//!   `visibility:hidden` style.
//! - Whitespace collapses as in rendering (except in `pre`); no-break spaces become spaces.

use super::xmlx::clean_text;
use crate::limits::exceeded;
use crate::ReadOptions;
use ego_tree::iter::Edge;
use flowdown_core::{BlockKind, BlockMeta, Document, DocumentBuilder, Error, Format, RevisionKind};
use scraper::{Html, Node};

struct Ctx {
    kind: BlockKind,
    label: Option<String>,
    level: Option<u8>,
    pre: bool,
}

struct List {
    ordered: bool,
    next: i64,
    step: i64,
    ty: String,
}

/// Reads HTML (bytes decoded as UTF-8, or Windows-1252 when not valid UTF-8).
///
/// # Errors
/// `limit-exceeded` when elements nest deeper than the XML depth limit.
#[allow(clippy::too_many_lines)] // reason: one flat walk over the parsed tree
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let text = super::text::decode(bytes);
    let html = Html::parse_document(&text);
    let mut b = DocumentBuilder::new(name, Format::Html);
    let max_depth = opts.limits.max_xml_depth;

    let mut depth = 0usize;
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut ctxs: Vec<Ctx> = Vec::new();
    let mut lists: Vec<List> = Vec::new();
    let mut tables: Vec<(u32, i64, i64)> = Vec::new();
    let mut table_count = 0u32;
    let mut marks: Vec<(RevisionKind, Option<String>)> = Vec::new();
    let mut active = false;
    let mut last_space = true;
    let mut index = 0u32;

    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    if let Node::Text(t) = node.value() {
                        let pre = ctxs.last().is_some_and(|c| c.pre);
                        let mut s: String = if pre { t.to_string() } else { collapse(t) };
                        if s.is_empty() {
                            continue;
                        }
                        if !active {
                            s = s.trim_start().to_owned();
                            if s.is_empty() {
                                continue;
                            }
                            let (kind, label, level) = match ctxs.last_mut() {
                                Some(c) => (c.kind, c.label.take(), c.level),
                                None => (BlockKind::Paragraph, None, None),
                            };
                            b.end_block();
                            b.set_meta(BlockMeta {
                                label,
                                level,
                                index: Some(index),
                                ..BlockMeta::default()
                            });
                            index += 1;
                            b.begin_block(kind);
                            active = true;
                        } else if last_space && s.starts_with(' ') {
                            s = s.trim_start().to_owned();
                        }
                        if s.is_empty() {
                            continue;
                        }
                        last_space = s.ends_with(' ');
                        let s = clean_text(&s);
                        let mark = marks
                            .iter()
                            .rev()
                            .find(|(k, _)| k.is_removal())
                            .or_else(|| marks.last());
                        match mark {
                            Some((k, date)) => b.push_revision(&s, *k, None, date.clone()),
                            None => b.push_text(&s),
                        }
                    }
                    continue;
                };
                depth += 1;
                if depth > max_depth {
                    return Err(exceeded(
                        name,
                        "max-xml-depth",
                        depth as u64,
                        max_depth as u64,
                        "levels of element nesting",
                    ));
                }
                let tag = el.name();
                if is_hidden(tag, el) {
                    skip = Some(node.id());
                    continue;
                }
                let mut block: Option<Ctx> = None;
                match tag {
                    "del" | "s" | "strike" => {
                        marks.push((RevisionKind::Struck, el.attr("datetime").map(str::to_owned)));
                    }
                    "ins" => {
                        marks.push((
                            RevisionKind::Inserted,
                            el.attr("datetime").map(str::to_owned),
                        ));
                    }
                    "br" if active && !last_space => {
                        b.push_text(" ");
                        last_space = true;
                    }
                    "ol" | "ul" => {
                        let ordered = tag == "ol";
                        let reversed = el.attr("reversed").is_some();
                        let count = i64::try_from(
                            node.children()
                                .filter(|c| {
                                    c.value().as_element().is_some_and(|e| e.name() == "li")
                                })
                                .count(),
                        )
                        .unwrap_or(0);
                        let start = el
                            .attr("start")
                            .and_then(|s| s.trim().parse::<i64>().ok())
                            .unwrap_or(if reversed { count } else { 1 });
                        lists.push(List {
                            ordered,
                            next: start,
                            step: if reversed { -1 } else { 1 },
                            ty: el.attr("type").unwrap_or("1").to_owned(),
                        });
                    }
                    "li" => {
                        let level = u8::try_from(lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                        let label = match lists.last_mut() {
                            Some(l) if l.ordered => {
                                if let Some(v) =
                                    el.attr("value").and_then(|v| v.trim().parse::<i64>().ok())
                                {
                                    l.next = v;
                                }
                                let n = l.next;
                                l.next += l.step;
                                Some(format!("{}.", list_number(n, &l.ty)))
                            }
                            _ => None,
                        };
                        block = Some(Ctx {
                            kind: BlockKind::ListItem { level },
                            label,
                            level: Some(level),
                            pre: false,
                        });
                    }
                    "table" => {
                        tables.push((table_count, -1, -1));
                        table_count += 1;
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.1 += 1;
                            t.2 = -1;
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            t.2 += 1;
                            block = Some(Ctx {
                                kind: BlockKind::TableCell {
                                    table: t.0,
                                    row: u32::try_from(t.1.max(0)).unwrap_or(0),
                                    col: u32::try_from(t.2.max(0)).unwrap_or(0),
                                },
                                label: None,
                                level: None,
                                pre: false,
                            });
                        }
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        let level = tag.get(1..).and_then(|d| d.parse::<u8>().ok()).unwrap_or(1);
                        block = Some(Ctx {
                            kind: BlockKind::Heading { level },
                            label: None,
                            level: Some(level - 1),
                            pre: false,
                        });
                    }
                    "p" | "div" | "blockquote" | "pre" | "dt" | "dd" | "caption" | "section"
                    | "article" | "address" | "figcaption" | "header" | "footer" | "main"
                    | "nav" | "aside" | "form" | "fieldset" | "center" | "body" | "dl"
                    | "figure" | "hr" | "legend" | "summary" | "details" => {
                        // Inside an item or a cell that has shown no text yet, a paragraph
                        // continues the item (its label is still to be placed).
                        let inherit = ctxs.last().filter(|c| {
                            matches!(
                                c.kind,
                                BlockKind::ListItem { .. } | BlockKind::TableCell { .. }
                            )
                        });
                        let (kind, level) =
                            inherit.map_or((BlockKind::Paragraph, None), |c| (c.kind, c.level));
                        let label = ctxs
                            .last_mut()
                            .filter(|c| {
                                matches!(
                                    c.kind,
                                    BlockKind::ListItem { .. } | BlockKind::TableCell { .. }
                                )
                            })
                            .and_then(|c| c.label.take());
                        block = Some(Ctx {
                            kind,
                            label,
                            level,
                            pre: tag == "pre",
                        });
                    }
                    _ => {}
                }
                if let Some(c) = block {
                    if active {
                        b.end_block();
                        active = false;
                    }
                    last_space = true;
                    ctxs.push(c);
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                        depth = depth.saturating_sub(1);
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                depth = depth.saturating_sub(1);
                match el.name() {
                    "del" | "s" | "strike" | "ins" => {
                        marks.pop();
                    }
                    "ol" | "ul" => {
                        lists.pop();
                    }
                    "table" => {
                        tables.pop();
                    }
                    _ => {}
                }
                if opens_block(el.name(), !tables.is_empty()) {
                    if active {
                        b.end_block();
                        active = false;
                    }
                    last_space = true;
                    ctxs.pop();
                }
            }
        }
    }
    Ok(b.finish())
}

/// Mirrors the elements that push a context in [`read`].
fn opens_block(tag: &str, in_table: bool) -> bool {
    matches!(
        tag,
        "li" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "p"
            | "div"
            | "blockquote"
            | "pre"
            | "dt"
            | "dd"
            | "caption"
            | "section"
            | "article"
            | "address"
            | "figcaption"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "form"
            | "fieldset"
            | "center"
            | "body"
            | "dl"
            | "figure"
            | "hr"
            | "legend"
            | "summary"
            | "details"
    ) || (in_table && matches!(tag, "td" | "th"))
}

fn is_hidden(tag: &str, el: &scraper::node::Element) -> bool {
    if matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "head"
            | "svg"
            | "math"
            | "iframe"
            | "object"
    ) {
        return true;
    }
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn list_number(n: i64, ty: &str) -> String {
    let Ok(u) = u32::try_from(n) else {
        return n.to_string();
    };
    match ty {
        "a" => alpha(u).to_ascii_lowercase(),
        "A" => alpha(u),
        "i" => super::docx::format_number(u, "lowerRoman"),
        "I" => super::docx::format_number(u, "upperRoman"),
        _ => u.to_string(),
    }
}

/// CSS `upper-alpha`: A…Z, AA, AB, … (bijective base 26), as browsers number `<ol type="A">`.
fn alpha(mut n: u32) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_like_browsers() {
        assert_eq!(list_number(1, "a"), "a");
        assert_eq!(list_number(26, "A"), "Z");
        assert_eq!(list_number(27, "a"), "aa");
        assert_eq!(list_number(28, "a"), "ab");
        assert_eq!(list_number(4, "I"), "IV");
        assert_eq!(list_number(-1, "1"), "-1");
    }
}
