//! Matching parties against list entries.
//!
//! **Blocking.** Every name and alias of every entry is normalised once
//! ([`normalize_name`](super::normalize::normalize_name)); an inverted index maps each token key
//! to the names that hold it, a SymSpell-style index of one-character deletions finds the tokens
//! one edit away (typos, transliteration variants the phonetic key does not merge), a second one
//! over the written tokens whose key differs finds typos the key turns into two edits, and the
//! compact form (keys without spaces) catches names written with different spacing. A party's
//! candidates are the names sharing a token, weighted by rarity (IDF). Very common tokens (in
//! more than 2% of the names) are not followed unless nothing else is left, but they still add
//! their weight to the candidates found through rarer tokens, so that names sharing only the
//! distinctive token rank below the one that shares everything. The best
//! [`MatchOptions::max_candidates`] are scored, and any candidate tied with the last of them too
//! (up to four times as many). Identifier matches come from their own exact index.
//!
//! **Scoring.** Tokens are aligned one to one (OSA edit distance of the keys or of the written
//! tokens, whichever is smaller; adjacent tokens
//! merged when their concatenation is a token of the other side); common business words weigh
//! 0.35, others 1. The token score is a weighted Dice coefficient of the alignment, the
//! character score the best `strsim` normalised Levenshtein similarity of the token-sorted and
//! the compact forms; the name score is `max(token, (token + characters) / 2)`. Then country
//! (agreement +0.02, disagreement −0.15 — so that at the default threshold
//! the same name in another country is not reported unless an identifier matches — −0.20 for names made only of common words), legal
//! form (families disagree −0.03 / −0.20) and identifiers (an exact match scores 1; a
//! conflicting value of the same scheme −0.15) adjust it. Every match carries all of it.

use super::lists::{Identifier, ListEntry, ScreeningList};
use super::normalize::{
    is_generic, normalize_name, phonetic_key, skeleton, LegalFamily, NormalizedName,
};
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::hash::{Hash, Hasher};

/// Default threshold: chosen from the evaluation set (`fixtures/screening/pairs.tsv`).
pub const DEFAULT_THRESHOLD: f64 = 0.86;

/// Weight of a common business word in the token score.
const GENERIC_WEIGHT: f64 = 0.35;

/// A party to screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Party {
    /// Caller's id (declaration party id, `file:line`), if any.
    pub id: Option<String>,
    /// The name as written.
    pub name: String,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Identifiers.
    pub identifiers: Vec<Identifier>,
}

impl Party {
    /// A party with a name only.
    #[must_use]
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_string(),
            ..Self::default()
        }
    }

    /// Sets the country (alpha-2).
    #[must_use]
    pub fn in_country(mut self, code: &str) -> Self {
        if !code.is_empty() {
            self.countries.push(code.to_ascii_uppercase());
        }
        self
    }
}

/// Matching options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchOptions {
    /// Lowest score reported (0–1).
    pub threshold: f64,
    /// Candidates scored per party after blocking.
    pub max_candidates: usize,
    /// Matches kept per party (best first).
    pub max_matches: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            threshold: DEFAULT_THRESHOLD,
            max_candidates: 48,
            max_matches: 10,
        }
    }
}

/// A pair of aligned tokens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenMatch {
    /// Party token (normalised).
    pub party: String,
    /// Entry token (normalised).
    pub entry: String,
    /// Similarity 0–1.
    pub similarity: f64,
}

/// Legal forms removed from both names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LegalFormsDropped {
    /// From the party's name.
    pub party: Vec<String>,
    /// From the entry's name.
    pub entry: Vec<String>,
}

/// The parts of a score.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ScoreParts {
    /// Weighted token alignment (Dice).
    pub tokens: f64,
    /// Character similarity (best of token-sorted and compact forms).
    pub characters: f64,
    /// Name score: `max(tokens, (tokens + characters) / 2)`.
    pub name: f64,
    /// Country adjustment.
    pub country: f64,
    /// Legal-form adjustment.
    pub legal_form: f64,
    /// Identifier adjustment (a conflict of the same scheme).
    pub identifier: f64,
    /// The identifier both share (`lei:…`); the score is then 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_match: Option<String>,
}

/// Why a party matched an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The party's normalised name.
    pub party_normalized: String,
    /// The entry name (or alias) that matched, as written.
    pub entry_name: String,
    /// Its normalised form.
    pub entry_normalized: String,
    /// True when an alias matched rather than the primary name.
    pub via_alias: bool,
    /// Aligned tokens.
    pub tokens_matched: Vec<TokenMatch>,
    /// Party tokens left unaligned.
    pub party_tokens_unmatched: Vec<String>,
    /// Entry tokens left unaligned.
    pub entry_tokens_unmatched: Vec<String>,
    /// Legal forms removed.
    pub legal_forms_dropped: LegalFormsDropped,
    /// Countries of both sides.
    pub countries: (Vec<String>, Vec<String>),
    /// Score parts.
    pub parts: ScoreParts,
}

/// A match of a party with a list entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Index of the entry in [`Screener::entries`].
    pub entry_index: usize,
    /// The entry.
    pub entry: ListEntry,
    /// Score 0–1.
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// A normalised name of an entry, compactly stored.
#[derive(Debug, Clone)]
struct NameRow {
    entry: u32,
    alias: u32,
    keys: Box<str>,
    /// Display tokens (readable, before the phonetic key), aligned with `keys`.
    display: Box<str>,
    families: u8,
    common: bool,
    abjad: bool,
}

fn family_bits(n: &NormalizedName) -> u8 {
    n.legal_forms.iter().fold(0u8, |acc, f| {
        acc | match f.family {
            LegalFamily::LimitedLiability => 1,
            LegalFamily::JointStock => 2,
            LegalFamily::Corporation => 4,
            LegalFamily::Partnership => 8,
            LegalFamily::Other => 16,
        }
    })
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Yields the one-character deletions of an ASCII token.
fn deletions(token: &str) -> impl Iterator<Item = String> + '_ {
    (0..token.len()).map(move |i| {
        let mut s = String::with_capacity(token.len() - 1);
        s.push_str(&token[..i]);
        s.push_str(&token[i + 1..]);
        s
    })
}

/// Tokens at least this long are indexed for one-edit lookups.
const FUZZY_MIN_LEN: usize = 4;

/// True for tokens looked up within one edit (long enough, no digits).
fn fuzzy_indexable(t: &str) -> bool {
    t.len() >= FUZZY_MIN_LEN && !t.bytes().any(|b| b.is_ascii_digit())
}

/// (hash, value) pairs sorted by hash, with a directory on the hash's top bits so that a lookup
/// reads one bucket instead of binary-searching the whole list.
#[derive(Debug, Default)]
struct HashList {
    items: Vec<(u64, u32)>,
    dir: Vec<u32>,
    shift: u32,
}

impl HashList {
    fn push(&mut self, h: u64, v: u32) {
        self.items.push((h, v));
    }

    fn finish(&mut self) {
        self.items.sort_unstable();
        self.items.dedup();
        let bits = (self.items.len() / 4).max(1).ilog2().clamp(1, 26);
        self.shift = 64 - bits;
        let n = 1usize << bits;
        self.dir = vec![0; n + 1];
        for (h, _) in &self.items {
            self.dir[(h >> self.shift) as usize + 1] += 1;
        }
        for i in 0..n {
            self.dir[i + 1] += self.dir[i];
        }
    }

    fn get(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let b = if self.dir.is_empty() {
            &[][..]
        } else {
            let i = (h >> self.shift) as usize;
            &self.items[self.dir[i] as usize..self.dir[i + 1] as usize]
        };
        b.iter().filter(move |(k, _)| *k == h).map(|(_, v)| *v)
    }
}

/// A list (or several) indexed for screening.
#[derive(Debug, Default)]
pub struct Screener {
    entries: Vec<ListEntry>,
    rows: Vec<NameRow>,
    vocab: FxHashMap<Box<str>, u32>,
    vocab_tokens: Vec<Box<str>>,
    post_off: Vec<u32>,
    post: Vec<u32>,
    deletes: HashList,
    /// Display tokens that differ from their key, with the key's token id.
    disp_vocab: Vec<(Box<str>, u32)>,
    /// One-edit index over `disp_vocab` (hash of the token or a deletion, index in it).
    disp_deletes: HashList,
    compact: HashList,
    /// Membership bitsets of the tokens too common to follow (postings above `max_df`).
    freq_bits: FxHashMap<u32, Vec<u64>>,
    ids: FxHashMap<String, Vec<u32>>,
}

impl Screener {
    /// Indexes the entries of several lists.
    #[must_use]
    pub fn new(lists: Vec<ScreeningList>) -> Self {
        let entries: Vec<ListEntry> = lists.into_iter().flat_map(|l| l.entries).collect();
        Self::from_entries(entries)
    }

    /// Indexes entries.
    #[must_use]
    pub fn from_entries(entries: Vec<ListEntry>) -> Self {
        let mut s = Self {
            entries,
            ..Self::default()
        };
        s.build();
        s
    }

    /// The entries, in list order.
    #[must_use]
    pub fn entries(&self) -> &[ListEntry] {
        &self.entries
    }

    fn build(&mut self) {
        let mut pairs: Vec<(u32, u32)> = Vec::new(); // (token id, row)
        let mut disp_map: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for (ei, e) in self.entries.iter().enumerate() {
            let ei = u32::try_from(ei).unwrap_or(u32::MAX);
            for (ai, name) in std::iter::once(&e.name).chain(e.aliases.iter()).enumerate() {
                let n = normalize_name(name);
                if n.tokens.is_empty() {
                    continue;
                }
                let row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
                let mut seen: Vec<u32> = Vec::with_capacity(n.tokens.len());
                let disp: Vec<&str> = n.display.split(' ').collect();
                for (i, t) in n.tokens.iter().enumerate() {
                    let next = u32::try_from(self.vocab_tokens.len()).unwrap_or(u32::MAX);
                    let tid = *self.vocab.entry(t.as_str().into()).or_insert_with(|| {
                        self.vocab_tokens.push(t.as_str().into());
                        next
                    });
                    if disp.len() == n.tokens.len()
                        && disp[i] != t.as_str()
                        && fuzzy_indexable(disp[i])
                        && !disp_map.contains_key(disp[i])
                    {
                        disp_map.insert(disp[i].into(), tid);
                    }
                    if !seen.contains(&tid) {
                        seen.push(tid);
                        pairs.push((tid, row));
                    }
                }
                self.compact.push(hash_str(&n.compact()), row);
                self.rows.push(NameRow {
                    entry: ei,
                    alias: u32::try_from(ai).unwrap_or(u32::MAX),
                    keys: n.tokens.join(" ").into_boxed_str(),
                    display: n.display.clone().into_boxed_str(),
                    families: family_bits(&n),
                    common: n.is_common_words(),
                    abjad: n.abjad,
                });
            }
            for id in &e.identifiers {
                self.ids.entry(id.key()).or_default().push(ei);
            }
        }
        // Postings in compressed sparse rows.
        pairs.sort_unstable();
        let v = self.vocab_tokens.len();
        self.post_off = vec![0; v + 1];
        for (tid, _) in &pairs {
            self.post_off[*tid as usize + 1] += 1;
        }
        for i in 0..v {
            self.post_off[i + 1] += self.post_off[i];
        }
        self.post = pairs.into_iter().map(|(_, r)| r).collect();
        // One-edit index over the vocabulary.
        for (tid, t) in self.vocab_tokens.iter().enumerate() {
            if fuzzy_indexable(t) {
                let tid = u32::try_from(tid).unwrap_or(u32::MAX);
                self.deletes.push(hash_str(t), tid);
                for d in deletions(t) {
                    self.deletes.push(hash_str(&d), tid);
                }
            }
        }
        self.deletes.finish();
        // The same over the written tokens whose key differs: the phonetic key can put a typo
        // two edits away (`Corpol` → `korpol`, `Ciorpol` → `ciorpol`).
        let mut dv: Vec<(Box<str>, u32)> = disp_map.into_iter().collect();
        dv.sort_unstable();
        for (i, (t, _)) in dv.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            self.disp_deletes.push(hash_str(t), i);
            for d in deletions(t) {
                self.disp_deletes.push(hash_str(&d), i);
            }
        }
        self.disp_vocab = dv;
        self.disp_deletes.finish();
        self.compact.finish();
        let max_df = self.max_df();
        let words = self.rows.len().div_ceil(64);
        for tid in 0..v {
            let tid = u32::try_from(tid).unwrap_or(u32::MAX);
            if self.postings(tid).len() > max_df {
                let mut bits = vec![0u64; words];
                for &r in self.postings(tid) {
                    bits[r as usize / 64] |= 1 << (r % 64);
                }
                self.freq_bits.insert(tid, bits);
            }
        }
    }

    /// Tokens in more names than this are not followed (only used to rank).
    fn max_df(&self) -> usize {
        (self.rows.len() / 50).max(2000)
    }

    /// True when row `r` holds token `tid`.
    fn is_in(&self, tid: u32, r: u32) -> bool {
        match self.freq_bits.get(&tid) {
            Some(bits) => bits[r as usize / 64] & (1 << (r % 64)) != 0,
            None => self.postings(tid).binary_search(&r).is_ok(),
        }
    }

    fn postings(&self, tid: u32) -> &[u32] {
        let i = tid as usize;
        &self.post[self.post_off[i] as usize..self.post_off[i + 1] as usize]
    }

    /// Tokens of the vocabulary within one edit of `key` or of its written form `disp` (itself
    /// included), with similarity; one entry per token id.
    fn similar_tokens(&self, key: &str, disp: &str, out: &mut Vec<(u32, f64)>) {
        if let Some(&tid) = self.vocab.get(key) {
            out.push((tid, 1.0));
        }
        let mut found: Vec<(u32, f64)> = Vec::new();
        let mut add = |tid: u32, s: f64| {
            if s <= 0.0 {
                return;
            }
            if let Some(f) = found.iter_mut().find(|f| f.0 == tid) {
                f.1 = f.1.max(s);
            } else {
                found.push((tid, s));
            }
        };
        if fuzzy_indexable(key) {
            for p in std::iter::once(key.to_string()).chain(deletions(key)) {
                for tid in self.deletes.get(hash_str(&p)) {
                    add(tid, token_similarity(key, &self.vocab_tokens[tid as usize]));
                }
            }
        }
        if fuzzy_indexable(disp) {
            for p in std::iter::once(disp.to_string()).chain(deletions(disp)) {
                let h = hash_str(&p);
                if disp != key {
                    // Keys written as they are (most tokens).
                    for tid in self.deletes.get(h) {
                        add(
                            tid,
                            token_similarity(disp, &self.vocab_tokens[tid as usize]),
                        );
                    }
                }
                for di in self.disp_deletes.get(h) {
                    let (t, tid) = &self.disp_vocab[di as usize];
                    add(*tid, token_similarity(disp, t));
                }
            }
        }
        for (tid, s) in found {
            if &*self.vocab_tokens[tid as usize] != key {
                out.push((tid, s));
            }
        }
    }

    /// Screens one party; matches at or above the threshold, best first.
    #[must_use]
    pub fn screen(&self, party: &Party, opts: &MatchOptions) -> Vec<Match> {
        let q = normalize_name(&party.name);
        let n_rows = self.rows.len().max(1) as f64;
        let mut acc: FxHashMap<u32, f64> = FxHashMap::default();
        // Tokens too common to follow (per query key: token id, similarity, idf).
        let mut frequent: Vec<Vec<(u32, f64, f64)>> = Vec::new();
        let max_df = self.max_df();
        let mut sim: Vec<(u32, f64)> = Vec::new();
        let qdisp: Vec<&str> = q.display.split(' ').collect();
        let mut qkeys: Vec<(&str, &str)> = q
            .tokens
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), qdisp.get(i).copied().unwrap_or(k.as_str())))
            .collect();
        qkeys.sort_unstable();
        qkeys.dedup_by(|a, b| a.0 == b.0);
        for (key, disp) in &qkeys {
            sim.clear();
            self.similar_tokens(key, disp, &mut sim);
            let mut freq_here: Vec<(u32, f64, f64)> = Vec::new();
            for &(tid, s) in &sim {
                let posts = self.postings(tid);
                let idf = (1.0 + n_rows / posts.len() as f64).ln();
                if posts.len() > max_df {
                    freq_here.push((tid, s, idf));
                    continue;
                }
                for &r in posts {
                    *acc.entry(r).or_default() += idf * s;
                }
            }
            if !freq_here.is_empty() {
                frequent.push(freq_here);
            }
        }
        // Adjacent query tokens joined (`bei jing` → `beijing`).
        for w in q.tokens.windows(2) {
            let joined = phonetic_key(&format!("{}{}", w[0], w[1]));
            if let Some(&tid) = self.vocab.get(joined.as_str()) {
                let posts = self.postings(tid);
                if posts.len() <= max_df {
                    let idf = (1.0 + n_rows / posts.len() as f64).ln();
                    for &r in posts {
                        *acc.entry(r).or_default() += idf;
                    }
                }
            }
        }
        let exact_frequent: Vec<u32> = {
            let mut v: Vec<u32> = frequent
                .iter()
                .flatten()
                .filter(|(_, s, _)| *s >= 1.0)
                .map(|(t, _, _)| *t)
                .collect();
            v.sort_by_key(|t| self.postings(*t).len());
            v
        };
        if acc.is_empty() && !exact_frequent.is_empty() {
            // Only common tokens: intersect the rarest two.
            let a = self.postings(exact_frequent[0]);
            let b = exact_frequent.get(1).map(|t| self.postings(*t));
            let mut n = 0;
            for &r in a {
                if b.is_none_or(|b| b.binary_search(&r).is_ok()) {
                    *acc.entry(r).or_default() += 1.0;
                    n += 1;
                    if n >= 20_000 {
                        break;
                    }
                }
            }
        }
        let compact = q.compact();
        for r in self.compact.get(hash_str(&compact)) {
            *acc.entry(r).or_default() += 100.0;
        }
        // Common tokens are not followed, but they still rank the candidates found through the
        // rarer ones: without them, every name sharing the distinctive token ties, and the true
        // entry can fall beyond the cap (`Cotton Lohal` among a hundred `Lohal …` names).
        if !frequent.is_empty() {
            // Only rows that could still reach the cap with the largest possible bonus.
            let max_bonus: f64 = frequent
                .iter()
                .map(|g| g.iter().map(|(_, s, idf)| s * idf).fold(0.0, f64::max))
                .sum();
            let floor = if acc.len() > opts.max_candidates && opts.max_candidates > 0 {
                let mut scores: Vec<f64> = acc.values().copied().collect();
                let k = opts.max_candidates - 1;
                scores.select_nth_unstable_by(k, |a, b| b.total_cmp(a));
                scores[k] - max_bonus - 1e-9
            } else {
                f64::MIN
            };
            for (r, v) in &mut acc {
                if *v < floor {
                    continue;
                }
                for group in &frequent {
                    let best = group
                        .iter()
                        .filter(|(tid, _, _)| self.is_in(*tid, *r))
                        .map(|(_, s, idf)| s * idf)
                        .fold(0.0, f64::max);
                    *v += best;
                }
            }
        }
        let mut cands: Vec<(u32, f64)> = acc.into_iter().collect();
        cands.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // Candidates tied with the last one kept are kept too (up to four times the cap), so
        // that row order never decides which of equally good candidates is scored.
        if cands.len() > opts.max_candidates && opts.max_candidates > 0 {
            let last = cands[opts.max_candidates - 1].1;
            let limit = cands.len().min(opts.max_candidates * 4);
            let mut cut = opts.max_candidates;
            while cut < limit && cands[cut].1 >= last - 1e-9 {
                cut += 1;
            }
            cands.truncate(cut);
        }

        // Score: best row per entry.
        let mut best: FxHashMap<u32, (f64, u32)> = FxHashMap::default();
        let qfam = family_bits(&q);
        let qkeys_ordered: Vec<&str> = q.tokens.iter().map(String::as_str).collect();
        let qcommon = q.is_common_words();
        for (r, _) in cands {
            let row = &self.rows[r as usize];
            let e = &self.entries[row.entry as usize];
            let ekeys: Vec<&str> = row.keys.split(' ').collect();
            let edisp: Vec<&str> = row.display.split(' ').collect();
            let ns = name_score(
                (&qkeys_ordered, &qdisp),
                (&ekeys, &edisp),
                q.abjad || row.abjad,
            );
            let adj = adjustments(party, e, qfam, row.families, qcommon || row.common);
            let score = final_score(ns.name, &adj);
            let slot = best.entry(row.entry).or_insert((f64::MIN, r));
            if score > slot.0 {
                *slot = (score, r);
            }
        }
        // Identifier matches.
        for id in &party.identifiers {
            if let Some(es) = self.ids.get(&id.key()) {
                for &ei in es {
                    let r = self
                        .rows
                        .iter()
                        .position(|row| row.entry == ei)
                        .map_or(0, |p| u32::try_from(p).unwrap_or(0));
                    best.insert(ei, (1.0, r));
                }
            }
        }
        let mut out: Vec<(u32, f64, u32)> = best
            .into_iter()
            .filter(|(_, (s, _))| *s >= opts.threshold)
            .map(|(e, (s, r))| (e, s, r))
            .collect();
        out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(opts.max_matches);
        out.into_iter()
            .map(|(ei, _, r)| {
                let e = &self.entries[ei as usize];
                let row = &self.rows[r as usize];
                let alias = row.alias as usize;
                let name = if alias == 0 {
                    &e.name
                } else {
                    e.aliases.get(alias - 1).unwrap_or(&e.name)
                };
                let (score, explanation) = compare_with(&q, party, name, alias > 0, e);
                Match {
                    entry_index: ei as usize,
                    entry: e.clone(),
                    score,
                    explanation,
                }
            })
            .collect()
    }

    /// Screens many parties on `threads` threads (1 = the calling thread); results in order.
    #[must_use]
    pub fn screen_all(
        &self,
        parties: &[Party],
        opts: &MatchOptions,
        threads: usize,
    ) -> Vec<Vec<Match>> {
        let threads = threads.max(1);
        if threads == 1 || parties.len() < 64 {
            return parties.iter().map(|p| self.screen(p, opts)).collect();
        }
        let chunk = parties.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = parties
                .chunks(chunk)
                .map(|c| {
                    s.spawn(move || c.iter().map(|p| self.screen(p, opts)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }
}

/// Similarity of two token keys: 1 when equal; one edit 0.92 (0.86 for 4–5 letters); two
/// edits 0.8 from 10 letters; else 0. Tokens with digits match only exactly.
#[must_use]
pub fn token_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let min = a.len().min(b.len());
    let diff = a.len().abs_diff(b.len());
    if min < FUZZY_MIN_LEN
        || diff > 2
        || (diff == 2 && min < 10)
        || a.bytes().any(|c| c.is_ascii_digit())
        || b.bytes().any(|c| c.is_ascii_digit())
    {
        return 0.0;
    }
    let d = if a.is_ascii() && b.is_ascii() {
        osa_bytes(a.as_bytes(), b.as_bytes(), 2)
    } else {
        strsim::osa_distance(a, b)
    };
    match d {
        1 if min >= 6 => 0.92,
        1 => 0.86,
        2 if min >= 10 => 0.8,
        _ => 0.0,
    }
}

/// Optimal string alignment distance of two byte strings, or `max + 1` once it exceeds `max`
/// (the same values as `strsim::osa_distance` up to `max`).
fn osa_bytes(a: &[u8], b: &[u8], max: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return max + 1;
    }
    let mut prev2: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m].min(max + 1)
}

fn weight(t: &str) -> f64 {
    if is_generic(t) {
        GENERIC_WEIGHT
    } else {
        1.0
    }
}

/// The name part of a score, with the alignment.
#[derive(Debug, Clone, Default)]
struct NameScore {
    tokens: f64,
    characters: f64,
    name: f64,
    /// (party token indexes, entry token indexes, similarity)
    pairs: Vec<(Vec<usize>, Vec<usize>, f64)>,
}

/// Merges adjacent tokens of `a` whose concatenation is a token of `b`.
fn merge_groups(a: &[&str], b: &[&str]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(a.len());
    let mut i = 0;
    while i < a.len() {
        let mut merged = false;
        // A join can only equal a token of `b` longer than its first part.
        let longer = b.iter().any(|t| t.len() > a[i].len());
        for len in (2..=3).rev() {
            if longer && i + len <= a.len() && !b.contains(&a[i]) {
                let joined = phonetic_key(&a[i..i + len].concat());
                if b.iter().any(|t| *t == joined) {
                    out.push((i..i + len).collect());
                    i += len;
                    merged = true;
                    break;
                }
            }
        }
        if !merged {
            out.push(vec![i]);
            i += 1;
        }
    }
    out
}

/// Token keys of a name with their display tokens (same length, same order).
type Toks<'a> = (&'a [&'a str], &'a [&'a str]);

/// Display token `i` when the two lists are aligned, else the key.
fn disp<'a>(t: Toks<'a>, i: usize) -> &'a str {
    if t.1.len() == t.0.len() {
        t.1[i]
    } else {
        t.0[i]
    }
}

fn name_score(qt: Toks<'_>, et: Toks<'_>, abjad: bool) -> NameScore {
    let (q, e) = (qt.0, et.0);
    if q.is_empty() || e.is_empty() {
        return NameScore::default();
    }
    if abjad {
        let qs: Vec<String> = q.iter().map(|t| skeleton(t)).collect();
        let es: Vec<String> = e.iter().map(|t| skeleton(t)).collect();
        let qr: Vec<&str> = qs.iter().map(String::as_str).collect();
        let er: Vec<&str> = es.iter().map(String::as_str).collect();
        return name_score((&qr, &qr), (&er, &er), false);
    }
    let qg = merge_groups(q, e);
    let eg = merge_groups(e, q);
    let join = |toks: &[&str], g: &[usize]| -> String {
        if g.len() == 1 {
            toks[g[0]].to_string()
        } else {
            phonetic_key(&g.iter().map(|i| toks[*i]).collect::<String>())
        }
    };
    let join_disp =
        |t: Toks<'_>, g: &[usize]| -> String { g.iter().map(|i| disp(t, *i)).collect::<String>() };
    let qs: Vec<String> = qg.iter().map(|g| join(q, g)).collect();
    let es: Vec<String> = eg.iter().map(|g| join(e, g)).collect();
    let qd: Vec<String> = qg.iter().map(|g| join_disp(qt, g)).collect();
    let ed: Vec<String> = eg.iter().map(|g| join_disp(et, g)).collect();
    let qw: Vec<f64> = qs.iter().map(|t| weight(t)).collect();
    let ew: Vec<f64> = es.iter().map(|t| weight(t)).collect();
    let mut cand: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in qs.iter().enumerate() {
        for (j, b) in es.iter().enumerate() {
            // The phonetic key can turn one typo into two edits (`componenst` → `komponenst`
            // vs `components` → `komponenc`): the written tokens are compared too.
            let s = token_similarity(a, b).max(token_similarity(&qd[i], &ed[j]));
            if s > 0.0 {
                cand.push((s, i, j));
            }
        }
    }
    cand.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut qused = vec![false; qs.len()];
    let mut eused = vec![false; es.len()];
    let mut num = 0.0;
    let mut pairs = Vec::new();
    for (s, i, j) in cand {
        if qused[i] || eused[j] {
            continue;
        }
        qused[i] = true;
        eused[j] = true;
        num += s * (qw[i] + ew[j]);
        pairs.push((qg[i].clone(), eg[j].clone(), s));
    }
    let den: f64 = qw.iter().sum::<f64>() + ew.iter().sum::<f64>();
    let tokens = if den > 0.0 { num / den } else { 0.0 };
    let mut qsorted: Vec<&str> = q.to_vec();
    qsorted.sort_unstable();
    let mut esorted: Vec<&str> = e.to_vec();
    esorted.sort_unstable();
    let sorted = strsim::normalized_levenshtein(&qsorted.join(" "), &esorted.join(" "));
    let compact =
        strsim::normalized_levenshtein(&phonetic_key(&q.concat()), &phonetic_key(&e.concat()));
    let characters = sorted.max(compact);
    let name = tokens.max(f64::midpoint(tokens, characters));
    NameScore {
        tokens,
        characters,
        name,
        pairs,
    }
}

/// Country, legal-form and identifier adjustments.
fn adjustments(party: &Party, e: &ListEntry, qfam: u8, efam: u8, common: bool) -> ScoreParts {
    let mut p = ScoreParts::default();
    if !party.countries.is_empty() && !e.countries.is_empty() {
        p.country = if party.countries.iter().any(|c| e.countries.contains(c)) {
            0.02
        } else if common {
            -0.20
        } else {
            -0.15
        };
    }
    if qfam != 0 && efam != 0 && qfam & efam == 0 {
        p.legal_form = if common { -0.20 } else { -0.03 };
    }
    for a in &party.identifiers {
        for b in &e.identifiers {
            if a.scheme == b.scheme {
                if a.value == b.value {
                    p.identifier_match = Some(a.key());
                } else if matches!(a.scheme.as_str(), "lei" | "inn" | "ogrn" | "duns" | "uei") {
                    p.identifier = -0.15;
                }
            }
        }
    }
    if p.identifier_match.is_some() {
        p.identifier = 0.0;
    }
    p
}

fn final_score(name: f64, adj: &ScoreParts) -> f64 {
    if adj.identifier_match.is_some() {
        return 1.0;
    }
    (name + adj.country + adj.legal_form + adj.identifier).clamp(0.0, 1.0)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn compare_with(
    q: &NormalizedName,
    party: &Party,
    entry_name: &str,
    via_alias: bool,
    e: &ListEntry,
) -> (f64, Explanation) {
    let en = normalize_name(entry_name);
    let qk: Vec<&str> = q.tokens.iter().map(String::as_str).collect();
    let ek: Vec<&str> = en.tokens.iter().map(String::as_str).collect();
    let qdisp: Vec<&str> = q.display.split(' ').collect();
    let edisp: Vec<&str> = en.display.split(' ').collect();
    let ns = name_score((&qk, &qdisp), (&ek, &edisp), q.abjad || en.abjad);
    let mut parts = adjustments(
        party,
        e,
        family_bits(q),
        family_bits(&en),
        q.is_common_words() || en.is_common_words(),
    );
    let score = round3(final_score(ns.name, &parts));
    parts.tokens = round3(ns.tokens);
    parts.characters = round3(ns.characters);
    parts.name = round3(ns.name);
    let qd: Vec<&str> = q.display.split(' ').collect();
    let ed: Vec<&str> = en.display.split(' ').collect();
    let show = |d: &[&str], g: &[usize]| {
        g.iter()
            .filter_map(|i| d.get(*i).copied())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut qmatched = vec![false; qd.len()];
    let mut ematched = vec![false; ed.len()];
    let tokens_matched = ns
        .pairs
        .iter()
        .map(|(a, b, s)| {
            a.iter().for_each(|i| qmatched[*i] = true);
            b.iter().for_each(|i| ematched[*i] = true);
            TokenMatch {
                party: show(&qd, a),
                entry: show(&ed, b),
                similarity: round3(*s),
            }
        })
        .collect();
    let unmatched = |d: &[&str], m: &[bool]| {
        d.iter()
            .zip(m)
            .filter(|(t, m)| !**m && !t.is_empty())
            .map(|(t, _)| (*t).to_string())
            .collect::<Vec<_>>()
    };
    let explanation = Explanation {
        party_normalized: q.display.clone(),
        entry_name: entry_name.to_string(),
        entry_normalized: en.display.clone(),
        via_alias,
        tokens_matched,
        party_tokens_unmatched: unmatched(&qd, &qmatched),
        entry_tokens_unmatched: unmatched(&ed, &ematched),
        legal_forms_dropped: LegalFormsDropped {
            party: q.legal_forms.iter().map(|f| f.text.clone()).collect(),
            entry: en.legal_forms.iter().map(|f| f.text.clone()).collect(),
        },
        countries: (party.countries.clone(), e.countries.clone()),
        parts,
    };
    (score, explanation)
}

/// Scores a party against one entry (its name and aliases) without an index: the best name.
#[must_use]
pub fn compare(party: &Party, entry: &ListEntry) -> (f64, Explanation) {
    let q = normalize_name(&party.name);
    let mut best: Option<(f64, Explanation)> = None;
    for (i, name) in std::iter::once(&entry.name)
        .chain(entry.aliases.iter())
        .enumerate()
    {
        let r = compare_with(&q, party, name, i > 0, entry);
        if best.as_ref().is_none_or(|b| r.0 > b.0) {
            best = Some(r);
        }
    }
    best.unwrap_or_else(|| compare_with(&q, party, &entry.name, false, entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, aliases: &[&str], country: &str) -> ListEntry {
        ListEntry {
            id: name.to_string(),
            name: name.to_string(),
            aliases: aliases.iter().map(|s| (*s).to_string()).collect(),
            countries: if country.is_empty() {
                vec![]
            } else {
                vec![country.to_string()]
            },
            identifiers: vec![],
            list: "test".into(),
            source: None,
            origin: "test:1".into(),
        }
    }

    fn score(q: &str, e: &str) -> f64 {
        compare(&Party::named(q), &entry(e, &[], "")).0
    }

    #[test]
    fn scores() {
        assert_eq!(score("Acme Trading LLC", "ACME TRADING L.L.C."), 1.0);
        assert_eq!(score("Trading Acme", "Acme Trading"), 1.0);
        assert!(score("Global Trading Ltd", "Global Trade Ltd") < DEFAULT_THRESHOLD);
        assert!(score("Globel Trading Ltd", "Global Trading Ltd") >= DEFAULT_THRESHOLD);
        assert_eq!(score("Рособоронэкспорт", "Rosoboronexport"), 1.0);
        assert_eq!(score("Ali Baba Group", "Alibaba Group"), 1.0);
    }

    /// Names made from syllables, as many as asked, none holding `lohal` or `corvina`.
    fn syllable_names(n: usize, word: &str) -> Vec<ListEntry> {
        const SYL: &[&str] = &[
            "ka", "mex", "tra", "vin", "sol", "dor", "ben", "zar", "ron", "tek", "mar", "pol",
            "ver", "nis", "gal", "hen", "jup", "lux", "mor", "nov",
        ];
        (0..n)
            .map(|i| {
                let a = SYL[i % SYL.len()];
                let b = SYL[(i / SYL.len()) % SYL.len()];
                let c = SYL[(i / (SYL.len() * SYL.len())) % SYL.len()];
                entry(&format!("{a}{b}{c}{} {word} Ltd", i / 8000), &[], "")
            })
            .collect()
    }

    #[test]
    fn blocking_keeps_the_true_entry_among_many_ties() {
        // 2,500 `… Cotton` names make `cotton` too common to follow; 120 `Lohal …` names tie on
        // the distinctive token and come first in list order. The true entry is the last one.
        let mut es = syllable_names(2500, "Cotton");
        for w in ["Shipping", "Foods", "Mining", "Metals", "Agro", "Paper"] {
            for i in 0..20 {
                es.push(entry(&format!("Lohal {w} {}", i + 1), &[], ""));
            }
        }
        es.push(entry("Lohal Cotton OOO", &[], ""));
        es.push(entry("Corvina Cotton Ltd", &[], ""));
        let s = Screener::from_entries(es);
        let m = s.screen(&Party::named("Cotton Lohal"), &MatchOptions::default());
        assert_eq!(
            m.first().map(|m| m.entry.name.as_str()),
            Some("Lohal Cotton OOO")
        );
        assert_eq!(m[0].explanation.legal_forms_dropped.entry, ["ooo"]);
        // A typo that the phonetic key turns into two edits (`crovina` / `korvina`) is still
        // found through the written tokens.
        let m = s.screen(&Party::named("Crovina Cotton"), &MatchOptions::default());
        assert_eq!(
            m.first().map(|m| m.entry.name.as_str()),
            Some("Corvina Cotton Ltd")
        );
        let t = m[0]
            .explanation
            .tokens_matched
            .iter()
            .find(|t| t.party == "crovina")
            .unwrap();
        assert_eq!(t.entry, "corvina");
        assert!((t.similarity - 0.92).abs() < 1e-9);
    }

    #[test]
    fn osa_bytes_agrees_with_strsim() {
        for (a, b) in [
            ("corvina", "crovina"),
            ("kestrel", "kestrle"),
            ("abc", "abcd"),
            ("abcdef", "azcdxf"),
            ("", "ab"),
            ("components", "componenst"),
        ] {
            let d = strsim::osa_distance(a, b);
            assert_eq!(
                osa_bytes(a.as_bytes(), b.as_bytes(), 2),
                d.min(3),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn explanation_and_index() {
        let mut e = entry("Acme Trading LLC", &["Acme Handel GmbH"], "RU");
        e.identifiers
            .push(Identifier::new("lei", "5299000J2N45DDNE4Y28"));
        let s = Screener::from_entries(vec![e, entry("Beta Industries Ltd", &[], "CN")]);
        let m = s.screen(
            &Party::named("ACME Handel").in_country("ru"),
            &MatchOptions::default(),
        );
        assert_eq!(m.len(), 1);
        let x = &m[0].explanation;
        assert!(x.via_alias);
        assert_eq!(x.entry_name, "Acme Handel GmbH");
        assert_eq!(x.legal_forms_dropped.entry, ["gmbh"]);
        assert_eq!(x.parts.country, 0.02);
        assert_eq!(m[0].score, 1.0);
        let mut p = Party::named("Something Else");
        p.identifiers
            .push(Identifier::new("LEI", "5299000j2n45ddne4y28"));
        let m = s.screen(&p, &MatchOptions::default());
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].explanation.parts.identifier_match.as_deref(),
            Some("lei:5299000J2N45DDNE4Y28")
        );
        let m = s.screen(
            &Party::named("Beta Industrie Ltd"),
            &MatchOptions::default(),
        );
        assert_eq!(m.len(), 1);
        assert!(s
            .screen(&Party::named("Gamma"), &MatchOptions::default())
            .is_empty());
    }
}
