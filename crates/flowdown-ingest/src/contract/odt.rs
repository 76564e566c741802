//! ODT (OpenDocument text): `content.xml` streamed with quick-xml, list numbering from the list
//! styles of `content.xml` and `styles.xml`, tracked changes, notes, annotations, tables, and
//! the headers and footers of `styles.xml`.
//!
//! - `text:h` → heading (its `text:outline-level`); a paragraph in a `text:list-item` → list
//!   item, labelled as LibreOffice shows it: `style:num-prefix`, the numbers of the last
//!   `text:display-levels` levels joined by `.`, `style:num-suffix`; `text:start-value` on the
//!   level or the item, `text:continue-numbering`/`text:continue-list` continue a list,
//!   otherwise a new top-level list restarts its style's counters.
//! - Tracked changes: the text of a `text:deletion` region is put back where its
//!   `text:change` mark stands, as a deleted revision (whole deleted paragraphs become deleted
//!   blocks of their own); text between `text:change-start`/`text:change-end` of an insertion
//!   region is an inserted revision. Author (`dc:creator`) and date come from the region.
//! - Footnotes/endnotes → note blocks labelled with their citation; annotations → comments;
//!   headers/footers of master pages → header/footer blocks.

use super::container::Container;
use super::xmlx::{attr, clean_text, ln, ln_end, Ev, XmlReader};
use crate::ReadOptions;
use flowdown_core::{
    BlockKind, BlockMeta, Document, DocumentBuilder, Error, ErrorKind, Format, RevisionKind,
};
use std::collections::HashMap;
use std::rc::Rc;

/// Reads an ODT document.
///
/// # Errors
/// As [`super::docx::read`].
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let limits = opts.limits;
    let mut zip = Container::open(name, bytes, limits)?;
    let Some(content) = zip.read_text("content.xml")? else {
        return Err(Error::new(
            ErrorKind::Malformed,
            name,
            "ODT has no content.xml",
        ));
    };
    let styles_xml = zip.read_text("styles.xml")?.unwrap_or_default();
    let mut lists = ListStyles::default();
    if !styles_xml.is_empty() {
        collect_list_styles(
            name,
            "styles.xml",
            &styles_xml,
            limits.max_xml_depth,
            &mut lists,
        )?;
    }
    collect_list_styles(
        name,
        "content.xml",
        &content,
        limits.max_xml_depth,
        &mut lists,
    )?;

    let mut b = DocumentBuilder::new(name, Format::Odt);
    let body = walk(
        name,
        "content.xml",
        &content,
        limits.max_xml_depth,
        &lists,
        false,
    )?;
    emit(&mut b, body, "content.xml");
    if !styles_xml.is_empty() {
        let hf = walk(
            name,
            "styles.xml",
            &styles_xml,
            limits.max_xml_depth,
            &lists,
            true,
        )?;
        emit(&mut b, hf, "styles.xml");
    }
    Ok(b.finish())
}

#[derive(Debug, Clone, Default)]
struct LevelStyle {
    format: String,
    prefix: String,
    suffix: String,
    display: u8,
    start: u32,
}

#[derive(Debug, Default)]
struct ListStyles {
    styles: HashMap<String, HashMap<u8, LevelStyle>>,
    outline: HashMap<u8, LevelStyle>,
}

fn level_style(e: &quick_xml::events::BytesStart<'_>) -> (u8, LevelStyle) {
    let level = attr(e, "level").and_then(|v| v.parse().ok()).unwrap_or(1);
    (
        level,
        LevelStyle {
            format: attr(e, "num-format").unwrap_or_default(),
            prefix: attr(e, "num-prefix").unwrap_or_default(),
            suffix: attr(e, "num-suffix").unwrap_or_default(),
            display: attr(e, "display-levels")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1),
            start: attr(e, "start-value")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1),
        },
    )
}

fn collect_list_styles(
    name: &str,
    part: &str,
    xml: &str,
    depth: usize,
    out: &mut ListStyles,
) -> Result<(), Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut cur: Option<String> = None;
    let mut in_outline = false;
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) => match ln(&e) {
                "list-style" => cur = attr(&e, "name"),
                "outline-style" => in_outline = true,
                "list-level-style-number" | "outline-level-style" => {
                    let (lvl, st) = level_style(&e);
                    if in_outline {
                        out.outline.insert(lvl, st);
                    } else if let Some(c) = &cur {
                        out.styles.entry(c.clone()).or_default().insert(lvl, st);
                    }
                }
                "list-level-style-bullet" | "list-level-style-image" => {
                    let (lvl, _) = level_style(&e);
                    if let Some(c) = &cur {
                        out.styles.entry(c.clone()).or_default().insert(
                            lvl,
                            LevelStyle {
                                format: String::new(),
                                display: 0,
                                ..LevelStyle::default()
                            },
                        );
                    }
                }
                // Styles live before the body; nothing more to collect.
                "body" => return Ok(()),
                _ => {}
            },
            Ev::End(e) => match ln_end(&e) {
                "list-style" => cur = None,
                "outline-style" => in_outline = false,
                _ => {}
            },
            Ev::Eof => return Ok(()),
            Ev::Text(_) => {}
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Mark {
    kind: RevisionKind,
    author: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Default)]
struct Para {
    segs: Vec<(String, Option<Rc<Mark>>)>,
    kind: Option<BlockKind>,
    label: Option<String>,
    level: Option<u8>,
    index: u32,
}

impl Para {
    fn push(&mut self, text: &str, mark: Option<&Rc<Mark>>) {
        if text.is_empty() {
            return;
        }
        if let Some((t, m)) = self.segs.last_mut() {
            if m.as_ref().map(|x| &**x) == mark.map(|x| &**x) {
                t.push_str(text);
                return;
            }
        }
        self.segs.push((text.to_owned(), mark.cloned()));
    }
    fn is_empty(&self) -> bool {
        self.segs.iter().all(|(t, _)| t.trim().is_empty())
    }
}

#[derive(Debug, Default)]
struct Region {
    kind: Option<RevisionKind>,
    author: Option<String>,
    date: Option<String>,
    paras: Vec<String>,
}

struct ListCtx {
    style: String,
}

fn render_label(levels: &HashMap<u8, LevelStyle>, counters: &[u32], level: u8) -> Option<String> {
    let st = levels.get(&level)?;
    if st.format.is_empty() && st.prefix.is_empty() && st.suffix.is_empty() {
        return None;
    }
    let from = usize::from(level.saturating_sub(st.display.max(1)));
    let mut nums = Vec::new();
    for (i, &n) in counters
        .iter()
        .enumerate()
        .take(usize::from(level))
        .skip(from)
    {
        let lv = u8::try_from(i + 1).unwrap_or(1);
        let fmt = levels.get(&lv).map_or("1", |s| s.format.as_str());
        nums.push(odf_number(n.max(1), fmt));
    }
    let label = format!("{}{}{}", st.prefix, nums.join("."), st.suffix);
    let label = label.trim().to_owned();
    (!label.is_empty()).then_some(label)
}

fn odf_number(n: u32, fmt: &str) -> String {
    let word = match fmt {
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        "" => "none",
        _ => "decimal",
    };
    super::docx::format_number(n, word)
}

/// Paragraphs in reading order.
#[allow(clippy::too_many_lines)] // reason: one flat state machine over ODF events
fn walk(
    name: &str,
    part: &str,
    xml: &str,
    depth: usize,
    styles: &ListStyles,
    headers_only: bool,
) -> Result<Vec<Para>, Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut out: Vec<Para> = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    let mut marks: Vec<(String, Rc<Mark>)> = Vec::new();
    let mut regions: HashMap<String, Region> = HashMap::new();
    let mut region: Option<(String, Region)> = None;
    let mut region_para: Option<String> = None;
    let mut in_creator = false;
    let mut in_date = false;
    let mut lists: Vec<ListCtx> = Vec::new();
    let mut counters: HashMap<String, Vec<u32>> = HashMap::new();
    let mut pending_label: Option<(String, u8)> = None;
    let mut tables: Vec<(u32, i64, i64)> = Vec::new();
    let mut table_count = 0u32;
    let mut note_depth: Option<usize> = None;
    let mut note_label: Option<String> = None;
    let mut in_citation = false;
    let mut annotation_depth: Option<usize> = None;
    let mut hf_depth: Option<usize> = None;
    let mut in_body = false;
    let mut index = 0u32;
    let mut outline: Vec<u32> = Vec::new();

    loop {
        let ev = r.next()?;
        match ev {
            Ev::Start(ref e) | Ev::Empty(ref e) => {
                let is_start = matches!(ev, Ev::Start(_));
                let d = r.depth();
                let local = ln(e);
                // Tracked-change regions: collect, never read as body text.
                if let Some((_, reg)) = region.as_mut() {
                    match local {
                        "deletion" => reg.kind = Some(RevisionKind::Deleted),
                        "insertion" => reg.kind = Some(RevisionKind::Inserted),
                        "creator" if is_start => in_creator = true,
                        "date" if is_start => in_date = true,
                        "p" | "h" if is_start => region_para = Some(String::new()),
                        "p" | "h" => reg.paras.push(String::new()),
                        "s" => {
                            if let Some(p) = region_para.as_mut() {
                                p.push(' ');
                            }
                        }
                        "tab" | "line-break" => {
                            if let Some(p) = region_para.as_mut() {
                                p.push(' ');
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match local {
                    "text" if is_start && !headers_only => in_body = true,
                    "header" | "footer" | "header-left" | "footer-left" | "header-first"
                    | "footer-first"
                        if is_start && headers_only =>
                    {
                        hf_depth = Some(d);
                    }
                    "changed-region" if is_start => {
                        let id = attr(e, "id").unwrap_or_default();
                        region = Some((id, Region::default()));
                    }
                    "tracked-changes" => {}
                    _ if !(in_body || hf_depth.is_some()) => {}
                    "p" | "h" => {
                        let mut p = Para {
                            index,
                            ..Para::default()
                        };
                        index += 1;
                        if local == "h" {
                            let lvl: u8 = attr(e, "outline-level")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                            p.kind = Some(BlockKind::Heading { level: lvl.max(1) });
                            p.level = Some(lvl.max(1) - 1);
                        }
                        if local == "h" && lists.is_empty() && pending_label.is_none() {
                            // Chapter numbering from the outline style (`text:outline-style`).
                            let lvl: u8 = attr(e, "outline-level")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, 10);
                            let i = usize::from(lvl - 1);
                            while outline.len() <= i {
                                let k = u8::try_from(outline.len() + 1).unwrap_or(1);
                                outline.push(
                                    styles
                                        .outline
                                        .get(&k)
                                        .map_or(0, |s| s.start.saturating_sub(1)),
                                );
                            }
                            if let Some(v) = outline.get_mut(i) {
                                *v += 1;
                            }
                            outline.truncate(i + 1);
                            p.label = render_label(&styles.outline, &outline, lvl);
                        }
                        if let Some((label, lvl)) = pending_label.take() {
                            p.label = Some(label);
                            if p.kind.is_none() {
                                p.kind = Some(BlockKind::ListItem { level: lvl });
                            }
                            p.level = Some(lvl);
                        } else if !lists.is_empty() && p.kind.is_none() {
                            let lvl = u8::try_from(lists.len() - 1).unwrap_or(0);
                            p.kind = Some(BlockKind::ListItem { level: lvl });
                            p.level = Some(lvl);
                        }
                        if let Some(&(t, row, col)) = tables.last() {
                            p.kind = Some(BlockKind::TableCell {
                                table: t,
                                row: u32::try_from(row.max(0)).unwrap_or(0),
                                col: u32::try_from(col.max(0)).unwrap_or(0),
                            });
                        }
                        if note_depth.is_some() {
                            p.kind = Some(BlockKind::Note);
                            p.label.clone_from(&note_label);
                        }
                        if annotation_depth.is_some() {
                            p.kind = Some(BlockKind::Comment);
                        }
                        if hf_depth.is_some() {
                            p.kind = Some(BlockKind::HeaderFooter);
                        }
                        if is_start {
                            stack.push(p);
                        }
                    }
                    "list" if is_start => {
                        let style = attr(e, "style-name")
                            .or_else(|| lists.last().map(|l| l.style.clone()))
                            .unwrap_or_default();
                        let cont = attr(e, "continue-numbering").is_some_and(|v| v == "true")
                            || attr(e, "continue-list").is_some();
                        if lists.is_empty() && !cont {
                            counters.remove(&style);
                        }
                        lists.push(ListCtx { style });
                    }
                    "list-item" if is_start => {
                        let level = u8::try_from(lists.len()).unwrap_or(1).max(1);
                        let style = lists.last().map(|l| l.style.clone()).unwrap_or_default();
                        let levels = styles.styles.get(&style);
                        let st = levels
                            .and_then(|l| l.get(&level))
                            .cloned()
                            .unwrap_or_default();
                        let c = counters.entry(style.clone()).or_default();
                        let i = usize::from(level - 1);
                        if c.len() <= i {
                            // Levels never used show their start value.
                            for k in c.len()..=i {
                                let lv = u8::try_from(k + 1).unwrap_or(1);
                                let s = levels.and_then(|l| l.get(&lv)).map_or(1, |s| s.start);
                                c.push(s.saturating_sub(1));
                            }
                            if let Some(v) = c.get_mut(i) {
                                *v = st.start.saturating_sub(1);
                            }
                        }
                        let next = attr(e, "start-value")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or_else(|| c.get(i).copied().unwrap_or(0) + 1);
                        if let Some(v) = c.get_mut(i) {
                            *v = next;
                        }
                        c.truncate(i + 1);
                        let snapshot = c.clone();
                        pending_label = levels
                            .and_then(|l| render_label(l, &snapshot, level))
                            .map(|l| (l, level - 1));
                        if pending_label.is_none() {
                            pending_label = None;
                        }
                    }
                    "list-header" => pending_label = None,
                    "table" if is_start => {
                        tables.push((table_count, -1, -1));
                        table_count += 1;
                    }
                    "table-row" if is_start => {
                        if let Some(t) = tables.last_mut() {
                            t.1 += 1;
                            t.2 = -1;
                        }
                    }
                    "table-cell" | "covered-table-cell" => {
                        if let Some(t) = tables.last_mut() {
                            t.2 += 1;
                        }
                    }
                    "note" if is_start => {
                        note_depth = Some(d);
                        note_label = None;
                    }
                    "note-citation" if is_start => {
                        in_citation = true;
                        note_label = Some(String::new());
                    }
                    "annotation" if is_start => annotation_depth = Some(d),
                    "creator" | "date" if is_start && annotation_depth.is_some() => {
                        r.skip_element()?;
                    }
                    "s" => {
                        let n: usize = attr(e, "c").and_then(|v| v.parse().ok()).unwrap_or(1);
                        let spaces = " ".repeat(n.min(64));
                        push(&mut stack, &spaces, &marks);
                    }
                    "tab" | "line-break" => push(&mut stack, " ", &marks),
                    "change" => {
                        let id = attr(e, "change-id").unwrap_or_default();
                        if let Some(reg) = regions.get(&id) {
                            if reg.kind == Some(RevisionKind::Deleted) {
                                let mark = Rc::new(Mark {
                                    kind: RevisionKind::Deleted,
                                    author: reg.author.clone(),
                                    date: reg.date.clone(),
                                });
                                let paras: Vec<&String> = reg.paras.iter().collect();
                                let at_start = stack.last().is_none_or(Para::is_empty);
                                if let (true, Some((last, whole))) =
                                    (at_start && paras.len() > 1, paras.split_last())
                                {
                                    // Whole deleted paragraphs stand on their own.
                                    for t in whole {
                                        let mut p = Para {
                                            index,
                                            ..Para::default()
                                        };
                                        index += 1;
                                        p.push(&clean_text(t), Some(&mark));
                                        out.push(p);
                                    }
                                    push_mark(&mut stack, last, &mark);
                                } else {
                                    let joined = paras
                                        .iter()
                                        .map(|s| s.as_str())
                                        .collect::<Vec<_>>()
                                        .join(" ");
                                    push_mark(&mut stack, &joined, &mark);
                                }
                            }
                        }
                    }
                    "change-start" => {
                        let id = attr(e, "change-id").unwrap_or_default();
                        if let Some(reg) = regions.get(&id) {
                            if let Some(kind) = reg.kind {
                                marks.push((
                                    id,
                                    Rc::new(Mark {
                                        kind,
                                        author: reg.author.clone(),
                                        date: reg.date.clone(),
                                    }),
                                ));
                            }
                        }
                    }
                    "change-end" => {
                        let id = attr(e, "change-id").unwrap_or_default();
                        marks.retain(|(m, _)| *m != id);
                    }
                    _ => {}
                }
            }
            Ev::End(ref e) => {
                let d = r.depth() + 1;
                let local = ln_end(e);
                if let Some((_, reg)) = region.as_mut() {
                    match local {
                        "creator" => in_creator = false,
                        "date" => in_date = false,
                        "p" | "h" => {
                            if let Some(p) = region_para.take() {
                                reg.paras.push(p);
                            }
                        }
                        "changed-region" => {
                            if let Some((id, reg)) = region.take() {
                                regions.insert(id, reg);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match local {
                    "p" | "h" => {
                        if let Some(p) = stack.pop() {
                            out.push(p);
                        }
                    }
                    "list" => {
                        lists.pop();
                        pending_label = None;
                    }
                    "table" => {
                        tables.pop();
                    }
                    "note-citation" => in_citation = false,
                    "text" if !headers_only => in_body = false,
                    _ => {}
                }
                if note_depth == Some(d) {
                    note_depth = None;
                }
                if annotation_depth == Some(d) {
                    annotation_depth = None;
                }
                if hf_depth == Some(d) {
                    hf_depth = None;
                }
            }
            Ev::Text(t) => {
                if let Some((_, reg)) = region.as_mut() {
                    if in_creator {
                        reg.author = Some(t.trim().to_owned());
                    } else if in_date {
                        reg.date = Some(t.trim().to_owned());
                    } else if let Some(p) = region_para.as_mut() {
                        p.push_str(&t);
                    }
                    continue;
                }
                if in_citation {
                    if let Some(l) = note_label.as_mut() {
                        l.push_str(t.trim());
                    }
                    continue;
                }
                push(&mut stack, &t, &marks);
            }
            Ev::Eof => break,
        }
    }
    Ok(out)
}

fn push(stack: &mut [Para], text: &str, marks: &[(String, Rc<Mark>)]) {
    if let Some(p) = stack.last_mut() {
        // Whitespace in ODF text is collapsed like XML-space default: runs become one space.
        let mut s = String::with_capacity(text.len());
        let mut space = false;
        for c in clean_text(text).chars() {
            if c == '\n' || c == '\r' || c == '\t' {
                if !space {
                    s.push(' ');
                }
                space = true;
            } else {
                s.push(c);
                space = c == ' ';
            }
        }
        p.push(&s, marks.last().map(|(_, m)| m));
    }
}

fn push_mark(stack: &mut [Para], text: &str, mark: &Rc<Mark>) {
    if let Some(p) = stack.last_mut() {
        p.push(&clean_text(text), Some(mark));
    }
}

fn emit(b: &mut DocumentBuilder, paras: Vec<Para>, part: &str) {
    for p in paras {
        if p.is_empty() {
            continue;
        }
        b.end_block();
        b.set_meta(BlockMeta {
            label: p.label,
            level: p.level,
            index: Some(p.index),
            path: Some(part.to_owned()),
            ..BlockMeta::default()
        });
        b.begin_block(p.kind.unwrap_or(BlockKind::Paragraph));
        let mut leading = true;
        for (t, m) in &p.segs {
            let text = if leading {
                let s = t.trim_start();
                if s.is_empty() {
                    continue;
                }
                leading = false;
                s
            } else {
                t.as_str()
            };
            match m {
                Some(m) => b.push_revision(text, m.kind, m.author.clone(), m.date.clone()),
                None => b.push_text(text),
            }
        }
        b.end_block();
    }
}
