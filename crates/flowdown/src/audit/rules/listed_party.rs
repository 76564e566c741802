//! `listed-party`: a party matches an entry of a supplied exclusion/sanctions/forced-labour list.

use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// Each party is screened against the lists given with `--list FILE` (CSV
/// `name,aliases,country,identifiers,list,source`). This version matches an exact
/// identifier (scheme and value, case/space/hyphen-folded) or an exact normalised name or
/// alias (same country when both say one). The screening module upgrades it to fuzzy name
/// matching by swapping [`crate::audit::AuditOptions::screen`]; the rule itself does not
/// change. Evidence: the list, entry, score and why.
///
/// ## Why it matters
/// Para 18 of the 2023 CTHB policy asks for due diligence on suppliers; a supplier on a
/// forced-labour entity list or a debarment list must not be in the chain unnoticed.
///
/// ## Example
/// A party `{ "id": "spin-3", "name": "Xinjiang Spinning Co." }` and a list row
/// `Xinjiang Spinning Co.,,CN,,uflpa-demo,demo` fire at `$.parties[2]` with party `spin-3`.
///
/// ## References
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
/// - DHS UFLPA Entity List; CBP Withhold Release Orders; EU/UN sanctions lists (user-supplied).
#[derive(Debug, Clone, Copy)]
pub struct ListedParty;

impl GapRule for ListedParty {
    fn id(&self) -> &'static str {
        "listed-party"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a party matches an entry of a supplied exclusion/sanctions/forced-labour list"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, p) in cx.decl().parties.iter().enumerate() {
            for m in cx.opts.screen.screen(p) {
                out.push(cx.finding(
                    self,
                    format!("{} matches `{}` on the list {} ({})", cx.label(&p.id), m.entry, m.list, m.why),
                    cx.read.source.party(i, None),
                    vec![p.id.clone()],
                    json!({ "list": m.list, "entry": m.entry, "score": m.score, "why": m.why, "source": m.source, "chain": cx.graph.chain_value(&p.id) }),
                ));
            }
        }
    }
}
