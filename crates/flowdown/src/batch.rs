//! Parallel batches: `--jobs N` checks documents on a rayon pool. Results are collected in
//! input order, so the report (and every rendering of it) is byte-identical to `--jobs 1`.

use crate::{check_path, CheckOptions, Pack};
use flowdown_core::Report;
use rayon::prelude::*;
use std::path::PathBuf;

/// The number of jobs `0` stands for: the available parallelism.
#[must_use]
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Checks files with `jobs` threads (`0` = one per core) and builds the report in input order.
/// `on_done` is called once per document as it finishes (from worker threads), for progress.
#[must_use]
pub fn check_paths_parallel(
    pack: &Pack,
    paths: &[PathBuf],
    opts: &CheckOptions,
    jobs: usize,
    on_done: &(dyn Fn() + Sync),
) -> Report {
    let jobs = if jobs == 0 { default_jobs() } else { jobs };
    // Compile the pack once before the workers share it.
    let _ = pack.lexicon();
    let one = |p: &PathBuf| {
        let r = check_path(pack, p, opts);
        on_done();
        r
    };
    let documents = if jobs <= 1 || paths.len() <= 1 {
        paths.iter().map(one).collect()
    } else {
        match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(pool) => pool.install(|| paths.par_iter().map(one).collect()),
            Err(_) => paths.iter().map(one).collect(),
        }
    };
    Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: pack.pack_ref(),
        documents,
        declarations: Vec::new(),
    }
}
