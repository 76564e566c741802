//! Supply-chain audit: declarations (native JSON, CSV, XLSX, OCDS, OMTSF) are read into the
//! model, walked as a graph from the prime and checked by the gap rules of `DECLARATIONS.md`
//! (one file per rule in [`rules`], one table in [`registry`]).
//!
//! ```
//! use flowdown::{Pack, audit::{audit_declaration, AuditOptions}};
//! use flowdown_core::Date;
//! let src = br#"{"schema_version":1,"declaration_id":"D","contract":{"prime":"acme"},
//!   "parties":[{"id":"acme","name":"ACME","subcontractors":"declared"},
//!              {"id":"tex-1","name":"Tex","subcontractors":"none"}],
//!   "links":[{"buyer":"acme","supplier":"tex-1"}]}"#;
//! let read = flowdown::ingest::declaration::read_declaration_bytes("d.json", src).unwrap();
//! let opts = AuditOptions::new(Date::parse("2026-06-01").unwrap());
//! let report = audit_declaration(&Pack::builtin(), &read, &opts);
//! assert_eq!(report.findings[0].rule, "missing-flowdown");
//! assert_eq!(report.findings[0].location.json_path.as_deref(), Some("$.links[0]"));
//! ```

pub mod contracts;
mod graph;
pub mod identifiers;
pub mod registry;
mod render;
pub mod rules;
pub mod screening;

pub use contracts::{named_subcontractors, NamedSubcontractor};
pub use graph::SupplyGraph;
pub use registry::{rule, GapRule, RULES};
pub use render::{render_text, write_text};

use crate::{CheckOptions, Pack};
use flowdown_core::{
    Date, DeclarationLocation, DeclarationReport, DeclarationSummary, GapFinding, ReadDeclaration,
    Report, Severity,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Options of an audit run.
#[derive(Clone)]
pub struct AuditOptions {
    /// Every date rule runs as of this date (`--as-of`, default today).
    pub as_of: Date,
    /// Contract documents whose named sub-contractors are compared with the declaration
    /// (`--contracts DIR`, expanded).
    pub contracts: Vec<PathBuf>,
    /// Options for checking sub-contract documents with the pack.
    pub check: CheckOptions,
    /// Screening of parties against exclusion/sanctions/forced-labour lists (`listed-party`).
    pub screen: Arc<dyn screening::PartyScreen>,
    /// The country × good risk table (`high-risk-sourcing`).
    pub risk: Arc<dyn screening::RiskLookup>,
}

impl std::fmt::Debug for AuditOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditOptions")
            .field("as_of", &self.as_of)
            .field("contracts", &self.contracts)
            .finish_non_exhaustive()
    }
}

impl AuditOptions {
    /// Options as of a date, with no lists, an empty risk table and no contracts.
    #[must_use]
    pub fn new(as_of: Date) -> Self {
        Self {
            as_of,
            contracts: Vec::new(),
            check: CheckOptions::default(),
            screen: Arc::new(screening::ExactListScreen::default()),
            risk: Arc::new(screening::UserRiskTable::default()),
        }
    }
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self::new(today())
    }
}

/// Today's date (UTC) from the system clock.
#[must_use]
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// What a rule sees.
pub struct Context<'a> {
    /// The declaration as read.
    pub read: &'a ReadDeclaration,
    /// Its graph.
    pub graph: &'a SupplyGraph<'a>,
    /// The pack (for `partial-flowdown` and `subcontract-noncompliant`).
    pub pack: &'a Pack,
    /// The run's options.
    pub opts: &'a AuditOptions,
    /// The folder sub-contract documents are relative to.
    pub base_dir: PathBuf,
    /// Sub-contractors named in the `--contracts` documents (read once per run).
    pub contract_names: &'a [NamedSubcontractor],
    /// Checked sub-contract documents, by resolved path (shared across declarations).
    pub checked: &'a Mutex<HashMap<PathBuf, flowdown_core::DocumentReport>>,
}

impl Context<'_> {
    /// The declaration.
    #[must_use]
    pub fn decl(&self) -> &flowdown_core::Declaration {
        &self.read.declaration
    }

    /// `id (Name)` for messages, or the id alone.
    #[must_use]
    pub fn label(&self, id: &str) -> String {
        let name = self
            .graph
            .node_of
            .get(id)
            .and_then(|n| self.graph.graph.node_weight(*n))
            .and_then(|i| self.decl().parties.get(*i))
            .map(|p| p.name.as_str())
            .unwrap_or_default();
        if name.is_empty() {
            id.to_owned()
        } else {
            format!("{id} ({name})")
        }
    }

    /// The chain from the prime through link `i`'s buyer to its supplier (empty when the
    /// buyer is not reachable).
    #[must_use]
    pub fn link_chain(&self, i: usize) -> Vec<String> {
        let Some(l) = self.decl().links.get(i) else {
            return Vec::new();
        };
        let mut c = self.graph.chain(&l.buyer);
        if !c.is_empty() {
            c.push(l.supplier.clone());
        }
        c
    }

    /// [`Self::link_chain`] as a JSON array, for evidence.
    #[must_use]
    pub fn link_chain_value(&self, i: usize) -> serde_json::Value {
        match (
            self.graph.link_nodes.get(i).and_then(|(b, _)| *b),
            self.decl().links.get(i),
        ) {
            (Some(b), Some(l)) => self.graph.node_chain_value(b, Some(&l.supplier)),
            _ => graph::strings_value(&[]),
        }
    }

    /// A finding of `rule`.
    #[must_use]
    pub fn finding(
        &self,
        rule: &dyn GapRule,
        message: String,
        location: DeclarationLocation,
        parties: Vec<String>,
        evidence: serde_json::Value,
    ) -> GapFinding {
        GapFinding {
            rule: rule.id().to_owned(),
            severity: rule.severity(),
            message,
            location,
            parties,
            evidence,
        }
    }
}

/// Audits a declaration already read.
#[must_use]
pub fn audit_declaration(
    pack: &Pack,
    read: &ReadDeclaration,
    opts: &AuditOptions,
) -> DeclarationReport {
    let names = contract_names(opts);
    let checked = Mutex::new(HashMap::new());
    audit_with(pack, read, opts, &names, &checked)
}

fn contract_names(opts: &AuditOptions) -> Vec<NamedSubcontractor> {
    opts.contracts
        .iter()
        .flat_map(|p| named_subcontractors(p, &opts.check.read))
        .collect()
}

fn audit_with(
    pack: &Pack,
    read: &ReadDeclaration,
    opts: &AuditOptions,
    names: &[NamedSubcontractor],
    checked: &Mutex<HashMap<PathBuf, flowdown_core::DocumentReport>>,
) -> DeclarationReport {
    let per_rule = {
        let graph = SupplyGraph::new(&read.declaration);
        let cx = Context {
            read,
            graph: &graph,
            pack,
            opts,
            base_dir: base_dir_of(Path::new(&read.path)),
            contract_names: names,
            checked,
        };
        run_rules(&cx)
    };
    // Joined once the graph is gone, so that the joined findings reuse its memory.
    let mut findings = join(per_rule);
    sort_findings(&mut findings);
    let summary = DeclarationSummary {
        parties: read.declaration.parties.len(),
        links: read.declaration.links.len(),
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
    };
    DeclarationReport {
        path: read.path.clone(),
        format: Some(read.format.as_str().to_owned()),
        error: None,
        findings,
        notes: read.notes.clone(),
        summary,
    }
}

/// Runs every rule, on all cores, and returns the findings of each rule in [`RULES`] order,
/// each rule's in the order it found them: as a serial run would.
#[must_use]
pub fn run_rules(cx: &Context<'_>) -> Vec<Vec<GapFinding>> {
    use rayon::prelude::*;
    RULES
        .par_iter()
        .map(|r| {
            let mut out = Vec::new();
            r.check(cx, &mut out);
            out
        })
        .collect()
}

/// The findings of [`run_rules`] in one vector, in rule order.
#[must_use]
pub fn join(per_rule: Vec<Vec<GapFinding>>) -> Vec<GapFinding> {
    let mut findings = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for f in per_rule {
        findings.extend(f);
    }
    findings
}

/// Sorts findings by location (JSON path indices numerically, rows by number), rule id,
/// parties and message: output is deterministic. Stable: equal findings keep their order.
pub fn sort_findings(findings: &mut [GapFinding]) {
    // Only the location key is computed (once per finding); the rest is compared in place.
    let keys: Vec<(String, usize, String)> =
        findings.iter().map(|f| f.location.sort_key()).collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&findings[a], &findings[b]);
        keys[a]
            .cmp(&keys[b])
            .then_with(|| fa.rule.cmp(&fb.rule))
            .then_with(|| fa.parties.cmp(&fb.parties))
            .then_with(|| fa.message.cmp(&fb.message))
    });
    drop(keys);
    // Move each finding to its place: `to[p]` is where the finding now at `p` goes.
    let mut to = vec![0; order.len()];
    for (k, &p) in order.iter().enumerate() {
        to[p] = k;
    }
    for i in 0..to.len() {
        while to[i] != i {
            let t = to[i];
            findings.swap(i, t);
            to.swap(i, t);
        }
    }
}

/// An evidence object with exactly these keys, in this order.
#[must_use]
pub fn evidence<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> serde_json::Value {
    let mut m = serde_json::Map::with_capacity(N);
    for (k, v) in pairs {
        m.insert(k.to_owned(), v);
    }
    serde_json::Value::Object(m)
}

/// The folder a declaration's relative paths are resolved from.
fn base_dir_of(path: &Path) -> PathBuf {
    if path.is_dir() {
        return path.to_path_buf();
    }
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Reads and audits one declaration; an unreadable one is an entry with its error.
#[must_use]
pub fn audit_path(pack: &Pack, path: &Path, opts: &AuditOptions) -> DeclarationReport {
    let names = contract_names(opts);
    let checked = Mutex::new(HashMap::new());
    audit_one(pack, path, opts, &names, &checked)
}

fn audit_one(
    pack: &Pack,
    path: &Path,
    opts: &AuditOptions,
    names: &[NamedSubcontractor],
    checked: &Mutex<HashMap<PathBuf, flowdown_core::DocumentReport>>,
) -> DeclarationReport {
    match flowdown_ingest::declaration::read_declaration(path) {
        Ok(read) => {
            let report = audit_with(pack, &read, opts, names, checked);
            drop_aside(read);
            report
        }
        Err(e) => DeclarationReport {
            path: path.display().to_string(),
            format: flowdown_ingest::declaration::format_of_path(path)
                .map(|f| f.as_str().to_owned()),
            error: Some((&e).into()),
            findings: Vec::new(),
            notes: Vec::new(),
            summary: DeclarationSummary::default(),
        },
    }
}

/// Drops a declaration that is no longer needed; a large one (millions of strings) on a
/// thread of its own, so that the report is not held up by freeing it.
fn drop_aside(read: ReadDeclaration) {
    if read.declaration.parties.len() + read.declaration.links.len() < 100_000 {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("flowdown-drop".into())
        .spawn(move || drop(read));
    // Without a thread it was dropped with the spawn error, here.
    drop(spawned);
}

/// Audits declarations in order and builds the report. CSV files of one folder named
/// together (`declaration.csv parties.csv links.csv`) are one declaration.
#[must_use]
pub fn audit_paths(pack: &Pack, paths: &[PathBuf], opts: &AuditOptions) -> Report {
    let names = contract_names(opts);
    let checked = Mutex::new(HashMap::new());
    let mut seen_csv = std::collections::BTreeSet::new();
    let mut declarations = Vec::new();
    for p in paths {
        let is_csv_file = !p.is_dir()
            && flowdown_ingest::declaration::format_of_path(p)
                == Some(flowdown_core::DeclarationFormat::Csv);
        let p = if is_csv_file {
            let dir = flowdown_ingest::declaration::csv_folder(p);
            if !seen_csv.insert(dir.clone()) {
                continue;
            }
            if p.exists() {
                dir
            } else {
                p.clone()
            }
        } else {
            p.clone()
        };
        declarations.push(audit_one(pack, &p, opts, &names, &checked));
    }
    Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: pack.pack_ref(),
        documents: Vec::new(),
        declarations,
    }
}
