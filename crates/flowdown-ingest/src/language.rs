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

/// Whether `text` reads as English, and the English share of the function words found
/// (1.0 when too little text to tell). Short or mostly numeric texts count as English.
#[must_use]
pub fn looks_english(text: &str) -> (bool, f32) {
    let (mut en, mut other) = (0usize, 0usize);
    // A prefix is enough: 200 kB of running text decides any contract.
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
    fn mixed_mostly_english() {
        let t = "The Supplier shall comply with the Code of Conduct (Verhaltenskodex) of the Buyer, \
                 which is attached as Schedule 2 to this Agreement, and with all laws of the country.";
        assert!(looks_english(t).0);
    }
}
