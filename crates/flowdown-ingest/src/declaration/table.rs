//! The tabular declaration (CSV folder or XLSX workbook): three tables with the columns of
//! `DECLARATIONS.md`, turned into the native model with row/cell locations.

use super::decl_err;
use flowdown_core::{
    ContractRef, Date, Declaration, DeclarationFormat, DeclarationLocation, Error, Flowdown,
    FlowdownRequirements, Identifier, Link, LocationStyle, Party, ReadDeclaration, SourceMap,
    SubcontractorsStatus,
};
use std::collections::BTreeMap;

/// Columns of `parties`.
pub(crate) const PARTY_COLUMNS: [&str; 6] = [
    "id",
    "name",
    "country",
    "identifiers",
    "goods",
    "subcontractors",
];
/// Columns of `links`.
pub(crate) const LINK_COLUMNS: [&str; 7] = [
    "buyer",
    "supplier",
    "goods",
    "flowdown_requirements",
    "flowdown_attested_at",
    "flowdown_valid_until",
    "flowdown_document",
];
/// Keys of `declaration`.
pub(crate) const DECLARATION_KEYS: [&str; 7] = [
    "schema_version",
    "declaration_id",
    "declared_at",
    "valid_until",
    "contract_id",
    "buyer",
    "prime",
];

/// One table: a CSV file or a worksheet.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// `parties.csv` or `parties`.
    pub(crate) name: String,
    /// True for worksheets: locations are cells.
    pub(crate) cells: bool,
    /// 0-based column of the first cell (worksheets whose used range starts right of A).
    pub(crate) col_offset: usize,
    /// 1-based row of the header.
    pub(crate) header_row: usize,
    /// Column names, trimmed.
    pub(crate) header: Vec<String>,
    /// (1-based row, cells) for each data row.
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Human form of a position, for error messages.
    pub(crate) fn at(&self, row: usize, col: Option<usize>) -> String {
        if self.cells {
            match col {
                Some(c) => format!(
                    "sheet {}, cell {}{row}",
                    self.name,
                    flowdown_core::column_letters(c + self.col_offset)
                ),
                None => format!("sheet {}, row {row}", self.name),
            }
        } else {
            match col.and_then(|c| self.header.get(c)) {
                Some(h) => format!("{} row {row}, column `{h}`", self.name),
                None => format!("{} row {row}", self.name),
            }
        }
    }

    fn location(&self, row: usize) -> DeclarationLocation {
        DeclarationLocation::row(self.name.clone(), row)
    }

    /// Column index of each known column; an unknown or repeated column is an error.
    fn columns(
        &self,
        file: &str,
        known: &[&str],
        required: &[&str],
    ) -> Result<BTreeMap<String, usize>, Error> {
        let mut map = BTreeMap::new();
        for (i, h) in self.header.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            if !known.contains(&h.as_str()) {
                return Err(decl_err(
                    file,
                    format!(
                        "{}: unknown column `{h}`, expected one of {}",
                        self.at(self.header_row, Some(i)),
                        known.join(", ")
                    ),
                ));
            }
            if map.insert(h.clone(), i).is_some() {
                return Err(decl_err(
                    file,
                    format!(
                        "{}: column `{h}` appears twice",
                        self.at(self.header_row, Some(i))
                    ),
                ));
            }
        }
        for r in required {
            if !map.contains_key(*r) {
                return Err(decl_err(
                    file,
                    format!("{}: missing column `{r}`", self.at(self.header_row, None)),
                ));
            }
        }
        Ok(map)
    }
}

fn cell<'a>(cols: &BTreeMap<String, usize>, cells: &'a [String], name: &str) -> &'a str {
    cols.get(name)
        .and_then(|i| cells.get(*i))
        .map_or("", |s| s.trim())
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn date(
    file: &str,
    t: &Table,
    row: usize,
    cols: &BTreeMap<String, usize>,
    col: &str,
    v: &str,
) -> Result<Option<Date>, Error> {
    if v.is_empty() {
        return Ok(None);
    }
    Date::parse(v)
        .map(Some)
        .map_err(|m| decl_err(file, format!("{}: {m}", t.at(row, cols.get(col).copied()))))
}

/// Builds the declaration from the three tables.
pub(crate) fn build(
    file: &str,
    format: DeclarationFormat,
    decl: &Table,
    parties: &Table,
    links: &Table,
) -> Result<ReadDeclaration, Error> {
    let mut source = SourceMap {
        style: if decl.cells {
            LocationStyle::Cells
        } else {
            LocationStyle::Rows
        },
        ..SourceMap::default()
    };

    // declaration: key,value rows (the header is `key,value`).
    let mut values: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    let first = decl.header.first().map(String::as_str).unwrap_or_default();
    if first != "key" || decl.header.get(1).map(String::as_str) != Some("value") {
        return Err(decl_err(
            file,
            format!(
                "{}: the header must be `key,value`",
                decl.at(decl.header_row, None)
            ),
        ));
    }
    for (row, cells) in &decl.rows {
        let key = cells.first().map_or("", |s| s.trim());
        let value = cells.get(1).map_or("", |s| s.trim());
        if key.is_empty() && value.is_empty() {
            continue;
        }
        let Some(k) = DECLARATION_KEYS.iter().find(|k| **k == key) else {
            return Err(decl_err(
                file,
                format!(
                    "{}: unknown key `{key}`, expected one of {}",
                    decl.at(*row, Some(0)),
                    DECLARATION_KEYS.join(", ")
                ),
            ));
        };
        if values.insert(k, (*row, value.to_owned())).is_some() {
            return Err(decl_err(
                file,
                format!("{}: key `{key}` appears twice", decl.at(*row, Some(0))),
            ));
        }
        let field = match *k {
            "contract_id" => "contract.id",
            "buyer" => "contract.buyer",
            "prime" => "contract.prime",
            other => other,
        };
        let loc = if decl.cells {
            DeclarationLocation::cell(decl.name.clone(), 1 + decl.col_offset, *row)
        } else {
            decl.location(*row)
        };
        source.fields.insert(field.to_owned(), loc);
    }
    let get = |k: &str| values.get(k).map(|(_, v)| v.as_str()).unwrap_or_default();
    let require = |k: &str| -> Result<(), Error> {
        if get(k).is_empty() {
            Err(decl_err(
                file,
                format!("{}: key `{k}` is missing or empty", decl.name),
            ))
        } else {
            Ok(())
        }
    };
    require("schema_version")?;
    require("declaration_id")?;
    require("prime")?;
    let (sv_row, sv) = values.get("schema_version").cloned().unwrap_or_default();
    if sv != "1" {
        return Err(decl_err(
            file,
            format!(
                "{}: schema_version `{sv}` is not supported; this flowdown reads 1",
                decl.at(sv_row, Some(1))
            ),
        ));
    }
    let decl_date = |k: &str| -> Result<Option<Date>, Error> {
        match values.get(k) {
            Some((row, v)) if !v.is_empty() => Date::parse(v)
                .map(Some)
                .map_err(|m| decl_err(file, format!("{}: {m}", decl.at(*row, Some(1))))),
            _ => Ok(None),
        }
    };
    let declared_at = decl_date("declared_at")?;
    let valid_until = decl_date("valid_until")?;
    let opt = |k: &str| Some(get(k).to_owned()).filter(|s| !s.is_empty());

    // parties
    let pcols = parties.columns(file, &PARTY_COLUMNS, &["id"])?;
    let mut out_parties = Vec::with_capacity(parties.rows.len());
    for (row, cells) in &parties.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let id = cell(&pcols, cells, "id");
        if id.is_empty() {
            return Err(decl_err(
                file,
                format!(
                    "{}: `id` is empty",
                    parties.at(*row, pcols.get("id").copied())
                ),
            ));
        }
        let mut identifiers = Vec::new();
        for item in list(cell(&pcols, cells, "identifiers")) {
            let Some((scheme, value)) = item.split_once(':') else {
                return Err(decl_err(
                    file,
                    format!(
                        "{}: identifier `{item}` is not `scheme:value`",
                        parties.at(*row, pcols.get("identifiers").copied())
                    ),
                ));
            };
            identifiers.push(Identifier {
                scheme: scheme.trim().to_owned(),
                value: value.trim().to_owned(),
            });
        }
        let sub = cell(&pcols, cells, "subcontractors");
        let subcontractors = if sub.is_empty() {
            SubcontractorsStatus::Unknown
        } else {
            SubcontractorsStatus::from_id(sub).ok_or_else(|| {
                decl_err(
                    file,
                    format!(
                        "{}: subcontractors `{sub}` is not one of declared, none, unknown",
                        parties.at(*row, pcols.get("subcontractors").copied())
                    ),
                )
            })?
        };
        let country = cell(&pcols, cells, "country");
        out_parties.push(Party {
            id: id.to_owned(),
            name: cell(&pcols, cells, "name").to_owned(),
            country: Some(country.to_owned()).filter(|c| !c.is_empty()),
            identifiers,
            goods: list(cell(&pcols, cells, "goods")),
            subcontractors,
        });
        source.parties.push(parties.location(*row));
    }

    // links
    let lcols = links.columns(file, &LINK_COLUMNS, &["buyer", "supplier"])?;
    let mut out_links = Vec::with_capacity(links.rows.len());
    for (row, cells) in &links.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let buyer = cell(&lcols, cells, "buyer");
        let supplier = cell(&lcols, cells, "supplier");
        for (col, v) in [("buyer", buyer), ("supplier", supplier)] {
            if v.is_empty() {
                return Err(decl_err(
                    file,
                    format!(
                        "{}: `{col}` is empty",
                        links.at(*row, lcols.get(col).copied())
                    ),
                ));
            }
        }
        let attested = cell(&lcols, cells, "flowdown_attested_at");
        let flowdown = match date(file, links, *row, &lcols, "flowdown_attested_at", attested)? {
            None => None,
            Some(attested_at) => {
                let req = cell(&lcols, cells, "flowdown_requirements");
                let requirements = match req {
                    "all" => FlowdownRequirements::All,
                    "" => {
                        return Err(decl_err(
                            file,
                            format!(
                                "{}: `flowdown_requirements` is empty; write `all` or requirement ids separated by `;`",
                                links.at(*row, lcols.get("flowdown_requirements").copied())
                            ),
                        ))
                    }
                    ids => FlowdownRequirements::Only(list(ids)),
                };
                let vu = cell(&lcols, cells, "flowdown_valid_until");
                let document = cell(&lcols, cells, "flowdown_document");
                Some(Flowdown {
                    requirements,
                    attested_at,
                    valid_until: date(file, links, *row, &lcols, "flowdown_valid_until", vu)?,
                    document: Some(document.to_owned()).filter(|d| !d.is_empty()),
                })
            }
        };
        out_links.push(Link {
            buyer: buyer.to_owned(),
            supplier: supplier.to_owned(),
            goods: list(cell(&lcols, cells, "goods")),
            flowdown,
        });
        source.links.push(links.location(*row));
    }

    if decl.cells {
        // Sub-field locations become cells: columns are absolute.
        let off = parties.col_offset;
        source.party_columns = pcols.iter().map(|(k, v)| (k.clone(), v + off)).collect();
        let off = links.col_offset;
        source.link_columns = lcols.iter().map(|(k, v)| (k.clone(), v + off)).collect();
        if let Some(c) = source.link_columns.get("flowdown_attested_at").copied() {
            source.link_columns.insert("flowdown".into(), c);
        }
        for (locs, cols) in [
            (&mut source.parties, &source.party_columns),
            (&mut source.links, &source.link_columns),
        ] {
            let first = cols.get("id").or_else(|| cols.get("buyer")).copied();
            for l in locs.iter_mut() {
                if let (Some(c), Some(r)) = (first, l.row) {
                    l.cell = Some(format!("{}{r}", flowdown_core::column_letters(c)));
                }
            }
        }
    }

    Ok(ReadDeclaration {
        path: file.to_owned(),
        format,
        declaration: Declaration {
            schema_version: 1,
            declaration_id: get("declaration_id").to_owned(),
            declared_at,
            valid_until,
            contract: ContractRef {
                id: get("contract_id").to_owned(),
                buyer: opt("buyer"),
                prime: get("prime").to_owned(),
            },
            parties: out_parties,
            links: out_links,
        },
        source,
        notes: Vec::new(),
    })
}
