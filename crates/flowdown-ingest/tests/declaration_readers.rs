//! Declaration readers: XLSX fixtures written from the CSV ones (and kept up to date), the
//! JSON Schema of the native format (generated, committed, kept up to date), malformed inputs,
//! and the real OCDS and OMTSF samples of `../shared/supplychain`.

use flowdown_core::{Declaration, DeclarationFormat};
use flowdown_ingest::declaration::{read_declaration, read_declaration_bytes};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn update() -> bool {
    std::env::var_os("FLOWDOWN_UPDATE_FIXTURES").is_some()
}

/// Writes the three CSV files of `dir` as the sheets of a workbook, cells as text.
fn xlsx_from_csv(dir: &Path) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    // Fixed document dates keep the bytes deterministic.
    let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 1).unwrap();
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&when));
    for sheet in ["declaration", "parties", "links"] {
        let text = std::fs::read_to_string(dir.join(format!("{sheet}.csv"))).unwrap();
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for (r, rec) in rdr.records().enumerate() {
            for (c, v) in rec.unwrap().iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), v)
                        .unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_fixtures_are_up_to_date() {
    for name in ["clean", "mixed"] {
        let dir = repo().join("fixtures/declarations").join(name);
        let bytes = xlsx_from_csv(&dir.join("csv"));
        let target = dir.join(format!("{name}.xlsx"));
        if update() {
            std::fs::write(&target, &bytes).unwrap();
        }
        let committed = std::fs::read(&target).unwrap_or_default();
        assert!(
            committed == bytes,
            "{} is out of date: run FLOWDOWN_UPDATE_FIXTURES=1 cargo test -p flowdown-ingest --test declaration_readers",
            target.display()
        );
        // Deterministic: a second run gives the same bytes.
        assert_eq!(xlsx_from_csv(&dir.join("csv")), bytes);
    }
}

#[test]
fn json_schema_is_up_to_date() {
    let schema = schemars::schema_for!(Declaration);
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    let target = repo().join("schemas/declaration.schema.json");
    if update() {
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&target).unwrap_or_default();
    assert!(
        committed == text,
        "schemas/declaration.schema.json is out of date: run FLOWDOWN_UPDATE_FIXTURES=1 cargo test -p flowdown-ingest --test declaration_readers"
    );
    let v: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(v["additionalProperties"], serde_json::json!(false));
    assert!(v["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == "schema_version"));
}

#[test]
fn same_declaration_in_three_formats_reads_the_same() {
    let dir = repo().join("fixtures/declarations/clean");
    let json = read_declaration(&dir.join("clean.json")).unwrap();
    let csv = read_declaration(&dir.join("csv")).unwrap();
    let xlsx = read_declaration(&dir.join("clean.xlsx")).unwrap();
    assert_eq!(json.format, DeclarationFormat::Json);
    assert_eq!(csv.format, DeclarationFormat::Csv);
    assert_eq!(xlsx.format, DeclarationFormat::Xlsx);
    assert_eq!(json.declaration, csv.declaration);
    assert_eq!(json.declaration, xlsx.declaration);
    // Locations: JSON path, CSV row, XLSX cell.
    assert_eq!(
        json.source
            .link(1, Some("flowdown.valid_until"))
            .json_path
            .as_deref(),
        Some("$.links[1].flowdown.valid_until")
    );
    let l = csv.source.link(1, Some("flowdown.valid_until"));
    assert_eq!((l.sheet.as_deref(), l.row), (Some("links.csv"), Some(3)));
    let l = xlsx.source.link(1, Some("flowdown.valid_until"));
    assert_eq!(
        (l.sheet.as_deref(), l.cell.as_deref()),
        (Some("links"), Some("F3"))
    );
    let l = xlsx.source.party(2, Some("identifiers[0]"));
    assert_eq!(l.cell.as_deref(), Some("D4"));
}

#[test]
fn malformed_declarations_are_named_errors() {
    let cases: [(&[u8], &str); 4] = [
        (b"{\"schema_version\":1,", "$: not valid JSON"),
        (br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},"parties":[{"id":"a","goods":"cotton"}]}"#, "$.parties[0].goods: invalid type: string \"cotton\", expected a sequence"),
        (br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a","tier":2}}"#, "$.contract.tier: unknown field `tier`"),
        (br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"a"},"links":[{"buyer":"a","supplier":"b","flowdown":{"requirements":"most","attested_at":"2026-01-01"}}]}"#, "$.links[0].flowdown.requirements: invalid value: string \"most\""),
    ];
    for (src, want) in cases {
        let e = read_declaration_bytes("d.json", src).unwrap_err();
        assert_eq!(e.kind, flowdown_core::ErrorKind::Declaration);
        assert!(
            e.message.starts_with(want),
            "{} does not start with {want}",
            e.message
        );
    }
    let e =
        read_declaration(&repo().join("fixtures/declarations/does-not-exist.json")).unwrap_err();
    assert_eq!(e.kind, flowdown_core::ErrorKind::NotFound);
}

fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared/supplychain");
    p.is_dir().then_some(p)
}

#[test]
fn real_ocds_samples_are_read() {
    let Some(sc) = shared() else {
        eprintln!("../shared/supplychain not found; OCDS samples skipped");
        return;
    };
    let ocds = sc.join("ocds/real");
    let read = |f: &str| read_declaration(&ocds.join(f)).unwrap();

    let ng = read("nigeria_nocopo_record_ocds-gyl66f-borbda-27yetd.json");
    assert_eq!(ng.format, DeclarationFormat::Ocds);
    let d = &ng.declaration;
    let ids: Vec<&str> = d.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "NGA-BRBDA-866594103",
            "NGA-BRBDA-316194103",
            "NGA-BPPNO-861017035",
            "NGA-DNL-22686163"
        ]
    );
    assert_eq!(d.contract.prime, "NGA-BRBDA-866594103");
    assert_eq!(d.links.len(), 1);
    assert_eq!(
        (d.links[0].buyer.as_str(), d.links[0].supplier.as_str()),
        ("NGA-BRBDA-866594103", "NGA-DNL-22686163")
    );
    assert!(d.links[0].flowdown.is_none());
    assert_eq!(
        ng.source.link(0, None).json_path.as_deref(),
        Some("$.compiledRelease.awards[0].suppliers[0]")
    );
    assert_eq!(d.parties[1].country.as_deref(), Some("NG"));
    assert!(
        ng.notes
            .iter()
            .any(|n| n.contains("$.compiledRelease.parties[2] has no name")),
        "{:?}",
        ng.notes
    );

    let py = read("paraguay_dncp_record-package_277004.json");
    let d = &py.declaration;
    assert_eq!(d.parties.len(), 5, "buyer + 4 supplier entries");
    assert_eq!(
        d.parties[2].id, d.parties[3].id,
        "the duplicated supplier keeps its duplicate"
    );
    assert_eq!(d.parties[1].country.as_deref(), Some("PY"));
    assert!(py.notes.iter().any(|n| n.contains("has no parties array")));

    let cons = read("paraguay_dncp_record-package_280555.json");
    assert!(cons
        .notes
        .iter()
        .any(|n| n.contains("identifier.id is the string \"null\"")));
    assert!(cons
        .declaration
        .parties
        .iter()
        .any(|p| p.id == "CONSORCIO SIEMENS - RIEDER - 500 KV"));

    let uk = read("uk_contracts_finder_record_ocds-b5fd17-2c330cf9.json");
    assert_eq!(uk.declaration.parties[0].country.as_deref(), Some("GB"));
    assert!(uk.declaration.parties[0].identifiers.is_empty());
    assert!(uk.declaration.links.is_empty());

    let nsw = read("nsw_etendering_release-package_1.json");
    assert!(
        nsw.notes.iter().any(|n| n.contains("1.0")),
        "{:?}",
        nsw.notes
    );
    let _ = read("nigeria_nocopo_release_ocds-gyl66f-borbda-27yetd.json");
}

#[test]
fn omtsf_graphs_are_read() {
    let Some(sc) = shared() else {
        eprintln!("../shared/supplychain not found; OMTSF samples skipped");
        return;
    };
    for entry in std::fs::read_dir(sc.join("omts/valid")).unwrap() {
        let p = entry.unwrap().path();
        let r = read_declaration(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert_eq!(r.format, DeclarationFormat::Omtsf, "{}", p.display());
    }
    let full = read_declaration(&sc.join("omts/valid/full-featured.omts.json")).unwrap();
    let link = &full.declaration.links[0];
    assert_eq!(
        (link.buyer.as_str(), link.supplier.as_str()),
        ("org-alpha", "org-beta")
    );
    assert_eq!(
        full.source.link(0, None).json_path.as_deref(),
        Some("$.edges[1]")
    );
    // The one invalid fixture the model cannot hold is a node without an id.
    let e = read_declaration(&sc.join("omts/invalid/missing-node-id.omts.json")).unwrap_err();
    assert_eq!(e.message, "$.nodes[0].id: missing or not a string");
}
