//! Report emitters: every output format is rendered from the same [`Report`].

use flowdown_core::Report;

mod text;

pub use text::render_text;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// Human-readable text with annotated snippets.
    Text,
    /// The JSON contract.
    Json,
}

/// Renders the report as the JSON contract (pretty, deterministic, ends with a newline).
#[must_use]
pub fn render_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise report: {e}\"}}"));
    s.push('\n');
    s
}

/// Renders a report in the given format.
#[must_use]
pub fn render(report: &Report, format: OutputFormat) -> String {
    match format {
        OutputFormat::Text => render_text(report),
        OutputFormat::Json => render_json(report),
    }
}
