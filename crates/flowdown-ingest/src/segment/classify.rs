//! Line-level tests: titles after numbers, heading-like lines, page furniture, table-of-contents
//! lines, recitals and definitions.

use super::number::re;
use regex::Regex;
use std::sync::LazyLock;

static FURNITURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:",
        r"page\s+[a-z]?-?\d{1,4}(?:\s+of\s+\d{1,4})?",
        r"|[-–—]\s*[a-z]?-?\d{1,4}\s*[-–—]",
        r"|\d{1,4}",
        r"|[a-z]-\d{1,3}",
        r"|\[?\s*(?:\*\s*){1,6}\]?",
        r"|\[\s*(?:redacted|omitted|intentionally\s+omitted)\s*\]",
        r"|<page>|</?pre>|\f",
        r")\s*$"
    ))
});
/// `… Page 5 of 20`, `Proprietary to X  Page A-3  vTIP2010` at the end of a short line.
static PAGE_END: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?i)(?:^|\s)page\s+[a-z]?-?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s+\S+)?\s*$"));
/// EDGAR: `Source: MUSCLEPHARM CORP, 10-K/A, 2/8/2017`.
static DATE_END: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"\d{1,2}/\d{1,2}/\d{2,4}\s*$"));
/// `***Confidential treatment requested …`, `[***] = CONFIDENTIAL TREATMENT REQUESTED`.
static LEGEND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:\[\s*\*+\s*\]|\*+)?\s*(?:=\s*)?confidential\s+treatment|(?:\[\s*\*+\s*\]|\*+)\s*=)",
    )
});
static TOC_LEADER: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?:\.{4,}|(?:\. ){4,}|…{2,}|_{5,}|·{4,})\s*[A-Za-z]?-?\d{0,4}\s*$"));
static TOC_PAGE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\S(?:\t+|\s{2,})[A-Za-z]?-?\d{1,3}\s*$"));
static CONTENTS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(?:table\s+of\s+contents|contents|index|index\s+of\s+(?:clauses|sections))\s*:?$")
});
static RECITAL_HEADING: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?i)^(?:recitals?|background|preamble|whereas)\s*:?$"));
static WHEREAS: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?i)^(?:\(?[A-Z0-9]{1,3}[.)]\s*)?whereas(?-u:\b)"));
static OPERATIVE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^now,?\s+therefore|^it\s+is\s+(?:hereby\s+)?agreed|(?-u:\b)agrees?\s+as\s+follows|(?-u:\b)hereby\s+(?:mutually\s+)?agrees?(?-u:\b)|(?-u:\b)agree\s+to\s+the\s+following",
    )
});
static DEF_QUOTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r#"^(?:the\s+(?:term|expression)s?\s+)?["“”'‘][^"“”]+["“”’']\s*,?\s*(?:\([^)]*\)\s*)?(?:(?:shall|will|does|should)\s+)?(?:mean|means|has\s+the\s+meanings?|have\s+the\s+meanings?|shall\s+have\s+the\s+meaning|includes?|refers?\s+to|is\s+defined|are\s+defined|:)"#,
    )
});
static DEF_PLAIN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^[A-Z][A-Za-z0-9\-'/(),. ]{0,60}?\s(?:shall\s+mean|means|has\s+the\s+meanings?|includes|does\s+not\s+include|is\s+defined\s+as)(?:\s|$|[-—–:,])",
    )
});
static DEF_CONTEXT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)definitions?(?-u:\b)|(?-u:\b)interpretation(?-u:\b)|(?-u:\b)as\s+used\s+in\s+this(?-u:\b)|(?-u:\b)the\s+following\s+(?:terms|words|expressions|definitions)(?-u:\b)|(?-u:\b)following\s+meanings(?-u:\b)|(?-u:\b)defined\s+terms(?-u:\b)",
    )
});

/// Words that never occur in a clause title (they make it a sentence).
const VERBS: &[&str] = &[
    "shall", "will", "must", "may", "means", "mean", "is", "are", "was", "were", "agrees", "agree",
    "has", "have", "hereby", "be", "been", "does", "should", "can", "not", "would",
];
/// First words of sentences, never of sentence-case titles.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "each",
    "any",
    "all",
    "it",
    "such",
    "no",
    "a",
    "an",
    "either",
    "neither",
    "if",
    "in",
    "where",
    "when",
    "unless",
    "subject",
    "notwithstanding",
    "without",
    "except",
    "upon",
    "for",
    "to",
    "as",
    "provided",
    "nothing",
    "we",
    "they",
    "he",
    "she",
    "its",
    "our",
    "their",
    "there",
];
/// Words allowed in lower case inside a Title Case heading.
const SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "by", "at", "as", "from",
    "into", "under", "upon", "per", "vs", "nor", "its", "their", "than", "via",
];

/// True for page headers and footers, page numbers, redaction-only lines and EDGAR furniture.
pub(crate) fn is_furniture(t: &str) -> bool {
    if t.len() > 400 {
        return false;
    }
    if t.len() <= 40 && FURNITURE.as_ref().is_some_and(|r| r.is_match(t)) {
        return true;
    }
    if LEGEND.as_ref().is_some_and(|r| r.is_match(t)) {
        return t.len() <= 400;
    }
    let b = t.as_bytes();
    if t.len() <= 200
        && b.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"source:"))
        && DATE_END.as_ref().is_some_and(|r| r.is_match(t))
    {
        return true;
    }
    t.len() <= 100
        && (memchr::memmem::find(b, b"age").is_some() || memchr::memmem::find(b, b"AGE").is_some())
        && PAGE_END.as_ref().is_some_and(|r| r.is_match(t))
}

/// True for a table-of-contents line: a dot leader, or a short title ending in a page number.
pub(crate) fn is_toc_line(t: &str) -> bool {
    if t.len() > 200 {
        return false;
    }
    let b = t.as_bytes();
    let leader = memchr::memmem::find(b, b"....").is_some()
        || memchr::memmem::find(b, b". . .").is_some()
        || memchr::memmem::find(b, b"____").is_some()
        || memchr::memmem::find(b, "……".as_bytes()).is_some()
        || memchr::memmem::find(b, "··".as_bytes()).is_some();
    if leader && TOC_LEADER.as_ref().is_some_and(|r| r.is_match(t)) {
        return true;
    }
    // A page number at the end: the last character is a digit.
    if !t.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if let Some(m) = TOC_PAGE.as_ref().and_then(|r| r.find(t)) {
        let head = t.get(..=m.start()).unwrap_or_default();
        return is_title_like(strip_number(head), 14);
    }
    false
}

fn strip_number(t: &str) -> &str {
    super::number::parse_leading(t)
        .and_then(|p| t.get(p.len..))
        .map_or(t, |r| {
            r.trim_start_matches([' ', '\t', '.', ':', '-', '–', '—'])
        })
}

/// `Contents`, `Table of Contents`, `Index`.
pub(crate) fn is_contents_heading(t: &str) -> bool {
    CONTENTS.as_ref().is_some_and(|r| r.is_match(t.trim()))
}

/// `Recitals`, `Background`, `Preamble`.
pub(crate) fn is_recital_heading(t: &str) -> bool {
    RECITAL_HEADING
        .as_ref()
        .is_some_and(|r| r.is_match(t.trim()))
}

/// A paragraph that opens with `WHEREAS`.
pub(crate) fn is_whereas(t: &str) -> bool {
    WHEREAS.as_ref().is_some_and(|r| r.is_match(t))
}

/// `NOW, THEREFORE …`, `… agree as follows`: the end of the recitals.
pub(crate) fn is_operative_start(t: &str) -> bool {
    let head = t.get(..t.len().min(600)).map_or(t, |h| h);
    let head = if head.len() < t.len() {
        t.get(..floor_char(t, 600)).unwrap_or(t)
    } else {
        head
    };
    OPERATIVE.as_ref().is_some_and(|r| r.is_match(head))
}

/// `"X" means …`, `“X” has the meaning …` (anywhere).
pub(crate) fn is_quoted_definition(body: &str) -> bool {
    DEF_QUOTED.as_ref().is_some_and(|r| r.is_match(body))
}

/// `X means …` (only in a definitions section).
pub(crate) fn is_plain_definition(body: &str) -> bool {
    DEF_PLAIN.as_ref().is_some_and(|r| r.is_match(body))
}

/// A heading or lead-in that opens a definitions section.
pub(crate) fn is_definition_context(t: &str) -> bool {
    let head = t.get(..floor_char(t, 200)).unwrap_or(t);
    DEF_CONTEXT.as_ref().is_some_and(|r| r.is_match(head))
}

pub(crate) fn floor_char(t: &str, mut i: usize) -> usize {
    if i >= t.len() {
        return t.len();
    }
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when a text ends a sentence or opens a list: `.`, `;`, `:`, `?`, `!`, a dash.
pub(crate) fn ends_terminal(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', ';', ':', '?', '!', '—', '–']) || ends_dash(t)
}

fn ends_dash(t: &str) -> bool {
    // `… as used in this clause-` (FAR), not `-5-`.
    let mut it = t.chars().rev();
    it.next() == Some('-') && it.next().is_some_and(char::is_alphabetic)
}

/// A lead-in that owns the sub-items after it: ends with `:` or a dash, or with `as follows` /
/// `the following`.
pub(crate) fn is_lead_in(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', ' ', '*']);
    if t.ends_with([':', '—', '–']) || ends_dash(t) {
        return true;
    }
    let tail = t.trim_end_matches(['.', ',', ';']).as_bytes();
    let ends = |w: &[u8]| {
        tail.len() >= w.len()
            && tail
                .get(tail.len() - w.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(w))
    };
    ends(b"as follows") || ends(b"the following")
}

/// True when `t` reads as a title: short, capitalised, without a verb; ALL CAPS or Title Case
/// or a few words in sentence case (`Contractor requirements`).
pub(crate) fn is_title_like(t: &str, max_words: usize) -> bool {
    let t = t.trim();
    if t.is_empty() || t.len() > 120 {
        return false;
    }
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if t.ends_with([',', ';']) {
        return false;
    }
    let mut words = 0;
    let mut big_lower = 0;
    let mut letters = 0;
    let mut upper_letters = 0;
    for w in t.split_whitespace() {
        words += 1;
        if words > max_words {
            return false;
        }
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if VERBS.iter().any(|v| v.eq_ignore_ascii_case(core)) {
            return false;
        }
        for c in core.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper_letters += 1;
                }
            }
        }
        if core.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&core) {
            big_lower += 1;
        }
    }
    if letters < 2 {
        return false;
    }
    let all_caps = upper_letters == letters;
    // Sentence case is a title only when short and not opened like a sentence
    // (`Mitigating and aggravating factors`, not `The Buyer procures services`).
    let first_word = t
        .split_whitespace()
        .next()
        .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let sentence_opener = SENTENCE_OPENERS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first_word));
    all_caps
        || big_lower == 0
        || (!sentence_opener && words <= 5 && big_lower <= 2)
        || (words <= 3 && big_lower <= 1)
}

/// A line that looks like a heading on its own: short, ALL CAPS or Title Case, no final
/// sentence punctuation (a colon is allowed for ALL CAPS).
pub(crate) fn is_heading_line(t: &str) -> bool {
    let t = t.trim();
    if t.len() > 90 || t.len() < 3 {
        return false;
    }
    let caps = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if caps {
        let body = t.trim_end_matches(':');
        return !body.ends_with(['.', ';', ',']) && is_title_like(body, 12);
    }
    if t.ends_with(['.', ';', ',', ':', '!', '?']) {
        return false;
    }
    // Title Case only: every long word capitalised.
    let mut long = 0;
    for w in t.split_whitespace() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if core.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&core) {
            return false;
        }
        if core.chars().count() >= 3 && core.chars().next().is_some_and(char::is_alphabetic) {
            long += 1;
        }
    }
    long >= 1 && t.split_whitespace().count() <= 8 && is_title_like(t, 8)
}

/// Splits a clause's own title from the text after its number: `Anti-Slavery. The Supplier…`
/// → (`Anti-Slavery`, body start). Returns the title and the byte offset of the body in `rest`
/// (`rest.len()` when the whole rest is the title).
pub(crate) fn split_title(rest: &str) -> Option<(&str, usize)> {
    let r = rest.trim_end();
    if r.is_empty() {
        return None;
    }
    // The whole rest is a title (`ANTI-SLAVERY`, `Modern Slavery`, `Notification.`).
    let whole = r.trim_end_matches(['.', ':']).trim_end();
    if r.len() <= 100 && is_title_like(whole, 10) && !whole.contains(". ") && !ends_dash(whole) {
        return Some((whole, rest.len()));
    }
    // `Title. Body`, `Title: Body`, `Title – Body`, `TITLE  Body`.
    let limit = floor_char(r, 110);
    let head = r.get(..limit).unwrap_or(r);
    for (i, c) in head.char_indices() {
        let sep_len = match c {
            '.' | ':' => {
                let after = r.get(i + 1..).unwrap_or_default();
                let next = after.trim_start().chars().next();
                if after.starts_with([' ', '\t'])
                    && next.is_some_and(|n| {
                        n.is_uppercase() || matches!(n, '"' | '“' | '(' | '[' | '‘')
                    })
                {
                    1
                } else {
                    continue;
                }
            }
            '–' | '—' => c.len_utf8(),
            _ => continue,
        };
        let title = r.get(..i)?.trim_end();
        if title.is_empty() || !is_title_like(title, 10) {
            return None;
        }
        let body = r.get(i + sep_len..)?;
        let body_off = i + sep_len + (body.len() - body.trim_start().len());
        return Some((title, body_off));
    }
    // ALL CAPS title run before the body (`ANTI-SLAVERY The Supplier shall …`).
    let caps = |w: &str| {
        let mut letters = 0;
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    };
    let mut title_end = 0;
    for (words, w) in r.split_whitespace().take(12).enumerate() {
        let off = w.as_ptr() as usize - r.as_ptr() as usize;
        if !caps(w) {
            if words == 0 {
                return None;
            }
            let title = r.get(..title_end)?;
            if is_title_like(title, 10) && title.len() >= 4 {
                return Some((title.trim_end_matches(['.', ':']), off));
            }
            return None;
        }
        title_end = off + w.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        for r in [
            &FURNITURE,
            &PAGE_END,
            &DATE_END,
            &LEGEND,
            &TOC_LEADER,
            &TOC_PAGE,
            &CONTENTS,
            &RECITAL_HEADING,
            &WHEREAS,
            &OPERATIVE,
            &DEF_QUOTED,
            &DEF_PLAIN,
            &DEF_CONTEXT,
        ] {
            assert!(r.is_some());
        }
    }

    #[test]
    fn furniture() {
        for t in [
            "Page 5 of 20",
            "-5-",
            "- 12 -",
            "[***]",
            "***",
            "12",
            "Source: MUSCLEPHARM CORP, 10-K/A, 2/8/2017",
            "[***] = CONFIDENTIAL TREATMENT REQUESTED",
            "Proprietary to Bank of America  Page A-3  vTIP2010",
        ] {
            assert!(is_furniture(t), "{t}");
        }
        for t in [
            "The Supplier shall not use forced labour.",
            "1. Definitions",
            "Source code shall be delivered.",
            "(a) the Supplier shall pay [***] per unit.",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn toc_lines() {
        assert!(is_toc_line("1. Definitions ........ 3"));
        assert!(is_toc_line("Anti-Slavery\t12"));
        assert!(is_toc_line("9.  Modern Slavery    14"));
        assert!(!is_toc_line(
            "(a) All applicable export list numbers, including the Export Control      11"
        ));
        assert!(!is_toc_line("The Supplier shall pay within 30 days."));
    }

    #[test]
    fn titles() {
        assert_eq!(
            split_title("Anti-Slavery. The Supplier shall comply."),
            Some(("Anti-Slavery", 14))
        );
        assert_eq!(split_title("ANTI-SLAVERY"), Some(("ANTI-SLAVERY", 12)));
        assert_eq!(split_title("Notification."), Some(("Notification", 13)));
        assert_eq!(
            split_title("Compliance with Laws. The Supplier…"),
            Some(("Compliance with Laws", 22))
        );
        assert_eq!(split_title("Modern Slavery"), Some(("Modern Slavery", 14)));
        assert_eq!(
            split_title("Contractor requirements. The Contractor shall-").map(|t| t.0),
            Some("Contractor requirements")
        );
        assert_eq!(
            split_title("The Agreement. The Bonterms Cloud Terms are").map(|t| t.0),
            Some("The Agreement")
        );
        assert_eq!(split_title("The Supplier shall comply. It shall."), None);
        assert_eq!(
            split_title("Threats of serious harm to or physical restraint against any person;"),
            None
        );
        assert_eq!(split_title("the following expressions have"), None);
        assert_eq!(split_title("Restrict the Contractor from-"), None);
        assert_eq!(split_title("The Buyer procures services."), None);
        assert_eq!(
            split_title("Mitigating and aggravating factors. When determining").map(|t| t.0),
            Some("Mitigating and aggravating factors")
        );
        assert_eq!(
            split_title("TERM AND TERMINATION This Agreement shall").map(|t| t.0),
            Some("TERM AND TERMINATION")
        );
    }

    #[test]
    fn headings() {
        assert!(is_heading_line("ANTI-SLAVERY"));
        assert!(is_heading_line(
            "Combating Trafficking in Persons (Oct 2025)"
        ));
        assert!(is_heading_line("MASTER SUPPLY AGREEMENT"));
        assert!(is_heading_line("Modern Slavery"));
        assert!(!is_heading_line("Agent means any individual"));
        assert!(!is_heading_line("The Supplier shall comply."));
        assert!(!is_heading_line("in accordance with the"));
    }

    #[test]
    fn recitals_and_definitions() {
        assert!(is_whereas("WHEREAS, the Buyer wishes"));
        assert!(is_whereas("(A) Whereas the parties"));
        assert!(is_operative_start(
            "NOW, THEREFORE, the parties agree as follows:"
        ));
        assert!(is_operative_start("The parties hereby agree:"));
        assert!(is_quoted_definition("\"Supplier\" means ACME Ltd."));
        assert!(is_quoted_definition(
            "“Modern Slavery” has the meaning given in the Act."
        ));
        assert!(is_quoted_definition("\"Goods\" shall mean the goods"));
        assert!(is_plain_definition("Agent means any individual"));
        assert!(is_plain_definition("Coercion means-"));
        assert!(!is_plain_definition("The Supplier shall comply"));
        assert!(is_definition_context(
            "Definitions. As used in this clause-"
        ));
        assert!(is_lead_in("The Supplier shall:"));
        assert!(is_lead_in("As used in this clause-"));
        assert!(is_lead_in("The Supplier shall comply with the following."));
        assert!(!is_lead_in("The Supplier shall comply."));
    }
}
