//! Screening parties against exclusion, sanctions and forced-labour lists.

use crate::errors::detached;
use crate::results::PyDocumentError;
use flowdown::screen::{screen_paths, MatchOptions, DEFAULT_THRESHOLD};
use flowdown_core::ErrorInfo;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::path::PathBuf;

/// The result of screening: every party with its matches (best first), as rendered by
/// ``flowdown screen``. Use ``flowdown.screen()`` to make one.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "ScreenResult")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyScreenResult {
    json: String,
    text: String,
    csv: String,
    parties: usize,
    parties_matched: usize,
    matches: usize,
    errors: Vec<ErrorInfo>,
}

#[pymethods]
impl PyScreenResult {
    /// Rebuilds a result from its pickled state.
    #[staticmethod]
    fn _from_state(
        json: String,
        text: String,
        csv: String,
        parties: usize,
        parties_matched: usize,
        matches: usize,
        errors: Vec<(String, String)>,
    ) -> PyResult<Self> {
        let errors = errors
            .into_iter()
            .map(|(kind, message)| {
                serde_json::from_value(serde_json::Value::String(kind))
                    .map(|kind| ErrorInfo { kind, message })
                    .map_err(|e| crate::errors::state_error(&e))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Self {
            json,
            text,
            csv,
            parties,
            parties_matched,
            matches,
            errors,
        })
    }
    /// Number of parties screened.
    #[getter]
    fn parties(&self) -> usize {
        self.parties
    }
    /// Number of parties with at least one match.
    #[getter]
    fn parties_matched(&self) -> usize {
        self.parties_matched
    }
    /// Number of matches in all.
    #[getter]
    fn matches(&self) -> usize {
        self.matches
    }
    /// Lists that could not be read (the others were used).
    #[getter]
    fn errors(&self) -> Vec<PyDocumentError> {
        self.errors.iter().cloned().map(PyDocumentError).collect()
    }
    /// The JSON of ``flowdown screen --format json``.
    fn to_json(&self) -> String {
        self.json.clone()
    }
    /// The text of ``flowdown screen``.
    fn to_text(&self) -> String {
        self.text.clone()
    }
    /// The CSV of ``flowdown screen --format csv`` (one row per match).
    fn to_csv(&self) -> String {
        self.csv.clone()
    }
    /// The result as plain dicts and lists (the JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (&self.json,))
    }
    /// One row per match as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("matches_to_pandas", (slf,))
    }
    /// One row per match as a polars DataFrame (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("matches_to_polars", (slf,))
    }
    #[expect(clippy::type_complexity, reason = "the pickle protocol's tuple")]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (
            String,
            String,
            String,
            usize,
            usize,
            usize,
            Vec<(String, String)>,
        ),
    )> {
        let s = slf.get();
        let errors = s
            .errors
            .iter()
            .map(|e| (e.kind.as_str().to_owned(), e.message.clone()))
            .collect();
        Ok((
            slf.get_type().getattr("_from_state")?,
            (
                s.json.clone(),
                s.text.clone(),
                s.csv.clone(),
                s.parties,
                s.parties_matched,
                s.matches,
                errors,
            ),
        ))
    }
    fn __str__(&self) -> String {
        self.text.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "<ScreenResult parties={} matched={} matches={}>",
            self.parties, self.parties_matched, self.matches
        )
    }
}

/// Screens the parties of a file (CSV ``name,country,identifiers`` or a declaration) against
/// lists, as ``flowdown screen`` does. ``flowdown.screen()`` also takes names and DataFrames.
#[pyfunction]
#[pyo3(signature = (parties, lists, *, threshold = None, jobs = None))]
pub(crate) fn _screen_path(
    py: Python<'_>,
    parties: PathBuf,
    lists: Vec<PathBuf>,
    threshold: Option<f64>,
    jobs: Option<usize>,
) -> PyResult<PyScreenResult> {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(PyValueError::new_err("threshold must be between 0 and 1"));
    }
    let opts = MatchOptions {
        threshold,
        ..MatchOptions::default()
    };
    let jobs = jobs.unwrap_or_else(flowdown::default_jobs).max(1);
    let r = detached(py, || screen_paths(&parties, &lists, &opts, jobs))?;
    Ok(PyScreenResult {
        json: r.to_json(),
        text: r.to_text(),
        csv: r.to_csv(),
        parties: r.summary.parties,
        parties_matched: r.summary.parties_matched,
        matches: r.summary.matches,
        errors: r.errors.iter().map(ErrorInfo::from).collect(),
    })
}
