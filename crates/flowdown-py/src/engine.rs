//! Module functions: extract owned inputs, release the interpreter, call the engine.

use crate::errors::{detached, PyFlowdownError};
use crate::pack::{PyPack, PyRequirement};
use crate::results::PyReport;
use flowdown::{CheckOptions, Pack};
use flowdown_core::{DocumentReport, Error, ErrorKind, Format, Report};
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

/// What `check` reads: a path, or the bytes of a document.
#[derive(FromPyObject)]
pub(crate) enum Source {
    #[pyo3(transparent, annotation = "bytes")]
    Bytes(Vec<u8>),
    #[pyo3(transparent, annotation = "str | os.PathLike[str]")]
    Path(PathBuf),
}

/// The pack argument: a `Pack`, a path to a pack file, or None for the built-in pack.
#[derive(FromPyObject)]
pub(crate) enum PackArg<'py> {
    #[pyo3(transparent)]
    Pack(PyRef<'py, PyPack>),
    #[pyo3(transparent)]
    Path(PathBuf),
}

pub(crate) fn resolve_pack(py: Python<'_>, pack: Option<PackArg<'_>>) -> PyResult<Arc<Pack>> {
    match pack {
        None => Ok(builtin_pack()),
        Some(PackArg::Pack(p)) => Ok(p.0.clone()),
        Some(PackArg::Path(path)) => detached(py, || Pack::from_path(&path)).map(Arc::new),
    }
}

/// The built-in pack, parsed once per process.
pub(crate) fn builtin_pack() -> Arc<Pack> {
    static BUILTIN: std::sync::OnceLock<Arc<Pack>> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(|| Arc::new(Pack::builtin())).clone()
}

fn options(format: Option<&str>, supplier_terms: Vec<String>) -> PyResult<CheckOptions> {
    let mut opts = CheckOptions {
        supplier_terms,
        ..CheckOptions::default()
    };
    if let Some(f) = format {
        let parsed: Format = serde_json::from_value(serde_json::Value::String(f.to_owned()))
            .map_err(|_| {
                PyValueError::new_err(format!(
                    "unknown format `{f}`. Choose from: text, markdown, docx, odt, html, xml, pdf"
                ))
            })?;
        opts.read.format = Some(parsed);
    }
    Ok(opts)
}

/// The date waivers are judged on: ``None``, an ISO ``YYYY-MM-DD`` string or a ``datetime.date``.
fn as_of_date(as_of: Option<&Bound<'_, PyAny>>) -> PyResult<Option<flowdown::core::Date>> {
    let Some(v) = as_of else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    let text: String = match v.extract::<String>() {
        Ok(s) => s,
        Err(_) => v.call_method0("isoformat")?.extract()?,
    };
    flowdown::core::Date::parse(&text)
        .map(Some)
        .map_err(|m| PyValueError::new_err(format!("as_of: {m}")))
}

/// The policy (configuration, waivers, baseline) to apply, or `None` when none is asked for.
fn load_policy(
    py: Python<'_>,
    pack: &Pack,
    policy: &PolicyArgs,
) -> PyResult<Option<flowdown::policy::Policy>> {
    if policy.config.is_none() && policy.waivers.is_none() && policy.baseline.is_none() {
        return Ok(None);
    }
    let sources = flowdown::policy::PolicySources {
        config: policy
            .config
            .clone()
            .map_or(flowdown::policy::ConfigSource::None, |p| {
                if p.is_dir() {
                    flowdown::policy::ConfigSource::Discover(p)
                } else {
                    flowdown::policy::ConfigSource::File(p)
                }
            }),
        waivers: policy.waivers.clone(),
        baseline: policy.baseline.clone(),
        as_of: policy.as_of,
    };
    detached(py, || flowdown::policy::Policy::load(&sources, pack)).map(Some)
}

/// Keyword arguments shared by the check functions.
pub(crate) struct PolicyArgs {
    config: Option<PathBuf>,
    waivers: Option<PathBuf>,
    baseline: Option<PathBuf>,
    as_of: Option<flowdown::core::Date>,
}

impl PolicyArgs {
    fn new(
        config: Option<PathBuf>,
        waivers: Option<PathBuf>,
        baseline: Option<PathBuf>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(Self {
            config,
            waivers,
            baseline,
            as_of: as_of_date(as_of)?,
        })
    }
}

fn finish(
    py: Python<'_>,
    pack: &Arc<Pack>,
    mut report: Report,
    policy: &PolicyArgs,
) -> PyResult<PyReport> {
    if let Some(p) = load_policy(py, pack, policy)? {
        p.apply(&mut report).map_err(PyFlowdownError)?;
    }
    Ok(PyReport::with_pack(report, pack.clone()))
}

fn report(pack: &Arc<Pack>, documents: Vec<DocumentReport>) -> Report {
    Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: pack.pack_ref(),
        documents,
        declarations: Vec::new(),
    }
}

/// The error of a single document, raised by the one-document functions.
fn raise_document_error(d: &DocumentReport) -> PyResult<()> {
    match &d.error {
        None => Ok(()),
        Some(e) => Err(PyFlowdownError(Error::new(e.kind, &d.path, &e.message)).into()),
    }
}

/// Checks one document, given as a path or as bytes, against the pack.
///
/// A directory is searched recursively; its unreadable files are entries with their error
/// in the report. A single file that cannot be read raises: ``FileNotFoundError`` when it
/// does not exist, :class:`ReadError` (or another :class:`FlowdownError`) otherwise. A
/// non-compliant contract is a result, never an exception.
///
/// ``format`` forces the input format (``text``, ``markdown``, …) instead of detecting it.
///
/// ``config`` (a ``flowdown.toml``/``pyproject.toml`` file, or a directory to search upwards
/// from), ``waivers`` (a waiver file) and ``baseline`` (a JSON report) apply the same severity
/// overrides, waivers and baseline as ``flowdown check``; ``as_of`` (``YYYY-MM-DD`` or a
/// ``datetime.date``, default today) is the date waivers are judged on. Without them, none
/// applies: a notebook does not pick up a configuration file by surprise.
///
/// >>> import flowdown
/// >>> report = flowdown.check(b"1. The Supplier shall not engage in human trafficking.\n")
/// >>> report.documents[0].path
/// '<bytes>'
/// >>> flowdown.check("no/such/contract.txt")
/// Traceback (most recent call last):
/// ...
/// FileNotFoundError: [Errno 2] no/such/contract.txt: No such file or directory (os error 2): 'no/such/contract.txt'
#[pyfunction]
#[pyo3(signature = (source, *, pack = None, format = None, supplier_terms = Vec::new(), config = None, waivers = None, baseline = None, as_of = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub(crate) fn check(
    py: Python<'_>,
    source: Source,
    pack: Option<PackArg<'_>>,
    format: Option<&str>,
    supplier_terms: Vec<String>,
    config: Option<PathBuf>,
    waivers: Option<PathBuf>,
    baseline: Option<PathBuf>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let policy = PolicyArgs::new(config, waivers, baseline, as_of)?;
    let pack = resolve_pack(py, pack)?;
    let opts = options(format, supplier_terms)?;
    match source {
        Source::Bytes(bytes) => {
            let doc = detached(py, || {
                Ok(
                    match flowdown_ingest::read_bytes("<bytes>", &bytes, &opts.read) {
                        Ok(doc) => flowdown::check_document(&pack, &doc, &opts),
                        Err(e) => DocumentReport::failed("<bytes>", None, &e),
                    },
                )
            })?;
            raise_document_error(&doc)?;
            finish(py, &pack, report(&pack, vec![doc]), &policy)
        }
        Source::Path(path) if path.is_dir() => {
            let r = detached(py, || {
                let paths = flowdown::collect_paths(std::slice::from_ref(&path))?;
                Ok(flowdown::check_paths(&pack, &paths, &opts))
            })?;
            finish(py, &pack, r, &policy)
        }
        Source::Path(path) => {
            let doc = detached(py, || Ok(flowdown::check_path(&pack, &path, &opts)))?;
            raise_document_error(&doc)?;
            finish(py, &pack, report(&pack, vec![doc]), &policy)
        }
    }
}

/// Checks a text given in memory; ``name`` is the path written into the report.
///
/// >>> import flowdown
/// >>> report = flowdown.check_text("The Supplier shall not engage in human trafficking.")
/// >>> doc = report.documents[0]
/// >>> doc.path, len(doc.requirements)
/// ('<text>', 11)
/// >>> doc["prohibition"].severity
/// 'error'
#[pyfunction]
#[pyo3(signature = (text, *, name = "<text>", pack = None, format = None, supplier_terms = Vec::new(), config = None, waivers = None, baseline = None, as_of = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub(crate) fn check_text(
    py: Python<'_>,
    text: &str,
    name: &str,
    pack: Option<PackArg<'_>>,
    format: Option<&str>,
    supplier_terms: Vec<String>,
    config: Option<PathBuf>,
    waivers: Option<PathBuf>,
    baseline: Option<PathBuf>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let policy = PolicyArgs::new(config, waivers, baseline, as_of)?;
    let pack = resolve_pack(py, pack)?;
    let opts = options(format, supplier_terms)?;
    let doc = detached(py, || Ok(flowdown::check_text(&pack, name, text, &opts)))?;
    raise_document_error(&doc)?;
    finish(py, &pack, report(&pack, vec![doc]), &policy)
}

/// Checks many files and directories (searched recursively) in parallel, with the
/// interpreter released. ``jobs`` is the number of threads (default: one per core).
///
/// The report lists documents in input order (directories sorted). An unreadable or missing
/// file is an entry with its error; the rest of the batch is still checked.
///
/// ``config`` (a ``flowdown.toml``/``pyproject.toml`` file, or a directory to search upwards
/// from), ``waivers`` (a waiver file) and ``baseline`` (a JSON report) apply the same severity
/// overrides, waivers and baseline as ``flowdown check``; ``as_of`` (``YYYY-MM-DD`` or a
/// ``datetime.date``, default today) is the date waivers are judged on. Without them, none
/// applies: a notebook does not pick up a configuration file by surprise.
///
/// >>> import flowdown
/// >>> report = flowdown.check_many(["no/such/a.txt"], jobs=1)
/// >>> report.documents[0].error.kind
/// 'not-found'
#[pyfunction]
#[pyo3(signature = (paths, *, jobs = None, pack = None, format = None, supplier_terms = Vec::new(), config = None, waivers = None, baseline = None, as_of = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub(crate) fn check_many(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    pack: Option<PackArg<'_>>,
    format: Option<&str>,
    supplier_terms: Vec<String>,
    config: Option<PathBuf>,
    waivers: Option<PathBuf>,
    baseline: Option<PathBuf>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let policy = PolicyArgs::new(config, waivers, baseline, as_of)?;
    let pack = resolve_pack(py, pack)?;
    let opts = options(format, supplier_terms)?;
    let r = detached(py, || {
        let paths = flowdown::collect_paths(&paths)?;
        Ok(flowdown::check_paths_parallel(
            &pack,
            &paths,
            &opts,
            jobs.unwrap_or(0),
            &|| {},
        ))
    })?;
    finish(py, &pack, r, &policy)
}

/// Reads a requirement pack (TOML); a bad key or value raises :class:`PackError`.
#[pyfunction]
pub(crate) fn load_pack(py: Python<'_>, path: PathBuf) -> PyResult<PyPack> {
    detached(py, || Pack::from_path(&path)).map(|p| PyPack(Arc::new(p)))
}

/// The requirements of the pack with their documentation, in report order.
///
/// >>> import flowdown
/// >>> [r.id for r in flowdown.rules()][:3]
/// ['prohibition', 'support-facilitation', 'subcontractor-flowdown']
#[pyfunction]
#[pyo3(signature = (*, pack = None))]
pub(crate) fn rules(py: Python<'_>, pack: Option<PackArg<'_>>) -> PyResult<Vec<PyRequirement>> {
    let pack = resolve_pack(py, pack)?;
    Ok(pack
        .requirements
        .iter()
        .cloned()
        .map(PyRequirement)
        .collect())
}

/// One requirement's documentation: source paragraph, what satisfies it, examples and the
/// model clause (what ``flowdown explain ID`` shows). An unknown id raises ``KeyError``.
///
/// >>> import flowdown
/// >>> flowdown.explain("subcontractor-flowdown").severity
/// 'error'
#[pyfunction]
#[pyo3(signature = (id, *, pack = None))]
pub(crate) fn explain(
    py: Python<'_>,
    id: &str,
    pack: Option<PackArg<'_>>,
) -> PyResult<PyRequirement> {
    let pack = resolve_pack(py, pack)?;
    match pack.requirement(id) {
        Some(r) => Ok(PyRequirement(r.clone())),
        None => {
            let ids: Vec<&str> = pack.requirements.iter().map(|r| r.id.as_str()).collect();
            Err(PyKeyError::new_err(format!(
                "unknown requirement `{id}`. Choose from: {}",
                ids.join(", ")
            )))
        }
    }
}

/// Runs the ``flowdown`` command line (``argv[0]`` is the program name) and returns its exit
/// code. This is what the installed ``flowdown`` command calls.
#[pyfunction]
pub(crate) fn main(py: Python<'_>, argv: Vec<OsString>) -> PyResult<i32> {
    detached(py, || Ok(flowdown_cli::run(argv)))
}

/// Raises a panic inside the engine's calling helper (tests that panics never crash Python).
#[pyfunction]
pub(crate) fn _panic(py: Python<'_>) -> PyResult<()> {
    detached(py, || -> Result<(), Error> {
        let v: Vec<u8> = Vec::new();
        // An out-of-bounds index: the kind of bug a panic guard exists for.
        let i = v.len() + 1;
        Err(Error::new(
            ErrorKind::Internal,
            "<test>",
            format!("{}", v[i]),
        ))
    })
}
