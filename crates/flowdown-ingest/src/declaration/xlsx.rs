//! The XLSX workbook: sheets `declaration`, `parties`, `links` with the columns of the CSV
//! folder. Read with calamine; errors name the sheet and cell.

use super::decl_err;
use super::table::{build, Table};
use calamine::{Data, Reader, Xlsx};
use flowdown_core::{DeclarationFormat, Error, ReadDeclaration};
use std::io::Cursor;

/// Reads an XLSX declaration from bytes.
///
/// # Errors
/// [`flowdown_core::ErrorKind::Declaration`] naming the sheet and cell.
pub fn read_xlsx_bytes(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| decl_err(name, format!("not a readable XLSX workbook: {e}")))?;
    let mut tables = Vec::with_capacity(3);
    for sheet in ["declaration", "parties", "links"] {
        let range = wb.worksheet_range(sheet).map_err(|e| {
            decl_err(
                name,
                format!(
                    "sheet {sheet}: cannot be read ({e}); a workbook declaration has sheets declaration, parties and links"
                ),
            )
        })?;
        tables.push(table(name, sheet, &range)?);
    }
    match tables.as_slice() {
        [d, p, l] => build(name, DeclarationFormat::Xlsx, d, p, l),
        _ => Err(decl_err(name, "internal: expected three sheets")),
    }
}

fn table(name: &str, sheet: &str, range: &calamine::Range<Data>) -> Result<Table, Error> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let col_offset = col0 as usize;
    let mut header = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let row = row0 as usize + i + 1;
        let mut cells = Vec::with_capacity(r.len());
        for (c, d) in r.iter().enumerate() {
            cells.push(text(d).map_err(|m| {
                decl_err(
                    name,
                    format!(
                        "sheet {sheet}, cell {}{row}: {m}",
                        flowdown_core::column_letters(col_offset + c)
                    ),
                )
            })?);
        }
        if header.is_none() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            header = Some((row, cells.iter().map(|s| s.trim().to_owned()).collect()));
        } else {
            rows.push((row, cells));
        }
    }
    let Some((header_row, header)) = header else {
        return Err(decl_err(
            name,
            format!("sheet {sheet}: empty, expected a header row"),
        ));
    };
    Ok(Table {
        name: sheet.to_owned(),
        cells: true,
        col_offset,
        header_row,
        header,
        rows,
    })
}

/// The text of a cell as the CSV form would have it: whole numbers without `.0`, dates as ISO.
fn text(d: &Data) -> Result<String, String> {
    Ok(match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        #[expect(
            clippy::cast_possible_truncation,
            reason = "whole numbers within ±1e15 only"
        )]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => excel_date(dt.as_f64())?,
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("the cell holds an error value ({e})")),
    })
}

/// An Excel serial date (1900 system) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> Result<String, String> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return Err(format!("date serial {serial} is out of range"));
    }
    #[expect(clippy::cast_possible_truncation, reason = "range checked above")]
    let days = serial.floor() as i64 - 25_569; // days since 1970-01-01
                                               // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_serials() {
        assert_eq!(super::excel_date(46_082.0).unwrap(), "2026-03-01");
        assert_eq!(super::excel_date(61.0).unwrap(), "1900-03-01");
    }
}
