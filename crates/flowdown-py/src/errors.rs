//! The exception hierarchy and the one mapping from flowdown's errors to Python exceptions.

use flowdown_core::{Error, ErrorKind};
use pyo3::exceptions::{PyException, PyFileNotFoundError};
use pyo3::prelude::*;
use pyo3::{create_exception, PyErr};
use std::any::Any;

create_exception!(
    flowdown.exceptions,
    FlowdownError,
    PyException,
    "Base of every error flowdown raises. ``kind`` is the stable error id of the report \
     (``pack``, ``malformed``, …) and ``path`` the file concerned."
);
create_exception!(
    flowdown.exceptions,
    ReadError,
    FlowdownError,
    "A document or list could not be read (unreadable, unsupported, malformed, over a limit)."
);
create_exception!(
    flowdown.exceptions,
    PackError,
    FlowdownError,
    "A requirement pack is invalid (the message names the key and line)."
);
create_exception!(
    flowdown.exceptions,
    DeclarationError,
    FlowdownError,
    "A supply-chain declaration is invalid."
);
create_exception!(
    flowdown.exceptions,
    ConfigError,
    FlowdownError,
    "A configuration or an argument is invalid."
);

/// A flowdown error on its way to Python.
#[derive(Debug)]
pub(crate) struct PyFlowdownError(pub(crate) Error);

impl From<Error> for PyFlowdownError {
    fn from(e: Error) -> Self {
        Self(e)
    }
}

impl From<PyFlowdownError> for PyErr {
    fn from(PyFlowdownError(e): PyFlowdownError) -> Self {
        let msg = e.to_string();
        let err = match e.kind {
            ErrorKind::NotFound => PyFileNotFoundError::new_err((2, msg.clone(), e.path.clone())),
            ErrorKind::Pack => PackError::new_err(msg),
            ErrorKind::Declaration => DeclarationError::new_err(msg),
            ErrorKind::Config => ConfigError::new_err(msg),
            ErrorKind::Internal => FlowdownError::new_err(msg),
            _ => ReadError::new_err(msg),
        };
        Python::attach(|py| {
            let value = err.value(py);
            // Attributes for callers that branch on the kind; failing to set them changes
            // nothing about the error itself.
            let _ = value.setattr("kind", e.kind.as_str());
            if e.kind != ErrorKind::NotFound {
                let _ = value.setattr("path", e.path.as_str());
            }
        });
        err
    }
}

/// The error a caught panic becomes: a bug, reported as `FlowdownError(kind="internal")`.
pub(crate) fn from_panic(payload: &(dyn Any + Send)) -> Error {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    Error::new(
        ErrorKind::Internal,
        "<flowdown>",
        format!("internal error (please report it): {what}"),
    )
}

/// Runs `f` detached from the interpreter (other Python threads run meanwhile), turning a
/// panic into a `FlowdownError` and a flowdown error into its exception.
pub(crate) fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T, Error> + Send,
{
    let out = py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    match out {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(PyFlowdownError(e).into()),
        Err(payload) => Err(PyFlowdownError(from_panic(payload.as_ref())).into()),
    }
}

/// A JSON (de)serialisation failure of pickled state.
pub(crate) fn state_error(e: &serde_json::Error) -> PyErr {
    PyFlowdownError(Error::new(
        ErrorKind::Internal,
        "<pickle>",
        format!("invalid state: {e}"),
    ))
    .into()
}
