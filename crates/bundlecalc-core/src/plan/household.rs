//! Who a household plan is for, and each person's share of it (docs/reference/file-format.md, "People who share", docs/reference/arithmetic.md
//! rule 6, docs/reference/plan.md "Households").

use num_bigint::BigInt;
use rust_decimal::Decimal;

use crate::calc::prices::service_worth;
use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::money::Money;
use crate::scenario::Scenario;
use crate::split::Split;

use super::costs::{Group, GroupCosts, groups_needed};
use super::fair;
use super::problem::Budget;
use super::shares::{self, Exact, Used};
use super::types::{OfferKind, PersonShare, Plan, PlanError, Sharing, Unproven};
use crate::model::people::Member;

/// Who a plan is for: the members with their wants, in person order (docs/reference/plan.md
/// "Households"): `me` when wants are set, then every person of the catalogue
/// (which `--people` has filtered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Household {
    pub members: Vec<(Member, Vec<ServiceIx>)>,
}

impl Household {
    /// The household of `catalog` in `scenario`.
    pub fn of(catalog: &Catalog, scenario: &Scenario) -> Household {
        let mine = scenario.wants.clone().unwrap_or_default();
        let mut members = Vec::with_capacity(catalog.people.len() + 1);
        if !mine.is_empty() {
            members.push((Member::Me, mine));
        }
        for (at, person) in catalog.people.iter().enumerate() {
            let mut wants: Vec<ServiceIx> = Vec::with_capacity(person.wants.len());
            for want in &person.wants {
                if !wants.contains(want) {
                    wants.push(*want);
                }
            }
            members.push((Member::Person(at), wants));
        }
        Household { members }
    }

    /// Whether someone besides `me` is in it: then the plan is a household's.
    pub fn is_shared(&self) -> bool {
        self.members.iter().any(|(m, _)| *m != Member::Me)
    }

    /// Every wanted service once, in order of first want.
    pub fn wants(&self) -> Vec<ServiceIx> {
        let mut wants = Vec::new();
        for want in self.members.iter().flat_map(|(_, w)| w) {
            if !wants.contains(want) {
                wants.push(*want);
            }
        }
        wants
    }

    /// The members who want `service`, in person order.
    pub fn wanted_by(&self, service: ServiceIx) -> Vec<Member> {
        self.members
            .iter()
            .filter(|(_, wants)| wants.contains(&service))
            .map(|(member, _)| *member)
            .collect()
    }
}

/// Each member's share of the household plan (docs/reference/arithmetic.md, "Rule 6: Household shares") by the scenario's
/// rule (equal savings instead of fair shares past `Split::FAIR_MOST` people):
/// `alone` is the plan for that member alone, `pays` their exact share rounded
/// once, and how the total was shared. The searches run within `budget`; those
/// not proven are named in `plan.unproven`.
pub(super) fn people(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    plan: &mut Plan,
    budget: &Budget,
) -> Result<(Vec<PersonShare>, Sharing), PlanError> {
    let members: Vec<Member> = household.members.iter().map(|(m, _)| *m).collect();
    let mut costs = GroupCosts::new(catalog, scenario, &household.members, budget);
    let fair_too_many = scenario.split == Split::Fair && members.len() > Split::FAIR_MOST;
    let rule = if fair_too_many {
        Split::EqualSavings
    } else {
        scenario.split.clone()
    };
    costs.search_all(&groups_needed(members.len(), rule == Split::Fair))?;
    let alone = (0..members.len())
        .map(|at| costs.alone(at))
        .collect::<Result<Vec<Money>, PlanError>>()?;
    let exact = match &rule {
        Split::Fair => {
            let everyone: Group = (1 << members.len()) - 1;
            costs.know(everyone, plan.total);
            let (numerators, denominator) = fair::shapley(members.len(), |g| costs.of(g))?;
            Exact::over(
                numerators.into_iter().map(BigInt::from).collect(),
                BigInt::from(denominator),
            )
        }
        Split::EqualSavings => {
            let weights: Vec<BigInt> = alone.iter().map(|a| BigInt::from(a.fen())).collect();
            shares::proportional(plan.total, &weights)
        }
        Split::ByUse => by_use(catalog, scenario, plan, &members),
        Split::Weights(agreed) => {
            let weights = weights_of(catalog, agreed, &members);
            shares::proportional(plan.total, &weights)
        }
    };
    let pays = shares::round_once(plan.total, &exact);
    for at in costs.alone_unproven() {
        plan.unproven.push(Unproven::Alone(members[at]));
    }
    if costs.groups_unproven() {
        plan.unproven.push(Unproven::Shares);
    }
    Ok((
        share_rows(household, pays, alone),
        Sharing {
            rule,
            fair_too_many,
        },
    ))
}

/// Each member's row of the shares, in person order: their wants, what they
/// pay, their alone and what they save. `pays` and `alone` are in person order.
pub(super) fn share_rows(
    household: &Household,
    pays: Vec<Money>,
    alone: Vec<Money>,
) -> Vec<PersonShare> {
    household
        .members
        .iter()
        .zip(pays)
        .zip(alone)
        .map(|(((member, wants), pays), alone)| PersonShare {
            member: *member,
            wants: wants.clone(),
            pays,
            alone,
            saves: alone - pays,
        })
        .collect()
}

/// By use (rule 6): each purchase split over the services used from it, each
/// service's parts among its users.
fn by_use(catalog: &Catalog, scenario: &Scenario, plan: &Plan, members: &[Member]) -> Exact {
    let wants = &plan.wants;
    let basis_price: Vec<Money> = wants
        .iter()
        .map(|&w| service_worth(&catalog.services[w], scenario, &mut Vec::new()).price)
        .collect();
    let want_at = |service: ServiceIx| wants.iter().position(|w| *w == service).unwrap_or(0);
    let purchases: Vec<Used<'_>> = plan
        .offers
        .iter()
        .map(|offer| {
            let mut services: Vec<(usize, Money, &[Member])> = offer
                .covers
                .iter()
                .zip(&offer.used_by)
                .map(|(s, people)| (want_at(*s), basis_price[want_at(*s)], people.as_slice()))
                .collect();
            // In the order the offer lists them: ties of the split go to the first.
            services.sort_by_key(|(w, ..)| listed_at(catalog, offer.kind, wants[*w]));
            Used {
                price: offer.price,
                services,
            }
        })
        .collect();
    shares::by_use(&purchases, wants.len(), members)
}

/// Each member's agreed weight as a whole number: every weight on the scale of the
/// most precise one. A member the weights do not name has 0.
pub(super) fn weights_of(
    catalog: &Catalog,
    agreed: &[(String, Decimal)],
    members: &[Member],
) -> Vec<BigInt> {
    let scale = agreed.iter().map(|(_, w)| w.scale()).max().unwrap_or(0);
    members
        .iter()
        .map(|member| {
            let id = member.id(catalog);
            agreed
                .iter()
                .filter(|(named, _)| named == id)
                .map(|(_, w)| BigInt::from(w.mantissa()) * BigInt::from(10).pow(scale - w.scale()))
                .sum()
        })
        .collect()
}

/// Where an offer lists a service: its position among a bundle's includes (a
/// group's member at the group's), 0 for a service offer.
fn listed_at(catalog: &Catalog, kind: OfferKind, service: ServiceIx) -> usize {
    match kind {
        OfferKind::Bundle(b) => catalog.bundles[b]
            .includes
            .iter()
            .position(|include| include.members().contains(&service))
            .unwrap_or(usize::MAX),
        OfferKind::Service(_) => 0,
    }
}
