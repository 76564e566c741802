//! Sub-contractors named in contract text, for `undeclared-subcontractor-in-contract`.
//!
//! Deliberately simple: a line that mentions a sub-contractor (`subcontract…`,
//! `sub-contract…`), and the lines of the same paragraph or list after it, are searched for
//! organisation names ending in a legal-form suffix (`GmbH`, `Ltd`, `A.S.`, `S.A.`, `LLC`,
//! …). Names without such a suffix are not found; a named organisation that is not a
//! sub-contractor (a bank in the same paragraph) can be.

use flowdown_ingest::ReadOptions;
use regex::Regex;
use std::path::Path;
use std::sync::OnceLock;

/// An organisation a contract names as a sub-contractor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSubcontractor {
    /// The contract file.
    pub document: String,
    /// 1-based line in the normalised text.
    pub line: usize,
    /// The name as written.
    pub name: String,
    /// The line's text.
    pub text: String,
}

const SUFFIX: &str = r"(?:GmbH|AG|KG|SE|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|PLC|plc|S\.A\.|SA|A\.S\.|A\.Ş\.|AŞ|B\.V\.|BV|N\.V\.|NV|S\.r\.l\.|SRL|S\.p\.A\.|SpA|SAS|S\.A\.S\.|Oy|AB|AS|A/S|ApS|Sp\. z o\.o\.|Co\.,? Ltd\.?|Corporation|Corp\.?|Company|Pty Ltd|LLP|JSC|OOO)";

fn name_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b((?:[A-Z0-9][\p{{L}}0-9&'.\-]*\s+){{0,5}}?[A-Z0-9][\p{{L}}0-9&'.\-]*,?\s+{SUFFIX})(?:[^\p{{L}}]|$)"
        ))
        .ok()
    })
    .as_ref()
}

fn mentions_subcontractor(line: &str) -> bool {
    let l = line.to_lowercase().replace(['-', ' '], "");
    l.contains("subcontract")
}

/// Organisation names near mentions of sub-contractors in `text`.
#[must_use]
pub fn names_in_text(document: &str, text: &str) -> Vec<NamedSubcontractor> {
    let Some(re) = name_re() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            in_block = false;
            continue;
        }
        if mentions_subcontractor(line) {
            in_block = true;
        }
        if !in_block {
            continue;
        }
        for c in re.captures_iter(line) {
            if let Some(m) = c.get(1) {
                let name = m.as_str().trim().trim_end_matches(',').to_owned();
                // Skip the defined-term roles themselves ("the Sub-contractor Ltd" is rare).
                out.push(NamedSubcontractor {
                    document: document.to_owned(),
                    line: i + 1,
                    name,
                    text: line.trim().to_owned(),
                });
            }
        }
    }
    out
}

/// Reads a contract and returns the sub-contractors it names (nothing when unreadable: the
/// contract itself is checked by `flowdown check`).
#[must_use]
pub fn named_subcontractors(path: &Path, opts: &ReadOptions) -> Vec<NamedSubcontractor> {
    match flowdown_ingest::read_path(path, opts) {
        Ok(doc) => names_in_text(&path.display().to_string(), &doc.text),
        Err(_) => Vec::new(),
    }
}

/// Name without legal-form suffix, case and punctuation, for comparison.
#[must_use]
pub fn comparable(name: &str) -> String {
    const FORMS: [&str; 30] = [
        "gmbh",
        "ag",
        "kg",
        "se",
        "ltd",
        "limited",
        "llc",
        "inc",
        "plc",
        "sa",
        "as",
        "bv",
        "nv",
        "srl",
        "spa",
        "sas",
        "oy",
        "ab",
        "aps",
        "sp",
        "z",
        "oo",
        "co",
        "corporation",
        "corp",
        "company",
        "pty",
        "llp",
        "jsc",
        "ooo",
    ];
    let norm = crate::audit::rules::duplicate_party::normalise_name(name);
    norm.split(' ')
        .filter(|w| !FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{comparable, names_in_text};

    #[test]
    fn finds_named_subcontractors() {
        let text = "12. Sub-contractors\nThe Supplier may use the following sub-contractors:\n(a) Tekstil Uretim A.S. for fabric;\n(b) Dye Works GmbH for dyeing.\n\nPayment is made to Deutsche Bank AG.\n";
        let names: Vec<String> = names_in_text("c.txt", text)
            .into_iter()
            .map(|n| n.name)
            .collect();
        assert_eq!(names, vec!["Tekstil Uretim A.S.", "Dye Works GmbH"]);
        assert_eq!(
            comparable("Tekstil Uretim A.S."),
            comparable("TEKSTIL URETIM AS")
        );
    }
}
