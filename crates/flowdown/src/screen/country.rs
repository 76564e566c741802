//! Country names and codes: ISO 3166-1 alpha-2 from English names, CLDR and UNTERM short names,
//! the ILAB list's spellings and common informal names (`USA`, `UK`, `Turkey`, `Burma`).
//! The table is `data/countries.csv`, generated from datasets/country-codes (ODC-PDDL).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/countries.csv");

/// Informal names not in the table.
const EXTRA: &[(&str, &str)] = &[
    ("usa", "US"),
    ("united states", "US"),
    ("america", "US"),
    ("uk", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("turkey", "TR"),
    ("turkiye", "TR"),
    ("burma", "MM"),
    ("russia", "RU"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("republic of korea", "KR"),
    ("north korea", "KP"),
    ("dprk", "KP"),
    ("vietnam", "VN"),
    ("iran", "IR"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("ivory coast", "CI"),
    ("cote divoire", "CI"),
    ("drc", "CD"),
    ("dr congo", "CD"),
    ("congo kinshasa", "CD"),
    ("congo brazzaville", "CG"),
    ("kyrgyz republic", "KG"),
    ("swaziland", "SZ"),
    ("macedonia", "MK"),
    ("taiwan", "TW"),
    ("hong kong", "HK"),
    ("macau", "MO"),
    ("palestine", "PS"),
    ("uae", "AE"),
    ("emirates", "AE"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
];

fn key(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in any_ascii::any_ascii(name).chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '.' {
        } else {
            s.push(' ');
        }
    }
    let s = s.replace(" the ", " ");
    let mut out: Vec<&str> = s.split_whitespace().collect();
    if out.last() == Some(&"the") {
        out.pop();
    }
    out.join(" ")
}

struct Countries {
    by_name: FxHashMap<String, &'static str>,
    codes: FxHashMap<&'static str, &'static str>,
}

fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let mut by_name = FxHashMap::default();
        let mut codes = FxHashMap::default();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let mut parts = line.splitn(3, ',');
            let (Some(a2), Some(a3), Some(names)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let names = names.trim_matches('"');
            codes.insert(a2, names.split('|').next().unwrap_or(a2));
            by_name.insert(a3.to_ascii_lowercase(), a2);
            for n in names.split('|') {
                by_name.insert(key(n), a2);
            }
        }
        for (n, a2) in EXTRA {
            if let Some((code, _)) = codes.get_key_value(a2) {
                by_name.insert((*n).to_string(), *code);
            }
        }
        Countries { by_name, codes }
    })
}

/// The ISO 3166-1 alpha-2 code of a code (any case), alpha-3 code or English country name.
#[must_use]
pub fn country_code(name: &str) -> Option<&'static str> {
    let t = name.trim();
    let c = countries();
    if t.len() == 2 {
        let up = t.to_ascii_uppercase();
        return c.codes.get_key_value(up.as_str()).map(|(k, _)| *k);
    }
    c.by_name.get(&key(t)).copied()
}

/// The English name of an alpha-2 code.
#[must_use]
pub fn country_name(code: &str) -> Option<&'static str> {
    countries().codes.get(code).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_names_and_codes() {
        assert_eq!(country_code("de"), Some("DE"));
        assert_eq!(country_code("DEU"), Some("DE"));
        assert_eq!(country_code("Germany"), Some("DE"));
        assert_eq!(country_code("USA"), Some("US"));
        assert_eq!(country_code(" United Kingdom"), Some("GB"));
        assert_eq!(country_code("Côte d’Ivoire"), Some("CI"));
        assert_eq!(country_code("Côte d'Ivoire"), Some("CI"));
        assert_eq!(
            country_code("Congo, Democratic Republic of the"),
            Some("CD")
        );
        assert_eq!(country_code("Turkey (Türkiye)"), Some("TR"));
        assert_eq!(country_code("Kyrgyz Republic"), Some("KG"));
        assert_eq!(country_code("Burma"), Some("MM"));
        assert_eq!(country_code("XX"), None);
        assert_eq!(country_code("Atlantis"), None);
        assert_eq!(country_name("TR"), Some("Türkiye"));
    }
}
