//! A streaming XML event reader shared by the DOCX, ODT and generic XML readers.
//!
//! It never expands entities: character references and the five predefined entities are
//! resolved, any other entity reference is refused (`entity-refused`), and so is a DTD that
//! declares entities or names an external subset (billion laughs, XXE). Element depth is
//! limited by [`crate::Limits::max_xml_depth`].

use crate::limits::exceeded;
use flowdown_core::{Error, ErrorKind};
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// One event of interest; declarations, comments and processing instructions are skipped.
pub(crate) enum Ev<'a> {
    /// Start tag.
    Start(BytesStart<'a>),
    /// Empty element `<x/>`.
    Empty(BytesStart<'a>),
    /// End tag.
    End(BytesEnd<'a>),
    /// Character data (entities already resolved).
    Text(Cow<'a, str>),
    /// End of input.
    Eof,
}

/// Streaming reader with depth and entity guards.
pub(crate) struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    name: &'a str,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    /// Allow a `<!DOCTYPE root>` without an internal subset or external id.
    allow_plain_doctype: bool,
}

impl<'a> XmlReader<'a> {
    /// A reader over `xml`; `name` is the file, `part` the zip entry (or "").
    pub(crate) fn new(name: &'a str, part: &'a str, xml: &'a str, max_depth: usize) -> Self {
        let mut reader = Reader::from_str(xml);
        let cfg = reader.config_mut();
        cfg.check_end_names = true;
        cfg.expand_empty_elements = false;
        Self {
            reader,
            name,
            part,
            depth: 0,
            max_depth,
            allow_plain_doctype: false,
        }
    }

    /// Accept a harmless `<!DOCTYPE root>` (generic XML).
    pub(crate) fn allow_plain_doctype(mut self) -> Self {
        self.allow_plain_doctype = true;
        self
    }

    /// Current element depth.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    fn where_(&self) -> String {
        if self.part.is_empty() {
            format!("at byte {}", self.reader.buffer_position())
        } else {
            format!("in {} at byte {}", self.part, self.reader.buffer_position())
        }
    }

    /// The next event of interest.
    pub(crate) fn next(&mut self) -> Result<Ev<'a>, Error> {
        loop {
            let ev = self.reader.read_event().map_err(|e| {
                Error::new(
                    ErrorKind::Malformed,
                    self.name,
                    format!("XML is not well-formed {}: {e}", self.where_()),
                )
            })?;
            match ev {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(exceeded(
                            self.name,
                            "max-xml-depth",
                            self.depth as u64,
                            self.max_depth as u64,
                            &format!("levels of element nesting {}", self.where_()),
                        ));
                    }
                    return Ok(Ev::Start(e));
                }
                Event::Empty(e) => {
                    return Ok(Ev::Empty(e));
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::End(e));
                }
                Event::Text(t) => return Ok(Ev::Text(t.into_inner())),
                Event::CData(t) => return Ok(Ev::Text(t.into_inner())),
                Event::GeneralRef(r) => {
                    if let Ok(Some(ch)) = r.resolve_char_ref() {
                        return Ok(Ev::Text(Cow::Owned(ch.to_string())));
                    }
                    let s = match &*r.into_inner() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "apos" => "'",
                        "quot" => "\"",
                        other => {
                            return Err(Error::new(
                                ErrorKind::EntityRefused,
                                self.name,
                                format!(
                                    "entity reference &{other}; refused {}: flowdown never expands entities",
                                    self.where_()
                                ),
                            ))
                        }
                    };
                    return Ok(Ev::Text(Cow::Borrowed(s)));
                }
                Event::DocType(d) => {
                    let body: &str = &d;
                    let upper = body.to_ascii_uppercase();
                    let dangerous = body.contains('[')
                        || upper.contains("<!ENTITY")
                        || upper.contains(" SYSTEM")
                        || upper.contains(" PUBLIC");
                    if dangerous || !self.allow_plain_doctype {
                        return Err(Error::new(
                            ErrorKind::EntityRefused,
                            self.name,
                            format!(
                                "document type declaration refused {}: DTDs, entity declarations and external entities are never processed",
                                self.where_()
                            ),
                        ));
                    }
                }
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(Error::new(
                            ErrorKind::Malformed,
                            self.name,
                            format!("XML ends inside an open element {}", self.where_()),
                        ));
                    }
                    return Ok(Ev::Eof);
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }

    /// Skips to the end of the element just started (its depth is the current depth).
    pub(crate) fn skip_element(&mut self) -> Result<(), Error> {
        let target = self.depth.saturating_sub(1);
        loop {
            match self.next()? {
                Ev::End(_) if self.depth == target => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

fn local_str(q: &str) -> &str {
    q.rsplit_once(':').map_or(q, |(_, l)| l)
}

/// Local name of a start tag (`w:p` → `p`).
pub(crate) fn ln<'b>(e: &'b BytesStart<'_>) -> &'b str {
    local_str(e.name().0)
}

/// Local name of an end tag.
pub(crate) fn ln_end<'b>(e: &'b BytesEnd<'_>) -> &'b str {
    local_str(e.name().0)
}

/// An attribute value by local name (`w:val` → `val`), unescaped where possible.
pub(crate) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if local_str(a.key.0) == local {
            return Some(
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_or_else(|_| a.value.clone().into_owned(), Cow::into_owned),
            );
        }
    }
    None
}

/// An OOXML on/off property: present with no `val`, or `val` true/1/on.
pub(crate) fn on_off(e: &BytesStart<'_>) -> bool {
    attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "false" | "0" | "off" | "none"))
}

/// Inline text normalisation shared by the DOCX, ODT, HTML, XML and PDF readers: no-break
/// spaces (U+00A0, U+2007, U+202F) become spaces, soft hyphens and zero-width spaces/joiners
/// are dropped, other control characters become spaces. Curly quotes and dashes are kept as
/// written.
pub(crate) fn clean_text(s: &str) -> Cow<'_, str> {
    let needs = s.chars().any(|c| {
        matches!(
            c,
            '\u{a0}'
                | '\u{2007}'
                | '\u{202f}'
                | '\u{ad}'
                | '\u{200b}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{feff}'
        ) || c.is_control()
    });
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}
