//! Declaration OCDS JSON, without the format sniffing: `read_ocds_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = flowdown_ingest::declaration::read_ocds_bytes("fuzz.json", data);
});
