//! `subcontract-noncompliant`: the sub-contract document named in a link does not satisfy the pack.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// A link's `flowdown.document` (a path relative to the declaration's folder) is read and
/// checked with the pack, exactly as `flowdown check` would. When it is not compliant (a
/// requirement of severity error not satisfied) or cannot be read, the finding lists the
/// failing requirement ids (or the read error). Each document is checked once per run.
///
/// ## Why it matters
/// An attestation is a claim; the sub-contract is the evidence. Para 19 of the 2023 CTHB
/// policy asks for terms that bind sub-contractors, which only the contract text can show.
///
/// ## Example
/// `"document": "subcontracts/tex-1.txt"` whose text has no anti-trafficking clause fires at
/// `$.links[0].flowdown.document` with parties `acme`, `tex-1` and `failing: ["prohibition", …]`.
///
/// ## References
/// - `DECLARATIONS.md`; the pack `nato-cthb-2023` (`REQUIREMENTS.md`).
/// - NATO CTHB policy (2023), para 19.
#[derive(Debug, Clone, Copy)]
pub struct SubcontractNoncompliant;

impl GapRule for SubcontractNoncompliant {
    fn id(&self) -> &'static str {
        "subcontract-noncompliant"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the sub-contract document named in a link does not satisfy the pack"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, l) in cx.decl().links.iter().enumerate() {
            let Some(doc) = l.flowdown.as_ref().and_then(|f| f.document.as_deref()) else {
                continue;
            };
            let path = cx.base_dir.join(doc);
            let report = {
                let mut cache = match cx.checked.lock() {
                    Ok(c) => c,
                    Err(p) => p.into_inner(),
                };
                cache
                    .entry(path.clone())
                    .or_insert_with(|| crate::check_path(cx.pack, &path, &cx.opts.check))
                    .clone()
            };
            let (why, evidence) = if let Some(e) = &report.error {
                (
                    format!("cannot be read ({}: {})", e.kind, e.message),
                    json!({ "document": doc, "error": e }),
                )
            } else if report.summary.compliant {
                continue;
            } else {
                let failing: Vec<&str> = report
                    .requirements
                    .iter()
                    .filter(|r| r.fails_at(Severity::Error))
                    .map(|r| r.id.as_str())
                    .collect();
                (
                    format!("does not satisfy {}", failing.join(", ")),
                    json!({ "document": doc, "failing": failing, "chain": cx.link_chain_value(i) }),
                )
            };
            out.push(cx.finding(
                self,
                format!(
                    "the sub-contract {doc} between {} and {} {why}",
                    cx.label(&l.buyer),
                    cx.label(&l.supplier)
                ),
                cx.read.source.link(i, Some("flowdown.document")),
                vec![l.buyer.clone(), l.supplier.clone()],
                evidence,
            ));
        }
    }
}
