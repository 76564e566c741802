//! Supply-chain declarations: `audit()` and the declaration result classes.

use crate::engine::{resolve_pack, PackArg};
use crate::errors::{detached, state_error, PyFlowdownError};
use crate::results::{to_py_dict, PyDocumentError, PyReport};
use flowdown::audit::AuditOptions;
use flowdown::screen::{FuzzyListScreen, MatchOptions, RiskTable};
use flowdown_core::{Date, DeclarationReport, Error, ErrorKind, GapFinding};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// One path or several.
#[derive(FromPyObject)]
pub(crate) enum Paths {
    #[pyo3(transparent, annotation = "str | os.PathLike[str]")]
    One(PathBuf),
    #[pyo3(transparent, annotation = "Sequence[str | os.PathLike[str]]")]
    Many(Vec<PathBuf>),
}

/// A gap found in a supply-chain declaration.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "Finding")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyFinding(pub(crate) GapFinding);

#[pymethods]
impl PyFinding {
    /// The gap rule id (``missing-flowdown``, ``listed-party``, …).
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }
    /// ``error``, ``warning`` or ``info``.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    /// One sentence naming the parties and the gap.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }
    /// Where it stands: ``$.links[0]``, ``links.csv row 3``, ``links!B3``.
    #[getter]
    fn location(&self) -> String {
        self.0.location.display()
    }
    /// Party ids involved.
    #[getter]
    fn parties(&self) -> Vec<String> {
        self.0.parties.clone()
    }
    /// Rule-specific evidence, as plain dicts.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0.evidence)
    }
    /// The finding as a plain dict (the JSON contract's object).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    /// Rebuilds a finding from its JSON.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(Self)
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&slf.get().0).map_err(|e| state_error(&e))?;
        Ok((slf.get_type().getattr("from_json")?, (state,)))
    }
    fn __repr__(&self) -> String {
        format!(
            "<Finding {} ({}): {}>",
            self.0.rule, self.0.severity, self.0.message
        )
    }
}

/// The audit result of one declaration: its gap findings, sorted by location then rule.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "DeclarationResult")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyDeclarationResult(pub(crate) Arc<DeclarationReport>);

#[pymethods]
impl PyDeclarationResult {
    /// The path as given.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// ``json``, ``csv``, ``xlsx``, ``ocds`` or ``omtsf``; None when unreadable.
    #[getter]
    fn format(&self) -> Option<&str> {
        self.0.format.as_deref()
    }
    /// The error, when the declaration could not be read.
    #[getter]
    fn error(&self) -> Option<PyDocumentError> {
        self.0.error.clone().map(PyDocumentError)
    }
    /// The findings.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.0.findings.iter().cloned().map(PyFinding).collect()
    }
    /// What the import could not say.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.0.notes.clone()
    }
    /// Number of parties read.
    #[getter]
    fn parties(&self) -> usize {
        self.0.summary.parties
    }
    /// Number of links read.
    #[getter]
    fn links(&self) -> usize {
        self.0.summary.links
    }
    /// Number of findings of severity error.
    #[getter]
    fn errors(&self) -> usize {
        self.0.summary.errors
    }
    /// Number of findings of severity warning.
    #[getter]
    fn warnings(&self) -> usize {
        self.0.summary.warnings
    }
    fn __len__(&self) -> usize {
        self.0.findings.len()
    }
    /// The result as plain dicts (the JSON contract's object).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &*self.0)
    }
    /// Rebuilds a result from its JSON.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(|d| Self(Arc::new(d)))
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&*slf.get().0).map_err(|e| state_error(&e))?;
        Ok((slf.get_type().getattr("from_json")?, (state,)))
    }
    fn __repr__(&self) -> String {
        format!(
            "<DeclarationResult {:?} findings={}>",
            self.0.path,
            self.0.findings.len()
        )
    }
}

/// The `as_of` argument: an ISO date string or a `datetime.date`.
fn parse_as_of(as_of: Option<&Bound<'_, PyAny>>) -> PyResult<Date> {
    let Some(value) = as_of else {
        return Ok(flowdown::audit::today());
    };
    let text: String = if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract()?
    } else {
        value.extract()?
    };
    Date::parse(&text).map_err(|e| PyValueError::new_err(format!("as_of: {e}")))
}

/// Audits supply-chain declarations (native JSON, a CSV folder, XLSX, OCDS or OMTSF JSON)
/// against the gap rules, as ``flowdown audit`` does.
///
/// ``as_of`` (ISO date or ``datetime.date``, default today) is the date every date rule runs
/// at; ``lists`` are exclusion/sanctions/forced-labour lists (CSV); ``contracts`` is a folder
/// of contracts whose named sub-contractors are compared with the declaration;
/// ``risk_table`` a country × good CSV instead of the built-in ILAB table; ``threshold`` the
/// list-match score (0–1, default the screening default). One declaration that cannot be read raises
/// (``FileNotFoundError``, :class:`DeclarationError`); in a list of several it is an entry
/// with its error. Gaps are findings in the result, never exceptions.
///
/// >>> import flowdown
/// >>> report = flowdown.audit("fixtures/declarations/clean/clean.json", as_of="2026-06-01")
/// >>> [d.findings for d in report.declarations]
/// [[]]
#[pyfunction]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python function"
)]
#[pyo3(signature = (declarations, *, as_of = None, lists = Vec::new(), contracts = None, risk_table = None, threshold = None, pack = None))]
pub(crate) fn audit(
    py: Python<'_>,
    declarations: Paths,
    as_of: Option<&Bound<'_, PyAny>>,
    lists: Vec<PathBuf>,
    contracts: Option<PathBuf>,
    risk_table: Option<PathBuf>,
    threshold: Option<f64>,
    pack: Option<PackArg<'_>>,
) -> PyResult<PyReport> {
    let threshold = threshold.unwrap_or(flowdown::screen::DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(PyValueError::new_err("threshold must be between 0 and 1"));
    }
    let pack = resolve_pack(py, pack)?;
    let mut opts = AuditOptions::new(parse_as_of(as_of)?);
    let (paths, single) = match declarations {
        Paths::One(p) => (vec![p], true),
        Paths::Many(ps) => (ps, false),
    };
    let report = detached(py, || {
        if let Some(dir) = &contracts {
            if !dir.exists() {
                return Err(Error::new(
                    ErrorKind::NotFound,
                    dir.display().to_string(),
                    "contracts folder does not exist",
                ));
            }
            opts.contracts = flowdown::collect_paths(std::slice::from_ref(dir))?;
        }
        if !lists.is_empty() {
            let m = MatchOptions {
                threshold,
                ..MatchOptions::default()
            };
            opts.screen = Arc::new(FuzzyListScreen::from_paths(&lists, m)?);
        }
        opts.risk = Arc::new(match &risk_table {
            Some(t) => RiskTable::from_path(t)?,
            None => RiskTable::builtin(),
        });
        Ok(flowdown::audit_paths(&pack, &paths, &opts))
    })?;
    if single {
        if let Some(d) = report.declarations.first() {
            if let Some(e) = &d.error {
                return Err(PyFlowdownError(Error::new(e.kind, &d.path, &e.message)).into());
            }
        }
    }
    Ok(PyReport::with_pack(report, pack))
}
