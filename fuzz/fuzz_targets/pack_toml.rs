//! Pack TOML: `Pack::from_toml_str`, then compiling its term lists (as a check would).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Ok(pack) = flowdown::Pack::from_toml_str(src, "fuzz.toml") {
            let _ = flowdown::check_text(
                &pack,
                "x.txt",
                "The Supplier shall not use forced labour.",
                &flowdown::CheckOptions::default(),
            );
        }
    }
});
