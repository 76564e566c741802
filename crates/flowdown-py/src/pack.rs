//! Requirement packs and their documentation.

use crate::errors::{detached, state_error};
use crate::results::to_py_dict;
use flowdown::{Pack, RequirementDef};
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// A requirement pack: ids, severities, documentation, term lists and recognised references.
///
/// >>> from flowdown import Pack
/// >>> pack = Pack.builtin()
/// >>> pack.id, len(pack.requirements)
/// ('nato-cthb-2023', 11)
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "Pack")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyPack(pub(crate) Arc<Pack>);

#[pymethods]
impl PyPack {
    /// The built-in pack ``nato-cthb-2023``.
    #[staticmethod]
    fn builtin() -> Self {
        Self(Arc::new(Pack::builtin()))
    }
    /// Reads a pack file (TOML); a bad key or value raises :class:`PackError`.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        detached(py, || Pack::from_path(&path)).map(|p| Self(Arc::new(p)))
    }
    /// Parses a pack from TOML source; ``name`` is used in error messages.
    #[staticmethod]
    #[pyo3(signature = (source, name = "<string>"))]
    fn from_toml(py: Python<'_>, source: &str, name: &str) -> PyResult<Self> {
        detached(py, || Pack::from_toml_str(source, name)).map(|p| Self(Arc::new(p)))
    }
    /// Pack id, e.g. ``nato-cthb-2023``.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Pack version.
    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }
    /// Human title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// The requirements, in report order.
    #[getter]
    fn requirements(&self) -> Vec<PyRequirement> {
        self.0
            .requirements
            .iter()
            .cloned()
            .map(PyRequirement)
            .collect()
    }
    /// The pack as plain dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &*self.0)
    }
    /// Rebuilds a pack from its pickled JSON state.
    #[staticmethod]
    fn from_json(data: &str) -> PyResult<Self> {
        serde_json::from_str(data)
            .map(|p| Self(Arc::new(p)))
            .map_err(|e| state_error(&e))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&*slf.get().0).map_err(|e| state_error(&e))?;
        Ok((slf.get_type().getattr("from_json")?, (state,)))
    }
    fn __repr__(&self) -> String {
        format!("<Pack {} {}>", self.0.id, self.0.version)
    }
}

/// One requirement of a pack with its documentation (what ``flowdown explain`` shows).
#[pyclass(frozen, eq, module = "flowdown._flowdown", name = "Requirement")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyRequirement(pub(crate) RequirementDef);

#[pymethods]
impl PyRequirement {
    /// Stable public id, e.g. ``subcontractor-flowdown``.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// ``error``, ``warning`` or ``info``.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    /// Source paragraph, e.g. ``para 19``.
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }
    /// One-line summary.
    #[getter]
    fn summary(&self) -> &str {
        &self.0.summary
    }
    /// What the requirement asks and why.
    #[getter]
    fn explanation(&self) -> &str {
        &self.0.explanation
    }
    /// What satisfies it.
    #[getter]
    fn satisfied_by(&self) -> &str {
        &self.0.satisfied_by
    }
    /// ``(wording, status)`` examples.
    #[getter]
    fn examples(&self) -> Vec<(String, &'static str)> {
        self.0
            .examples
            .iter()
            .map(|e| (e.text.clone(), e.status.as_str()))
            .collect()
    }
    /// A model clause in the project's own words.
    #[getter]
    fn model_clause(&self) -> &str {
        &self.0.model_clause
    }
    /// The requirement as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Requirement {} ({}, {})>",
            self.0.id, self.0.severity, self.0.source
        )
    }
}
