//! Times the phases of `flowdown audit` on one native declaration, as the CLI runs it
//! (built-in ILAB risk table, no lists): file read, JSON parse + model build, graph build,
//! each gap rule, sorting, and JSON / text rendering.
//!
//!     cargo run --release -p flowdown-cli --example audit_phases -- DECL.json [--as-of 2026-06-01] [--per-rule]
//!
//! The rules run on all cores as in the CLI, or one after another with `--per-rule` (each
//! timed).
//!
//! It uses the allocator of the `flowdown` binary; resident and peak memory are printed after
//! each phase.

use flowdown::audit::{self, AuditOptions, Context, SupplyGraph, RULES};
use flowdown::screen::RiskTable;
use flowdown::Pack;
use flowdown_core::{Date, Report};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: audit_phases DECL.json [--as-of DATE]");
    let as_of = args
        .iter()
        .position(|a| a == "--as-of")
        .and_then(|i| args.get(i + 1))
        .map_or_else(audit::today, |s| Date::parse(s).expect("--as-of"));
    let mut opts = AuditOptions::new(as_of);
    opts.risk = Arc::new(RiskTable::builtin());
    let pack = Pack::builtin();
    let total = Instant::now();
    let cpu0 = std::cell::Cell::new(cpu_seconds());
    let lap = |name: &str, t: Instant| {
        let cpu = cpu_seconds();
        eprintln!(
            "{name:<44} {:>7.3} s wall {:>6.2} s cpu  rss {:>5} MiB  peak {:>5} MiB",
            t.elapsed().as_secs_f64(),
            cpu - cpu0.replace(cpu),
            status_mib("VmRSS:"),
            status_mib("VmHWM:")
        );
    };

    let t = Instant::now();
    let bytes = std::fs::read(path).expect("read");
    lap("read file", t);
    let t = Instant::now();
    let read = flowdown::ingest::declaration::read_declaration_bytes(path, &bytes).expect("parse");
    lap("parse JSON + build model", t);
    drop(bytes);
    let t = Instant::now();
    let graph = SupplyGraph::new(&read.declaration);
    lap("graph build + BFS", t);
    let checked = Mutex::new(HashMap::new());
    let cx = Context {
        read: &read,
        graph: &graph,
        pack: &pack,
        opts: &opts,
        base_dir: ".".into(),
        contract_names: &[],
        checked: &checked,
    };
    let mut findings = Vec::new();
    if args.iter().any(|a| a == "--per-rule") {
        // One rule after another, each timed.
        for r in RULES {
            let t = Instant::now();
            let before = findings.len();
            r.check(&cx, &mut findings);
            lap(&format!("rule {} ({})", r.id(), findings.len() - before), t);
        }
        drop(cx);
        drop(graph);
    } else {
        // As the CLI runs them: on all cores, joined once the graph is gone.
        let t = Instant::now();
        let per_rule = audit::run_rules(&cx);
        drop(cx);
        drop(graph);
        findings = audit::join(per_rule);
        lap(&format!("rules, in parallel ({})", findings.len()), t);
    }
    let t = Instant::now();
    audit::sort_findings(&mut findings);
    lap("sort findings", t);
    let n = findings.len();
    let decl = flowdown_core::DeclarationReport {
        path: read.path.clone(),
        format: Some("json".into()),
        error: None,
        findings,
        notes: Vec::new(),
        summary: flowdown_core::DeclarationSummary::default(),
    };
    let report = Report {
        schema_version: Report::SCHEMA_VERSION,
        pack: pack.pack_ref(),
        documents: Vec::new(),
        declarations: vec![decl],
    };
    let t = Instant::now();
    let mut json = Vec::new();
    flowdown::report::write_json(&mut json, &report).expect("write to a Vec");
    lap(&format!("write JSON ({} MB)", json.len() >> 20), t);
    drop(json);
    let t = Instant::now();
    let text = audit::render_text(&report);
    lap(&format!("render text ({} MB)", text.len() >> 20), t);
    eprintln!(
        "{:<44} {:>8.3} s ({n} findings)",
        "total",
        total.elapsed().as_secs_f64()
    );
}

/// User + system CPU time of the process (from `/proc/self/stat`, in clock ticks of 10 ms).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with `)`): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

/// A `/proc/self/status` line in MiB (0 where there is none).
fn status_mib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
