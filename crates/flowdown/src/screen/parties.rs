//! Reading the parties to screen from a CSV with a header `name,country,identifiers` (optional
//! `id` column; countries `;`-separated codes or names, identifiers `scheme:value`).

use super::lists::{parse_countries, parse_identifiers};
use super::matcher::Party;
use flowdown_core::{Error, ErrorKind, Result};

/// Parses a parties CSV. A bad row is an error naming its line.
///
/// # Errors
/// A missing `name` column, an empty name, an unknown country or a malformed identifier.
pub fn parse_parties_csv(text: &str, path: &str) -> Result<Vec<Party>> {
    let e = |line: u64, m: String| Error::new(ErrorKind::List, path, format!("line {line}: {m}"));
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr
        .headers()
        .map_err(|x| e(1, format!("bad header: {x}")))?
        .clone();
    let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
    let Some(nc) = col("name") else {
        return Err(e(
            1,
            "the header has no `name` column (expected name,country,identifiers)".into(),
        ));
    };
    let known = ["id", "name", "country", "identifiers"];
    if let Some(h) = headers
        .iter()
        .find(|h| !known.iter().any(|k| h.eq_ignore_ascii_case(k)))
    {
        return Err(e(
            1,
            format!("unknown column {h:?}; choose from: {}", known.join(", ")),
        ));
    }
    let (ic, cc, idc) = (col("id"), col("country"), col("identifiers"));
    let mut out = Vec::new();
    let body = text.trim_start_matches('\u{feff}');
    let mut lines = super::lists::LineCounter::new(body);
    for rec in rdr.records() {
        let rec = rec.map_err(|x| {
            e(
                x.position().map_or(0, |p| lines.line_at(p.byte()) as u64),
                format!("bad CSV row: {x}"),
            )
        })?;
        let line = rec.position().map_or(0, |p| lines.line_at(p.byte()) as u64);
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("");
        let name = get(Some(nc));
        if name.is_empty() {
            if rec.iter().all(str::is_empty) {
                continue;
            }
            return Err(e(line, "the `name` is empty".into()));
        }
        let id = get(ic);
        out.push(Party {
            id: Some(if id.is_empty() {
                format!("{path}:{line}")
            } else {
                id.to_string()
            }),
            name: name.to_string(),
            countries: parse_countries(get(cc)).map_err(|m| e(line, m))?,
            identifiers: parse_identifiers(get(idc)).map_err(|m| e(line, m))?,
        });
    }
    Ok(out)
}

/// Reads the parties to screen: a parties CSV (`name,country,identifiers`), or a supply-chain
/// declaration (native JSON, CSV folder, XLSX, OCDS, OMTSF) whose parties are taken.
///
/// # Errors
/// An unreadable file, a bad row or an invalid declaration.
pub fn read_parties(path: &std::path::Path) -> Result<Vec<Party>> {
    use flowdown_ingest::declaration::{read_declaration, CSV_FILES};
    let shown = path.display().to_string();
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let in_decl_folder = path
        .file_name()
        .is_some_and(|n| CSV_FILES.iter().any(|f| n == *f))
        && path.with_file_name("declaration.csv").exists();
    if path.is_file() && is_csv && !in_decl_folder {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, &e))?;
        return parse_parties_csv(&text, &shown);
    }
    let read = read_declaration(path)?;
    Ok(read
        .declaration
        .parties
        .iter()
        .filter(|p| !p.name.trim().is_empty() || !p.identifiers.is_empty())
        .map(super::seam::party_of)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties() {
        let p =
            parse_parties_csv("name,country,identifiers\nAcme,Germany,lei:X1\n", "p.csv").unwrap();
        assert_eq!(p[0].countries, ["DE"]);
        assert_eq!(p[0].id.as_deref(), Some("p.csv:2"));
        let e = parse_parties_csv("name,country\nAcme,DE\nBeta,Narnia\n", "p.csv").unwrap_err();
        assert!(e.message.starts_with("line 3: unknown country"));
    }
}
