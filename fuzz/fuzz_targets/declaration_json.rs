//! Declaration JSON (native, OCDS, OMTSF): `read_declaration_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = flowdown_ingest::declaration::read_declaration_bytes("fuzz.json", data);
});
