//! The cheapest purchases that cover every wanted service (docs/reference/plan.md), for one
//! person or for a household sharing memberships (docs/reference/file-format.md, "People who share", 拼车), and who pays
//! what (docs/reference/arithmetic.md, "Rule 6: Household shares").
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
//! - `side_by_side`: the searches of those groups run at once, one per core,
//!   each with a share of the time left.
//!
//! One person's plan is a *set* of offers. A household's may buy an offer more
//! than once: a purchase gives `seats` people each service it covers, and every
//! person needs one seat of every service they want.
//!
//! - `problem`: the one interface of every search: a covering problem in
//!   integers (rows with demands, priced columns, limits), its answer with its
//!   proof, and the budget of time the searches share.
//! - `solve` (with `lp`, the linear relaxation): the exact solver behind it.
//!
//! # The search
//!
//! Every plan, what-if entry and person's alone is one `Problem`, answered by
//! `solve::solve`: branch and bound over the linear relaxation, its bounds
//! proven in integers from the relaxation's duals (floating point only steers),
//! with the tie rules folded into the cost (fen × K + 1 per purchase) and the
//! order of ids searched out last, among the plans of the least cost. Every
//! answer is checked in integer fen (`Problem::verify`). To put another solver
//! behind the planner, replace `solve.rs`: it is the only file that knows how
//! the search is made.
//!
//! Before the search, offers that can never be in the answer are dropped: those
//! covering no want, and those whose every mask fits inside the mask of a cheaper
//! single-mask offer (or of an equally priced one with a smaller id, which also
//! wins the tie rules).

mod assign;
pub mod calendar;
mod costs;
mod cover;
mod cuts;
mod fair;
pub mod household;
mod lp;
mod offers;
pub mod problem;
mod shares;
mod side_by_side;
pub mod solve;
pub mod types;

use crate::calc::prices::service_worth;
use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::{Include, Status};
use crate::model::people::Member;
use crate::money::Money;
use crate::note::Note;
use crate::scenario::Scenario;

use cover::{Bought, cover, seats_of};
use household::Household;
use offers::Mask;
use problem::Budget;
use types::{IfRumoured, OfferKind, Plan, PlanError, PlannedOffer, RumouredPlan, Unproven};

/// The cheapest plan (docs/reference/plan.md) for `scenario`'s wants (`me`) and every person
/// of `catalog.people` (`--people` filters them before), with offers of the
/// statuses the scenario includes, and what rumoured offers would change when
/// they are not included.
///
/// Without people it is one person's plan: a set of offers, each covering wants
/// in wants order, `people: None`. With someone besides `me` it is the
/// household's: one `PlannedOffer` per purchase with its `used_by`, and `people`
/// with each person's `pays`, `alone` and `saves` (docs/reference/arithmetic.md, "Rule 6: Household shares"), in the basis
/// period, in whole fen. The searches run within the default time limit.
pub fn plan(catalog: &Catalog, scenario: &Scenario) -> Result<Plan, PlanError> {
    plan_within(catalog, scenario, &Budget::default())
}

/// [`plan`] within `budget`, shared by its searches in the order the answer
/// needs them: the plan, each person's alone, then the plan with rumours. A
/// search past the budget answers with the best purchases it found, and the
/// plan says what is not proven (`proven`, `unproven`, `bound`).
pub fn plan_within(
    catalog: &Catalog,
    scenario: &Scenario,
    budget: &Budget,
) -> Result<Plan, PlanError> {
    let mut found = cheapest(catalog, scenario, true, budget)?;
    if !scenario.include.rumoured {
        let mut with_rumours = scenario.clone();
        with_rumours.include.rumoured = true;
        found.if_rumoured = match cheapest(catalog, &with_rumours, false, budget) {
            Ok(other) if !other.proven => {
                found.unproven.push(Unproven::IfRumoured);
                if other.total < found.total {
                    rumoured(catalog, &found, &other)
                } else {
                    IfRumoured::NoCheaper
                }
            }
            Ok(other) if other.total < found.total => rumoured(catalog, &found, &other),
            _ => IfRumoured::NoCheaper,
        };
    }
    found.proven = found.unproven.is_empty();
    Ok(found)
}

/// The cheapest purchases alone, within `budget`: no shares, nothing on
/// rumours. What a what-if entry needs (its plan's offers and total, whether
/// proven).
pub fn purchases_within(
    catalog: &Catalog,
    scenario: &Scenario,
    budget: &Budget,
) -> Result<Plan, PlanError> {
    cheapest(catalog, scenario, false, budget)
}

/// The rumoured plan `other`, cheaper than `found`.
fn rumoured(catalog: &Catalog, found: &Plan, other: &Plan) -> IfRumoured {
    // A rumoured service is gated only as a group's member (a plain include
    // comes with its bundle), and is named once, unless bought as an offer.
    let bought_alone: Vec<ServiceIx> = other
        .offers
        .iter()
        .filter_map(|o| match o.kind {
            OfferKind::Service(s) => Some(s),
            OfferKind::Bundle(_) => None,
        })
        .collect();
    let mut rumoured_members: Vec<ServiceIx> = Vec::new();
    for offer in &other.offers {
        let OfferKind::Bundle(b) = offer.kind else {
            continue;
        };
        let bundle = &catalog.bundles[b];
        if bundle.status == Status::Rumoured {
            continue;
        }
        for &service in &offer.covers {
            let gated = catalog.services[service].status == Status::Rumoured
                && bundle.group_of(service).is_some();
            if gated && !bought_alone.contains(&service) && !rumoured_members.contains(&service) {
                rumoured_members.push(service);
            }
        }
    }
    IfRumoured::Cheaper(Box::new(RumouredPlan {
        offers: other.offers.iter().map(|o| o.kind).collect(),
        ids: other.offers.iter().map(|o| o.id.clone()).collect(),
        rumoured_members,
        total: other.total,
        saves: found.total - other.total,
    }))
}

/// The covering problem that [`plan`] solves first for `scenario` (the plan
/// itself, before alone and rumours), with costs in fen × K + 1 per purchase:
/// for measuring the solver against another on the same instance.
///
/// Errors: [`PlanError::NoWants`] when nobody wants anything.
pub fn covering_problem(
    catalog: &Catalog,
    scenario: &Scenario,
) -> Result<problem::Problem, PlanError> {
    let household = Household::of(catalog, scenario);
    let (wants, demand) = demand_of(&household)?;
    let once = !household.is_shared();
    Ok(cover::covering_problem(
        catalog, scenario, &wants, &demand, once,
    ))
}

/// Every wanted service once, in order of first want, with the seats it needs:
/// one per person who wants it.
fn demand_of(household: &Household) -> Result<(Vec<ServiceIx>, Vec<u32>), PlanError> {
    let wants = household.wants();
    if wants.is_empty() {
        return Err(PlanError::NoWants);
    }
    let demand = wants
        .iter()
        .map(|w| household.wanted_by(*w).len() as u32)
        .collect();
    Ok((wants, demand))
}

/// The cheapest plan, without looking at rumours; each person's share too when
/// `shares` is set and the plan is a household's.
fn cheapest(
    catalog: &Catalog,
    scenario: &Scenario,
    shares: bool,
    budget: &Budget,
) -> Result<Plan, PlanError> {
    let household = Household::of(catalog, scenario);
    let (wants, demand) = demand_of(&household)?;
    let mut notes = Vec::new();
    let shared = household.is_shared();
    let bought = cover(
        catalog, scenario, &wants, &demand, !shared, &mut notes, budget,
    )
    .map_err(|error| naming_who(error, &household))?;
    let mut plan = describe(catalog, scenario, &household, &wants, &bought, notes);
    if !bought.proven {
        plan.unproven.push(Unproven::Plan);
    }
    if shared && shares {
        let (people, sharing) =
            household::people(catalog, scenario, &household, &mut plan, budget)?;
        plan.people = Some(people);
        plan.split = Some(sharing);
    }
    plan.proven = plan.unproven.is_empty();
    Ok(plan)
}

/// `error` with who wants each unmet service, for a household's plan.
fn naming_who(mut error: PlanError, household: &Household) -> PlanError {
    if let PlanError::Uncovered(unmet) | PlanError::OnlyOneOf(unmet) = &mut error
        && household.is_shared()
    {
        for entry in unmet {
            entry.wanted_by = Some(household.wanted_by(entry.service));
        }
    }
    error
}

/// The plan as users see it: purchases by id with who uses what, totals, extras.
fn describe(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    wants: &[ServiceIx],
    bought: &Bought,
    notes: Vec<Note>,
) -> Plan {
    let wanted_by: Vec<Vec<Member>> = wants.iter().map(|w| household.wanted_by(*w)).collect();
    let masks: Vec<Mask> = bought.purchases.iter().map(|p| p.1.clone()).collect();
    let used = assign::assign(&masks, &wanted_by, &seats_of(catalog, wants));
    let offers: Vec<PlannedOffer> = bought
        .purchases
        .iter()
        .zip(used)
        .map(|((at, _), used)| {
            let offer = &bought.candidates[*at];
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
        proven: bought.proven,
        bound: if bought.proven {
            total
        } else {
            bought.bound.min(total)
        },
        unproven: Vec::new(),
    }
}
