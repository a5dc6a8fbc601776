//! The cheapest purchases that cover every wanted service (SPEC §3.2), for one
//! person or for a household sharing memberships (SPEC §1.8, 拼车), and who pays
//! what (SPEC §2 rule 6).
//!
//! - `types`: the plan and its parts, as callers see them.
//! - `offers`: every bundle and every service sold alone, at basis prices after
//!   tiers, each with the sets of wants one purchase covers (a bundle covers its
//!   plain includes plus one member of each `one_of` group, chosen per purchase).
//! - `solve`: the exact search for the least `(price, purchases, sorted ids)`.
//! - `cover`: the offers of a scenario handed to the search, for a demand of seats.
//! - `assign`: who uses what from each purchase (`used_by`).
//! - `household`: who the plan is for, and each person's share (`people`) by
//!   the household's rule.
//! - `costs`: `c(S)`, the plan's total for only a group of its people.
//! - `fair`: fair shares, the Shapley value over those totals.
//! - `shares`: each person's exact share by the other rules, and the rounding of
//!   every rule's shares, once per person.
//!
//! One person's plan is a *set* of offers. A household's may buy an offer more
//! than once: a purchase gives `seats` people each service it covers, and every
//! person needs one seat of every service they want.
//!
//! # Why an own exact search, not a MILP solver crate
//!
//! The problem is a small set multicover: at most a few dozen wanted services
//! (rows), up to tens of thousands of offers (columns). A solver crate (good_lp
//! with the pure-Rust microlp backend; HiGHS needs cmake and a C++ compiler on
//! every machine that builds) works in `f64` with gap and integrality
//! tolerances. It would have to be run with costs in integer fen and a zero gap,
//! its answer re-checked with `Money`, and the tie rules (fewer purchases, then
//! the smallest sorted id list, repeats included) applied by a further exact
//! search over its optimum: an exact search is needed anyway. So `solve` is a
//! branch and bound of its own, entirely in integers: branching on the want with
//! the fewest offers left, bounded by a feasible dual of the linear relaxation
//! computed in scaled integers (weak duality makes it a true lower bound, with no
//! tolerance to trust), and comparing complete plans by the full tie key. It
//! needs no new dependency, and it is property-tested against brute force for
//! one person and for households.
//!
//! Before the search, offers that can never be in the answer are dropped: those
//! covering no want, and those whose every mask fits inside the mask of a cheaper
//! single-mask offer (or of an equally priced one with a smaller id, which also
//! wins the tie rules).

mod assign;
mod costs;
mod cover;
mod fair;
mod household;
mod offers;
mod shares;
mod solve;
mod types;

use crate::calc::{Scenario, service_worth};
use crate::model::{Catalog, Include, ServiceIx};
use crate::money::Money;

use cover::{Bought, cover, seats_of};
pub use household::Household;
use offers::Mask;
pub use types::{
    IfRumoured, Member, OfferKind, PersonShare, Plan, PlanError, PlannedOffer, RumouredPlan,
    Sharing,
};

/// The most distinct wanted services a plan is computed for: sets of wants are
/// 128-bit masks. Far above what a household wants (the benchmarks go to 40);
/// the search's time grows with the wants long before this.
pub const MAX_WANTS: usize = 128;

/// The cheapest plan (SPEC §3.2) for `scenario`'s wants (`me`) and every person
/// of `catalog.people` (`--people` filters them before), with offers of the
/// statuses the scenario includes, and what rumoured offers would change when
/// they are not included.
///
/// Without people it is one person's plan: a set of offers, each covering wants
/// in wants order, `people: None`. With someone besides `me` it is the
/// household's: one `PlannedOffer` per purchase with its `used_by`, and `people`
/// with each person's `pays`, `alone` and `saves` (SPEC §2 rule 6), in the basis
/// period, in whole fen.
pub fn plan(catalog: &Catalog, scenario: &Scenario) -> Result<Plan, PlanError> {
    let mut found = cheapest(catalog, scenario, true)?;
    if !scenario.include.rumoured {
        let mut with_rumours = scenario.clone();
        with_rumours.include.rumoured = true;
        found.if_rumoured = match cheapest(catalog, &with_rumours, false) {
            Ok(other) if other.total < found.total => IfRumoured::Cheaper(Box::new(RumouredPlan {
                offers: other.offers.iter().map(|o| o.kind).collect(),
                ids: other.offers.iter().map(|o| o.id.clone()).collect(),
                total: other.total,
                saves: found.total - other.total,
            })),
            _ => IfRumoured::NoCheaper,
        };
    }
    Ok(found)
}

/// The cheapest purchases alone: no shares, nothing on rumours. What a what-if
/// entry needs (its plan's offers and total).
pub fn purchases(catalog: &Catalog, scenario: &Scenario) -> Result<Plan, PlanError> {
    cheapest(catalog, scenario, false)
}

/// The cheapest plan, without looking at rumours; each person's share too when
/// `shares` is set and the plan is a household's.
fn cheapest(catalog: &Catalog, scenario: &Scenario, shares: bool) -> Result<Plan, PlanError> {
    let household = Household::of(catalog, scenario);
    let wants = household.wants();
    if wants.is_empty() {
        return Err(PlanError::NoWants);
    }
    if wants.len() > MAX_WANTS {
        return Err(PlanError::TooManyWants(wants.len()));
    }
    let demand: Vec<u32> = wants
        .iter()
        .map(|w| household.wanted_by(*w).len() as u32)
        .collect();
    let mut notes = Vec::new();
    let shared = household.is_shared();
    let bought = cover(catalog, scenario, &wants, &demand, !shared, &mut notes)?;
    let mut plan = describe(catalog, scenario, &household, &wants, &bought, notes);
    if shared && shares {
        let (people, sharing) = household::people(catalog, scenario, &household, &plan)?;
        plan.people = Some(people);
        plan.split = Some(sharing);
    }
    Ok(plan)
}

/// The plan as users see it: purchases by id with who uses what, totals, extras.
fn describe(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    wants: &[ServiceIx],
    bought: &Bought,
    notes: Vec<String>,
) -> Plan {
    let wanted_by: Vec<Vec<Member>> = wants.iter().map(|w| household.wanted_by(*w)).collect();
    let masks: Vec<Mask> = bought.purchases.iter().map(|p| p.1).collect();
    let used = assign::assign(&masks, &wanted_by, &seats_of(catalog, wants));
    let offers: Vec<PlannedOffer> = bought
        .purchases
        .iter()
        .zip(used)
        .map(|(&(at, _), used)| {
            let offer = &bought.candidates[at];
            PlannedOffer {
                kind: offer.kind,
                id: offer.id.clone(),
                price: offer.price,
                label: offer.label.clone(),
                covers: used.iter().map(|(w, _)| wants[*w]).collect(),
                used_by: used.into_iter().map(|(_, people)| people).collect(),
            }
        })
        .collect();
    let total = bought.total();
    let worth = |service: ServiceIx| {
        let service = &catalog.services[service];
        service
            .sold_alone
            .then(|| service_worth(service, scenario, &mut Vec::new()).price)
    };
    let standalone_total: Option<Money> = household
        .members
        .iter()
        .flat_map(|(_, wants)| wants)
        .map(|&w| worth(w))
        .sum();
    let mut extras: Vec<ServiceIx> = offers
        .iter()
        .filter_map(|o| match o.kind {
            OfferKind::Bundle(b) => Some(&catalog.bundles[b]),
            OfferKind::Service(_) => None,
        })
        .flat_map(|bundle| bundle.includes.iter())
        .filter_map(|include| match include {
            Include::Service(s) if !wants.contains(s) => Some(*s),
            _ => None,
        })
        .collect();
    extras.sort_by(|a, b| catalog.services[*a].id.cmp(&catalog.services[*b].id));
    extras.dedup();
    Plan {
        wants: wants.to_vec(),
        offers,
        total,
        savings: standalone_total.map(|s| s - total),
        standalone_total,
        extras,
        notes,
        include: scenario.include.statuses(),
        if_rumoured: IfRumoured::Included,
        people: None,
        split: None,
    }
}
