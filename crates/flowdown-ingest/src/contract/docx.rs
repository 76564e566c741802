//! DOCX (Office Open XML WordprocessingML), streamed with quick-xml over the zip container.
//!
//! What a reader of the document sees is what the blocks hold:
//! - one block per paragraph in reading order (body, then footnotes, endnotes, comments,
//!   headers and footers); text-box paragraphs come just before the paragraph anchoring them;
//! - headings from the paragraph's or its style's outline level (or a `heading N` style name),
//!   but a heading-styled paragraph longer than a heading (over 20 words or 150 characters) is
//!   a clause: Word users often number whole clauses with heading styles;
//! - automatic numbering rendered into [`flowdown_core::Block::label`] exactly as Word shows it
//!   (`numbering.xml`: abstract levels, `lvlText`, formats, `start`, `lvlOverride`/
//!   `startOverride`, restarts of deeper levels, `isLgl`, style-linked numbering); counters
//!   belong to the abstract numbering, so two `w:num`s of one abstract continue each other
//!   unless one overrides its start;
//! - tracked changes as revision marks: `w:del`/`w:delText` → deleted, `w:moveFrom` → moved
//!   from, `w:ins` → inserted, `w:moveTo` → moved to, with author and date; run strike-through
//!   (`w:strike`, `w:dstrike`) → struck. A deleted paragraph mark joins the paragraph with the
//!   next one as the accepted document will read; a paragraph whose text is all deleted stays a
//!   block of its own;
//! - field codes (`w:instrText`) are not text, field results are; hidden runs (`w:vanish`) are
//!   skipped; `mc:Fallback` duplicates of text boxes are skipped; property-change records
//!   (`w:pPrChange`, …) are never read as current properties;
//! - `w:tab`, `w:br`, `w:cr` become spaces, `w:noBreakHyphen` a hyphen; no-break spaces become
//!   spaces, curly quotes are kept.

use super::container::Container;
use super::xmlx::{attr, clean_text, ln, ln_end, on_off, Ev, XmlReader};
use crate::ReadOptions;
use flowdown_core::{
    BlockKind, BlockMeta, Document, DocumentBuilder, Error, ErrorKind, Format, RevisionKind,
};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Reads a DOCX document.
///
/// # Errors
/// `malformed` for a broken container or XML, `limit-exceeded` for a limit hit while
/// decompressing or parsing, `entity-refused` for a DTD or entity, `encrypted` for a
/// password-protected zip entry.
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let limits = opts.limits;
    let mut zip = Container::open(name, bytes, limits)?;
    let main = main_part(name, &mut zip, limits.max_xml_depth)?;
    let rels = relationships(name, &mut zip, &main, limits.max_xml_depth)?;
    let part_of = |kind: &str, default: &str| -> Option<String> {
        rels.iter()
            .find(|(t, _)| t == kind)
            .map(|(_, p)| p.clone())
            .or_else(|| Some(default.to_owned()))
    };
    let styles = match part_of("styles", "word/styles.xml") {
        Some(p) => match zip.read_text(&p)? {
            Some(x) => parse_styles(name, &p, &x, limits.max_xml_depth)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let numbering = match part_of("numbering", "word/numbering.xml") {
        Some(p) => match zip.read_text(&p)? {
            Some(x) => parse_numbering(name, &p, &x, limits.max_xml_depth)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let Some(body_xml) = zip.read_text(&main)? else {
        return Err(Error::new(
            ErrorKind::Malformed,
            name,
            format!("DOCX has no main document part {main}"),
        ));
    };

    let mut out = Emitter {
        b: DocumentBuilder::new(name, Format::Docx),
        styles: &styles,
        numbering: &numbering,
        counters: HashMap::new(),
        started_nums: HashSet::new(),
    };
    let mut body = walk_part(name, &main, &body_xml, limits.max_xml_depth, PartKind::Body)?;
    out.emit_all(std::mem::take(&mut body.paras), &main);

    let mut annex: Vec<(PartKind, String)> = Vec::new();
    if let Some(p) = part_of("footnotes", "word/footnotes.xml") {
        annex.push((PartKind::Footnotes, p));
    }
    if let Some(p) = part_of("endnotes", "word/endnotes.xml") {
        annex.push((PartKind::Endnotes, p));
    }
    if let Some(p) = part_of("comments", "word/comments.xml") {
        annex.push((PartKind::Comments, p));
    }
    let mut hf: Vec<String> = rels
        .iter()
        .filter(|(t, _)| t == "header" || t == "footer")
        .map(|(_, p)| p.clone())
        .collect();
    hf.sort();
    hf.dedup();
    annex.extend(hf.into_iter().map(|p| (PartKind::HeaderFooter, p)));
    for (kind, part) in annex {
        let Some(xml) = zip.read_text(&part)? else {
            continue;
        };
        let walked = walk_part(name, &part, &xml, limits.max_xml_depth, kind)?;
        let order = match kind {
            PartKind::Footnotes => &body.footnote_refs,
            PartKind::Endnotes => &body.endnote_refs,
            _ => &Vec::new(),
        };
        let mut paras = walked.paras;
        for p in &mut paras {
            if let Some(id) = &p.note_id {
                if let Some(pos) = order.iter().position(|r| r == id) {
                    let n = u32::try_from(pos + 1).unwrap_or(u32::MAX);
                    p.note_label = Some(if kind == PartKind::Endnotes {
                        format_number(n, "lowerRoman")
                    } else {
                        n.to_string()
                    });
                }
            }
        }
        out.emit_all(paras, &part);
    }
    Ok(out.b.finish())
}

// ---------------------------------------------------------------------------------------------
// Package structure

/// The main document part named by `_rels/.rels` (default `word/document.xml`).
fn main_part(name: &str, zip: &mut Container<'_>, depth: usize) -> Result<String, Error> {
    if let Some(x) = zip.read_text("_rels/.rels")? {
        for (ty, target) in parse_rels(name, "_rels/.rels", &x, depth)? {
            if ty == "officeDocument" {
                let p = resolve_target("", &target);
                if zip.has(&p) {
                    return Ok(p);
                }
            }
        }
    }
    Ok("word/document.xml".to_owned())
}

/// `(type suffix, part path)` of the main part's relationships.
fn relationships(
    name: &str,
    zip: &mut Container<'_>,
    main: &str,
    depth: usize,
) -> Result<Vec<(String, String)>, Error> {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_path = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(x) = zip.read_text(&rels_path)? else {
        return Ok(Vec::new());
    };
    Ok(parse_rels(name, &rels_path, &x, depth)?
        .into_iter()
        .map(|(t, target)| (t, resolve_target(dir, &target)))
        .collect())
}

fn parse_rels(
    name: &str,
    part: &str,
    xml: &str,
    depth: usize,
) -> Result<Vec<(String, String)>, Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut out = Vec::new();
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) if ln(&e) == "Relationship" => {
                if attr(&e, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                if let (Some(ty), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    let suffix = ty.rsplit('/').next().unwrap_or_default().to_owned();
                    out.push((suffix, target));
                }
            }
            Ev::Eof => return Ok(out),
            _ => {}
        }
    }
}

fn resolve_target(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalise_path(abs.split('/').collect());
    } else if dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    parts.extend(target.split('/'));
    normalise_path(parts)
}

fn normalise_path(parts: Vec<&str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

// ---------------------------------------------------------------------------------------------
// Styles

#[derive(Debug, Default, Clone)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_para: Option<String>,
}

impl Styles {
    /// Walks the `basedOn` chain (bounded, cycles cut) and returns the first value found.
    fn find<T>(&self, id: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut cur = Some(id.to_owned());
        for _ in 0..32 {
            let s = self.by_id.get(cur.as_deref()?)?;
            if let Some(v) = f(s) {
                return Some(v);
            }
            cur.clone_from(&s.based_on);
        }
        None
    }

    /// Heading level (1-based) of a style: its outline level, or a `heading N` name.
    fn heading_level(&self, id: &str) -> Option<u8> {
        if let Some(o) = self.find(id, |s| s.outline) {
            return (o < 9).then_some(o + 1);
        }
        let name = self.find(id, |s| s.name.clone())?.to_ascii_lowercase();
        let n = name.strip_prefix("heading ")?.trim().parse::<u8>().ok()?;
        (1..=9).contains(&n).then_some(n)
    }
}

fn parse_styles(name: &str, part: &str, xml: &str, depth: usize) -> Result<Styles, Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut styles = Styles::default();
    let mut cur: Option<(String, Style)> = None;
    let mut in_ppr = false;
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) => match ln(&e) {
                "style" => {
                    if attr(&e, "type").as_deref() == Some("paragraph") {
                        let id = attr(&e, "styleId").unwrap_or_default();
                        if attr(&e, "default").is_some_and(|v| v == "1" || v == "true") {
                            styles.default_para = Some(id.clone());
                        }
                        cur = Some((id, Style::default()));
                    } else {
                        cur = None;
                    }
                }
                "pPr" => in_ppr = true,
                "pPrChange" | "rPr" => r.skip_element()?,
                "name" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.name = attr(&e, "val");
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "outlineLvl" if in_ppr => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.outline = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                "numId" if in_ppr => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.num_id = attr(&e, "val");
                    }
                }
                "ilvl" if in_ppr => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.ilvl = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Ev::End(e) => match ln_end(&e) {
                "pPr" => in_ppr = false,
                "style" => {
                    if let Some((id, s)) = cur.take() {
                        styles.by_id.insert(id, s);
                    }
                }
                _ => {}
            },
            Ev::Eof => return Ok(styles),
            Ev::Text(_) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Numbering

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    fmt: String,
    text: String,
    restart: Option<u8>,
    legal: bool,
    pstyle: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Self {
            start: 1,
            fmt: "decimal".to_owned(),
            text: String::new(),
            restart: None,
            legal: false,
            pstyle: None,
        }
    }
}

#[derive(Debug, Default, Clone)]
struct Abstract {
    levels: HashMap<u8, Level>,
    style_link: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<u8, u32>,
    level_overrides: HashMap<u8, Level>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

fn parse_numbering(name: &str, part: &str, xml: &str, depth: usize) -> Result<Numbering, Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut n = Numbering::default();
    let mut cur_abs: Option<(String, Abstract)> = None;
    let mut cur_num: Option<(String, Num)> = None;
    let mut cur_lvl: Option<(u8, Level)> = None;
    let mut override_ilvl: Option<u8> = None;
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) => match ln(&e) {
                "abstractNum" => {
                    cur_abs = Some((
                        attr(&e, "abstractNumId").unwrap_or_default(),
                        Abstract::default(),
                    ));
                }
                "num" => {
                    cur_num = Some((attr(&e, "numId").unwrap_or_default(), Num::default()));
                }
                "abstractNumId" => {
                    if let Some((_, num)) = cur_num.as_mut() {
                        num.abstract_id = attr(&e, "val").unwrap_or_default();
                    }
                }
                "numStyleLink" => {
                    if let Some((_, a)) = cur_abs.as_mut() {
                        a.style_link = attr(&e, "val");
                    }
                }
                "lvlOverride" => {
                    override_ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                }
                "startOverride" => {
                    if let (Some((_, num)), Some(l)) = (cur_num.as_mut(), override_ilvl) {
                        if let Some(v) = attr(&e, "val").and_then(|v| v.parse().ok()) {
                            num.start_overrides.insert(l, v);
                        }
                    }
                }
                "lvl" => {
                    let ilvl = attr(&e, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .or(override_ilvl)
                        .unwrap_or(0);
                    cur_lvl = Some((ilvl, Level::default()));
                }
                "start" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.start = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.fmt = attr(&e, "val").unwrap_or_else(|| "decimal".to_owned());
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.text = attr(&e, "val").unwrap_or_default();
                    }
                }
                "lvlRestart" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.restart = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                "isLgl" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.legal = on_off(&e);
                    }
                }
                "pStyle" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.pstyle = attr(&e, "val");
                    }
                }
                "rPr" | "pPr" => r.skip_element()?,
                _ => {}
            },
            Ev::End(e) => match ln_end(&e) {
                "lvl" => {
                    if let Some((ilvl, l)) = cur_lvl.take() {
                        if let Some((_, num)) = cur_num.as_mut() {
                            num.level_overrides.insert(ilvl, l);
                        } else if let Some((_, a)) = cur_abs.as_mut() {
                            a.levels.insert(ilvl, l);
                        }
                    }
                }
                "lvlOverride" => override_ilvl = None,
                "abstractNum" => {
                    if let Some((id, a)) = cur_abs.take() {
                        n.abstracts.insert(id, a);
                    }
                }
                "num" => {
                    if let Some((id, num)) = cur_num.take() {
                        n.nums.insert(id, num);
                    }
                }
                _ => {}
            },
            Ev::Eof => return Ok(n),
            Ev::Text(_) => {}
        }
    }
}

/// Renders `n` in a Word number format.
pub(crate) fn format_number(n: u32, fmt: &str) -> String {
    match fmt {
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// Word letters: a…z, then aa…zz, aaa… (the letter repeated).
fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    let idx = (n - 1) % 26;
    let times = (n - 1) / 26 + 1;
    let ch = char::from(base + u8::try_from(idx).unwrap_or(0));
    std::iter::repeat_n(ch, usize::try_from(times.min(50)).unwrap_or(1)).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Body walking

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    Body,
    Footnotes,
    Endnotes,
    Comments,
    HeaderFooter,
}

#[derive(Debug, PartialEq, Eq)]
struct Mark {
    kind: RevisionKind,
    author: Option<String>,
    date: Option<String>,
}

#[derive(Debug)]
struct Seg {
    text: String,
    rev: Option<Rc<Mark>>,
}

#[derive(Debug, Default)]
struct Para {
    segs: Vec<Seg>,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    mark_deleted: bool,
    cell: Option<(u32, u32, u32)>,
    index: u32,
    part: Option<PartKind>,
    note_id: Option<String>,
    note_label: Option<String>,
}

impl Para {
    fn push(&mut self, text: &str, rev: Option<&Rc<Mark>>) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.segs.last_mut() {
            let same = match (&last.rev, rev) {
                (None, None) => true,
                (Some(a), Some(b)) => Rc::ptr_eq(a, b) || **a == **b,
                _ => false,
            };
            if same {
                last.text.push_str(text);
                return;
            }
        }
        self.segs.push(Seg {
            text: text.to_owned(),
            rev: rev.cloned(),
        });
    }

    fn has_text(&self) -> bool {
        self.segs.iter().any(|s| !s.text.trim().is_empty())
    }

    /// True when every visible character is under a removal mark.
    fn all_removed(&self) -> bool {
        self.segs
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .all(|s| s.rev.as_ref().is_some_and(|m| m.kind.is_removal()))
    }

    fn text_len(&self) -> (usize, usize) {
        let chars = self.segs.iter().map(|s| s.text.chars().count()).sum();
        let words = self
            .segs
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>()
            .split_whitespace()
            .count();
        (chars, words)
    }
}

struct Walked {
    paras: Vec<Para>,
    footnote_refs: Vec<String>,
    endnote_refs: Vec<String>,
}

fn mark_of(e: &quick_xml::events::BytesStart<'_>, kind: RevisionKind) -> Rc<Mark> {
    Rc::new(Mark {
        kind,
        author: attr(e, "author"),
        date: attr(e, "date"),
    })
}

/// Elements whose whole content is skipped: property-change records (old properties), field
/// instructions, content-control properties, fallback duplicates of drawings, section
/// properties.
const SKIP: &[&str] = &[
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "numberingChange",
    "instrText",
    "delInstrText",
    "sdtPr",
    "sdtEndPr",
    "Fallback",
    "sectPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "tabs",
    "fldData",
];

#[allow(clippy::too_many_lines)] // reason: one flat state machine over WordprocessingML events
fn walk_part(
    name: &str,
    part: &str,
    xml: &str,
    depth: usize,
    kind: PartKind,
) -> Result<Walked, Error> {
    let mut r = XmlReader::new(name, part, xml, depth);
    let mut out = Walked {
        paras: Vec::new(),
        footnote_refs: Vec::new(),
        endnote_refs: Vec::new(),
    };
    let mut stack: Vec<Para> = Vec::new();
    // Revision containers: (depth at which they opened, mark).
    let mut revs: Vec<(usize, Rc<Mark>)> = Vec::new();
    // Tables: (table index, row, col) with row/col counted from -1 before the first.
    let mut tables: Vec<(u32, i64, i64)> = Vec::new();
    let mut table_count: u32 = 0;
    let mut para_count: u32 = 0;
    let mut note_id: Option<String> = None;
    let mut ppr_depth: Option<usize> = None;
    let mut rpr_depth: Option<usize> = None;
    let mut in_text = false;
    let mut run_hidden = false;
    let mut run_strike = false;

    loop {
        let ev = r.next()?;
        match ev {
            Ev::Start(ref e) | Ev::Empty(ref e) => {
                let is_start = matches!(ev, Ev::Start(_));
                let local = ln(e);
                if is_start && SKIP.contains(&local) {
                    r.skip_element()?;
                    continue;
                }
                let d = r.depth();
                // Inside paragraph properties: numbering, style, outline, deleted mark.
                if let Some(pd) = ppr_depth {
                    if d > pd || !is_start {
                        if let Some(p) = stack.last_mut() {
                            match local {
                                "pStyle" => p.style = attr(e, "val"),
                                "numId" => p.num_id = attr(e, "val"),
                                "ilvl" => p.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
                                "outlineLvl" => {
                                    p.outline = attr(e, "val").and_then(|v| v.parse().ok());
                                }
                                "del" | "moveFrom" if rpr_depth.is_some() => {
                                    p.mark_deleted = true;
                                }
                                "rPr" if is_start => rpr_depth = Some(d),
                                _ => {}
                            }
                        }
                        continue;
                    }
                }
                // Inside run properties: hidden and struck runs.
                if let Some(rd) = rpr_depth {
                    if d > rd || !is_start {
                        match local {
                            "vanish" | "specVanish" => run_hidden = on_off(e),
                            "strike" | "dstrike" => run_strike = run_strike || on_off(e),
                            _ => {}
                        }
                        continue;
                    }
                }
                match local {
                    "p" => {
                        let mut p = Para {
                            index: para_count,
                            part: Some(kind),
                            note_id: note_id.clone(),
                            ..Para::default()
                        };
                        para_count += 1;
                        if let Some(&(t, row, col)) = tables.last() {
                            p.cell = Some((
                                t,
                                u32::try_from(row.max(0)).unwrap_or(0),
                                u32::try_from(col.max(0)).unwrap_or(0),
                            ));
                        }
                        if is_start {
                            stack.push(p);
                        }
                    }
                    "pPr" if is_start => ppr_depth = Some(d),
                    "rPr" if is_start => rpr_depth = Some(d),
                    "r" => {
                        run_hidden = false;
                        run_strike = false;
                    }
                    "t" | "delText" if is_start => in_text = true,
                    "tab" | "br" | "cr" | "ptab" => push(&mut stack, " ", &revs, run_hidden, false),
                    "noBreakHyphen" => push(&mut stack, "-", &revs, run_hidden, run_strike),
                    "del" if is_start => revs.push((d, mark_of(e, RevisionKind::Deleted))),
                    "ins" if is_start => revs.push((d, mark_of(e, RevisionKind::Inserted))),
                    "moveFrom" if is_start => revs.push((d, mark_of(e, RevisionKind::MovedFrom))),
                    "moveTo" if is_start => revs.push((d, mark_of(e, RevisionKind::MovedTo))),
                    "tbl" if is_start => {
                        tables.push((table_count, -1, -1));
                        table_count += 1;
                    }
                    "tr" if is_start => {
                        if let Some(t) = tables.last_mut() {
                            t.1 += 1;
                            t.2 = -1;
                        }
                    }
                    "tc" if is_start => {
                        if let Some(t) = tables.last_mut() {
                            t.2 += 1;
                        }
                    }
                    "footnote" | "endnote" | "comment" if is_start => {
                        let ty = attr(e, "type");
                        if matches!(
                            ty.as_deref(),
                            Some("separator" | "continuationSeparator" | "continuationNotice")
                        ) {
                            r.skip_element()?;
                            continue;
                        }
                        note_id = attr(e, "id");
                    }
                    "footnoteReference" => {
                        if let Some(id) = attr(e, "id") {
                            out.footnote_refs.push(id);
                        }
                    }
                    "endnoteReference" => {
                        if let Some(id) = attr(e, "id") {
                            out.endnote_refs.push(id);
                        }
                    }
                    _ => {}
                }
            }
            Ev::End(ref e) => {
                let d = r.depth() + 1; // depth of the element that just closed
                let local = ln_end(e);
                if ppr_depth == Some(d) {
                    ppr_depth = None;
                    rpr_depth = None;
                    continue;
                }
                if rpr_depth == Some(d) {
                    rpr_depth = None;
                    continue;
                }
                if ppr_depth.is_some() {
                    continue;
                }
                while revs.last().is_some_and(|(rd, _)| *rd >= d) {
                    revs.pop();
                }
                match local {
                    "t" | "delText" => in_text = false,
                    "p" => {
                        if let Some(p) = stack.pop() {
                            out.paras.push(p);
                        }
                    }
                    "tbl" => {
                        tables.pop();
                    }
                    "footnote" | "endnote" | "comment" => note_id = None,
                    _ => {}
                }
            }
            Ev::Text(t) => {
                if in_text {
                    push(&mut stack, &t, &revs, run_hidden, run_strike);
                }
            }
            Ev::Eof => break,
        }
    }
    Ok(out)
}

fn push(stack: &mut [Para], text: &str, revs: &[(usize, Rc<Mark>)], hidden: bool, strike: bool) {
    if hidden {
        return;
    }
    let Some(p) = stack.last_mut() else {
        return;
    };
    // A deletion anywhere up the stack wins over an insertion inside or around it.
    let mark = revs
        .iter()
        .rev()
        .find(|(_, m)| m.kind.is_removal())
        .or_else(|| revs.last())
        .map(|(_, m)| m);
    let text = clean_text(text);
    if strike && mark.is_none_or(|m| !m.kind.is_removal()) {
        let struck = Rc::new(Mark {
            kind: RevisionKind::Struck,
            author: None,
            date: None,
        });
        p.push(&text, Some(&struck));
    } else {
        p.push(&text, mark);
    }
}

// ---------------------------------------------------------------------------------------------
// Emission: numbering labels, kinds, deleted paragraph marks

struct Emitter<'a> {
    b: DocumentBuilder,
    styles: &'a Styles,
    numbering: &'a Numbering,
    /// Counters per abstract numbering, one slot per level.
    counters: HashMap<String, [Option<u32>; 9]>,
    /// `w:num`s already used (their start overrides applied).
    started_nums: HashSet<String>,
}

impl Emitter<'_> {
    fn emit_all(&mut self, paras: Vec<Para>, part: &str) {
        let mut pending: Option<Para> = None;
        for mut cur in paras {
            if let Some(mut prev) = pending.take() {
                if prev.cell == cur.cell {
                    // The deleted mark joins the two paragraphs; the first keeps its
                    // properties (its number), the second's number is not counted.
                    prev.segs.append(&mut cur.segs);
                    prev.mark_deleted = cur.mark_deleted;
                    cur = prev;
                } else {
                    self.emit(&prev, part);
                }
            }
            if cur.mark_deleted && cur.has_text() && !cur.all_removed() {
                pending = Some(cur);
                continue;
            }
            self.emit(&cur, part);
        }
        if let Some(prev) = pending {
            self.emit(&prev, part);
        }
    }

    fn emit(&mut self, p: &Para, part: &str) {
        let style = p.style.clone().or_else(|| self.styles.default_para.clone());
        let label_level = self.number(p, style.as_deref());
        if !p.has_text() {
            return;
        }
        let (chars, words) = p.text_len();
        let heading = p
            .outline
            .and_then(|o| (o < 9).then_some(o + 1))
            .or_else(|| style.as_deref().and_then(|s| self.styles.heading_level(s)))
            .filter(|_| chars <= 150 && words <= 20);
        let (label, list_level) = match label_level {
            Some((l, lvl)) => (l, Some(lvl)),
            None => (None, None),
        };
        let kind = match (p.part, p.cell) {
            (Some(PartKind::Footnotes | PartKind::Endnotes), _) => BlockKind::Note,
            (Some(PartKind::Comments), _) => BlockKind::Comment,
            (Some(PartKind::HeaderFooter), _) => BlockKind::HeaderFooter,
            (_, Some((table, row, col))) => BlockKind::TableCell { table, row, col },
            _ => {
                if let Some(h) = heading {
                    BlockKind::Heading { level: h }
                } else if let Some(l) = list_level {
                    BlockKind::ListItem { level: l }
                } else {
                    BlockKind::Paragraph
                }
            }
        };
        let level = match kind {
            BlockKind::Heading { level } => list_level.or(Some(level.saturating_sub(1))),
            _ => list_level,
        };
        let path = match &p.note_id {
            Some(id) => format!("{part}#{id}"),
            None => part.to_owned(),
        };
        self.b.end_block();
        self.b.set_meta(BlockMeta {
            label: label.or_else(|| p.note_label.clone()),
            level,
            page: None,
            index: Some(p.index),
            path: Some(path),
            part: 0,
        });
        self.b.begin_block(kind);
        // Leading whitespace of the paragraph is dropped, as Word's display does.
        let mut leading = true;
        for s in &p.segs {
            let text = if leading {
                let t = s.text.trim_start();
                if t.is_empty() {
                    continue;
                }
                leading = false;
                t
            } else {
                s.text.as_str()
            };
            match &s.rev {
                None => self.b.push_text(text),
                Some(m) => {
                    self.b
                        .push_revision(text, m.kind, m.author.clone(), m.date.clone());
                }
            }
        }
        self.b.end_block();
    }

    /// Advances the counters for a numbered paragraph; returns its label (None for bullets
    /// and empty formats) and its list level.
    fn number(&mut self, p: &Para, style: Option<&str>) -> Option<(Option<String>, u8)> {
        let styles: &Styles = self.styles;
        let numbering: &Numbering = self.numbering;
        let (num_id, from_style) = match &p.num_id {
            Some(id) => (id.clone(), false),
            None => (
                style.and_then(|s| styles.find(s, |st| st.num_id.clone()))?,
                true,
            ),
        };
        if num_id == "0" {
            return None;
        }
        let num = numbering.nums.get(&num_id)?;
        let mut abs_id = num.abstract_id.clone();
        let mut abs = numbering.abstracts.get(&abs_id)?;
        if abs.levels.is_empty() {
            // numStyleLink: the abstract points at a numbering style, whose num holds levels.
            if let Some(link) = &abs.style_link {
                let linked = styles
                    .find(link, |s| s.num_id.clone())
                    .and_then(|n| numbering.nums.get(&n))?;
                abs_id.clone_from(&linked.abstract_id);
                abs = numbering.abstracts.get(&abs_id)?;
            }
        }
        let ilvl = p
            .ilvl
            .or_else(|| {
                if !from_style {
                    return None;
                }
                let sid = style?;
                styles.find(sid, |s| s.ilvl).or_else(|| {
                    abs.levels
                        .iter()
                        .find(|(_, l)| l.pstyle.as_deref() == Some(sid))
                        .map(|(k, _)| *k)
                })
            })
            .unwrap_or(0)
            .min(8);
        let level_def = |k: u8| -> Level {
            num.level_overrides
                .get(&k)
                .or_else(|| abs.levels.get(&k))
                .cloned()
                .unwrap_or_default()
        };
        let counters = self.counters.entry(abs_id.clone()).or_insert([None; 9]);
        if self.started_nums.insert(num_id.clone()) {
            for (&k, _) in num
                .start_overrides
                .iter()
                .chain(num.level_overrides.iter().map(|(k, l)| (k, &l.start)))
            {
                if let Some(c) = counters.get_mut(usize::from(k)) {
                    *c = None;
                }
            }
        }
        let start_of = |k: u8| -> u32 {
            num.start_overrides
                .get(&k)
                .copied()
                .unwrap_or_else(|| level_def(k).start)
        };
        let i = usize::from(ilvl);
        let value = match counters.get(i).copied().flatten() {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        };
        if let Some(c) = counters.get_mut(i) {
            *c = Some(value);
        }
        for k in (i + 1)..9 {
            let def = level_def(u8::try_from(k).unwrap_or(8));
            // lvlRestart 0 = never restart; n = restart after level n (1-based) is used.
            let restart = def.restart.is_none_or(|r| r != 0 && usize::from(r) > i);
            if restart {
                if let Some(c) = counters.get_mut(k) {
                    *c = None;
                }
            }
        }
        let def = level_def(ilvl);
        if def.fmt == "bullet" {
            return Some((None, ilvl));
        }
        let snapshot = *counters;
        let mut label = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = d.saturating_sub(1).min(8);
                    let ku8 = u8::try_from(k).unwrap_or(0);
                    let v = snapshot
                        .get(k as usize)
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| start_of(ku8));
                    let fmt = if def.legal {
                        "decimal".to_owned()
                    } else {
                        level_def(ku8).fmt
                    };
                    label.push_str(&format_number(v, &fmt));
                    continue;
                }
            }
            label.push(c);
        }
        let label = clean_text(label.trim()).into_owned();
        Some(((!label.is_empty()).then_some(label), ilvl))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn targets() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve_target("word", "/word/x.xml"), "word/x.xml");
        assert_eq!(
            resolve_target("word", "../customXml/a.xml"),
            "customXml/a.xml"
        );
    }
}
