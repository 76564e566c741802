//! Declaration OMTSF JSON, without the format sniffing: `read_omtsf_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = flowdown_ingest::declaration::read_omtsf_bytes("fuzz.json", data);
});
