//! `flowdown_ingest::read_bytes` with the format forced to Odt: an error or a document,
//! never a panic, a hang or unbounded memory.
#![no_main]
use flowdown_core::Format;
use flowdown_ingest::{read_bytes, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        format: Some(Format::Odt),
        ..ReadOptions::default()
    };
    let _ = read_bytes("fuzz", data, &opts);
});
