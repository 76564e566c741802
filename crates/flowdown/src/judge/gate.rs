//! The document gate: decides from the raw text, before segmentation, that the judge can only
//! answer eleven `missing`, so that such a document skips segmentation and judgement.
//!
//! Two exact tests, in order:
//!
//! 1. **No anchor.** The judge reads nothing of a document without one of its anchor words
//!    ([`Lexicon::anchors`](super::Lexicon), at the start of a word): its first step returns
//!    eleven `missing`. The gate runs the same automaton with the same word-start rule.
//! 2. **No substance.** Every reading the judge can turn into a status needs, in the text of a
//!    unit, its lead-in or a provision title, a match of one of: the pack's trafficking terms,
//!    its partial-exploitation terms, the retaliation cue (the one status a unit can get without
//!    a link to trafficking), or a recognised reference. Without a trafficking match no
//!    provision is linked to trafficking, so no unit is linked either (see `detect_unit` and
//!    `structure::unit_linked`). The gate derives from those patterns, programmatically (with
//!    `regex-syntax`, never a hand copy), the literal words every match must contain: for each
//!    alternative a conjunction of clauses, each clause a set of words one of which must occur.
//!    Unit texts are views of the document text that only straighten quotes and dashes,
//!    collapse white space and join a lead-in to its item with a space; the words are runs of
//!    ASCII characters those steps never create, change or join. So if no alternative has all
//!    its clauses present in the raw text, no unit can match, and the judge answers eleven
//!    `missing`. Documents with tracked changes (whose views drop text) and texts holding a
//!    character that case-folds to an ASCII letter of a word (the Kelvin sign, the long s) are
//!    left to the judge.
//!
//! `tests/gate_identity.rs` runs both paths over every fixture and the corpus and compares the
//! JSON; the property tests below check that text matching any pattern is never gated.

use super::units::{view_text, View};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use flowdown_core::{Document, ProvisionKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::BTreeSet;

/// A clause: one of these words must occur.
type Clause = BTreeSet<String>;
/// A conjunction of clauses (an empty one holds always).
type Cnf = Vec<Clause>;
/// Alternatives, one of which must hold (an empty list never holds).
type Dnf = Vec<Cnf>;

/// Shortest run of characters kept as a required word: shorter ones occur everywhere.
const MIN_WORD: usize = 3;

/// Shortest word of a clause that is kept.
const MIN_CLAUSE_WORD: usize = 4;

/// Tag of the trafficking terms.
pub(crate) const TRAFFICKING: u8 = 1;
/// Tag of the other gated patterns.
pub(crate) const OTHER: u8 = 2;
/// Every tag.
pub(crate) const ANY: u8 = 0xff;

/// The required words found in some texts.
#[derive(Debug, Clone)]
pub(crate) struct Present {
    words: Vec<bool>,
    guard: bool,
}

impl Present {
    /// Adds the words of `other`.
    pub(crate) fn add(&mut self, other: &Present) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= *b;
        }
        self.guard |= other.guard;
    }
}

/// What the gate decides for a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// No anchor word: the judge reads nothing.
    NoAnchor,
    /// Anchors, but none of the words any reading needs.
    NoSubstance,
    /// The judge must read it.
    Judge,
}

/// The compiled "no substance" test.
#[derive(Debug, Clone)]
pub(crate) struct Substance {
    /// Required words (lowercase) followed by guard strings.
    ac: Option<AhoCorasick>,
    words: usize,
    /// Alternatives, as clauses of word ids, each with the tag of its pattern.
    alternatives: Vec<(u8, Vec<Vec<usize>>)>,
    /// False when some pattern has an alternative without any required word: never gate.
    enabled: bool,
}

impl Substance {
    /// Builds the test from the patterns (as compiled: case-insensitive), each with a tag.
    pub(crate) fn new(patterns: &[(&str, u8)]) -> Self {
        let mut guard = BTreeSet::new();
        let mut dnf: Vec<(u8, Cnf)> = Vec::new();
        let mut enabled = true;
        for &(p, tag) in patterns {
            let Ok(hir) = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p)
            else {
                enabled = false;
                continue;
            };
            let mut d = requirement(&hir, &mut guard);
            // A clause with a short word ("the", "who", "act") holds in almost every text and
            // costs a match at every occurrence: dropped (a weaker requirement, still exact).
            for cnf in &mut d {
                cnf.retain(|c| c.iter().all(|w| w.len() >= MIN_CLAUSE_WORD));
            }
            if d.iter().any(Vec::is_empty) {
                enabled = false;
            }
            dnf.extend(d.into_iter().map(|cnf| (tag, cnf)));
        }
        let mut words: Vec<String> = dnf
            .iter()
            .flat_map(|(_, cnf)| cnf.iter().flatten())
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let n = words.len();
        let id = |w: &String| words.binary_search(w).unwrap_or(usize::MAX);
        let alternatives: Vec<(u8, Vec<Vec<usize>>)> = dnf
            .iter()
            .map(|(tag, cnf)| {
                (
                    *tag,
                    cnf.iter().map(|c| c.iter().map(id).collect()).collect(),
                )
            })
            .collect();
        words.extend(guard.iter().map(|c: &char| c.to_string()));
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Overlapping scans of whole documents: a DFA is several times faster than the
            // NFA the builder would pick for this many words.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        Self {
            enabled: enabled && ac.is_some(),
            ac,
            words: n,
            alternatives,
        }
    }

    /// True when some alternative of some pattern has all its clauses present in `texts`, or
    /// a guard character occurs: the judge must read the document.
    pub(crate) fn possible<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> bool {
        let mut p = self.empty();
        for t in texts {
            self.scan(t, &mut p);
        }
        self.satisfiable(&p, ANY)
    }

    /// No word present yet.
    pub(crate) fn empty(&self) -> Present {
        Present {
            words: vec![false; self.words],
            guard: false,
        }
    }

    /// Marks the words (and guard characters) of `text` in `p`.
    pub(crate) fn scan(&self, text: &str, p: &mut Present) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text) {
            match p.words.get_mut(m.pattern().as_usize()) {
                Some(w) => *w = true,
                None => p.guard = true,
            }
        }
    }

    /// True when an alternative of a pattern whose tag is in `tags` has all its clauses in `p`
    /// (always when a guard character occurs or the test is disabled).
    pub(crate) fn satisfiable(&self, p: &Present, tags: u8) -> bool {
        if !self.enabled || self.ac.is_none() || p.guard {
            return true;
        }
        self.alternatives.iter().any(|(tag, cnf)| {
            tag & tags != 0
                && cnf.iter().all(|clause| {
                    clause
                        .iter()
                        .any(|&w| p.words.get(w).copied().unwrap_or(true))
                })
        })
    }

    /// A test that never gates.
    pub(crate) fn disabled() -> Self {
        Self {
            ac: None,
            words: 0,
            alternatives: Vec::new(),
            enabled: false,
        }
    }

    /// False when the patterns cannot be gated (some alternative requires no word).
    #[cfg(test)]
    pub(crate) fn enabled(&self) -> bool {
        self.enabled
    }
}

/// The words every match of `hir` must contain, as alternatives of clauses. Non-ASCII
/// characters that case-fold to a word's letters are added to `guard`.
fn requirement(hir: &Hir, guard: &mut BTreeSet<char>) -> Dnf {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) | HirKind::Literal(_) => {
            concat(std::slice::from_ref(hir), guard)
        }
        HirKind::Concat(items) => concat(items, guard),
        HirKind::Capture(c) => requirement(&c.sub, guard),
        HirKind::Repetition(r) => {
            if r.min == 0 {
                vec![Vec::new()]
            } else {
                requirement(&r.sub, guard)
            }
        }
        HirKind::Alternation(branches) => {
            let mut out = Vec::new();
            for b in branches {
                let d = requirement(b, guard);
                if d.iter().any(Vec::is_empty) {
                    return vec![Vec::new()];
                }
                out.extend(d);
            }
            out
        }
    }
}

/// A character a word may hold: ASCII, visible, and never produced or changed by the judge's
/// view of a text (which turns smart quotes into `"` and `'`, dashes into `-`, and white space
/// into one space).
fn word_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '-')
}

/// The one word character a class stands for (`[Ss]`, `[Kk\u{212A}]`), if any. Its other
/// members (non-ASCII case variants) go to `guard`.
fn class_char(class: &Class, guard: &mut BTreeSet<char>) -> Option<char> {
    let mut ascii: Option<char> = None;
    let mut other = Vec::new();
    match class {
        Class::Unicode(u) => {
            let mut n = 0u32;
            for r in u.iter() {
                n += u32::from(r.end()) - u32::from(r.start()) + 1;
                if n > 4 {
                    return None;
                }
                for c in r.start()..=r.end() {
                    if c.is_ascii() {
                        let l = c.to_ascii_lowercase();
                        if ascii.is_some_and(|a| a != l) {
                            return None;
                        }
                        ascii = Some(l);
                    } else {
                        other.push(c);
                    }
                }
            }
        }
        Class::Bytes(b) => {
            let mut n = 0u32;
            for r in b.iter() {
                n += u32::from(r.end()) - u32::from(r.start()) + 1;
                if n > 4 {
                    return None;
                }
                for c in r.start()..=r.end() {
                    if !c.is_ascii() {
                        return None;
                    }
                    let l = char::from(c).to_ascii_lowercase();
                    if ascii.is_some_and(|a| a != l) {
                        return None;
                    }
                    ascii = Some(l);
                }
            }
        }
    }
    let a = ascii.filter(|a| word_char(*a))?;
    guard.extend(other);
    Some(a)
}

/// Most alternatives a concatenation keeps apart (`\b(?:a|b|c)` → three); beyond, the
/// alternatives of an item are joined into one clause.
const MAX_ALTERNATIVES: usize = 256;

fn concat(items: &[Hir], guard: &mut BTreeSet<char>) -> Dnf {
    let mut dnf: Dnf = vec![Vec::new()];
    let mut run = String::new();
    let flush = |run: &mut String, dnf: &mut Dnf| {
        if run.len() >= MIN_WORD {
            for cnf in dnf.iter_mut() {
                cnf.push(BTreeSet::from([run.clone()]));
            }
        }
        run.clear();
    };
    for item in items {
        match item.kind() {
            HirKind::Literal(lit) => {
                for c in String::from_utf8_lossy(&lit.0).chars() {
                    if word_char(c) {
                        run.push(c.to_ascii_lowercase());
                    } else {
                        flush(&mut run, &mut dnf);
                    }
                }
            }
            HirKind::Class(class) => match class_char(class, guard) {
                Some(c) => run.push(c),
                None => flush(&mut run, &mut dnf),
            },
            HirKind::Look(_) | HirKind::Empty => flush(&mut run, &mut dnf),
            HirKind::Concat(_)
            | HirKind::Capture(_)
            | HirKind::Repetition(_)
            | HirKind::Alternation(_) => {
                flush(&mut run, &mut dnf);
                let d = requirement(item, guard);
                if d.is_empty() || d.iter().any(Vec::is_empty) {
                    // Never matches, or requires nothing: no clause.
                    continue;
                }
                if d.len() == 1 || dnf.len() * d.len() <= MAX_ALTERNATIVES {
                    // Each alternative so far with each alternative of the item.
                    let mut out = Vec::with_capacity(dnf.len() * d.len());
                    for cnf in &dnf {
                        for alt in &d {
                            let mut c = cnf.clone();
                            c.extend(alt.iter().cloned());
                            out.push(c);
                        }
                    }
                    dnf = out;
                } else {
                    // One clause from each alternative, joined.
                    let mut joined = Clause::new();
                    for alt in &d {
                        if let Some(best) = alt.iter().max_by_key(|c| score(c)) {
                            joined.extend(best.iter().cloned());
                        }
                    }
                    for cnf in &mut dnf {
                        cnf.push(joined.clone());
                    }
                }
            }
        }
    }
    flush(&mut run, &mut dnf);
    dnf
}

/// Prefer clauses whose shortest word is longest (rarer), then with fewer words.
fn score(c: &Clause) -> (usize, std::cmp::Reverse<usize>) {
    (
        c.iter().map(String::len).min().unwrap_or(0),
        std::cmp::Reverse(c.len()),
    )
}

/// The gate of one lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Gate {
    pub(crate) substance: Substance,
}

impl Gate {
    /// Decides for a document's text (and, when segmented, its provision titles).
    pub(crate) fn verdict<'t>(
        &self,
        anchors: &AhoCorasick,
        text: &'t str,
        titles: impl IntoIterator<Item = &'t str>,
        has_revisions: bool,
    ) -> Verdict {
        if !has_anchor(anchors, text) {
            return Verdict::NoAnchor;
        }
        if has_revisions
            || self.substance.possible(std::iter::once(text).chain(titles))
            || may_define_alias(text)
        {
            return Verdict::Judge;
        }
        Verdict::NoSubstance
    }
}

/// True when the text may define a term that stands for trafficking (`"Trafficking" has its
/// meaning under …`, `"THB"`): a quoted term holding one of the words
/// `detect::trafficking_aliases` accepts. Such a document goes to the judge, which reads the
/// definitions (and never gates a document with aliases).
fn may_define_alias(text: &str) -> bool {
    static QUOTED: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)["\u{201C}][^"\u{201D}\n]{0,60}(?:traffick|slavery|servitude|forced\s+labou?r)[^"\u{201D}\n]{0,60}["\u{201D}]"#,
        )
        .ok()
    });
    QUOTED.as_ref().is_none_or(|re| re.is_match(text))
}

/// Whether `detect_unit` can record anything for a unit whose reading (`full`, the lead-in and
/// the text) is `full`, in a view where no provision and no title mentions trafficking (so that
/// nothing is linked to trafficking through the structure). Every reading then needs, in
/// `full`: a trafficking term (the unit's own link; a title of a recognised reference, which is
/// cut out before that test, is itself such a term), a partial-exploitation term, or the
/// retaliation cue. Exact: `false` means `detect_unit` adds no hit.
pub(crate) fn unit_may_hit(lex: &super::Lexicon, full: &str) -> bool {
    lex.alias_in(full).is_some()
        || (lex.gate.substance.possible([full]) && unit_may_hit_exact(lex, full))
}

pub(crate) fn unit_may_hit_exact(lex: &super::Lexicon, full: &str) -> bool {
    lex.trafficking.is_match(full)
        || super::cues::PRACTICES_PAPERS_FEES.is_match(full)
        || super::cues::REFERENCE_TITLES.is_match(full)
        || lex.partial.is_match(full)
        || super::cues::RETALIATION.is_match(full)
}

/// True when the judge, past its prefilter (`wanted`: the provisions it reads), can record
/// nothing, so that its answer is eleven `missing`. Exact, for a document without tracked
/// changes (one view, the text itself):
/// - no provision title and no wanted provision mentions trafficking (tested with the
///   trafficking terms' words first, then, where they occur, exactly as `structure::links`
///   does), so no unit is linked to trafficking through the structure;
/// - no wanted provision, read with its parent (whose last sentence may be a unit's lead-in),
///   holds all the words of any gated pattern, so no unit's reading or text can match one:
///   no unit has a reading (see [`unit_may_hit`]) and no recognised reference.
pub(crate) fn nothing_to_read(
    doc: &Document,
    lex: &super::Lexicon,
    wanted: &[bool],
    words: Option<&Words>,
) -> bool {
    let Some(words) = words else {
        return false;
    };
    if doc.provisions.iter().any(|p| {
        !matches!(p.kind, ProvisionKind::Toc | ProvisionKind::Annotation)
            && p.title
                .as_deref()
                .is_some_and(|t| lex.trafficking_in(t).is_some())
    }) {
        return false;
    }
    for (i, prov) in doc.provisions.iter().enumerate() {
        if !wanted.get(i).copied().unwrap_or(false) {
            continue;
        }
        if words.may_name_trafficking(i)
            && lex
                .trafficking_in(&view_text(doc, prov.span, View::Current))
                .is_some()
        {
            return false;
        }
        if words.may_read(doc, i) {
            return false;
        }
    }
    true
}

/// The gated words in each provision's own text, for a document without tracked changes
/// (whose one view creates no word: see the module comment).
pub(crate) struct Words<'l> {
    substance: &'l Substance,
    own: Vec<Present>,
}

impl<'l> Words<'l> {
    /// Scans every provision once. `None` when the test cannot tell: tracked changes, or a
    /// disabled test.
    pub(crate) fn of(doc: &Document, lex: &'l super::Lexicon) -> Option<Self> {
        let s = &lex.gate.substance;
        if !doc.revisions.is_empty() || !s.enabled || s.ac.is_none() {
            return None;
        }
        let own = doc
            .provisions
            .iter()
            .map(|p| {
                let mut present = s.empty();
                s.scan(doc.slice(p.span), &mut present);
                present
            })
            .collect();
        Some(Self { substance: s, own })
    }

    /// False when provision `i`'s own text cannot hold a trafficking term: some word every
    /// match needs is absent.
    pub(crate) fn may_name_trafficking(&self, i: usize) -> bool {
        self.own
            .get(i)
            .is_none_or(|p| self.substance.satisfiable(p, TRAFFICKING))
    }

    /// True when provision `i`'s own words, with its parent's (whose last sentence may be a
    /// unit's lead-in), hold all the words of some gated pattern. Only then can one of its
    /// units have a reading of its own (see [`unit_may_hit`]) or a recognised reference: a
    /// unit's text is a view of its provision's text joined to its lead-in with a space, which
    /// creates no word.
    pub(crate) fn may_read(&self, doc: &Document, i: usize) -> bool {
        let Some(own) = self.own.get(i) else {
            return true;
        };
        let parent = doc
            .provisions
            .get(i)
            .and_then(|p| p.parent)
            .and_then(|j| self.own.get(j));
        match parent {
            Some(parent) => {
                let mut p = own.clone();
                p.add(parent);
                self.substance.satisfiable(&p, ANY)
            }
            None => self.substance.satisfiable(own, ANY),
        }
    }
}

/// The judge's own anchor test (`detect::prefilter`): an anchor at the start of a word.
pub(crate) fn has_anchor(anchors: &AhoCorasick, text: &str) -> bool {
    let bytes = text.as_bytes();
    anchors
        .find_iter(text)
        .any(|m| !(m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(p: &str) -> Substance {
        Substance::new(&[(p, OTHER)])
    }

    #[test]
    fn words_of_simple_patterns() {
        let s = sub(r"\bdebt\s+bondage\b");
        assert!(s.enabled());
        assert!(s.possible(["a debt bondage b"]));
        assert!(s.possible(["DEBT\n\nBONDAGE"]));
        assert!(!s.possible(["a debt b"]));
        assert!(!s.possible(["bondage"]));
        let s = sub(r"52\.222[-‐–]50\b");
        assert!(s.possible(["see 52.222-50"]));
        assert!(!s.possible(["see 52-222"]));
        // Alternatives inside a concatenation: one clause of their words.
        let s = sub(r"(?:sexual|labou?r)[\s-]+traffick(?:ing|ed)");
        assert!(s.possible(["sexual traffick"]));
        assert!(s.possible(["labo traffick"]));
        assert!(!s.possible(["traffick"]));
        // An optional part requires nothing.
        assert!(!sub(r"x?").enabled());
        // Guard characters: the Kelvin sign folds to k.
        let s = sub(r"bank");
        assert!(s.possible(["ban\u{212A}"]));
    }

    /// The patterns of the built-in pack's gate: trafficking, partial exploitation, the
    /// retaliation cue, the recognised references.
    fn pack_patterns() -> Vec<String> {
        let pack = crate::Pack::builtin();
        let lex = pack.lexicon();
        let mut v = vec![
            lex.trafficking.as_str().to_owned(),
            lex.partial.as_str().to_owned(),
            super::super::cues::RETALIATION.as_str().to_owned(),
            super::super::cues::REFERENCE_TITLES.as_str().to_owned(),
        ];
        v.extend(lex.references.iter().map(|r| r.pattern.as_str().to_owned()));
        v
    }

    #[test]
    fn the_builtin_pack_is_gated() {
        let pack = crate::Pack::builtin();
        assert!(pack.lexicon().gate.substance.enabled());
        if std::env::var_os("FLOWDOWN_GATE_DUMP").is_some() {
            for p in pack_patterns() {
                let hir = regex_syntax::ParserBuilder::new()
                    .case_insensitive(true)
                    .build()
                    .parse(&p)
                    .unwrap();
                let mut g = BTreeSet::new();
                for cnf in requirement(&hir, &mut g) {
                    eprintln!("{cnf:?}");
                }
                eprintln!("guard {g:?}");
            }
        }
    }

    use proptest::prelude::*;

    /// Texts made from every top-level alternative of every gated pattern (case-insensitive,
    /// word boundaries dropped: they require no word), alone and inside other text.
    fn matching_texts() -> impl Strategy<Value = String> {
        let mut alts = Vec::new();
        for p in pack_patterns() {
            let p = p.replace("(?-u:\\b)", "").replace("\\b", "");
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(&p)
                .unwrap();
            let strategy = proptest::string::string_regex(&format!("(?i:{p})"));
            assert!(strategy.is_ok(), "{p}: {hir:?}");
            alts.push(strategy.unwrap().boxed());
        }
        let one = proptest::strategy::Union::new(alts);
        ("[a-z .,]{0,20}", one, "[a-z .,]{0,20}").prop_map(|(a, m, b)| format!("{a}{m}{b}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn text_matching_a_pattern_is_never_gated(t in matching_texts()) {
            static LEX: std::sync::LazyLock<std::sync::Arc<crate::judge::Lexicon>> =
                std::sync::LazyLock::new(|| crate::Pack::builtin().lexicon());
            let lex = &*LEX;
            prop_assert!(lex.gate.substance.possible([t.as_str()]), "{t:?}");
            // In the judge's view (collapsed spaces, straight dashes) it is not gated either.
            let view: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert!(lex.gate.substance.possible([view.as_str()]), "{view:?}");
            // A trafficking term is found by the trafficking words alone.
            if lex.trafficking.is_match(&t) {
                let mut p = lex.gate.substance.empty();
                lex.gate.substance.scan(&t, &mut p);
                prop_assert!(lex.gate.substance.satisfiable(&p, TRAFFICKING), "{t:?}");
            }
            // A unit whose reading holds a gated term is read.
            if unit_may_hit_exact(lex, &t) {
                prop_assert!(unit_may_hit(lex, &t), "{t:?}");
            }
        }
    }
}
