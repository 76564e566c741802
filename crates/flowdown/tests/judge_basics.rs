//! Judgement basics on small inline texts: one assertion per reading rule.

use flowdown::{check_text, CheckOptions, Pack, Status};

fn statuses(text: &str) -> Vec<(String, Status, String)> {
    let pack = Pack::builtin();
    let r = check_text(&pack, "t.txt", text, &CheckOptions::default());
    assert!(r.error.is_none(), "{:?}", r.error);
    r.requirements
        .into_iter()
        .map(|x| (x.id, x.status, x.reason))
        .collect()
}

fn status_of(text: &str, id: &str) -> Status {
    statuses(text)
        .into_iter()
        .find(|(i, _, _)| i == id)
        .map(|(_, s, _)| s)
        .unwrap()
}

#[test]
fn negated_act_is_a_prohibition() {
    let t = "This Agreement is between NSPA (the \"Buyer\") and Acme Ltd (the \"Supplier\").\n\n9. The Supplier shall not engage in trafficking in persons or use forced labour.\n";
    assert_eq!(status_of(t, "prohibition"), Status::Satisfied);
}

#[test]
fn negated_duty_is_excluded() {
    let t = "Agreement between NSPA (the \"Buyer\") and Acme Ltd (the \"Supplier\").\n\n9. The Supplier shall not engage in human trafficking.\n\n10. The Supplier shall not be required to flow down clause 9 to its sub-contractors.\n";
    assert_eq!(status_of(t, "subcontractor-flowdown"), Status::Excluded);
    assert_eq!(status_of(t, "prohibition"), Status::Satisfied);
}

#[test]
fn hedge_is_weak() {
    let t = "1. The Supplier shall use reasonable endeavours to ensure that no forced labour is used in its operations.\n";
    assert_eq!(status_of(t, "prohibition"), Status::Weak);
}

#[test]
fn recital_satisfies_nothing() {
    let t = "WHEREAS the parties recognise that human trafficking is a global problem;\n\nNOW, THEREFORE, the parties agree as follows:\n\n1. The Supplier shall deliver the Goods.\n";
    for (id, s, _) in statuses(t) {
        assert_eq!(s, Status::Missing, "{id}");
    }
}

#[test]
fn first_tier_is_weak() {
    let t = "1. The Supplier shall not use forced labour and shall include this clause in its contracts with first-tier sub-contractors.\n";
    assert_eq!(status_of(t, "subcontractor-flowdown"), Status::Weak);
}

#[test]
fn ad_trafficking_is_a_trap() {
    let t = "3. The Company will facilitate the trafficking, delivery, tracking and reporting of Client's banners.\n";
    for (id, s, _) in statuses(t) {
        assert_ne!(s, Status::Satisfied, "{id}");
    }
}

#[test]
fn cross_reference_links_termination() {
    let t = "9. Anti-Slavery\n\n9.1 The Supplier shall not use slavery, servitude or forced labour.\n\n14. Remedies\n\n14.1 The Buyer may terminate this Agreement with immediate effect for any breach of clause 9.\n";
    assert_eq!(status_of(t, "termination"), Status::Satisfied);
}

#[test]
fn general_termination_is_not_enough() {
    let t = "9. The Supplier shall not use forced labour.\n\n14. The Buyer may terminate this Agreement for material breach by the Supplier.\n";
    assert_eq!(status_of(t, "termination"), Status::Missing);
}

#[test]
fn far_reference() {
    let t = "5. The following clauses are incorporated by reference: FAR 52.222-50, Combating Trafficking in Persons (Nov 2021).\n";
    let s = statuses(t);
    let get = |id: &str| s.iter().find(|x| x.0 == id).unwrap().1;
    assert_eq!(get("prohibition"), Status::Satisfied);
    assert_eq!(get("funds-use"), Status::Missing);
    assert_eq!(get("due-diligence"), Status::Satisfied);
}

#[test]
fn buyer_policy_binds_no_supplier() {
    let t = "1. PNC does not accept or support the use of forced labor in our own facilities.\n";
    assert_eq!(status_of(t, "prohibition"), Status::Missing);
}

#[test]
fn removed_by_strikethrough() {
    let pack = Pack::builtin();
    let r = check_text(
        &pack,
        "t.md",
        "1. ~~The Supplier shall not use forced labour.~~\n2. The Supplier shall deliver.\n",
        &CheckOptions::default(),
    );
    let p = r
        .requirements
        .iter()
        .find(|x| x.id == "prohibition")
        .unwrap();
    assert_eq!(p.status, Status::Removed);
}

#[test]
fn builtin_pack_parses() {
    let p = Pack::from_toml_str(flowdown::pack::BUILTIN_TOML, "builtin").unwrap();
    assert_eq!(p.requirements.len(), 11);
}
