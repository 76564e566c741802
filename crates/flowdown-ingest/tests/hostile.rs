//! Hostile inputs: each gives its named error kind, in bounded memory, never a panic.

use flowdown_core::ErrorKind;
use flowdown_ingest::{read_bytes, read_path, Limits, ReadOptions};
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats")
        .join(name)
}

fn kind_of(name: &str) -> (ErrorKind, String) {
    let e = read_path(&fixture(name), &ReadOptions::default()).expect_err(name);
    (e.kind, e.message)
}

#[test]
fn truncated_zip_is_malformed() {
    assert_eq!(kind_of("hostile/truncated.docx").0, ErrorKind::Malformed);
}

#[test]
fn zip_bomb_stops_at_the_ratio_limit() {
    let (kind, msg) = kind_of("hostile/zip_bomb.docx");
    assert_eq!(kind, ErrorKind::LimitExceeded);
    assert!(msg.contains("max-compression-ratio"), "{msg}");
}

#[test]
fn entities_are_refused() {
    for f in [
        "hostile/billion_laughs.xml",
        "hostile/xxe.xml",
        "hostile/xxe.docx",
    ] {
        assert_eq!(kind_of(f).0, ErrorKind::EntityRefused, "{f}");
    }
    let e = read_bytes("x.xml", b"<c>&undeclared;</c>", &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::EntityRefused);
}

#[test]
fn pdf_without_text_layer() {
    assert_eq!(
        kind_of("hostile/no_text_layer.pdf").0,
        ErrorKind::NoTextLayer
    );
}

fn ole2(streams: &[&str]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for s in streams {
        let mut st = cf.create_stream(format!("/{s}")).unwrap();
        st.write_all(b"\x04\x00\x04\x00\x40\x00\x00\x00 not a real payload")
            .unwrap();
    }
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

#[test]
fn encrypted_docx_and_legacy_doc() {
    let enc = ole2(&["EncryptionInfo", "EncryptedPackage"]);
    let e = read_bytes("secret.docx", &enc, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Encrypted);
    let doc = ole2(&["WordDocument", "1Table"]);
    let e = read_bytes("old.doc", &doc, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnsupportedFormat);
    assert!(e.message.contains(".doc"), "{}", e.message);
}

#[test]
fn deep_nesting_hits_the_depth_limit() {
    let deep_xml = format!("<a>{}x{}</a>", "<b>".repeat(10_000), "</b>".repeat(10_000));
    let e = read_bytes("deep.xml", deep_xml.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::LimitExceeded);
    assert!(e.message.contains("max-xml-depth"));
    let deep_html = format!(
        "<!doctype html><body>{}x{}</body>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let e = read_bytes("deep.html", deep_html.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::LimitExceeded);
}

#[test]
fn each_limit_is_named() {
    let docx = std::fs::read(fixture("contract.docx")).unwrap();
    let pdf = std::fs::read(fixture("contract.pdf")).unwrap();
    let cases: Vec<(Limits, &[u8], &str)> = vec![
        (
            Limits {
                max_file_size: 100,
                ..Limits::default()
            },
            &docx,
            "max-file-size",
        ),
        (
            Limits {
                max_zip_entries: 3,
                ..Limits::default()
            },
            &docx,
            "max-zip-entries",
        ),
        (
            Limits {
                max_entry_size: 1000,
                ..Limits::default()
            },
            &docx,
            "max-entry-size",
        ),
        (
            Limits {
                max_total_uncompressed: 5000,
                ..Limits::default()
            },
            &docx,
            "max-total-uncompressed",
        ),
        (
            Limits {
                max_xml_depth: 3,
                ..Limits::default()
            },
            &docx,
            "max-xml-depth",
        ),
        (
            Limits {
                max_pdf_objects: 5,
                ..Limits::default()
            },
            &pdf,
            "max-pdf-objects",
        ),
    ];
    for (limits, bytes, name) in cases {
        let opts = ReadOptions {
            limits,
            ..ReadOptions::default()
        };
        let e = read_bytes("x", bytes, &opts).unwrap_err();
        assert_eq!(e.kind, ErrorKind::LimitExceeded, "{name}");
        assert!(e.message.contains(name), "{name}: {}", e.message);
    }
}

#[test]
fn garbage_never_panics() {
    // Prefixes and bit flips of every fixture: an error or a document, never a panic.
    for f in [
        "contract.docx",
        "contract.odt",
        "contract.pdf",
        "word_quirks.docx",
    ] {
        let bytes = std::fs::read(fixture(f)).unwrap();
        for cut in [10, 100, 1000, bytes.len() / 3, bytes.len() - 1] {
            let _ = read_bytes(
                f,
                bytes.get(..cut).unwrap_or(&bytes),
                &ReadOptions::default(),
            );
        }
        let mut flipped = bytes.clone();
        for i in (200..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5A;
        }
        let _ = read_bytes(f, &flipped, &ReadOptions::default());
    }
}
