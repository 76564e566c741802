//! Who is who: the names the document gives the supplying and the buying party, read from the
//! parties clause, the definitions, the pack's term lists and `--supplier-term`.

use super::lexicon::Lexicon;
use flowdown_core::Document;
use regex::{Regex, RegexBuilder};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The party an obligation binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Actor {
    Supplier,
    Buyer,
    /// "each party", "the parties", "neither party".
    Mutual,
    /// No party named before the verb (passive or impersonal wording).
    Unknown,
}

#[derive(Debug)]
pub(crate) struct Parties {
    names: NameFinder,
    roles: BTreeMap<String, Actor>,
    /// The supplying party is itself called "Subcontractor" (the document is a sub-contract).
    self_sub: bool,
}

static OWN_SUB: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"\b(?:Sub-?[Cc]ontractor|SUB-?CONTRACTOR)\b")
        .build()
        .unwrap_or_else(|_| super::lexicon::cue("[^\\s\\S]"))
});

static SUB_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::cue(r"(?:^|\n|\.\s)\s*sub-?contractor\b[^:\n.]{0,40}:\s*[A-Z]")
});

/// Defined names in an opening paragraph that are not parties.
const NOT_A_PARTY: &[&str] = &[
    "agreement",
    "contract",
    "effective date",
    "commencement date",
    "services",
    "products",
    "goods",
    "territory",
    "parties",
    "party",
    "term",
    "order",
    "framework",
    "schedule",
];

static THIS_SUBCONTRACT: LazyLock<Regex> =
    LazyLock::new(|| super::lexicon::cue(r"\b(?:this|the)\s+sub-?contract\b"));

static DEFINED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r#"\(\s*(?:hereinafter\s+|herein\s+|each\s+a\s+|individually\s+)?(?:(?:referred\s+to\s+(?:herein\s+)?|called|known)\s+as\s+)?(?:the\s+|a\s+)?["\u{201C}]([A-Z][A-Za-z0-9&.\- ]{0,38}[A-Za-z0-9.])["\u{201D}]"#,
    )
    .build()
    .unwrap_or_else(|_| super::lexicon::cue("[^\\s\\S]"))
});

static THIS_SUB_AGREEMENT: LazyLock<Regex> =
    LazyLock::new(|| super::lexicon::cue(r"\bthis\s+sub-?contract\b"));

/// Finds party names (ASCII case-insensitive, whole words, optional plural `s`). Built per
/// document with Aho-Corasick: compiling a regex of the names for every document cost more than
/// judging it.
#[derive(Debug)]
struct NameFinder {
    ac: Option<aho_corasick::AhoCorasick>,
}

/// A party name found in a text.
struct NameMatch<'t> {
    text: &'t str,
    /// Where the name ends in the searched text.
    end: usize,
}

impl<'t> NameMatch<'t> {
    fn as_str(&self) -> &'t str {
        self.text
    }
}

impl NameFinder {
    fn new<'a>(names: impl Iterator<Item = &'a String>) -> Self {
        let mut v: Vec<&String> = names.filter(|n| !n.is_empty()).collect();
        v.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let ac = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            // Built per document: a contiguous NFA builds far faster than a DFA and finds the
            // same matches.
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&v)
            .ok();
        Self { ac }
    }

    fn find_iter<'t>(&self, text: &'t str) -> Vec<NameMatch<'t>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            if m.start() > 0 && word(bytes[m.start() - 1]) {
                continue;
            }
            let mut end = m.end();
            if bytes.get(end).is_some_and(|b| *b == b's' || *b == b'S') {
                end += 1;
            }
            if bytes.get(end).is_some_and(|b| word(*b)) {
                continue;
            }
            if let Some(t) = text.get(m.start()..end) {
                out.push(NameMatch { text: t, end });
            }
        }
        out
    }
}

/// After a party's name: a document named after the party ("Supplier Code of Conduct").
static DOCUMENT_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"^\s+(?:Code|Policy|Policies|Manual|Handbook|Guide|Guidelines|Standards|Principles|Charter|Portal)\b",
    )
    .build()
    .unwrap_or_else(|_| super::lexicon::cue("[^\\s\\S]"))
});

static MUTUAL: LazyLock<Regex> =
    LazyLock::new(|| super::lexicon::cue(r"\b(?:each|either|both|neither|the)\s+part(?:y|ies)\b"));

/// The verb that starts an obligation; the actor is named before it.
pub(crate) static MODAL: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::cue(
        r"\b(?:shall|must|will|may|should|agrees?|undertakes?|warrants?|covenants?|represents?|certif(?:y|ies)|acknowledges?|is\s+(?:prohibited|required|responsible|entitled|obliged)|are\s+(?:prohibited|required|responsible|entitled)|has\s+the\s+right|reserves)\b",
    )
});

impl Parties {
    pub(crate) fn read(doc: &Document, lex: &Lexicon, extra_supplier: &[String]) -> Self {
        let mut roles: BTreeMap<String, Actor> = BTreeMap::new();
        for t in &lex.supplier_terms {
            roles.insert(t.to_lowercase(), Actor::Supplier);
        }
        for t in &lex.buyer_terms {
            roles.insert(t.to_lowercase(), Actor::Buyer);
        }
        // "Contractor" is the buyer in a sub-contract where the other party is "Subcontractor".
        let head_end = doc.text.len().min(6000);
        let head = doc.text.get(..head_end).unwrap_or(&doc.text);
        let defined: Vec<String> = DEFINED_NAME
            .captures_iter(head)
            .filter_map(|c| c.get(1).map(|m| m.as_str().trim().to_owned()))
            .collect();
        let defines = |name: &str| defined.iter().any(|d| d.eq_ignore_ascii_case(name));
        // "Subcontractor: Amaru Base Operations S.A." in a parties line names it too.
        let labelled_sub = SUB_LABEL.is_match(head.get(..floor_boundary(head, 2000)).unwrap_or(""));
        let self_sub = defines("Subcontractor") || defines("Sub-contractor") || labelled_sub;
        if (self_sub || defines("Seller")) && (defines("Contractor") || defines("Prime Contractor"))
        {
            roles.insert("contractor".into(), Actor::Buyer);
        }
        // Defined short names: role from their own words or from how the document uses them.
        for name in &defined {
            let key = name.to_lowercase();
            if roles.contains_key(&key) {
                continue;
            }
            let role = infer_role(doc, name, lex);
            if let Some(role) = role {
                roles.insert(key, role);
            }
        }
        // The parties clause names two parties and only one role is known: the other party
        // holds the other role ("Northfield Airport Ltd (the \"Airport\") and Brewhouse
        // Concessions Ltd (the \"Licensee\")").
        let opening = head.get(..floor_boundary(head, 1500)).unwrap_or(head);
        let mut named: Vec<String> = Vec::new();
        for c in DEFINED_NAME.captures_iter(opening) {
            let Some(m) = c.get(1) else { continue };
            let key = m.as_str().trim().to_lowercase();
            if NOT_A_PARTY.contains(&key.as_str()) || named.contains(&key) {
                continue;
            }
            named.push(key);
        }
        if let [a, b] = named.as_slice() {
            match (roles.get(a).copied(), roles.get(b).copied()) {
                (Some(Actor::Supplier), None) => {
                    roles.insert(b.clone(), Actor::Buyer);
                }
                (None, Some(Actor::Supplier)) => {
                    roles.insert(a.clone(), Actor::Buyer);
                }
                _ => {}
            }
        }
        // Two defined parties that the pack's lists both call buyers ("Client" and "Agency"):
        // how the document uses the names decides which one supplies ("Agency supplies …").
        let defined_roles: Vec<Actor> = defined
            .iter()
            .filter_map(|d| roles.get(&d.to_lowercase()).copied())
            .collect();
        let buyers = defined_roles.iter().filter(|r| **r == Actor::Buyer).count();
        if buyers >= 2 && !defined_roles.contains(&Actor::Supplier) {
            for name in &defined {
                let key = name.to_lowercase();
                if roles.get(&key) == Some(&Actor::Buyer)
                    && usage_role(doc, name) == Some(Actor::Supplier)
                {
                    roles.insert(key, Actor::Supplier);
                }
            }
        }
        for t in extra_supplier {
            roles.insert(t.to_lowercase(), Actor::Supplier);
        }
        let names = NameFinder::new(roles.keys());
        Self {
            names,
            roles,
            self_sub,
        }
    }

    /// The text with the document's own names for itself and its supplier replaced where they
    /// look like sub-contractors: in a sub-contract "the Subcontractor" is the supplier and "this
    /// Subcontract" the agreement, not a lower tier.
    pub(crate) fn without_own_names(&self, text: &str) -> String {
        let mut out = if self.self_sub {
            THIS_SUBCONTRACT
                .replace_all(text, "this agreement")
                .into_owned()
        } else {
            THIS_SUB_AGREEMENT
                .replace_all(text, "this agreement")
                .into_owned()
        };
        if self.self_sub {
            let mut res = String::with_capacity(out.len());
            let mut last = 0;
            for m in OWN_SUB.find_iter(&out) {
                let before = out[..m.start()].trim_end();
                let prev = before
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let quantified = [
                    "its",
                    "any",
                    "each",
                    "every",
                    "all",
                    "their",
                    "other",
                    "lower-tier",
                    "tier",
                    "a",
                    "another",
                    "no",
                ]
                .contains(&prev.as_str());
                res.push_str(&out[last..m.start()]);
                res.push_str(if quantified { m.as_str() } else { "Supplier" });
                last = m.end();
            }
            res.push_str(&out[last..]);
            out = res;
        }
        out
    }

    /// The role of a capitalised party name found in `text` (last one wins).
    fn last_party(&self, text: &str) -> Option<Actor> {
        let mut found = None;
        for m in self.names.find_iter(text) {
            // Party names are capitalised ("the Supplier"); "its suppliers" is not a party.
            if !m.as_str().starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            // "the Company's Supplier Code prohibits …": the name of a document, not a party.
            if DOCUMENT_AFTER_NAME.is_match(&text[m.end..]) {
                continue;
            }
            let key = m.as_str().to_lowercase();
            let key = key
                .strip_suffix('s')
                .filter(|k| self.roles.contains_key(*k))
                .unwrap_or(&key);
            if let Some(r) = self.roles.get(key) {
                found = Some(*r);
            }
        }
        found
    }

    /// Who an obligation in `text` binds: the party named before its first modal verb.
    pub(crate) fn actor(&self, text: &str) -> Actor {
        let Some(m) = MODAL.find(text) else {
            return self.last_party(text).unwrap_or(Actor::Unknown);
        };
        let before = &text[..m.start()];
        let window_start = before.char_indices().rev().nth(120).map_or(0, |(i, _)| i);
        let window = &before[window_start..];
        // Stop at the last clause break: "If the Buyer asks, the Supplier shall".
        let window = window.rsplit([',', ';', ':']).next().unwrap_or(window);
        if MUTUAL.is_match(window) {
            return Actor::Mutual;
        }
        self.last_party(window)
            .or_else(|| {
                // "Notwithstanding …, the Supplier shall": the break may split the subject off.
                let whole = &before[window_start..];
                if MUTUAL.is_match(whole) {
                    Some(Actor::Mutual)
                } else {
                    None
                }
            })
            .unwrap_or(Actor::Unknown)
    }

    /// True when `text` names a buyer party (capitalised).
    pub(crate) fn names_buyer(&self, text: &str) -> bool {
        self.names.find_iter(text).into_iter().any(|m| {
            m.as_str().starts_with(|c: char| c.is_uppercase())
                && self.roles.get(&m.as_str().to_lowercase()) == Some(&Actor::Buyer)
        })
    }
}

/// After a party's name: the verb that shows it supplies.
static SUPPLY_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::cue(
        r"^\s+(?:shall|will|agrees\s+to|desires\s+to|wishes\s+to|is\s+engaged\s+in|has\s+agreed\s+to)?\s*(?:\w+\s+){0,3}?(?:manufactur|suppl(?:y|ies)|deliver|provid|sell|perform|produc|distribut|ship|render)",
    )
});

/// After a party's name: the verb that shows it buys.
static BUY_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::cue(
        r"^\s+(?:shall|will|agrees\s+to|desires\s+to|wishes\s+to|has\s+agreed\s+to)?\s*(?:\w+\s+){0,3}?(?:pay|purchas|order|buy|acquir|procur|engag|retain|appoint)",
    )
});

/// A quoted role right after a quoted short name: `("PNC" or "Buyer")`, `("IAC", the "Supplier")`.
static QUOTED_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r#"^["\u{201D}][^)]{0,60}?["\u{201C}]([A-Za-z ]{2,30})["\u{201D}]"#)
        .build()
        .unwrap_or_else(|_| super::lexicon::cue("[^\\s\\S]"))
});

fn infer_role(doc: &Document, name: &str, lex: &Lexicon) -> Option<Actor> {
    let head6 = doc
        .text
        .get(..floor_boundary(&doc.text, 6000))
        .unwrap_or("");
    // The parenthesis may itself say the role.
    for (i, _) in head6.match_indices(name) {
        let quoted_before = head6[..i].ends_with(['"', '\u{201C}']);
        let after = &head6[i + name.len()..];
        if !quoted_before {
            continue;
        }
        if let Some(c) = QUOTED_ROLE.captures(after) {
            let role = c
                .get(1)
                .map(|m| m.as_str().to_lowercase())
                .unwrap_or_default();
            if lex.supplier_terms.iter().any(|t| t.to_lowercase() == role) {
                return Some(Actor::Supplier);
            }
            if lex.buyer_terms.iter().any(|t| t.to_lowercase() == role) {
                return Some(Actor::Buyer);
            }
        }
    }
    usage_role(doc, name)
}

/// The role a name plays in the parties clause, recitals and first operative clauses ("X
/// supplies", "X purchases"); reading the first 40 kB keeps this linear in the number of names.
fn usage_role(doc: &Document, name: &str) -> Option<Actor> {
    let head = doc
        .text
        .get(..floor_boundary(&doc.text, 40_000))
        .unwrap_or(&doc.text);
    let (mut s, mut b) = (0usize, 0usize);
    let bytes = head.as_bytes();
    // The opening: up to the first numbered line (or 1,500 bytes).
    let opening = head
        .get(..floor_boundary(head, 1500))
        .unwrap_or("")
        .match_indices('\n')
        .map(|(i, _)| i)
        .find(|&i| {
            head[i + 1..]
                .trim_start_matches([' ', '\t', '\r', '\n'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or(1500);
    for (i, _) in head.match_indices(name) {
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let end = i + name.len();
        let after = head.get(end..floor_boundary(head, end + 80)).unwrap_or("");
        // The parties clause and recitals ("under which the Agency supplies …") say it more
        // reliably than a verb deep in the body ("the Agency shall retain copies").
        let weight = if i < opening { 3 } else { 1 };
        if SUPPLY_AFTER_NAME.is_match(after) {
            s += weight;
        }
        if BUY_AFTER_NAME.is_match(after) {
            b += weight;
        }
    }
    match s.cmp(&b) {
        std::cmp::Ordering::Greater => Some(Actor::Supplier),
        std::cmp::Ordering::Less => Some(Actor::Buyer),
        std::cmp::Ordering::Equal => None,
    }
}

fn floor_boundary(text: &str, max: usize) -> usize {
    let mut i = max.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
