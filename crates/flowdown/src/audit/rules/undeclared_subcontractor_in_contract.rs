//! `undeclared-subcontractor-in-contract`: a contract names a sub-contractor the declaration
//! does not list.

use crate::audit::contracts::{comparable, named_subcontractors, NamedSubcontractor};
use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;
use std::collections::HashSet;

/// ## What it checks
/// Organisations that a contract names near a mention of sub-contractors (see
/// `audit::contracts`: names ending in a legal form such as `GmbH`, `Ltd`, `A.S.`) are
/// compared with the declared parties' names, without legal form, case or punctuation. The
/// contracts are those given with `--contracts DIR` (compared with every declaration of the
/// run; reported at `$.contract`, party: the prime) and the sub-contract documents of links
/// (reported at the link's `flowdown.document`, party: the link's supplier). A name no
/// declared party carries is a finding. Simple by design: names without a legal form are
/// missed.
///
/// ## Why it matters
/// Para 19 of the 2023 CTHB policy asks that terms bind sub-contractors; a sub-contractor that
/// the contracts name but the declaration leaves out is a tier nobody checked.
///
/// ## Example
/// A contract line `(b) Dye Works GmbH for dyeing` under "Sub-contractors" with no declared
/// party named "Dye Works GmbH" fires with evidence `{document, line, name, text}`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 19.
#[derive(Debug, Clone, Copy)]
pub struct UndeclaredSubcontractorInContract;

impl GapRule for UndeclaredSubcontractorInContract {
    fn id(&self) -> &'static str {
        "undeclared-subcontractor-in-contract"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a contract names a sub-contractor the declaration does not list"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        let d = cx.decl();
        let has_documents = d
            .links
            .iter()
            .any(|l| l.flowdown.as_ref().is_some_and(|f| f.document.is_some()));
        if cx.contract_names.is_empty() && !has_documents {
            return;
        }
        let declared: HashSet<String> = d
            .parties
            .iter()
            .map(|p| comparable(&p.name))
            .filter(|n| !n.is_empty())
            .collect();
        let emit = |out: &mut Vec<GapFinding>, n: &NamedSubcontractor, loc, party: &str| {
            if declared.contains(&comparable(&n.name)) {
                return;
            }
            out.push(cx.finding(
                self,
                format!(
                    "{} (line {}) names the sub-contractor {}, which the declaration does not list",
                    n.document, n.line, n.name
                ),
                loc,
                vec![party.to_owned()],
                json!({ "document": n.document, "line": n.line, "name": n.name, "text": n.text }),
            ));
        };
        for n in cx.contract_names {
            emit(out, n, cx.read.source.field("contract"), &d.contract.prime);
        }
        let mut seen = HashSet::new();
        for (i, l) in d.links.iter().enumerate() {
            let Some(doc) = l.flowdown.as_ref().and_then(|f| f.document.as_deref()) else {
                continue;
            };
            if !seen.insert(doc) {
                continue;
            }
            for mut n in named_subcontractors(&cx.base_dir.join(doc), &cx.opts.check.read) {
                n.document = doc.to_owned();
                emit(
                    out,
                    &n,
                    cx.read.source.link(i, Some("flowdown.document")),
                    &l.supplier,
                );
            }
        }
    }
}
