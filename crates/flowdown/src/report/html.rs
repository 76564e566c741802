//! `html`: one self-contained page for a procurement officer.
//!
//! No network request: styles and the filter script are inline, there are no fonts, images or
//! links to other hosts, and a Content-Security-Policy (`default-src 'none'`) forbids any load
//! even if something slipped through. Every piece of document text (paths, evidence, reasons,
//! notes, waiver text, error messages, declaration findings) goes through [`esc`]; the script
//! only toggles classes and never writes markup.
//!
//! Layout: header with the pack and totals, an overview table (one row per document), the
//! filters (by status and by severity), then per document its verdict, counts and a requirement
//! table (status colours, reason, notes, waiver, evidence in context with clause number, heading
//! and line), then declaration findings. Printing hides the filters and keeps rows whole.

use super::{display_path, is_waived, waiver_line, RenderContext};
use flowdown_core::{DeclarationReport, DocumentReport, Evidence, Report, Severity, Status};
use std::fmt::Write;

/// Escapes text for HTML element content and (quoted) attribute values.
#[must_use]
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE: &str = r#"
:root { --ok:#1a7f37; --ok-bg:#dafbe1; --weak:#9a6700; --weak-bg:#fff8c5; --excl:#8250df; --excl-bg:#fbefff;
  --rem:#57606a; --rem-bg:#eaeef2; --miss:#cf222e; --miss-bg:#ffebe9; --line:#d0d7de; --muted:#57606a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color:#1f2328; margin:0; padding:24px 32px; max-width:1400px; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:18px; margin:28px 0 6px; word-break:break-all; }
h3 { font-size:15px; margin:18px 0 6px; }
.meta, .muted { color:var(--muted); }
table { border-collapse:collapse; width:100%; margin:8px 0 16px; }
th, td { border:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
th { background:#f6f8fa; font-weight:600; }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; white-space:nowrap; }
.status-satisfied { color:var(--ok); background:var(--ok-bg); }
.status-weak { color:var(--weak); background:var(--weak-bg); }
.status-excluded { color:var(--excl); background:var(--excl-bg); }
.status-removed { color:var(--rem); background:var(--rem-bg); text-decoration:line-through; }
.status-missing { color:var(--miss); background:var(--miss-bg); }
tr.req.status-satisfied, tr.req.status-weak, tr.req.status-excluded, tr.req.status-removed, tr.req.status-missing { background:none; text-decoration:none; color:inherit; }
tr.req > td:first-child { border-left:4px solid var(--line); }
tr.req.status-satisfied > td:first-child { border-left-color:var(--ok); }
tr.req.status-weak > td:first-child { border-left-color:#d4a72c; }
tr.req.status-excluded > td:first-child { border-left-color:var(--excl); }
tr.req.status-removed > td:first-child { border-left-color:var(--rem); }
tr.req.status-missing > td:first-child { border-left-color:var(--miss); }
.sev-error { color:var(--miss); font-weight:600; } .sev-warning { color:var(--weak); font-weight:600; } .sev-info { color:var(--muted); }
.verdict { font-weight:600; } .verdict.ok { color:var(--ok); } .verdict.bad { color:var(--miss); } .verdict.err { color:var(--excl); }
.error-box { border:1px solid var(--miss); background:var(--miss-bg); padding:8px 12px; border-radius:6px; }
.evidence { margin:0 0 8px; }
.evidence .where { font-size:12px; color:var(--muted); margin-bottom:2px; }
.evidence pre { margin:0; padding:6px 8px; background:#f6f8fa; border:1px solid var(--line); border-radius:4px;
  white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; max-height:16em; overflow:auto; }
.note { font-size:12px; color:var(--muted); margin-top:4px; }
.waiver { font-size:12px; margin-top:4px; padding:2px 6px; border-radius:4px; display:inline-block; }
.waiver.active { background:#ddf4ff; color:#0969da; } .waiver.expired { background:var(--miss-bg); color:var(--miss); }
table.requirements th:nth-child(1) { width:26%; } table.requirements th:nth-child(2), table.requirements th:nth-child(3) { width:7%; }
table.requirements th:nth-child(4) { width:20%; } table.requirements th:nth-child(5) { width:40%; }
.req-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight:600; }
.summary { color:var(--muted); font-size:12px; }
#filters { position:sticky; top:0; background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px 12px; margin:16px 0; z-index:1; }
#filters fieldset { display:inline-block; border:none; margin:0 24px 0 0; padding:0; }
#filters legend { font-weight:600; float:left; margin-right:8px; }
#filters label { margin-right:10px; white-space:nowrap; cursor:pointer; }
#shown-count { color:var(--muted); }
.filtered { display:none; }
.counts .badge { margin-right:4px; }
@media print {
  body { padding:0; max-width:none; font-size:11px; }
  #filters { display:none; }
  .evidence pre { max-height:none; overflow:visible; }
  tr, .evidence { page-break-inside:avoid; break-inside:avoid; }
  section.document { page-break-before:auto; }
  .badge, tr.req > td:first-child { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var boxes = document.querySelectorAll('#filters input[type=checkbox]');
  function checked(kind) {
    var on = {};
    boxes.forEach(function (b) { if (b.dataset.kind === kind) { on[b.value] = b.checked; } });
    return on;
  }
  function apply() {
    var st = checked('status'), sv = checked('severity');
    var rows = document.querySelectorAll('tr.req, tr.gap');
    var shown = 0;
    rows.forEach(function (r) {
      var okStatus = r.dataset.status === undefined || st[r.dataset.status] !== false;
      var okSeverity = sv[r.dataset.severity] !== false;
      var visible = okStatus && okSeverity;
      r.classList.toggle('filtered', !visible);
      if (visible) { shown += 1; }
    });
    var c = document.getElementById('shown-count');
    if (c) { c.textContent = shown + ' of ' + rows.length + ' rows shown'; }
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
"#;

fn status_badge(s: Status) -> String {
    format!("<span class=\"badge status-{0}\">{0}</span>", s.as_str())
}

/// Renders the report as one self-contained HTML page.
#[must_use]
pub fn render_html(report: &Report, ctx: &RenderContext<'_>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let title = format!("flowdown report — {}", report.pack.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let docs = &report.documents;
    let compliant = docs.iter().filter(|d| d.summary.compliant).count();
    let errors = docs.iter().filter(|d| d.error.is_some()).count();
    let pack_title = ctx
        .pack
        .filter(|p| p.id == report.pack.id)
        .map(|p| p.title.clone())
        .unwrap_or_default();
    let _ = writeln!(out, "<header>\n<h1>flowdown report</h1>");
    let _ = write!(
        out,
        "<p class=\"meta\">Pack <strong>{}</strong> version {}",
        esc(&report.pack.id),
        esc(&report.pack.version)
    );
    if !pack_title.is_empty() {
        let _ = write!(out, " — {}", esc(&pack_title));
    }
    let _ = writeln!(
        out,
        " · {} document{} · <span id=\"total-compliant\">{compliant}</span> compliant{} · flowdown {}</p>\n</header>",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        if errors > 0 {
            format!(" · {errors} could not be checked")
        } else {
            String::new()
        },
        env!("CARGO_PKG_VERSION")
    );

    if !ctx.run_notes.is_empty() {
        out.push_str("<ul class=\"run-notes\">\n");
        for n in &ctx.run_notes {
            let _ = writeln!(out, "<li>{}</li>", esc(n));
        }
        out.push_str("</ul>\n");
    }

    overview(&mut out, docs);
    filters(&mut out);
    for (i, d) in docs.iter().enumerate() {
        document(&mut out, i, d, ctx);
    }
    for (i, d) in report.declarations.iter().enumerate() {
        declaration(&mut out, i, d);
    }
    let _ = write!(
        out,
        "<footer class=\"muted\"><p>Generated by flowdown {}. Statuses: satisfied, weak (hedged or limited), excluded (carved out), removed (deleted in tracked changes), missing. A waiver never changes a status.</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn overview(out: &mut String, docs: &[DocumentReport]) {
    if docs.is_empty() {
        return;
    }
    out.push_str("<section id=\"overview\">\n<h2>Documents</h2>\n<table class=\"overview\">\n<thead><tr><th>Document</th><th>Verdict</th>");
    for s in Status::ALL {
        let _ = write!(out, "<th>{}</th>", status_badge(s));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, d) in docs.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><td><a href=\"#doc-{i}\">{}</a></td><td>{}</td>",
            esc(&display_path(&d.path)),
            verdict_html(d)
        );
        for s in Status::ALL {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                d.summary.counts.get(&s).copied().unwrap_or(0)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn filters(out: &mut String) {
    out.push_str("<nav id=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Status</legend>");
    for s in Status::ALL {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-kind=\"status\" value=\"{0}\" id=\"filter-status-{0}\" checked> {0}</label>",
            s.as_str()
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Severity</legend>");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-kind=\"severity\" value=\"{0}\" id=\"filter-severity-{0}\" checked> {0}</label>",
            s.as_str()
        );
    }
    out.push_str("</fieldset>\n<span id=\"shown-count\"></span>\n</nav>\n");
}

fn verdict_html(d: &DocumentReport) -> &'static str {
    if d.error.is_some() {
        "<span class=\"verdict err\">cannot be checked</span>"
    } else if d.summary.compliant {
        "<span class=\"verdict ok\">compliant</span>"
    } else {
        "<span class=\"verdict bad\">not compliant</span>"
    }
}

fn evidence_html(out: &mut String, ev: &Evidence) {
    let mut place = Vec::new();
    if let Some(c) = &ev.clause {
        place.push(format!("clause <strong>{}</strong>", esc(c)));
    }
    if let Some(h) = &ev.heading {
        place.push(format!("“{}”", esc(h)));
    }
    place.push(format!("line {}", ev.line));
    if let Some(p) = ev.page {
        place.push(format!("page {p}"));
    }
    if let Some(f) = &ev.file {
        place.push(esc(&display_path(f)));
    }
    if let Some(rev) = &ev.revision {
        let kind = serde_json::to_value(rev.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let mut r = format!("tracked change: {}", esc(&kind));
        if let Some(a) = &rev.author {
            r.push_str(&format!(" by {}", esc(a)));
        }
        place.push(r);
    }
    let _ = write!(
        out,
        "<div class=\"evidence\"><div class=\"where\">{}</div><pre>{}</pre></div>",
        place.join(" · "),
        esc(&ev.text)
    );
}

fn document(out: &mut String, i: usize, d: &DocumentReport, ctx: &RenderContext<'_>) {
    let _ = writeln!(
        out,
        "<section class=\"document\" id=\"doc-{i}\" data-path=\"{}\">\n<h2>{}</h2>",
        esc(&display_path(&d.path)),
        esc(&display_path(&d.path))
    );
    let _ = write!(out, "<p>{}", verdict_html(d));
    if let Some(f) = d.format {
        let _ = write!(out, " <span class=\"muted\">· {}</span>", esc(f.as_str()));
    }
    out.push_str(" <span class=\"counts\">");
    for s in Status::ALL {
        let n = d.summary.counts.get(&s).copied().unwrap_or(0);
        let _ = write!(
            out,
            "<span class=\"badge status-{}\">{n} {}</span>",
            s.as_str(),
            s.as_str()
        );
    }
    out.push_str("</span></p>\n");
    if let Some(e) = &d.error {
        let _ = writeln!(
            out,
            "<p class=\"error-box\"><strong>{}</strong>: {}</p>\n</section>",
            esc(e.kind.as_str()),
            esc(&e.message)
        );
        return;
    }
    out.push_str("<table class=\"requirements\">\n<thead><tr><th>Requirement</th><th>Severity</th><th>Status</th><th>Reason</th><th>Evidence</th></tr></thead>\n<tbody>\n");
    for r in &d.requirements {
        let _ = write!(
            out,
            "<tr class=\"req status-{0}\" data-status=\"{0}\" data-severity=\"{1}\" data-requirement=\"{2}\"{3}>",
            r.status.as_str(),
            r.severity.as_str(),
            esc(&r.id),
            if is_waived(r) { " data-waived=\"true\"" } else { "" }
        );
        let _ = write!(out, "<td><div class=\"req-id\">{}</div>", esc(&r.id));
        if let Some(def) = ctx.requirement(&r.id) {
            let _ = write!(
                out,
                "<div class=\"summary\">{} <span class=\"muted\">({})</span></div>",
                esc(def.summary.trim()),
                esc(&def.source)
            );
        }
        let _ = write!(
            out,
            "</td><td class=\"sev-{0}\">{0}</td><td>{1}</td><td>{2}",
            r.severity.as_str(),
            status_badge(r.status),
            esc(&r.reason)
        );
        for n in &r.notes {
            let _ = write!(out, "<div class=\"note\">Note: {}</div>", esc(n));
        }
        if let Some(w) = waiver_line(r) {
            let class = if is_waived(r) { "active" } else { "expired" };
            let _ = write!(out, "<div class=\"waiver {class}\">{}</div>", esc(&w));
        }
        out.push_str("</td><td>");
        if r.evidence.is_empty() {
            out.push_str("<span class=\"muted\">—</span>");
        }
        for ev in &r.evidence {
            evidence_html(out, ev);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn declaration(out: &mut String, i: usize, d: &DeclarationReport) {
    let _ = writeln!(
        out,
        "<section class=\"declaration\" id=\"decl-{i}\">\n<h2>Declaration {}</h2>",
        esc(&display_path(&d.path))
    );
    if let Some(e) = &d.error {
        let _ = writeln!(
            out,
            "<p class=\"error-box\"><strong>{}</strong>: {}</p>\n</section>",
            esc(e.kind.as_str()),
            esc(&e.message)
        );
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"muted\">{} parties · {} links · {} errors · {} warnings</p>",
        d.summary.parties, d.summary.links, d.summary.errors, d.summary.warnings
    );
    for n in &d.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    if d.findings.is_empty() {
        out.push_str("<p>No gaps found.</p>\n</section>\n");
        return;
    }
    out.push_str("<table class=\"gaps\">\n<thead><tr><th>Gap</th><th>Severity</th><th>Where</th><th>Finding</th><th>Parties</th></tr></thead>\n<tbody>\n");
    for f in &d.findings {
        let _ = writeln!(
            out,
            "<tr class=\"gap\" data-severity=\"{0}\"><td class=\"req-id\">{1}</td><td class=\"sev-{0}\">{0}</td><td>{2}</td><td>{3}</td><td>{4}</td></tr>",
            f.severity.as_str(),
            esc(&f.rule),
            esc(&f.location.display()),
            esc(&f.message),
            esc(&f.parties.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
