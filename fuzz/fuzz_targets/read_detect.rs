//! `flowdown_ingest::read_bytes` with format detection by content (what `flowdown check` does).
#![no_main]
use flowdown_ingest::{read_bytes, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes("fuzz", data, &ReadOptions::default());
});
