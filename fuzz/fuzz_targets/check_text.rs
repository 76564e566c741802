//! The judgement entry point: `flowdown::check_text` with the built-in pack. Also checks that
//! a report without an error has one result per requirement and that every evidence span is
//! ordered (its offsets are into the normalised text, so they are not checked against `data`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PACK: LazyLock<flowdown::Pack> = LazyLock::new(flowdown::Pack::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let r = flowdown::check_text(&PACK, "fuzz.txt", text, &flowdown::CheckOptions::default());
    assert!(r.error.is_some() || r.requirements.len() == PACK.requirements.len());
    for e in r.requirements.iter().flat_map(|q| &q.evidence) {
        assert!(e.start <= e.end, "evidence span {}..{}", e.start, e.end);
    }
});
