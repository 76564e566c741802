//! Result classes: frozen newtypes over the engine's report types. Every method converts and
//! delegates; the serialised forms are the engine's.

use crate::audit::PyDeclarationResult;
use crate::errors::state_error;
use crate::pack::PyPack;
use flowdown::report::{render_with, OutputFormat, RenderContext};
use flowdown_core::{DocumentReport, Evidence, Report, RequirementResult};
use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;
use std::sync::Arc;

/// Serialises `value` and parses it with Python's `json`, giving plain dicts and lists.
pub(crate) fn to_py_dict<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let s = serde_json::to_string(value).map_err(|e| state_error(&e))?;
    py.import("json")?.call_method1("loads", (s,))
}

fn pretty_json<T: Serialize>(value: &T) -> PyResult<String> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| state_error(&e))?;
    s.push('\n');
    Ok(s)
}

/// `(cls.from_json, (state,))`: frozen objects pickle through their JSON form.
fn reduce<'py, T: Serialize>(
    slf: &Bound<'py, PyAny>,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let state = serde_json::to_string(value).map_err(|e| state_error(&e))?;
    Ok((slf.get_type().getattr("from_json")?, (state,)))
}

/// A piece of evidence: where a decisive provision stands and what it says.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "Evidence")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyEvidence(pub(crate) Evidence);

#[pymethods]
impl PyEvidence {
    /// Byte offset of the start in the normalised text.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Byte offset one past the end.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// 1-based line.
    #[getter]
    fn line(&self) -> usize {
        self.0.line
    }
    /// 1-based column (characters).
    #[getter]
    fn column(&self) -> usize {
        self.0.column
    }
    /// Clause number (``12.3(a)``), where known.
    #[getter]
    fn clause(&self) -> Option<&str> {
        self.0.clause.as_deref()
    }
    /// Heading or clause title above it, where known.
    #[getter]
    fn heading(&self) -> Option<&str> {
        self.0.heading.as_deref()
    }
    /// The matched text (the sentence or provision that decided).
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// File of a bundle, where it differs from the document's path.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.0.file.as_deref()
    }
    /// 1-based page (PDF).
    #[getter]
    fn page(&self) -> Option<u32> {
        self.0.page
    }
    /// The evidence as plain dicts (the JSON contract's object).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    /// The evidence as JSON.
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }
    /// Rebuilds evidence from :meth:`to_json`.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(Self)
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        reduce(slf.as_any(), &slf.get().0)
    }
    fn __repr__(&self) -> String {
        match &self.0.clause {
            Some(c) => format!(
                "<Evidence line {} clause {}: {:?}>",
                self.0.line, c, self.0.text
            ),
            None => format!("<Evidence line {}: {:?}>", self.0.line, self.0.text),
        }
    }
}

/// The judgement of one requirement in one document.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "RequirementResult")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyRequirementResult(pub(crate) RequirementResult);

#[pymethods]
impl PyRequirementResult {
    /// The requirement id of the pack (``prohibition``, ``subcontractor-flowdown``, …).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// ``satisfied``, ``weak``, ``excluded``, ``removed`` or ``missing``.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }
    /// ``error``, ``warning`` or ``info`` (from the pack).
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    /// Decisive evidence first; empty only for ``missing``.
    #[getter]
    fn evidence(&self) -> Vec<PyEvidence> {
        self.0.evidence.iter().cloned().map(PyEvidence).collect()
    }
    /// One line saying why.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }
    /// Notes for a reviewer (incorporation by reference, …).
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.0.notes.clone()
    }
    /// The waiver that applies to this result (``reason``, ``approver``, ``expires``,
    /// ``active``), or ``None``. A waiver never changes the status.
    #[getter]
    fn waiver<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .waiver
            .as_ref()
            .map(|w| to_py_dict(py, w))
            .transpose()
    }
    /// True when the status is ``satisfied``.
    #[getter]
    fn ok(&self) -> bool {
        self.0.status == flowdown_core::Status::Satisfied
    }
    /// The result as plain dicts (the JSON contract's object).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    /// The result as JSON.
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }
    /// Rebuilds a result from :meth:`to_json`.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(Self)
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        reduce(slf.as_any(), &slf.get().0)
    }
    fn __repr__(&self) -> String {
        format!("<RequirementResult {}: {}>", self.0.id, self.0.status)
    }
}

/// Why a document could not be read or judged.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "DocumentError")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyDocumentError(pub(crate) flowdown_core::ErrorInfo);

#[pymethods]
impl PyDocumentError {
    /// The stable error id (``not-found``, ``malformed``, ``unsupported-language``, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// What went wrong.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }
    fn __repr__(&self) -> String {
        format!("<DocumentError {}: {}>", self.0.kind, self.0.message)
    }
}

/// The result for one document: one :class:`RequirementResult` per requirement of the pack,
/// in pack order, or an error.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "DocumentResult")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyDocumentResult(pub(crate) Arc<DocumentReport>);

#[pymethods]
impl PyDocumentResult {
    /// The path as given.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// The detected format (``text``, ``markdown``, …), or None when unreadable.
    #[getter]
    fn format(&self) -> Option<&'static str> {
        self.0.format.map(flowdown_core::Format::as_str)
    }
    /// The error, when the document could not be read.
    #[getter]
    fn error(&self) -> Option<PyDocumentError> {
        self.0.error.clone().map(PyDocumentError)
    }
    /// One result per requirement, in pack order (empty on error).
    #[getter]
    fn requirements(&self) -> Vec<PyRequirementResult> {
        self.0
            .requirements
            .iter()
            .cloned()
            .map(PyRequirementResult)
            .collect()
    }
    /// True when every requirement of severity ``error`` is satisfied.
    #[getter]
    fn compliant(&self) -> bool {
        self.0.summary.compliant
    }
    /// Number of requirements per status, every status present.
    #[getter]
    fn counts(&self) -> Vec<(&'static str, usize)> {
        self.0
            .summary
            .counts
            .iter()
            .map(|(s, n)| (s.as_str(), *n))
            .collect()
    }
    /// The result of requirement ``id``.
    fn __getitem__(&self, id: &str) -> PyResult<PyRequirementResult> {
        self.0
            .requirements
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .map(PyRequirementResult)
            .ok_or_else(|| PyKeyError::new_err(id.to_owned()))
    }
    fn __len__(&self) -> usize {
        self.0.requirements.len()
    }
    /// ``{requirement id: status}``.
    fn statuses(&self) -> Vec<(String, &'static str)> {
        self.0
            .requirements
            .iter()
            .map(|r| (r.id.clone(), r.status.as_str()))
            .collect()
    }
    /// The result as plain dicts (the JSON contract's object).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &*self.0)
    }
    /// The result as JSON.
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&*self.0)
    }
    /// Rebuilds a result from :meth:`to_json`.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(|d| Self(Arc::new(d)))
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        reduce(slf.as_any(), &*slf.get().0)
    }
    fn __repr__(&self) -> String {
        match &self.0.error {
            Some(e) => format!("<DocumentResult {:?} error={}>", self.0.path, e.kind),
            None => format!(
                "<DocumentResult {:?} compliant={}>",
                self.0.path,
                if self.0.summary.compliant {
                    "True"
                } else {
                    "False"
                }
            ),
        }
    }
}

/// A whole report: the pack used and one :class:`DocumentResult` per document, in input
/// order. ``to_json()`` is byte-identical to ``flowdown check --format json``.
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "Report")]
#[derive(Debug, Clone)]
pub(crate) struct PyReport(
    pub(crate) Arc<Report>,
    pub(crate) Option<Arc<flowdown::Pack>>,
);

/// Reports are equal when their content is; the pack kept for rendering does not count.
impl PartialEq for PyReport {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl PyReport {
    /// A report made with `pack` (kept for the pack docs that SARIF and HTML show).
    pub(crate) fn with_pack(report: Report, pack: Arc<flowdown::Pack>) -> Self {
        Self(Arc::new(report), Some(pack))
    }

    /// Renders in `format` with the pack's docs: the pack the report was made with, else
    /// the built-in pack when the report names it.
    fn render_as(&self, format: OutputFormat) -> String {
        let builtin;
        let pack = match &self.1 {
            Some(p) => Some(&**p),
            None => {
                builtin = crate::engine::builtin_pack();
                (builtin.pack_ref() == self.0.pack).then_some(&*builtin)
            }
        };
        let ctx = RenderContext {
            pack,
            ..RenderContext::default()
        };
        render_with(&self.0, format, &ctx)
    }
}

#[pymethods]
impl PyReport {
    /// A report of documents checked separately (e.g. on Dask workers), for ``pack``
    /// (default: the built-in pack).
    #[new]
    #[pyo3(signature = (documents, *, pack = None))]
    fn new(documents: Vec<PyRef<'_, PyDocumentResult>>, pack: Option<PyRef<'_, PyPack>>) -> Self {
        let pack = match pack {
            Some(p) => p.0.clone(),
            None => crate::engine::builtin_pack(),
        };
        let report = Report {
            schema_version: Report::SCHEMA_VERSION,
            pack: pack.pack_ref(),
            documents: documents.iter().map(|d| (*d.0).clone()).collect(),
            declarations: Vec::new(),
        };
        Self::with_pack(report, pack)
    }
    /// Version of the JSON contract.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.0.schema_version
    }
    /// Id of the pack used.
    #[getter]
    fn pack_id(&self) -> &str {
        &self.0.pack.id
    }
    /// Version of the pack used.
    #[getter]
    fn pack_version(&self) -> &str {
        &self.0.pack.version
    }
    /// The documents, in input order.
    #[getter]
    fn documents(&self) -> Vec<PyDocumentResult> {
        self.0
            .documents
            .iter()
            .map(|d| PyDocumentResult(Arc::new(d.clone())))
            .collect()
    }
    /// The audited declarations, in input order (empty for a contract check).
    #[getter]
    fn declarations(&self) -> Vec<PyDeclarationResult> {
        self.0
            .declarations
            .iter()
            .map(|d| PyDeclarationResult(Arc::new(d.clone())))
            .collect()
    }
    /// True when every document is compliant and no declaration has an error or a finding
    /// of severity ``error`` (and there is at least one document or declaration).
    #[getter]
    fn compliant(&self) -> bool {
        let r = &self.0;
        (!r.documents.is_empty() || !r.declarations.is_empty())
            && r.documents.iter().all(|d| d.summary.compliant)
            && r.declarations
                .iter()
                .all(|d| d.error.is_none() && d.summary.errors == 0)
    }
    /// True when any document could not be read.
    #[getter]
    fn has_errors(&self) -> bool {
        self.0.has_errors()
    }
    fn __len__(&self) -> usize {
        self.0.documents.len()
    }
    /// The document at position ``i`` or with path ``key``.
    fn __getitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<PyDocumentResult> {
        let docs = &self.0.documents;
        let found = if let Ok(i) = key.extract::<isize>() {
            let n = isize::try_from(docs.len()).unwrap_or(isize::MAX);
            let j = if i < 0 { i + n } else { i };
            usize::try_from(j)
                .ok()
                .and_then(|j| docs.get(j))
                .ok_or_else(|| PyIndexError::new_err("document index out of range"))?
        } else if let Ok(p) = key.extract::<String>() {
            docs.iter()
                .find(|d| d.path == p)
                .ok_or_else(|| PyKeyError::new_err(p))?
        } else {
            return Err(PyTypeError::new_err("index with an int or a path (str)"));
        };
        Ok(PyDocumentResult(Arc::new(found.clone())))
    }
    /// Column lists of the one-row-per-document-and-requirement table (see
    /// ``flowdown.dataframe``).
    fn _columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let n: usize = self
            .0
            .documents
            .iter()
            .map(|d| d.requirements.len().max(1))
            .sum();
        let mut path = Vec::with_capacity(n);
        let mut requirement = Vec::with_capacity(n);
        let mut status = Vec::with_capacity(n);
        let mut severity = Vec::with_capacity(n);
        let mut clause = Vec::with_capacity(n);
        let mut line = Vec::with_capacity(n);
        let mut evidence = Vec::with_capacity(n);
        let mut reason = Vec::with_capacity(n);
        let mut waived = Vec::with_capacity(n);
        let mut error = Vec::with_capacity(n);
        for d in &self.0.documents {
            if d.requirements.is_empty() {
                path.push(d.path.as_str());
                requirement.push(None);
                status.push(None);
                severity.push(None);
                clause.push(None);
                line.push(None);
                evidence.push(None);
                reason.push(None);
                waived.push(None);
                error.push(d.error.as_ref().map(|e| e.message.as_str()));
            }
            for r in &d.requirements {
                let ev = r.evidence.first();
                path.push(d.path.as_str());
                requirement.push(Some(r.id.as_str()));
                status.push(Some(r.status.as_str()));
                severity.push(Some(r.severity.as_str()));
                clause.push(ev.and_then(|e| e.clause.as_deref()));
                line.push(ev.map(|e| e.line));
                evidence.push(ev.map(|e| e.text.as_str()));
                reason.push(Some(r.reason.as_str()));
                waived.push(Some(r.waiver.as_ref().is_some_and(|w| w.active)));
                error.push(None);
            }
        }
        let out = PyDict::new(py);
        out.set_item("path", PyList::new(py, path)?)?;
        out.set_item("requirement", PyList::new(py, requirement)?)?;
        out.set_item("status", PyList::new(py, status)?)?;
        out.set_item("severity", PyList::new(py, severity)?)?;
        out.set_item("clause", PyList::new(py, clause)?)?;
        out.set_item("line", PyList::new(py, line)?)?;
        out.set_item("evidence", PyList::new(py, evidence)?)?;
        out.set_item("reason", PyList::new(py, reason)?)?;
        out.set_item("waived", PyList::new(py, waived)?)?;
        out.set_item("error", PyList::new(py, error)?)?;
        Ok(out)
    }
    /// Column lists of the one-row-per-declaration-finding table.
    fn _finding_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut path = Vec::new();
        let mut rule = Vec::new();
        let mut severity = Vec::new();
        let mut message = Vec::new();
        let mut location = Vec::new();
        let mut parties = Vec::new();
        let mut error = Vec::new();
        for d in &self.0.declarations {
            if let Some(e) = &d.error {
                path.push(d.path.as_str());
                rule.push(None);
                severity.push(None);
                message.push(None);
                location.push(None);
                parties.push(None);
                error.push(Some(e.message.as_str()));
            }
            for f in &d.findings {
                path.push(d.path.as_str());
                rule.push(Some(f.rule.as_str()));
                severity.push(Some(f.severity.as_str()));
                message.push(Some(f.message.as_str()));
                location.push(Some(f.location.display()));
                parties.push(Some(f.parties.join(",")));
                error.push(None);
            }
        }
        let out = PyDict::new(py);
        out.set_item("path", PyList::new(py, path)?)?;
        out.set_item("rule", PyList::new(py, rule)?)?;
        out.set_item("severity", PyList::new(py, severity)?)?;
        out.set_item("message", PyList::new(py, message)?)?;
        out.set_item("location", PyList::new(py, location)?)?;
        out.set_item("parties", PyList::new(py, parties)?)?;
        out.set_item("error", PyList::new(py, error)?)?;
        Ok(out)
    }
    /// One row per declaration finding as a pandas DataFrame (needs pandas).
    fn findings_to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("findings_to_pandas", (slf,))
    }
    /// One row per declaration finding as a polars DataFrame (needs polars).
    fn findings_to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("findings_to_polars", (slf,))
    }
    /// One row per document × requirement as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("report_to_pandas", (slf,))
    }
    /// One row per document × requirement as a polars DataFrame (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown.dataframe")?
            .call_method1("report_to_polars", (slf,))
    }
    /// The report as plain dicts and lists (the JSON contract).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &*self.0)
    }
    /// The JSON contract, byte-identical to ``flowdown check --format json``.
    fn to_json(&self) -> String {
        flowdown::report::render_json(&self.0)
    }
    /// The report in one of the formats of ``flowdown check --format``: ``text``, ``json``,
    /// ``json-lines``, ``sarif``, ``junit``, ``github``, ``markdown`` or ``html``.
    fn render(&self, format: &str) -> PyResult<String> {
        let format: OutputFormat = format.parse().map_err(PyValueError::new_err)?;
        Ok(self.render_as(format))
    }
    /// The text format of ``flowdown check``.
    fn to_text(&self) -> String {
        self.render_as(OutputFormat::Text)
    }
    /// SARIF 2.1.0 (rules from the pack's docs).
    fn to_sarif(&self) -> String {
        self.render_as(OutputFormat::Sarif)
    }
    /// JUnit XML.
    fn to_junit(&self) -> String {
        self.render_as(OutputFormat::Junit)
    }
    /// One JSON object per line: one per document, then one per declaration.
    fn to_json_lines(&self) -> String {
        self.render_as(OutputFormat::JsonLines)
    }
    /// A Markdown summary.
    fn to_markdown(&self) -> String {
        self.render_as(OutputFormat::Markdown)
    }
    /// One self-contained HTML page (the report of ``flowdown check --format html``).
    fn to_html(&self) -> String {
        self.render_as(OutputFormat::Html)
    }
    /// Rebuilds a report from :meth:`to_json` (or the CLI's JSON output).
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(|r| Self(Arc::new(r), None))
            .map_err(|e| state_error(&e))
    }
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("flowdown._html")?
            .call_method1("report_html", (slf,))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        reduce(slf.as_any(), &*slf.get().0)
    }
    fn __str__(&self) -> String {
        self.to_text()
    }
    fn __repr__(&self) -> String {
        format!(
            "<Report pack={} documents={} compliant={}>",
            self.0.pack.id,
            self.0.documents.len(),
            if self.compliant() { "True" } else { "False" }
        )
    }
}
