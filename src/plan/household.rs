//! Who a household plan is for, and each person's share of it (SPEC §1.8, §2
//! rule 6, §3.2 "Households").

use crate::calc::{Scenario, service_worth};
use crate::model::{Catalog, ServiceIx};
use crate::money::Money;

use super::cover::cover;
use super::problem::Budget;
use super::shares::{self, Used};
use super::types::{Member, OfferKind, PersonShare, Plan, PlanError, Unproven};

/// Who a plan is for: the members with their wants, in person order (SPEC §3.2
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

/// Each member's share of the household plan (SPEC §2 rule 6): `pays` by
/// `shares`, `alone` by the plan for that member's wants alone (within
/// `budget`: an alone not proven is named in `plan.unproven`).
pub(super) fn people(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    plan: &mut Plan,
    budget: &Budget,
) -> Result<Vec<PersonShare>, PlanError> {
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
    let members: Vec<Member> = household.members.iter().map(|(m, _)| *m).collect();
    let pays = shares::pays(&purchases, wants.len(), &members);
    let mut alone_by_wants: Vec<(&[ServiceIx], Money)> = Vec::new();
    let mut shares = Vec::with_capacity(members.len());
    for ((member, their_wants), pays) in household.members.iter().zip(pays) {
        let known = alone_by_wants
            .iter()
            .find(|(w, _)| *w == their_wants.as_slice())
            .map(|(_, total)| *total);
        let alone = match known {
            Some(total) => total,
            None if their_wants.is_empty() => Money::ZERO,
            None => {
                let ones = vec![1; their_wants.len()];
                let bought = cover(
                    catalog,
                    scenario,
                    their_wants,
                    &ones,
                    false,
                    &mut Vec::new(),
                    budget,
                )?;
                if !bought.proven {
                    plan.unproven.push(Unproven::Alone(*member));
                }
                alone_by_wants.push((their_wants, bought.total()));
                bought.total()
            }
        };
        shares.push(PersonShare {
            member: *member,
            wants: their_wants.clone(),
            pays,
            alone,
            saves: alone - pays,
        });
    }
    Ok(shares)
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
