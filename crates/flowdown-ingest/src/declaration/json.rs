//! The native JSON format (`schema_version: 1`, unknown fields rejected with their JSON path).

use super::decl_err;
use flowdown_core::{
    ContractRef, Date, Declaration, DeclarationFormat, Error, LocationStyle, ReadDeclaration,
    SourceMap,
};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::atomic::{AtomicBool, Ordering};

/// The only native format version.
pub(crate) const SCHEMA_VERSION: u32 = 1;

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The fast path keeps no path; only a failing file is parsed again to name the path.
    let declaration: Declaration = match parse_split(bytes)
        .map_or_else(|| serde_json::from_slice(bytes), Ok)
    {
        Ok(d) => d,
        Err(first) => {
            let de = &mut serde_json::Deserializer::from_slice(bytes);
            return Err(
                match serde_path_to_error::deserialize::<_, Declaration>(de) {
                    Err(e)
                        if matches!(
                            e.inner().classify(),
                            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
                        ) =>
                    {
                        decl_err(name, format!("$: not valid JSON: {}", e.inner()))
                    }
                    Err(e) => decl_err(name, format!("{}: {}", json_path(e.path()), e.inner())),
                    Ok(_) => decl_err(name, format!("$: {first}")),
                },
            );
        }
    };
    if declaration.schema_version != SCHEMA_VERSION {
        return Err(decl_err(
            name,
            format!(
                "$.schema_version: schema_version {} is not supported; this flowdown reads {SCHEMA_VERSION}",
                declaration.schema_version
            ),
        ));
    }
    Ok(ReadDeclaration {
        path: name.to_owned(),
        format: DeclarationFormat::Json,
        declaration,
        source: SourceMap {
            style: LocationStyle::JsonPath,
            ..SourceMap::default()
        },
        notes: Vec::new(),
    })
}

/// The top level of a native declaration with each party and link left as its JSON text: the
/// same fields, defaults and checks as [`Declaration`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Split<'a> {
    schema_version: u32,
    declaration_id: String,
    #[serde(default)]
    declared_at: Option<Date>,
    #[serde(default)]
    valid_until: Option<Date>,
    contract: ContractRef,
    #[serde(default, borrow)]
    parties: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    links: Vec<&'a RawValue>,
}

/// Parses a native declaration on all cores: the top level first (which also checks the JSON
/// syntax of the whole file and finds each party and link), then the parties and links in
/// parallel, straight into vectors of their final size. `None` on any fault: the caller then
/// parses the file as before, which succeeds exactly when this does (the same types read the
/// same text) and otherwise names the fault.
fn parse_split(bytes: &[u8]) -> Option<Declaration> {
    let top: Split<'_> = serde_json::from_slice(bytes).ok()?;
    let (parties, links) = rayon::join(|| items(&top.parties), || items(&top.links));
    Some(Declaration {
        schema_version: top.schema_version,
        declaration_id: top.declaration_id,
        declared_at: top.declared_at,
        valid_until: top.valid_until,
        contract: top.contract,
        parties: parties?,
        links: links?,
    })
}

/// Each item parsed from its text, in order (`None` if one fails).
fn items<T: DeserializeOwned + Default + Send>(raw: &[&RawValue]) -> Option<Vec<T>> {
    let failed = AtomicBool::new(false);
    let mut out = Vec::with_capacity(raw.len());
    raw.par_iter()
        .with_min_len(1024)
        .map(|r| {
            serde_json::from_str(r.get()).unwrap_or_else(|_| {
                failed.store(true, Ordering::Relaxed);
                T::default()
            })
        })
        .collect_into_vec(&mut out);
    (!failed.into_inner()).then_some(out)
}

/// `parties[1].nmae` → `$.parties[1].nmae`; the root → `$`.
pub(crate) fn json_path(p: &serde_path_to_error::Path) -> String {
    let s = p.to_string();
    if s.is_empty() || s == "." {
        "$".to_owned()
    } else if s.starts_with('[') {
        format!("${s}")
    } else {
        format!("$.{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn unknown_field_names_its_path() {
        let src = br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},
            "parties":[{"id":"a","name":"A"},{"id":"b","nmae":"B"}]}"#;
        let e = read("d.json", src).unwrap_err();
        assert!(
            e.message
                .starts_with("$.parties[1].nmae: unknown field `nmae`"),
            "{}",
            e.message
        );
        assert!(e.message.contains("line 2"), "{}", e.message);
    }

    #[test]
    fn wrong_type_and_bad_date_name_their_path() {
        let src = br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},
            "links":[{"buyer":"a","supplier":7}]}"#;
        let e = read("d.json", src).unwrap_err();
        assert!(
            e.message.starts_with("$.links[0].supplier: invalid type"),
            "{}",
            e.message
        );
        let src = br#"{"schema_version":1,"declaration_id":"D","valid_until":"2026-02-30",
            "contract":{"prime":"a"}}"#;
        let e = read("d.json", src).unwrap_err();
        assert!(
            e.message
                .starts_with("$.valid_until: `2026-02-30` is not an ISO 8601 date"),
            "{}",
            e.message
        );
    }

    #[test]
    fn other_versions_are_refused() {
        let src = br#"{"schema_version":2,"declaration_id":"D","contract":{"prime":"a"}}"#;
        let e = read("d.json", src).unwrap_err();
        assert!(e.message.starts_with("$.schema_version:"), "{}", e.message);
    }
}
