//! Compiled term lists and cue patterns.

use crate::Pack;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};

/// Compiled judge data for one pack.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) trafficking: Regex,
    pub(crate) partial: Regex,
    pub(crate) trafficking_traps: Regex,
    pub(crate) servitude_traps: Regex,
    pub(crate) binding: Regex,
    pub(crate) hedges: Regex,
    pub(crate) exclusions: Regex,
    pub(crate) supplier_terms: Vec<String>,
    pub(crate) buyer_terms: Vec<String>,
    pub(crate) references: Vec<CompiledRef>,
    /// Cheap anchors: a document without any of them has nothing to judge.
    pub(crate) anchors: AhoCorasick,
    /// Defined terms of one document that stand for trafficking ("THB", "Trafficking" when
    /// the contract defines it): matched case-sensitively as whole words.
    pub(crate) aliases: Option<AhoCorasick>,
    /// The document gate (see [`super::gate`]).
    pub(crate) gate: super::gate::Gate,
}

/// A compiled recognised reference.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRef {
    pub(crate) index: usize,
    pub(crate) pattern: Regex,
    pub(crate) condition_void: Option<Regex>,
}

/// Words whose presence sends a document to the judge. They are deliberately broad (stems of
/// every trafficking term and paraphrase in PHENOMENA.md, reference numbers, retaliation), so
/// that the prefilter never costs recall.
const ANCHORS: &[&str] = &[
    "traffick",
    "slave",
    "servitude",
    "forced",
    "compulsory",
    "bonded",
    "indentured",
    "involuntary",
    "bondage",
    "against his",
    "against her",
    "against their",
    "voluntary",
    "free will",
    "commercial sex",
    "exploitation",
    "palermo",
    "52.222",
    "252.222",
    "child lab",
    "children",
    "underage",
    "under-age",
    "under age",
    "under the age",
    "minimum working age",
    "minimum age",
    "prison",
    "convict",
    "retaliat",
    "reprisal",
    "whistle",
    "human tracking",
    "cthb",
    "recruitment fee",
    "imprisonment",
    "passport",
    "identity document",
    "identity paper",
    "identification document",
    "immigration document",
    "work permit",
    "lodge deposit",
    "detriment",
    "victimis",
    "victimiz",
];

pub(crate) fn build(patterns: &[String]) -> Result<Regex, String> {
    let joined = if patterns.is_empty() {
        // Matches nothing.
        "[^\\s\\S]".to_owned()
    } else {
        patterns
            .iter()
            .map(|p| format!("(?:{})", asciify(p)))
            .collect::<Vec<_>>()
            .join("|")
    };
    RegexBuilder::new(&joined)
        .case_insensitive(true)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .map_err(|e| format!("bad pattern in term list: {e}"))
}

/// Makes `\w`, `\s` and `\b` ASCII-only: contracts are read in English, and Unicode classes
/// under bounded repetition make automata hundreds of times larger.
fn asciify(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut in_class = 0usize;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                match (n, in_class > 0) {
                    ('w', false) => out.push_str("[[:word:]]"),
                    ('w', true) => out.push_str("[:word:]"),
                    ('s', false) => out.push_str("[[:space:]]"),
                    ('s', true) => out.push_str("[:space:]"),
                    ('b', false) => out.push_str("(?-u:\\b)"),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' => {
                in_class += 1;
                out.push(c);
                // A literal `]` or `^]` right after `[` does not close the class.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compiles one cue pattern written in this crate (always valid; tested).
pub(crate) fn cue(pattern: &str) -> Regex {
    build(&[pattern.to_owned()]).unwrap_or_else(|_| never())
}

fn never() -> Regex {
    // `[^\s\S]` never matches and always compiles.
    Regex::new("[^\\s\\S]").unwrap_or_else(|_| unreachable_regex())
}

#[expect(
    clippy::unwrap_used,
    reason = "a literal empty pattern always compiles"
)]
fn unreachable_regex() -> Regex {
    Regex::new("").unwrap()
}

impl Lexicon {
    /// Compiles a pack's lists.
    ///
    /// # Errors
    /// A message naming the bad pattern.
    pub fn new(pack: &Pack) -> Result<Self, String> {
        let t = &pack.terms;
        let mut references = Vec::new();
        for (index, r) in pack.references.iter().enumerate() {
            let pattern = RegexBuilder::new(&r.pattern)
                .case_insensitive(true)
                .build()
                .map_err(|e| format!("reference `{}`: bad pattern: {e}", r.id))?;
            let condition_void = if r.condition_void.is_empty() {
                None
            } else {
                Some(build(&r.condition_void)?)
            };
            references.push(CompiledRef {
                index,
                pattern,
                condition_void,
            });
        }
        let anchors = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(ANCHORS)
            .map_err(|e| e.to_string())?;
        let trafficking = build(&t.trafficking)?;
        let partial = build(&t.partial_exploitation)?;
        // Every pattern a reading of a unit needs (see `gate`).
        let mut gated = vec![
            (trafficking.as_str(), super::gate::TRAFFICKING),
            (partial.as_str(), super::gate::OTHER),
            (super::cues::RETALIATION.as_str(), super::gate::OTHER),
            (super::cues::REFERENCE_TITLES.as_str(), super::gate::OTHER),
            // A ban on taking identity papers or charging recruitment fees reads without a
            // trafficking term.
            (
                super::cues::PRACTICES_PAPERS_FEES.as_str(),
                super::gate::OTHER,
            ),
        ];
        gated.extend(
            references
                .iter()
                .map(|r| (r.pattern.as_str(), super::gate::OTHER)),
        );
        let gate = super::gate::Gate {
            substance: super::gate::Substance::new(&gated),
        };
        Ok(Self {
            trafficking,
            partial,
            trafficking_traps: build(&t.trafficking_traps)?,
            servitude_traps: build(&t.servitude_traps)?,
            binding: build(&t.binding)?,
            hedges: build(&t.hedges)?,
            exclusions: build(&t.exclusions)?,
            supplier_terms: t.supplier_terms.clone(),
            buyer_terms: t.buyer_terms.clone(),
            references,
            anchors,
            aliases: None,
            gate,
        })
    }

    /// A lexicon that finds nothing (used only if a pack that passed validation fails later).
    #[must_use]
    pub fn empty() -> Self {
        Self {
            trafficking: never(),
            partial: never(),
            trafficking_traps: never(),
            servitude_traps: never(),
            binding: never(),
            hedges: never(),
            exclusions: never(),
            supplier_terms: Vec::new(),
            buyer_terms: Vec::new(),
            references: Vec::new(),
            anchors: AhoCorasick::new(ANCHORS).unwrap_or_else(|_| empty_ac()),
            aliases: None,
            gate: super::gate::Gate {
                substance: super::gate::Substance::disabled(),
            },
        }
    }

    /// This lexicon with a document's defined terms for trafficking added (see `aliases`).
    #[must_use]
    pub(crate) fn with_aliases(&self, aliases: &[String]) -> Self {
        let mut lex = self.clone();
        lex.aliases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(aliases)
            .ok();
        lex
    }

    /// The first whole-word occurrence of a document alias in `text`.
    pub(crate) fn alias_in<'t>(&self, text: &'t str) -> Option<&'t str> {
        let ac = self.aliases.as_ref()?;
        let bytes = text.as_bytes();
        ac.find_iter(text)
            .find(|m| {
                let before = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
                let after = bytes
                    .get(m.end())
                    .is_none_or(|b| !b.is_ascii_alphanumeric());
                before && after
            })
            .map(|m| &text[m.start()..m.end()])
    }

    /// Finds the trafficking concept in a text, ignoring trap senses. Returns the matched words.
    pub(crate) fn trafficking_in<'t>(&self, text: &'t str) -> Option<&'t str> {
        for m in self.trafficking.find_iter(text) {
            let word = m.as_str();
            // "content that depicts or promotes … human trafficking": a subject matter, not a
            // practice of the party.
            let from = text[..m.start()]
                .char_indices()
                .rev()
                .nth(90)
                .map_or(0, |(i, _)| i);
            if DEPICTION.is_match(&text[from..m.start()]) {
                continue;
            }
            let lower = word.to_ascii_lowercase();
            if lower.contains("servitude") && self.servitude_traps.is_match(text) {
                continue;
            }
            if lower.contains("traffick")
                && self.trafficking_traps.is_match(text)
                && !has_human_context(text)
            {
                continue;
            }
            return Some(word);
        }
        self.alias_in(text)
    }
}

static DEPICTION: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    cue(
        r"\b(?:depict\w*|portray\w*|glorif\w*|content|programming|images?|films?|campaigns?|awareness|advertis\w*|documentar\w*|articles?\s+(?:on|about)|news|stories|story)\b",
    )
});

pub(crate) fn has_human_context(text: &str) -> bool {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        cue(
            r"\b(?:persons?|human\s+beings?|people|women|children|labou?r|slavery|forced|victims?)\b",
        )
    });
    RE.is_match(text)
}

#[expect(clippy::unwrap_used, reason = "an empty pattern list always builds")]
fn empty_ac() -> AhoCorasick {
    AhoCorasick::new(Vec::<&str>::new()).unwrap()
}
