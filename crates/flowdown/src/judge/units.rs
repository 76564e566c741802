//! Units of analysis: the sentences and list items of operative provisions, read in one view of
//! the tracked changes, each with the lead-in that governs it.

use flowdown_core::{Document, ProvisionKind, RevisionKind, Span};
use regex::Regex;
use std::sync::LazyLock;

/// Which text of a document with tracked changes is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// What will be signed: deletions and struck text dropped, insertions kept.
    Current,
    /// What stood before the revisions: insertions dropped, deletions kept.
    Original,
}

/// One sentence or list item of a provision.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub(crate) prov: usize,
    pub(crate) span: Span,
    pub(crate) text: String,
    pub(crate) lead: Option<String>,
}

impl Unit {
    /// Lead-in and text together, the reading of the whole obligation.
    pub(crate) fn full(&self) -> String {
        match &self.lead {
            Some(l) => format!("{l} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// Normalised text of a span in a view: smart quotes straightened, dashes and spaces unified,
/// whitespace collapsed, removed (or inserted) revision text dropped.
pub(crate) fn view_text(doc: &Document, span: Span, view: View) -> String {
    let mut out = String::with_capacity(span.len());
    let mut skip: Vec<Span> = doc
        .revisions_in(span)
        .filter(|r| match view {
            View::Current => r.kind.is_removal(),
            View::Original => matches!(r.kind, RevisionKind::Inserted | RevisionKind::MovedTo),
        })
        .map(|r| r.span)
        .collect();
    skip.sort();
    let text = doc.slice(span);
    if skip.is_empty() {
        normalise_into(text, &mut out);
        return out;
    }
    let mut last_space = true;
    let mut k = 0;
    for (i, ch) in text.char_indices() {
        let at = span.start + i;
        while k < skip.len() && skip[k].end <= at {
            k += 1;
        }
        if k < skip.len() && skip[k].start <= at && at < skip[k].end {
            continue;
        }
        let c = match ch {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`view_text`] of a text without revisions: ASCII runs are copied at once, other characters
/// mapped as there.
fn normalise_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut last_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // Unicode white space among ASCII: \t \n \v \f \r and space.
            if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len()
                && bytes[i] < 0x80
                && !matches!(bytes[i], b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
            {
                i += 1;
            }
            out.push_str(&text[start..i]);
            last_space = false;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        i += ch.len_utf8();
        let c = match ch {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
}

const ABBREVIATIONS: &[&str] = &[
    "u.s", "e.g", "i.e", "no", "nos", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "corp", "art",
    "para", "paras", "cl", "sec", "secs", "etc", "v", "vs", "p", "pp", "s", "ss", "st", "jr", "sr",
    "fig", "u.k", "u.n", "c.f.r", "u.s.c", "seq", "al", "approx", "est", "n.v", "b.v", "s.a",
    "l.p", "llc", "plc", "dept", "gov", "govt",
];

/// Sentence spans inside `span` (byte offsets of `doc.text`), trimmed.
pub(crate) fn sentences(doc: &Document, span: Span) -> Vec<Span> {
    let text = doc.slice(span);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?')
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_whitespace()
        {
            // Next non-space character.
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let next = bytes.get(j).copied().unwrap_or(b' ');
            let starts_new =
                next.is_ascii_uppercase() || matches!(next, b'(' | b'"' | b'[') || next >= 0x80;
            if starts_new && (b != b'.' || !is_abbreviation(&text[start..i])) {
                push_trimmed(&mut out, span.start, text, start, i + 1);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, span.start, text, start, bytes.len());
    out
}

/// Splits a sentence where a second party's own obligation starts ("The Buyer shall notify
/// the Supplier …, and the Supplier shall cooperate …"): each clause has its own actor.
fn clauses(doc: &Document, sentence: Span) -> Vec<Span> {
    static NEXT_PARTY: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:;\s+(?:and\s+|but\s+)?|,\s+(?:and|but)\s+|\s(?:and|but)\s+)(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:shall|will|must|may|agrees|undertakes)\b",
        )
        .ok()
    });
    let text = doc.slice(sentence);
    let Some(re) = NEXT_PARTY.as_ref() else {
        return vec![sentence];
    };
    let mut out = Vec::new();
    let mut start = 0;
    for m in re.find_iter(text) {
        // The new clause starts at its subject, after the conjunction.
        let sub = &text[m.start()..m.end()];
        let lead = sub.len()
            - sub
                .trim_start_matches([';', ',', ' ', '\n', '\t'])
                .trim_start_matches("and ")
                .trim_start_matches("but ")
                .trim_start()
                .len();
        let at = m.start() + lead;
        if at > start
            && text[start..m.start()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                > 3
        {
            out.push(Span::new(
                sentence.start + start,
                sentence.start + m.start(),
            ));
            start = at;
        }
    }
    out.push(Span::new(sentence.start + start, sentence.end));
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    // Clause numbers like "12." or "4.2." end no sentence.
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return true;
    }
    ABBREVIATIONS.contains(&word.as_str())
}

fn push_trimmed(out: &mut Vec<Span>, base: usize, text: &str, start: usize, end: usize) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let s = start + lead;
    let e = end.saturating_sub(trail);
    if e > s {
        out.push(Span::new(base + s, base + e));
    }
}

/// Item markers inside a sentence: `; (b) `, `: (a) `, `; and (iii) `.
static ITEM_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::cue(
        r"(?:[:;]|\bor|\band)\s+(?:and\s+|or\s+)?\(?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s",
    )
});

/// Splits a sentence into a lead-in and items where it lists (a)…(f) inline.
fn items(doc: &Document, sentence: Span) -> Vec<Span> {
    let text = doc.slice(sentence);
    let mut cuts: Vec<usize> = ITEM_SPLIT
        .find_iter(text)
        .map(|m| {
            // Cut after the separator (keep the marker with the item).
            let sep = m.as_str();
            let skip = sep.find('(').or_else(|| sep.rfind(' ')).unwrap_or(0);
            m.start() + skip
        })
        .collect();
    cuts.dedup();
    if cuts.is_empty() {
        return vec![sentence];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        if c > start {
            push_trimmed(&mut out, sentence.start, text, start, c);
        }
        start = c;
    }
    push_trimmed(&mut out, sentence.start, text, start, text.len());
    out
}

fn ends_as_lead_in(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':')
        || t.ends_with('-')
        || t.ends_with("shall")
        || t.ends_with("must")
        || t.ends_with("will")
        || t.to_ascii_lowercase().ends_with("as follows")
        || t.to_ascii_lowercase().ends_with("the following")
}

/// Builds the units of every operative provision (and definitions) in a view. Only provisions
/// in `wanted` are read (the prefilter); their lead-ins are read from their parents.
pub(crate) fn build_units(doc: &Document, view: View, wanted: &[bool]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (pi, p) in doc.provisions.iter().enumerate() {
        if !wanted.get(pi).copied().unwrap_or(false) {
            continue;
        }
        if !(p.kind.is_operative() || p.kind == ProvisionKind::Definition) {
            continue;
        }
        // Lead-in from the parent: its last sentence when it introduces sub-items.
        let parent_lead = p.parent.and_then(|parent| {
            let pp = doc.provisions.get(parent)?;
            if !pp.kind.is_operative() {
                return None;
            }
            let last = *sentences(doc, pp.span).last()?;
            let t = view_text(doc, last, view);
            ends_as_lead_in(&t).then_some(t)
        });
        for s in sentences(doc, p.span)
            .into_iter()
            .flat_map(|s| clauses(doc, s))
        {
            let pieces = items(doc, s);
            let inline_lead = if pieces.len() > 1 {
                pieces
                    .first()
                    .map(|first| view_text(doc, *first, view))
                    .filter(|t| ends_as_lead_in(t) || t.contains(" shall") || t.contains(" will"))
            } else {
                None
            };
            for (k, piece) in pieces.iter().enumerate() {
                let text = view_text(doc, *piece, view);
                if text.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() {
                    continue;
                }
                let lead = if k > 0 {
                    match (&parent_lead, &inline_lead) {
                        (Some(a), Some(b)) => Some(format!("{a} {b}")),
                        (None, Some(b)) => Some(b.clone()),
                        (a, None) => a.clone(),
                    }
                } else {
                    parent_lead.clone()
                };
                out.push(Unit {
                    prov: pi,
                    span: *piece,
                    text,
                    lead,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The original character loop, to check the fast path against.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut last_space = true;
        for ch in text.chars() {
            let c = match ch {
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2018}' | '\u{2019}' | '\u{201A}' => '\'',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn fast_normalisation_is_the_character_loop() {
        for t in [
            "",
            "   ",
            " a  b\t\nc \u{0B}\u{0C}d\r\n",
            "\u{201C}Supplier\u{201D} \u{2014} the\u{00A0}\u{00A0}Buyer\u{2019}s \u{3000}x\u{85}y",
            "\u{1C}\u{1D}\u{1E}\u{1F} mixed é ü — ‐ − « » ‚ „ end  ",
        ] {
            let mut out = String::new();
            super::normalise_into(t, &mut out);
            assert_eq!(out, reference(t), "{t:?}");
        }
    }
}
