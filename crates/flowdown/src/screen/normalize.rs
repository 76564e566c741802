//! Name normalisation for screening: Unicode NFKC, case folding, diacritics, transliteration of
//! non-Latin scripts (Cyrillic, Greek, Arabic, CJK, …) with `any_ascii`, recognition and removal
//! of legal forms across languages, abbreviation and plural folding, stop words and a light
//! phonetic key that merges transliteration variants (`ks`/`x`, `kh`/`h`, `y`/`j`/`i`, …).
//!
//! ```
//! use flowdown::screen::normalize::normalize_name;
//! let n = normalize_name("ООО «Ромашка»");
//! assert_eq!(n.display, "romashka");
//! assert_eq!(n.legal_forms[0].canonical, "ooo");
//! let m = normalize_name("Toyota Motor Corporation");
//! assert_eq!(n.tokens.len(), 1);
//! assert_eq!(m.display, "toyota motor");
//! ```

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// The family a legal form belongs to. Forms of one family are interchangeable evidence
/// (`Ltd` ≈ `LLC` ≈ `GmbH` ≈ `ООО`); forms of different families weigh slightly against a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalFamily {
    /// Private limited-liability companies: Ltd, LLC, GmbH, OOO, SARL, S.r.l., B.V., Sdn Bhd, 有限公司…
    LimitedLiability,
    /// Stock corporations: JSC, AO/PAO, AG, S.A., S.p.A., N.V., PLC, A.Ş., KK/株式会社…
    JointStock,
    /// Corporations and companies in general: Inc, Corp, Co, Company.
    Corporation,
    /// Partnerships: LLP, LP, KG, OHG, S.N.C.
    Partnership,
    /// Sole traders and others (ИП, e.K., FZE…).
    Other,
}

/// A legal form recognised in a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegalForm {
    /// The text as it stood (normalised to ASCII lower case, or the native CJK form).
    pub text: String,
    /// Canonical abbreviation (`ltd`, `llc`, `jsc`, `kk`, …).
    pub canonical: &'static str,
    /// Its family.
    pub family: LegalFamily,
}

/// A name after normalisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormalizedName {
    /// Readable normalised form: ASCII lower-case tokens (legal forms and stop words removed),
    /// in the original order, separated by single spaces.
    pub display: String,
    /// Matching keys of the tokens (phonetic key of each display token), original order.
    pub tokens: Vec<String>,
    /// Legal forms removed from the name.
    pub legal_forms: Vec<LegalForm>,
    /// True when the name was written in a script that omits short vowels (Arabic, Persian,
    /// Hebrew): it is then compared on consonant skeletons.
    pub abjad: bool,
}

impl NormalizedName {
    /// Keys joined without spaces (`ali baba` = `alibaba`).
    #[must_use]
    pub fn compact(&self) -> String {
        phonetic_key(&self.tokens.concat())
    }

    /// Keys sorted and joined by a space (token order ignored).
    #[must_use]
    pub fn sorted(&self) -> String {
        let mut t: Vec<&str> = self.tokens.iter().map(String::as_str).collect();
        t.sort_unstable();
        t.join(" ")
    }

    /// True when every token is a common business word (`International Trading`): such names
    /// need more than the name to match.
    #[must_use]
    pub fn is_common_words(&self) -> bool {
        !self.tokens.is_empty() && self.tokens.iter().all(|t| is_generic(t))
    }
}

/// Legal forms written in CJK scripts, matched before transliteration (longest first).
const CJK_FORMS: &[(&str, &str, LegalFamily)] = &[
    ("股份有限公司", "co-ltd-stock", LegalFamily::JointStock),
    ("有限责任公司", "co-ltd", LegalFamily::LimitedLiability),
    ("有限責任公司", "co-ltd", LegalFamily::LimitedLiability),
    ("有限公司", "co-ltd", LegalFamily::LimitedLiability),
    ("株式会社", "kk", LegalFamily::JointStock),
    ("有限会社", "yk", LegalFamily::LimitedLiability),
    ("合同会社", "gk", LegalFamily::LimitedLiability),
    ("주식회사", "jusikhoesa", LegalFamily::JointStock),
    ("유한회사", "yuhanhoesa", LegalFamily::LimitedLiability),
    ("(株)", "kk", LegalFamily::JointStock),
    ("㈱", "kk", LegalFamily::JointStock),
];

/// Legal forms as token sequences (after transliteration, lower case, dots removed).
/// Longest sequences first so `co ltd` wins over `co`.
const TOKEN_FORMS: &[(&[&str], &str, LegalFamily)] = &[
    (
        &["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"],
        "ooo",
        LegalFamily::LimitedLiability,
    ),
    (
        &["tovarystvo", "z", "obmezhenoyu", "vidpovidalnistyu"],
        "tov",
        LegalFamily::LimitedLiability,
    ),
    (
        &["publichnoe", "aktsionernoe", "obshchestvo"],
        "pao",
        LegalFamily::JointStock,
    ),
    (
        &["otkrytoe", "aktsionernoe", "obshchestvo"],
        "oao",
        LegalFamily::JointStock,
    ),
    (
        &["zakrytoe", "aktsionernoe", "obshchestvo"],
        "zao",
        LegalFamily::JointStock,
    ),
    (
        &["aktsionernoe", "obshchestvo"],
        "ao",
        LegalFamily::JointStock,
    ),
    (
        &["open", "joint", "stock", "company"],
        "ojsc",
        LegalFamily::JointStock,
    ),
    (
        &["closed", "joint", "stock", "company"],
        "cjsc",
        LegalFamily::JointStock,
    ),
    (
        &["public", "joint", "stock", "company"],
        "pjsc",
        LegalFamily::JointStock,
    ),
    (
        &["limited", "liability", "company"],
        "llc",
        LegalFamily::LimitedLiability,
    ),
    (
        &["limited", "liability", "partnership"],
        "llp",
        LegalFamily::Partnership,
    ),
    (
        &["public", "limited", "company"],
        "plc",
        LegalFamily::JointStock,
    ),
    (
        &["joint", "stock", "company"],
        "jsc",
        LegalFamily::JointStock,
    ),
    (
        &["private", "limited", "company"],
        "ltd",
        LegalFamily::LimitedLiability,
    ),
    (
        &["gesellschaft", "mit", "beschrankter", "haftung"],
        "gmbh",
        LegalFamily::LimitedLiability,
    ),
    (
        &["gmbh", "and", "co", "kg"],
        "gmbh-co-kg",
        LegalFamily::Partnership,
    ),
    (
        &["gmbh", "und", "co", "kg"],
        "gmbh-co-kg",
        LegalFamily::Partnership,
    ),
    (&["anonim", "sirketi"], "as", LegalFamily::JointStock),
    (
        &["limited", "sirketi"],
        "ltd",
        LegalFamily::LimitedLiability,
    ),
    (
        &["gesellschaft", "mbh"],
        "gmbh",
        LegalFamily::LimitedLiability,
    ),
    (
        &["sp", "z", "o", "o"],
        "sp-zoo",
        LegalFamily::LimitedLiability,
    ),
    (&["sp", "z", "oo"], "sp-zoo", LegalFamily::LimitedLiability),
    (
        &["s", "de", "rl", "de", "cv"],
        "srl-cv",
        LegalFamily::LimitedLiability,
    ),
    (&["sa", "de", "cv"], "sa-cv", LegalFamily::JointStock),
    (&["s", "de", "rl"], "srl", LegalFamily::LimitedLiability),
    (&["kabushiki", "kaisha"], "kk", LegalFamily::JointStock),
    (&["kabushiki", "gaisha"], "kk", LegalFamily::JointStock),
    (&["yugen", "kaisha"], "yk", LegalFamily::LimitedLiability),
    (&["co", "ltd"], "co-ltd", LegalFamily::LimitedLiability),
    (
        &["company", "limited"],
        "co-ltd",
        LegalFamily::LimitedLiability,
    ),
    (&["company", "ltd"], "co-ltd", LegalFamily::LimitedLiability),
    (&["co", "limited"], "co-ltd", LegalFamily::LimitedLiability),
    (&["pvt", "ltd"], "pvt-ltd", LegalFamily::LimitedLiability),
    (
        &["private", "limited"],
        "pvt-ltd",
        LegalFamily::LimitedLiability,
    ),
    (&["pte", "ltd"], "pte-ltd", LegalFamily::LimitedLiability),
    (&["pty", "ltd"], "pty-ltd", LegalFamily::LimitedLiability),
    (&["sdn", "bhd"], "sdn-bhd", LegalFamily::LimitedLiability),
    (&["co", "inc"], "inc", LegalFamily::Corporation),
    (&["a", "s"], "as", LegalFamily::JointStock),
    (&["s", "a"], "sa", LegalFamily::JointStock),
    (&["ltd"], "ltd", LegalFamily::LimitedLiability),
    (&["limited"], "ltd", LegalFamily::LimitedLiability),
    (&["llc"], "llc", LegalFamily::LimitedLiability),
    (&["gmbh"], "gmbh", LegalFamily::LimitedLiability),
    (&["mbh"], "gmbh", LegalFamily::LimitedLiability),
    (&["ug"], "ug", LegalFamily::LimitedLiability),
    (&["ooo"], "ooo", LegalFamily::LimitedLiability),
    (&["tov"], "tov", LegalFamily::LimitedLiability),
    (&["too"], "too", LegalFamily::LimitedLiability),
    (&["sarl"], "sarl", LegalFamily::LimitedLiability),
    (&["srl"], "srl", LegalFamily::LimitedLiability),
    (&["sl"], "sl", LegalFamily::LimitedLiability),
    (&["bv"], "bv", LegalFamily::LimitedLiability),
    (&["bvba"], "bvba", LegalFamily::LimitedLiability),
    (&["sprl"], "sprl", LegalFamily::LimitedLiability),
    (&["kft"], "kft", LegalFamily::LimitedLiability),
    (&["sro"], "sro", LegalFamily::LimitedLiability),
    (&["doo"], "doo", LegalFamily::LimitedLiability),
    (&["ood"], "ood", LegalFamily::LimitedLiability),
    (&["eood"], "eood", LegalFamily::LimitedLiability),
    (&["aps"], "aps", LegalFamily::LimitedLiability),
    (&["ltda"], "ltda", LegalFamily::LimitedLiability),
    (&["lda"], "lda", LegalFamily::LimitedLiability),
    (&["eurl"], "eurl", LegalFamily::LimitedLiability),
    (&["sdn"], "sdn-bhd", LegalFamily::LimitedLiability),
    (&["fzco"], "fzco", LegalFamily::LimitedLiability),
    (&["fzllc"], "llc", LegalFamily::LimitedLiability),
    (&["wll"], "wll", LegalFamily::LimitedLiability),
    (&["jsc"], "jsc", LegalFamily::JointStock),
    (&["ojsc"], "ojsc", LegalFamily::JointStock),
    (&["cjsc"], "cjsc", LegalFamily::JointStock),
    (&["pjsc"], "pjsc", LegalFamily::JointStock),
    (&["ao"], "ao", LegalFamily::JointStock),
    (&["oao"], "oao", LegalFamily::JointStock),
    (&["zao"], "zao", LegalFamily::JointStock),
    (&["pao"], "pao", LegalFamily::JointStock),
    (&["pat"], "pat", LegalFamily::JointStock),
    (&["prat"], "prat", LegalFamily::JointStock),
    (&["ag"], "ag", LegalFamily::JointStock),
    (&["aktiengesellschaft"], "ag", LegalFamily::JointStock),
    (&["uab"], "uab", LegalFamily::LimitedLiability),
    (&["sia"], "sia", LegalFamily::LimitedLiability),
    (&["ou"], "ou", LegalFamily::LimitedLiability),
    (&["sac"], "sac", LegalFamily::JointStock),
    (&["sa"], "sa", LegalFamily::JointStock),
    (&["sas"], "sas", LegalFamily::JointStock),
    (&["sasu"], "sas", LegalFamily::JointStock),
    (&["spa"], "spa", LegalFamily::JointStock),
    (&["nv"], "nv", LegalFamily::JointStock),
    (&["plc"], "plc", LegalFamily::JointStock),
    (&["as"], "as", LegalFamily::JointStock),
    (&["asa"], "asa", LegalFamily::JointStock),
    (&["ab"], "ab", LegalFamily::JointStock),
    (&["oy"], "oy", LegalFamily::JointStock),
    (&["oyj"], "oyj", LegalFamily::JointStock),
    (&["kk"], "kk", LegalFamily::JointStock),
    (&["se"], "se", LegalFamily::JointStock),
    (&["kgaa"], "kgaa", LegalFamily::JointStock),
    (&["bhd"], "bhd", LegalFamily::JointStock),
    (&["berhad"], "bhd", LegalFamily::JointStock),
    (&["tbk"], "tbk", LegalFamily::JointStock),
    (&["pt"], "pt", LegalFamily::JointStock),
    (&["zrt"], "zrt", LegalFamily::JointStock),
    (&["nyrt"], "nyrt", LegalFamily::JointStock),
    (&["ad"], "ad", LegalFamily::JointStock),
    (&["dd"], "dd", LegalFamily::JointStock),
    (&["sae"], "sae", LegalFamily::JointStock),
    (&["saog"], "saog", LegalFamily::JointStock),
    (&["inc"], "inc", LegalFamily::Corporation),
    (&["incorporated"], "inc", LegalFamily::Corporation),
    (&["corp"], "corp", LegalFamily::Corporation),
    (&["corporation"], "corp", LegalFamily::Corporation),
    (&["co"], "co", LegalFamily::Corporation),
    (&["company"], "co", LegalFamily::Corporation),
    (&["llp"], "llp", LegalFamily::Partnership),
    (&["lp"], "lp", LegalFamily::Partnership),
    (&["kg"], "kg", LegalFamily::Partnership),
    (&["ohg"], "ohg", LegalFamily::Partnership),
    (&["snc"], "snc", LegalFamily::Partnership),
    (&["ip"], "ip", LegalFamily::Other),
    (&["fze"], "fze", LegalFamily::Other),
    (&["ek"], "ek", LegalFamily::Other),
];

/// Abbreviations, spelling variants and plurals folded to one form.
const FOLD: &[(&str, &str)] = &[
    ("intl", "international"),
    ("internat", "international"),
    ("int", "international"),
    ("mfg", "manufacturing"),
    ("manuf", "manufacturing"),
    ("hldgs", "holding"),
    ("hldg", "holding"),
    ("holdings", "holding"),
    ("grp", "group"),
    ("svcs", "service"),
    ("svc", "service"),
    ("services", "service"),
    ("tech", "technology"),
    ("technologies", "technology"),
    ("techn", "technology"),
    ("inds", "industry"),
    ("ind", "industry"),
    ("industries", "industry"),
    ("industrial", "industry"),
    ("enterprises", "enterprise"),
    ("ent", "enterprise"),
    ("bros", "brother"),
    ("brothers", "brother"),
    ("natl", "national"),
    ("nat", "national"),
    ("assn", "association"),
    ("assoc", "association"),
    ("mgmt", "management"),
    ("engg", "engineering"),
    ("eng", "engineering"),
    ("constr", "construction"),
    ("dept", "department"),
    ("dist", "distribution"),
    ("distr", "distribution"),
    ("systems", "system"),
    ("sys", "system"),
    ("solutions", "solution"),
    ("products", "product"),
    ("prods", "product"),
    ("resources", "resource"),
    ("partners", "partner"),
    ("communications", "communication"),
    ("comms", "communication"),
    ("electronics", "electronic"),
    ("textiles", "textile"),
    ("garments", "garment"),
    ("metals", "metal"),
    ("minerals", "mineral"),
    ("foods", "food"),
    ("chemicals", "chemical"),
    ("chem", "chemical"),
    ("pharmaceuticals", "pharmaceutical"),
    ("pharma", "pharmaceutical"),
    ("ventures", "venture"),
    ("investments", "investment"),
    ("invest", "investment"),
    ("exports", "export"),
    ("imports", "import"),
    ("exp", "export"),
    ("imp", "import"),
    ("motors", "motor"),
    ("mining", "mining"),
    ("logistic", "logistics"),
    ("ctr", "center"),
    ("centre", "center"),
    ("st", "saint"),
    ("ste", "sainte"),
    ("mt", "mount"),
    ("univ", "university"),
    ("cooperative", "coop"),
    ("co-op", "coop"),
];

/// Words dropped everywhere (articles and conjunctions in common languages).
const STOP: &[&str] = &[
    "the", "and", "of", "und", "et", "de", "del", "des", "du", "la", "le", "el", "les", "der",
];

/// Common business words: they weigh less than distinctive words in token scores.
const GENERIC: &[&str] = &[
    "international",
    "global",
    "general",
    "trading",
    "trade",
    "trader",
    "group",
    "holding",
    "industry",
    "service",
    "enterprise",
    "company",
    "import",
    "export",
    "logistics",
    "manufacturing",
    "technology",
    "system",
    "solution",
    "product",
    "resource",
    "partner",
    "investment",
    "venture",
    "national",
    "development",
    "management",
    "consulting",
    "capital",
    "textile",
    "garment",
    "apparel",
    "electronic",
    "metal",
    "mineral",
    "food",
    "chemical",
    "engineering",
    "construction",
    "distribution",
    "supply",
    "shipping",
    "transport",
    "energy",
    "oil",
    "gas",
    "petroleum",
    "mining",
    "agro",
    "agriculture",
    "new",
    "first",
    "united",
    "star",
    "world",
    "asia",
    "euro",
    "europe",
    "america",
    "american",
    "africa",
    "china",
    "sino",
    "pacific",
    "east",
    "west",
    "north",
    "south",
    "central",
    "eastern",
    "western",
    "northern",
    "southern",
    "middle",
    "overseas",
    "trust",
    "bank",
    "finance",
    "financial",
    "commercial",
    "business",
    "network",
    "media",
    "marine",
    "maritime",
    "power",
    "steel",
    "cotton",
    "fabric",
    "sea",
    "land",
    "air",
    "line",
    "lines",
    "center",
    "office",
    "factory",
    "plant",
    "works",
    "brother",
    "son",
    "sons",
    "mill",
    "mills",
    "associate",
    "associates",
    "agency",
    "corporate",
    "fashion",
    "design",
    "home",
    "house",
    "city",
    "royal",
    "golden",
    "gold",
    "green",
    "blue",
    "red",
    "silver",
    "best",
    "prime",
    "premier",
    "standard",
    "universal",
    "modern",
    "smart",
    "digital",
    "auto",
    "motor",
    "machinery",
    "equipment",
    "material",
    "plastic",
    "paper",
    "wood",
    "stone",
    "build",
    "building",
    "property",
    "estate",
    "real",
    "hotel",
    "travel",
    "medical",
    "health",
    "pharmaceutical",
    "coop",
    "association",
    "foundation",
    "institute",
    "university",
    "ministry",
    "department",
    "authority",
    "council",
    "federal",
    "state",
    "regional",
    "local",
    "public",
    "private",
    "joint",
    "stock",
    "limited",
    "liability",
    "open",
    "closed",
    "communication",
    "telecom",
    "software",
    "data",
    "info",
    "tech",
    "link",
    "point",
    "one",
    "plus",
    "pro",
];

/// True when a matching key is a common business word.
#[must_use]
pub fn is_generic(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| GENERIC.iter().map(|w| phonetic_key(w)).collect())
        .contains(key)
}

/// Normalises one name.
#[must_use]
pub fn normalize_name(raw: &str) -> NormalizedName {
    let nfkc: String = raw.nfkc().collect();
    let abjad = nfkc.chars().any(|c| {
        matches!(c as u32, 0x0590..=0x05FF | 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
    });
    let mut legal_forms = Vec::new();
    // Native CJK legal forms are removed before transliteration (they carry no spaces).
    let mut text = nfkc;
    for (form, canonical, family) in CJK_FORMS {
        if text.contains(form) {
            text = text.replace(form, " ");
            legal_forms.push(LegalForm {
                text: (*form).to_string(),
                canonical,
                family: *family,
            });
        }
    }
    let ascii = transliterate(&split_dotted_words(&text));
    let mut tokens = tokenize(&ascii);
    strip_legal_forms(&mut tokens, &mut legal_forms);
    strip_misspelt_legal_form(&mut tokens, &mut legal_forms);
    let mut display_tokens: Vec<String> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let folded = fold(&t);
        if STOP.contains(&folded) {
            continue;
        }
        display_tokens.push(folded.to_string());
    }
    if display_tokens.is_empty() {
        // A name made only of a legal form or stop words keeps them as its name.
        display_tokens = tokenize(&ascii);
    }
    let keys = display_tokens.iter().map(|t| phonetic_key(t)).collect();
    NormalizedName {
        display: display_tokens.join(" "),
        tokens: keys,
        legal_forms,
        abjad,
    }
}

/// Transliterates to ASCII lower case, one CJK syllable per token, and removes the marks that
/// never separate words (dots, apostrophes, soft signs).
fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            push_ascii_char(&mut out, c);
            continue;
        }
        let t = any_ascii::any_ascii_char(c);
        let cjk = is_cjk(c);
        if cjk {
            out.push(' ');
        }
        if t.is_empty() {
            // Unknown symbol: a separator, unless it is a letter-like mark.
            let s = c.encode_utf8(&mut buf);
            if !s.chars().all(char::is_alphanumeric) {
                out.push(' ');
            }
        }
        for tc in t.chars() {
            push_ascii_char(&mut out, tc);
        }
        if cjk {
            out.push(' ');
        }
    }
    out
}

/// `Golden.Lotus` is two words, `S.A.` and `Co.` are not: a dot between two letters becomes a
/// space when the word before it has at least two letters.
fn split_dotted_words(text: &str) -> String {
    if !text.contains('.') {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut run = 0usize; // letters since the last non-letter
    for (i, &c) in chars.iter().enumerate() {
        if c == '.' && run >= 2 && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            let mut next_run = 0;
            while chars
                .get(i + 1 + next_run)
                .is_some_and(|n| n.is_alphabetic())
            {
                next_run += 1;
            }
            if next_run >= 2 {
                out.push(' ');
                run = 0;
                continue;
            }
        }
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        out.push(c);
    }
    out
}

fn push_ascii_char(out: &mut String, c: char) {
    match c {
        '.' | '\'' | '`' | '"' => {}
        '&' | '+' => out.push_str(" and "),
        c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
        _ => out.push(' '),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF)
        && !matches!(c as u32, 0x3040..=0x30FF) // kana words stay joined
}

fn tokenize(ascii: &str) -> Vec<String> {
    ascii.split_whitespace().map(str::to_string).collect()
}

/// Removes legal forms at the start and at the end of the token list (a form inside a name,
/// such as `SA` in `SA Recycling Group`, stays when removing it would leave nothing).
fn strip_legal_forms(tokens: &mut Vec<String>, found: &mut Vec<LegalForm>) {
    // Trailing forms (repeatedly: `Co., Ltd.` then `Inc`), then leading ones (`OOO`, `PT`).
    while let Some((n, canonical, family)) = match_form_at_end(tokens) {
        if n >= tokens.len() {
            break;
        }
        let text = tokens.split_off(tokens.len() - n).join(" ");
        found.push(LegalForm {
            text,
            canonical,
            family,
        });
    }
    while let Some((n, canonical, family)) = match_form_at_start(tokens) {
        if n >= tokens.len() {
            break;
        }
        let text = tokens.drain(..n).collect::<Vec<_>>().join(" ");
        found.push(LegalForm {
            text,
            canonical,
            family,
        });
    }
}

fn match_form_at_end(tokens: &[String]) -> Option<(usize, &'static str, LegalFamily)> {
    TOKEN_FORMS.iter().find_map(|(seq, canonical, family)| {
        let n = seq.len();
        (tokens.len() >= n
            && tokens[tokens.len() - n..]
                .iter()
                .zip(seq.iter())
                .all(|(a, b)| a == b))
        .then_some((n, *canonical, *family))
    })
}

fn match_form_at_start(tokens: &[String]) -> Option<(usize, &'static str, LegalFamily)> {
    TOKEN_FORMS.iter().find_map(|(seq, canonical, family)| {
        let n = seq.len();
        // Only unambiguous prefixes: Russian/Ukrainian/Indonesian forms and long forms.
        let prefix_ok = n > 1
            || matches!(
                *canonical,
                "ooo"
                    | "oao"
                    | "zao"
                    | "pao"
                    | "ao"
                    | "jsc"
                    | "ojsc"
                    | "cjsc"
                    | "pjsc"
                    | "tov"
                    | "too"
                    | "pt"
                    | "pat"
                    | "prat"
                    | "ip"
                    | "kk"
                    | "llc"
            );
        (prefix_ok && tokens.len() >= n && tokens[..n].iter().zip(seq.iter()).all(|(a, b)| a == b))
            .then_some((n, *canonical, *family))
    })
}

fn fold(token: &str) -> &str {
    FOLD.iter()
        .find(|(from, _)| *from == token)
        .map_or_else(|| fold_misspelt(token).unwrap_or(token), |(_, to)| to)
}

/// Fold sources this long or longer also fold when misspelt by one edit.
const FUZZY_FOLD_MIN: usize = 7;

/// The fold target of a token one edit (OSA) away from a long fold source: `Indusiries` →
/// `industry`, `Garmnets` → `garment`. Without it a typo inside a folded word is two or more
/// edits from the folded form of the correct spelling.
fn fold_misspelt(token: &str) -> Option<&'static str> {
    if token.len() + 1 < FUZZY_FOLD_MIN || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Deletion neighbourhoods of the long fold sources (SymSpell): a token and a source one edit
    // apart share a deletion (or one is a deletion of the other).
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<String, Vec<usize>>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (i, (from, to)) in FOLD.iter().enumerate() {
            if from.len() < FUZZY_FOLD_MIN || from == to {
                continue;
            }
            m.entry((*from).to_string()).or_default().push(i);
            for d in 0..from.len() {
                let mut s = (*from).to_string();
                s.remove(d);
                m.entry(s).or_default().push(i);
            }
        }
        m
    });
    let probe = |p: &str| -> Option<&'static str> {
        index.get(p)?.iter().find_map(|&i| {
            let (from, to) = FOLD[i];
            (from != token && strsim::osa_distance(from, token) == 1).then_some(to)
        })
    };
    if let Some(t) = probe(token) {
        return Some(t);
    }
    (0..token.len()).find_map(|d| {
        let mut s = token.to_string();
        s.remove(d);
        probe(&s)
    })
}

/// Long single-word legal forms that are also recognised with a one-letter typo at the end of a
/// name (`Knitting Compny`).
const MISSPELT_FORMS: &[(&str, &str, LegalFamily)] = &[
    ("limited", "ltd", LegalFamily::LimitedLiability),
    ("company", "co", LegalFamily::Corporation),
    ("corporation", "corp", LegalFamily::Corporation),
    ("incorporated", "inc", LegalFamily::Corporation),
    ("aktiengesellschaft", "ag", LegalFamily::JointStock),
];

fn strip_misspelt_legal_form(tokens: &mut Vec<String>, found: &mut Vec<LegalForm>) {
    if tokens.len() < 2 {
        return;
    }
    let Some(last) = tokens.last() else { return };
    if last.len() < 6 || fold(last) != last.as_str() {
        return;
    }
    if let Some((_, canonical, family)) = MISSPELT_FORMS
        .iter()
        .find(|(form, _, _)| strsim::osa_distance(form, last) == 1)
    {
        let text = tokens.pop().unwrap_or_default();
        found.push(LegalForm {
            text,
            canonical,
            family: *family,
        });
    }
}

/// A light phonetic key that merges common transliteration variants of one token:
/// `ks`→`x`, `kh`→`h`, `ph`→`f`, `ck`→`k`, `sch`/`sh`→`s`, `tch`/`tsch`→`ch`, `ts`/`tz`→`c`,
/// `ou`/`ue`→`u`, `oe`→`o`, hard `c`→`k`, `y`/`j`→`i`, `w`→`v`, `q`→`k`, doubled letters single.
///
/// The rules are applied until nothing changes (at most three passes), so that a key is its own
/// key: a letter-by-letter transliteration such as `pkharmatseutitsals` reaches the same key as
/// `pharmaceuticals`.
#[must_use]
pub fn phonetic_key(token: &str) -> String {
    let mut k = phonetic_pass(token);
    if k == token {
        return k;
    }
    for _ in 0..2 {
        let next = phonetic_pass(&k);
        if next == k {
            break;
        }
        k = next;
    }
    k
}

fn phonetic_pass(token: &str) -> String {
    if token.len() <= 2 || token.bytes().all(|b| b.is_ascii_digit()) {
        return token.to_string();
    }
    let b = token.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (emit, adv): (&[u8], usize) = if rest.starts_with(b"tsch") {
            (b"ch", 4)
        } else if rest.starts_with(b"sch") || rest.starts_with(b"tch") {
            (if rest[0] == b's' { b"s" } else { b"ch" }, 3)
        } else if rest.starts_with(b"ght") {
            // A silent `gh` (`bright` = `brite` but for the final `e`).
            (b"t", 3)
        } else if rest.starts_with(b"ks") {
            (b"x", 2)
        } else if rest.starts_with(b"kh") {
            (b"h", 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else if rest.starts_with(b"ck") {
            (b"k", 2)
        } else if rest.starts_with(b"sh") {
            (b"s", 2)
        } else if rest.starts_with(b"ts") || rest.starts_with(b"tz") {
            (b"c", 2)
        } else if rest.starts_with(b"ou") {
            (b"u", 2)
        } else if (rest.starts_with(b"ue") || rest.starts_with(b"oe"))
            && rest.get(2).is_some_and(|c| !b"aeiouy".contains(c))
        {
            // German `ue`/`oe` for ü/ö (`Mueller`), not a final `-oe`.
            (if rest[0] == b'u' { b"u" } else { b"o" }, 2)
        } else if i > 0 && rest.starts_with(b"yo") {
            // Russian ё written `yo` or `e` (`Shchyolkovo`, `Shchelkovo`).
            (b"e", 2)
        } else {
            let c = match rest[0] {
                b'y' | b'j' => b'i',
                b'w' => b'v',
                b'q' => b'k',
                // A hard `c` (before a, o, u) is a `k`: `Sovcomflot` = `Sovkomflot`.
                b'c' if matches!(rest.get(1), Some(b'a' | b'o' | b'u')) => b'k',
                c => c,
            };
            out.push(c);
            i += 1;
            continue;
        };
        out.extend_from_slice(emit);
        i += adv;
    }
    out.dedup();
    String::from_utf8(out).unwrap_or_else(|_| token.to_string())
}

/// The consonant skeleton of a key (vowels dropped), for names from scripts without short
/// vowels: `rasid` → `rsd`.
#[must_use]
pub fn skeleton(key: &str) -> String {
    let mut s: String = key
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .collect();
    if s.is_empty() {
        s = key.to_string();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        normalize_name(s).display
    }

    fn forms(s: &str) -> Vec<&'static str> {
        normalize_name(s)
            .legal_forms
            .iter()
            .map(|f| f.canonical)
            .collect()
    }

    #[test]
    fn legal_forms_across_languages() {
        assert_eq!(d("ACME Logistics GmbH"), "acme logistics");
        assert_eq!(forms("ACME Logistics GmbH"), ["gmbh"]);
        assert_eq!(
            d("Shenzhen Foo Electronics Co., Ltd."),
            "shenzhen foo electronic"
        );
        assert_eq!(forms("Shenzhen Foo Electronics Co., Ltd."), ["co-ltd"]);
        assert_eq!(d("Tekstil Üretim A.Ş."), "tekstil uretim");
        assert_eq!(forms("Tekstil Üretim A.Ş."), ["as"]);
        assert_eq!(d("ООО «Ромашка»"), "romashka");
        assert_eq!(forms("OOO Romashka"), ["ooo"]);
        assert_eq!(d("ПАО Газпром"), "gazprom");
        assert_eq!(
            d("Общество с ограниченной ответственностью «Ромашка»"),
            "romashka"
        );
        assert_eq!(forms("Публичное акционерное общество «Газпром»"), ["pao"]);
        assert_eq!(forms("АО «Концерн Калашников»"), ["ao"]);
        assert_eq!(d("Banco Santander, S.A."), "banco santander");
        assert_eq!(d("Fratelli Rossi S.p.A."), "fratelli rossi");
        assert_eq!(d("Philips B.V."), "philips");
        assert_eq!(d("Siemens AG"), "siemens");
        assert_eq!(d("Acme Widgets PLC"), "acme widgets");
        assert_eq!(d("Acme, Inc."), "acme");
        assert_eq!(d("Acme Corp"), "acme");
        assert_eq!(d("Société Générale SARL"), "societe generale");
        assert_eq!(d("Tata Steel Pvt. Ltd."), "tata steel");
        assert_eq!(d("Petronas Sdn. Bhd."), "petronas");
        assert_eq!(d("PT Astra International Tbk"), "astra international");
        assert_eq!(d("トヨタ自動車株式会社"), d("トヨタ自動車"));
        assert_eq!(forms("トヨタ自動車株式会社"), ["kk"]);
        assert_eq!(forms("华为技术有限公司"), ["co-ltd"]);
        assert_eq!(d("Polska Grupa Sp. z o.o."), "polska grupa");
    }

    #[test]
    fn a_bare_legal_form_stays_a_name() {
        assert_eq!(d("Limited"), "limited");
        assert_eq!(d("SA"), "sa");
    }

    #[test]
    fn transliteration_and_diacritics() {
        assert_eq!(d("Рособоронэкспорт"), "rosoboroneksport");
        assert_eq!(
            normalize_name("Рособоронэкспорт").tokens,
            normalize_name("Rosoboronexport").tokens
        );
        assert_eq!(d("Ελληνικά Πετρέλαια"), "ellinika petrelaia");
        assert_eq!(d("Müller & Söhne"), "muller sohne");
        assert_eq!(d("北京华为"), "bei jing hua wei");
        assert_eq!(
            normalize_name("北京华为").compact(),
            normalize_name("Beijing Huawei").compact()
        );
        assert!(!d("شركة النفط").is_empty());
    }

    #[test]
    fn folds_abbreviations_and_plurals() {
        assert_eq!(d("Acme Intl. Hldgs"), "acme international holding");
        assert_eq!(d("Smith Bros Mfg"), "smith brother manufacturing");
        assert_ne!(d("Acme Trading"), d("Acme Trade"));
    }

    #[test]
    fn phonetic_keys() {
        assert_eq!(phonetic_key("yuri"), phonetic_key("jury"));
        assert_eq!(phonetic_key("khodorkovsky"), phonetic_key("hodorkovski"));
        assert_eq!(phonetic_key("tsvetkov"), phonetic_key("cvetkov"));
        assert_ne!(phonetic_key("trading"), phonetic_key("trade"));
    }

    #[test]
    fn common_word_names() {
        assert!(normalize_name("International Trading Company").is_common_words());
        assert!(!normalize_name("Zebra Trading Company").is_common_words());
    }
}
