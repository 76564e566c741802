//! Supply-chain declarations: the native model (parties, identifiers, links, flow-down
//! attestations, see `DECLARATIONS.md`), where each part stands in its source file, and the
//! audit result of a declaration (gap findings and summary).

use crate::{ErrorInfo, Severity};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The role of a party in a contract or supply chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "role")]
#[non_exhaustive]
pub enum Role {
    /// The buying organisation.
    Buyer,
    /// The prime contractor (tier 1 supplier of the buyer).
    Contractor,
    /// A sub-contractor at tier `tier` (2 = sub-contractor of the prime).
    Subcontractor {
        /// Distance from the buyer (prime = 1).
        tier: u32,
    },
}

/// Where a declaration finding stands in its file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeclarationLocation {
    /// JSON path (`$.links[3].flowdown`) for JSON and OCDS/OMTSF inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_path: Option<String>,
    /// 1-based row for CSV (the header is row 1) and XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Sheet (XLSX) or file (CSV folder) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Cell reference (`B4`) for XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// One gap found in a declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapFinding {
    /// The gap rule id (e.g. `missing-flowdown`).
    pub rule: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// One sentence naming the parties and the gap.
    pub message: String,
    /// Where it is.
    pub location: DeclarationLocation,
    /// Party ids involved.
    pub parties: Vec<String>,
    /// Rule-specific evidence (chain from the prime, match explanation, failing requirements…).
    pub evidence: serde_json::Value,
}

/// Counts for one declaration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeclarationSummary {
    /// Number of parties read.
    pub parties: usize,
    /// Number of links read.
    pub links: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

/// The audit result of one declaration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeclarationReport {
    /// The path as given.
    pub path: String,
    /// `json`, `csv`, `xlsx`, `ocds`, `omtsf`.
    pub format: Option<String>,
    /// The error, if it could not be read.
    pub error: Option<ErrorInfo>,
    /// Findings sorted by location, then rule id.
    pub findings: Vec<GapFinding>,
    /// What the import could not say (e.g. OCDS carries no flow-down attestations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Counts.
    pub summary: DeclarationSummary,
}

impl Eq for DeclarationReport {}

// ---------------------------------------------------------------------------------------------
// The declaration model (DECLARATIONS.md, `schema_version: 1`).
// ---------------------------------------------------------------------------------------------

/// An ISO 8601 calendar date (`YYYY-MM-DD`), checked on read. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if it exists in the proleptic Gregorian calendar (years 1–9999).
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Self { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    #[must_use]
    pub fn from_unix_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self {
            year: u16::try_from(y.clamp(1, 9999)).unwrap_or(1970),
            month: u8::try_from(m).unwrap_or(1),
            day: u8::try_from(d).unwrap_or(1),
        }
    }

    /// Parses `YYYY-MM-DD` exactly.
    ///
    /// # Errors
    /// A message naming the value when it is not an existing ISO date.
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let bad = || format!("`{s}` is not an ISO 8601 date (YYYY-MM-DD)");
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, String> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse::<u16>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let m = u8::try_from(m).map_err(|_| bad())?;
        let d = u8::try_from(d).map_err(|_| bad())?;
        Self::new(y, m, d).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "An ISO 8601 calendar date (YYYY-MM-DD)."
        })
    }
}

/// A supply-chain declaration: who supplies whom under one contract, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Version of the native format; only `1` exists.
    pub schema_version: u32,
    /// The declarant's own id for this declaration.
    pub declaration_id: String,
    /// When the declaration was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_at: Option<Date>,
    /// The date after which the declaration no longer speaks for the chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// The contract the declaration is made under.
    pub contract: ContractRef,
    /// The parties of the chain (the prime included).
    #[serde(default)]
    pub parties: Vec<Party>,
    /// Supply links, buyer → supplier.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// The contract a declaration is made under.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContractRef {
    /// The buyer's contract number.
    #[serde(default)]
    pub id: String,
    /// The buying organisation (a name or an id; it need not be a declared party).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<String>,
    /// The party id of the prime contractor (tier 1); the chain is walked from it.
    pub prime: String,
}

/// A party of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Id unique in the declaration, used by links.
    pub id: String,
    /// Legal name.
    #[serde(default)]
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Registry identifiers (LEI, NCAGE, DUNS, UEI, GLN, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Goods the party produces or supplies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods: Vec<String>,
    /// Whether its own sub-contractors are declared.
    #[serde(default)]
    pub subcontractors: SubcontractorsStatus,
}

/// An identifier of a party in a registry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Identifier {
    /// `lei`, `ncage`, `cage`, `duns`, `uei`, `gln`, or another scheme (not checked).
    pub scheme: String,
    /// The identifier as issued.
    pub value: String,
}

/// Whether a party's own sub-contractors are in the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubcontractorsStatus {
    /// Its links are listed.
    Declared,
    /// It has none, stated.
    None,
    /// Not said (the default).
    #[default]
    Unknown,
}

impl SubcontractorsStatus {
    /// The public id.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Declared => "declared",
            Self::None => "none",
            Self::Unknown => "unknown",
        }
    }

    /// Parses the public id.
    #[must_use]
    pub fn from_id(s: &str) -> Option<Self> {
        match s {
            "declared" => Some(Self::Declared),
            "none" => Some(Self::None),
            "unknown" => Some(Self::Unknown),
            _ => None,
        }
    }
}

/// A supply link: `supplier` supplies `buyer`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Party id of the buying side.
    pub buyer: String,
    /// Party id of the supplying side.
    pub supplier: String,
    /// Goods or services supplied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods: Vec<String>,
    /// The flow-down attestation; absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flowdown: Option<Flowdown>,
}

/// An attestation that the anti-trafficking terms were flowed down on a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Flowdown {
    /// `"all"` or the requirement ids of the pack that were flowed down.
    pub requirements: FlowdownRequirements,
    /// When it was attested.
    pub attested_at: Date,
    /// The date after which the attestation no longer holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// The sub-contract document, relative to the declaration's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// Which requirements were flowed down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowdownRequirements {
    /// Every requirement of the pack (`"all"`).
    All,
    /// These requirement ids.
    Only(Vec<String>),
}

impl Serialize for FlowdownRequirements {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::All => s.serialize_str("all"),
            Self::Only(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FlowdownRequirements {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FlowdownRequirements;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"all\" or a list of requirement ids")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v == "all" {
                    Ok(FlowdownRequirements::All)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(FlowdownRequirements::Only(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FlowdownRequirements {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FlowdownRequirements".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "\"all\" or the requirement ids of the pack that were flowed down.",
            "anyOf": [
                { "type": "string", "const": "all" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

/// Where each part of a declaration stands in its source file, for finding locations.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceMap {
    /// How locations are written.
    pub style: LocationStyle,
    /// Location of each declaration-level field (`valid_until`, `contract.prime`, …).
    pub fields: std::collections::BTreeMap<String, DeclarationLocation>,
    /// Location of each party, in `Declaration::parties` order.
    pub parties: Vec<DeclarationLocation>,
    /// Location of each link, in `Declaration::links` order.
    pub links: Vec<DeclarationLocation>,
    /// For tables: column index (0-based) of each party field.
    pub party_columns: std::collections::BTreeMap<String, usize>,
    /// For tables: column index (0-based) of each link field (`flowdown.valid_until` → column
    /// `flowdown_valid_until`).
    pub link_columns: std::collections::BTreeMap<String, usize>,
}

/// How a source map writes locations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LocationStyle {
    /// JSON paths (native JSON, OCDS, OMTSF): sub-fields extend the item's path.
    #[default]
    JsonPath,
    /// CSV rows: a sub-field has its item's row.
    Rows,
    /// XLSX cells: a sub-field has its item's row and the field's column.
    Cells,
}

impl SourceMap {
    /// Location of a declaration-level field.
    #[must_use]
    pub fn field(&self, name: &str) -> DeclarationLocation {
        self.fields
            .get(name)
            .cloned()
            .unwrap_or_else(|| match self.style {
                LocationStyle::JsonPath => DeclarationLocation::json(format!("$.{name}")),
                _ => DeclarationLocation::default(),
            })
    }

    /// Location of party `i`, or of one of its fields (`identifiers[0]`, `country`).
    #[must_use]
    pub fn party(&self, i: usize, field: Option<&str>) -> DeclarationLocation {
        match self.parties.get(i) {
            Some(base) => self.sub(base.clone(), field, &self.party_columns),
            None => self.unmapped("parties", i, field),
        }
    }

    /// Location of link `i`, or of one of its fields (`flowdown`, `flowdown.valid_until`).
    #[must_use]
    pub fn link(&self, i: usize, field: Option<&str>) -> DeclarationLocation {
        match self.links.get(i) {
            Some(base) => self.sub(base.clone(), field, &self.link_columns),
            None => self.unmapped("links", i, field),
        }
    }

    /// Item `i` of a list that has no mapped locations (native JSON): `$.links[3]`, extended
    /// by the field in the JSON-path style (written at once: a large audit makes 250k).
    fn unmapped(&self, list: &str, i: usize, field: Option<&str>) -> DeclarationLocation {
        match (self.style, field) {
            (LocationStyle::JsonPath, Some(f)) => {
                DeclarationLocation::json(format!("$.{list}[{i}].{f}"))
            }
            _ => DeclarationLocation::json(format!("$.{list}[{i}]")),
        }
    }

    fn sub(
        &self,
        mut base: DeclarationLocation,
        field: Option<&str>,
        columns: &std::collections::BTreeMap<String, usize>,
    ) -> DeclarationLocation {
        let Some(field) = field else { return base };
        match self.style {
            LocationStyle::JsonPath => {
                if let Some(p) = &mut base.json_path {
                    p.push('.');
                    p.push_str(field);
                }
            }
            LocationStyle::Rows => {}
            LocationStyle::Cells => {
                // `identifiers[0]` → column `identifiers`; `flowdown.valid_until` →
                // `flowdown_valid_until`.
                let key = field.split('[').next().unwrap_or(field).replace('.', "_");
                let col = columns
                    .get(&key)
                    .or_else(|| columns.get(key.split('_').next().unwrap_or(&key)));
                if let (Some(col), Some(row)) = (col, base.row) {
                    base.cell = Some(format!("{}{row}", column_letters(*col)));
                }
            }
        }
        base
    }
}

/// Spreadsheet column letters of a 0-based column index (`0` → `A`, `27` → `AB`).
#[must_use]
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(col % 26).unwrap_or(0));
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl DeclarationLocation {
    /// A JSON-path location.
    #[must_use]
    pub fn json(path: impl Into<String>) -> Self {
        Self {
            json_path: Some(path.into()),
            ..Self::default()
        }
    }

    /// A row of a CSV file or sheet.
    #[must_use]
    pub fn row(sheet: impl Into<String>, row: usize) -> Self {
        Self {
            row: Some(row),
            sheet: Some(sheet.into()),
            ..Self::default()
        }
    }

    /// A cell of a sheet.
    #[must_use]
    pub fn cell(sheet: impl Into<String>, col: usize, row: usize) -> Self {
        Self {
            row: Some(row),
            sheet: Some(sheet.into()),
            cell: Some(format!("{}{row}", column_letters(col))),
            ..Self::default()
        }
    }

    /// A short human form: `$.links[0]`, `links.csv row 3`, `links!B3`.
    #[must_use]
    pub fn display(&self) -> String {
        if let Some(p) = &self.json_path {
            return p.clone();
        }
        match (&self.sheet, self.row, &self.cell) {
            (Some(s), _, Some(c)) => format!("{s}!{c}"),
            (Some(s), Some(r), None) => format!("{s} row {r}"),
            (None, Some(r), _) => format!("row {r}"),
            (Some(s), None, None) => s.clone(),
            (None, None, _) => String::new(),
        }
    }

    /// A key that orders locations: JSON paths by their indices, rows by number.
    #[must_use]
    pub fn sort_key(&self) -> (String, usize, String) {
        let sheet = self.sheet.as_deref().unwrap_or_default();
        let path = self.json_path.as_deref().unwrap_or_default();
        let mut key = String::with_capacity(sheet.len() + path.len() + 24);
        key.push_str(sheet);
        natural_key_into(path, &mut key);
        (
            key,
            self.row.unwrap_or(0),
            self.cell.clone().unwrap_or_default(),
        )
    }
}

/// Appends `p` with every number padded to 10 digits, so that `[10]` sorts after `[9]`.
fn natural_key_into(p: &str, out: &mut String) {
    let mut rest = p;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            let other = rest.bytes().take_while(|b| !b.is_ascii_digit()).count();
            out.push_str(&rest[..other]);
            rest = &rest[other..];
        } else {
            out.extend(std::iter::repeat_n('0', 10usize.saturating_sub(digits)));
            out.push_str(&rest[..digits]);
            rest = &rest[digits..];
        }
    }
}

/// The input formats of declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeclarationFormat {
    /// The native JSON format.
    Json,
    /// A CSV folder (`declaration.csv`, `parties.csv`, `links.csv`).
    Csv,
    /// An XLSX workbook with sheets `declaration`, `parties`, `links`.
    Xlsx,
    /// An OCDS release or record package (1.1.x).
    Ocds,
    /// An OMTSF multi-tier graph.
    Omtsf,
}

impl DeclarationFormat {
    /// The public id.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Ocds => "ocds",
            Self::Omtsf => "omtsf",
        }
    }

    /// Whether the format can carry flow-down attestations and `subcontractors` statements.
    /// Imports from formats that cannot (OCDS, OMTSF) report them as missing.
    #[must_use]
    pub const fn carries_attestations(self) -> bool {
        matches!(self, Self::Json | Self::Csv | Self::Xlsx)
    }
}

impl fmt::Display for DeclarationFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A declaration as read from a file, with where each part stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDeclaration {
    /// The file as given.
    pub path: String,
    /// Its format.
    pub format: DeclarationFormat,
    /// The content.
    pub declaration: Declaration,
    /// Locations of its parts.
    pub source: SourceMap,
    /// What the import could not say or had to adapt (OCDS/OMTSF), for the report.
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::{natural_key_into, DeclarationLocation, LocationStyle, SourceMap};

    /// The key as first written (a `format!` per number), which the one-pass version equals.
    fn reference(p: &str) -> String {
        let mut out = String::new();
        let mut digits = String::new();
        for c in p.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else {
                if !digits.is_empty() {
                    out.push_str(&format!("{digits:0>10}"));
                    digits.clear();
                }
                out.push(c);
            }
        }
        if !digits.is_empty() {
            out.push_str(&format!("{digits:0>10}"));
        }
        out
    }

    #[test]
    fn natural_key_pads_numbers_like_the_reference() {
        for p in [
            "",
            "$",
            "$.links[0]",
            "$.parties[123456].identifiers[10]",
            "12345678901234",
            "a1b22c333",
            "ü9é",
            "$.links[9].flowdown.valid_until",
        ] {
            let mut out = String::from("x");
            natural_key_into(p, &mut out);
            assert_eq!(out, format!("x{}", reference(p)), "{p:?}");
        }
    }

    #[test]
    fn unmapped_items_have_json_paths_with_their_field() {
        let m = SourceMap::default();
        assert_eq!(
            m.party(3, Some("identifiers[0]")),
            DeclarationLocation::json("$.parties[3].identifiers[0]")
        );
        assert_eq!(m.link(7, None), DeclarationLocation::json("$.links[7]"));
        let rows = SourceMap {
            style: LocationStyle::Rows,
            ..SourceMap::default()
        };
        assert_eq!(
            rows.link(7, Some("flowdown")),
            DeclarationLocation::json("$.links[7]")
        );
    }
}
