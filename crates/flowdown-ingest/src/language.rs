//! Is a document in English? A count of common function words, English against French,
//! German, Spanish, Italian, Dutch and Portuguese. Used to raise `unsupported-language`
//! instead of eleven `missing` statuses.
//!
//! ```
//! use flowdown_ingest::language::looks_english;
//! assert!(looks_english("The Supplier shall not engage in trafficking in persons.").0);
//! assert!(!looks_english("Der Lieferant darf keine Zwangsarbeit einsetzen und muss die \
//!     Einhaltung der Menschenrechte in der gesamten Lieferkette sicherstellen, wenn dies \
//!     nach dem Vertrag erforderlich ist.").0);
//! ```

/// English function words frequent in contracts.
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "or",
    "any",
    "be",
    "by",
    "this",
    "shall",
    "for",
    "with",
    "that",
    "is",
    "as",
    "on",
    "such",
    "its",
    "not",
    "all",
    "which",
    "from",
    "will",
    "are",
    "other",
    "may",
    "an",
    "at",
    "under",
    "it",
    "has",
    "have",
    "been",
    "upon",
    "each",
    "than",
    "if",
    "no",
    "without",
    "between",
    "where",
    "hereby",
    "must",
    "would",
    "their",
    "these",
    "those",
    "there",
    "after",
    "before",
    "party",
    "parties",
    "agreement",
    "within",
    "including",
];

/// Function words of other Western European languages. Words that are also English (`a`,
/// `in`, `is`, `on`, `an`) are left out.
const OTHER: &[&str] = &[
    // French
    "le",
    "la",
    "les",
    "des",
    "du",
    "et",
    "est",
    "une",
    "un",
    "dans",
    "pour",
    "que",
    "qui",
    "sur",
    "par",
    "aux",
    "ce",
    "cette",
    "sont",
    "doit",
    "être",
    "avec",
    "ou",
    "ne",
    "pas",
    "au",
    "il",
    "elle",
    "leur",
    "ses",
    "conformément",
    "présent",
    "contrat",
    // German
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "mit",
    "den",
    "dem",
    "des",
    "von",
    "zu",
    "für",
    "auf",
    "ein",
    "eine",
    "einer",
    "sich",
    "wird",
    "werden",
    "sind",
    "oder",
    "bei",
    "nach",
    "auch",
    "muss",
    "vertrag",
    "gemäß",
    "sowie",
    "durch",
    "im",
    // Spanish
    "el",
    "los",
    "las",
    "del",
    "y",
    "en",
    "por",
    "con",
    "una",
    "para",
    "es",
    "lo",
    "al",
    "su",
    "sus",
    "este",
    "esta",
    "será",
    "deberá",
    "contrato",
    "cualquier",
    "o",
    // Italian
    "il",
    "di",
    "che",
    "della",
    "delle",
    "dei",
    "degli",
    "nel",
    "nella",
    "per",
    "con",
    "sono",
    "gli",
    "alla",
    "dal",
    "essere",
    "deve",
    "contratto",
    "questo",
    // Dutch
    "het",
    "een",
    "van",
    "en",
    "te",
    "dat",
    "zijn",
    "niet",
    "met",
    "voor",
    "op",
    "wordt",
    "aan",
    "ook",
    "bij",
    "deze",
    "overeenkomst",
    "moet",
    "naar",
    // Portuguese
    "os",
    "as",
    "um",
    "uma",
    "do",
    "da",
    "dos",
    "das",
    "em",
    "não",
    "com",
    "ao",
    "pelo",
    "pela",
    "deve",
    "contrato",
    "qualquer",
    "são",
];

/// Documents with fewer function words than this count as English (too short to tell).
const MIN_EVIDENCE: usize = 8;

/// Longest word (in bytes of the original text) that is looked up.
const MAX_WORD: usize = 14;

/// Function words by class (1 = English, 2 = other), ASCII lowercase keys. English wins a word
/// in both lists, as in a lookup of [`ENGLISH`] before [`OTHER`].
struct Table {
    slots: Vec<(&'static str, u8)>,
    mask: usize,
}

impl Table {
    fn build() -> Self {
        let size = 1024;
        let mut t = Self {
            slots: vec![("", 0); size],
            mask: size - 1,
        };
        for w in ENGLISH {
            t.insert(w, 1);
        }
        for w in OTHER {
            t.insert(w, 2);
        }
        t
    }

    fn hash(w: &[u8]) -> usize {
        // FNV-1a.
        let mut h: u32 = 0x811c_9dc5;
        for &b in w {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h as usize
    }

    fn insert(&mut self, w: &'static str, class: u8) {
        let mut i = Self::hash(w.as_bytes()) & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == 0 {
                *slot = (w, class);
                return;
            }
            if slot.0 == w {
                return; // the first list to name a word keeps it
            }
            i = (i + 1) & self.mask;
        }
    }

    fn class(&self, w: &[u8]) -> u8 {
        let mut i = Self::hash(w) & self.mask;
        loop {
            let (k, c) = self.slots[i];
            if c == 0 {
                return 0;
            }
            if k.as_bytes() == w {
                return c;
            }
            i = (i + 1) & self.mask;
        }
    }
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(Table::build);

/// Whether `text` reads as English, and the English share of the function words found
/// (1.0 when too little text to tell). Short or mostly numeric texts count as English.
#[must_use]
pub fn looks_english(text: &str) -> (bool, f32) {
    let (en, other) = count_function_words(text);
    let total = en + other;
    if total < MIN_EVIDENCE {
        return (true, 1.0);
    }
    #[expect(
        clippy::cast_precision_loss,
        reason = "a share; counts stay far below 2^24 in practice"
    )]
    let share = en as f32 / total as f32;
    (share >= 0.5, share)
}

/// Counts English and other function words in the first 200 kB of `text`. A word is a run of
/// alphabetic characters and apostrophes, looked up lowercased when it has at most
/// [`MAX_WORD`] bytes. ASCII words are lowercased in a stack buffer; a word with other
/// characters takes the general path (`str::to_lowercase`).
fn count_function_words(text: &str) -> (usize, usize) {
    let (mut en, mut other) = (0usize, 0usize);
    // A prefix is enough: 200 kB of running text decides any contract.
    let sample = text.get(..floor_char(text, 200_000)).unwrap_or(text);
    let table = &*TABLE;
    let mut tally = |class: u8| match class {
        1 => en += 1,
        2 => other += 1,
        _ => {}
    };
    let bytes = sample.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; MAX_WORD];
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !(b.is_ascii_alphabetic() || b == b'\'') {
            i += 1;
            continue;
        }
        // A word starts here (or a non-ASCII character that may or may not be a letter).
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphabetic() || b == b'\'' {
                    i += 1;
                    continue;
                }
                break;
            }
            let Some(c) = sample[i..].chars().next() else {
                break;
            };
            if !c.is_alphabetic() {
                break;
            }
            ascii = false;
            i += c.len_utf8();
        }
        if i == start {
            // A non-ASCII character that is not a letter: skip it.
            i += sample[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let w = &bytes[start..i];
        if w.len() > MAX_WORD {
            continue;
        }
        if ascii {
            let lw = &mut buf[..w.len()];
            for (d, s) in lw.iter_mut().zip(w) {
                *d = s.to_ascii_lowercase();
            }
            tally(table.class(lw));
        } else {
            let lw = sample[start..i].to_lowercase();
            tally(table.class(lw.as_bytes()));
        }
    }
    (en, other)
}

/// The original word-by-word count, kept to check [`count_function_words`] against.
#[cfg(test)]
fn count_function_words_reference(text: &str) -> (usize, usize) {
    let (mut en, mut other) = (0usize, 0usize);
    let sample = text.get(..floor_char(text, 200_000)).unwrap_or(text);
    let mut word = String::new();
    let mut flush = |w: &mut String| {
        if !w.is_empty() && w.len() <= 14 {
            let lw = w.to_lowercase();
            if ENGLISH.contains(&lw.as_str()) {
                en += 1;
            } else if OTHER.contains(&lw.as_str()) {
                other += 1;
            }
        }
        w.clear();
    };
    for c in sample.chars() {
        if c.is_alphabetic() || c == '\'' {
            word.push(c);
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    (en, other)
}

fn floor_char(t: &str, mut i: usize) -> usize {
    if i >= t.len() {
        return t.len();
    }
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english() {
        let (ok, share) = looks_english(
            "The Supplier shall not, and shall procure that its sub-contractors do not, engage in \
             trafficking in persons. Any breach of this clause is a material breach of the Agreement \
             and the Buyer may terminate it with immediate effect by notice to the Supplier.",
        );
        assert!(ok);
        assert!(share > 0.8, "{share}");
    }

    #[test]
    fn others() {
        let de = "Der Auftragnehmer verpflichtet sich, keine Zwangsarbeit oder Kinderarbeit einzusetzen. \
                  Er stellt sicher, dass seine Unterauftragnehmer die Menschenrechte achten und die \
                  Bestimmungen dieses Vertrags einhalten. Bei einem Verstoß ist der Auftraggeber \
                  berechtigt, den Vertrag fristlos zu kündigen.";
        let fr = "Le fournisseur s'engage à ne pas recourir au travail forcé et à la traite des êtres \
                  humains. Il veille à ce que ses sous-traitants respectent les mêmes obligations dans \
                  le cadre du présent contrat, et doit informer l'acheteur de toute violation.";
        let es =
            "El proveedor no deberá recurrir al trabajo forzoso ni a la trata de personas. Deberá \
                  asegurarse de que sus subcontratistas cumplan con las mismas obligaciones y \
                  notificar al comprador cualquier incumplimiento del presente contrato.";
        for t in [de, fr, es] {
            let (ok, share) = looks_english(t);
            assert!(!ok, "{share}: {t}");
        }
    }

    #[test]
    fn short_or_numeric_is_english() {
        assert!(looks_english("Der Vertrag.").0);
        assert!(looks_english("1.1 2.2 3.3 4.4 5.5 100 200 300").0);
        assert!(looks_english("").0);
    }

    #[test]
    fn same_counts_as_the_word_by_word_reference() {
        let samples = [
            "The Supplier shall comply with the Code of Conduct (Verhaltenskodex) of the Buyer.",
            "Der Auftragnehmer verpflichtet sich GEMÄSS dem Vertrag für die Einhaltung; FÜR \
             die Parteien gilt: être présent, conformément au contrat, não são, será deberá.",
            "L'acheteur et le fournisseur s'engagent à ne pas — «jamais» — recourir au travail.",
            "ﬁnal ſuch the\u{212A}ind thé THE The tHe O'Brien's don't 'the' 1st 2nd x\u{301}y",
            "abcdefghijklmnopqrstuvwxyz the abcdefghijklmn of abcdefghijklmno and ééééééé",
            "",
            "   ...   ",
            "İstanbul ıs the of THE ΣΑΣ σας",
        ];
        for s in samples {
            assert_eq!(
                count_function_words(s),
                count_function_words_reference(s),
                "{s}"
            );
        }
        // Every fixture and corpus text in the repository, when present.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut stack = vec![root.join("fixtures"), root.join("../shared/corpus")];
        let mut n = 0;
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    n += 1;
                    assert_eq!(
                        count_function_words(&t),
                        count_function_words_reference(&t),
                        "{}",
                        p.display()
                    );
                }
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn mixed_mostly_english() {
        let t = "The Supplier shall comply with the Code of Conduct (Verhaltenskodex) of the Buyer, \
                 which is attached as Schedule 2 to this Agreement, and with all laws of the country.";
        assert!(looks_english(t).0);
    }
}
