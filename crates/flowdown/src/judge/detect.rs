//! The detectors and the combination of their hits into one status per requirement.

use super::cues;
use super::lexicon::Lexicon;
use super::parties::{Actor, Parties};
use super::structure::{self, ClauseIndex, Links};
use super::units::{build_units, view_text, Unit, View};
use super::JudgeOptions;
use crate::Pack;
use flowdown_core::{
    Document, Evidence, EvidenceRevision, ProvisionKind, RequirementResult, RevisionKind, Span,
    Status,
};
use std::collections::BTreeMap;

/// One reading of one unit for one detector.
#[derive(Debug, Clone)]
struct Hit {
    detector: &'static str,
    status: Status,
    unit: usize,
    reason: String,
    notes: Vec<String>,
    /// Reporting is two duties: 1 = notify, 2 = cooperate, 3 = both.
    part: u8,
    /// The obligation applies notwithstanding exclusions.
    overrides: bool,
    /// Provisions that decided it besides the unit (an exclusion reached through "Subject to").
    via: Vec<Span>,
    /// Satisfied through a recognised reference (explicit text is preferred).
    by_reference: bool,
    /// The first `via` span is the decisive provision (a termination right unlocked by a
    /// deeming clause).
    via_first: bool,
    /// 2 when the unit's own words (not only its lead-in) carry the detector's cue: preferred
    /// as the decisive provision among hits of the same status.
    strength: u8,
    /// Where exactly the decisive words stand when that is narrower than the unit (the row of
    /// a clause table that cites a reference).
    at: Option<Span>,
}

struct Ctx<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    parties: &'a Parties,
    index: &'a ClauseIndex,
    links: &'a Links,
    /// Provisions reached through a hedged incorporation: the cap and its reason.
    caps: BTreeMap<usize, (Status, String)>,
    /// Provisions reached through a binding incorporation (their infinitive lists bind).
    incorporated: BTreeMap<usize, String>,
    /// Remedies clauses pointed at by an anti-trafficking provision: target → source.
    pointed: Vec<(usize, usize)>,
    /// The document is regulation text addressed to the buyer's officers ("Subpart 22.17"),
    /// not a contract: only obligations that name the supplier bind it, and clause numbers
    /// are citations.
    regulation: bool,
    view: View,
}

fn quote(s: &str) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\"{t}\"")
}

/// Modality of an obligation's text.
enum Modality {
    Excluding(String),
    Hedged(String),
    Binding(String),
    None,
}

fn modality(lex: &Lexicon, full: &str) -> Modality {
    if let Some(m) = lex.exclusions.find(full) {
        return Modality::Excluding(m.as_str().to_owned());
    }
    if let Some(m) = lex.hedges.find(full) {
        return Modality::Hedged(m.as_str().to_owned());
    }
    if let Some(m) = lex.binding.find(full) {
        return Modality::Binding(m.as_str().to_owned());
    }
    Modality::None
}

impl Ctx<'_> {
    /// Generic supplier obligation: returns status and reason, or `None` when the unit does not
    /// bind the supplier.
    fn obligation(&self, unit: &Unit, full: &str) -> Option<(Status, String)> {
        let actor = self.parties.actor(full);
        // "Nothing in this Agreement obliges the Contractor …" names its party after the verb.
        let standalone_exclusion = self.lex.exclusions.find(full).is_some_and(|m| {
            let w = m.as_str().to_ascii_lowercase();
            w.starts_with("nothing") || w.starts_with("give")
        });
        if actor == Actor::Buyer && !standalone_exclusion {
            return None;
        }
        if self.regulation && actor != Actor::Supplier {
            return None;
        }
        let m = match modality(self.lex, full) {
            Modality::None => {
                // An infinitive list in an incorporated code of conduct binds as far as the
                // incorporating clause does.
                let inc = self.incorporated_via(unit.prov)?;
                Modality::Binding(inc)
            }
            m => m,
        };
        let (status, reason) = match m {
            Modality::Excluding(w) => (Status::Excluded, format!("excluded: {}", quote(&w))),
            Modality::Hedged(w) => (Status::Weak, format!("hedged: {}", quote(&w))),
            Modality::Binding(w)
                if cues::CERTIFY_ONLY.is_match(&w) && !cues::COVENANT.is_match(full) =>
            {
                (
                    Status::Weak,
                    format!(
                        "a statement of present compliance ({}), no covenant for the term",
                        quote(&w)
                    ),
                )
            }
            Modality::Binding(w) => (Status::Satisfied, format!("binding: {}", quote(&w))),
            Modality::None => return None,
        };
        Some(self.cap(unit.prov, status, reason))
    }

    fn incorporated_via(&self, prov: usize) -> Option<String> {
        let mut cur = Some(prov);
        while let Some(i) = cur {
            if let Some(r) = self.incorporated.get(&i) {
                return Some(r.clone());
            }
            if self.caps.contains_key(&i) {
                return Some("incorporated".into());
            }
            cur = self.doc.provisions.get(i).and_then(|p| p.parent);
        }
        None
    }

    /// Applies the weakest link of an incorporation chain.
    fn cap(&self, prov: usize, status: Status, reason: String) -> (Status, String) {
        if status != Status::Satisfied {
            return (status, reason);
        }
        let mut cur = Some(prov);
        while let Some(i) = cur {
            if let Some((cap, why)) = self.caps.get(&i) {
                return (*cap, why.clone());
            }
            cur = self.doc.provisions.get(i).and_then(|p| p.parent);
        }
        (status, reason)
    }

    /// True when the unit's parent is a small clause whose other provisions are about
    /// trafficking ("6. LABOUR: 6.1 no forced labour; 6.2 no duty to audit suppliers").
    fn sibling_linked(&self, unit: &Unit) -> bool {
        let doc = self.doc;
        let Some(p) = doc.provisions.get(unit.prov) else {
            return false;
        };
        if let Some(parent) = p.parent {
            let small = doc.subtree_span(parent).len() < 1500;
            if small && self.links.subtree.get(parent).copied().unwrap_or(false) {
                return true;
            }
        }
        // Siblings of the same short section (between two headings at this level).
        let same_level = |i: usize| {
            doc.provisions
                .get(i)
                .is_some_and(|q| q.parent == p.parent && q.kind != ProvisionKind::Heading)
        };
        let mut lo = unit.prov;
        while lo > 0 && same_level(lo - 1) && unit.prov - lo < 12 {
            lo -= 1;
        }
        let mut hi = unit.prov;
        while hi + 1 < doc.provisions.len() && same_level(hi + 1) && hi - unit.prov < 12 {
            hi += 1;
        }
        let Some(a) = doc.provisions.get(lo) else {
            return false;
        };
        let len = doc.subtree_span(hi).end.saturating_sub(a.span.start);
        len < 3000 && (lo..=hi).any(|i| self.links.subtree.get(i).copied().unwrap_or(false))
    }

    /// True when the text cross-references a short numbered sub-clause about trafficking
    /// ("Section 15.1"; schedules and exhibits are incorporation chains, judged as such).
    fn ref_linked(&self, full: &str) -> bool {
        structure::cross_refs(self.index, full).iter().any(|&i| {
            let sub_clause = self.doc.provisions.get(i).is_some_and(|p| {
                p.number
                    .as_deref()
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.contains('.'))
            });
            sub_clause
                && self.links.subtree.get(i).copied().unwrap_or(false)
                && self.doc.subtree_span(i).len() < 6000
        })
    }

    fn linked(&self, unit: &Unit, full: &str) -> bool {
        structure::unit_linked(self.doc, self.lex, self.links, self.index, unit, full)
    }
}

fn hit(detector: &'static str, status: Status, unit: usize, reason: String) -> Hit {
    Hit {
        detector,
        status,
        unit,
        reason,
        notes: Vec::new(),
        part: 0,
        overrides: false,
        via: Vec::new(),
        by_reference: false,
        via_first: false,
        at: None,
        strength: 1,
    }
}

/// Runs every detector on one unit.
fn detect_unit(ctx: &Ctx<'_>, ui: usize, unit: &Unit, out: &mut Vec<Hit>) {
    let full = unit.full();
    // "52.222-50 is incorporated, except paragraph (h), which shall not apply": the carve-out
    // belongs to the reference (judged by `references`), not to the text detectors.
    let full = if cues::CARVE_OUT.is_match(&full)
        && ctx.lex.references.iter().any(|r| r.pattern.is_match(&full))
    {
        cues::CARVE_CLAUSE.replace_all(&full, " ").into_owned()
    } else {
        full
    };
    let lex = ctx.lex;
    let kind = ctx
        .doc
        .provisions
        .get(unit.prov)
        .map_or(ProvisionKind::Clause, |p| p.kind);
    // Titles of recognised references ("Combating Trafficking in Persons") are not obligations
    // about trafficking: the reference itself is judged by `references`.
    let t_text = cues::REFERENCE_TITLES.replace_all(&full, " ");
    let mut strong = lex.trafficking_in(&t_text).map(|_| ());
    if strong.is_none() && cues::SUCH_PRACTICES.is_match(&full) && ctx.linked(unit, &t_text) {
        // "shall not use such labour" under the heading "Forced Labour and Human Trafficking".
        strong = Some(());
    }
    // "it complies with the standard described in Section 15.1", where 15.1 is about forced
    // labour: compliance with a cross-referenced anti-trafficking provision.
    if strong.is_none()
        && cues::COMPLY_WITH.is_match(&full)
        && !lex.exclusions.is_match(&full)
        && !cues::SUBJECT_TO.is_match(&full)
        && ctx.ref_linked(&full)
    {
        strong = Some(());
    }
    let partial = lex.partial.find(&full).map(|m| m.as_str().to_owned());

    // Definition: a definition of trafficking (or an equivalent) with the Palermo elements.
    if strong.is_some() && (kind == ProvisionKind::Definition || def_form(&unit.text)) {
        if let Some(h) = definition(ctx, ui, unit) {
            out.push(h);
        }
    }
    // A definition satisfies nothing but `definition`, whether the segmenter saw a definitions
    // block or a numbered clause that only defines a term ("1.7 \"Trafficking\" has its
    // meaning under …").
    if kind == ProvisionKind::Definition || cues::DEF_HEAD.is_match(&unit.text) {
        return;
    }
    let excluding = lex.exclusions.is_match(&full);
    let overrides = cues::NOTWITHSTANDING.is_match(&full) && !excluding;
    // An exclusion reaches the anti-trafficking provisions of the small clause it sits in.
    // An exclusion, or a provision that refers back ("equivalent obligations", "this Code",
    // "paragraph (a)"), reaches the anti-trafficking provisions of the short clause it sits in.
    let local_ref = cues::ANAPHORA.is_match(&full)
        || cues::SUCH_REPORT.is_match(&full)
        || cues::SIBLING_REF.is_match(&full)
        || cues::THIS_CLAUSE.is_match(&full);
    let linked = strong.is_some()
        || ctx.linked(unit, &t_text)
        || ((excluding || local_ref) && ctx.sibling_linked(unit));
    // A unit inside a remedies clause that an anti-trafficking provision points at: that
    // provision is evidence too.
    let pointer = ctx
        .pointed
        .iter()
        .find(|&&(t, _)| structure::within(ctx.doc, unit.prov, t))
        .and_then(|&(_, src)| ctx.doc.provisions.get(src))
        .filter(|_| strong.is_none());
    let mut push = |mut h: Hit| {
        h.overrides = overrides;
        if let Some(src) = pointer {
            if matches!(h.detector, "termination" | "sanctions" | "remediation") {
                h.via.push(src.span);
                let num = src
                    .number
                    .as_deref()
                    .map_or(String::new(), |n| format!(" {n}"));
                h.notes.push(format!(
                    "applies to the anti-trafficking terms through clause{num}"
                ));
            }
        }
        out.push(h);
    };

    // An exclusion of another duty (to notify, audit, remedy, …) does not exclude the ban.
    let other_duty = excluding
        && (cues::NOTIFY.is_match(&full)
            || cues::DUE_DILIGENCE.is_match(&full)
            || cues::REMEDY.is_match(&full)
            || cues::TERMINATE.is_match(&full)
            || cues::FUNDS.is_match(&full)
            || cues::RETALIATION.is_match(&full)
            || cues::SANCTION.is_match(&full)
            || cues::FLOW_NEAR.is_match(&full));
    // prohibition
    if strong.is_some()
        && !(excluding && other_duty)
        && !described_not_banned(lex, &full)
        && (cues::PROHIBIT.is_match(&full) || excluding)
    {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            push(hit("prohibition", s, ui, r));
        }
    } else if let Some(p) = &partial {
        if cues::PROHIBIT.is_match(&full) {
            if let Some((s, r)) = ctx.obligation(unit, &full) {
                let (s, r) = if s == Status::Satisfied {
                    (
                        Status::Weak,
                        format!("one form of exploitation only: {}", quote(p)),
                    )
                } else {
                    (s, r)
                };
                push(hit("prohibition", s, ui, r));
            }
        }
    }
    // support-facilitation
    if (strong.is_some() && cues::SUPPORT.is_match(&full) && !described_not_banned(lex, &full))
        || (excluding && linked && cues::SUPPORT_CORE.is_match(&full))
        // Confiscating identity papers and charging recruitment fees are trafficking-related
        // practices in themselves: a ban on them needs no other link.
        || (linked && cues::PRACTICES.is_match(&full))
        || banned_practice(&full)
    {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            push(hit("support-facilitation", s, ui, r));
        }
    }
    // Linked only to one form of exploitation ("Child Labor-Cooperation with Authorities and
    // Remedies"): every requirement it gives is weak at most.
    let partial_only = if linked {
        None
    } else {
        partial.clone().or_else(|| partial_context(ctx, unit))
    };
    if let Some(term) = &partial_only {
        let mut sub = Vec::new();
        detect_linked(
            ctx,
            ui,
            unit,
            &full,
            strong.is_some(),
            excluding,
            &mut |h| {
                sub.push(h);
            },
        );
        for mut h in sub {
            if h.detector == "prohibition" || h.detector == "definition" {
                continue;
            }
            if h.status == Status::Satisfied {
                h.status = Status::Weak;
                h.reason = format!("one form of exploitation only: {}", quote(term));
            }
            push(h);
        }
        return;
    }
    if !linked {
        // Only non-retaliation has a (weak) reading without a link to trafficking.
        if cues::RETALIATION.is_match(&full) {
            if let Some((s, _)) = ctx.obligation(unit, &full) {
                if s != Status::Excluded {
                    push(hit(
                        "non-retaliation",
                        Status::Weak,
                        ui,
                        "general protection against retaliation, not tied to trafficking".into(),
                    ));
                }
            }
        }
        return;
    }
    detect_linked(ctx, ui, unit, &full, strong.is_some(), excluding, &mut push);
}

/// The detectors that need a link to trafficking (flow-down, remedies, due diligence, funds,
/// reporting, non-retaliation), run on a linked unit.
fn detect_linked(
    ctx: &Ctx<'_>,
    ui: usize,
    unit: &Unit,
    full: &str,
    strong: bool,
    excluding: bool,
    push: &mut dyn FnMut(Hit),
) {
    let lex = ctx.lex;
    let full = full.to_owned();
    // subcontractor-flowdown
    let subs_text = ctx.parties.without_own_names(&full);
    // The subject of the unit's own sentence counts too, not only the lead-in's ("(ii)
    // MusclePharm and the manufacturers will not use any forced labor").
    let own_subject = || subject_names_subcontractors(&ctx.parties.without_own_names(&unit.text));
    if cues::SUBCONTRACTORS.is_match(&subs_text)
        && (flows_down(ctx, &subs_text)
            || subject_names_subcontractors(&subs_text)
            || own_subject())
    {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            // "all tiers, including first-tier and lower-tier" is no limit.
            let limit = cues::FIRST_TIER
                .find(&full)
                .filter(|_| !cues::ALL_TIERS.is_match(&full));
            let (s, r) = match (s, limit) {
                (Status::Satisfied, Some(m)) => (
                    Status::Weak,
                    format!("scope limited: {}", quote(m.as_str())),
                ),
                other => (other.0, r),
            };
            // Sub-contractors named in a ban on one form of exploitation only ("… and the
            // manufacturers will not use child labor"): the flow-down carries only that.
            let partial_ban = (!cues::FLOW_NEAR.is_match(&subs_text))
                .then(|| lex.partial.find(&unit.text))
                .flatten()
                .filter(|_| lex.trafficking_in(&unit.text).is_none());
            let (s, r) = match (s, partial_ban) {
                (Status::Satisfied, Some(m)) => (
                    Status::Weak,
                    format!("one form of exploitation only: {}", quote(m.as_str())),
                ),
                other => (other.0, r),
            };
            let mut h = hit("subcontractor-flowdown", s, ui, r);
            let own = ctx.parties.without_own_names(&unit.text);
            if flows_down(ctx, &own) {
                h.strength = 2;
            }
            if cues::ALL_TIERS.is_match(&full) {
                h.notes.push("reaches sub-contractors at all tiers".into());
            }
            push(h);
        }
    }
    // remediation: the supplier's own remedy, not corrective actions that others (the
    // "agencies responsible for audits, investigations, or corrective actions") take.
    if cues::REMEDY
        .find_iter(&full)
        .any(|m| !cues::REMEDY_OF_OTHERS.is_match(&full[..m.start()]))
    {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            push(hit("remediation", s, ui, r));
        }
    }
    // Regulation text describes the government's remedies; it gives the buyer no right.
    if ctx.regulation {
        detect_supplier_duties(ctx, ui, unit, &full, strong, excluding, push);
        return;
    }
    // termination: the buyer's right, tied to the anti-trafficking obligations.
    if cues::TERMINATE.is_match(&full) || cues::DEEMED_MATERIAL.is_match(&full) {
        if let Some(h) = termination(ctx, ui, &full) {
            push(h);
        }
    }
    // sanctions
    // "by threat of penalty" belongs to the definition of forced labour, not to remedies.
    let full = cues::PENALTY_THREAT.replace_all(&full, " ").into_owned();
    let sanction_cue = cues::SANCTION.is_match(&full)
        || (cues::SANCTION_NEGATED.is_match(&full) && !cues::TERMINATE.is_match(&full))
        || (cues::SANCTION_NEGATED.is_match(&full) && cues::SANCTION.is_match(&full));
    if sanction_cue
        && !cues::ECONOMIC_SANCTIONS.is_match(&full)
        && (ctx.parties.actor(&full) != Actor::Supplier || ctx.parties.names_buyer(&full))
    {
        let negated = cues::SANCTION_NEGATED.find(&full);
        let (s, r) = match modality(lex, &full) {
            Modality::Excluding(w) => (Status::Excluded, format!("excluded: {}", quote(&w))),
            _ if negated.is_some() => (
                Status::Excluded,
                format!(
                    "the buyer's remedies beyond termination are barred: {}",
                    quote(negated.map_or("", |m| m.as_str()))
                ),
            ),
            _ if cues::NEGOTIATED.is_match(&full) => (
                Status::Weak,
                format!(
                    "only a negotiated or discussed consequence: {}",
                    quote(cues::NEGOTIATED.find(&full).map_or("", |m| m.as_str()))
                ),
            ),
            _ => {
                let m = cues::SANCTION
                    .find(&full)
                    .map(|m| m.as_str().to_owned())
                    .unwrap_or_default();
                (
                    Status::Satisfied,
                    format!("remedy beyond termination: {}", quote(&m)),
                )
            }
        };
        let (s, r) = ctx.cap(unit.prov, s, r);
        push(hit("sanctions", s, ui, r));
    }
    detect_supplier_duties(ctx, ui, unit, &full, strong, excluding, push);
}

/// Due diligence, funds, reporting and non-retaliation: the supplier's own duties.
fn detect_supplier_duties(
    ctx: &Ctx<'_>,
    ui: usize,
    unit: &Unit,
    full: &str,
    strong: bool,
    excluding: bool,
    push: &mut dyn FnMut(Hit),
) {
    let full = full.to_owned();
    // due-diligence
    if cues::DUE_DILIGENCE.is_match(&full) {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            // Due diligence on direct suppliers only is limited in scope.
            let limit = cues::FIRST_TIER
                .find(&full)
                .filter(|_| !cues::ALL_TIERS.is_match(&full));
            let (s, r) = match (s, limit) {
                (Status::Satisfied, Some(m)) => (
                    Status::Weak,
                    format!("scope limited: {}", quote(m.as_str())),
                ),
                (s, _) => (s, r),
            };
            push(hit("due-diligence", s, ui, r));
        }
    }
    // funds-use: an explicit statement about the contract's money.
    if cues::FUNDS.is_match(&full) && ((strong && cues::FUNDS_PURPOSE.is_match(&full)) || excluding)
    {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            push(hit("funds-use", s, ui, r));
        }
    }
    // reporting: notify + cooperate.
    let notify = cues::NOTIFY_TRIGGER.is_match(&full)
        && cues::NOTIFY
            .find_iter(&full)
            .any(|m| notifies_buyer(ctx, &full[m.end()..]));
    // The supplier's duty to cooperate, not a worker "who … cooperates with an investigation".
    let cooperate = cues::COOPERATE
        .find_iter(&full)
        .any(|m| !cues::WHO_CLAUSE.is_match(&full[..m.start()]));
    if notify || cooperate {
        if let Some((s, r)) = ctx
            .obligation(unit, &full)
            .filter(|(s, _)| *s != Status::Excluded || notify)
        {
            let mut h = hit("reporting", s, ui, r);
            h.part = u8::from(notify) | (u8::from(cooperate) << 1);
            push(h);
        }
    }
    // non-retaliation
    if cues::RETALIATION.is_match(&full) {
        if let Some((s, r)) = ctx.obligation(unit, &full) {
            push(hit("non-retaliation", s, ui, r));
        }
    }
}

/// The one form of exploitation (child labour, convict labour) a unit is tied to through a
/// title or heading above it, when it is not tied to trafficking itself.
fn partial_context(ctx: &Ctx<'_>, unit: &Unit) -> Option<String> {
    partial_title_above(ctx.doc, ctx.lex, unit.prov)
}

/// The partial-exploitation term in a title above provision `prov` (an ancestor's, or the
/// closest heading before it).
fn partial_title_above(doc: &Document, lex: &Lexicon, prov: usize) -> Option<String> {
    let mut cur = doc.provisions.get(prov).and_then(|p| p.parent);
    while let Some(i) = cur {
        let p = doc.provisions.get(i)?;
        if let Some(m) = p.title.as_deref().and_then(|t| lex.partial.find(t)) {
            return Some(m.as_str().to_owned());
        }
        cur = p.parent;
    }
    let h = structure::heading_before(doc, prov)?;
    let t = doc.provisions.get(h)?.title.as_deref()?;
    lex.partial.find(t).map(|m| m.as_str().to_owned())
}

/// True when the current view gives no hit at all, so that the document is eleven `missing`,
/// decided without building every unit. Only where nothing is linked to trafficking (no
/// linked provision or title, no alias) and without tracked changes (`words` is `None`
/// then): there `run_view` reads a unit only when its own words give a reading
/// (`gate::unit_may_hit`) or a title above it names a partial-exploitation term, and
/// `references` needs a recognised reference in the unit's text; every later step only
/// changes those hits. A unit can match a gated pattern only inside a provision that holds
/// the pattern's words with its parent (`gate::Words::may_read`), so only those provisions,
/// and those under a partial title, are cut into units and tested here.
fn linkless_view_reads_nothing(
    doc: &Document,
    lex: &Lexicon,
    links: &structure::Links,
    wanted: &[bool],
    words: Option<&super::gate::Words<'_>>,
) -> bool {
    let Some(words) = words else {
        return false;
    };
    if lex.aliases.is_some() || links.own.iter().any(|&b| b) {
        return false;
    }
    let mut titled: BTreeMap<usize, bool> = BTreeMap::new();
    let mut partial_title = |prov: usize| {
        *titled
            .entry(prov)
            .or_insert_with(|| partial_title_above(doc, lex, prov).is_some())
    };
    let mask: Vec<bool> = (0..doc.provisions.len())
        .map(|i| {
            wanted.get(i).copied().unwrap_or(false) && (words.may_read(doc, i) || partial_title(i))
        })
        .collect();
    if !mask.iter().any(|&m| m) {
        return true;
    }
    let regulation = is_regulation(doc);
    let s = &lex.gate.substance;
    !build_units(doc, View::Current, &mask).iter().any(|u| {
        let full = u.full();
        // Without the words of any gated pattern, neither a reading of its own nor a
        // recognised reference (itself a gated pattern).
        (s.possible([full.as_str()])
            && (super::gate::unit_may_hit_exact(lex, &full)
                || (!regulation && lex.references.iter().any(|r| r.pattern.is_match(&u.text)))))
            || partial_title(u.prov)
    })
}

/// True when the trafficking term is the object of a conviction or of a report on steps taken
/// ("has not been convicted of slavery offences", "the steps it has taken to ensure that
/// slavery is not taking place") or of another duty (see [`object_of_other_duty`]), at every
/// occurrence: a check, a report or a use of money, not a ban. Read for `prohibition` and for
/// `support-facilitation`.
fn described_not_banned(lex: &Lexicon, full: &str) -> bool {
    lex.trafficking.find_iter(full).all(|m| {
        let before = &full[..m.start()];
        cues::CONVICTED_OF.is_match(before)
            || cues::STEPS_TAKEN.is_match(before)
            || object_of_other_duty(full, m.start(), m.end())
    }) && lex.trafficking.is_match(full)
}

/// True when the trafficking term at `start..end` is the object of another duty than a ban:
/// "publish a slavery and human trafficking statement", "provide training on human
/// trafficking", "shall not disclose allegations of forced labour", "made aware of the
/// policy on modern slavery", "no part of the Grant is used … to support trafficking".
/// Read from the last word of prohibition before the term (or the start): a word of
/// reporting, informing or training between them, governing the term without a verb of its
/// own in between, makes the term its object; so does a use of money (a funds statement,
/// judged as `funds-use`).
fn object_of_other_duty(full: &str, start: usize, end: usize) -> bool {
    if cues::MENTION_AFTER_TERM.is_match(&full[end..]) {
        return true;
    }
    let before = &full[..start];
    let last = cues::PROHIBIT.find_iter(before).last();
    let gap = &before[last.map_or(0, |p| p.end())..];
    if cues::FUNDS.is_match(gap) {
        return true;
    }
    // The title of a cross-referenced provision ("Subject to Schedule 6 (Modern Slavery), the
    // Contractor shall not assign …"): a ban only when the prohibition governs the reference
    // itself ("shall comply with Schedule 6 (Modern Slavery)").
    if cues::TITLE_REF_BEFORE.is_match(before)
        && (last.is_none() || gap.split_whitespace().count() > 5)
    {
        return true;
    }
    cues::MENTION
        .find_iter(gap)
        .any(|m| !cues::AUXILIARY.is_match(&gap[m.end()..]))
}

/// A ban on taking workers' identity papers or charging them recruitment fees: the negation
/// stands just before the practice ("shall not retain workers' passports"), not anywhere in
/// the sentence ("shall retain copies of identity documents and shall not disclose them").
fn banned_practice(full: &str) -> bool {
    cues::PRACTICES_PAPERS_FEES.find_iter(full).any(|m| {
        let mut from = m.start().saturating_sub(80);
        while from > 0 && !full.is_char_boundary(from) {
            from -= 1;
        }
        let before = &full[from..m.start()];
        let clause = before.rsplit([';', '.', ',']).next().unwrap_or(before);
        cues::PROHIBIT.is_match(clause)
    })
}

/// True when the words after a notice verb address the buyer (or a hotline or the
/// authorities): "inform the Contracting Officer", "report … to the Buyer", not "inform
/// contractor employees about the Government's policy".
fn notifies_buyer(ctx: &Ctx<'_>, after: &str) -> bool {
    let end = after.find([';', '.']).unwrap_or(after.len()).min(160);
    let mut end = end;
    while end > 0 && !after.is_char_boundary(end) {
        end -= 1;
    }
    let after = &after[..end];
    let lower = after.to_lowercase();
    if [
        "hotline",
        "authorit",
        "police",
        "law enforcement",
        "inspector general",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return true;
    }
    let words = |t: &str, n: usize| -> String {
        t.split_whitespace()
            .filter(|w| {
                !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "promptly"
                        | "immediately"
                        | "forthwith"
                        | "without"
                        | "delay"
                        | "in"
                        | "writing"
                )
            })
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    if ctx.parties.names_buyer(&words(after, 3)) {
        return true;
    }
    // "Each party shall notify the other": the counterparty, so the buyer for the supplier.
    let first = words(after, 3).to_ascii_lowercase();
    let first: Vec<&str> = first
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let counterparty = match first.as_slice() {
        ["the", "other", rest @ ..] => rest.first().is_none_or(|w| {
            w.starts_with("part") || ["of", "that", "if", "within", "as", "and"].contains(w)
        }),
        _ => false,
    };
    if counterparty || lower.contains(" to the other part") {
        return true;
    }
    lower
        .match_indices(" to ")
        .any(|(i, _)| ctx.parties.names_buyer(&words(&after[i + 4..], 3)))
}

/// True when the text carries the obligations down to sub-contractors: not "permit the Buyer
/// to audit its sub-suppliers", where the buyer is the one allowed or required to act.
fn flows_down(ctx: &Ctx<'_>, text: &str) -> bool {
    cues::FLOW_NEAR.find_iter(text).any(|m| {
        let t = m.as_str();
        // The word the verb governs: "permit [that] [the] Buyer …".
        let governed = cues::PARTY_ACTS
            .captures(t)
            .and_then(|c| c.get(1))
            .is_some_and(|w| ctx.parties.names_buyer(w.as_str()));
        !governed
    })
}

/// True when sub-contractors stand in the subject of the obligation ("The Supplier and its
/// sub-contractors shall not …").
fn subject_names_subcontractors(full: &str) -> bool {
    let Some(m) = super::parties::MODAL.find(full) else {
        return false;
    };
    // The subject: from the last clause break before the modal verb.
    let before = &full[..m.start()];
    let subject = before.rsplit([';', ':', '.']).next().unwrap_or(before);
    // "…, and the Customer shall": a new clause starts after the conjunction.
    let lower = subject.to_ascii_lowercase();
    let cut = [", and ", ", but ", ", or ", ", whereas "]
        .iter()
        .filter_map(|c| lower.rfind(c).map(|i| i + c.len()))
        .max()
        .unwrap_or(0);
    // "Contractor, its employees and its agents shall not": agents are not sub-contractors.
    cues::SUBCONTRACTORS.find_iter(&subject[cut..]).any(|m| {
        let w = m.as_str().to_ascii_lowercase();
        !w.ends_with("agents") && !w.ends_with("agent")
    })
}

fn termination(ctx: &Ctx<'_>, ui: usize, full: &str) -> Option<Hit> {
    // "termination of employment", "terminate a subcontract": not the buyer ending this contract.
    let full = &*cues::TERMINATE_OTHER.replace_all(full, " ");
    if !cues::TERMINATE.is_match(full) && !cues::DEEMED_MATERIAL.is_match(full) {
        return None;
    }
    if let Modality::Excluding(w) = modality(ctx.lex, full) {
        if cues::TERMINATE.is_match(full) {
            return Some(hit(
                "termination",
                Status::Excluded,
                ui,
                format!("excluded: {}", quote(&w)),
            ));
        }
    }
    let deemed = cues::DEEMED_MATERIAL.find(full);
    let right = cues::TERMINATE.is_match(full) && cues::BUYER_RIGHT.is_match(full);
    if !right && deemed.is_none() {
        return None;
    }
    // The right must be the buyer's: "the Supplier may terminate" is not, even "if the Buyer
    // breaches"; "the Supplier's breach shall entitle the Buyer to terminate" is, so the buyer
    // must be named between the modal verb and the termination.
    let actor = ctx.parties.actor(full);
    let buyer_holds = super::parties::MODAL.find(full).map_or_else(
        || ctx.parties.names_buyer(full),
        |m| {
            let rest = &full[m.start()..];
            let upto = cues::TERMINATE.find(rest).map_or(rest.len(), |t| t.start());
            ctx.parties.names_buyer(&rest[..upto])
        },
    );
    if actor == Actor::Supplier && !buyer_holds && deemed.is_none() {
        return None;
    }
    let reason = if right {
        "buyer may terminate for breach of the anti-trafficking obligations".to_owned()
    } else {
        format!(
            "breach of the anti-trafficking obligations is a ground for termination: {}",
            quote(deemed.map_or("", |m| m.as_str()))
        )
    };
    let (status, reason) = if let Some(m) = cues::NEGOTIATED.find(full) {
        (
            Status::Weak,
            format!(
                "termination only as a matter for discussion: {}",
                quote(m.as_str())
            ),
        )
    } else if let Some(m) = cues::CONVICTION.find(full) {
        (
            Status::Weak,
            format!(
                "termination limited to a criminal conviction: {}",
                quote(m.as_str())
            ),
        )
    } else {
        (Status::Satisfied, reason)
    };
    let mut h = hit("termination", status, ui, reason);
    if !right {
        // The deeming clause unlocks a general right to terminate for material breach: that
        // right is the decisive provision.
        // "… for the purposes of Section 18.2": the named termination clause first, else the
        // buyer's (or either party's) right to terminate for material breach.
        let named = structure::cross_refs(ctx.index, full)
            .into_iter()
            .filter_map(|i| ctx.doc.provisions.get(i))
            .find(|p| {
                let t = ctx.doc.slice(p.span);
                cues::TERMINATE.is_match(t) && cues::BUYER_RIGHT.is_match(t)
            });
        if let Some(p) = named.or_else(|| {
            ctx.doc.provisions.iter().find(|p| {
                p.kind.is_operative() && {
                    let t = ctx.doc.slice(p.span);
                    cues::TERMINATE.is_match(t)
                        && cues::BUYER_RIGHT.is_match(t)
                        && cues::DEEMED_MATERIAL.is_match(t)
                        && (ctx.parties.names_buyer(t) || ctx.parties.actor(t) == Actor::Mutual)
                }
            })
        }) {
            h.via.push(p.span);
            h.via_first = true;
        }
    }
    Some(h)
}

fn definition(ctx: &Ctx<'_>, ui: usize, unit: &Unit) -> Option<Hit> {
    // Read the definition with its sub-items. A definition that is incomplete on its own but
    // sits in a definitions block ("(a) Definitions. As used in this clause —") is read with
    // the terms it relies on (forced labor, coercion, commercial sex act); the block is then
    // the decisive provision.
    let span = ctx.doc.subtree_span(unit.prov);
    let own_text = if span.len() < 4000 {
        view_text(ctx.doc, span, ctx.view)
    } else {
        unit.text.clone()
    };
    let own = definition_of_text(ui, &own_text)?;
    if own.status == Status::Satisfied {
        return Some(own);
    }
    let Some(block) = definitions_block(ctx, unit.prov) else {
        return Some(own);
    };
    let bspan = ctx.doc.subtree_span(block);
    let btext = view_text(ctx.doc, bspan, ctx.view);
    match definition_of_text(ui, &btext) {
        Some(mut h) if h.status == Status::Satisfied => {
            if let Some(ls) = ctx
                .doc
                .provisions
                .get(block)
                .and_then(|b| super::units::sentences(ctx.doc, b.span).first().copied())
            {
                h.via.push(ls);
                h.via_first = true;
            }
            Some(h)
        }
        _ => Some(own),
    }
}

fn definition_of_text(ui: usize, text: &str) -> Option<Hit> {
    let text = text.to_owned();
    // "as defined in the Modern Slavery Act": the statute must follow the defining words, not
    // stand in another definition of the same block.
    let statute = cues::DEF_REFERENCE.find_iter(&text).find_map(|r| {
        let end = text
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= r.end() + 150)
            .unwrap_or(text.len());
        cues::DEF_STATUTE.find(&text[r.end()..end])
    });
    if let Some(m) = statute {
        let m = m.as_str().to_owned();
        let mut h = hit(
            "definition",
            Status::Satisfied,
            ui,
            format!("defined by reference to {}", quote(&m)),
        );
        h.notes
            .push(format!("definition incorporated by reference: {m}"));
        return Some(h);
    }
    let act = cues::DEF_ACT.is_match(&text);
    let means = cues::DEF_MEANS.is_match(&text);
    let purpose = cues::DEF_PURPOSE.is_match(&text);
    let forced = cues::DEF_FORCED.is_match(&text);
    let child = cues::DEF_CHILD.is_match(&text);
    if !def_form(&text) {
        return None;
    }
    let mut lacks = Vec::new();
    if !act {
        lacks.push("the act (recruitment, transport, harbouring…)");
    }
    if !means {
        lacks.push("the means (force, coercion, fraud…)");
    }
    if !purpose {
        lacks.push("the purpose (exploitation)");
    }
    if !forced {
        lacks.push("forced labour");
    }
    if !child {
        lacks.push("children");
    }
    if lacks.is_empty() {
        Some(hit(
            "definition",
            Status::Satisfied,
            ui,
            "defines trafficking with act, means and purpose, forced labour and children".into(),
        ))
    } else {
        Some(hit(
            "definition",
            Status::Weak,
            ui,
            format!("definition omits {}", lacks.join(", ")),
        ))
    }
}

/// The definitions block a definition sits in: an ancestor (or the provision just before a
/// run of definitions) that introduces definitions and is not too long.
fn definitions_block(ctx: &Ctx<'_>, prov: usize) -> Option<usize> {
    let doc = ctx.doc;
    let mut cur = doc.provisions.get(prov).and_then(|p| p.parent);
    while let Some(i) = cur {
        let p = doc.provisions.get(i)?;
        let head: String = doc.slice(p.span).chars().take(160).collect();
        if cues::DEFINITIONS_LEAD.is_match(&head) && doc.subtree_span(i).len() < 16_000 {
            return Some(i);
        }
        cur = p.parent;
    }
    None
}

/// Recognised references in a unit.
fn references(ctx: &Ctx<'_>, pack: &Pack, ui: usize, unit: &Unit, out: &mut Vec<Hit>) {
    if ctx.regulation {
        return;
    }
    let full = unit.full();
    for r in &ctx.lex.references {
        let Some(m) = r.pattern.find(&unit.text) else {
            continue;
        };
        let Some(def) = pack.references.get(r.index) else {
            continue;
        };
        // A definition that borrows its meaning from a reference (read only when one is found).
        let defining = cues::DEF_HEAD.is_match(&unit.text)
            || ctx
                .doc
                .provisions
                .get(unit.prov)
                .is_some_and(|p| p.kind == ProvisionKind::Definition);
        // An unticked checkbox ("[ ] 52.222-50") incorporates nothing.
        let before = &unit.text[..m.start()];
        if let Some(b) = before.rfind('[') {
            let boxed = &before[b..];
            if boxed.len() < 16 && (boxed.starts_with("[ ]") || boxed.starts_with("[]")) {
                continue;
            }
        }
        if before.trim_end().ends_with('\u{2610}') {
            continue;
        }
        // The box governs its whole item: "[ ] Alternate I (MAR 2015) of 52.222-50".
        if last_box_unchecked(before) {
            continue;
        }
        // "52.222-50 does not apply" excludes what it covers.
        let after = &unit.text[m.start()..];
        let near: String = after.chars().take(200).collect();
        // "paragraph (h) shall not apply" carves out what (h) gives; it does not exclude all.
        let mut switched_off: Vec<String> = Vec::new();
        for c in cues::PARAGRAPH_OFF.captures_iter(&full) {
            for g in c.iter().skip(1).flatten() {
                switched_off.push(g.as_str().to_lowercase());
            }
        }
        // A carve-out in the same sentence removes the paragraphs it names.
        let mut carved: Vec<String> = Vec::new();
        for c in cues::CARVE_OUT.captures_iter(&full) {
            for g in c.iter().skip(1).flatten() {
                carved.push(g.as_str().to_lowercase());
            }
            // "(e) through (h)" style ranges are rare; the listed letters are taken as given.
        }
        // "except paragraph (h), which shall not apply": the disapplication is the carve-out's.
        // "shall not be construed by reference to any international instrument, including the
        // Palermo Protocol": the document refuses the reference.
        let refused = cues::NEG_REFERENCE.is_match(before);
        let excluded = refused
            || (switched_off.is_empty()
                && carved.is_empty()
                && cues::EXCLUSION_OF_REF.is_match(&near));
        carved.extend(switched_off.iter().cloned());
        let removed: Vec<&String> = carved
            .iter()
            .filter_map(|p| def.paragraphs.get(p))
            .flatten()
            .collect();
        // A citation ("paragraph (b) of the clause at 52.222-50", "see 52.222-56",
        // "52.222-50(h)") mentions the clause; it does not incorporate it.
        let tail_start = before.char_indices().rev().nth(140).map_or(0, |(i, _)| i);
        let numbered = m.as_str().chars().any(|c| c.is_ascii_digit());
        if numbered
            && (cues::MENTION_BEFORE.is_match(&before[tail_start..])
                || cues::MENTION_AFTER.is_match(&unit.text[m.end()..]))
        {
            continue;
        }
        // Regulation text telling the contracting officer to insert the clause binds no supplier.
        if cues::INSERT_INSTRUCTION.is_match(&full) && ctx.parties.actor(&full) == Actor::Buyer {
            continue;
        }
        let hedge = ctx.lex.hedges.find(&full).map(|h| h.as_str().to_owned());
        // "incorporated … and deemed to apply solely to such portions of work as are funded
        // using Government funds": the incorporating sentence limits the scope.
        let scope = cues::SCOPE_LIMIT
            .find(&full)
            .or_else(|| incorporating_context(ctx, unit).and_then(|c| cues::SCOPE_LIMIT.find(c)))
            .map(|m| m.as_str().to_owned());
        // The line that cites the reference, when the unit runs over several lines.
        let row = {
            let raw = ctx.doc.slice(unit.span);
            r.pattern.find(raw).and_then(|m| {
                let ls = raw[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                let le = raw[m.end()..].find('\n').map_or(raw.len(), |i| m.end() + i);
                // Only a row that starts with the reference (a table row, a list line), not a
                // reference in the middle of wrapped prose.
                let lead = raw[ls..m.start()].trim();
                let prev = raw[..ls].trim_end().rsplit('\n').next().unwrap_or("");
                let indented = raw[ls..].starts_with([' ', '\t']);
                let listed = prev.ends_with(':')
                    || prev.trim_start().starts_with('[')
                    || prev.split_whitespace().next().is_some_and(|w| {
                        w.contains('-')
                            && w.contains('.')
                            && w.starts_with(|c: char| c.is_ascii_digit())
                    });
                let row_start = lead.len() <= 12
                    && lead.split_whitespace().count() <= 2
                    && (indented || listed);
                (row_start && (ls > 0 || le < raw.len()))
                    .then(|| Span::new(unit.span.start + ls, unit.span.start + le))
            })
        };
        let note = format!(
            "incorporated by reference: {} (the text is not in the document)",
            def.title
        );
        let mut give = |id: &String, status: Status, reason: String, extra: Option<String>| {
            // A definition that borrows its meaning from a reference gives only the definition.
            if defining && id != "definition" {
                return;
            }
            let Some(req) = pack.requirement(id) else {
                return;
            };
            let detector = detector_of(req);
            let mut h = hit(detector, status, ui, reason);
            h.by_reference = true;
            h.at = row;
            h.notes.push(note.clone());
            if let Some(e) = extra {
                h.notes.push(e);
            }
            if detector == "reporting" {
                h.part = 3;
            }
            out.push(h);
        };
        if excluded {
            for id in def.covers.iter().chain(&def.conditional) {
                give(
                    id,
                    Status::Excluded,
                    if refused {
                        format!("excluded: the document refuses {}", def.title)
                    } else {
                        format!("excluded: {} does not apply", def.title)
                    },
                    None,
                );
            }
            continue;
        }
        let (base, base_reason) = match (&hedge, &scope) {
            (Some(h), _) => (
                Status::Weak,
                format!("by reference to {}, hedged: {}", def.title, quote(h)),
            ),
            (None, Some(sc)) => (
                Status::Weak,
                format!(
                    "by reference to {}, limited in scope: {}",
                    def.title,
                    quote(sc)
                ),
            ),
            (None, None) => (Status::Satisfied, format!("by reference: {}", def.title)),
        };
        for id in &removed {
            give(
                id,
                Status::Excluded,
                format!(
                    "excluded: {} is incorporated without the paragraph that gives it",
                    def.title
                ),
                None,
            );
        }
        for id in &def.covers {
            if removed.contains(&id) {
                continue;
            }
            // A scope limit on the obligations does not weaken a definition.
            if id == "definition" && hedge.is_none() && scope.is_some() {
                give(
                    id,
                    Status::Satisfied,
                    format!("by reference: {}", def.title),
                    None,
                );
                continue;
            }
            give(id, base, base_reason.clone(), None);
        }
        let void = r
            .condition_void
            .as_ref()
            .is_some_and(|v| v.is_match(&ctx.doc.text));
        if !void {
            for id in &def.conditional {
                if removed.contains(&id) {
                    continue;
                }
                let cond = def.condition.as_ref().map(|c| format!("applies {c}"));
                give(id, base, base_reason.clone(), cond);
            }
        }
        for id in &def.weak {
            give(
                id,
                Status::Weak,
                format!("by reference to {}: covers it only in part", def.title),
                None,
            );
        }
    }
}

/// The incorporating sentence a reference in a clause table or list depends on: the closest
/// "incorporated" in the 20,000 bytes before the unit (clause tables run long).
fn incorporating_context<'d>(ctx: &Ctx<'d>, unit: &Unit) -> Option<&'d str> {
    let doc = ctx.doc;
    let mut from = unit.span.start.saturating_sub(20_000);
    while from > 0 && !doc.text.is_char_boundary(from) {
        from -= 1;
    }
    let window = doc.text.get(from..unit.span.start)?;
    let lower = window.to_ascii_lowercase();
    let at = lower.rfind("incorporated")?;
    let mut end = (at + 600).min(window.len());
    while end < window.len() && !window.is_char_boundary(end) {
        end += 1;
    }
    let start = window[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    window.get(start..end)
}

/// True when the last checkbox before a reference (within one list item) is unticked.
fn last_box_unchecked(before: &str) -> bool {
    let boxes = [
        "[ ]",
        "[]",
        "\u{2610}",
        "[X]",
        "[x]",
        "[\u{2713}]",
        "\u{2612}",
        "\u{2611}",
    ];
    let last = boxes
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| (i, *b)))
        .max_by_key(|(i, _)| *i);
    match last {
        Some((i, b)) => {
            let between = &before[i + b.len()..];
            let unticked = matches!(b, "[ ]" | "[]" | "\u{2610}");
            // Another clause number between the box and the reference starts another item.
            unticked && between.len() < 80 && !between.contains("52.")
        }
        None => false,
    }
}

fn detector_of(req: &crate::RequirementDef) -> &'static str {
    let d = req.detector.as_deref().unwrap_or(&req.id);
    super::DETECTORS
        .iter()
        .copied()
        .find(|x| *x == d)
        .unwrap_or("prohibition")
}

/// Regulation text (a FAR part or subpart: "Subpart 22.17 - Combating Trafficking in
/// Persons", "PART 22 - …") tells contracting officers what to put in contracts; it is not
/// itself a contract.
fn is_regulation(doc: &Document) -> bool {
    static HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        super::lexicon::cue(r"^(Subpart|Part)\s+\d{1,4}(?:\.\d{1,4})?\s*[-\u{2013}\u{2014}:]")
    });
    static SECTION: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| super::lexicon::cue(r"(?m)^\s*\d{1,3}\.\d{3,4}\s"));
    let Some(m) = doc
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| HEAD.captures(l.trim_start()))
    else {
        return false;
    };
    // "Subpart 22.17" is regulation text; "PART 1 - GENERAL TERMS" opens many contracts, so a
    // part must also read like a regulation: sections numbered 22.1702 and contracting officers.
    let subpart = m
        .get(1)
        .is_some_and(|k| k.as_str().eq_ignore_ascii_case("subpart"));
    subpart
        || (SECTION.find_iter(&doc.text).take(2).count() == 2
            && doc
                .text
                .to_ascii_lowercase()
                .contains("contracting officer"))
}

/// True when a text has the form of a definition ("X" means …), not merely the word "means"
/// ("by means of coercion", "by any means").
fn def_form(text: &str) -> bool {
    cues::DEF_FORM.find_iter(text).any(|m| {
        let before = text[..m.start()].trim_end().to_ascii_lowercase();
        !(before.ends_with(" by")
            || before.ends_with(" any")
            || before.ends_with(" other")
            || before == "by")
    })
}

/// The defined terms of a document that stand for trafficking: every term defined in a
/// definition whose own name is about trafficking (`"Trafficking in Human Beings" or "THB"
/// has the meaning …`, `"Trafficking" has its meaning under the criminal law …`), unless the
/// definition is about another sense of the word (drug trafficking, ad traffic).
fn trafficking_aliases(doc: &Document, lex: &Lexicon) -> Vec<String> {
    static QUOTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        super::lexicon::cue("[\"\u{201C}]([^\"\u{201C}\u{201D}]{2,60})[\"\u{201D}]")
    });
    static CRIMINAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        super::lexicon::cue(
            r"\b(?:criminal|offen[cs]es?|penal\s+code|Palermo|Protocol|Convention|Act\s+\d{4}|Act\s+of\s+\d{4}|U\.?S\.?C)\b",
        )
    });
    let mut out: Vec<String> = Vec::new();
    for p in &doc.provisions {
        let text = doc.slice(p.span);
        let head_bytes = text.get(..text.len().min(40)).unwrap_or(text);
        if !(head_bytes.contains('"') || head_bytes.contains('\u{201C}')) {
            continue;
        }
        let Some(head) = cues::DEF_HEAD.find(text) else {
            continue;
        };
        let terms: Vec<&str> = QUOTED
            .captures_iter(head.as_str())
            .filter_map(|c| c.get(1).map(|m| m.as_str().trim()))
            .collect();
        let body_end = text
            .char_indices()
            .nth(head.end() + 600)
            .map_or(text.len(), |(i, _)| i);
        let body = text.get(head.end()..body_end).unwrap_or("");
        // A full name ("Trafficking in Human Beings") stands for trafficking by itself; a bare
        // word ("Trafficking", "Servitude") only when the definition is about people or the
        // criminal law, not ad serving or a right of way.
        let about = terms.iter().any(|t| {
            let lower = t.to_lowercase();
            lex.trafficking_in(t).is_some()
                || ([
                    "traffick",
                    "slavery",
                    "servitude",
                    "forced labour",
                    "forced labor",
                ]
                .iter()
                .any(|w| lower.contains(w))
                    && (super::lexicon::has_human_context(body) || CRIMINAL.is_match(body)))
        });
        if !about || lex.trafficking_traps.is_match(body) || lex.servitude_traps.is_match(body) {
            continue;
        }
        for t in terms {
            if t.chars().any(char::is_alphabetic) && !out.iter().any(|o| o == t) {
                out.push(t.to_owned());
            }
        }
    }
    out
}

/// Provisions worth reading: those with an anchor word, their ancestors and descendants, and
/// (when any exist) every provision that cross-references or says "this clause".
fn prefilter(doc: &Document, lex: &Lexicon) -> Option<Vec<bool>> {
    let n = doc.provisions.len();
    let mut wanted = vec![false; n];
    // Provisions by start for a binary search (own spans are disjoint, in document order).
    let mut by_start: Vec<(usize, usize, usize)> = doc
        .provisions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.span.start, p.span.end, i))
        .collect();
    by_start.sort_unstable();
    let provision_at = |offset: usize| -> Option<usize> {
        let k = by_start.partition_point(|&(start, _, _)| start <= offset);
        let &(_, end, i) = by_start.get(k.checked_sub(1)?)?;
        (offset < end).then_some(i)
    };
    let bytes = doc.text.as_bytes();
    let mut any = false;
    for m in lex.anchors.find_iter(&doc.text) {
        // Anchors start a word: "enforced" is not "forced", "preconvicted" is no "convict".
        if m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric() {
            continue;
        }
        any = true;
        if let Some(p) = provision_at(m.start()) {
            wanted[p] = true;
        }
    }
    if let Some(ac) = &lex.aliases {
        for m in ac.find_iter(&doc.text) {
            if let Some(p) = provision_at(m.start()) {
                wanted[p] = true;
            }
        }
    }
    if !any {
        return None;
    }
    // Is there anything about trafficking (or a recognised reference) at all? If not, only the
    // anchored provisions are read (a general retaliation clause can still be `weak`).
    let substantive = wanted.iter().enumerate().any(|(i, w)| {
        *w && doc.provisions.get(i).is_some_and(|p| {
            let t = doc.slice(p.span);
            lex.trafficking_in(t).is_some()
                || lex.partial.is_match(t)
                || lex.references.iter().any(|r| r.pattern.is_match(t))
        })
    });
    // Ancestors and descendants of anchored provisions (lead-ins, sub-items, headings).
    for i in 0..n {
        if wanted[i] {
            let mut cur = doc.provisions[i].parent;
            while let Some(p) = cur {
                wanted[p] = true;
                cur = doc.provisions[p].parent;
            }
        }
    }
    for i in 0..n {
        if let Some(p) = doc.provisions[i].parent {
            if wanted[p] {
                wanted[i] = true;
            }
        }
    }
    if !substantive {
        return Some(wanted);
    }
    // Cross-referencing provisions anywhere (remedies clauses, "Subject to", schedules).
    for (i, p) in doc.provisions.iter().enumerate() {
        if wanted[i] {
            continue;
        }
        let t = doc.slice(p.span);
        if cues::XREF.is_match(t)
            || cues::THIS_CLAUSE.is_match(t)
            || cues::NOTWITHSTANDING.is_match(t)
        {
            wanted[i] = true;
        }
    }
    Some(wanted)
}

struct ViewResult {
    units: Vec<Unit>,
    hits: Vec<Hit>,
}

/// What both views of a document share.
struct Shared<'a> {
    index: &'a ClauseIndex,
    pointed: &'a [(usize, usize)],
}

#[expect(
    clippy::too_many_arguments,
    reason = "the view's inputs, computed once by `judge_document`"
)]
fn run_view(
    pack: &Pack,
    lex: &Lexicon,
    doc: &Document,
    parties: &Parties,
    wanted: &[bool],
    view: View,
    shared: &Shared<'_>,
    links: Option<structure::Links>,
) -> ViewResult {
    let index = shared.index;
    let pointed = shared.pointed.to_vec();
    let links = links.unwrap_or_else(|| structure::links(doc, lex, view, wanted, &pointed, None));
    let units = build_units(doc, view, wanted);
    let mut ctx = Ctx {
        doc,
        lex,
        parties,
        index,
        links: &links,
        caps: BTreeMap::new(),
        incorporated: BTreeMap::new(),
        pointed,
        regulation: is_regulation(doc),
        view,
    };
    // Incorporation chains: "must use reasonable endeavours to comply with Schedule 5".
    for u in &units {
        let full = u.full();
        if !cues::INCORPORATES.is_match(&full) {
            continue;
        }
        for target in structure::cross_refs(index, &full) {
            if structure::within(doc, u.prov, target) || structure::within(doc, target, u.prov) {
                continue;
            }
            let kw_schedule = doc.provisions.get(target).is_some_and(|p| {
                p.number.as_deref().is_some_and(|n| {
                    let l = n.to_lowercase();
                    [
                        "schedule",
                        "exhibit",
                        "annex",
                        "appendix",
                        "attachment",
                        "part",
                    ]
                    .iter()
                    .any(|k| l.contains(k))
                }) || p.title.as_deref().is_some_and(|t| {
                    let l = t.to_lowercase();
                    [
                        "schedule",
                        "exhibit",
                        "annex",
                        "appendix",
                        "attachment",
                        "code of conduct",
                    ]
                    .iter()
                    .any(|k| l.contains(k))
                })
            });
            if !kw_schedule {
                continue;
            }
            let clause = doc
                .clause_number(u.prov)
                .map(|c| format!("clause {c}"))
                .unwrap_or_else(|| "an incorporating clause".into());
            match modality(lex, &full) {
                Modality::Hedged(w) => {
                    ctx.caps.insert(
                        target,
                        (
                            Status::Weak,
                            format!("reached through {clause}: {}", quote(&w)),
                        ),
                    );
                }
                Modality::Binding(w) => {
                    ctx.incorporated.insert(target, w);
                }
                _ => {}
            }
        }
    }
    // Bundle parts named like "Joint Schedule 5" are reached the same way.
    bundle_caps(doc, lex, &units, &mut ctx);
    let mut hits = Vec::new();
    // Nothing about trafficking in any provision or title: a unit is read only if its own
    // words can give a reading (exact; see `gate::unit_may_hit`).
    let linkless = !links.own.iter().any(|&b| b);
    for (ui, u) in units.iter().enumerate() {
        if !linkless
            || super::gate::unit_may_hit(lex, &u.full())
            || partial_context(&ctx, u).is_some()
        {
            detect_unit(&ctx, ui, u, &mut hits);
        }
        references(&ctx, pack, ui, u, &mut hits);
    }
    // An exclusion that names a clause ("Clause 9.1 is a statement of intent only", "Nothing
    // in clause 9 obliges …") excludes what that clause gives.
    let mut extra = Vec::new();
    for (ui, u) in units.iter().enumerate() {
        let full = u.full();
        // Only a provision that disapplies a whole clause counts here; exclusions of one duty
        // are read by the detectors themselves.
        let Some(w) = cues::DISAPPLY.find(&full) else {
            continue;
        };
        let targets = structure::cross_refs(index, w.as_str());
        if targets.is_empty() {
            continue;
        }
        let mut seen = std::collections::BTreeSet::new();
        for h in &hits {
            if h.status == Status::Excluded || h.by_reference {
                continue;
            }
            let Some(hu) = units.get(h.unit) else {
                continue;
            };
            if hu.prov == u.prov || !seen.insert(h.detector) {
                continue;
            }
            if targets.iter().any(|&t| structure::within(doc, hu.prov, t)) {
                let mut x = hit(
                    h.detector,
                    Status::Excluded,
                    ui,
                    format!("excluded by a later provision: {}", quote(w.as_str())),
                );
                x.via.push(hu.span);
                extra.push(x);
            }
        }
    }
    hits.extend(extra);
    // An exclusion in a list item about another clause ("52.203-17 …; this clause does not
    // apply to contracts of DoD") is about that clause; one that carves back what it names
    // ("not required to flow down any FAR clause, other than those in this paragraph") does
    // not reach a recognised reference the document incorporates.
    let referenced: std::collections::BTreeSet<&'static str> = hits
        .iter()
        .filter(|h| h.by_reference && h.status != Status::Excluded)
        .map(|h| h.detector)
        .collect();
    hits.retain(|h| {
        if h.by_reference || !h.via.is_empty() {
            return true;
        }
        let Some(u) = units.get(h.unit) else {
            return true;
        };
        // A list item naming another (unrecognised) FAR clause is about that clause.
        // The number must lead the item ("(xx) 52.203-17, …"), not be cited inside it ("see
        // also 52.203-13(b)(3)").
        let about_other_clause = cues::CLAUSE_NUMBER
            .find(&u.text)
            .is_some_and(|m| m.start() < 40)
            && !lex.references.iter().any(|r| r.pattern.is_match(&u.text))
            && lex.trafficking_in(&u.text).is_none();
        let carved_back = h.status == Status::Excluded
            && cues::CARVE_BACK.is_match(&u.full())
            && referenced.contains(h.detector);
        !(about_other_clause || carved_back)
    });
    // "Subject to clause 22" where clause 22 excludes or hedges: the weakest link decides.
    for h in &mut hits {
        if h.status == Status::Excluded {
            continue;
        }
        let Some(u) = units.get(h.unit) else { continue };
        let mut texts = vec![u.full()];
        let mut cur = doc.provisions.get(u.prov).and_then(|p| p.parent);
        while let Some(i) = cur {
            if let Some(p) = doc.provisions.get(i) {
                let t = view_text(doc, p.span, view);
                texts.push(t.chars().take(300).collect());
                cur = p.parent;
            } else {
                break;
            }
        }
        for t in texts {
            for c in cues::SUBJECT_TO.captures_iter(&t) {
                let Some(num) = c.get(1) else { continue };
                let Some(target) = index.resolve("clause", num.as_str()) else {
                    continue;
                };
                let span = doc.subtree_span(target);
                let ttext = view_text(doc, span, view);
                if let Some(w) = lex.exclusions.find(&ttext) {
                    h.status = Status::Excluded;
                    h.reason = format!(
                        "excluded through \"subject to\" clause {}: {}",
                        num.as_str(),
                        quote(w.as_str())
                    );
                    h.via.push(span);
                } else if let Some(w) = cues::CAP.find(&ttext).filter(|_| h.detector == "sanctions")
                {
                    if h.status == Status::Satisfied {
                        h.status = Status::Weak;
                        h.reason = format!(
                            "capped through \"subject to\" clause {}: {}",
                            num.as_str(),
                            quote(w.as_str())
                        );
                        h.via.push(span);
                    }
                } else if let Some(w) = lex.hedges.find(&ttext) {
                    if h.status == Status::Satisfied {
                        h.status = Status::Weak;
                        h.reason = format!(
                            "weakened through \"subject to\" clause {}: {}",
                            num.as_str(),
                            quote(w.as_str())
                        );
                        h.via.push(span);
                    }
                }
            }
        }
    }
    ViewResult { units, hits }
}

fn bundle_caps(doc: &Document, lex: &Lexicon, units: &[Unit], ctx: &mut Ctx<'_>) {
    if doc.parts.len() < 2 {
        return;
    }
    let names: Vec<String> = doc.parts.iter().map(|p| p.to_lowercase()).collect();
    for u in units {
        let full = u.full();
        if !cues::INCORPORATES.is_match(&full) {
            continue;
        }
        let lower = full.to_lowercase();
        for c in cues::XREF.captures_iter(&full) {
            let Some(whole) = c.get(0) else { continue };
            let label = whole.as_str().to_lowercase();
            // "Joint Schedule 5" / "Call-Off Schedule 14": keep the qualifier before it.
            let before = &lower[..whole.start().min(lower.len())];
            let qualifier = before.split_whitespace().last().unwrap_or("");
            let with_q = format!("{qualifier} {label}");
            let Some(part) = names.iter().position(|n| {
                let base = n.rsplit('/').next().unwrap_or(n);
                base.contains(&with_q)
                    || (base.contains(&label)
                        && !["joint", "call-off", "framework"].contains(&qualifier))
            }) else {
                continue;
            };
            let Some(part_u16) = u16::try_from(part).ok() else {
                continue;
            };
            if doc
                .provisions
                .get(u.prov)
                .is_some_and(|p| p.part == part_u16)
            {
                continue;
            }
            let clause = doc
                .clause_number(u.prov)
                .map(|c| format!("clause {c}"))
                .unwrap_or_else(|| "an incorporating clause".into());
            let file = doc.parts.get(part).cloned().unwrap_or_default();
            for (i, p) in doc.provisions.iter().enumerate() {
                if p.part != part_u16 || p.parent.is_some() {
                    continue;
                }
                match modality(lex, &full) {
                    Modality::Hedged(w) => {
                        ctx.caps.insert(
                            i,
                            (
                                Status::Weak,
                                format!("reached through {clause} ({file}): {}", quote(&w)),
                            ),
                        );
                    }
                    Modality::Binding(w) => {
                        ctx.incorporated.insert(i, w);
                    }
                    _ => {}
                }
            }
        }
    }
}

fn evidence(doc: &Document, span: Span, prov: Option<usize>, text: Option<&str>) -> Evidence {
    let (mut line, column) = doc.line_col(span.start);
    let block = doc.block_at(span.start);
    // Markdown blocks keep their source line: report the line of the file, not of the text.
    if doc.format == flowdown_core::Format::Markdown {
        if let Some(b) = block {
            line = b.index as usize + 1;
        }
    }
    let raw = text.map_or_else(|| doc.slice(span).to_owned(), str::to_owned);
    let mut t: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.len() > 600 {
        let cut = (0..=600)
            .rev()
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(0);
        t.truncate(cut);
        t.push('…');
    }
    let prov = prov.or_else(|| doc.provision_at(span.start));
    let revision = doc.revisions_in(span).next().map(|r| EvidenceRevision {
        kind: r.kind,
        author: r.author.clone(),
        date: r.date.clone(),
    });
    Evidence {
        start: span.start,
        end: span.end,
        line,
        column,
        clause: prov.and_then(|p| doc.clause_number(p)).map(cited_number),
        heading: prov.and_then(|p| doc.heading_of(p)),
        text: t,
        file: if doc.parts.len() > 1 {
            block.and_then(|b| doc.parts.get(usize::from(b.part)).cloned())
        } else {
            None
        },
        page: block.and_then(|b| b.page),
        paragraph: block.map(|b| b.index),
        revision,
    }
}

/// A clause number as a reader cites it: `Section 4.2` → `4.2`, `§ 4.2` → `4.2`; `Article IV`
/// and `Schedule 2` keep their word.
fn cited_number(n: &str) -> String {
    let t = n.trim();
    for p in [
        "Clause ",
        "CLAUSE ",
        "Section ",
        "SECTION ",
        "Sec. ",
        "§ ",
        "§",
        "Paragraph ",
        "Para. ",
    ] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_owned();
        }
    }
    t.to_owned()
}

fn rank(h: &Hit) -> (u8, u8, u8, u8) {
    (
        h.status.support_rank(),
        u8::from(!h.by_reference),
        h.strength,
        u8::from(h.overrides),
    )
}

/// Judges a whole document.
pub(crate) fn judge_document(
    pack: &Pack,
    lex: &Lexicon,
    doc: &Document,
    opts: &JudgeOptions,
) -> Vec<RequirementResult> {
    let Some(mut wanted) = prefilter(doc, lex) else {
        return super::missing(pack);
    };
    // Defined terms that stand for trafficking ("THB") are anchors of this document; without
    // them, the gate may show that nothing can be read.
    let aliases = trafficking_aliases(doc, lex);
    // The gated words of each provision, for the shortcuts below (none when exhaustive).
    let words = if opts.exhaustive {
        None
    } else {
        super::gate::Words::of(doc, lex)
    };
    if aliases.is_empty() && super::gate::nothing_to_read(doc, lex, &wanted, words.as_ref()) {
        return super::missing(pack);
    }
    let with_aliases;
    let lex = if aliases.is_empty() {
        lex
    } else {
        with_aliases = lex.with_aliases(&aliases);
        if let Some(w) = prefilter(doc, &with_aliases) {
            wanted = w;
        }
        &with_aliases
    };
    // Remedies clauses an anti-trafficking provision points at are read with their sub-items.
    let index = ClauseIndex::new(doc);
    let pointed = structure::remedy_pointers(doc, lex, &index, &wanted);
    for &(t, _) in &pointed {
        for i in t..doc.provisions.len() {
            if i != t && !structure::within(doc, i, t) {
                break;
            }
            if let Some(w) = wanted.get_mut(i) {
                *w = true;
            }
        }
    }
    // Nothing linked to trafficking and no unit with a reading of its own: eleven `missing`,
    // without reading the parties or cutting every provision into units.
    let links = structure::links(doc, lex, View::Current, &wanted, &pointed, words.as_ref());
    if linkless_view_reads_nothing(doc, lex, &links, &wanted, words.as_ref()) {
        return super::missing(pack);
    }
    let parties = Parties::read(doc, lex, &opts.supplier_terms);
    let shared = Shared {
        index: &index,
        pointed: &pointed,
    };
    let current = run_view(
        pack,
        lex,
        doc,
        &parties,
        &wanted,
        View::Current,
        &shared,
        Some(links),
    );
    let has_removals = doc.revisions.iter().any(|r| r.kind.is_removal());
    let original = has_removals.then(|| {
        run_view(
            pack,
            lex,
            doc,
            &parties,
            &wanted,
            View::Original,
            &shared,
            None,
        )
    });

    let mut results = Vec::with_capacity(pack.requirements.len());
    for req in &pack.requirements {
        let det = detector_of(req);
        let mut res = RequirementResult {
            id: req.id.clone(),
            status: Status::Missing,
            severity: req.severity,
            evidence: Vec::new(),
            reason: "no provision found".into(),
            notes: Vec::new(),
            waiver: None,
        };
        let hits: Vec<&Hit> = current.hits.iter().filter(|h| h.detector == det).collect();
        decide(doc, &current, &hits, det, &mut res);
        if res.status == Status::Missing {
            if let Some(orig) = &original {
                let ohits: Vec<&Hit> = orig
                    .hits
                    .iter()
                    .filter(|h| {
                        h.detector == det && matches!(h.status, Status::Satisfied | Status::Weak)
                    })
                    .collect();
                let mut tmp = res.clone();
                decide(doc, orig, &ohits, det, &mut tmp);
                if matches!(tmp.status, Status::Satisfied | Status::Weak) {
                    res.status = Status::Removed;
                    let who = tmp
                        .evidence
                        .first()
                        .and_then(|e| e.revision.as_ref())
                        .map(|r| {
                            let by = r
                                .author
                                .as_deref()
                                .map(|a| format!(" by {a}"))
                                .unwrap_or_default();
                            let on = r
                                .date
                                .as_deref()
                                .map(|d| format!(" on {d}"))
                                .unwrap_or_default();
                            format!("{by}{on}")
                        })
                        .unwrap_or_default();
                    res.reason = format!("only in deleted or struck-out text{who}: it will not be in the signed contract");
                    res.evidence = tmp.evidence;
                    res.notes = tmp.notes;
                }
            }
        }
        results.push(res);
    }
    results
}

fn decide(
    doc: &Document,
    view: &ViewResult,
    hits: &[&Hit],
    det: &str,
    res: &mut RequirementResult,
) {
    if hits.is_empty() {
        return;
    }
    let unit_ev = |h: &Hit| -> Evidence {
        let u = &view.units[h.unit];
        evidence(doc, h.at.unwrap_or(u.span), Some(u.prov), None)
    };
    let exclusions: Vec<&&Hit> = hits
        .iter()
        .filter(|h| h.status == Status::Excluded)
        .collect();
    let mut positive: Vec<&&Hit> = hits
        .iter()
        .filter(|h| h.status != Status::Excluded)
        .collect();
    positive.sort_by(|a, b| rank(b).cmp(&rank(a)).then(a.unit.cmp(&b.unit)));

    if det == "reporting" {
        // Notify and cooperate may stand in different provisions.
        let best_of = |bit: u8| {
            positive
                .iter()
                .filter(|h| h.part & bit != 0)
                .max_by(|a, b| rank(a).cmp(&rank(b)).then(b.unit.cmp(&a.unit)))
                .copied()
        };
        let n = best_of(1);
        let c = best_of(2);
        if exclusions.is_empty() || positive.iter().any(|h| h.overrides) {
            match (n, c) {
                (Some(n), Some(c)) => {
                    let status = n.status.max(c.status);
                    // max() on Status orders satisfied < weak: the weaker of the two decides.
                    res.status = status;
                    res.reason = if status == Status::Satisfied {
                        "duty to notify the buyer and to cooperate with investigations".into()
                    } else if n.status == Status::Weak {
                        n.reason.clone()
                    } else {
                        c.reason.clone()
                    };
                    // Notice in (a) and cooperation in (b) under one lead-in: the lead-in is
                    // the decisive provision, the items follow.
                    let (pn, pc) = (view.units[n.unit].prov, view.units[c.unit].prov);
                    let parent = doc.provisions.get(pn).and_then(|p| p.parent);
                    // The notice verb in the lead-in ("The Contractor shall inform the
                    // Contracting Officer … of-" then "(i) Any credible information …"): the
                    // lead-in is the notice duty.
                    let nu = &view.units[n.unit];
                    let notice_in_lead =
                        nu.lead.as_deref().is_some_and(|l| cues::NOTIFY.is_match(l))
                            && !cues::NOTIFY.is_match(&nu.text);
                    // A parent that only names the section ("SP-4 TRAFFICKING IN PERSONS")
                    // is no lead-in: the notice duty itself is decisive.
                    let lead_in = parent.and_then(|i| doc.provisions.get(i)).is_some_and(|p| {
                        p.kind != ProvisionKind::Heading
                            && super::parties::MODAL.is_match(doc.slice(p.span))
                    });
                    if (pn != pc
                        && lead_in
                        && parent == doc.provisions.get(pc).and_then(|p| p.parent))
                        || notice_in_lead
                    {
                        if let Some(lead) = parent.and_then(|i| doc.provisions.get(i)) {
                            res.evidence.push(evidence(doc, lead.span, parent, None));
                        }
                    }
                    res.evidence.push(unit_ev(n));
                    if c.unit != n.unit {
                        res.evidence.push(unit_ev(c));
                    }
                    res.notes.extend(n.notes.iter().cloned());
                    for note in &c.notes {
                        if !res.notes.contains(note) {
                            res.notes.push(note.clone());
                        }
                    }
                    add_revision_notes(doc, &view.units, &[n, c], res);
                    return;
                }
                (Some(h), None) | (None, Some(h)) => {
                    res.status = Status::Weak;
                    res.reason = if h.part & 1 != 0 {
                        "duty to notify without a duty to cooperate with investigations".into()
                    } else {
                        "duty to cooperate with investigations without a duty to notify".into()
                    };
                    res.evidence.push(unit_ev(h));
                    res.notes.extend(h.notes.iter().cloned());
                    add_revision_notes(doc, &view.units, &[h], res);
                    return;
                }
                (None, None) => {}
            }
        }
    }

    let best = positive.first().copied().copied();
    let overridden = best.is_some_and(|b| b.overrides && b.status == Status::Satisfied);
    if let Some(ex) = exclusions.first() {
        if !overridden {
            res.status = Status::Excluded;
            res.reason = ex.reason.clone();
            for e in exclusions.iter().take(3) {
                res.evidence.push(unit_ev(e));
                for span in &e.via {
                    res.evidence.push(evidence(doc, *span, None, None));
                }
            }
            if let Some(b) = best {
                res.evidence.push(unit_ev(b));
            }
            dedup_evidence(&mut res.evidence);
            res.notes.extend(ex.notes.iter().cloned());
            return;
        }
        res.notes
            .push("applies notwithstanding an exclusion elsewhere in the document".into());
    }
    let Some(best) = best else { return };
    res.status = best.status;
    res.reason = best.reason.clone();
    if best.via_first {
        for span in &best.via {
            res.evidence.push(evidence(doc, *span, None, None));
        }
        res.evidence.push(unit_ev(best));
    } else {
        res.evidence.push(unit_ev(best));
        for span in &best.via {
            res.evidence.push(evidence(doc, *span, None, None));
        }
    }
    for h in positive.iter().skip(1).take(4) {
        res.evidence.push(unit_ev(h));
    }
    dedup_evidence(&mut res.evidence);
    for n in &best.notes {
        if !res.notes.contains(n) {
            res.notes.push(n.clone());
        }
    }
    add_revision_notes(doc, &view.units, &[best], res);
}

fn dedup_evidence(ev: &mut Vec<Evidence>) {
    let mut seen = std::collections::BTreeSet::new();
    ev.retain(|e| seen.insert((e.start, e.end)));
}

fn add_revision_notes(doc: &Document, units: &[Unit], hits: &[&Hit], res: &mut RequirementResult) {
    for h in hits {
        let Some(u) = units.get(h.unit) else { continue };
        for r in doc.revisions_in(u.span) {
            if matches!(r.kind, RevisionKind::Inserted | RevisionKind::MovedTo) {
                let by = r
                    .author
                    .as_deref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default();
                let on = r
                    .date
                    .as_deref()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default();
                let what = if r.kind == RevisionKind::MovedTo {
                    "moved"
                } else {
                    "inserted"
                };
                let note =
                    format!("relies on text {what} as a tracked change{by}{on}, not yet accepted");
                if !res.notes.contains(&note) {
                    res.notes.push(note);
                }
            }
        }
    }
}
