//! OMTSF (Open Multi-Tier Supply-chain Format) graphs, `omts_version` 0.1.x.
//!
//! `organization` nodes become parties (jurisdiction → country, identifiers kept with their
//! schemes); supply-type edges (`supplies`, `subcontracts`, `tolls`, `distributes`, `brokers`,
//! `sells_to`) become links from `target` (buyer) to `source` (supplier). OMTSF names no prime
//! and carries no flow-down attestation: the prime is the one organisation that buys and never
//! supplies (stated in the notes), and every link is reported as `missing-flowdown`.

use super::decl_err;
use flowdown_core::{
    ContractRef, Date, Declaration, DeclarationFormat, DeclarationLocation, Error, Identifier,
    Link, LocationStyle, Party, ReadDeclaration, SourceMap, SubcontractorsStatus,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SUPPLY_EDGES: [&str; 6] = [
    "supplies",
    "subcontracts",
    "tolls",
    "distributes",
    "brokers",
    "sells_to",
];

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<ReadDeclaration, Error> {
    let v: Value = serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| decl_err(name, format!("$: not valid JSON: {e}")))?;
    let mut notes = Vec::new();
    let version = v
        .get("omts_version")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !version.starts_with("0.1") {
        notes.push(format!(
            "$.omts_version is `{version}`; this reader targets 0.1.x"
        ));
    }
    let nodes = v
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| decl_err(name, "$.nodes: missing or not an array"))?;
    let mut parties = Vec::new();
    let mut party_locs = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let path = format!("$.nodes[{i}]");
        let id = n
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| decl_err(name, format!("{path}.id: missing or not a string")))?;
        let ty = n.get("type").and_then(Value::as_str).unwrap_or_default();
        if ty != "organization" {
            *kinds.entry(ty.to_owned()).or_default() += 1;
            continue;
        }
        let mut identifiers = Vec::new();
        for x in n
            .get("identifiers")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            identifiers.push(Identifier {
                scheme: x
                    .get("scheme")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                value: x
                    .get("value")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
            });
        }
        let jurisdiction = n
            .get("jurisdiction")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let country = match jurisdiction.split_once('-') {
            Some((c, _)) => {
                notes.push(format!(
                    "{path}.jurisdiction `{jurisdiction}` is a subdivision; country `{c}` used"
                ));
                Some(c.to_owned())
            }
            None if jurisdiction.is_empty() => None,
            None => Some(jurisdiction.to_owned()),
        };
        parties.push(Party {
            id: id.to_owned(),
            name: n
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            country,
            identifiers,
            goods: Vec::new(),
            subcontractors: SubcontractorsStatus::Unknown,
        });
        party_locs.push(DeclarationLocation::json(path));
    }
    if !kinds.is_empty() {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        notes.push(format!(
            "nodes that are not organisations are not parties: {}",
            list.join(", ")
        ));
    }
    let mut links = Vec::new();
    let mut link_locs = Vec::new();
    let empty = Vec::new();
    let edges = v.get("edges").and_then(Value::as_array).unwrap_or(&empty);
    for (i, e) in edges.iter().enumerate() {
        let path = format!("$.edges[{i}]");
        let ty = e.get("type").and_then(Value::as_str).unwrap_or_default();
        if !SUPPLY_EDGES.contains(&ty) {
            continue;
        }
        let end = |k: &str| {
            e.get(k)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| decl_err(name, format!("{path}.{k}: missing or not a string")))
        };
        let (source, target) = (end("source")?, end("target")?);
        links.push(Link {
            buyer: target,
            supplier: source,
            goods: Vec::new(),
            flowdown: None,
        });
        link_locs.push(DeclarationLocation::json(path));
    }
    // The prime: an organisation that buys and never supplies.
    let suppliers: BTreeSet<&str> = links.iter().map(|l| l.supplier.as_str()).collect();
    let org_ids: BTreeSet<&str> = parties.iter().map(|p| p.id.as_str()).collect();
    let roots: BTreeSet<&str> = links
        .iter()
        .map(|l| l.buyer.as_str())
        .filter(|b| !suppliers.contains(b) && org_ids.contains(b))
        .collect();
    let prime = match (roots.iter().next(), roots.len()) {
        (Some(r), 1) => {
            notes.push(format!("OMTSF names no prime: `{r}`, the only organisation that buys and never supplies, is taken as the prime"));
            (*r).to_owned()
        }
        (Some(r), n) => {
            notes.push(format!("OMTSF names no prime and {n} organisations buy without supplying; `{r}` is taken as the prime"));
            (*r).to_owned()
        }
        (None, _) => {
            let first = parties.first().map(|p| p.id.clone()).unwrap_or_default();
            notes.push(format!("OMTSF names no prime and no organisation is a root buyer; `{first}` is taken as the prime"));
            first
        }
    };
    notes.push(
        "OMTSF carries no flow-down attestations: every link is reported as missing-flowdown"
            .to_owned(),
    );
    let snapshot = v
        .get("snapshot_date")
        .and_then(Value::as_str)
        .and_then(|d| Date::parse(d).ok());
    Ok(ReadDeclaration {
        path: name.to_owned(),
        format: DeclarationFormat::Omtsf,
        declaration: Declaration {
            schema_version: 1,
            declaration_id: v
                .get("file_salt")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            declared_at: snapshot,
            valid_until: None,
            contract: ContractRef {
                id: String::new(),
                buyer: None,
                prime,
            },
            parties,
            links,
        },
        source: SourceMap {
            style: LocationStyle::JsonPath,
            parties: party_locs,
            links: link_locs,
            ..SourceMap::default()
        },
        notes,
    })
}
