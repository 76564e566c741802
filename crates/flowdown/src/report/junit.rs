//! `junit`: JUnit XML for CI test dashboards.
//!
//! One `<testsuite>` per document (named by its path) with one `<testcase>` per requirement
//! (`classname` = the path, `name` = the requirement id). A requirement that is not `satisfied`
//! is a `<failure>` whose `type` is the status and whose message carries the severity and the
//! reason; the body lists the evidence, notes and waiver. A requirement under an active waiver is
//! `<skipped>` with the waiver as message; an expired waiver is named in the failure. An
//! unreadable document is one test case `read` with an `<error>`. Declarations are suites too:
//! one failing test case per gap finding (or one passing `declaration` case when there is none).

use super::{clean, display_path, evidence_place, is_finding, is_waived, waiver_line};
use flowdown_core::{DeclarationReport, DocumentReport, Report};
use std::fmt::Write;

/// Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if c.is_control() => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes element content (newlines kept as such).
fn xml_text(s: &str) -> String {
    xml_escape(s).replace("&#10;", "\n")
}

#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

/// Renders the report as JUnit XML.
#[must_use]
pub fn render_junit(report: &Report) -> String {
    let mut suites = String::new();
    let mut total = Counts::default();
    for d in &report.documents {
        let c = document_suite(&mut suites, d, report);
        add(&mut total, &c);
    }
    for d in &report.declarations {
        let c = declaration_suite(&mut suites, d);
        add(&mut total, &c);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"flowdown {}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        xml_escape(&report.pack.id),
        total.tests,
        total.failures,
        total.errors,
        total.skipped
    );
    out.push_str(&suites);
    out.push_str("</testsuites>\n");
    out
}

fn add(total: &mut Counts, c: &Counts) {
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
}

fn document_suite(out: &mut String, d: &DocumentReport, report: &Report) -> Counts {
    let path = xml_escape(&display_path(&d.path));
    let mut body = String::new();
    let mut c = Counts::default();
    if let Some(e) = &d.error {
        c.tests = 1;
        c.errors = 1;
        let _ = writeln!(
            body,
            "    <testcase name=\"read\" classname=\"{path}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>",
            xml_escape(e.kind.as_str()),
            xml_escape(&e.message)
        );
    }
    for r in &d.requirements {
        c.tests += 1;
        let _ = write!(
            body,
            "    <testcase name=\"{}\" classname=\"{path}\"",
            xml_escape(&r.id)
        );
        if !is_finding(r) {
            body.push_str("/>\n");
            continue;
        }
        body.push_str(">\n");
        if is_waived(r) {
            c.skipped += 1;
            let _ = writeln!(
                body,
                "      <skipped message=\"{}\"/>",
                xml_escape(&format!(
                    "{} ({}); {}",
                    r.status,
                    r.severity,
                    waiver_line(r).unwrap_or_default()
                ))
            );
        } else {
            c.failures += 1;
            let mut detail = String::new();
            let _ = writeln!(detail, "status: {}", r.status);
            let _ = writeln!(detail, "severity: {}", r.severity);
            if !r.reason.is_empty() {
                let _ = writeln!(detail, "reason: {}", clean(&r.reason));
            }
            for ev in &r.evidence {
                let _ = writeln!(detail, "evidence at {}:", evidence_place(ev));
                for line in clean(&ev.text).lines() {
                    let _ = writeln!(detail, "    {line}");
                }
            }
            for n in &r.notes {
                let _ = writeln!(detail, "note: {}", clean(n));
            }
            if let Some(w) = waiver_line(r) {
                let _ = writeln!(detail, "{}", clean(&w));
            }
            let _ = writeln!(
                body,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                xml_escape(r.status.as_str()),
                xml_escape(&format!(
                    "{} {}: {}",
                    r.severity,
                    r.status,
                    if r.reason.is_empty() {
                        "no provision found"
                    } else {
                        &r.reason
                    }
                )),
                xml_text(&detail)
            );
        }
        body.push_str("    </testcase>\n");
    }
    let _ = writeln!(
        out,
        "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        c.tests, c.failures, c.errors, c.skipped
    );
    let _ = writeln!(
        out,
        "    <properties>\n      <property name=\"pack\" value=\"{}\"/>\n      <property name=\"pack_version\" value=\"{}\"/>\n      <property name=\"compliant\" value=\"{}\"/>\n    </properties>",
        xml_escape(&report.pack.id),
        xml_escape(&report.pack.version),
        d.summary.compliant
    );
    out.push_str(&body);
    out.push_str("  </testsuite>\n");
    c
}

fn declaration_suite(out: &mut String, d: &DeclarationReport) -> Counts {
    let path = xml_escape(&display_path(&d.path));
    let mut body = String::new();
    let mut c = Counts::default();
    if let Some(e) = &d.error {
        c.tests = 1;
        c.errors = 1;
        let _ = writeln!(
            body,
            "    <testcase name=\"read\" classname=\"{path}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>",
            xml_escape(e.kind.as_str()),
            xml_escape(&e.message)
        );
    } else if d.findings.is_empty() {
        c.tests = 1;
        let _ = writeln!(
            body,
            "    <testcase name=\"declaration\" classname=\"{path}\"/>"
        );
    }
    for f in &d.findings {
        c.tests += 1;
        c.failures += 1;
        let place = f.location.display();
        let name = if place.is_empty() {
            f.rule.clone()
        } else {
            format!("{} at {place}", f.rule)
        };
        let mut detail = String::new();
        let _ = writeln!(detail, "severity: {}", f.severity);
        if !f.parties.is_empty() {
            let _ = writeln!(detail, "parties: {}", f.parties.join(", "));
        }
        if !f.evidence.is_null() {
            let _ = writeln!(detail, "evidence: {}", f.evidence);
        }
        let _ = writeln!(
            body,
            "    <testcase name=\"{}\" classname=\"{path}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
            xml_escape(&name),
            xml_escape(&f.rule),
            xml_escape(&format!("{} {}: {}", f.severity, f.rule, f.message)),
            xml_text(&detail)
        );
    }
    let _ = writeln!(
        out,
        "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        c.tests, c.failures, c.errors, c.skipped
    );
    out.push_str(&body);
    out.push_str("  </testsuite>\n");
    c
}
