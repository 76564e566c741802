//! The CSV folder: `declaration.csv`, `parties.csv`, `links.csv` (row 1 is the header).

use super::table::{build, Table};
use super::{decl_err, CSV_FILES};
use flowdown_core::{DeclarationFormat, Error, ReadDeclaration};
use std::path::Path;

pub(crate) fn read_folder(name: &str, dir: &Path) -> Result<ReadDeclaration, Error> {
    let mut tables = Vec::with_capacity(3);
    for file in CSV_FILES {
        let p = dir.join(file);
        let bytes = match std::fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(decl_err(
                    name,
                    format!(
                        "{file}: missing from {} (a CSV declaration is declaration.csv, parties.csv and links.csv)",
                        dir.display()
                    ),
                ))
            }
            Err(e) => return Err(Error::io(p.display().to_string(), &e)),
        };
        tables.push(parse(name, file, &bytes)?);
    }
    match tables.as_slice() {
        [d, p, l] => build(name, DeclarationFormat::Csv, d, p, l),
        _ => Err(decl_err(name, "internal: expected three tables")),
    }
}

/// Reads the three CSV texts (declaration, parties, links) given in memory.
///
/// # Errors
/// [`flowdown_core::ErrorKind::Declaration`] naming the file and row.
pub fn read_csv_tables(
    name: &str,
    declaration: &[u8],
    parties: &[u8],
    links: &[u8],
) -> Result<ReadDeclaration, Error> {
    let d = parse(name, CSV_FILES[0], declaration)?;
    let p = parse(name, CSV_FILES[1], parties)?;
    let l = parse(name, CSV_FILES[2], links)?;
    build(name, DeclarationFormat::Csv, &d, &p, &l)
}

fn parse(name: &str, file: &str, bytes: &[u8]) -> Result<Table, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes);
    let mut header = None;
    let mut rows = Vec::new();
    for (i, rec) in rdr.byte_records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| {
            let row = e
                .position()
                .map_or(row, |p| usize::try_from(p.record()).unwrap_or(0) + 1);
            let msg = match e.kind() {
                ::csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!(
                    "{file} row {row}: the row has {len} fields, the header has {expected_len}"
                ),
                _ => format!("{file} row {row}: {e}"),
            };
            decl_err(name, msg)
        })?;
        let mut cells = Vec::with_capacity(rec.len());
        for (c, field) in rec.iter().enumerate() {
            let s = std::str::from_utf8(field).map_err(|_| {
                decl_err(
                    name,
                    format!("{file} row {row}, column {}: not valid UTF-8", c + 1),
                )
            })?;
            cells.push(s.to_owned());
        }
        if header.is_none() {
            header = Some(cells.iter().map(|s| s.trim().to_owned()).collect());
        } else {
            rows.push((row, cells));
        }
    }
    let Some(header) = header else {
        return Err(decl_err(
            name,
            format!("{file}: empty, expected a header row"),
        ));
    };
    Ok(Table {
        name: file.to_owned(),
        cells: false,
        col_offset: 0,
        header_row: 1,
        header,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::read_csv_tables;

    const DECL: &[u8] = b"key,value\nschema_version,1\ndeclaration_id,D\nprime,acme\n";

    #[test]
    fn broken_row_names_file_and_row() {
        let parties = b"id,name\nacme,ACME\ntex,\"Tex\",extra\n";
        let e = read_csv_tables("d", DECL, parties, b"buyer,supplier\n").unwrap_err();
        assert_eq!(
            e.message,
            "parties.csv row 3: the row has 3 fields, the header has 2"
        );
    }

    #[test]
    fn bad_values_name_row_and_column() {
        let parties = b"id,name,subcontractors\nacme,ACME,maybe\n";
        let e = read_csv_tables("d", DECL, parties, b"buyer,supplier\n").unwrap_err();
        assert_eq!(
            e.message,
            "parties.csv row 2, column `subcontractors`: subcontractors `maybe` is not one of declared, none, unknown"
        );
        let links =
            b"buyer,supplier,flowdown_requirements,flowdown_attested_at\nacme,tex,all,2026-13-01\n";
        let e = read_csv_tables("d", DECL, b"id\nacme\n", links).unwrap_err();
        assert!(
            e.message
                .starts_with("links.csv row 2, column `flowdown_attested_at`: `2026-13-01`"),
            "{}",
            e.message
        );
        let e = read_csv_tables("d", DECL, b"id,colour\n", b"buyer,supplier\n").unwrap_err();
        assert!(
            e.message
                .starts_with("parties.csv row 1, column `colour`: unknown column"),
            "{}",
            e.message
        );
    }

    #[test]
    fn reads_lists_and_attestations() {
        let parties = b"id,name,identifiers,goods,subcontractors\nacme,ACME,lei:5299000J2N45DDNE4Y28; ncage:D1234,a;b,declared\n";
        let links = b"buyer,supplier,flowdown_requirements,flowdown_attested_at,flowdown_valid_until\nacme,tex,prohibition;sanctions,2026-01-01,\nacme,spin,,,\n";
        let r = read_csv_tables("d", DECL, parties, links).unwrap();
        let p = &r.declaration.parties[0];
        assert_eq!(p.identifiers.len(), 2);
        assert_eq!(p.identifiers[1].value, "D1234");
        assert_eq!(p.goods, vec!["a", "b"]);
        assert!(r.declaration.links[0].flowdown.is_some());
        assert!(r.declaration.links[1].flowdown.is_none());
        assert_eq!(
            r.source.link(1, Some("flowdown")).display(),
            "links.csv row 3"
        );
    }
}
