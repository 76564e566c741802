//! Readers for the lists a user screens against. flowdown ships none of the restricted lists.
//!
//! - **CSV** with a header `name,aliases,country,identifiers,list,source` (only `name` is
//!   required; columns in any order): aliases and countries `;`-separated, identifiers
//!   `scheme:value` `;`-separated.
//! - **FollowTheMoney** entity JSON lines (`.json`, `.jsonl`, `.ndjson`, `.ftm`): one entity per
//!   line; schemata `Person`, `Company`, `Organization`, `LegalEntity` are read, other schemata
//!   (sanctions, addresses, vessels…) are counted as skipped.
//! - **Plain text**: one name per line; blank lines and `#` comments ignored.
//!
//! A bad row is an error naming the file and the line; nothing is skipped silently.

use super::country::country_code;
use flowdown_core::{Error, ErrorKind, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// An identifier: scheme (lower case, canonical) and value (upper case, separators removed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Identifier {
    /// Canonical scheme: `lei`, `registration`, `inn`, `ogrn`, `tax`, `duns`, `ncage`, `uei`,
    /// `gln`, `bic`, `imo`, `vat`, or the scheme as given.
    pub scheme: String,
    /// The value as compared.
    pub value: String,
}

impl Identifier {
    /// A normalised identifier.
    #[must_use]
    pub fn new(scheme: &str, value: &str) -> Self {
        Self {
            scheme: canonical_scheme(scheme),
            value: value
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect(),
        }
    }

    /// Parses `scheme:value`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let (scheme, value) = s.split_once(':')?;
        let id = Self::new(scheme.trim(), value.trim());
        (!id.scheme.is_empty() && !id.value.is_empty()).then_some(id)
    }

    /// `scheme:value`.
    #[must_use]
    pub fn key(&self) -> String {
        format!("{}:{}", self.scheme, self.value)
    }
}

/// Maps scheme spellings (FollowTheMoney property names, org-id style names) to one name.
#[must_use]
pub fn canonical_scheme(scheme: &str) -> String {
    let s: String = scheme
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match s.as_str() {
        "lei" | "leicode" | "xilei" => "lei",
        "registration" | "registrationnumber" | "regno" | "companynumber" | "register" => {
            "registration"
        }
        "inn" | "inncode" => "inn",
        "ogrn" | "ogrncode" => "ogrn",
        "tax" | "taxnumber" | "taxid" | "tin" => "tax",
        "vat" | "vatcode" | "vatnumber" => "vat",
        "duns" | "dunscode" => "duns",
        "ncage" | "cage" | "ncagecode" => "ncage",
        "uei" | "ueicode" => "uei",
        "gln" => "gln",
        "bic" | "swift" | "swiftbic" => "bic",
        "imo" | "imonumber" => "imo",
        "okpo" | "okpocode" => "okpo",
        other => return other.to_string(),
    }
    .to_string()
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListEntry {
    /// The entry's id: the FollowTheMoney id, or `file:line`.
    pub id: String,
    /// Primary name.
    pub name: String,
    /// Other names (aliases, weak aliases, previous names).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Identifiers.
    pub identifiers: Vec<Identifier>,
    /// The list's name (`list` column, FollowTheMoney dataset, or the file stem).
    pub list: String,
    /// Where the entry comes from (`source` column or FollowTheMoney source URL), if given.
    pub source: Option<String>,
    /// `file:line` of the entry.
    pub origin: String,
}

/// A list read from a file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScreeningList {
    /// The entries in file order.
    pub entries: Vec<ListEntry>,
    /// Entities of other FollowTheMoney schemata that were not read, by schema.
    pub skipped: BTreeMap<String, usize>,
}

/// The format of a list file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// CSV with a header.
    Csv,
    /// FollowTheMoney JSON lines.
    FtmJson,
    /// One name per line.
    Plain,
}

fn err(path: &str, line: usize, message: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::List, path, format!("line {line}: {message}"))
}

/// Reads a list file; the format is chosen by extension, then by content.
///
/// # Errors
/// An unreadable file, or the first bad row (with its line).
pub fn read_list(path: &Path) -> Result<ScreeningList> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::List,
            &shown,
            format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        )
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = detect_format(path, &text);
    parse_list(&text, &shown, &stem, format)
}

/// Chooses the format of a list from its extension, else its first line.
#[must_use]
pub fn detect_format(path: &Path, text: &str) -> ListFormat {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => ListFormat::Csv,
        "json" | "jsonl" | "ndjson" | "ftm" => ListFormat::FtmJson,
        "txt" | "lst" => ListFormat::Plain,
        _ => {
            let first = text
                .trim_start_matches('\u{feff}')
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            if first.trim_start().starts_with('{') {
                ListFormat::FtmJson
            } else if first
                .split(',')
                .next()
                .is_some_and(|h| h.trim().eq_ignore_ascii_case("name"))
            {
                ListFormat::Csv
            } else {
                ListFormat::Plain
            }
        }
    }
}

/// Parses list text.
///
/// # Errors
/// The first bad row, with its line.
pub fn parse_list(text: &str, path: &str, stem: &str, format: ListFormat) -> Result<ScreeningList> {
    let text = text.trim_start_matches('\u{feff}');
    match format {
        ListFormat::Csv => parse_csv(text, path, stem),
        ListFormat::FtmJson => parse_ftm(text, path, stem),
        ListFormat::Plain => Ok(parse_plain(text, path, stem)),
    }
}

fn parse_plain(text: &str, path: &str, stem: &str) -> ScreeningList {
    let mut list = ScreeningList::default();
    for (i, line) in text.lines().enumerate() {
        let name = line.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        list.entries.push(ListEntry {
            id: format!("{stem}:{}", i + 1),
            name: name.to_string(),
            aliases: Vec::new(),
            countries: Vec::new(),
            identifiers: Vec::new(),
            list: stem.to_string(),
            source: None,
            origin: format!("{path}:{}", i + 1),
        });
    }
    list
}

/// 1-based line numbers of byte offsets, counted forward once (the `csv` crate's own line count
/// is off by one on CRLF files).
pub(crate) struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The line of a byte offset at or after the previous one.
    pub(crate) fn line_at(&mut self, byte: u64) -> usize {
        let mut end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // On CRLF input the record starts at the `\n` that ends the previous line.
        while end < self.text.len() && matches!(self.text[end], b'\r' | b'\n') {
            end += 1;
        }
        if end > self.pos {
            self.line += self.text[self.pos..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.pos = end;
        }
        self.line
    }
}

/// Splits a `;`-separated cell into trimmed non-empty parts.
pub(crate) fn split_cell(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Resolves `;`-separated countries to alpha-2 codes.
pub(crate) fn parse_countries(cell: &str) -> std::result::Result<Vec<String>, String> {
    split_cell(cell)
        .map(|c| {
            country_code(c).map(str::to_string).ok_or_else(|| {
                format!("unknown country {c:?} (use an ISO 3166-1 alpha-2 code or English name)")
            })
        })
        .collect()
}

/// Parses `;`-separated `scheme:value` identifiers.
pub(crate) fn parse_identifiers(cell: &str) -> std::result::Result<Vec<Identifier>, String> {
    split_cell(cell)
        .map(|s| {
            Identifier::parse(s).ok_or_else(|| format!("identifier {s:?} is not `scheme:value`"))
        })
        .collect()
}

fn parse_csv(text: &str, path: &str, stem: &str) -> Result<ScreeningList> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| err(path, 1, format!("bad header: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(name_col) = col("name") else {
        return Err(err(
            path,
            1,
            "the header has no `name` column (expected name,aliases,country,identifiers,list,source)",
        ));
    };
    let known = [
        "name",
        "aliases",
        "country",
        "identifiers",
        "list",
        "source",
    ];
    if let Some(h) = headers
        .iter()
        .find(|h| !known.iter().any(|k| h.trim().eq_ignore_ascii_case(k)))
    {
        return Err(err(
            path,
            1,
            format!("unknown column {h:?}; choose from: {}", known.join(", ")),
        ));
    }
    let (aliases_col, country_col, ids_col, list_col, source_col) = (
        col("aliases"),
        col("country"),
        col("identifiers"),
        col("list"),
        col("source"),
    );
    let mut list = ScreeningList::default();
    let mut lines = LineCounter::new(text);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            err(path, line, format!("bad CSV row: {e}"))
        })?;
        let line = rec.position().map_or(0, |p| lines.line_at(p.byte()));
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("");
        let name = get(Some(name_col));
        if name.is_empty() {
            if rec.iter().all(str::is_empty) {
                continue;
            }
            return Err(err(path, line, "the `name` is empty"));
        }
        let countries = parse_countries(get(country_col)).map_err(|m| err(path, line, m))?;
        let identifiers = parse_identifiers(get(ids_col)).map_err(|m| err(path, line, m))?;
        let l = get(list_col);
        let s = get(source_col);
        list.entries.push(ListEntry {
            id: format!("{stem}:{line}"),
            name: name.to_string(),
            aliases: split_cell(get(aliases_col)).map(str::to_string).collect(),
            countries,
            identifiers,
            list: if l.is_empty() {
                stem.to_string()
            } else {
                l.to_string()
            },
            source: (!s.is_empty()).then(|| s.to_string()),
            origin: format!("{path}:{line}"),
        });
    }
    Ok(list)
}

const FTM_SCHEMATA: &[&str] = &[
    "Person",
    "Company",
    "Organization",
    "LegalEntity",
    "PublicBody",
];
const FTM_NAME_PROPS: &[&str] = &["alias", "weakAlias", "previousName", "abbreviation"];
const FTM_ID_PROPS: &[&str] = &[
    "leiCode",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "taxNumber",
    "vatCode",
    "dunsCode",
    "swiftBic",
    "okpoCode",
    "idNumber",
    "imoNumber",
    "uniqueEntityId",
    "npiCode",
];

fn parse_ftm(text: &str, path: &str, stem: &str) -> Result<ScreeningList> {
    let mut list = ScreeningList::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| err(path, n, format!("not a JSON object: {e}")))?;
        let Some(obj) = v.as_object() else {
            return Err(err(path, n, "not a JSON object"));
        };
        let Some(schema) = obj.get("schema").and_then(|s| s.as_str()) else {
            return Err(err(path, n, "the entity has no `schema`"));
        };
        if !FTM_SCHEMATA.contains(&schema) {
            *list.skipped.entry(schema.to_string()).or_default() += 1;
            continue;
        }
        let props = match obj.get("properties") {
            Some(serde_json::Value::Object(p)) => p,
            None => return Err(err(path, n, "the entity has no `properties`")),
            Some(_) => return Err(err(path, n, "`properties` is not an object")),
        };
        let strings = |key: &str| -> std::result::Result<Vec<String>, Error> {
            match props.get(key) {
                None => Ok(Vec::new()),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .map(|x| {
                        x.as_str().map(|s| s.trim().to_string()).ok_or_else(|| {
                            err(
                                path,
                                n,
                                format!("`properties.{key}` holds a non-string value"),
                            )
                        })
                    })
                    .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
                    .collect(),
                Some(_) => Err(err(path, n, format!("`properties.{key}` is not an array"))),
            }
        };
        let mut names = strings("name")?;
        if names.is_empty() {
            if let Some(c) = obj.get("caption").and_then(|c| c.as_str()) {
                names.push(c.to_string());
            }
        }
        if names.is_empty() {
            return Err(err(path, n, "the entity has no `name`"));
        }
        let name = names.remove(0);
        let mut aliases = names;
        for p in FTM_NAME_PROPS {
            aliases.extend(strings(p)?);
        }
        aliases.retain(|a| a != &name);
        aliases.dedup();
        let mut countries = Vec::new();
        for p in ["country", "jurisdiction", "mainCountry", "nationality"] {
            for c in strings(p)? {
                // FollowTheMoney uses lower-case alpha-2 and a few non-ISO codes (`suhh`, `csxx`),
                // which are not countries today and are left out.
                if let Some(code) = (c.len() == 2).then(|| country_code(&c)).flatten() {
                    if !countries.iter().any(|x: &String| x == code) {
                        countries.push(code.to_string());
                    }
                }
            }
        }
        let mut identifiers = Vec::new();
        for p in FTM_ID_PROPS {
            for v in strings(p)? {
                let id = Identifier::new(p, &v);
                if !id.value.is_empty() && !identifiers.contains(&id) {
                    identifiers.push(id);
                }
            }
        }
        let id = obj
            .get("id")
            .and_then(|x| x.as_str())
            .map_or_else(|| format!("{stem}:{n}"), str::to_string);
        let dataset = obj
            .get("datasets")
            .and_then(|d| d.as_array())
            .and_then(|d| d.first())
            .and_then(|d| d.as_str())
            .unwrap_or(stem)
            .to_string();
        let source = strings("sourceUrl")?.into_iter().next();
        list.entries.push(ListEntry {
            id,
            name,
            aliases,
            countries,
            identifiers,
            list: dataset,
            source,
            origin: format!("{path}:{n}"),
        });
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_list() {
        let t = "name,aliases,country,identifiers,list,source\n\
                 Acme Trading LLC,Acme Trade;ACME TR,RU,lei:5299000J2N45DDNE4Y28;inn:7701234567,uflpa,https://x\n\
                 Beta Ltd,,,,,\n";
        let l = parse_list(t, "l.csv", "l", ListFormat::Csv).unwrap();
        assert_eq!(l.entries.len(), 2);
        let e = &l.entries[0];
        assert_eq!(e.aliases, ["Acme Trade", "ACME TR"]);
        assert_eq!(e.countries, ["RU"]);
        assert_eq!(e.identifiers[0].key(), "lei:5299000J2N45DDNE4Y28");
        assert_eq!(e.identifiers[1].key(), "inn:7701234567");
        assert_eq!(e.list, "uflpa");
        assert_eq!(e.origin, "l.csv:2");
        let crlf = t.replace('\n', "\r\n");
        let l = parse_list(&crlf, "l.csv", "l", ListFormat::Csv).unwrap();
        assert_eq!(l.entries[1].origin, "l.csv:3");
        assert_eq!(l.entries[1].list, "l");
    }

    #[test]
    fn csv_bad_rows_name_the_line() {
        let t = "name,country\nA,DE\n,FR\n";
        let e = parse_list(t, "l.csv", "l", ListFormat::Csv).unwrap_err();
        assert_eq!(e.kind, ErrorKind::List);
        assert_eq!(e.message, "line 3: the `name` is empty");
        let t = "name,country\nA,DE\nB,Atlantis\n";
        let e = parse_list(t, "l.csv", "l", ListFormat::Csv).unwrap_err();
        assert!(
            e.message
                .starts_with("line 3: unknown country \"Atlantis\""),
            "{}",
            e.message
        );
        let t = "name,identifiers\nA,lei\n";
        let e = parse_list(t, "l.csv", "l", ListFormat::Csv).unwrap_err();
        assert_eq!(
            e.message,
            "line 2: identifier \"lei\" is not `scheme:value`"
        );
        let t = "name,country\nA,DE\nB,FR,extra\n";
        let e = parse_list(t, "l.csv", "l", ListFormat::Csv).unwrap_err();
        assert!(
            e.message.starts_with("line 3: bad CSV row"),
            "{}",
            e.message
        );
        let t = "nom,country\nA,DE\n";
        assert!(parse_list(t, "l.csv", "l", ListFormat::Csv).is_err());
    }

    #[test]
    fn ftm_lines() {
        let t = r#"{"id":"NK-1","schema":"Company","properties":{"name":["Acme Trading LLC"],"alias":["Акме"],"country":["ru"],"innCode":["7701234567"],"leiCode":["5299000J2N45DDNE4Y28"]},"datasets":["us_ofac_sdn"]}
{"id":"s-1","schema":"Sanction","properties":{"entity":["NK-1"]}}

{"id":"p-1","schema":"Person","properties":{"name":["Ivan Petrov"],"nationality":["suhh"]}}"#;
        let l = parse_list(t, "l.json", "l", ListFormat::FtmJson).unwrap();
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.entries[0].id, "NK-1");
        assert_eq!(l.entries[0].aliases, ["Акме"]);
        assert_eq!(l.entries[0].countries, ["RU"]);
        assert_eq!(l.entries[0].list, "us_ofac_sdn");
        assert_eq!(l.entries[0].identifiers.len(), 2);
        assert!(l.entries[1].countries.is_empty());
        assert_eq!(l.skipped["Sanction"], 1);
        let e = parse_list(
            "{\"schema\":\"Company\",\"properties\":{}}\n{bad",
            "l.json",
            "l",
            ListFormat::FtmJson,
        )
        .unwrap_err();
        assert_eq!(e.message, "line 1: the entity has no `name`");
        let e = parse_list("\n{bad", "l.json", "l", ListFormat::FtmJson).unwrap_err();
        assert!(
            e.message.starts_with("line 2: not a JSON object"),
            "{}",
            e.message
        );
    }

    #[test]
    fn plain_list_and_detection() {
        let l = parse_list(
            "# list\nAcme\n\n Beta Corp \n",
            "l.txt",
            "l",
            ListFormat::Plain,
        )
        .unwrap();
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.entries[1].name, "Beta Corp");
        assert_eq!(l.entries[1].origin, "l.txt:4");
        assert_eq!(
            detect_format(Path::new("x"), "{\"a\":1}"),
            ListFormat::FtmJson
        );
        assert_eq!(
            detect_format(Path::new("x"), "name,country\n"),
            ListFormat::Csv
        );
        assert_eq!(detect_format(Path::new("x"), "Acme\n"), ListFormat::Plain);
    }
}
