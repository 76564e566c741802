//! Provision segmentation: clause numbers, headings, lead-ins with sub-items, definitions,
//! recitals and tables of contents, built into a tree over the blocks.
//!
//! Three passes, all linear in the number of blocks:
//! 1. **Units**: one per block, except that a plain-text line holding several clauses that
//!    EDGAR extraction flattened (`… price lists.     2.2.2. Notwithstanding …`) is split at
//!    the inner numbers, and a table row whose first cell holds only a number is joined to the
//!    next cell.
//! 2. **Groups**: in plain text, hard-wrapped continuation lines join the provision they
//!    continue; page furniture becomes an annotation that never splits a clause.
//! 3. **Tree**: a stack of open provisions places each group by its number's style and rank,
//!    by heading level, or as a paragraph of the clause above it; kinds are decided on the way.
//!
//! ```
//! use flowdown_core::{BlockKind, DocumentBuilder, Format};
//! let mut b = DocumentBuilder::new("c.txt", Format::Text);
//! for line in ["9. Anti-Slavery. The Supplier shall:", "(a) not use forced labour;", "(b) not traffic persons."] {
//!     b.push_block(BlockKind::Paragraph, line);
//! }
//! let mut doc = b.finish();
//! flowdown_ingest::segment::segment(&mut doc);
//! let numbers: Vec<_> = doc.provisions.iter().filter_map(|p| p.number.as_deref()).collect();
//! assert_eq!(numbers, ["9", "9(a)", "9(b)"]);
//! assert_eq!(doc.provisions[0].title.as_deref(), Some("Anti-Slavery"));
//! assert_eq!(doc.provisions[2].parent, Some(0));
//! ```

mod classify;
mod number;

use classify::{
    ends_terminal, is_contents_heading, is_definition_context, is_furniture, is_heading_line,
    is_lead_in, is_operative_start, is_plain_definition, is_quoted_definition, is_recital_heading,
    is_title_like, is_toc_line, is_whereas, split_title,
};
use flowdown_core::{BlockKind, Document, Format, Provision, ProvisionKind, Span};
use number::{parse_label, parse_leading, Parsed, Style, Tok};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Fills `doc.provisions` with the provision tree, in document order.
pub fn segment(doc: &mut Document) {
    let line_mode = matches!(doc.format, Format::Text | Format::Pdf);
    let units = build_units(doc, line_mode);
    let infos: Vec<Info> = units.iter().map(|u| analyse(doc, u)).collect();
    let groups = build_groups(doc, &units, &infos, line_mode);
    let toc_run = toc_run(&groups, &infos);
    let mut tree = Tree::new(doc);
    for (gi, g) in groups.iter().enumerate() {
        tree.place(g, &units, &infos, toc_run.contains(&gi));
    }
    doc.provisions = tree.provs;
}

/// True when `text` starts with a clause number (`a.`, `(b)`, `1.2`, `Section 5`); bullets do
/// not count. Readers use it to split lines that a format joined.
pub(crate) fn starts_with_number(text: &str) -> bool {
    parse_leading(text).is_some_and(|p| p.toks.iter().all(|t| t.style != Style::Bullet))
}

// ---------------------------------------------------------------------------------------
// Pass 1: units

/// A piece of text that can start a provision: a block, part of a flattened line, or a table
/// row's number cell with its text cell.
#[derive(Debug, Clone)]
struct Unit {
    /// First and last block (inclusive).
    first: usize,
    last: usize,
    /// The unit's text (a block span, or from an inner number to the next one).
    span: Span,
    /// First non-blank byte.
    text_start: usize,
    kind: BlockKind,
    /// Blank line (or a new part) before the unit.
    gap_before: bool,
    /// A later piece of a split line.
    inner: bool,
    part: u16,
}

/// A clause number right after a run of three or more spaces (checked at each such run).
static INLINE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    number::re(concat!(
        r"^(?:\d{1,2}(?:\.\d{1,3})+\.?[ \t]+\S",
        r"|\d{1,2}\.[ \t]+[“”A-Z]",
        r"|\((?:[a-z]{1,4}|\d{1,2}|[A-Z])\)[ \t]*[“”A-Z]",
        r"|(?:ARTICLE|Article|SECTION|Section)[ \t]+(?:\d|[IVX]+(?-u:\b)))"
    ))
});

fn build_units(doc: &Document, line_mode: bool) -> Vec<Unit> {
    let mut units = Vec::with_capacity(doc.blocks.len());
    let mut prev_end: Option<(usize, u16)> = None;
    let mut i = 0;
    while let Some(b) = doc.blocks.get(i) {
        let gap_before = match prev_end {
            None => true,
            Some((end, part)) => {
                part != b.part
                    || doc
                        .text
                        .get(end..b.span.start)
                        .is_some_and(|between| between.bytes().filter(|&c| c == b'\n').count() > 1)
            }
        };
        prev_end = Some((b.span.end, b.part));
        let text = doc.slice(b.span);
        let text_start = b.span.start + (text.len() - text.trim_start().len());
        let mut unit = Unit {
            first: i,
            last: i,
            span: b.span,
            text_start,
            kind: b.kind,
            gap_before,
            inner: false,
            part: b.part,
        };
        if let BlockKind::TableCell { table, row, .. } = b.kind {
            // A row whose first cell is only a number: the number and the next cell are one
            // provision.
            if let Some(next) = doc.blocks.get(i + 1) {
                let same_row = matches!(next.kind, BlockKind::TableCell { table: t, row: r, .. } if t == table && r == row);
                let trimmed = text.trim();
                if same_row
                    && b.label.is_none()
                    && !trimmed.is_empty()
                    && parse_label(trimmed).is_some_and(|p| p.len == trimmed.len())
                {
                    unit.last = i + 1;
                    unit.span = Span::new(b.span.start, next.span.end);
                    units.push(unit);
                    prev_end = Some((next.span.end, next.part));
                    i += 2;
                    continue;
                }
            }
        }
        if line_mode
            && b.kind == BlockKind::Paragraph
            && text.len() > 40
            && memchr::memmem::find(text.as_bytes(), b"   ").is_some()
        {
            split_inline(doc, &unit, &mut units);
        } else {
            units.push(unit);
        }
        i += 1;
    }
    units
}

/// Splits an EDGAR line at inner clause numbers preceded by a run of spaces.
fn split_inline(doc: &Document, unit: &Unit, out: &mut Vec<Unit>) {
    let Some(re) = INLINE_NUMBER.as_ref() else {
        out.push(unit.clone());
        return;
    };
    let base = unit.text_start;
    let text = doc.text.get(base..unit.span.end).unwrap_or_default();
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut from = 0;
    // Runs of spaces are found with memchr; the number test runs only after them.
    while let Some(off) = bytes
        .get(from..)
        .and_then(|b| memchr::memmem::find(b, b"   "))
    {
        let mut at = from + off + 3;
        while matches!(bytes.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        from = at;
        let starts = matches!(bytes.get(at), Some(b'0'..=b'9' | b'(' | b'A' | b'S'));
        if starts
            && text
                .get(at..)
                .is_some_and(|rest| re.is_match(rest) && parse_leading(rest).is_some())
        {
            cuts.push(at);
        }
    }
    if cuts.is_empty() {
        out.push(unit.clone());
        return;
    }
    let mut start = unit.span.start;
    let mut text_start = unit.text_start;
    let mut first = true;
    for at in cuts.into_iter().chain(std::iter::once(text.len())) {
        let piece_end = base + text.get(..at).unwrap_or_default().trim_end().len();
        if piece_end > text_start {
            out.push(Unit {
                span: Span::new(start, piece_end),
                text_start,
                gap_before: unit.gap_before && first,
                inner: !first,
                ..unit.clone()
            });
            first = false;
        }
        start = base + at;
        text_start = start;
    }
}

// ---------------------------------------------------------------------------------------
// Unit analysis

/// What a unit says about itself.
#[derive(Debug, Clone, Default)]
struct Info {
    num: Option<Parsed>,
    /// The number came from the block's generated label.
    labelled: bool,
    /// Absolute offset where the text after the number (and its separator) starts.
    rest: usize,
    /// The clause's own title and the offset of its body (`end` when the title is all).
    title: Option<(Span, usize)>,
    /// Nothing but a number and a title (`9. ANTI-SLAVERY`, `ARTICLE IV`).
    title_only: bool,
    /// An unnumbered line that looks like a heading.
    heading_line: bool,
    toc_line: bool,
    furniture: bool,
    terminal: bool,
    starts_lower: bool,
    /// The line ends with a reference word ("… equivalent to clause"): a number at the start
    /// of the next line is the rest of the citation, not a new clause.
    ends_ref: bool,
    /// Characters in the line (with indentation) and in its first word.
    chars: usize,
    first_word: usize,
}

/// A row of a clause table or list that cites a regulation clause (`52.222-50   NOV-21
/// Combating Trafficking in Persons`, `52.222-50 Combating Trafficking in Persons (Nov
/// 2021)`): an item of the clause that lists it, not the heading of a new clause.
fn is_citation_row(text: &str, p: &Parsed) -> bool {
    static DATED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d{4}\)[\s.;,]*$")
            .ok()
    });
    let [tok] = p.toks.as_slice() else {
        return false;
    };
    if tok.style != Style::Schedule
        || !tok.text.contains('-')
        || !tok.text.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let after = text.get(p.len..).unwrap_or_default();
    let columns = after.starts_with("  ") || after.starts_with('\t') || after.starts_with(", ");
    let line = after.lines().next().unwrap_or_default();
    columns
        || DATED
            .as_ref()
            .is_some_and(|re| re.is_match(line.trim_end()))
}

fn analyse(doc: &Document, u: &Unit) -> Info {
    let block = doc.blocks.get(u.first);
    let text = doc.text.get(u.text_start..u.span.end).unwrap_or_default();
    let mut info = Info {
        terminal: ends_terminal(text),
        starts_lower: text.chars().next().is_some_and(char::is_lowercase),
        // Widths matter only for hard-wrapped text, whose lines are short.
        chars: doc.text.get(u.span.start..u.span.end).map_or(0, |s| {
            if s.len() > 300 {
                s.len()
            } else {
                s.chars().count()
            }
        }),
        first_word: text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count()),
        rest: u.text_start,
        ..Info::default()
    };
    if u.kind.is_annotation() {
        return info;
    }
    if !matches!(u.kind, BlockKind::Heading { .. } | BlockKind::Note) && is_furniture(text) {
        info.furniture = true;
        return info;
    }
    let label = block.and_then(|b| b.label.as_deref()).filter(|_| !u.inner);
    if let Some(p) = label.and_then(parse_label) {
        info.num = Some(p);
        info.labelled = true;
    } else if let Some(p) = parse_leading(text).filter(|p| !is_citation_row(text, p)) {
        let after = text.get(p.len..).unwrap_or_default();
        let sep = after.len()
            - after
                .trim_start_matches([' ', '\t', '.', ':', '-', '–', '—', '\u{a0}'])
                .len();
        info.rest = u.text_start + p.len + sep;
        info.num = Some(p);
    }
    let rest = doc.text.get(info.rest..u.span.end).unwrap_or_default();
    let is_bullet = info
        .num
        .as_ref()
        .and_then(|p| p.toks.last())
        .is_some_and(|t| t.style == Style::Bullet);
    if info.num.is_some() && !is_bullet {
        if let Some((title, body)) = split_title(rest) {
            let start = info.rest + (title.as_ptr() as usize - rest.as_ptr() as usize);
            info.title = Some((Span::new(start, start + title.len()), info.rest + body));
            info.title_only = body >= rest.len();
        } else if rest.trim().is_empty() {
            info.title_only = true;
        }
    } else if info.num.is_none() {
        info.heading_line = matches!(u.kind, BlockKind::Paragraph) && is_heading_line(text);
    }
    info.toc_line = is_toc_line(text);
    info.ends_ref = ENDS_REF
        .as_ref()
        .is_some_and(|re| re.is_match(text.trim_end()));
    info
}

static ENDS_REF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:clauses?|sections?|paragraphs?|sub-?paragraphs?|articles?|sub-?clauses?|schedules?|annex|exhibit|appendix)$").ok()
});

// ---------------------------------------------------------------------------------------
// Pass 2: groups

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Content,
    /// Page furniture or a header/footer/comment block.
    Annotation,
    Note,
    /// A piece of a clause after a page break (starts in lower case, the clause had not
    /// ended): a child of the clause it continues.
    Fragment,
}

#[derive(Debug, Clone)]
struct Group {
    first_unit: usize,
    last_unit: usize,
    span: Span,
    blocks: (usize, usize),
    class: Class,
    part: u16,
}

fn build_groups(doc: &Document, units: &[Unit], infos: &[Info], line_mode: bool) -> Vec<Group> {
    let width = if line_mode {
        wrap_width(units, infos)
    } else {
        None
    };
    let mut groups: Vec<Group> = Vec::with_capacity(units.len());
    // Index of the last content group and whether an annotation came after it.
    let mut last_content: Option<usize> = None;
    let mut broke = false;
    for (ui, (u, info)) in units.iter().zip(infos).enumerate() {
        let class = if u.kind.is_annotation() || info.furniture {
            Class::Annotation
        } else if u.kind == BlockKind::Note {
            Class::Note
        } else {
            Class::Content
        };
        if class != Class::Content {
            groups.push(Group {
                first_unit: ui,
                last_unit: ui,
                span: u.span,
                blocks: (u.first, u.last + 1),
                class,
                part: u.part,
            });
            broke = true;
            continue;
        }
        let prev = last_content.and_then(|g| groups.get(g).map(|gr| (g, gr)));
        if let Some((gi, g)) = prev {
            let last_info = infos.get(g.last_unit);
            let first_info = infos.get(g.first_unit);
            if line_mode && !broke && continues(u, info, g, first_info, last_info, width, units) {
                if let Some(gm) = groups.get_mut(gi) {
                    gm.last_unit = ui;
                    gm.span.end = u.span.end;
                    gm.blocks.1 = u.last + 1;
                }
                continue;
            }
            let fragment = line_mode
                && (broke || u.gap_before)
                && info.num.is_none()
                && info.starts_lower
                && !u.inner
                && g.part == u.part
                && last_info.is_some_and(|l| !l.terminal && !l.toc_line)
                && first_info.is_some_and(|f| !f.title_only && !f.heading_line)
                && doc
                    .blocks
                    .get(u.first)
                    .is_some_and(|b| b.kind == BlockKind::Paragraph);
            if fragment {
                last_content = Some(groups.len());
                broke = false;
                groups.push(Group {
                    first_unit: ui,
                    last_unit: ui,
                    span: u.span,
                    blocks: (u.first, u.last + 1),
                    class: Class::Fragment,
                    part: u.part,
                });
                continue;
            }
        }
        last_content = Some(groups.len());
        broke = false;
        groups.push(Group {
            first_unit: ui,
            last_unit: ui,
            span: u.span,
            blocks: (u.first, u.last + 1),
            class: Class::Content,
            part: u.part,
        });
    }
    groups
}

/// Whether a plain-text line continues the group before it (hard-wrapped text).
fn continues(
    u: &Unit,
    info: &Info,
    g: &Group,
    first: Option<&Info>,
    last: Option<&Info>,
    width: Option<usize>,
    units: &[Unit],
) -> bool {
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    let Some(last_unit) = units.get(g.last_unit) else {
        return false;
    };
    if u.gap_before
        || u.inner
        || u.kind != BlockKind::Paragraph
        || last_unit.kind != BlockKind::Paragraph
        || u.first != last_unit.last + 1
        || u.part != g.part
        || (info.num.is_some() && !last.ends_ref)
        || info.toc_line
        || last.toc_line
    {
        return false;
    }
    // `ARTICLE IX` / `ANTI-SLAVERY`: the second line is the first one's title.
    if g.first_unit == g.last_unit && first.title_only && first.title.is_none() && info.heading_line
    {
        return first
            .num
            .as_ref()
            .and_then(|p| p.toks.last())
            .is_some_and(|t| t.style.is_structural());
    }
    if first.title_only || (g.first_unit == g.last_unit && first.heading_line) {
        return false;
    }
    if info.heading_line && last.terminal {
        return false;
    }
    match width {
        // Hard-wrapped text: a line ended early on purpose when the next word would have fit.
        Some(w) => !(last.terminal && last.chars + 1 + info.first_word + 2 <= w),
        None => !last.terminal,
    }
}

/// The wrap width of hard-wrapped text, or `None` when lines are paragraphs.
fn wrap_width(units: &[Unit], infos: &[Info]) -> Option<usize> {
    let mut lens: Vec<usize> = units
        .iter()
        .zip(infos)
        .filter(|(u, i)| !u.inner && u.kind == BlockKind::Paragraph && !i.furniture)
        .map(|(_, i)| i.chars)
        .collect();
    if lens.len() < 8 {
        return None;
    }
    lens.sort_unstable();
    let p95 = *lens.get(lens.len() * 95 / 100)?;
    if !(40..=130).contains(&p95) {
        return None;
    }
    let near = lens
        .iter()
        .filter(|&&l| l + 15 >= p95 && l <= p95 + 2)
        .count();
    (near * 10 >= lens.len() * 3).then_some(p95)
}

/// A run of short numbered title-only lines near the start whose numbers reappear later as
/// real clauses: a table of contents without a heading.
fn toc_run(groups: &[Group], infos: &[Info]) -> HashSet<usize> {
    let key = |g: &Group| -> Option<String> {
        let i = infos.get(g.first_unit)?;
        let p = i.num.as_ref()?;
        let t: Vec<&str> = p.toks.iter().map(|t| t.text.as_str()).collect();
        let k = t.join("/");
        (!k.is_empty()).then_some(k)
    };
    let limit = groups.len() * 2 / 5 + 1;
    let mut run: Vec<usize> = Vec::new();
    let mut run_keys: HashSet<String> = HashSet::new();
    let mut best: Vec<usize> = Vec::new();
    for (gi, g) in groups.iter().enumerate().take(limit) {
        if g.class == Class::Annotation {
            continue;
        }
        let Some(info) = infos.get(g.first_unit) else {
            continue;
        };
        let short = g.span.len() <= 120;
        let k = key(g);
        let fresh = k.as_ref().is_some_and(|k| !run_keys.contains(k));
        if g.class == Class::Content && fresh && short && (info.title_only || info.toc_line) {
            if let Some(k) = k {
                run_keys.insert(k);
            }
            run.push(gi);
        } else {
            run_keys.clear();
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
            if best.len() >= 3 {
                break;
            }
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() < 3 {
        return HashSet::new();
    }
    let Some(&end) = best.last() else {
        return HashSet::new();
    };
    let later: HashSet<String> = groups.iter().skip(end + 1).filter_map(key).collect();
    let keys: Vec<String> = best
        .iter()
        .filter_map(|&gi| groups.get(gi).and_then(key))
        .collect();
    let again = keys.iter().filter(|k| later.contains(*k)).count();
    if again * 2 >= keys.len() && again >= 2 {
        best.into_iter().collect()
    } else {
        HashSet::new()
    }
}

// ---------------------------------------------------------------------------------------
// Pass 3: the tree

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EKind {
    /// A heading block of the format, with its level.
    Heading(u8),
    /// A plain-text line that looks like a heading.
    Guess,
    /// A structural number (`Article`, `1.`, `1.1`, `Section 5`).
    Struct,
    /// A list item (`(a)`, `(i)`, `a.`, bullets).
    Item,
    /// A list item block of the format, with its level.
    List(u8),
    /// An unnumbered paragraph.
    Para,
}

const GUESS_RANK: u8 = 9;

#[derive(Debug, Clone)]
struct Entry {
    /// The provision, or `None` for a level named only inside another number (`(c)` in
    /// `(c)(1)`).
    prov: Option<usize>,
    kind: EKind,
    style: Option<Style>,
    value: u32,
    rank: u8,
    cite: Option<String>,
    lead_in: bool,
    title_only: bool,
    has_children: bool,
    /// Under it, paragraphs are recitals.
    recital: bool,
    /// Under it, `X means …` is a definition.
    definitions: bool,
    /// A table-of-contents heading, closed when the contents end.
    contents: bool,
    is_definition: bool,
}

impl Entry {
    fn new(kind: EKind) -> Self {
        Self {
            prov: None,
            kind,
            style: None,
            value: 0,
            rank: 0,
            cite: None,
            lead_in: false,
            title_only: false,
            has_children: false,
            recital: false,
            definitions: false,
            contents: false,
            is_definition: false,
        }
    }
}

struct Tree<'d> {
    doc: &'d Document,
    provs: Vec<Provision>,
    stack: Vec<Entry>,
    part: Option<u16>,
    /// Inside `WHEREAS …` paragraphs.
    whereas: bool,
    /// Inside a table of contents opened by a heading; numbers seen there.
    toc: Option<HashSet<String>>,
    /// A clause, recital or definition has been seen (titles come before).
    body_seen: bool,
    titles: usize,
}

impl<'d> Tree<'d> {
    fn new(doc: &'d Document) -> Self {
        Self {
            doc,
            provs: Vec::new(),
            stack: Vec::new(),
            part: None,
            whereas: false,
            toc: None,
            body_seen: false,
            titles: 0,
        }
    }

    fn text(&self, from: usize, to: usize) -> &'d str {
        self.doc.text.get(from..to).unwrap_or_default()
    }

    /// The nearest open provision (skipping levels without one).
    fn parent_prov(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|e| e.prov)
    }

    /// The number an item's number is appended to: the nearest decimal or item number.
    /// `Article IV`, `Schedule 2` and FAR clause numbers are not prefixed (`(a)`, not
    /// `52.222-50(a)`); an item stops the search at them.
    fn cite_base(&self) -> Option<&str> {
        for e in self.stack.iter().rev() {
            if matches!(e.style, Some(Style::Article | Style::Schedule)) {
                return None;
            }
            if let Some(c) = e.cite.as_deref() {
                return Some(c);
            }
        }
        None
    }

    fn add(
        &mut self,
        g: &Group,
        kind: ProvisionKind,
        number: Option<String>,
        title: Option<String>,
        parent: Option<usize>,
    ) -> usize {
        let idx = self.provs.len();
        let depth = parent
            .and_then(|p| self.provs.get(p))
            .map_or(0, |p| p.depth.saturating_add(1));
        if let Some(p) = parent.and_then(|p| self.provs.get_mut(p)) {
            p.children.push(idx);
        }
        self.provs.push(Provision {
            kind,
            number,
            title,
            span: g.span,
            blocks: g.blocks,
            parent,
            children: Vec::new(),
            depth,
            part: g.part,
        });
        idx
    }

    /// Pushes an entry for a new provision, marking its owner as having children.
    fn push(&mut self, e: Entry) {
        if let Some(top) = self.stack.last_mut() {
            top.has_children = true;
        }
        self.stack.push(e);
    }

    /// `NOW, THEREFORE … agree as follows`: only matters in recitals (it ends them) and for
    /// lead-ins (it owns nothing), so the search runs only there.
    fn operative(&self, text: &str) -> bool {
        (self.in_recitals() || is_lead_in(text)) && is_operative_start(text)
    }

    fn in_recitals(&self) -> bool {
        self.whereas || self.stack.iter().any(|e| e.recital)
    }

    fn in_definitions(&self) -> bool {
        self.stack.iter().any(|e| e.definitions)
    }

    fn parent_is_definition(&self) -> bool {
        self.stack.last().is_some_and(|e| e.is_definition)
    }

    /// Ends the recitals: drops recital headings from the stack.
    fn end_recitals(&mut self) {
        self.whereas = false;
        if let Some(pos) = self.stack.iter().position(|e| e.recital) {
            self.stack.truncate(pos);
        }
    }

    fn end_toc(&mut self) {
        if self.toc.take().is_some() {
            if let Some(pos) = self.stack.iter().position(|e| e.contents) {
                self.stack.truncate(pos);
            }
        }
    }

    fn place(&mut self, g: &Group, units: &[Unit], infos: &[Info], in_toc_run: bool) {
        if self.part != Some(g.part) {
            self.part = Some(g.part);
            self.stack.clear();
            self.whereas = false;
            self.toc = None;
            self.body_seen = false;
            self.titles = 0;
        }
        let (Some(u), Some(info)) = (units.get(g.first_unit), infos.get(g.first_unit)) else {
            return;
        };
        match g.class {
            Class::Annotation => {
                self.add(g, ProvisionKind::Annotation, None, None, None);
                return;
            }
            Class::Note => {
                self.add(g, ProvisionKind::Note, None, None, None);
                return;
            }
            Class::Fragment => {
                self.place_fragment(g);
                return;
            }
            Class::Content => {}
        }
        let text = self.text(u.text_start, g.span.end);
        let first_line = self.text(u.text_start, u.span.end);
        let number_text = || {
            info.num.as_ref().map(|p| {
                p.toks
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            })
        };

        // Tables of contents.
        if let Some(seen) = &self.toc {
            let key = number_text();
            let repeated = key.as_ref().is_some_and(|k| seen.contains(k));
            let toc_like = info.toc_line
                || (g.span.len() <= 120
                    && !repeated
                    && (info.num.is_some() || info.heading_line || is_title_like(first_line, 12))
                    && !matches!(u.kind, BlockKind::Heading { .. }));
            if toc_like {
                if let (Some(k), Some(seen)) = (key, self.toc.as_mut()) {
                    seen.insert(k);
                }
                self.add_toc(g, info);
                return;
            }
            self.end_toc();
        }
        if in_toc_run || (info.toc_line && g.first_unit == g.last_unit) {
            self.add_toc(g, info);
            return;
        }

        if let BlockKind::Heading { level } = u.kind {
            self.place_heading(g, u, info, level);
            return;
        }
        if let BlockKind::ListItem { level } = u.kind {
            if info.labelled || info.num.is_none() {
                self.place_list_item(g, info, level, text);
                return;
            }
        }
        match &info.num {
            Some(p) => self.place_numbered(g, u, info, p, text),
            None if info.heading_line
                && !matches!(u.kind, BlockKind::TableCell { .. })
                && !self.stack.last().is_some_and(|e| {
                    e.lead_in && !matches!(e.kind, EKind::Heading(_) | EKind::Guess)
                }) =>
            {
                self.place_guess(g, first_line);
            }
            None => self.place_para(g, text),
        }
    }

    fn add_toc(&mut self, g: &Group, info: &Info) {
        let number = info.num.as_ref().map(|p| {
            p.toks
                .iter()
                .map(|t| {
                    if t.style.is_structural() {
                        t.text.clone()
                    } else {
                        format!("({})", t.text)
                    }
                })
                .collect::<String>()
        });
        let title = info
            .title
            .map(|(s, _)| self.text(s.start, s.end).to_owned());
        let parent = self
            .stack
            .last()
            .filter(|e| e.contents)
            .and_then(|e| e.prov);
        self.add(
            g,
            ProvisionKind::Toc,
            number.filter(|n| !n.is_empty()),
            title,
            parent,
        );
    }

    fn place_fragment(&mut self, g: &Group) {
        let parent = self.parent_prov();
        let kind =
            parent
                .and_then(|p| self.provs.get(p))
                .map_or(ProvisionKind::Clause, |p| match p.kind {
                    k @ (ProvisionKind::Recital | ProvisionKind::Definition) => k,
                    _ => ProvisionKind::Clause,
                });
        self.add(g, kind, None, None, parent);
    }

    /// A heading block of the format: owns what follows until a heading of its level or higher.
    fn place_heading(&mut self, g: &Group, u: &Unit, info: &Info, level: u8) {
        let text = self.text(u.text_start, g.span.end).trim();
        let title_text = self
            .text(info.rest, g.span.end)
            .trim()
            .trim_end_matches(['.', ':'])
            .trim_end();
        if info.num.is_none()
            && !self.body_seen
            && self.titles < 3
            && !is_recital_heading(text)
            && !is_contents_heading(text)
        {
            self.titles += 1;
            self.add(g, ProvisionKind::Title, None, Some(text.to_owned()), None);
            return;
        }
        while let Some(top) = self.stack.last() {
            if matches!(top.kind, EKind::Heading(l) if l < level) {
                break;
            }
            self.stack.pop();
        }
        self.end_whereas_on_heading(text);
        let (cite, style, value) = self.cite_for(info.num.as_ref());
        let parent = self.parent_prov();
        let title = (!title_text.is_empty()).then(|| title_text.to_owned());
        self.body_seen |= info.num.is_some();
        let idx = self.add(g, ProvisionKind::Heading, cite.clone(), title, parent);
        let mut e = Entry::new(EKind::Heading(level));
        e.prov = Some(idx);
        e.cite = cite;
        e.style = style;
        e.value = value;
        e.title_only = true;
        self.mark_section(&mut e, title_text);
        self.push(e);
    }

    fn end_whereas_on_heading(&mut self, title: &str) {
        if !is_recital_heading(title) {
            self.whereas = false;
        }
    }

    /// Flags a heading entry as opening recitals, definitions or contents.
    fn mark_section(&mut self, e: &mut Entry, title: &str) {
        if is_recital_heading(title) {
            e.recital = true;
        } else if is_contents_heading(title) {
            e.contents = true;
            self.toc = Some(HashSet::new());
        }
        e.definitions = is_definition_context(title);
    }

    /// The citation, style and value of a number placed at the current stack position
    /// (used for headings and labels, which do not nest by style).
    fn cite_for(&self, num: Option<&Parsed>) -> (Option<String>, Option<Style>, u32) {
        let Some(p) = num else {
            return (None, None, 0);
        };
        let mut cite: Option<String> = None;
        for t in &p.toks {
            cite = Some(match (t.style.is_structural(), cite) {
                (true, _) => t.text.clone(),
                (false, Some(c)) => format!("{c}({})", t.text),
                (false, None) => match self.cite_base() {
                    Some(b) => format!("{b}({})", t.text),
                    None => format!("({})", t.text),
                },
            });
        }
        let last = p.toks.last();
        (
            cite.filter(|c| !c.is_empty() && !c.ends_with("()")),
            last.map(|t| t.style),
            last.map_or(0, |t| t.value),
        )
    }

    /// A text line that looks like a heading (`ANTI-SLAVERY`, `Modern Slavery`).
    fn place_guess(&mut self, g: &Group, line: &str) {
        let title = line.trim().trim_end_matches(':').trim_end();
        if !self.body_seen
            && self.titles < 3
            && !is_recital_heading(title)
            && !is_contents_heading(title)
        {
            self.titles += 1;
            self.add(g, ProvisionKind::Title, None, Some(title.to_owned()), None);
            return;
        }
        while let Some(top) = self.stack.last() {
            match top.kind {
                EKind::Heading(_) => break,
                EKind::Struct if top.rank < GUESS_RANK => break,
                _ => {
                    self.stack.pop();
                }
            }
        }
        self.end_whereas_on_heading(title);
        let parent = self.parent_prov();
        let idx = self.add(
            g,
            ProvisionKind::Heading,
            None,
            Some(title.to_owned()),
            parent,
        );
        let mut e = Entry::new(EKind::Guess);
        e.prov = Some(idx);
        e.rank = GUESS_RANK;
        e.title_only = true;
        self.mark_section(&mut e, title);
        self.push(e);
    }

    /// An unnumbered paragraph: a child of the clause or heading above it; it ends a list of
    /// sub-items unless their lead-in is a numbered clause.
    fn place_para(&mut self, g: &Group, text: &str) {
        while let Some(top) = self.stack.last() {
            let pop = match top.kind {
                EKind::Para => !top.lead_in || top.has_children,
                EKind::Item | EKind::List(_) => !top.lead_in && !top.title_only,
                EKind::Heading(_) | EKind::Guess | EKind::Struct => false,
            };
            if !pop {
                break;
            }
            self.stack.pop();
        }
        let operative = self.operative(text);
        let kind = self.body_kind(text, None, operative, false);
        if operative && kind == ProvisionKind::Clause && self.in_recitals() {
            self.end_recitals();
        }
        let parent = self.parent_prov();
        let idx = self.add(g, kind, None, None, parent);
        let mut e = Entry::new(EKind::Para);
        e.prov = Some(idx);
        e.lead_in = is_lead_in(text) && !operative;
        e.definitions = e.lead_in && is_definition_context(text);
        e.is_definition = kind == ProvisionKind::Definition;
        self.push(e);
    }

    /// The kind of operative text: recital, definition or clause.
    fn body_kind(
        &mut self,
        text: &str,
        body: Option<&str>,
        operative: bool,
        structural: bool,
    ) -> ProvisionKind {
        self.body_seen = true;
        if is_whereas(text) {
            self.whereas = true;
            return ProvisionKind::Recital;
        }
        if self.in_recitals() {
            if operative {
                return ProvisionKind::Clause;
            }
            let under_heading = self.stack.iter().any(|e| e.recital);
            if under_heading || !structural {
                return ProvisionKind::Recital;
            }
            self.whereas = false;
        }
        let body = body.unwrap_or(text);
        if is_quoted_definition(body)
            || (self.in_definitions() && is_plain_definition(body))
            || self.parent_is_definition()
        {
            return ProvisionKind::Definition;
        }
        ProvisionKind::Clause
    }

    /// A list item block of the format (Markdown, HTML, DOCX lists), nested by its level.
    fn place_list_item(&mut self, g: &Group, info: &Info, level: u8, text: &str) {
        while let Some(top) = self.stack.last() {
            let pop = match top.kind {
                EKind::List(l) => l >= level,
                EKind::Para => !top.lead_in,
                EKind::Item => true,
                EKind::Heading(_) | EKind::Guess | EKind::Struct => false,
            };
            if !pop {
                break;
            }
            self.stack.pop();
        }
        let mut cite = None;
        let mut style = None;
        let mut value = 0;
        if let Some(p) = &info.num {
            if let [t] = p.toks.as_slice() {
                if t.style == Style::Decimal && t.depth == 1 && !t.text.contains(' ') {
                    // `1.` nested in list `2.` is `2.1` (Common Paper); under a lead-in or a
                    // lettered item it is an item, `9(1)`; elsewhere a clause number.
                    let top = self.stack.last();
                    let top_list = top.filter(|e| matches!(e.kind, EKind::List(_)));
                    let decimal_parent = top_list
                        .and_then(|e| e.cite.as_deref())
                        .filter(|c| c.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
                    let item = top.is_some_and(|e| {
                        (e.lead_in && !matches!(e.kind, EKind::Heading(_) | EKind::Guess))
                            || matches!(e.kind, EKind::List(_) | EKind::Item)
                    });
                    cite = Some(match (decimal_parent, item) {
                        (Some(c), _) => format!("{c}.{}", t.text),
                        (None, true) => match self.cite_base() {
                            Some(b) => format!("{b}({})", t.text),
                            None => format!("({})", t.text),
                        },
                        (None, false) => t.text.clone(),
                    });
                    style = Some(t.style);
                    value = t.value;
                }
            }
            if cite.is_none() {
                (cite, style, value) = self.cite_for(Some(p));
            }
        }
        let (title, body) = self.title_of(info, g);
        let kind = if info.title_only
            && title.is_some()
            && !self.stack.last().is_some_and(|e| e.lead_in)
        {
            self.body_seen = true;
            ProvisionKind::Heading
        } else {
            let operative = self.operative(text);
            self.body_kind(text, Some(body), operative, false)
        };
        let parent = self.parent_prov();
        let idx = self.add(g, kind, cite.clone(), title.clone(), parent);
        let mut e = Entry::new(EKind::List(level));
        e.prov = Some(idx);
        e.cite = cite;
        e.style = style;
        e.value = value;
        e.title_only = info.title_only;
        e.lead_in = is_lead_in(text);
        e.definitions = title.as_deref().is_some_and(is_definition_context)
            || (e.lead_in && is_definition_context(text));
        e.is_definition = kind == ProvisionKind::Definition;
        self.push(e);
    }

    /// The title (if any) and the body text after number and title.
    fn title_of(&self, info: &Info, g: &Group) -> (Option<String>, &'d str) {
        if info.title.is_none() && info.title_only && g.last_unit > g.first_unit {
            // `ARTICLE IX` / `ANTI-SLAVERY`: the joined second line is the title.
            let rest = self.text(info.rest, g.span.end).trim();
            let title = rest.trim_end_matches(['.', ':']).trim_end();
            return (Some(title.to_owned()), self.text(g.span.end, g.span.end));
        }
        match info.title {
            Some((s, body)) => (
                Some(self.text(s.start, s.end).to_owned()),
                self.text(body.min(g.span.end), g.span.end),
            ),
            None => (None, self.text(info.rest, g.span.end)),
        }
    }

    fn place_numbered(&mut self, g: &Group, u: &Unit, info: &Info, p: &Parsed, text: &str) {
        let n = p.toks.len();
        let mut last_entry = None;
        for (k, tok) in p.toks.iter().enumerate() {
            let last = k + 1 == n;
            let (entry, _) = self.resolve(tok, last);
            if let Some(e) = entry {
                if last {
                    last_entry = Some(e);
                } else {
                    self.push(e);
                }
            }
        }
        let Some(mut e) = last_entry else {
            return;
        };
        let (title, body) = self.title_of(info, g);
        let structural = e.kind == EKind::Struct;
        // "BACKGROUND (A) … (B) …" then "1. DEFINITIONS AND INTERPRETATION": a decimal-numbered
        // heading in capitals ends the recitals (recitals are lettered or run-in, not headed).
        if self.in_recitals()
            && info.title_only
            && e.style == Some(Style::Decimal)
            && title.as_deref().is_some_and(|t| {
                t.chars().any(char::is_alphabetic)
                    && t.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                    && !is_recital_heading(t)
            })
        {
            self.end_recitals();
        }
        let parent_lead_in = self.stack.last().is_some_and(|t| t.lead_in);
        let heading = info.title_only
            && (structural || !self.in_recitals())
            && (structural
                || (!parent_lead_in
                    && title.as_deref().is_some_and(|t| {
                        self.text(info.rest, g.span.end).trim_end().ends_with('.')
                            || t.chars()
                                .filter(|c| c.is_alphabetic())
                                .all(char::is_uppercase)
                    })))
            && (title.is_some()
                || e.style
                    .is_some_and(|s| matches!(s, Style::Article | Style::Schedule)));
        let heading_text = title.as_deref().unwrap_or_default();
        let operative = self.operative(text);
        if structural && self.in_recitals() && !self.stack.iter().any(|x| x.recital) {
            self.whereas = false;
        }
        let kind = if heading {
            self.body_seen = true;
            if is_recital_heading(heading_text) {
                e.recital = true;
            } else {
                self.whereas = false;
            }
            ProvisionKind::Heading
        } else {
            self.body_kind(text, Some(body), operative, structural)
        };
        if operative && kind == ProvisionKind::Clause && self.in_recitals() {
            self.end_recitals();
        }
        let _ = u;
        let parent = self.parent_prov();
        let number = e.cite.clone().filter(|c| !c.is_empty());
        let idx = self.add(g, kind, number, title.clone(), parent);
        e.prov = Some(idx);
        e.title_only = info.title_only;
        e.lead_in = is_lead_in(text) && !operative;
        e.definitions = title.as_deref().is_some_and(is_definition_context)
            || (e.lead_in && is_definition_context(text))
            || (heading && is_definition_context(heading_text));
        e.is_definition = kind == ProvisionKind::Definition;
        self.push(e);
    }

    /// Finds the place of one number token and returns its entry (not yet pushed). Pops the
    /// stack to the new entry's parent. A non-final token that names an open level reuses it.
    fn resolve(&mut self, tok: &Tok, last: bool) -> (Option<Entry>, bool) {
        if tok.style.is_structural() && !self.as_list_number(tok) {
            let rank = match tok.style {
                Style::Schedule => 1,
                Style::Article => 3,
                _ => 10u8.saturating_add(tok.depth),
            };
            if !last {
                if let Some(pos) = self.stack.iter().rposition(|e| {
                    e.kind == EKind::Struct && e.cite.as_deref() == Some(tok.text.as_str())
                }) {
                    self.stack.truncate(pos + 1);
                    return (None, true);
                }
            }
            while let Some(top) = self.stack.last() {
                let stop = match top.kind {
                    EKind::Heading(_) => true,
                    EKind::Guess => top.rank < rank,
                    EKind::Struct => top.rank < rank,
                    EKind::Item | EKind::Para | EKind::List(_) => false,
                };
                if stop {
                    break;
                }
                self.stack.pop();
            }
            let mut e = Entry::new(EKind::Struct);
            e.style = Some(tok.style);
            e.rank = rank;
            e.value = tok.value;
            e.cite = Some(tok.text.clone());
            return (Some(e), false);
        }
        // Items: a sibling of an open item of the same style, or a new level.
        let (style, value) = if tok.style == Style::Decimal {
            (Style::DotDigit, tok.value)
        } else {
            self.choose_style(tok)
        };
        let boundary = self
            .stack
            .iter()
            .rposition(|e| {
                matches!(
                    e.kind,
                    EKind::Struct | EKind::Heading(_) | EKind::Guess | EKind::List(_)
                )
            })
            .map_or(0, |p| p + 1);
        let sibling = self
            .stack
            .iter()
            .enumerate()
            .skip(boundary)
            .rev()
            .find(|(_, e)| e.kind == EKind::Item && e.style == Some(style))
            .map(|(i, e)| (i, e.value));
        if let Some((pos, v)) = sibling {
            if !last && v == value {
                self.stack.truncate(pos + 1);
                return (None, true);
            }
            self.stack.truncate(pos);
        } else {
            while let Some(top) = self.stack.last() {
                if top.kind == EKind::Para && !top.lead_in {
                    self.stack.pop();
                } else {
                    break;
                }
            }
        }
        let text = if style == Style::Bullet {
            String::new()
        } else {
            tok_text(tok, style)
        };
        let cite = if text.is_empty() {
            None
        } else {
            Some(match self.cite_base() {
                Some(b) => format!("{b}({text})"),
                None => format!("({text})"),
            })
        };
        let mut e = Entry::new(EKind::Item);
        e.style = Some(style);
        e.value = value;
        e.cite = cite;
        (Some(e), false)
    }

    /// `1.` right after a lead-in (or after a `1.` list item) is a list item, not clause 1.
    fn as_list_number(&self, tok: &Tok) -> bool {
        if tok.style != Style::Decimal || tok.depth != 1 || tok.text.contains(' ') || tok.value == 0
        {
            return false;
        }
        let boundary = self
            .stack
            .iter()
            .rposition(|e| {
                matches!(
                    e.kind,
                    EKind::Struct | EKind::Heading(_) | EKind::Guess | EKind::List(_)
                )
            })
            .map_or(0, |p| p + 1);
        if self
            .stack
            .iter()
            .skip(boundary)
            .any(|e| e.style == Some(Style::DotDigit) && e.value + 1 == tok.value)
        {
            return true;
        }
        tok.value == 1
            && self.stack.last().is_some_and(|t| {
                t.lead_in
                    && !t.has_children
                    && (matches!(t.kind, EKind::Para | EKind::Item)
                        || (t.kind == EKind::Struct
                            && t.style == Some(Style::Decimal)
                            && !t.title_only))
            })
    }

    /// Letter or roman for `(i)`, `(v)`, `(x)`: a letter right after the previous letter
    /// (`(h)` → `(i)`), else roman when a roman list is open or the token is `i`.
    fn choose_style(&self, tok: &Tok) -> (Style, u32) {
        let Some((alt_style, alt_value)) = tok.alt else {
            return (tok.style, tok.value);
        };
        let boundary = self
            .stack
            .iter()
            .rposition(|e| {
                matches!(
                    e.kind,
                    EKind::Struct | EKind::Heading(_) | EKind::Guess | EKind::List(_)
                )
            })
            .map_or(0, |p| p + 1);
        let open = |style: Style, pred: &dyn Fn(u32) -> bool| {
            self.stack
                .iter()
                .skip(boundary)
                .rev()
                .find(|e| e.kind == EKind::Item && e.style == Some(style))
                .is_some_and(|e| pred(e.value))
        };
        // The first sub-item of a lead-in (`… that-` / `(i) Is for supplies`) or of a title-only
        // item (`(4) Posting.` / `(i) The Contractor shall post …`) is roman.
        let first_under_lead_in = self.stack.last().is_some_and(|t| {
            (t.lead_in || t.title_only) && !t.has_children && t.style != Some(alt_style)
        });
        if tok.value == 1 && first_under_lead_in {
            return (tok.style, tok.value);
        }
        if open(alt_style, &|v| v + 1 == alt_value) {
            return (alt_style, alt_value);
        }
        if open(tok.style, &|_| true) || tok.value == 1 {
            return (tok.style, tok.value);
        }
        (alt_style, alt_value)
    }
}

fn tok_text(tok: &Tok, style: Style) -> String {
    let _ = style;
    tok.text.clone()
}

#[cfg(test)]
mod tests;
