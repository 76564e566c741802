//! `invalid-identifier`: an identifier fails its own check.

use crate::audit::identifiers::{check, check_country};
use crate::audit::{Context, GapRule};
use flowdown_core::{GapFinding, Severity};
use serde_json::json;

/// ## What it checks
/// Each party identifier of a known scheme passes its own check: LEI (ISO 17442, ISO 7064
/// mod 97-10 check digits), NCAGE/CAGE (5 letters or digits), DUNS (9 digits), UEI (12
/// letters or digits), GLN (13 digits, GS1 mod 10 check digit). An identifier with an empty
/// scheme or value fails too; other schemes (`vat`, `nat-reg`, …) are not checked. A party's
/// `country` must be an assigned ISO 3166-1 alpha-2 code (list built in from
/// datasets/country-codes, ODC-PDDL-1.0).
///
/// ## Why it matters
/// Screening and due diligence (para 18 of the 2023 CTHB policy) match parties by their
/// identifiers; a mistyped LEI silently matches nothing, and a wrong country defeats the
/// country × good risk check.
///
/// ## Example
/// `{ "scheme": "lei", "value": "5493006MHB84DD0ZWV19" }` fires at
/// `$.parties[0].identifiers[0]` (wrong check digits).
///
/// ## References
/// - ISO 17442-1:2020 (LEI), ISO 7064:2003 (MOD 97-10); GS1 General Specifications §7.9
///   (check digit); SAM.gov UEI; NATO AC/135 NCAGE; ISO 3166-1.
/// - `DECLARATIONS.md`; NATO CTHB policy (2023), para 18.
#[derive(Debug, Clone, Copy)]
pub struct InvalidIdentifier;

impl GapRule for InvalidIdentifier {
    fn id(&self) -> &'static str {
        "invalid-identifier"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "an identifier fails its own check (LEI, NCAGE/CAGE, ISO 3166-1, DUNS, UEI, GLN)"
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>) {
        for (i, p) in cx.decl().parties.iter().enumerate() {
            if let Some(c) = &p.country {
                if let Some(why) = check_country(c) {
                    out.push(cx.finding(
                        self,
                        format!("{}: {why}", cx.label(&p.id)),
                        cx.read.source.party(i, Some("country")),
                        vec![p.id.clone()],
                        json!({ "scheme": "iso3166-1-alpha-2", "value": c, "reason": why }),
                    ));
                }
            }
            for (k, x) in p.identifiers.iter().enumerate() {
                let Some(why) = check(&x.scheme, &x.value) else {
                    continue;
                };
                out.push(cx.finding(
                    self,
                    format!("{}: {} `{}`: {why}", cx.label(&p.id), x.scheme, x.value),
                    cx.read.source.party(i, Some(&format!("identifiers[{k}]"))),
                    vec![p.id.clone()],
                    json!({ "scheme": x.scheme, "value": x.value, "reason": why }),
                ));
            }
        }
    }
}
