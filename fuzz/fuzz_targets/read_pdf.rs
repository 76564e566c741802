//! `flowdown_ingest::read_bytes` with the format forced to Pdf: an error or a document,
//! never a panic, a hang or unbounded memory.
#![no_main]
use flowdown_core::Format;
use flowdown_ingest::{read_bytes, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // pdf-extract and its CMap parser panic on hostile input; the PDF reader catches those
        // panics and refuses the PDF as malformed (contract/pdf.rs), so a panic raised in a
        // registry crate is left to that catch. Any other panic, and any panic that escapes
        // the reader, still aborts (libfuzzer-sys aborts on an unwinding target).
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("/.cargo/registry/")) {
                abort(info);
            }
        }));
    },
    |data: &[u8]| {
        let opts = ReadOptions {
            format: Some(Format::Pdf),
            ..ReadOptions::default()
        };
        let _ = read_bytes("fuzz", data, &opts);
    }
);
