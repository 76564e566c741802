//! The flowdown engine: requirement packs, obligation judgement over the document model,
//! supply-chain audit and reports. This is the crate Rust users depend on; the CLI and the
//! Python bindings only translate.
//!
//! ```
//! use flowdown::{Pack, check_text, CheckOptions};
//! let pack = Pack::builtin();
//! let report = check_text(&pack, "memo.txt", "Lunch is at noon.", &CheckOptions::default());
//! assert_eq!(report.requirements.len(), 11);
//! ```
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub use flowdown_core as core;
pub use flowdown_core::{
    DocumentReport, Error, ErrorKind, Report, RequirementResult, Severity, Status,
};
pub use flowdown_ingest as ingest;

pub mod audit;
pub mod baseline;
mod batch;
mod check;
pub mod config;
pub mod judge;
pub mod pack;
pub mod paths;
pub mod policy;
pub mod report;
pub mod screen;
pub mod waiver;

pub use audit::{audit_path, audit_paths, AuditOptions};
pub use batch::{check_paths_parallel, default_jobs};
pub use check::{
    check_bundle, check_document, check_document_ungated, check_path, check_paths, check_text,
    collect_paths, CheckOptions, DOCUMENT_EXTENSIONS,
};
pub use pack::{Pack, RequirementDef};
