//! Report emitters: every output format is rendered from the same [`Report`].
//!
//! One file per format; [`render_with`] dispatches on [`OutputFormat`]. Every emitter is a pure
//! function of the report (plus the pack's documentation and run notes in [`RenderContext`]),
//! so output is deterministic: the same report gives the same bytes.
//!
//! | format | for | shape |
//! |---|---|---|
//! | `text` | people at a terminal | annotated source snippets per finding, like rustc/ruff |
//! | `json` | programs | the JSON contract (see the README), pretty-printed |
//! | `json-lines` | streams, `jq` | one JSON object per document (`"kind":"document"`) or declaration |
//! | `sarif` | GitHub code scanning and other SARIF 2.1.0 viewers | rules from the pack docs |
//! | `junit` | CI test dashboards | a test suite per document, a test case per requirement |
//! | `github` | GitHub Actions annotations | `::error file=…,line=…::…` workflow commands |
//! | `markdown` | a pull-request comment or job summary | summary table plus findings |
//! | `html` | a procurement officer | one self-contained page, filters, printable |

use crate::Pack;
use flowdown_core::{Evidence, Report, RequirementResult, Severity, Status};

mod github;
mod html;
mod json;
mod json_lines;
mod junit;
mod markdown;
mod sarif;
mod text;

#[cfg(test)]
pub(crate) mod tests;

pub use github::render_github;
pub use html::render_html;
pub use json::write_json;
pub use json_lines::render_json_lines;
pub use junit::render_junit;
pub use markdown::render_markdown;
pub use sarif::render_sarif;
pub use text::{render_text, render_text_with};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OutputFormat {
    /// Human-readable text with annotated snippets.
    Text,
    /// The JSON contract.
    Json,
    /// One JSON object per line: one per document, then one per declaration.
    JsonLines,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A Markdown summary for pull requests.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

impl OutputFormat {
    /// Every format, in documentation order.
    pub const ALL: [OutputFormat; 8] = [
        Self::Text,
        Self::Json,
        Self::JsonLines,
        Self::Sarif,
        Self::Junit,
        Self::Github,
        Self::Markdown,
        Self::Html,
    ];

    /// The public id (`json-lines`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::JsonLines => "json-lines",
            Self::Sarif => "sarif",
            Self::Junit => "junit",
            Self::Github => "github",
            Self::Markdown => "markdown",
            Self::Html => "html",
        }
    }

    /// Whether the format is read by people (headers, footers and run notes are printed).
    #[must_use]
    pub const fn is_human_readable(self) -> bool {
        matches!(self, Self::Text | Self::Markdown | Self::Html)
    }
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.as_str()).collect();
                format!("unknown format `{s}`; choose from {}", names.join(", "))
            })
    }
}

/// What an emitter may use besides the report.
#[derive(Debug, Clone, Default)]
pub struct RenderContext<'a> {
    /// The pack the report was made with: SARIF rules, help text and the HTML report's
    /// requirement summaries come from its docs. Without it, only the ids are known.
    pub pack: Option<&'a Pack>,
    /// Notes about the run for human-readable formats and SARIF notifications (expired or
    /// unused waivers, results hidden by a baseline).
    pub run_notes: Vec<String>,
    /// Colour in `text` (ANSI escapes); off by default.
    pub color: bool,
}

impl<'a> RenderContext<'a> {
    /// A context with the pack's documentation.
    #[must_use]
    pub fn with_pack(pack: &'a Pack) -> Self {
        Self {
            pack: Some(pack),
            ..Self::default()
        }
    }

    /// The pack's definition of a requirement, when the pack is known and the ids match.
    pub(crate) fn requirement(&self, id: &str) -> Option<&'a crate::RequirementDef> {
        self.pack.and_then(|p| p.requirement(id))
    }
}

/// Renders the report as the JSON contract (pretty, deterministic, ends with a newline).
#[must_use]
pub fn render_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise report: {e}\"}}"));
    s.push('\n');
    s
}

/// Renders a report in the given format without pack docs or run notes.
#[must_use]
pub fn render(report: &Report, format: OutputFormat) -> String {
    render_with(report, format, &RenderContext::default())
}

/// Renders a report in the given format.
#[must_use]
pub fn render_with(report: &Report, format: OutputFormat, ctx: &RenderContext<'_>) -> String {
    match format {
        OutputFormat::Text => render_text_with(report, ctx),
        OutputFormat::Json => render_json(report),
        OutputFormat::JsonLines => render_json_lines(report),
        OutputFormat::Sarif => render_sarif(report, ctx),
        OutputFormat::Junit => render_junit(report),
        OutputFormat::Github => render_github(report),
        OutputFormat::Markdown => render_markdown(report, ctx),
        OutputFormat::Html => render_html(report, ctx),
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the emitters.
// ---------------------------------------------------------------------------------------------

/// Whether a result is a finding (anything but `satisfied`).
pub(crate) fn is_finding(r: &RequirementResult) -> bool {
    r.status != Status::Satisfied
}

/// Whether an active waiver covers the result.
pub(crate) fn is_waived(r: &RequirementResult) -> bool {
    r.waiver.as_ref().is_some_and(|w| w.active)
}

/// The one-line description of a waiver.
pub(crate) fn waiver_line(r: &RequirementResult) -> Option<String> {
    r.waiver.as_ref().map(|w| {
        if w.active {
            format!(
                "waived until {}: {} (approved by {})",
                w.expires, w.reason, w.approver
            )
        } else {
            format!(
                "waiver expired on {}, no longer waives: {} (approved by {})",
                w.expires, w.reason, w.approver
            )
        }
    })
}

/// The one-sentence message of a finding: `weak: hedged: "reasonable endeavours"`.
pub(crate) fn finding_message(r: &RequirementResult) -> String {
    if r.reason.is_empty() {
        r.status.as_str().to_owned()
    } else {
        format!("{}: {}", r.status, r.reason)
    }
}

/// Where evidence ends: (end line, end column), 1-based, end column exclusive.
pub(crate) fn evidence_end(ev: &Evidence) -> (usize, usize) {
    let text = ev.text.trim_end_matches(['\n', '\r']);
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or("");
    let mut end_line = ev.line;
    let mut last = first;
    for l in lines {
        end_line += 1;
        last = l;
    }
    let last = last.trim_end_matches('\r');
    let end_col = if end_line == ev.line {
        ev.column.max(1) + last.chars().count()
    } else {
        last.chars().count() + 1
    };
    (end_line, end_col)
}

/// The label of a location: `line 12, clause 9.2 (Anti-Slavery)`.
pub(crate) fn evidence_place(ev: &Evidence) -> String {
    let mut s = format!("line {}", ev.line);
    if let Some(c) = &ev.clause {
        s.push_str(&format!(", clause {c}"));
    }
    if let Some(h) = &ev.heading {
        s.push_str(&format!(" ({h})"));
    }
    if let Some(p) = ev.page {
        s.push_str(&format!(", page {p}"));
    }
    s
}

/// The severity a result is shown with.
pub(crate) fn severity_word(s: Severity) -> &'static str {
    s.as_str()
}

/// A path with `/` separators and no leading `./`, as reports show it.
pub(crate) fn display_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.to_owned()
}

/// Strips characters that no text format can carry (C0 controls except tab and newline).
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}
