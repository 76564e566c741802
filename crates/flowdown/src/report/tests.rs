//! Tests of the emitters on a synthetic report: snapshots of every format, SARIF against the
//! official schema, JUnit parsed back, escaping of hostile document text.

use super::*;
use flowdown_core::{
    DeclarationLocation, DeclarationReport, DeclarationSummary, DocumentReport, ErrorInfo,
    ErrorKind, Evidence, Format, GapFinding, PackRef, Report, RequirementResult, Severity, Status,
    Summary, Waiver,
};

pub(crate) const XSS: &str = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>";

fn ev(line: usize, clause: Option<&str>, text: &str) -> Evidence {
    Evidence {
        start: line * 100,
        end: line * 100 + text.len(),
        line,
        column: 1,
        clause: clause.map(str::to_owned),
        heading: Some("Anti-Slavery".to_owned()),
        text: text.to_owned(),
        file: None,
        page: None,
        paragraph: None,
        revision: None,
    }
}

fn result(
    id: &str,
    status: Status,
    severity: Severity,
    evidence: Vec<Evidence>,
    reason: &str,
) -> RequirementResult {
    RequirementResult {
        id: id.to_owned(),
        status,
        severity,
        evidence,
        reason: reason.to_owned(),
        notes: Vec::new(),
        waiver: None,
    }
}

/// A small report: one document with every status, a waiver and an expired waiver, hostile
/// text; one unreadable document; one declaration with a gap.
pub(crate) fn sample_report() -> Report {
    let pack = crate::Pack::builtin();
    let mut reqs: Vec<RequirementResult> = pack
        .requirements
        .iter()
        .map(|r| {
            result(
                &r.id,
                Status::Missing,
                r.severity,
                Vec::new(),
                "no provision found",
            )
        })
        .collect();
    let set = |reqs: &mut Vec<RequirementResult>, id: &str, f: &dyn Fn(&mut RequirementResult)| {
        if let Some(r) = reqs.iter_mut().find(|r| r.id == id) {
            f(r);
        }
    };
    set(&mut reqs, "prohibition", &|r| {
        r.status = Status::Satisfied;
        r.evidence = vec![ev(
            12,
            Some("9.1"),
            "The Supplier shall not engage in trafficking in persons or use forced labour.",
        )];
        r.reason = "binding: \"shall not engage\"".to_owned();
    });
    set(&mut reqs, "subcontractor-flowdown", &|r| {
        r.status = Status::Weak;
        r.evidence = vec![
            ev(
                14,
                Some("9.3"),
                "The Supplier shall include the terms of this clause 9 in its contracts\nwith first-tier sub-contractors.",
            ),
            ev(30, Some("14.2"), "The remedies in clause 14 apply to a breach of clause 9."),
        ];
        r.reason = "limited in scope: \"first-tier sub-contractors\"".to_owned();
    });
    set(&mut reqs, "remediation", &|r| {
        r.status = Status::Excluded;
        r.evidence = vec![ev(
            22,
            Some("22"),
            &format!("The Supplier shall not be required to remediate. {XSS}"),
        )];
        r.reason = format!("negated duty: \"shall not be required to\" {XSS}");
        r.notes = vec![format!("note with {XSS}")];
    });
    set(&mut reqs, "funds-use", &|r| {
        r.waiver = Some(Waiver {
            reason: "Legacy framework agreement; renegotiation in Q3".to_owned(),
            approver: "J. Doe (Procurement Legal)".to_owned(),
            expires: "2027-06-30".to_owned(),
            active: true,
        });
    });
    set(&mut reqs, "sanctions", &|r| {
        r.waiver = Some(Waiver {
            reason: "Accepted risk for the pilot".to_owned(),
            approver: "A. Smith".to_owned(),
            expires: "2026-01-31".to_owned(),
            active: false,
        });
    });
    set(&mut reqs, "definition", &|r| {
        r.status = Status::Satisfied;
        r.evidence = vec![ev(
            3,
            None,
            "\"Trafficking in Persons\" has the meaning given in FAR 52.222-50.",
        )];
        r.reason = "incorporated by reference".to_owned();
        r.notes = vec!["incorporated by reference: FAR 52.222-50".to_owned()];
    });
    set(&mut reqs, "reporting", &|r| {
        r.status = Status::Removed;
        r.evidence = vec![ev(
            40,
            Some("11"),
            "The Supplier shall notify the Buyer of any allegation.",
        )];
        r.reason = "only in a tracked deletion".to_owned();
    });
    let doc = DocumentReport {
        path: "contracts/supply agreement.txt".to_owned(),
        format: Some(Format::Text),
        error: None,
        summary: Summary::of(&reqs),
        requirements: reqs,
    };
    let broken = DocumentReport::failed(
        "contracts/missing.txt",
        None,
        &flowdown_core::Error::new(
            ErrorKind::NotFound,
            "contracts/missing.txt",
            "No such file or directory (os error 2)",
        ),
    );
    let decl = DeclarationReport {
        path: "chain/declaration.json".to_owned(),
        format: Some("json".to_owned()),
        error: None,
        findings: vec![GapFinding {
            rule: "missing-flowdown".to_owned(),
            severity: Severity::Error,
            message: format!("link ACME → Sub <b>Co</b> has no flow-down attestation {XSS}"),
            location: DeclarationLocation::json("$.links[0]"),
            parties: vec!["acme".to_owned(), "subco".to_owned()],
            evidence: serde_json::Value::Null,
        }],
        notes: Vec::new(),
        summary: DeclarationSummary {
            parties: 2,
            links: 1,
            errors: 1,
            warnings: 0,
        },
    };
    let _ = ErrorInfo {
        kind: ErrorKind::Io,
        message: String::new(),
    };
    Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: PackRef {
            id: pack.id.clone(),
            version: pack.version.clone(),
        },
        documents: vec![doc, broken],
        declarations: vec![decl],
    }
}

fn ctx(pack: &crate::Pack) -> RenderContext<'_> {
    RenderContext {
        pack: Some(pack),
        run_notes: vec![
            "the waiver of `sanctions` for contracts/** expired on 2026-01-31".to_owned(),
        ],
        color: false,
    }
}

#[test]
fn snapshots_of_every_format() {
    let pack = crate::Pack::builtin();
    let report = sample_report();
    let ctx = ctx(&pack);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for format in OutputFormat::ALL {
            // The pack version and the tool version change over time; the shape is pinned.
            let out = render_with(&report, format, &ctx)
                .replace(&pack.version, "[PACK_VERSION]")
                .replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
            insta::assert_snapshot!(format!("report_{}", format.as_str().replace('-', "_")), out);
        }
    });
}

#[test]
fn json_is_unchanged_by_the_context() {
    let pack = crate::Pack::builtin();
    let report = sample_report();
    assert_eq!(
        render_with(&report, OutputFormat::Json, &ctx(&pack)),
        render_json(&report)
    );
    let back: Report = serde_json::from_str(&render_json(&report)).unwrap();
    assert_eq!(back, report);
}

#[test]
fn json_lines_one_object_per_document_and_declaration() {
    let report = sample_report();
    let out = render_json_lines(&report);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    let kinds: Vec<String> = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["schema_version"], 1);
            assert_eq!(v["pack"]["id"], "nato-cthb-2023");
            v["kind"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(kinds, ["document", "document", "declaration"]);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let doc: DocumentReport = serde_json::from_value(first).unwrap();
    assert_eq!(doc, report.documents[0]);
}

fn shared_dir() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let Some(shared) = shared_dir() else {
        eprintln!("SKIP sarif_validates_against_the_official_schema: ../shared is absent (the SARIF 2.1.0 schema lives in ../shared/schemas)");
        return;
    };
    let schema_path = shared.join("schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let pack = crate::Pack::builtin();
    for report in [
        sample_report(),
        Report {
            documents: vec![],
            declarations: vec![],
            ..sample_report()
        },
    ] {
        let out = render_sarif(&report, &ctx(&pack));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF schema errors:\n{}",
            errors.join("\n")
        );
    }
    // Without the pack docs it still validates.
    let out = render_sarif(&sample_report(), &RenderContext::default());
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(validator.is_valid(&value));
}

#[test]
fn sarif_content() {
    let pack = crate::Pack::builtin();
    let out = render_sarif(&sample_report(), &ctx(&pack));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 12, "11 requirements and one gap rule");
    assert_eq!(rules[0]["id"], "prohibition");
    assert!(rules[0]["help"]["text"]
        .as_str()
        .unwrap()
        .contains("Model clause"));
    let results = run["results"].as_array().unwrap();
    // 11 - 2 satisfied = 9 requirement findings, plus 1 gap.
    assert_eq!(results.len(), 10);
    let weak = results
        .iter()
        .find(|r| r["ruleId"] == "subcontractor-flowdown")
        .unwrap();
    let region = &weak["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 14);
    assert_eq!(region["endLine"], 15);
    assert_eq!(
        weak["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "contracts/supply%20agreement.txt"
    );
    assert_eq!(weak["relatedLocations"].as_array().unwrap().len(), 1);
    let waived = results.iter().find(|r| r["ruleId"] == "funds-use").unwrap();
    assert_eq!(waived["suppressions"][0]["status"], "accepted");
    let expired = results.iter().find(|r| r["ruleId"] == "sanctions").unwrap();
    assert!(expired.get("suppressions").is_none());
    assert!(expired["message"]["text"]
        .as_str()
        .unwrap()
        .contains("expired"));
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| n["descriptor"]["id"] == "not-found"));
    assert!(notes
        .iter()
        .any(|n| n["descriptor"]["id"] == "expired-waiver"));
}

#[test]
fn junit_parses_back_with_the_right_counts() {
    use quick_xml::events::Event;
    let out = render_junit(&sample_report());
    let mut reader = quick_xml::Reader::from_str(&out);
    let mut suites = Vec::new();
    let (mut cases, mut failures, mut errors, mut skipped) = (0, 0, 0, 0);
    let mut root = None;
    let mut failure_texts = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().0 {
                    "testsuites" => {
                        root = Some((
                            attr("tests"),
                            attr("failures"),
                            attr("errors"),
                            attr("skipped"),
                        ))
                    }
                    "testsuite" => suites.push(attr("name").unwrap()),
                    "testcase" => cases += 1,
                    "failure" => {
                        failures += 1;
                        failure_texts.push(attr("message").unwrap());
                    }
                    "error" => errors += 1,
                    "skipped" => skipped += 1,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        suites,
        [
            "contracts/supply agreement.txt",
            "contracts/missing.txt",
            "chain/declaration.json"
        ]
    );
    // 11 requirements + 1 read error + 1 gap.
    assert_eq!(cases, 13);
    // 9 findings, one of them waived (skipped), plus the gap.
    assert_eq!(failures, 9);
    assert_eq!(skipped, 1);
    assert_eq!(errors, 1);
    assert_eq!(
        root,
        Some((
            Some("13".into()),
            Some("9".into()),
            Some("1".into()),
            Some("1".into())
        ))
    );
    assert!(
        failure_texts.iter().any(|t| t.contains("<script>")),
        "hostile text survives as text"
    );
}

#[test]
fn github_commands_are_escaped_and_located() {
    let out = render_github(&sample_report());
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with("::")), "{out}");
    let weak = lines
        .iter()
        .find(|l| l.contains("subcontractor-flowdown"))
        .unwrap();
    assert!(
        weak.starts_with("::error file=contracts/supply agreement.txt,line=14,endLine=15,title=")
    );
    let waived = lines
        .iter()
        .find(|l| l.contains("title=flowdown missing (waived)%3A funds-use"))
        .unwrap();
    assert!(waived.starts_with("::notice "));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::error file=contracts/missing.txt,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::error file=chain/declaration.json,")));
}

#[test]
fn markdown_escapes_document_text() {
    let pack = crate::Pack::builtin();
    let out = render_markdown(&sample_report(), &ctx(&pack));
    assert!(!out.contains("<script>"));
    assert!(!out.contains("<img"));
    assert!(!out.contains("<b>"));
    assert!(out.contains("&lt;script&gt;"));
    assert!(out.contains("| contracts/supply agreement.txt | ❌ not compliant |"));
}

#[test]
fn html_escapes_all_document_text_and_loads_nothing() {
    let pack = crate::Pack::builtin();
    let out = render_html(&sample_report(), &ctx(&pack));
    // Only our own script element, nothing from the document.
    assert_eq!(out.matches("<script").count(), 1, "one inline script only");
    assert!(!out.contains("<img"));
    assert!(
        !out.contains("\"><img"),
        "attribute injection must be escaped"
    );
    assert!(!out.contains("<b>"));
    assert!(out.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
    ));
    assert!(!out.contains("<b>Co</b>"));
    for needle in ["http://", "https://", "src=\"", "@import", "url(", "<link"] {
        assert!(!out.contains(needle), "self-contained: found {needle}");
    }
    assert!(out.contains("default-src 'none'"));
    for s in Status::ALL {
        assert!(
            out.contains(&format!("data-status=\"{}\"", s.as_str())),
            "{s}"
        );
    }
}

#[test]
fn text_shows_snippets_with_line_numbers() {
    let pack = crate::Pack::builtin();
    let out = render_text_with(&sample_report(), &ctx(&pack));
    assert!(
        out.contains("--> contracts/supply agreement.txt:14:1"),
        "{out}"
    );
    assert!(
        out.contains("14 | / The Supplier shall include the terms"),
        "{out}"
    );
    assert!(
        out.contains("15 | | with first-tier sub-contractors."),
        "{out}"
    );
    assert!(out.contains("waiver expired on 2026-01-31"));
    assert!(out.contains("error[not-found]"));
}

#[test]
fn output_format_ids_round_trip() {
    for f in OutputFormat::ALL {
        assert_eq!(f.as_str().parse::<OutputFormat>(), Ok(f));
        assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
    }
    assert!("xml".parse::<OutputFormat>().is_err());
}
