//! The normalised document: one text, blocks with source locations, revision marks and the
//! provision tree built over them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A byte range `[start, end)` in [`Document::text`]; always on `char` boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers no byte.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside `self`.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The format a document was read from (detected by content, not by extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Format {
    /// Plain text.
    Text,
    /// CommonMark Markdown.
    Markdown,
    /// Office Open XML word processing document.
    Docx,
    /// OpenDocument text.
    Odt,
    /// HTML.
    Html,
    /// Generic XML.
    Xml,
    /// PDF text layer.
    Pdf,
    /// Several files judged as one contract.
    Bundle,
}

impl Format {
    /// The public name used in reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Html => "html",
            Self::Xml => "xml",
            Self::Pdf => "pdf",
            Self::Bundle => "bundle",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a block is in its source format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
#[non_exhaustive]
pub enum BlockKind {
    /// An ordinary paragraph (or a line group of plain text).
    Paragraph,
    /// A heading the format marks as such (Markdown `#`, DOCX heading style / outline level,
    /// HTML `<h1>`…`<h6>`); `level` starts at 1.
    Heading {
        /// Outline level, 1 = top.
        level: u8,
    },
    /// An item of a list; `level` starts at 0.
    ListItem {
        /// Nesting level, 0 = top.
        level: u8,
    },
    /// A table cell.
    TableCell {
        /// Table index in the document.
        table: u32,
        /// Row index in the table.
        row: u32,
        /// Column index in the row.
        col: u32,
    },
    /// A footnote or endnote body.
    Note,
    /// A running header or footer: indexed, never evidence of an obligation.
    HeaderFooter,
    /// A reviewer comment: indexed, never evidence of an obligation.
    Comment,
}

impl BlockKind {
    /// Blocks whose text can never carry an obligation of the contract.
    #[must_use]
    pub const fn is_annotation(self) -> bool {
        matches!(self, Self::HeaderFooter | Self::Comment)
    }
}

/// One paragraph-like unit as the source format delivered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where its text is in [`Document::text`] (without the trailing newline).
    pub span: Span,
    /// The number a reader sees when the format generates it (DOCX/ODT automatic numbering,
    /// HTML `<ol>`), e.g. `12.3(a)`; `None` when the number, if any, is part of the text.
    pub label: Option<String>,
    /// Nesting level known from the format (outline level, list level), 0 = top.
    pub level: Option<u8>,
    /// 1-based page, where the format has pages.
    pub page: Option<u32>,
    /// 0-based index of the paragraph in its source part.
    pub index: u32,
    /// Structural path in the source (an XML element path, a DOCX part), where useful.
    pub path: Option<String>,
    /// Index of the file in [`Document::parts`] this block comes from (bundles).
    pub part: u16,
}

/// The kind of a revision mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RevisionKind {
    /// Tracked deletion (`w:del`, ODT `text:deletion`): not in the document once accepted.
    Deleted,
    /// Tracked insertion (`w:ins`, ODT `text:insertion`): in the document, not yet accepted.
    Inserted,
    /// Source of a tracked move (`w:moveFrom`): behaves as a deletion.
    MovedFrom,
    /// Target of a tracked move (`w:moveTo`): behaves as an insertion.
    MovedTo,
    /// Struck-through text (HTML `<del>`, `<s>`, `<strike>`; Markdown `~~`): behaves as a deletion.
    Struck,
}

impl RevisionKind {
    /// True when the text will not be in the signed contract.
    #[must_use]
    pub const fn is_removal(self) -> bool {
        matches!(self, Self::Deleted | Self::MovedFrom | Self::Struck)
    }
}

/// A span of text under a revision mark, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// Deletion, insertion, move or strike-through.
    pub kind: RevisionKind,
    /// The marked text.
    pub span: Span,
    /// The revision author, where recorded.
    pub author: Option<String>,
    /// The revision date as written in the source (ISO 8601 in DOCX/ODT).
    pub date: Option<String>,
}

/// What a provision is, for the judge: only some kinds can carry an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProvisionKind {
    /// The document title or a caption.
    Title,
    /// A heading: names a section, obliges nothing.
    Heading,
    /// A numbered or unnumbered operative clause (or a paragraph of one).
    Clause,
    /// A recital (`WHEREAS`, `Background`, `Recitals`).
    Recital,
    /// A definition (`"X" means …`).
    Definition,
    /// A table-of-contents line: never evidence.
    Toc,
    /// A footnote or endnote.
    Note,
    /// A header, footer or comment: never evidence.
    Annotation,
}

impl ProvisionKind {
    /// True when text of this kind can be the operative source of an obligation.
    #[must_use]
    pub const fn is_operative(self) -> bool {
        matches!(self, Self::Clause | Self::Note)
    }
}

/// A provision: the unit of analysis. Clauses nest (`12` → `12.3` → `12.3(a)`), and a lead-in
/// owns its sub-items as children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provision {
    /// What the provision is.
    pub kind: ProvisionKind,
    /// The clause number as a reader cites it, e.g. `12.3(a)(ii)`, `Article IV`, `Schedule 2`.
    pub number: Option<String>,
    /// The clause's own title, e.g. `Anti-Slavery` in `9. Anti-Slavery`.
    pub title: Option<String>,
    /// The provision's own text (its body without its children).
    pub span: Span,
    /// First block and one past the last block of the provision's own text.
    pub blocks: (usize, usize),
    /// Index of the enclosing provision.
    pub parent: Option<usize>,
    /// Indices of the provisions nested directly inside it, in document order.
    pub children: Vec<usize>,
    /// Depth in the tree, 0 = top.
    pub depth: u16,
    /// Index of the file in [`Document::parts`].
    pub part: u16,
}

/// A normalised document: the text, where each piece came from, and its provisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Display path of the document (the bundle directory for a bundle).
    pub path: String,
    /// Source format.
    pub format: Format,
    /// The files the document was built from (one, or the members of a bundle).
    pub parts: Vec<String>,
    /// The normalised text: blocks in reading order, each ended by `\n`. Deleted revision
    /// text stays in the text and is marked in [`Document::revisions`].
    pub text: String,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Revision marks, sorted by start.
    pub revisions: Vec<Revision>,
    /// The provision tree in document order (filled by segmentation).
    pub provisions: Vec<Provision>,
    /// Byte offset of the start of each line of `text`.
    line_starts: Vec<usize>,
}

impl Document {
    /// 1-based line and 1-based column (in characters) of a byte offset in [`Document::text`].
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Text of a span (empty when the span is out of range or not on char boundaries).
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The block that contains a byte offset.
    #[must_use]
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end < offset);
        self.blocks.get(i).filter(|b| b.span.start <= offset)
    }

    /// The innermost provision whose own span contains a byte offset.
    #[must_use]
    pub fn provision_at(&self, offset: usize) -> Option<usize> {
        self.provisions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.span.start <= offset && offset < p.span.end.max(p.span.start + 1))
            .max_by_key(|(_, p)| p.depth)
            .map(|(i, _)| i)
    }

    /// The nearest number on the provision or its ancestors.
    #[must_use]
    pub fn clause_number(&self, provision: usize) -> Option<&str> {
        let mut cur = Some(provision);
        while let Some(i) = cur {
            let p = self.provisions.get(i)?;
            if let Some(n) = &p.number {
                return Some(n);
            }
            cur = p.parent;
        }
        None
    }

    /// The nearest heading or clause title above a provision: its own title, an ancestor's
    /// title, or the text of the closest preceding heading provision.
    #[must_use]
    pub fn heading_of(&self, provision: usize) -> Option<String> {
        let mut cur = Some(provision);
        while let Some(i) = cur {
            let p = self.provisions.get(i)?;
            if let Some(t) = &p.title {
                return Some(t.clone());
            }
            if p.kind == ProvisionKind::Heading && i != provision {
                return Some(self.slice(p.span).trim().to_owned());
            }
            cur = p.parent;
        }
        None
    }

    /// The span of a provision together with all its descendants.
    #[must_use]
    pub fn subtree_span(&self, provision: usize) -> Span {
        let Some(p) = self.provisions.get(provision) else {
            return Span::default();
        };
        let mut span = p.span;
        let mut stack: Vec<usize> = p.children.clone();
        while let Some(c) = stack.pop() {
            if let Some(cp) = self.provisions.get(c) {
                span.start = span.start.min(cp.span.start);
                span.end = span.end.max(cp.span.end);
                stack.extend(cp.children.iter().copied());
            }
        }
        span
    }

    /// Revision marks overlapping a span.
    pub fn revisions_in(&self, span: Span) -> impl Iterator<Item = &Revision> {
        self.revisions.iter().filter(move |r| r.span.overlaps(span))
    }

    /// Recompute the line index after `text` changed.
    pub fn reindex_lines(&mut self) {
        self.line_starts = line_starts(&self.text);
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr_newlines(text).map(|i| i + 1))
        .collect()
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
}

/// Builds a [`Document`] block by block; every reader uses it so that spans, revisions and the
/// line index are consistent.
#[derive(Debug)]
pub struct DocumentBuilder {
    doc: Document,
    open_block: Option<(BlockKind, usize)>,
    meta: BlockMeta,
}

/// Location details of the next block, set by readers before pushing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockMeta {
    /// Generated number (see [`Block::label`]).
    pub label: Option<String>,
    /// Nesting level from the format.
    pub level: Option<u8>,
    /// 1-based page.
    pub page: Option<u32>,
    /// 0-based paragraph index in the source part; `None` = next in sequence.
    pub index: Option<u32>,
    /// Structural path.
    pub path: Option<String>,
    /// Bundle part.
    pub part: u16,
}

impl DocumentBuilder {
    /// Starts an empty document.
    #[must_use]
    pub fn new(path: impl Into<String>, format: Format) -> Self {
        let path = path.into();
        Self {
            doc: Document {
                parts: vec![path.clone()],
                path,
                format,
                text: String::new(),
                blocks: Vec::new(),
                revisions: Vec::new(),
                provisions: Vec::new(),
                line_starts: Vec::new(),
            },
            open_block: None,
            meta: BlockMeta::default(),
        }
    }

    /// Sets the list of files (bundles).
    pub fn set_parts(&mut self, parts: Vec<String>) {
        self.doc.parts = parts;
    }

    /// Sets location details for the next block (kept until the block is ended).
    pub fn set_meta(&mut self, meta: BlockMeta) {
        self.meta = meta;
    }

    /// Current length of the text in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.doc.text.len()
    }

    /// True when nothing has been pushed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.doc.text.is_empty()
    }

    /// Opens a block; text is added with [`Self::push_text`] and [`Self::push_revision`].
    /// An open block is ended first.
    pub fn begin_block(&mut self, kind: BlockKind) {
        if self.open_block.is_some() {
            self.end_block();
        }
        self.open_block = Some((kind, self.doc.text.len()));
    }

    /// Appends text to the open block (a block is opened as a paragraph if none is).
    /// Newlines inside are turned into spaces: a block is one line.
    pub fn push_text(&mut self, text: &str) {
        if self.open_block.is_none() {
            self.begin_block(BlockKind::Paragraph);
        }
        if text.contains(['\n', '\r']) {
            self.doc.text.extend(
                text.chars()
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
            );
        } else {
            self.doc.text.push_str(text);
        }
    }

    /// Appends text under a revision mark.
    pub fn push_revision(
        &mut self,
        text: &str,
        kind: RevisionKind,
        author: Option<String>,
        date: Option<String>,
    ) {
        let start = self.len();
        self.push_text(text);
        let end = self.len();
        if end > start {
            // Merge with an adjacent mark of the same kind and author (Word splits runs).
            if let Some(last) = self.doc.revisions.last_mut() {
                if last.span.end == start
                    && last.kind == kind
                    && last.author == author
                    && last.date == date
                {
                    last.span.end = end;
                    return;
                }
            }
            self.doc.revisions.push(Revision {
                kind,
                span: Span::new(start, end),
                author,
                date,
            });
        }
    }

    /// Ends the open block. Blocks that hold only whitespace are dropped.
    pub fn end_block(&mut self) {
        let Some((kind, start)) = self.open_block.take() else {
            return;
        };
        let meta = std::mem::take(&mut self.meta);
        // Trim trailing whitespace of the block (revision spans are clamped).
        let trimmed_len = self.doc.text[start..].trim_end().len();
        let end = start + trimmed_len;
        self.doc.text.truncate(end);
        for r in &mut self.doc.revisions {
            r.span.end = r.span.end.min(end);
        }
        self.doc
            .revisions
            .retain(|r| r.span.start < r.span.end || r.span.start < start);
        if self.doc.text[start..].trim().is_empty() {
            self.doc.text.truncate(start);
            self.doc.revisions.retain(|r| r.span.end <= start);
            return;
        }
        let index = meta.index.unwrap_or_else(|| {
            self.doc
                .blocks
                .last()
                .filter(|b| b.part == meta.part)
                .map_or(0, |b| b.index + 1)
        });
        self.doc.blocks.push(Block {
            kind,
            span: Span::new(start, end),
            label: meta.label,
            level: meta.level,
            page: meta.page,
            index,
            path: meta.path,
            part: meta.part,
        });
        self.doc.text.push('\n');
    }

    /// Appends an empty line that is not a block (plain text keeps its blank lines so that
    /// lines of the normalised text are lines of the file). Ends an open block first.
    pub fn push_blank_line(&mut self) {
        self.end_block();
        self.doc.text.push('\n');
    }

    /// Pushes a whole block of plain text.
    pub fn push_block(&mut self, kind: BlockKind, text: &str) {
        self.begin_block(kind);
        self.push_text(text);
        self.end_block();
    }

    /// Finishes the document (provisions are left empty for segmentation to fill).
    #[must_use]
    pub fn finish(mut self) -> Document {
        self.end_block();
        self.doc.revisions.sort_by_key(|r| r.span.start);
        self.doc.reindex_lines();
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_spans_and_lines() {
        let mut b = DocumentBuilder::new("x.txt", Format::Text);
        b.push_block(BlockKind::Paragraph, "One.  ");
        b.push_block(BlockKind::Paragraph, "   ");
        b.begin_block(BlockKind::Paragraph);
        b.push_text("The Supplier ");
        b.push_revision("shall", RevisionKind::Deleted, Some("A".into()), None);
        b.push_text(" comply.");
        let d = b.finish();
        assert_eq!(d.text, "One.\nThe Supplier shall comply.\n");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.slice(d.blocks[1].span), "The Supplier shall comply.");
        assert_eq!(d.slice(d.revisions[0].span), "shall");
        assert_eq!(d.line_col(5), (2, 1));
        assert_eq!(d.line_col(18), (2, 14));
        assert_eq!(d.block_at(6).map(|b| b.index), Some(1));
    }
}
