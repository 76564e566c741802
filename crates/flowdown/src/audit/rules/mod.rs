//! One file per gap rule; each documents what it checks, why it matters (with the policy
//! paragraph), an example and references.

pub mod duplicate_party;
pub mod expired_attestation;
pub mod expired_declaration;
pub mod future_attestation;
pub mod high_risk_sourcing;
pub mod invalid_identifier;
pub mod listed_party;
pub mod missing_flowdown;
pub mod partial_flowdown;
pub mod subcontract_noncompliant;
pub mod supply_cycle;
pub mod undeclared_subcontractor_in_contract;
pub mod undeclared_subcontractors;
pub mod unknown_party;
pub mod unreachable_party;
