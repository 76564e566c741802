//! Clause numbers at the start of a block: `1.`, `1.1`, `12.3(a)(ii)`, `(a)`, `a)`, `a.`, `(iv)`,
//! `(A)`, `(1)`, `Article IV`, `Section 5.2`, `§ 5`, `Schedule 2`, bullets; and generated labels.

use regex::Regex;
use std::sync::LazyLock;

/// How a number is written; siblings share a style, a new style opens a deeper level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `1.`, `1.1`, `1.1.1` (also `Section 5`, `Clause 14`): structural, rank by depth.
    Decimal,
    /// `Article IV`, `Chapter 2`: structural, above decimals.
    Article,
    /// `Schedule 2`, `Annex A`, `Exhibit B`, `Appendix 1`, `Part 3`: top structural.
    Schedule,
    ParenLower,
    ParenUpper,
    ParenDigit,
    ParenRomanLower,
    ParenRomanUpper,
    CloseLower,
    CloseUpper,
    CloseDigit,
    CloseRomanLower,
    DotLower,
    DotUpper,
    DotRomanLower,
    DotRomanUpper,
    /// `1.` used as a list item under a lead-in.
    DotDigit,
    /// `•`, `-`, `*`: an item without a number.
    Bullet,
}

impl Style {
    pub(crate) const fn is_structural(self) -> bool {
        matches!(self, Self::Decimal | Self::Article | Self::Schedule)
    }
}

/// One number token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) style: Style,
    /// Letter/roman ambiguity: the same token read as a letter (`(i)` after `(h)`).
    pub(crate) alt: Option<(Style, u32)>,
    /// Ordinal value (1 = `a`, `i`, `1`); 0 when not meaningful.
    pub(crate) value: u32,
    /// What the reader cites: `12.3`, `a`, `iv`, `Article IV`, `Section 5`.
    pub(crate) text: String,
    /// Components of a decimal (`1.2.3` → 3); keyword numbers count their decimal parts.
    pub(crate) depth: u8,
}

/// A number at the start of a text: its tokens (`12.3(a)(ii)` → three) and where the text
/// after it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) toks: Vec<Tok>,
    /// Bytes of the number itself.
    pub(crate) len: usize,
}

static KEYWORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?:(?i:(article|section|clause|schedule|annex|annexure|exhibit|appendix|part|chapter|attachment|paragraph))[ \t]+|(§§?)[ \t]*)(\d{1,3}(?:\.\d{1,3})*[A-Za-z]?|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Z])(?-u:\b)",
    )
});
static DECIMAL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // `22.1702`: regulation sections have four-digit parts.
    re(r"^(\d{1,3})((?:\.\d{1,4})*)(\.)?((?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\))*)")
});
static FAR: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^\d{2,3}\.\d{3}-\d{1,4}(?:\s|$)"));
static PAREN: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^(?:\((?:[a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\))+"));
static CLOSE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^(?:([a-z]{1,5})|(\d{1,3})|([A-Z]{1,5}))\)(?:\s|$)"));
static DOT: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^(?:([a-z])|([A-Z])|([ivx]{2,5})|([IVX]{2,5}))\.(?:\s|$)"));
static BULLET: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^[•●◦▪■□➢►‣⁃·\-\*–][ \t]+"));
static PAREN_ONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\(([a-z]{1,5}|[A-Z]{1,5}|\d{1,3})\)"));

pub(crate) fn re(pattern: &str) -> Option<Regex> {
    // Patterns are constants, all compiled by a test; a broken one would match nothing.
    Regex::new(pattern).ok()
}

/// Parses a number at the start of `s` (which starts at its first non-blank character).
pub(crate) fn parse_leading(s: &str) -> Option<Parsed> {
    let first = s.as_bytes().first()?;
    match first {
        b'0'..=b'9' => far(s).or_else(|| decimal(s)).or_else(|| close(s)),
        b'(' => paren(s),
        b'a'..=b'z' | b'A'..=b'Z' | 0xC2 => {
            // Cheap shape tests first: most lines start with an ordinary word.
            let b = s.as_bytes();
            let word = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let next = b.get(word).copied();
            if word <= 5 && next == Some(b')') {
                return close(s);
            }
            // `III.1`, `IV.2.3` (a roman section's clauses), `H-9`, `C-12.1` (lettered sections
            // of government contracts).
            let digit_after = b.get(word + 1).is_some_and(u8::is_ascii_digit);
            if digit_after
                && ((word <= 6 && next == Some(b'.')) || (word <= 2 && next == Some(b'-')))
            {
                if let Some(p) = prefixed(s) {
                    return Some(p);
                }
            }
            if word <= 5 && next == Some(b'.') {
                return dot(s);
            }
            let is_keyword = *first == 0xC2
                || b.get(..word).is_some_and(|w| {
                    KEYWORDS
                        .iter()
                        .any(|k| k.as_bytes().eq_ignore_ascii_case(w))
                });
            if is_keyword {
                keyword(s)
            } else {
                None
            }
        }
        _ => bullet(s),
    }
}

const KEYWORDS: [&str; 12] = [
    "article",
    "section",
    "clause",
    "schedule",
    "annex",
    "annexure",
    "exhibit",
    "appendix",
    "part",
    "chapter",
    "attachment",
    "paragraph",
];

/// Parses a generated label (DOCX/ODT/HTML numbering, Markdown ordered lists): `3`, `3.`,
/// `12.3(a)`, `(b)`, `b)`, `iv.`, `Article 4`.
pub(crate) fn parse_label(label: &str) -> Option<Parsed> {
    let l = label.trim();
    if l.is_empty() {
        return None;
    }
    if let Some(p) = parse_leading(l).filter(|p| p.len == l.len()) {
        return Some(p);
    }
    // Bare forms a reader writes without punctuation: `3`, `b`, `iv`.
    if l.bytes().all(|b| b.is_ascii_digit()) && l.len() <= 4 {
        return decimal(&format!("{l}. ")).map(|p| Parsed { len: l.len(), ..p });
    }
    if l.len() <= 5 && l.bytes().all(|b| b.is_ascii_alphabetic()) {
        return paren(&format!("({l})")).map(|p| Parsed { len: l.len(), ..p });
    }
    // `1.2.3.` with a trailing dot and no space, `(a)` followed by a dot.
    let trimmed = l.trim_end_matches(['.', ':']);
    if trimmed.len() < l.len() {
        return parse_label(trimmed).map(|p| Parsed { len: l.len(), ..p });
    }
    None
}

fn keyword(s: &str) -> Option<Parsed> {
    let c = KEYWORD.as_ref()?.captures(s)?;
    let m = c.get(0)?;
    let rest = s.get(m.end()..).unwrap_or_default();
    if !keyword_follow_ok(rest) {
        return None;
    }
    // "clause 6.1." at the start of a line continues a wrapped sentence ("… equivalent to
    // clause 6.1."): a heading keyword is written with a capital.
    if c.get(1)
        .is_some_and(|k| k.as_str().starts_with(|ch: char| ch.is_lowercase()))
    {
        return None;
    }
    let value = c.get(3)?.as_str();
    let (kw, style) = if let Some(k) = c.get(1) {
        let k = k.as_str().to_ascii_lowercase();
        let style = match k.as_str() {
            "article" | "chapter" => Style::Article,
            "section" | "clause" | "paragraph" => Style::Decimal,
            _ => Style::Schedule,
        };
        (title_word(&k), style)
    } else {
        ("§".to_owned(), Style::Decimal)
    };
    let depth = if value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        u8::try_from(value.split('.').count()).unwrap_or(u8::MAX)
    } else {
        1
    };
    let mut len = m.end();
    // A period or colon right after the number belongs to it.
    if let Some(b'.' | b':') = rest.as_bytes().first() {
        len += 1;
    }
    Some(Parsed {
        toks: vec![Tok {
            style,
            alt: None,
            value: 0,
            text: format!("{kw} {value}"),
            depth,
        }],
        len,
    })
}

/// After `Section 5`: end, `.`/`:`, a dash, two spaces, or a capitalised word — never a
/// lower-case verb (`Section 5 shall survive` is a reference, not a number).
fn keyword_follow_ok(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(c0) = chars.next() else {
        return true;
    };
    match c0 {
        '.' | ':' | '–' | '—' | '-' | '\t' => {
            let c1 = chars.next();
            c0 != '.' || c1.is_none_or(char::is_whitespace)
        }
        ' ' => {
            let after = rest.trim_start();
            let Some(c1) = after.chars().next() else {
                return true;
            };
            rest.starts_with("  ")
                || c1.is_uppercase()
                || matches!(c1, '"' | '“' | '(' | '[' | '–' | '—' | '-' | '\'' | '‘')
        }
        _ => false,
    }
}

fn title_word(k: &str) -> String {
    let mut c = k.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

static PREFIXED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^([IVXL]{1,6}\.|[A-Z]\.|[A-Z]{1,2}-)(\d{1,3}(?:\.\d{1,3})*)(\.)?((?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\))*)",
    )
});

/// `III.1`, `H-9`, `C.1`: a clause of a section numbered by a roman numeral or a letter.
fn prefixed(s: &str) -> Option<Parsed> {
    let c = PREFIXED.as_ref()?.captures(s)?;
    let m = c.get(0)?;
    let suffix = c.get(4).map_or("", |g| g.as_str());
    let rest = s.get(m.end()..).unwrap_or_default();
    if !rest.chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    // `C.1 Scope`, `H.3 Combating …` (lettered sections of US federal contracts): a letter that
    // is not a roman numeral, so a heading's text must follow as it does a keyword number
    // (`H.3 of this Subcontract` on a wrapped line is a reference).
    let prefix = c.get(1)?.as_str();
    if prefix.len() == 2
        && prefix.ends_with('.')
        && !prefix.starts_with(['I', 'V', 'X', 'L'])
        && !keyword_follow_ok(rest)
    {
        return None;
    }
    let head = format!("{}{}", c.get(1)?.as_str(), c.get(2)?.as_str());
    let depth = u8::try_from(c.get(2)?.as_str().split('.').count() + 1).unwrap_or(u8::MAX);
    let mut toks = vec![Tok {
        style: Style::Decimal,
        alt: None,
        value: 0,
        text: head,
        depth,
    }];
    if !suffix.is_empty() {
        toks.extend(paren_toks(suffix));
    }
    Some(Parsed { toks, len: m.end() })
}

fn decimal(s: &str) -> Option<Parsed> {
    let c = DECIMAL.as_ref()?.captures(s)?;
    let m = c.get(0)?;
    let more = c.get(2).map_or("", |g| g.as_str());
    let dot = c.get(3).is_some();
    let suffix = c.get(4).map_or("", |g| g.as_str());
    let next = s.get(m.end()..).and_then(|r| r.chars().next());
    // The number must end at a space or the end of the text (`1.5%`, `12.03.2020` are not numbers).
    if !suffix.is_empty() {
        if next.is_some_and(char::is_alphanumeric) {
            return None;
        }
    } else if !next.is_none_or(char::is_whitespace) {
        return None;
    }
    // A four-digit part only as the second of two (`22.1702`), never in a date (`12.03.2020`).
    let parts: Vec<&str> = more.split('.').skip(1).collect();
    if parts.iter().any(|p| p.len() == 4) && parts.len() != 1 {
        return None;
    }
    // A bare integer (`10 days`) is not a number; `10.` and `1.1` are.
    if more.is_empty() && !dot && suffix.is_empty() {
        return None;
    }
    let head = format!("{}{}", c.get(1)?.as_str(), more);
    let depth = u8::try_from(head.split('.').count()).unwrap_or(u8::MAX);
    let value = c.get(1)?.as_str().parse().unwrap_or(0);
    let mut toks = vec![Tok {
        style: Style::Decimal,
        alt: None,
        value: if more.is_empty() { value } else { 0 },
        text: head,
        depth,
    }];
    if !suffix.is_empty() {
        toks.extend(paren_toks(suffix));
    }
    Some(Parsed { toks, len: m.end() })
}

/// A FAR/DFARS clause number (`52.222-50`, `252.222-7007`): a whole clause, like a schedule.
fn far(s: &str) -> Option<Parsed> {
    let m = FAR.as_ref()?.find(s)?;
    let text = m.as_str().trim_end();
    Some(Parsed {
        toks: vec![Tok {
            style: Style::Schedule,
            alt: None,
            value: 0,
            text: text.to_owned(),
            depth: 1,
        }],
        len: text.len(),
    })
}

fn paren(s: &str) -> Option<Parsed> {
    let m = PAREN.as_ref()?.find(s)?;
    let toks = paren_toks(m.as_str());
    if toks.is_empty() || toks.len() != m.as_str().matches('(').count() {
        return None;
    }
    Some(Parsed { toks, len: m.end() })
}

fn paren_toks(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let Some(one) = PAREN_ONE.as_ref() else {
        return out;
    };
    for c in one.captures_iter(s) {
        let Some(inner) = c.get(1).map(|g| g.as_str()) else {
            continue;
        };
        match item_tok(
            inner,
            Style::ParenDigit,
            Style::ParenLower,
            Style::ParenUpper,
            Style::ParenRomanLower,
            Style::ParenRomanUpper,
        ) {
            Some(t) => out.push(t),
            None => return Vec::new(),
        }
    }
    out
}

/// A token for the inside of `(x)`, `x)` or `x.`: digits, a letter, a double letter (`aa`)
/// or a roman numeral; `None` for a word.
fn item_tok(
    inner: &str,
    digit: Style,
    lower: Style,
    upper: Style,
    roman_lower: Style,
    roman_upper: Style,
) -> Option<Tok> {
    let tok = |style, value, alt| Tok {
        style,
        alt,
        value,
        text: inner.to_owned(),
        depth: 0,
    };
    if inner.bytes().all(|b| b.is_ascii_digit()) {
        return Some(tok(digit, inner.parse().unwrap_or(0), None));
    }
    let is_lower = inner.bytes().all(|b| b.is_ascii_lowercase());
    let is_upper = inner.bytes().all(|b| b.is_ascii_uppercase());
    if !is_lower && !is_upper {
        return None;
    }
    let (letter_style, roman_style) = if is_lower {
        (lower, roman_lower)
    } else {
        (upper, roman_upper)
    };
    let letter_value = letter_value(inner);
    if let Some(r) = roman_value(inner) {
        // Single `i`, `v`, `x`, `l`, `c`, `d`, `m` may be letters too.
        let alt = if inner.len() == 1 {
            letter_value.map(|v| (letter_style, v))
        } else {
            None
        };
        return Some(tok(roman_style, r, alt));
    }
    letter_value.map(|v| tok(letter_style, v, None))
}

/// `a` → 1, `z` → 26, `aa` → 27, `bb` → 28.
fn letter_value(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if !b.iter().all(|&c| c == first) || b.len() > 3 {
        return None;
    }
    let base = u32::from(first.to_ascii_lowercase().checked_sub(b'a')?) + 1;
    let reps = u32::try_from(b.len()).ok()?;
    Some(base + 26 * (reps - 1))
}

/// Value of a well-formed roman numeral up to 399 (`iv` → 4); `None` otherwise.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let digit = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let bytes = lower.as_bytes();
    let mut total = 0i64;
    for (i, &c) in bytes.iter().enumerate() {
        let v = digit(c)?;
        let next = bytes.get(i + 1).and_then(|&n| digit(n)).unwrap_or(0);
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == lower).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn close(s: &str) -> Option<Parsed> {
    let c = CLOSE.as_ref()?.captures(s)?;
    let inner = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    let t = item_tok(
        inner,
        Style::CloseDigit,
        Style::CloseLower,
        Style::CloseUpper,
        Style::CloseRomanLower,
        Style::CloseUpper,
    )?;
    Some(Parsed {
        toks: vec![t],
        len: inner.len() + 1,
    })
}

fn dot(s: &str) -> Option<Parsed> {
    let c = DOT.as_ref()?.captures(s)?;
    let inner = c
        .get(1)
        .or_else(|| c.get(2))
        .or_else(|| c.get(3))
        .or_else(|| c.get(4))?
        .as_str();
    let t = item_tok(
        inner,
        Style::DotDigit,
        Style::DotLower,
        Style::DotUpper,
        Style::DotRomanLower,
        Style::DotRomanUpper,
    )?;
    Some(Parsed {
        toks: vec![t],
        len: inner.len() + 1,
    })
}

fn bullet(s: &str) -> Option<Parsed> {
    let c = s.chars().next()?;
    if !matches!(
        c,
        '•' | '●'
            | '◦'
            | '▪'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '‣'
            | '⁃'
            | '·'
            | '-'
            | '*'
            | '–'
    ) {
        return None;
    }
    let m = BULLET.as_ref()?.find(s)?;
    let len = s.get(..m.end())?.trim_end().len();
    Some(Parsed {
        toks: vec![Tok {
            style: Style::Bullet,
            alt: None,
            value: 0,
            text: String::new(),
            depth: 0,
        }],
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        parse_leading(s)
            .map(|p| p.toks.into_iter().map(|t| t.text).collect())
            .unwrap_or_default()
    }

    #[test]
    fn regexes_compile() {
        for r in [
            &KEYWORD, &DECIMAL, &PAREN, &CLOSE, &DOT, &BULLET, &PAREN_ONE,
        ] {
            assert!(r.is_some());
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(texts("1. Definitions"), ["1"]);
        assert_eq!(texts("1) Foo"), ["1"]);
        assert_eq!(texts("1.1 In this"), ["1.1"]);
        assert_eq!(texts("1.1.1. the following"), ["1.1.1"]);
        assert_eq!(texts("12.3(a)(ii) The"), ["12.3", "a", "ii"]);
        assert_eq!(texts("(a) The"), ["a"]);
        assert_eq!(texts("(ii)Sold in"), ["ii"]);
        assert_eq!(texts("(c)(1) The"), ["c", "1"]);
        assert_eq!(texts("a) The"), ["a"]);
        assert_eq!(texts("a. The"), ["a"]);
        assert_eq!(texts("IV. The"), ["IV"]);
        assert_eq!(texts("(A) The"), ["A"]);
        assert_eq!(texts("Article IV"), ["Article IV"]);
        assert_eq!(texts("ARTICLE 4 - TERM"), ["Article 4"]);
        assert_eq!(texts("Section 5.2 Payment"), ["Section 5.2"]);
        assert_eq!(texts("§ 5 Scope"), ["§ 5"]);
        assert_eq!(texts("Clause 14 – Modern Slavery"), ["Clause 14"]);
        assert_eq!(texts("Schedule 2"), ["Schedule 2"]);
        assert_eq!(texts("Annex A: Code"), ["Annex A"]);
        assert_eq!(texts("Exhibit B"), ["Exhibit B"]);
        assert_eq!(texts("Appendix 1"), ["Appendix 1"]);
        assert_eq!(texts("Part 3"), ["Part 3"]);
        assert_eq!(texts("• not use"), [""]);
        assert_eq!(texts("52.222-50 Combating"), ["52.222-50"]);
        assert_eq!(texts("C.1 Scope"), ["C.1"]);
        assert_eq!(texts("H.3 Combating Trafficking"), ["H.3"]);
        assert_eq!(texts("B.12. Prices"), ["B.12"]);
        assert_eq!(texts("H.3(a) The Contractor"), ["H.3", "a"]);
        // Not numbers.
        assert!(texts("10 days after").is_empty());
        assert!(texts("Section 4.2 shall survive").is_empty());
        assert!(texts("12.03.2020 was").is_empty());
        assert!(texts("1.5% of").is_empty());
        assert!(texts("(see below)").is_empty());
        assert!(texts("U.S. Government").is_empty());
        assert!(texts("H.3 of this Subcontract").is_empty());
        assert!(texts("C.1% of").is_empty());
        assert!(texts("A.M. and").is_empty());
        assert!(texts("No. 5 Supplier").is_empty());
        assert!(texts("Particular care").is_empty());
        assert!(texts("The Supplier").is_empty());
    }

    #[test]
    fn styles_and_values() {
        let p = parse_leading("(i) x").unwrap();
        assert_eq!(p.toks[0].style, Style::ParenRomanLower);
        assert_eq!(p.toks[0].alt, Some((Style::ParenLower, 9)));
        assert_eq!(parse_leading("(iv) x").unwrap().toks[0].value, 4);
        assert_eq!(parse_leading("(h) x").unwrap().toks[0].value, 8);
        assert_eq!(parse_leading("(aa) x").unwrap().toks[0].value, 27);
        assert_eq!(parse_leading("12.3(a) x").unwrap().len, 7);
        assert_eq!(parse_leading("Article IV. Foo").unwrap().len, 11);
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
    }

    #[test]
    fn labels() {
        let l = |s: &str| {
            parse_label(s).map(|p| p.toks.into_iter().map(|t| t.text).collect::<Vec<_>>())
        };
        assert_eq!(l("3"), Some(vec!["3".to_owned()]));
        assert_eq!(l("3."), Some(vec!["3".to_owned()]));
        assert_eq!(l("(b)"), Some(vec!["b".to_owned()]));
        assert_eq!(l("b"), Some(vec!["b".to_owned()]));
        assert_eq!(l("iv."), Some(vec!["iv".to_owned()]));
        assert_eq!(l("12.3(a)"), Some(vec!["12.3".to_owned(), "a".to_owned()]));
        assert_eq!(l("1.2.3."), Some(vec!["1.2.3".to_owned()]));
        assert_eq!(l("•"), None);
    }
}
