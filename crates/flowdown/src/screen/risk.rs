//! The country × good risk table.
//!
//! Built in: the US Department of Labor (ILAB) *List of Goods Produced by Child Labor or Forced
//! Labor*, 2022 edition (public domain, US Government work), as `data/ilab_2022.csv`, generated
//! by `scripts/gen_screen_tables.py` from `shared/supplychain/risk/`. Every ILAB country name is
//! mapped to its ISO 3166-1 alpha-2 code. A user table (CSV `country,good` plus optional
//! `child_labor,forced_labor,forced_child_labor,source`) can replace or extend it.
//!
//! ```
//! use flowdown::screen::risk::RiskTable;
//! let t = RiskTable::builtin();
//! let hits = t.lookup("CN", "cotton fabric");
//! assert!(hits.iter().any(|h| h.entry.good == "Cotton" && h.entry.forced_labor));
//! assert!(t.lookup("CN", "Apparel").iter().any(|h| h.entry.good == "Garments"));
//! ```

use super::country::country_code;
use flowdown_core::{Error, ErrorKind, Result};
use serde::Serialize;
use std::path::Path;
use std::sync::OnceLock;

const ILAB_2022: &str = include_str!("../../data/ilab_2022.csv");

/// Attribution of the built-in table.
pub const ILAB_SOURCE: &str = "US Department of Labor, Bureau of International Labor Affairs: \
List of Goods Produced by Child Labor or Forced Labor, 2022 edition (public domain)";

/// One row: a good from a country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskEntry {
    /// The good as the table writes it (`Cotton`, `Garments`).
    pub good: String,
    /// The country as the table writes it.
    pub country: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// Produced with child labour.
    pub child_labor: bool,
    /// Produced with forced labour.
    pub forced_labor: bool,
    /// Produced with forced child labour.
    pub forced_child_labor: bool,
    /// A good whose risk comes from an input produced elsewhere (e.g. batteries from cobalt).
    pub derived_input: bool,
    /// The input's country, for derived goods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_country: Option<String>,
    /// Where the row comes from (`ILAB 2022` or the user's file).
    pub source: String,
    /// Edition year, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

impl RiskEntry {
    /// `child labor`, `forced labor`, … as a short list.
    #[must_use]
    pub fn labour(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.child_labor {
            v.push("child labor");
        }
        if self.forced_labor {
            v.push("forced labor");
        }
        if self.forced_child_labor {
            v.push("forced child labor");
        }
        if self.derived_input {
            v.push("derived from an input at risk");
        }
        v
    }
}

/// A hit of a lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskHit {
    /// The table row.
    pub entry: RiskEntry,
    /// The good as declared, normalised.
    pub declared_good: String,
    /// How it matched: `exact`, `synonym`, `contains`, `typo`.
    pub how: &'static str,
}

/// The table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RiskTable {
    /// Rows.
    pub entries: Vec<RiskEntry>,
    /// Where the rows come from, in order of addition.
    pub sources: Vec<String>,
}

/// Singular forms and synonyms of goods, folded to the ILAB wording.
const GOOD_FOLD: &[(&str, &str)] = &[
    ("apparel", "garment"),
    ("clothing", "garment"),
    ("clothes", "garment"),
    ("uniforms", "garment"),
    ("garments", "garment"),
    ("fabric", "textile"),
    ("fabrics", "textile"),
    ("cloth", "textile"),
    ("textiles", "textile"),
    ("yarn", "textile"),
    ("cacao", "cocoa"),
    ("gemstone", "gem"),
    ("gemstones", "gem"),
    ("gems", "gem"),
    ("bricks", "brick"),
    ("carpets", "carpet"),
    ("rugs", "carpet"),
    ("rug", "carpet"),
    ("diamonds", "diamond"),
    ("shoes", "footwear"),
    ("shoe", "footwear"),
    ("gloves", "glove"),
    ("berries", "berry"),
    ("beans", "bean"),
    ("nuts", "nut"),
    ("tomatoes", "tomato"),
    ("potatoes", "potato"),
    ("cattle", "cattle"),
    ("electronic", "electronics"),
    ("phone", "electronics"),
    ("phones", "electronics"),
    ("smartphones", "electronics"),
    ("batteries", "battery"),
    ("panels", "panel"),
    ("fireworks", "firework"),
    ("matches", "match"),
    ("toys", "toy"),
    ("bananas", "banana"),
    ("olives", "olive"),
    ("peppers", "pepper"),
    ("onions", "onion"),
    ("melons", "melon"),
    ("strawberries", "strawberry"),
    ("grapes", "grape"),
    ("beads", "bead"),
    ("flowers", "flower"),
    ("fish", "fish"),
    ("shrimp", "shrimp"),
    ("prawns", "shrimp"),
    ("prawn", "shrimp"),
    ("stones", "stone"),
    ("hides", "hide"),
    ("leather", "leather"),
    ("wafers", "wafer"),
    ("extrusions", "extrusion"),
    ("poles", "pole"),
    ("products", "product"),
    ("crops", "crop"),
];

/// Words that say nothing about the good.
const GOOD_STOP: &[&str] = &[
    "and", "of", "the", "raw", "goods", "good", "product", "products", "other", "for",
];

/// Normalises a good: ASCII lower case, singular, synonyms folded, sorted tokens.
#[must_use]
pub fn normalize_good(good: &str) -> Vec<String> {
    let ascii = any_ascii::any_ascii(good).to_ascii_lowercase();
    let mut out: Vec<String> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty() && !GOOD_STOP.contains(t))
        .map(|t| {
            if let Some((_, to)) = GOOD_FOLD.iter().find(|(f, _)| *f == t) {
                (*to).to_string()
            } else if t.len() > 4 && t.ends_with('s') && !t.ends_with("ss") {
                t[..t.len() - 1].to_string()
            } else {
                t.to_string()
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "x" => Some(true),
        "false" | "no" | "n" | "0" | "" => Some(false),
        _ => None,
    }
}

/// The ways a listed good can be named: `Cobalt ore (heterogenite)` is also `heterogenite`
/// and `cobalt`.
fn good_variants(good: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let (main, paren) = match (good.find('('), good.rfind(')')) {
        (Some(a), Some(b)) if a < b => (
            format!("{}{}", &good[..a], &good[b + 1..]),
            Some(&good[a + 1..b]),
        ),
        _ => (good.to_string(), None),
    };
    let m = normalize_good(&main);
    if m.len() > 1 && m.iter().any(|t| t == "ore") {
        out.push(m.iter().filter(|t| *t != "ore").cloned().collect());
    }
    out.push(m);
    if let Some(p) = paren {
        out.push(normalize_good(p));
    }
    out.retain(|v| !v.is_empty());
    out
}

fn match_good(
    listed: &[String],
    declared: &[String],
    raw_declared: &[String],
    good: &str,
) -> Option<&'static str> {
    if listed == declared {
        let raw_listed = any_ascii::any_ascii(good).to_ascii_lowercase();
        Some(if raw_declared.join(" ") == raw_listed {
            "exact"
        } else {
            "synonym"
        })
    } else if listed.iter().all(|t| declared.contains(t)) {
        Some("contains")
    } else if listed.len() == 1
        && declared.len() == 1
        && listed[0].len() >= 5
        && strsim::osa_distance(&listed[0], &declared[0]) == 1
    {
        Some("typo")
    } else {
        None
    }
}

impl RiskTable {
    /// The built-in ILAB 2022 table (parsed once).
    #[must_use]
    pub fn builtin() -> Self {
        static T: OnceLock<RiskTable> = OnceLock::new();
        T.get_or_init(|| Self::parse_csv(ILAB_2022, "ILAB 2022", Some(2022)).unwrap_or_default())
            .clone()
    }

    /// An empty table.
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// Reads a user table.
    ///
    /// # Errors
    /// An unreadable file or a bad row (with its line).
    pub fn from_path(path: &Path) -> Result<Self> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, &e))?;
        Self::parse_csv(&text, &shown, None)
    }

    /// Adds the rows of another table.
    pub fn extend(&mut self, other: Self) {
        self.entries.extend(other.entries);
        self.sources.extend(other.sources);
    }

    /// Parses a CSV table with at least `country` and `good` columns.
    ///
    /// # Errors
    /// A bad header or row, with its line.
    pub fn parse_csv(text: &str, source: &str, year: Option<u16>) -> Result<Self> {
        let e =
            |line: u64, m: String| Error::new(ErrorKind::List, source, format!("line {line}: {m}"));
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|x| e(1, format!("bad header: {x}")))?
            .clone();
        let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
        let (Some(gc), Some(cc)) = (col("good"), col("country")) else {
            return Err(e(1, "the header needs `good` and `country` columns".into()));
        };
        let iso_c = col("iso2");
        let flags = [
            "child_labor",
            "forced_labor",
            "forced_child_labor",
            "derived_input",
        ]
        .map(col);
        let input_c = col("input_country");
        let src_c = col("source");
        let mut t = Self {
            entries: Vec::new(),
            sources: vec![if year.is_some() {
                ILAB_SOURCE.to_string()
            } else {
                source.to_string()
            }],
        };
        for rec in rdr.records() {
            let rec = rec.map_err(|x| {
                e(
                    x.position().map_or(0, csv::Position::line),
                    format!("bad CSV row: {x}"),
                )
            })?;
            let line = rec.position().map_or(0, csv::Position::line);
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("");
            let good = get(Some(gc));
            let country = get(Some(cc));
            if good.is_empty() || country.is_empty() {
                return Err(e(line, "`good` and `country` are required".into()));
            }
            let iso = get(iso_c);
            let iso2 = if iso.is_empty() {
                country_code(country)
            } else {
                country_code(iso)
            };
            let Some(iso2) = iso2 else {
                return Err(e(line, format!("unknown country {country:?}")));
            };
            let mut fl = [false; 4];
            for (i, c) in flags.iter().enumerate() {
                fl[i] = parse_bool(get(*c))
                    .ok_or_else(|| e(line, format!("{:?} is not true/false", get(*c))))?;
            }
            // A user row without any flag says "at risk" without saying which.
            if year.is_none() && flags.iter().all(Option::is_none) {
                fl[1] = true;
            }
            let input = get(input_c);
            let s = get(src_c);
            t.entries.push(RiskEntry {
                good: good.to_string(),
                country: country.to_string(),
                iso2: iso2.to_string(),
                child_labor: fl[0],
                forced_labor: fl[1],
                forced_child_labor: fl[2],
                derived_input: fl[3],
                input_country: (!input.is_empty()).then(|| input.to_string()),
                source: if !s.is_empty() {
                    s.to_string()
                } else if year.is_some() {
                    source.to_string()
                } else {
                    format!("{source}:{line}")
                },
                year,
            });
        }
        Ok(t)
    }

    /// Rows for a country (alpha-2 or name) whose good matches the declared good.
    #[must_use]
    pub fn lookup(&self, country: &str, good: &str) -> Vec<RiskHit> {
        let Some(iso) = country_code(country) else {
            return Vec::new();
        };
        let declared = normalize_good(good);
        if declared.is_empty() {
            return Vec::new();
        }
        let raw_declared: Vec<String> = any_ascii::any_ascii(good)
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        let mut hits = Vec::new();
        for e in self.entries.iter().filter(|e| e.iso2 == iso) {
            let Some(how) = good_variants(&e.good)
                .iter()
                .filter_map(|listed| match_good(listed, &declared, &raw_declared, &e.good))
                .min_by_key(|h| match *h {
                    "exact" => 0,
                    "synonym" => 1,
                    "contains" => 2,
                    _ => 3,
                })
            else {
                continue;
            };
            hits.push(RiskHit {
                entry: e.clone(),
                declared_good: declared.join(" "),
                how,
            });
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_complete() {
        let t = RiskTable::builtin();
        assert_eq!(t.entries.len(), 467);
        assert!(t.sources[0].contains("2022 edition"));
        let mut countries: Vec<&str> = t.entries.iter().map(|e| e.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        assert_eq!(countries.len(), 78);
        // Every ILAB country name resolves by itself, and to the code of the table.
        for e in &t.entries {
            assert_eq!(
                country_code(&e.country),
                Some(e.iso2.as_str()),
                "{}",
                e.country
            );
        }
        assert_eq!(t.entries.iter().filter(|e| e.derived_input).count(), 10);
    }

    #[test]
    fn generated_table_is_up_to_date() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/supplychain/risk/ilab_list_of_goods_2022.csv");
        let Ok(src) = std::fs::read_to_string(&shared) else {
            return; // shared/ not beside the repo
        };
        let rows = src.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(rows, RiskTable::builtin().entries.len());
    }

    #[test]
    fn lookups() {
        let t = RiskTable::builtin();
        let h = t.lookup("TR", "Garments");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].how, "exact");
        assert_eq!(t.lookup("Turkey", "apparel")[0].how, "synonym");
        assert_eq!(t.lookup("CN", "organic cotton")[0].how, "contains");
        assert!(t
            .lookup("CN", "uniform fabric")
            .iter()
            .any(|h| h.entry.good == "Textiles"));
        assert!(t.lookup("DE", "cotton").is_empty());
        assert!(t
            .lookup("CI", "cocoa beans")
            .iter()
            .any(|h| h.entry.good == "Cocoa"));
        assert!(t
            .lookup("Côte d'Ivoire", "cacao")
            .iter()
            .any(|h| h.entry.good == "Cocoa"));
        for g in ["cobalt ore", "cobalt", "Heterogenite", "cobalt ores"] {
            assert!(
                t.lookup("CD", g)
                    .iter()
                    .any(|h| h.entry.good == "Cobalt ore (heterogenite)"),
                "{g}"
            );
        }
        assert!(t.lookup("CN", "freight transport").is_empty());
    }

    #[test]
    fn user_tables_replace_or_extend() {
        let u = RiskTable::parse_csv(
            "country,good,source\nDE,Widgets,our audit 2025\n",
            "mine.csv",
            None,
        )
        .unwrap();
        assert_eq!(u.lookup("DE", "widget")[0].entry.source, "our audit 2025");
        let mut t = RiskTable::builtin();
        t.extend(u);
        assert!(!t.lookup("DE", "widgets").is_empty());
        let e =
            RiskTable::parse_csv("country,good\nAtlantis,Widgets\n", "mine.csv", None).unwrap_err();
        assert_eq!(e.message, "line 2: unknown country \"Atlantis\"");
        assert!(RiskTable::parse_csv("good\nx\n", "mine.csv", None).is_err());
    }
}
