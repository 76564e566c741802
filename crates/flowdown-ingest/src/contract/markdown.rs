//! CommonMark Markdown (with tables, strikethrough and footnotes): headings, list items, table
//! cells and footnotes become blocks; `~~struck~~` text is a revision mark; HTML is dropped and
//! inline markup keeps only its text. Each block is one line of the normalised text, and
//! [`flowdown_core::Block::index`] is the 0-based line of the `.md` file where it starts.

use crate::ReadOptions;
use flowdown_core::{BlockKind, BlockMeta, Document, DocumentBuilder, Error, Format, RevisionKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Reads Markdown.
///
/// # Errors
/// Never fails today (every byte sequence decodes, see [`super::text::decode`]); the `Result`
/// keeps the reader signature uniform.
pub fn read(name: &str, bytes: &[u8], _opts: &ReadOptions) -> Result<Document, Error> {
    let decoded = super::text::decode(bytes);
    let source = if decoded.contains('\r') {
        decoded.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        decoded.into_owned()
    };
    let mut r = Reader::new(name, &source);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(&source, options).into_offset_iter() {
        r.event(event, range.start);
    }
    Ok(r.finish())
}

struct Reader {
    b: DocumentBuilder,
    /// Byte offset of the start of each source line.
    lines: Vec<usize>,
    /// Open lists: the next number of an ordered list, `None` for a bullet list.
    lists: Vec<Option<u64>>,
    /// The open block is a list item that has no text yet (its first paragraph joins it).
    fresh_item: bool,
    /// A soft line break is pending: a line that starts with a clause number opens a block.
    soft_break: bool,
    strike: usize,
    html_block: bool,
    code_block: bool,
    footnote: usize,
    table: u32,
    row: u32,
    col: u32,
    in_head: bool,
    tables_seen: u32,
}

impl Reader {
    fn new(name: &str, source: &str) -> Self {
        let lines = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1))
            .collect();
        Self {
            b: DocumentBuilder::new(name, Format::Markdown),
            lines,
            lists: Vec::new(),
            fresh_item: false,
            soft_break: false,
            strike: 0,
            html_block: false,
            code_block: false,
            footnote: 0,
            table: 0,
            row: 0,
            col: 0,
            in_head: false,
            tables_seen: 0,
        }
    }

    fn line_of(&self, offset: usize) -> u32 {
        let i = match self.lines.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    /// Ends the open block and opens a new one with its source line.
    fn open(&mut self, kind: BlockKind, offset: usize, label: Option<String>, level: Option<u8>) {
        self.b.end_block();
        self.b.set_meta(BlockMeta {
            label,
            level,
            index: Some(self.line_of(offset)),
            ..BlockMeta::default()
        });
        self.b.begin_block(kind);
        self.fresh_item = false;
        self.soft_break = false;
    }

    fn paragraph_kind(&self) -> BlockKind {
        if self.footnote > 0 {
            BlockKind::Note
        } else {
            BlockKind::Paragraph
        }
    }

    fn list_level(&self) -> u8 {
        u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        if self.html_block {
            if matches!(event, Event::End(TagEnd::HtmlBlock)) {
                self.html_block = false;
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t, offset),
            Event::Code(t) => {
                self.soft_break = false;
                self.push(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                self.soft_break = true;
                self.push(" ");
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(&t),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.open(BlockKind::Heading { level }, offset, None, Some(level));
            }
            Tag::Paragraph => {
                if !self.fresh_item {
                    let kind = self.paragraph_kind();
                    self.open(kind, offset, None, None);
                }
            }
            Tag::List(start) => {
                self.b.end_block();
                self.fresh_item = false;
                self.lists.push(start);
            }
            Tag::Item => {
                let label = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let label = n.to_string();
                        *n += 1;
                        Some(label)
                    }
                    _ => None,
                };
                let level = self.list_level();
                self.open(BlockKind::ListItem { level }, offset, label, Some(level));
                self.fresh_item = true;
            }
            Tag::Table(_) => {
                self.b.end_block();
                self.table = self.tables_seen;
                self.tables_seen += 1;
                self.row = 0;
            }
            Tag::TableHead => {
                self.in_head = true;
                self.col = 0;
            }
            Tag::TableRow => {
                if !self.in_head {
                    self.row += 1;
                }
                self.col = 0;
            }
            Tag::TableCell => {
                let kind = BlockKind::TableCell {
                    table: self.table,
                    row: self.row,
                    col: self.col,
                };
                self.open(kind, offset, None, None);
            }
            Tag::Strikethrough => self.strike += 1,
            Tag::HtmlBlock => {
                self.b.end_block();
                self.html_block = true;
            }
            Tag::CodeBlock(_) => {
                self.b.end_block();
                self.code_block = true;
            }
            Tag::FootnoteDefinition(_) => {
                self.b.end_block();
                self.footnote += 1;
            }
            Tag::BlockQuote(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => {
                self.b.end_block();
                self.fresh_item = false;
                self.soft_break = false;
            }
            TagEnd::List(_) => {
                self.b.end_block();
                self.lists.pop();
            }
            TagEnd::TableCell => {
                self.b.end_block();
                self.col += 1;
            }
            TagEnd::TableHead => {
                self.in_head = false;
            }
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::CodeBlock => {
                self.code_block = false;
                self.b.end_block();
            }
            TagEnd::FootnoteDefinition => {
                self.b.end_block();
                self.footnote = self.footnote.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str, offset: usize) {
        if self.code_block {
            let kind = self.paragraph_kind();
            let mut line_off = offset;
            for line in t.split('\n') {
                if !line.trim().is_empty() {
                    self.open(kind, line_off, None, None);
                    self.b.push_text(line);
                    self.b.end_block();
                }
                line_off += line.len() + 1;
            }
            return;
        }
        // A wrapped line that starts with its own number (`a. …` under a list item, which
        // CommonMark reads as a lazy continuation) opens a block of its own.
        if self.soft_break {
            self.soft_break = false;
            if crate::segment::starts_with_number(t.trim_start()) {
                let kind = self.paragraph_kind();
                self.open(kind, offset, None, None);
            }
        }
        self.fresh_item = false;
        self.push(t);
    }

    fn push(&mut self, t: &str) {
        if self.strike > 0 {
            self.b.push_revision(t, RevisionKind::Struck, None, None);
        } else {
            self.b.push_text(t);
        }
    }

    fn finish(self) -> Document {
        self.b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flowdown_core::Block;

    fn md(s: &str) -> Document {
        read("x.md", s.as_bytes(), &ReadOptions::default()).unwrap()
    }

    fn blocks(d: &Document) -> Vec<(BlockKind, &str, Option<&str>, u32)> {
        d.blocks
            .iter()
            .map(|b: &Block| (b.kind, d.slice(b.span), b.label.as_deref(), b.index))
            .collect()
    }

    #[test]
    fn structure() {
        let d = md(
            "# Title\n\nSome *emphasis* and `code` and [a link](http://x).\n\n\
                    1. First\n2. Second\n   - bullet\n\n> Quoted text\n",
        );
        assert_eq!(
            blocks(&d),
            [
                (BlockKind::Heading { level: 1 }, "Title", None, 0),
                (
                    BlockKind::Paragraph,
                    "Some emphasis and code and a link.",
                    None,
                    2
                ),
                (BlockKind::ListItem { level: 0 }, "First", Some("1"), 4),
                (BlockKind::ListItem { level: 0 }, "Second", Some("2"), 5),
                (BlockKind::ListItem { level: 1 }, "bullet", None, 6),
                (BlockKind::Paragraph, "Quoted text", None, 8),
            ]
        );
        assert_eq!(
            d.text,
            "Title\nSome emphasis and code and a link.\nFirst\nSecond\nbullet\nQuoted text\n"
        );
    }

    #[test]
    fn loose_lists_and_start_numbers() {
        let d = md("3. Third item\n\n   More text.\n\n4. Fourth\n");
        assert_eq!(
            blocks(&d),
            [
                (BlockKind::ListItem { level: 0 }, "Third item", Some("3"), 0),
                (BlockKind::Paragraph, "More text.", None, 2),
                (BlockKind::ListItem { level: 0 }, "Fourth", Some("4"), 4),
            ]
        );
    }

    #[test]
    fn strikethrough_html_tables_footnotes() {
        let d = md(
            "The Supplier ~~shall~~ may comply.<!-- hidden -->\n\n<div>\nraw html\n</div>\n\n\
                    | a | b |\n|---|---|\n| 1 | x |\n\nText[^1].\n\n[^1]: A note.\n",
        );
        assert_eq!(d.slice(d.revisions[0].span), "shall");
        assert_eq!(d.revisions[0].kind, RevisionKind::Struck);
        assert!(!d.text.contains("hidden") && !d.text.contains("raw html"));
        let b = blocks(&d);
        assert!(b.contains(&(
            BlockKind::TableCell {
                table: 0,
                row: 0,
                col: 1
            },
            "b",
            None,
            6
        )));
        assert!(b.contains(&(
            BlockKind::TableCell {
                table: 0,
                row: 1,
                col: 0
            },
            "1",
            None,
            8
        )));
        assert!(b.iter().any(|x| x.0 == BlockKind::Note && x.1 == "A note."));
    }

    #[test]
    fn lazy_numbered_lines_split() {
        let d =
            md("1. Restrictions. Customer will not:\n    a. reverse engineer;\n    b. resell.\n");
        assert_eq!(
            blocks(&d),
            [
                (
                    BlockKind::ListItem { level: 0 },
                    "Restrictions. Customer will not:",
                    Some("1"),
                    0
                ),
                (BlockKind::Paragraph, "a. reverse engineer;", None, 1),
                (BlockKind::Paragraph, "b. resell.", None, 2),
            ]
        );
    }

    #[test]
    fn inline_html_is_dropped() {
        let d = md("1. <span class=\"h\" id=\"1\">Service</span>\n    1. <span id=\"1.1\">Access.</span>  Customer may use it.\n");
        assert_eq!(d.slice(d.blocks[0].span), "Service");
        assert_eq!(d.slice(d.blocks[1].span), "Access.  Customer may use it.");
        assert_eq!(d.blocks[1].kind, BlockKind::ListItem { level: 1 });
    }
}
