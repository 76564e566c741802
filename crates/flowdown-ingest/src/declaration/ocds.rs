//! OCDS 1.1.x release packages, record packages, single releases and records.
//!
//! The buyer is the root of the chain (`contract.prime`, tier 0 of the graph) and the suppliers
//! of each award are linked to it; the subcontracting extension (`awards[].subcontracting
//! .subcontracts[]`) adds supplier → subcontractor links. OCDS cannot say whether
//! anti-trafficking terms were flowed down, so every link is read without an attestation and
//! reported as `missing-flowdown`; that is stated in the report notes, never assumed away.

use super::countries::alpha2_of;
use super::decl_err;
use flowdown_core::{
    ContractRef, Date, Declaration, DeclarationFormat, DeclarationLocation, Error, Identifier,
    Link, LocationStyle, Party, ReadDeclaration, SourceMap, SubcontractorsStatus,
};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Default)]
struct Builder {
    parties: Vec<Party>,
    party_locs: Vec<DeclarationLocation>,
    links: Vec<Link>,
    link_locs: Vec<DeclarationLocation>,
    notes: Vec<String>,
}

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    let v: Value = serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| decl_err(name, format!("$: not valid JSON: {e}")))?;
    let mut releases: Vec<(String, &Value)> = Vec::new();
    let mut b = Builder::default();
    if let Some(records) = v.get("records").and_then(Value::as_array) {
        for (i, r) in records.iter().enumerate() {
            if let Some(c) = r.get("compiledRelease").filter(|c| c.is_object()) {
                releases.push((format!("$.records[{i}].compiledRelease"), c));
            } else if let Some((j, last)) =
                r.get("releases").and_then(Value::as_array).and_then(|rs| {
                    rs.iter()
                        .enumerate()
                        .rev()
                        .find(|(_, x)| x.get("ocid").is_some())
                })
            {
                releases.push((format!("$.records[{i}].releases[{j}]"), last));
            } else {
                b.notes.push(format!(
                    "$.records[{i}] has no compiledRelease and no embedded release; skipped"
                ));
            }
        }
    } else if let Some(rs) = v
        .get("releases")
        .and_then(Value::as_array)
        .filter(|_| v.get("compiledRelease").is_none())
    {
        for (i, r) in rs.iter().enumerate() {
            releases.push((format!("$.releases[{i}]"), r));
        }
    } else if let Some(c) = v.get("compiledRelease").filter(|c| c.is_object()) {
        releases.push(("$.compiledRelease".to_owned(), c));
    } else if v.get("ocid").is_some() {
        releases.push(("$".to_owned(), &v));
    } else {
        return Err(decl_err(
            name,
            "$: not an OCDS release package, record package, release or record",
        ));
    }
    if releases.is_empty() {
        return Err(decl_err(name, "$: the package holds no release"));
    }
    if let Some(ver) = v.get("version").and_then(Value::as_str) {
        if !ver.starts_with("1.1") {
            b.notes.push(format!(
                "$.version is `{ver}`; this reader targets OCDS 1.1.x and reads what it can"
            ));
        }
    }

    let mut prime = String::new();
    let mut ocid = String::new();
    let mut declared_at = None;
    for (base, rel) in &releases {
        if ocid.is_empty() {
            ocid = str_at(rel, "ocid").to_owned();
            declared_at = rel
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| d.get(..10))
                .and_then(|d| Date::parse(d).ok());
        }
        let buyer = read_release(&mut b, base, rel);
        if prime.is_empty() {
            if let Some(bid) = buyer {
                prime = bid;
            }
        }
    }
    if prime.is_empty() {
        b.notes
            .push("no buyer found: the chain has no root".to_owned());
    }
    b.notes.push(
        "OCDS carries no flow-down attestations: every link is reported as missing-flowdown"
            .to_owned(),
    );
    b.notes
        .push("the buyer is the root of the chain; award suppliers are tier 1".to_owned());
    Ok(ReadDeclaration {
        path: name.to_owned(),
        format: DeclarationFormat::Ocds,
        declaration: Declaration {
            schema_version: 1,
            declaration_id: ocid.clone(),
            declared_at,
            valid_until: None,
            contract: ContractRef {
                id: ocid,
                buyer: Some(prime.clone()).filter(|p| !p.is_empty()),
                prime,
            },
            parties: b.parties,
            links: b.links,
        },
        source: SourceMap {
            style: LocationStyle::JsonPath,
            parties: b.party_locs,
            links: b.link_locs,
            ..SourceMap::default()
        },
        notes: b.notes,
    })
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Reads one release; returns the buyer's party id.
fn read_release(b: &mut Builder, base: &str, rel: &Value) -> Option<String> {
    // id → index among this release's parties.
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    if let Some(ps) = rel.get("parties").and_then(Value::as_array) {
        for (j, p) in ps.iter().enumerate() {
            let idx = push_party(b, &format!("{base}.parties[{j}]"), p);
            if let Some(id) = b.parties.get(idx).map(|p| p.id.clone()) {
                by_id.entry(id).or_insert(idx);
            }
        }
    } else {
        b.notes.push(format!(
            "{base} has no parties array; parties are taken from buyer and awards"
        ));
    }
    let mut resolve = |b: &mut Builder, path: &str, org: &Value| -> usize {
        let id = str_at(org, "id");
        if let Some(i) = (!id.is_empty()).then(|| by_id.get(id)).flatten() {
            return *i;
        }
        let idx = push_party(b, path, org);
        if let Some(id) = b.parties.get(idx).map(|p| p.id.clone()) {
            by_id.entry(id).or_insert(idx);
        }
        idx
    };
    let buyer = rel
        .get("buyer")
        .filter(|x| x.is_object())
        .map(|o| resolve(b, &format!("{base}.buyer"), o));
    let buyer_id = buyer.and_then(|i| b.parties.get(i)).map(|p| p.id.clone());
    let awards = rel
        .get("awards")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (k, a) in awards.iter().enumerate() {
        let suppliers = a
            .get("suppliers")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut award_suppliers = Vec::new();
        for (m, s) in suppliers.iter().enumerate() {
            let path = format!("{base}.awards[{k}].suppliers[{m}]");
            let si = resolve(b, &path, s);
            let sid = b.parties.get(si).map(|p| p.id.clone()).unwrap_or_default();
            award_suppliers.push(si);
            if let Some(bid) = &buyer_id {
                b.links.push(Link {
                    buyer: bid.clone(),
                    supplier: sid,
                    goods: Vec::new(),
                    flowdown: None,
                });
                b.link_locs.push(DeclarationLocation::json(path));
            }
        }
        if a.get("hasSubcontracting").and_then(Value::as_bool) == Some(false) {
            for si in &award_suppliers {
                if let Some(p) = b.parties.get_mut(*si) {
                    p.subcontractors = SubcontractorsStatus::None;
                }
            }
        }
        let subs = a
            .get("subcontracting")
            .and_then(|s| s.get("subcontracts"))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (s, sc) in subs.iter().enumerate() {
            let spath = format!("{base}.awards[{k}].subcontracting.subcontracts[{s}]");
            let Some(org) = sc.get("subcontractor").filter(|o| o.is_object()) else {
                b.notes.push(format!("{spath} names no subcontractor"));
                continue;
            };
            let sub = resolve(b, &format!("{spath}.subcontractor"), org);
            let sub_id = b.parties.get(sub).map(|p| p.id.clone()).unwrap_or_default();
            let mains: Vec<usize> = match sc.get("mainContractors").and_then(Value::as_array) {
                Some(ms) => ms
                    .iter()
                    .enumerate()
                    .map(|(n, m)| resolve(b, &format!("{spath}.mainContractors[{n}]"), m))
                    .collect(),
                None => award_suppliers.clone(),
            };
            for main in mains {
                let Some(p) = b.parties.get_mut(main) else {
                    continue;
                };
                p.subcontractors = SubcontractorsStatus::Declared;
                let main_id = p.id.clone();
                b.links.push(Link {
                    buyer: main_id,
                    supplier: sub_id.clone(),
                    goods: Vec::new(),
                    flowdown: None,
                });
                b.link_locs.push(DeclarationLocation::json(spath.clone()));
            }
        }
    }
    buyer_id
}

/// Adds an organisation (a party or an organisation reference) and returns its index.
fn push_party(b: &mut Builder, path: &str, org: &Value) -> usize {
    let ident = org.get("identifier");
    let ident_id = ident
        .map(|i| match i.get("id") {
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        })
        .unwrap_or_default();
    let ident_id = if ident_id == "null" {
        b.notes.push(format!(
            "{path}.identifier.id is the string \"null\"; read as missing"
        ));
        String::new()
    } else {
        ident_id
    };
    let ident_scheme = ident
        .map(|i| str_at(i, "scheme").trim().to_owned())
        .unwrap_or_default();
    let mut name = str_at(org, "name").trim().to_owned();
    if name.is_empty() {
        name = ident
            .map(|i| str_at(i, "legalName").trim().to_owned())
            .unwrap_or_default();
    }
    let mut id = match org.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if id.is_empty() {
        id = if !ident_id.is_empty() {
            if ident_scheme.is_empty() {
                ident_id.clone()
            } else {
                format!("{ident_scheme}-{ident_id}")
            }
        } else if !name.is_empty() {
            name.clone()
        } else {
            path.to_owned()
        };
        b.notes.push(format!("{path} has no id; `{id}` is used"));
    }
    if name.is_empty() {
        b.notes.push(format!("{path} has no name"));
    }
    let mut identifiers = Vec::new();
    if !ident_id.is_empty() {
        identifiers.push(Identifier {
            scheme: scheme_of(&ident_scheme),
            value: ident_id,
        });
    } else if ident.is_some() {
        b.notes.push(format!("{path}.identifier has no usable id"));
    }
    if let Some(extra) = org.get("additionalIdentifiers").and_then(Value::as_array) {
        for (n, x) in extra.iter().enumerate() {
            let v = str_at(x, "id").trim();
            if v.is_empty() {
                b.notes
                    .push(format!("{path}.additionalIdentifiers[{n}] has no id"));
            } else {
                identifiers.push(Identifier {
                    scheme: scheme_of(str_at(x, "scheme")),
                    value: v.to_owned(),
                });
            }
        }
    }
    let country_name = org
        .get("address")
        .and_then(|a| a.get("countryName"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let country = if country_name.trim().is_empty() {
        None
    } else if let Some(c) = alpha2_of(country_name) {
        Some(c.to_owned())
    } else {
        b.notes.push(format!(
            "{path}.address.countryName `{country_name}` has no ISO 3166-1 code; left out"
        ));
        None
    };
    b.parties.push(Party {
        id,
        name,
        country,
        identifiers,
        goods: Vec::new(),
        subcontractors: SubcontractorsStatus::Unknown,
    });
    b.party_locs.push(DeclarationLocation::json(path));
    b.parties.len() - 1
}

/// org-id.guide schemes that flowdown checks, mapped to its own scheme names.
fn scheme_of(s: &str) -> String {
    match s.trim().to_ascii_uppercase().as_str() {
        "XI-LEI" | "LEI" => "lei".into(),
        "US-DUNS" | "DUNS" => "duns".into(),
        "XI-GLN" | "GLN" => "gln".into(),
        "XI-NCAGE" | "NCAGE" => "ncage".into(),
        "US-CAGE" | "CAGE" => "cage".into(),
        "US-UEI" | "UEI" => "uei".into(),
        _ => s.trim().to_owned(),
    }
}
