//! Baselines: `--baseline FILE` (a previous JSON report) reports only what is new or worse.
//!
//! Documents are matched by path (as shown: `/` separators, no leading `./`), requirements by
//! id. A requirement result is kept when it is not `satisfied` and either has no counterpart in
//! the baseline (a new document, a new requirement, or a document that could not be read
//! then) or its status is **worse** than the baseline's. "Worse" follows this rank, from best to
//! worst:
//!
//! `satisfied` < `weak` < `removed` < `missing` < `excluded`
//!
//! (an exclusion is worse than silence: someone wrote the duty away). Results that are
//! unchanged or better are dropped from the report; a document left with nothing is dropped
//! too, unless it could not be read now (errors are always reported). Summaries stay those of
//! the whole document. Declaration gap findings are kept when the baseline's declaration of
//! the same path has no finding with the same rule, location and parties.

use flowdown_core::{Error, ErrorKind, Report, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Rank of a status for "worse": higher is worse.
#[must_use]
pub const fn badness(s: Status) -> u8 {
    match s {
        Status::Satisfied => 0,
        Status::Weak => 1,
        Status::Removed => 2,
        Status::Missing => 3,
        Status::Excluded => 4,
    }
}

/// What a baseline hid, for the run notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaselineOutcome {
    /// Results dropped because they are unchanged since the baseline.
    pub unchanged: usize,
    /// Results dropped because they are better than in the baseline.
    pub improved: usize,
    /// Results kept because they are new or worse.
    pub new_or_worse: usize,
    /// Declaration findings dropped because the baseline has them.
    pub known_gaps: usize,
}

impl BaselineOutcome {
    /// A one-line note for human-readable formats.
    #[must_use]
    pub fn note(&self, path: &str) -> String {
        format!(
            "baseline {path}: {} new or worse, {} unchanged and {} improved not shown{}",
            self.new_or_worse,
            self.unchanged,
            self.improved,
            if self.known_gaps > 0 {
                format!(", {} known declaration gaps not shown", self.known_gaps)
            } else {
                String::new()
            }
        )
    }
}

/// Reads a baseline (a JSON report of `flowdown check --format json`).
///
/// # Errors
/// `not-found`/`io` for the file; [`ErrorKind::Config`] when it is not a flowdown JSON report
/// of a schema version this build reads.
pub fn load(path: &Path) -> Result<Report, Error> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| Error::io(&name, &e))?;
    parse(&src, &name)
}

/// Parses a baseline from JSON text.
///
/// # Errors
/// See [`load`].
pub fn parse(src: &str, name: &str) -> Result<Report, Error> {
    let report: Report = serde_json::from_str(src).map_err(|e| {
        Error::new(
            ErrorKind::Config,
            name,
            format!("not a flowdown JSON report (use `flowdown check --format json`): {e}"),
        )
    })?;
    if report.schema_version != Report::SCHEMA_VERSION {
        return Err(Error::new(
            ErrorKind::Config,
            name,
            format!(
                "baseline has schema_version {}, this flowdown reads {}",
                report.schema_version,
                Report::SCHEMA_VERSION
            ),
        ));
    }
    Ok(report)
}

/// Keeps only what is new or worse than `baseline` in `report`.
pub fn apply(report: &mut Report, baseline: &Report) -> BaselineOutcome {
    let key = crate::report::display_path;
    let mut before: BTreeMap<String, BTreeMap<&str, Status>> = BTreeMap::new();
    for d in baseline.documents.iter().filter(|d| d.error.is_none()) {
        let entry = before.entry(key(&d.path)).or_default();
        for r in &d.requirements {
            entry.insert(r.id.as_str(), r.status);
        }
    }
    let mut out = BaselineOutcome::default();
    for d in &mut report.documents {
        if d.error.is_some() {
            continue;
        }
        let old = before.get(&key(&d.path));
        d.requirements.retain(|r| {
            if r.status == Status::Satisfied {
                return false;
            }
            match old.and_then(|o| o.get(r.id.as_str())) {
                None => {
                    out.new_or_worse += 1;
                    true
                }
                Some(b) if badness(r.status) > badness(*b) => {
                    out.new_or_worse += 1;
                    true
                }
                Some(b) if badness(r.status) == badness(*b) => {
                    out.unchanged += 1;
                    false
                }
                Some(_) => {
                    out.improved += 1;
                    false
                }
            }
        });
    }
    report
        .documents
        .retain(|d| d.error.is_some() || !d.requirements.is_empty());

    let mut gaps: BTreeMap<String, BTreeSet<(String, String, Vec<String>)>> = BTreeMap::new();
    for d in baseline.declarations.iter().filter(|d| d.error.is_none()) {
        let set = gaps.entry(key(&d.path)).or_default();
        for f in &d.findings {
            set.insert((f.rule.clone(), f.location.display(), f.parties.clone()));
        }
    }
    for d in &mut report.declarations {
        if d.error.is_some() {
            continue;
        }
        let Some(known) = gaps.get(&key(&d.path)) else {
            continue;
        };
        let before_len = d.findings.len();
        d.findings.retain(|f| {
            !known.contains(&(f.rule.clone(), f.location.display(), f.parties.clone()))
        });
        out.known_gaps += before_len - d.findings.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_report;

    fn status_of(report: &Report, id: &str) -> Option<Status> {
        report.documents[0]
            .requirements
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.status)
    }

    #[test]
    fn same_report_leaves_only_errors() {
        let baseline = sample_report();
        let mut now = sample_report();
        let out = apply(&mut now, &baseline);
        assert_eq!(out.new_or_worse, 0);
        assert_eq!(out.unchanged, 9);
        assert_eq!(now.documents.len(), 1, "only the unreadable document stays");
        assert!(now.documents[0].error.is_some());
        assert_eq!(now.declarations[0].findings.len(), 0);
        assert_eq!(out.known_gaps, 1);
    }

    #[test]
    fn worse_and_new_are_kept_better_is_dropped() {
        let mut baseline = sample_report();
        // In the baseline: subcontractor-flowdown was satisfied (now weak: worse), remediation
        // was excluded (now excluded: unchanged), reporting was missing (now removed: better),
        // and termination did not exist (new).
        for r in &mut baseline.documents[0].requirements {
            match r.id.as_str() {
                "subcontractor-flowdown" => r.status = Status::Satisfied,
                "reporting" => r.status = Status::Missing,
                _ => {}
            }
        }
        baseline.documents[0]
            .requirements
            .retain(|r| r.id != "termination");
        let mut now = sample_report();
        let out = apply(&mut now, &baseline);
        assert_eq!(
            status_of(&now, "subcontractor-flowdown"),
            Some(Status::Weak)
        );
        assert_eq!(status_of(&now, "termination"), Some(Status::Missing));
        assert_eq!(status_of(&now, "remediation"), None);
        assert_eq!(status_of(&now, "reporting"), None);
        assert_eq!(out.new_or_worse, 2);
        assert_eq!(out.improved, 1);
        assert!(badness(Status::Excluded) > badness(Status::Missing));
    }

    #[test]
    fn baseline_must_be_a_report() {
        let e = parse("{\"a\":1}", "b.json").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Config);
        let mut r = sample_report();
        r.schema_version = 99;
        let e = parse(&serde_json::to_string(&r).unwrap(), "b.json").unwrap_err();
        assert!(e.message.contains("schema_version 99"));
        let ok = parse(&crate::report::render_json(&sample_report()), "b.json").unwrap();
        assert_eq!(ok, sample_report());
    }
}
