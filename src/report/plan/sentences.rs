//! What a plan says besides its offers, in sentences (docs/reference/plan.md, "What the answer says"):
//! whether it is proven the cheapest, what each unproven search leaves open,
//! what rumoured offers would change, who uses what from a purchase, and its
//! notes. The table, Markdown, JSON's notes and the screen's windows word them
//! here.

use crate::report::money::money_text;
use crate::report::purchase::{names_counted, purchase_name, way_label};
use crate::report::shares::{member_name, share_notes};
use crate::report::what_if::changes_text;
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::model::offer::Status;
use bundlecalc_core::model::people::Member;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::types::{IfRumoured, Plan, RumouredPlan, Unproven};
use bundlecalc_core::what_if::entries::WhatIf;

/// Whether every search of the report was proven: the plan's (with its people
/// and rumours) and each what-if's.
pub(super) fn all_proven(plan: &Plan, what_ifs: Option<&[WhatIf]>) -> bool {
    plan.proven
        && what_ifs
            .unwrap_or_default()
            .iter()
            .all(|entry| entry.plan.is_proven())
}

/// "Not proven the cheapest: no plan costs less than ¥BOUND.", when a search of
/// the answer ran out of time.
pub fn not_proven_sentence(
    plan: &Plan,
    what_ifs: Option<&[WhatIf]>,
    symbol: &str,
) -> Option<String> {
    (!all_proven(plan, what_ifs)).then(|| unproven_total_sentence(plan.total, plan.bound, symbol))
}

/// What is not proven of an answer of `total` whose proven lower bound is
/// `bound`: "Not proven the cheapest: no plan costs less than ¥BOUND." as
/// docs/reference/plan.md words it, and, when the bound reaches the total, that
/// the total itself is the least and only the rest (the tie rules, each
/// person's alone, the shares: the notes say which) is open.
pub fn unproven_total_sentence(total: Money, bound: Money, symbol: &str) -> String {
    let sentence = tr!("plan.not_proven", bound = money_text(symbol, bound));
    if bound >= total {
        format!("{sentence} {}", tr!("plan.least_total_proven"))
    } else {
        sentence
    }
}

/// A sentence for each search that the time limit stopped before its proof, in
/// the language in use.
pub fn unproven_notes(catalog: &Catalog, plan: &Plan, what_ifs: Option<&[WhatIf]>) -> Vec<String> {
    let mut notes: Vec<String> = plan
        .unproven
        .iter()
        .map(|part| match part {
            Unproven::Plan => tr!("plan.unproven.plan"),
            Unproven::Alone(member) => {
                tr!(
                    "plan.unproven.alone",
                    person = member_name(catalog, *member)
                )
            }
            Unproven::IfRumoured => tr!("plan.unproven.if_rumoured"),
            Unproven::Shares => tr!("plan.unproven.shares"),
        })
        .collect();
    for entry in what_ifs.unwrap_or_default() {
        if !entry.plan.is_proven() {
            let changes = changes_text(catalog, &entry.changes);
            notes.push(tr!("plan.unproven.what_if", changes = changes));
        }
    }
    notes
}

/// The plan's notes, then those on its shares.
pub(super) fn all_notes(catalog: &Catalog, plan: &Plan, symbol: &str) -> Vec<String> {
    let mut notes = crate::words::notes(catalog, &plan.notes);
    notes.extend(share_notes(
        catalog,
        plan.split.as_ref(),
        plan.people.as_deref(),
        symbol,
    ));
    notes
}

/// The plan's answer to "what if the rumours come true?", in a sentence: "If
/// 88VIP + QQ Music (rumoured) launches: ¥224.00, ¥100.00 less". `None` when
/// rumoured offers were part of the plan already, and when the file marks no
/// offer rumoured (there is nothing to say about them then).
pub fn if_rumoured_sentence(catalog: &Catalog, plan: &Plan, symbol: &str) -> Option<String> {
    match &plan.if_rumoured {
        IfRumoured::Included => None,
        IfRumoured::NoCheaper if !catalog.has_rumoured() => None,
        IfRumoured::NoCheaper => Some(tr!("plan.rumours_no_cheaper")),
        IfRumoured::Cheaper(other) => Some(rumoured_plan_sentence(catalog, other, symbol)),
    }
}

fn rumoured_plan_sentence(catalog: &Catalog, other: &RumouredPlan, symbol: &str) -> String {
    let mut rumoured: Vec<String> = other
        .offers
        .iter()
        .filter(|kind| kind.status(catalog) == Status::Rumoured)
        .map(|&kind| purchase_name(catalog, kind, way_label(catalog, kind)))
        .collect();
    // A household may buy one offer twice: it is named once, with its count.
    rumoured = names_counted(rumoured);
    // A rumoured service chosen from a group of an offer on sale launches too.
    rumoured.extend(
        other
            .rumoured_members
            .iter()
            .map(|&s| crate::words::service_name(&catalog.services[s])),
    );
    let key = if rumoured.len() == 1 {
        "plan.if_rumoured_one"
    } else {
        "plan.if_rumoured_many"
    };
    tr!(
        key,
        offers = rumoured.join(&tr!("plan.and")),
        total = money_text(symbol, other.total),
        saves = money_text(symbol, other.saves)
    )
}

/// "Tencent Video: me, Mum; QQ Music: me": who uses what from one purchase.
pub(super) fn used_by_text(
    catalog: &Catalog,
    covers: &[ServiceIx],
    used_by: &[Vec<Member>],
    names: bool,
) -> String {
    covers
        .iter()
        .zip(used_by)
        .map(|(service, people)| {
            let who: Vec<String> = people
                .iter()
                .map(|m| {
                    if names {
                        member_name(catalog, *m)
                    } else {
                        m.id(catalog).to_string()
                    }
                })
                .collect();
            let service = &catalog.services[*service];
            let service = if names { &service.name } else { &service.id };
            tr!(
                "plan.used_by",
                service = service,
                people = crate::words::listed(who)
            )
        })
        .collect::<Vec<_>>()
        .join(&tr!("plan.used_by_between"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_that_reaches_the_total_says_the_total_is_the_least() {
        let (total, below) = (Money::from_fen(574_200), Money::from_fen(574_100));
        assert_eq!(
            unproven_total_sentence(total, below, "¥"),
            "Not proven the cheapest: no plan costs less than ¥5741.00."
        );
        assert_eq!(
            unproven_total_sentence(total, total, "¥"),
            "Not proven the cheapest: no plan costs less than ¥5742.00. The total \
             itself is the least: the notes say what is not proven."
        );
    }
}
