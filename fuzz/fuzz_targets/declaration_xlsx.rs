//! Declaration XLSX: `read_xlsx_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = flowdown_ingest::declaration::read_xlsx_bytes("fuzz.xlsx", data);
});
