//! Inputs found by the fuzz targets (`fuzz/`, issue 9), replayed against the readers they broke.
//! Every file under `fuzz/regressions/<target>/` is fed to that target's entry point and must
//! give a document or a named error, never a panic; the findings also have a test of their own
//! below that pins the error.

use flowdown_core::Format;
use flowdown_ingest::declaration::{
    read_csv_tables, read_declaration_bytes, read_ocds_bytes, read_omtsf_bytes, read_xlsx_bytes,
};
use flowdown_ingest::{read_bytes, ReadOptions};
use std::path::{Path, PathBuf};

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions")
}

/// What the fuzz target `target` does with `data` (see `fuzz/fuzz_targets/<target>.rs`);
/// `false` for a target this crate does not hold.
fn run_target(target: &str, data: &[u8]) -> bool {
    let forced = |format| {
        let opts = ReadOptions {
            format: Some(format),
            ..ReadOptions::default()
        };
        let _ = read_bytes("fuzz", data, &opts);
    };
    match target {
        "read_text" => forced(Format::Text),
        "read_markdown" => forced(Format::Markdown),
        "read_docx" => forced(Format::Docx),
        "read_odt" => forced(Format::Odt),
        "read_html" => forced(Format::Html),
        "read_xml" => forced(Format::Xml),
        "read_pdf" => forced(Format::Pdf),
        "read_detect" => {
            let _ = read_bytes("fuzz", data, &ReadOptions::default());
        }
        "declaration_json" => {
            let _ = read_declaration_bytes("fuzz.json", data);
        }
        "declaration_ocds" => {
            let _ = read_ocds_bytes("fuzz.json", data);
        }
        "declaration_omtsf" => {
            let _ = read_omtsf_bytes("fuzz.json", data);
        }
        "declaration_xlsx" => {
            let _ = read_xlsx_bytes("fuzz.xlsx", data);
        }
        "declaration_csv" => {
            let mut parts = data.splitn(3, |b| *b == 0xFF);
            let d = parts.next().unwrap_or_default();
            let p = parts.next().unwrap_or_default();
            let l = parts.next().unwrap_or_default();
            let _ = read_csv_tables("fuzz", d, p, l);
        }
        _ => return false,
    }
    true
}

#[test]
fn every_committed_finding_is_read_without_a_panic() {
    let Ok(dirs) = std::fs::read_dir(regressions()) else {
        return;
    };
    for dir in dirs {
        let dir = dir.unwrap().path();
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            let data = std::fs::read(&f).unwrap();
            run_target(&target, &data);
        }
    }
}

/// `read_pdf`, 2026-11-23 (found mutating `contract.pdf`, rebuilt by hand as an 806-byte PDF):
/// a font whose ToUnicode CMap says `2 beginbfchar` and ends after one pair and a half makes
/// `adobe-cmap-parser` index past its tokens (pdf-extract unwraps its errors too). The panic
/// was caught, but the page was then read as a page without text and the rest of the contract
/// judged without it; the PDF is now refused as malformed, naming the page.
#[test]
fn pdf_page_whose_font_cmap_panics_is_malformed() {
    let data = std::fs::read(regressions().join("read_pdf/cmap_count_past_end.pdf")).unwrap();
    assert!(run_target("read_pdf", &data));
    let opts = ReadOptions {
        format: Some(Format::Pdf),
        ..ReadOptions::default()
    };
    let e = read_bytes("fuzz.pdf", &data, &opts).unwrap_err();
    assert_eq!(e.kind, flowdown_core::ErrorKind::Malformed, "{}", e.message);
    assert!(e.message.starts_with("PDF page "), "{}", e.message);
}
