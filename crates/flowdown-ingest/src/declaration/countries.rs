//! ISO 3166-1 alpha-2 codes and English names, built into the binary from
//! `data/country-codes.tsv` (generated from datasets/country-codes, ODC-PDDL-1.0).

use std::collections::HashMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../data/country-codes.tsv");

struct Table {
    alpha2: Vec<&'static str>,
    by_name: HashMap<String, &'static str>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut alpha2 = Vec::new();
        let mut by_name = HashMap::new();
        for line in TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(a2), Some(a3), names) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            alpha2.push(a2);
            by_name.insert(fold(a3), a2);
            for n in names.unwrap_or_default().split('|') {
                by_name.insert(fold(n), a2);
            }
        }
        alpha2.sort_unstable();
        Table { alpha2, by_name }
    })
}

fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
#[must_use]
pub fn is_alpha2(code: &str) -> bool {
    table().alpha2.binary_search(&code).is_ok()
}

/// Number of codes built in.
#[must_use]
pub fn count() -> usize {
    table().alpha2.len()
}

/// The alpha-2 code of an English country name, alpha-3 code or alpha-2 code
/// (`" United Kingdom"` → `GB`, `USA` → `US`), case- and space-insensitive.
#[must_use]
pub fn alpha2_of(name: &str) -> Option<&'static str> {
    let t = table();
    let up = name.trim().to_ascii_uppercase();
    if up.len() == 2 {
        if let Ok(i) = t.alpha2.binary_search(&up.as_str()) {
            return t.alpha2.get(i).copied();
        }
    }
    t.by_name.get(&fold(name)).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_and_names() {
        assert_eq!(super::count(), 249);
        assert!(super::is_alpha2("DE"));
        assert!(!super::is_alpha2("XX"));
        assert!(!super::is_alpha2("de"));
        assert_eq!(super::alpha2_of(" United Kingdom"), Some("GB"));
        assert_eq!(super::alpha2_of("Paraguay"), Some("PY"));
        assert_eq!(super::alpha2_of("USA"), Some("US"));
        assert_eq!(super::alpha2_of("Atlantis"), None);
    }
}
