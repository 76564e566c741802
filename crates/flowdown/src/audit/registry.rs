//! The one table of gap rules. Ids are public and stable (`DECLARATIONS.md`); each rule lives
//! in its own file under [`super::rules`] with its documentation.

use super::rules;
use super::Context;
use flowdown_core::{GapFinding, Severity};

/// A gap rule.
pub trait GapRule: Sync {
    /// The public, stable id (kebab-case).
    fn id(&self) -> &'static str;
    /// Severity of its findings.
    fn severity(&self) -> Severity;
    /// One line: what a finding means.
    fn summary(&self) -> &'static str;
    /// Appends its findings for one declaration.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<GapFinding>);
}

/// Every gap rule, in the order of `DECLARATIONS.md`.
pub const RULES: &[&dyn GapRule] = &[
    &rules::missing_flowdown::MissingFlowdown,
    &rules::partial_flowdown::PartialFlowdown,
    &rules::expired_attestation::ExpiredAttestation,
    &rules::future_attestation::FutureAttestation,
    &rules::expired_declaration::ExpiredDeclaration,
    &rules::undeclared_subcontractors::UndeclaredSubcontractors,
    &rules::unknown_party::UnknownParty,
    &rules::duplicate_party::DuplicateParty,
    &rules::supply_cycle::SupplyCycle,
    &rules::unreachable_party::UnreachableParty,
    &rules::invalid_identifier::InvalidIdentifier,
    &rules::listed_party::ListedParty,
    &rules::high_risk_sourcing::HighRiskSourcing,
    &rules::subcontract_noncompliant::SubcontractNoncompliant,
    &rules::undeclared_subcontractor_in_contract::UndeclaredSubcontractorInContract,
];

/// The rule with this id.
#[must_use]
pub fn rule(id: &str) -> Option<&'static dyn GapRule> {
    RULES.iter().copied().find(|r| r.id() == id)
}
