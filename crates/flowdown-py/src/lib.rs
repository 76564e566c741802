//! Python bindings of flowdown: the extension module `flowdown._flowdown`. It only translates:
//! inputs are extracted into owned Rust values, the engine runs with the interpreter released,
//! results come back as frozen classes over the engine's own types. The Python package
//! (`python/flowdown`) re-exports these and adds the DataFrame, notebook and Dask helpers.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod audit;
mod engine;
mod errors;
mod pack;
mod results;
mod screen;

use pyo3::prelude::*;

/// flowdown's engine (Rust). Use the ``flowdown`` package, which re-exports it.
#[pymodule]
fn _flowdown(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    // Set as attributes, outside `__all__`.
    m.setattr("__version__", env!("CARGO_PKG_VERSION"))?;
    m.setattr("_panic", wrap_pyfunction!(engine::_panic, m)?)?;
    m.add_function(wrap_pyfunction!(engine::check, m)?)?;
    m.add_function(wrap_pyfunction!(engine::check_text, m)?)?;
    m.add_function(wrap_pyfunction!(engine::check_many, m)?)?;
    m.add_function(wrap_pyfunction!(audit::audit, m)?)?;
    m.add_function(wrap_pyfunction!(engine::load_pack, m)?)?;
    m.add_function(wrap_pyfunction!(engine::rules, m)?)?;
    m.add_function(wrap_pyfunction!(engine::explain, m)?)?;
    m.add_function(wrap_pyfunction!(engine::main, m)?)?;
    m.add_class::<pack::PyPack>()?;
    m.add_class::<pack::PyRequirement>()?;
    m.add_class::<results::PyReport>()?;
    m.add_class::<results::PyDocumentResult>()?;
    m.add_class::<results::PyDocumentError>()?;
    m.add_class::<results::PyRequirementResult>()?;
    m.add_class::<results::PyEvidence>()?;
    m.add_class::<audit::PyDeclarationResult>()?;
    m.add_class::<audit::PyFinding>()?;
    m.add_class::<screen::PyScreenResult>()?;
    m.setattr("_screen_path", wrap_pyfunction!(screen::_screen_path, m)?)?;
    m.add("FlowdownError", py.get_type::<errors::FlowdownError>())?;
    m.add("ReadError", py.get_type::<errors::ReadError>())?;
    m.add("PackError", py.get_type::<errors::PackError>())?;
    m.add(
        "DeclarationError",
        py.get_type::<errors::DeclarationError>(),
    )?;
    m.add("ConfigError", py.get_type::<errors::ConfigError>())?;
    Ok(())
}
