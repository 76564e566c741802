//! The inputs of `listed-party` and `high-risk-sourcing`, behind two small traits so that the
//! screening module (fuzzy name matching, the built-in ILAB table) replaces the exact versions
//! here by changing what [`super::AuditOptions`] holds.
//!
//! - [`ExactListScreen`]: lists given with `--list FILE`, CSV
//!   `name,aliases,country,identifiers,list,source` (aliases and identifiers separated by `;`,
//!   identifiers as `scheme:value`); a party matches on an exact identifier or an exact
//!   normalised name or alias (and the same country when both have one).
//! - [`UserRiskTable`]: `--risk-table FILE`, CSV `country,good` (optional `source` column);
//!   a party's country and good match exactly (case-insensitive).

use super::rules::duplicate_party::{normalise_identifier, normalise_name};
use flowdown_core::{Error, ErrorKind, Party};
use std::collections::HashMap;
use std::path::Path;

/// One match of a party against a list entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ListMatch {
    /// The list's name (`list` column).
    pub list: String,
    /// The entry's name.
    pub entry: String,
    /// 1.0 for exact matches; fuzzy matchers give less.
    pub score: f64,
    /// Why it matched (`identifier lei:…`, `name`, `alias …`).
    pub why: String,
    /// Where the entry comes from (`source` column).
    pub source: String,
}

/// Screens a party against lists.
pub trait PartyScreen: Send + Sync {
    /// Matches of `party`, best first.
    fn screen(&self, party: &Party) -> Vec<ListMatch>;
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListEntry {
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO country, when given.
    pub country: Option<String>,
    /// `scheme:value` identifiers.
    pub identifiers: Vec<(String, String)>,
    /// The list's name.
    pub list: String,
    /// Source of the entry.
    pub source: String,
}

/// Exact identifier or exact normalised-name screening.
#[derive(Debug, Clone, Default)]
pub struct ExactListScreen {
    entries: Vec<ListEntry>,
    by_ident: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<(usize, Option<usize>)>>,
}

impl ExactListScreen {
    /// A screen over these entries.
    #[must_use]
    pub fn new(entries: Vec<ListEntry>) -> Self {
        let mut by_ident: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<(usize, Option<usize>)>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for (s, v) in &e.identifiers {
                by_ident
                    .entry(normalise_identifier(s, v))
                    .or_default()
                    .push(i);
            }
            by_name
                .entry(normalise_name(&e.name))
                .or_default()
                .push((i, None));
            for (a, alias) in e.aliases.iter().enumerate() {
                by_name
                    .entry(normalise_name(alias))
                    .or_default()
                    .push((i, Some(a)));
            }
        }
        Self {
            entries,
            by_ident,
            by_name,
        }
    }

    /// Reads list files (CSV `name,aliases,country,identifiers,list,source`).
    ///
    /// # Errors
    /// [`ErrorKind::List`] naming the file and row.
    pub fn from_paths(paths: &[std::path::PathBuf]) -> Result<Self, Error> {
        let mut entries = Vec::new();
        for p in paths {
            entries.extend(read_list(p)?);
        }
        Ok(Self::new(entries))
    }
}

impl PartyScreen for ExactListScreen {
    fn screen(&self, party: &Party) -> Vec<ListMatch> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(usize, ListMatch)> = Vec::new();
        for x in &party.identifiers {
            for &i in self
                .by_ident
                .get(&normalise_identifier(&x.scheme, &x.value))
                .into_iter()
                .flatten()
            {
                if let Some(e) = self.entries.get(i) {
                    out.push((
                        i,
                        ListMatch {
                            list: e.list.clone(),
                            entry: e.name.clone(),
                            score: 1.0,
                            why: format!("identifier {}:{}", x.scheme, x.value),
                            source: e.source.clone(),
                        },
                    ));
                }
            }
        }
        let key = normalise_name(&party.name);
        if !key.is_empty() {
            for &(i, alias) in self.by_name.get(&key).into_iter().flatten() {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                let country_ok = match (&e.country, &party.country) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    _ => true,
                };
                if !country_ok || out.iter().any(|(j, _)| *j == i) {
                    continue;
                }
                let why = match alias.and_then(|a| e.aliases.get(a)) {
                    Some(a) => format!("same name as the alias `{a}`"),
                    None => "same name".to_owned(),
                };
                out.push((
                    i,
                    ListMatch {
                        list: e.list.clone(),
                        entry: e.name.clone(),
                        score: 1.0,
                        why,
                        source: e.source.clone(),
                    },
                ));
            }
        }
        out.sort_by_key(|(i, _)| *i);
        out.into_iter().map(|(_, m)| m).collect()
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn list_err(path: &Path, msg: String) -> Error {
    Error::new(ErrorKind::List, path.display().to_string(), msg)
}

/// CSV rows keyed by header, with 1-based row numbers (the header is row 1).
type Rows = Vec<(usize, HashMap<String, String>)>;

/// Reads CSV rows into header-keyed maps.
fn read_csv(path: &Path, required: &[&str]) -> Result<Rows, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display().to_string(), &e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut rdr = csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| list_err(path, format!("row 1: {e}")))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for r in required {
        if !header.iter().any(|h| h == r) {
            return Err(list_err(path, format!("row 1: missing column `{r}`")));
        }
    }
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| list_err(path, format!("row {}: {e}", i + 2)))?;
        let map = header
            .iter()
            .cloned()
            .zip(rec.iter().map(|s| s.trim().to_owned()))
            .collect();
        out.push((i + 2, map));
    }
    Ok(out)
}

/// Reads one list file.
///
/// # Errors
/// [`ErrorKind::List`] naming the file and row.
pub fn read_list(path: &Path) -> Result<Vec<ListEntry>, Error> {
    let default_list = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("list")
        .to_owned();
    let mut out = Vec::new();
    for (row, m) in read_csv(path, &["name"])? {
        let get = |k: &str| m.get(k).cloned().unwrap_or_default();
        let mut identifiers = Vec::new();
        for item in split_list(&get("identifiers")) {
            let Some((s, v)) = item.split_once(':') else {
                return Err(list_err(
                    path,
                    format!("row {row}: identifier `{item}` is not `scheme:value`"),
                ));
            };
            identifiers.push((s.trim().to_owned(), v.trim().to_owned()));
        }
        let list = get("list");
        out.push(ListEntry {
            name: get("name"),
            aliases: split_list(&get("aliases")),
            country: Some(get("country")).filter(|c| !c.is_empty()),
            identifiers,
            list: if list.is_empty() {
                default_list.clone()
            } else {
                list
            },
            source: get("source"),
        });
    }
    Ok(out)
}

/// One risk-table hit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RiskMatch {
    /// The country as in the table.
    pub country: String,
    /// The good as in the table.
    pub good: String,
    /// Where the entry comes from.
    pub source: String,
}

/// Looks up country × good risk.
pub trait RiskLookup: Send + Sync {
    /// The table's entry for this ISO country and good, if any.
    fn lookup(&self, country: &str, good: &str) -> Option<RiskMatch>;
}

/// A user's own table (`--risk-table`): exact, case-insensitive country and good.
#[derive(Debug, Clone, Default)]
pub struct UserRiskTable {
    entries: HashMap<(String, String), RiskMatch>,
}

impl UserRiskTable {
    /// A table from (country, good, source) rows.
    #[must_use]
    pub fn new(rows: impl IntoIterator<Item = RiskMatch>) -> Self {
        let entries = rows
            .into_iter()
            .map(|r| ((r.country.to_lowercase(), r.good.trim().to_lowercase()), r))
            .collect();
        Self { entries }
    }

    /// Reads a CSV `country,good[,source]`.
    ///
    /// # Errors
    /// [`ErrorKind::List`] naming the file and row.
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let name = path.display().to_string();
        let rows = read_csv(path, &["country", "good"])?;
        Ok(Self::new(rows.into_iter().map(|(_, m)| {
            RiskMatch {
                country: m.get("country").cloned().unwrap_or_default(),
                good: m.get("good").cloned().unwrap_or_default(),
                source: m
                    .get("source")
                    .cloned()
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| name.clone()),
            }
        })))
    }
}

impl RiskLookup for UserRiskTable {
    fn lookup(&self, country: &str, good: &str) -> Option<RiskMatch> {
        self.entries
            .get(&(country.to_lowercase(), good.trim().to_lowercase()))
            .cloned()
    }
}
