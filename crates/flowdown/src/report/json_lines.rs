//! `json-lines`: one compact JSON object per line, for streams and `jq`.
//!
//! Each document of the report is one line with the fields of a document of the JSON contract,
//! preceded by `"kind":"document"`, the contract's `schema_version` and the `pack`:
//! `{"kind":"document","schema_version":1,"pack":{"id","version"},"path",…,"summary":{…}}`.
//! Declarations follow, one line each, with `"kind":"declaration"`. Lines are in report order.

use flowdown_core::Report;
use serde::Serialize;
use serde_json::{Map, Value};

/// Renders one JSON object per document and per declaration, each on its own line.
#[must_use]
pub fn render_json_lines(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.documents {
        push_line(&mut out, "document", report, d);
    }
    for d in &report.declarations {
        push_line(&mut out, "declaration", report, d);
    }
    out
}

fn push_line(out: &mut String, kind: &str, report: &Report, item: &impl Serialize) {
    let mut obj = Map::new();
    obj.insert("kind".into(), Value::from(kind));
    obj.insert("schema_version".into(), Value::from(report.schema_version));
    obj.insert(
        "pack".into(),
        serde_json::to_value(&report.pack).unwrap_or(Value::Null),
    );
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => obj.extend(fields),
        Ok(other) => {
            obj.insert("value".into(), other);
        }
        Err(e) => {
            obj.insert(
                "error".into(),
                Value::from(format!("cannot serialise: {e}")),
            );
        }
    }
    out.push_str(&Value::Object(obj).to_string());
    out.push('\n');
}
