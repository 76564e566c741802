//! Document structure the judge needs: the clause index, cross-references, links to
//! trafficking, and incorporation chains.

use super::cues;
use super::lexicon::Lexicon;
use super::units::{view_text, Unit, View};
use flowdown_core::{Document, ProvisionKind};
use std::collections::BTreeMap;

/// Normalises a clause number for lookup: `Clause 12.3 (a)` → `12.3(a)`, `Schedule 5` → `schedule 5`.
pub(crate) fn norm_number(n: &str) -> Vec<String> {
    let lower = n.trim().trim_end_matches(['.', ':', ')']).to_lowercase();
    let lower = if n.trim().ends_with(')') && n.contains('(') {
        n.trim().to_lowercase()
    } else {
        lower
    };
    let compact: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut keys = vec![compact.replace(" (", "(")];
    for kw in [
        "clause ",
        "section ",
        "article ",
        "paragraph ",
        "sub-clause ",
        "§ ",
        "§",
    ] {
        if let Some(rest) = compact.strip_prefix(kw) {
            keys.push(rest.replace(" (", "(").trim().to_owned());
        }
    }
    keys
}

/// Index of clause numbers to provisions.
pub(crate) struct ClauseIndex {
    map: BTreeMap<String, usize>,
}

impl ClauseIndex {
    pub(crate) fn new(doc: &Document) -> Self {
        let mut map = BTreeMap::new();
        for (i, p) in doc.provisions.iter().enumerate() {
            if matches!(p.kind, ProvisionKind::Toc | ProvisionKind::Annotation) {
                continue;
            }
            if let Some(n) = &p.number {
                for k in norm_number(n) {
                    map.entry(k).or_insert(i);
                }
            }
            if let Some(t) = &p.title {
                // "Schedule 5 - Corporate Social Responsibility" as a title.
                let lower = t.to_lowercase();
                for kw in ["schedule", "exhibit", "annex", "appendix", "attachment"] {
                    if let Some(pos) = lower.find(kw) {
                        let tail: String = lower[pos..]
                            .split_whitespace()
                            .take(2)
                            .collect::<Vec<_>>()
                            .join(" ");
                        map.entry(tail).or_insert(i);
                    }
                }
            }
        }
        Self { map }
    }

    /// Resolves a cross-reference like `clause 9`, `Section 4.2(b)`, `Schedule 5`.
    pub(crate) fn resolve(&self, keyword: &str, number: &str) -> Option<usize> {
        let kw = keyword.to_lowercase();
        let kw = kw.trim_end_matches('s');
        let num = number.trim().to_lowercase().replace(' ', "");
        let candidates = [
            format!("{kw} {num}"),
            num.clone(),
            num.trim_end_matches('.').to_owned(),
        ];
        for c in candidates {
            if let Some(i) = self.map.get(&c) {
                return Some(*i);
            }
        }
        // `9.1(a)` may be indexed as `9.1(a)`; `clause 9(a)` as `9(a)`; try the prefix.
        let base: String = num.split('(').next().unwrap_or("").to_owned();
        if base != num {
            return self.map.get(&base).copied();
        }
        None
    }
}

/// Cross-references found in a text: the provisions they resolve to.
pub(crate) fn cross_refs(index: &ClauseIndex, text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for c in cues::XREF.captures_iter(text) {
        let kw = c
            .get(0)
            .map(|m| m.as_str().split_whitespace().next().unwrap_or(""))
            .unwrap_or("");
        if let Some(num) = c.get(1) {
            if let Some(i) = index.resolve(kw, num.as_str()) {
                out.push(i);
            }
        }
    }
    out
}

/// Per provision: does its own text (or title) mention trafficking, and does its subtree?
pub(crate) struct Links {
    pub(crate) own: Vec<bool>,
    pub(crate) subtree: Vec<bool>,
}

/// Remedies clauses that an anti-trafficking provision points at ("The remedies in clause 14
/// apply to any breach of clause 9 (Anti-Slavery)", "Clause 14 applies to any breach of this
/// clause 9"): the targets are read as linked to trafficking, like their source.
pub(crate) fn remedy_pointers(
    doc: &Document,
    lex: &Lexicon,
    index: &ClauseIndex,
    wanted: &[bool],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, p) in doc.provisions.iter().enumerate() {
        // The source is about trafficking, so the prefilter wants it.
        if !p.kind.is_operative() || !wanted.get(i).copied().unwrap_or(false) {
            continue;
        }
        let text = doc.slice(p.span);
        if p.span.len() > 4000 || !text.contains("ppl") {
            continue;
        }
        for c in cues::REMEDY_POINTER.captures_iter(text) {
            let Some(num) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let kw = c
                .get(0)
                .map_or("", |m| m.as_str())
                .split_whitespace()
                .find(|w| {
                    let l = w.to_lowercase();
                    ["clause", "section", "article", "paragraph"]
                        .iter()
                        .any(|k| l.starts_with(k))
                })
                .unwrap_or("clause");
            let Some(target) = index.resolve(kw, num.as_str()) else {
                continue;
            };
            if within(doc, i, target) || out.iter().any(|&(t, _)| t == target) {
                continue;
            }
            // The pointing provision must itself be about trafficking: its sentence, a title
            // above it, or the heading of its section.
            let about = lex
                .trafficking_in(c.get(0).map_or("", |m| m.as_str()))
                .is_some()
                || lex.trafficking_in(text).is_some()
                || ancestors_titled(doc, lex, i)
                || heading_before(doc, i).is_some_and(|h| {
                    doc.provisions
                        .get(h)
                        .and_then(|hp| hp.title.as_deref())
                        .is_some_and(|t| lex.trafficking_in(t).is_some())
                });
            if about {
                out.push((target, i));
            }
        }
    }
    deemed_pointers(doc, lex, &mut out);
    out
}

/// "A breach of clause 16.2 is a Serious Breach": the defined kind of breach an
/// anti-trafficking provision is deemed to be. Capitalised: a defined term of the document.
static DEEMED_TERM: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:is|are|shall\s+be|will\s+be|constitutes?|shall\s+constitute)\s+(?:deemed\s+(?:to\s+be\s+)?|treated\s+as\s+)?(?:a|an)\s+((?:[A-Z][a-z]+\s+){0,3}(?:Breach|Default|Event\s+of\s+Default|Termination\s+Event|Failure))\b",
    )
    .ok()
});

/// Provisions that give remedies for a defined kind of breach that an anti-trafficking
/// provision is deemed to be ("16.7 A breach of clause 16.2 is a Serious Breach" → "27.2 If a
/// Serious Breach occurs, the Authority may …").
fn deemed_pointers(doc: &Document, lex: &Lexicon, out: &mut Vec<(usize, usize)>) {
    let Some(re) = DEEMED_TERM.as_ref() else {
        return;
    };
    for (i, p) in doc.provisions.iter().enumerate() {
        if !p.kind.is_operative() || p.span.len() > 2000 {
            continue;
        }
        let text = doc.slice(p.span);
        if !(text.contains("Breach") || text.contains("Default") || text.contains("Failure")) {
            continue;
        }
        let Some(term) = re.captures(text).and_then(|c| c.get(1)) else {
            continue;
        };
        let about = lex.trafficking_in(text).is_some()
            || ancestors_titled(doc, lex, i)
            || heading_before(doc, i).is_some_and(|h| {
                doc.provisions
                    .get(h)
                    .and_then(|hp| hp.title.as_deref())
                    .is_some_and(|t| lex.trafficking_in(t).is_some())
            });
        if !about {
            continue;
        }
        let term = term.as_str();
        let mut found = 0;
        for (j, q) in doc.provisions.iter().enumerate() {
            if j == i || !q.kind.is_operative() || !doc.slice(q.span).contains(term) {
                continue;
            }
            let sub = doc.slice(doc.subtree_span(j));
            let remedies = sub.len() < 4000
                && (cues::TERMINATE.is_match(sub) || cues::SANCTION.is_match(sub))
                && cues::BUYER_RIGHT.is_match(sub);
            if remedies && !out.iter().any(|&(t, _)| t == j) {
                out.push((j, i));
                found += 1;
                if found == 5 {
                    break;
                }
            }
        }
    }
}

fn ancestors_titled(doc: &Document, lex: &Lexicon, i: usize) -> bool {
    let mut cur = doc.provisions.get(i).and_then(|p| p.parent);
    while let Some(a) = cur {
        let Some(p) = doc.provisions.get(a) else {
            return false;
        };
        if p.title
            .as_deref()
            .is_some_and(|t| lex.trafficking_in(t).is_some())
        {
            return true;
        }
        cur = p.parent;
    }
    false
}

pub(crate) fn links(
    doc: &Document,
    lex: &Lexicon,
    view: View,
    wanted: &[bool],
    pointed: &[(usize, usize)],
    words: Option<&super::gate::Words<'_>>,
) -> Links {
    let n = doc.provisions.len();
    let mut own = vec![false; n];
    for &(t, _) in pointed {
        if let Some(o) = own.get_mut(t) {
            *o = true;
        }
    }
    for (i, p) in doc.provisions.iter().enumerate() {
        if matches!(p.kind, ProvisionKind::Toc | ProvisionKind::Annotation) {
            continue;
        }
        if own[i]
            || p.title
                .as_deref()
                .is_some_and(|t| lex.trafficking_in(t).is_some())
        {
            own[i] = true;
            continue;
        }
        if wanted.get(i).copied().unwrap_or(false) {
            // Without the words every trafficking term needs, the text cannot name one (a
            // view of a text without tracked changes creates no word; see `gate`). `words`
            // are those of the document's one view.
            if words.is_some_and(|w| !w.may_name_trafficking(i)) {
                continue;
            }
            // The title of a recognised reference ("Combating Trafficking in Persons") is no
            // link: the reference is judged for what it covers.
            let text = view_text(doc, p.span, view);
            let text = cues::REFERENCE_TITLES.replace_all(&text, " ");
            own[i] = lex.trafficking_in(&text).is_some();
        }
    }
    let mut subtree = own.clone();
    // Children come after parents: a reverse pass propagates upwards.
    for i in (0..n).rev() {
        if subtree[i] {
            if let Some(parent) = doc.provisions[i].parent {
                if let Some(s) = subtree.get_mut(parent) {
                    *s = true;
                }
            }
        }
    }
    Links { own, subtree }
}

/// True when the unit is linked to trafficking through its provision, a heading above it, a
/// cross-reference, or "this clause".
pub(crate) fn unit_linked(
    doc: &Document,
    lex: &Lexicon,
    links: &Links,
    index: &ClauseIndex,
    unit: &Unit,
    full: &str,
) -> bool {
    if lex.trafficking_in(full).is_some() {
        return true;
    }
    // The provision itself and its ancestors (their own text or titles).
    let mut cur = Some(unit.prov);
    let mut first = true;
    while let Some(i) = cur {
        let Some(p) = doc.provisions.get(i) else {
            break;
        };
        // A very long provision (flattened text) links only through its own sentence.
        let small = p.span.len() < 2500;
        if links.own.get(i).copied().unwrap_or(false) && (small || !first) {
            return true;
        }
        first = false;
        cur = p.parent;
    }
    // The closest heading above (a section heading that is not an ancestor).
    if let Some(h) = heading_before(doc, unit.prov) {
        if links.own.get(h).copied().unwrap_or(false) {
            return true;
        }
    }
    // "any breach of clause 9", "the obligations in Section 4.2".
    // A reference to a whole long article that merely contains an anti-trafficking sentence
    // somewhere (flattened filings) is no link: the reference must reach the provision.
    let focused = |i: usize| doc.subtree_span(i).len() < FOCUSED_LEN;
    if cross_refs(index, full)
        .iter()
        .any(|&i| links.subtree.get(i).copied().unwrap_or(false) && focused(i))
    {
        return true;
    }
    // "If an audit reveals a breach of clause 14.1, …; the Company may suspend orders": a short
    // provision whose own text cross-references the anti-trafficking clause links each of its
    // sentences, not only the one that holds the reference.
    if let Some(p) = doc.provisions.get(unit.prov) {
        if p.span.len() < SHORT_PROVISION
            && p.kind.is_operative()
            && cross_refs(index, doc.slice(p.span)).iter().any(|&i| {
                i != unit.prov && links.subtree.get(i).copied().unwrap_or(false) && focused(i)
            })
        {
            return true;
        }
    }
    // "the policy in paragraph (b) of this clause": a lettered paragraph of the same clause.
    if paragraph_ref_linked(doc, links, unit.prov, full) {
        return true;
    }
    // "this clause": an ancestor whose subtree is about trafficking.
    if cues::THIS_CLAUSE.is_match(full) {
        let mut cur = doc.provisions.get(unit.prov).and_then(|p| p.parent);
        while let Some(i) = cur {
            if links.subtree.get(i).copied().unwrap_or(false) && focused(i) {
                return true;
            }
            cur = doc.provisions.get(i).and_then(|p| p.parent);
        }
        // "this Code of Conduct" in a short code whose clauses are all top level: the code is
        // the whole document.
        let top_level = doc
            .provisions
            .get(unit.prov)
            .is_some_and(|p| p.parent.is_none());
        if top_level && doc.text.len() < FOCUSED_LEN {
            return links.own.iter().any(|&o| o);
        }
    }
    false
}

/// True when `full` cites a lettered paragraph ("paragraph (b) of this clause") of the clause
/// the provision sits in, and that paragraph is about trafficking.
fn paragraph_ref_linked(doc: &Document, links: &Links, prov: usize, full: &str) -> bool {
    static PARA: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        super::lexicon::cue(r"\b(?:sub)?paragraphs?\s+\(([a-z])\)(?:\s*\(\d{1,2}\))?")
    });
    let mut root = prov;
    while let Some(p) = doc.provisions.get(root).and_then(|p| p.parent) {
        root = p;
    }
    let root_end = doc.subtree_span(root).end;
    for c in PARA.captures_iter(full) {
        let Some(letter) = c.get(1) else { continue };
        let want = format!("({})", letter.as_str());
        let target = (root..doc.provisions.len())
            .take_while(|&i| {
                doc.provisions
                    .get(i)
                    .is_some_and(|p| p.span.start < root_end)
            })
            .find(|&i| {
                doc.provisions.get(i).is_some_and(|p| {
                    p.number.as_deref().is_some_and(|n| {
                        n == want
                            || (n.ends_with(&want) && !n[..n.len() - want.len()].ends_with(')'))
                    })
                })
            });
        if let Some(t) = target {
            if t != prov
                && links.subtree.get(t).copied().unwrap_or(false)
                && doc.subtree_span(t).len() < FOCUSED_LEN
            {
                return true;
            }
        }
    }
    false
}

/// The longest provision (with its sub-provisions) a cross-reference or "this clause" may
/// reach and still be read as pointing at anti-trafficking terms.
const FOCUSED_LEN: usize = 6000;

/// The longest provision whose cross-reference links every sentence of it.
const SHORT_PROVISION: usize = 600;

/// The nearest preceding heading provision at the same or a shallower depth.
pub(crate) fn heading_before(doc: &Document, prov: usize) -> Option<usize> {
    let depth = doc.provisions.get(prov)?.depth;
    (0..prov).rev().take(200).find(|&i| {
        doc.provisions
            .get(i)
            .is_some_and(|p| p.kind == ProvisionKind::Heading && p.depth <= depth)
    })
}

/// True when provision `i` lies inside provision `root`'s subtree.
pub(crate) fn within(doc: &Document, i: usize, root: usize) -> bool {
    let mut cur = Some(i);
    while let Some(c) = cur {
        if c == root {
            return true;
        }
        cur = doc.provisions.get(c).and_then(|p| p.parent);
    }
    false
}
