//! `sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.
//!
//! - `tool.driver.rules` is built from the pack docs: one rule per requirement, `id` = the
//!   requirement id, short and full descriptions, help text with what satisfies it and the model
//!   clause, and the pack severity as the default level; then one rule per declaration gap rule
//!   that occurs in the report.
//! - One result per requirement that is not `satisfied` (`ruleId` = requirement id, `level` from
//!   the severity: `error`, `warning`, `note`), located at its decisive evidence with a
//!   line/column region (columns in Unicode code points), further evidence as related
//!   locations; a `missing` requirement points at line 1 of the document.
//! - An active waiver is an accepted external suppression with the reason as justification; an
//!   expired one is named in the message and in a warning notification.
//! - Unreadable documents are error notifications (`executionSuccessful` is false).
//! - Gap findings of declarations are results too, with the JSON path as a logical location.

use super::{display_path, evidence_end, finding_message, is_finding, waiver_line, RenderContext};
use flowdown_core::{
    DeclarationReport, DocumentReport, Evidence, GapFinding, Report, RequirementResult, Severity,
};
use serde::Serialize;
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
    properties: RunProperties,
}

#[derive(Serialize)]
struct RunProperties {
    pack: flowdown_core::PackRef,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    name: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    descriptor: Option<Descriptor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct Descriptor {
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: serde_json::Value,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    fully_qualified_name: String,
    kind: &'static str,
}

/// Renders the report as a SARIF 2.1.0 log (pretty JSON, ends with a newline).
#[must_use]
pub fn render_sarif(report: &Report, ctx: &RenderContext<'_>) -> String {
    let log = build(report, ctx);
    let mut s = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise SARIF: {e}\"}}"));
    s.push('\n');
    s
}

fn build(report: &Report, ctx: &RenderContext<'_>) -> Log {
    let mut rules = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    // Requirement rules in pack order (or report order when the pack is unknown).
    let ids: Vec<String> = match ctx.pack {
        Some(p) if p.id == report.pack.id => p.requirements.iter().map(|r| r.id.clone()).collect(),
        _ => {
            let mut ids: Vec<String> = Vec::new();
            for r in report.documents.iter().flat_map(|d| &d.requirements) {
                if !ids.contains(&r.id) {
                    ids.push(r.id.clone());
                }
            }
            ids
        }
    };
    for id in &ids {
        index.insert(id.clone(), rules.len());
        rules.push(requirement_rule(id, report, ctx));
    }
    // Declaration gap rules, sorted by id.
    let mut gap_rules: BTreeMap<&str, Severity> = BTreeMap::new();
    for f in report.declarations.iter().flat_map(|d| &d.findings) {
        gap_rules.entry(f.rule.as_str()).or_insert(f.severity);
    }
    for (id, severity) in gap_rules {
        if index.contains_key(id) {
            continue;
        }
        index.insert(id.to_owned(), rules.len());
        rules.push(gap_rule(id, severity));
    }

    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for d in &report.documents {
        document_results(d, &index, &mut results, &mut notifications);
    }
    for d in &report.declarations {
        declaration_results(d, &index, &mut results, &mut notifications);
    }
    for note in &ctx.run_notes {
        notifications.push(Notification {
            level: "note",
            message: Text { text: note.clone() },
            descriptor: None,
            locations: Vec::new(),
        });
    }

    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "flowdown",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: !report.has_errors(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
            properties: RunProperties {
                pack: report.pack.clone(),
            },
        }],
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `subcontractor-flowdown` → `SubcontractorFlowdown`.
fn pascal(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn requirement_rule(id: &str, report: &Report, ctx: &RenderContext<'_>) -> Rule {
    let tags = vec![report.pack.id.clone(), "anti-trafficking".to_owned()];
    let Some(def) = ctx.requirement(id) else {
        let severity = report
            .documents
            .iter()
            .flat_map(|d| &d.requirements)
            .find(|r| r.id == id)
            .map_or(Severity::Error, |r| r.severity);
        return Rule {
            id: id.to_owned(),
            name: pascal(id),
            short_description: Text {
                text: format!("Requirement `{id}` of pack {}", report.pack.id),
            },
            full_description: None,
            help: None,
            default_configuration: Configuration {
                level: level(severity),
            },
            properties: RuleProperties { tags, source: None },
        };
    };
    let mut text = format!(
        "{}\n\nSatisfied by: {}\n\nModel clause:\n{}",
        def.summary.trim(),
        def.satisfied_by.trim(),
        def.model_clause.trim()
    );
    let mut markdown = format!(
        "**{}** ({})\n\n{}\n\n**Satisfied by:** {}\n\n**Model clause:**\n\n> {}",
        def.summary.trim(),
        def.source.trim(),
        def.explanation.trim(),
        def.satisfied_by.trim(),
        def.model_clause.trim().replace('\n', "\n> ")
    );
    if !def.examples.is_empty() {
        text.push_str("\n\nExamples:");
        markdown.push_str("\n\n**Examples:**\n");
        for ex in &def.examples {
            text.push_str(&format!("\n- {} → {}", ex.text.trim(), ex.status));
            markdown.push_str(&format!("\n- \"{}\" → `{}`", ex.text.trim(), ex.status));
        }
    }
    text.push_str(&format!("\n\nMore: flowdown explain {id}"));
    Rule {
        id: id.to_owned(),
        name: pascal(id),
        short_description: Text {
            text: def.summary.trim().to_owned(),
        },
        full_description: Some(Text {
            text: def.explanation.trim().to_owned(),
        }),
        help: Some(Help { text, markdown }),
        default_configuration: Configuration {
            level: level(def.severity),
        },
        properties: RuleProperties {
            tags,
            source: Some(def.source.clone()),
        },
    }
}

fn gap_rule(id: &str, severity: Severity) -> Rule {
    Rule {
        id: id.to_owned(),
        name: pascal(id),
        short_description: Text {
            text: format!("Supply-chain declaration gap `{id}`"),
        },
        full_description: None,
        help: Some(Help {
            text: format!("See `flowdown audit` documentation for the gap rule `{id}`."),
            markdown: format!("See the `flowdown audit` documentation for the gap rule `{id}`."),
        }),
        default_configuration: Configuration {
            level: level(severity),
        },
        properties: RuleProperties {
            tags: vec!["supply-chain".to_owned(), "anti-trafficking".to_owned()],
            source: None,
        },
    }
}

/// A relative path becomes a relative URI reference (percent-encoded); an absolute one a
/// `file://` URI.
pub(crate) fn path_uri(path: &str) -> String {
    let p = display_path(path);
    let mut out = String::with_capacity(p.len());
    let absolute = p.starts_with('/');
    let windows_drive = p.len() > 1 && p.as_bytes()[1] == b':';
    if absolute {
        out.push_str("file://");
    } else if windows_drive {
        out.push_str("file:///");
    }
    for b in p.bytes() {
        let keep =
            b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (windows_drive && b == b':');
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn evidence_location(path: &str, ev: &Evidence, id: Option<usize>) -> Location {
    let (end_line, end_column) = evidence_end(ev);
    let file = ev.file.as_deref().unwrap_or(path);
    let mut logical = Vec::new();
    if let Some(c) = &ev.clause {
        logical.push(LogicalLocation {
            fully_qualified_name: format!("clause {c}"),
            kind: "section",
        });
    }
    Location {
        id,
        physical_location: Some(PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: path_uri(file),
            },
            region: Some(Region {
                start_line: ev.line.max(1),
                start_column: Some(ev.column.max(1)),
                end_line: Some(end_line.max(ev.line.max(1))),
                end_column: Some(end_column.max(1)),
                snippet: Some(Text {
                    text: ev.text.clone(),
                }),
            }),
        }),
        logical_locations: logical,
        message: None,
    }
}

fn file_location(path: &str) -> Location {
    Location {
        physical_location: Some(PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: path_uri(path),
            },
            region: Some(Region {
                start_line: 1,
                start_column: None,
                end_line: None,
                end_column: None,
                snippet: None,
            }),
        }),
        ..Location::default()
    }
}

fn document_results(
    d: &DocumentReport,
    index: &BTreeMap<String, usize>,
    results: &mut Vec<SarifResult>,
    notifications: &mut Vec<Notification>,
) {
    if let Some(e) = &d.error {
        notifications.push(Notification {
            level: "error",
            message: Text {
                text: format!("{}: {}", display_path(&d.path), e.message),
            },
            descriptor: Some(Descriptor {
                id: e.kind.as_str().to_owned(),
            }),
            locations: vec![Location {
                physical_location: Some(PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: path_uri(&d.path),
                    },
                    region: None,
                }),
                ..Location::default()
            }],
        });
        return;
    }
    for r in d.requirements.iter().filter(|r| is_finding(r)) {
        results.push(requirement_result(d, r, index));
        if let Some(w) = r.waiver.as_ref().filter(|w| !w.active) {
            notifications.push(Notification {
                level: "warning",
                message: Text {
                    text: format!(
                        "{}: the waiver of `{}` expired on {} and no longer applies (approved by {}: {})",
                        display_path(&d.path),
                        r.id,
                        w.expires,
                        w.approver,
                        w.reason
                    ),
                },
                descriptor: Some(Descriptor {
                    id: "expired-waiver".to_owned(),
                }),
                locations: vec![file_location(&d.path)],
            });
        }
    }
}

fn requirement_result(
    d: &DocumentReport,
    r: &RequirementResult,
    index: &BTreeMap<String, usize>,
) -> SarifResult {
    let mut message = format!("{}: {}", r.id, finding_message(r));
    if let Some(first) = r.evidence.first() {
        if let Some(c) = &first.clause {
            message.push_str(&format!(" (clause {c})"));
        }
    }
    for n in &r.notes {
        message.push_str(&format!("\nNote: {n}"));
    }
    if let Some(w) = waiver_line(r) {
        message.push_str(&format!("\n{}", capitalise(&w)));
    }
    let locations = match r.evidence.first() {
        Some(ev) => vec![evidence_location(&d.path, ev, None)],
        None => vec![file_location(&d.path)],
    };
    let related = r
        .evidence
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, ev)| {
            let mut l = evidence_location(&d.path, ev, Some(i + 1));
            l.message = Some(Text {
                text: "further evidence".to_owned(),
            });
            l
        })
        .collect();
    let suppressions = r
        .waiver
        .iter()
        .filter(|w| w.active)
        .map(|w| Suppression {
            kind: "external",
            status: "accepted",
            justification: format!(
                "{} (approved by {}, expires {})",
                w.reason, w.approver, w.expires
            ),
        })
        .collect();
    let mut props = serde_json::Map::new();
    props.insert("status".into(), r.status.as_str().into());
    props.insert("severity".into(), r.severity.as_str().into());
    props.insert("reason".into(), r.reason.clone().into());
    props.insert(
        "notes".into(),
        serde_json::to_value(&r.notes).unwrap_or_default(),
    );
    if let Some(w) = &r.waiver {
        props.insert("waiver".into(), serde_json::to_value(w).unwrap_or_default());
    }
    let mut fp = BTreeMap::new();
    fp.insert(
        "flowdownRequirement/v1",
        format!("{}#{}", display_path(&d.path), r.id),
    );
    SarifResult {
        rule_id: r.id.clone(),
        rule_index: index.get(&r.id).copied().unwrap_or(0),
        level: level(r.severity),
        message: Text { text: message },
        locations,
        related_locations: related,
        partial_fingerprints: fp,
        suppressions,
        properties: serde_json::Value::Object(props),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn declaration_results(
    d: &DeclarationReport,
    index: &BTreeMap<String, usize>,
    results: &mut Vec<SarifResult>,
    notifications: &mut Vec<Notification>,
) {
    if let Some(e) = &d.error {
        notifications.push(Notification {
            level: "error",
            message: Text {
                text: format!("{}: {}", display_path(&d.path), e.message),
            },
            descriptor: Some(Descriptor {
                id: e.kind.as_str().to_owned(),
            }),
            locations: vec![Location {
                physical_location: Some(PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: path_uri(&d.path),
                    },
                    region: None,
                }),
                ..Location::default()
            }],
        });
        return;
    }
    for f in &d.findings {
        results.push(gap_result(d, f, index));
    }
}

fn gap_result(
    d: &DeclarationReport,
    f: &GapFinding,
    index: &BTreeMap<String, usize>,
) -> SarifResult {
    let loc = &f.location;
    let file = match &loc.sheet {
        // A CSV folder names the file in `sheet`; an XLSX names a sheet of the workbook.
        Some(s) if s.ends_with(".csv") => format!("{}/{s}", d.path.trim_end_matches('/')),
        _ => d.path.clone(),
    };
    let mut logical = Vec::new();
    if let Some(p) = &loc.json_path {
        logical.push(LogicalLocation {
            fully_qualified_name: p.clone(),
            kind: "element",
        });
    }
    if let (Some(sheet), Some(cell)) = (&loc.sheet, &loc.cell) {
        logical.push(LogicalLocation {
            fully_qualified_name: format!("{sheet}!{cell}"),
            kind: "element",
        });
    }
    let location = Location {
        physical_location: Some(PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: path_uri(&file),
            },
            region: Some(Region {
                start_line: loc.row.unwrap_or(1).max(1),
                start_column: None,
                end_line: None,
                end_column: None,
                snippet: None,
            }),
        }),
        logical_locations: logical,
        ..Location::default()
    };
    let mut message = format!("{}: {}", f.rule, f.message);
    let place = loc.display();
    if !place.is_empty() {
        message.push_str(&format!(" (at {place})"));
    }
    let mut props = serde_json::Map::new();
    props.insert("severity".into(), f.severity.as_str().into());
    props.insert(
        "parties".into(),
        serde_json::to_value(&f.parties).unwrap_or_default(),
    );
    props.insert("evidence".into(), f.evidence.clone());
    let mut fp = BTreeMap::new();
    fp.insert(
        "flowdownGap/v1",
        format!("{}#{}#{}", display_path(&d.path), f.rule, place),
    );
    SarifResult {
        rule_id: f.rule.clone(),
        rule_index: index.get(&f.rule).copied().unwrap_or(0),
        level: level(f.severity),
        message: Text { text: message },
        locations: vec![location],
        related_locations: Vec::new(),
        partial_fingerprints: fp,
        suppressions: Vec::new(),
        properties: serde_json::Value::Object(props),
    }
}
