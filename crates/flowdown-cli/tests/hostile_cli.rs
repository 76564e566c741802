//! Hostile documents in a batch: each gets its named error in the report, the readable
//! document beside them is still judged, and the run exits 2.

use std::path::Path;
use std::process::Command;

#[test]
fn hostile_files_are_reported_and_the_batch_goes_on() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_flowdown"))
        .current_dir(&repo)
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "fixtures/formats/hostile",
            "fixtures/formats/contract.docx",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    let kind_of = |suffix: &str| -> String {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(suffix))
            .map(|d| d["error"]["kind"].as_str().unwrap_or("none").to_owned())
            .unwrap_or_else(|| panic!("{suffix} not in the report"))
    };
    assert_eq!(kind_of("truncated.docx"), "malformed");
    assert_eq!(kind_of("zip_bomb.docx"), "limit-exceeded");
    assert_eq!(kind_of("billion_laughs.xml"), "entity-refused");
    assert_eq!(kind_of("xxe.xml"), "entity-refused");
    assert_eq!(kind_of("xxe.docx"), "entity-refused");
    assert_eq!(kind_of("no_text_layer.pdf"), "no-text-layer");
    let contract = docs
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("contract.docx"))
        .unwrap();
    assert!(contract["error"].is_null());
    assert_eq!(contract["format"], "docx");
    assert_eq!(contract["requirements"].as_array().unwrap().len(), 11);
}
