//! Declaration CSV: the input is split at the first two 0xFF bytes into the declaration,
//! parties and links tables for `read_csv_tables`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0xFF);
    let d = parts.next().unwrap_or_default();
    let p = parts.next().unwrap_or_default();
    let l = parts.next().unwrap_or_default();
    let _ = flowdown_ingest::declaration::read_csv_tables("fuzz", d, p, l);
});
