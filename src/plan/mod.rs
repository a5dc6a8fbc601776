//! The cheapest purchases that cover every wanted service (SPEC §3.2), for one
//! person or for a household sharing memberships (SPEC §1.8, 拼车), and who pays
//! what (SPEC §2 rule 6).
//!
//! - `offers`: every bundle and every service sold alone, at basis prices after
//!   tiers, each with the sets of wants one purchase covers (a bundle covers its
//!   plain includes plus one member of each `one_of` group, chosen per purchase).
//! - `solve`: the exact search for the least `(price, purchases, sorted ids)`.
//! - `assign`: who uses what from each purchase (`used_by`).
//! - `shares`: each person's payment.
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
mod offers;
mod shares;
mod solve;

use crate::calc::{Scenario, service_worth};
use crate::model::{BundleIx, Catalog, Include, PersonIx, ServiceIx, Status};
use crate::money::Money;

use offers::{Candidate, Mask, candidates, prune};
use shares::Used;
use solve::{Column, Problem, solve};

/// The most distinct wanted services a plan is computed for: sets of wants are
/// 128-bit masks. Far above what a household wants (the benchmarks go to 40);
/// the search's time grows with the wants long before this.
pub const MAX_WANTS: usize = 128;

/// Something that can be bought.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OfferKind {
    Bundle(BundleIx),
    Service(ServiceIx),
}

impl OfferKind {
    /// Whether it is on sale (SPEC §1.4).
    pub fn status(self, catalog: &Catalog) -> Status {
        match self {
            OfferKind::Bundle(b) => catalog.bundles[b].status,
            OfferKind::Service(s) => catalog.services[s].status,
        }
    }

    /// The offer's name as people see it, with its status tag.
    pub fn name(self, catalog: &Catalog) -> String {
        match self {
            OfferKind::Bundle(b) => catalog.bundles[b].tagged_name(),
            OfferKind::Service(s) => catalog.services[s].tagged_name(),
        }
    }
}

/// One purchase in the plan and what it is used for. A household plan may buy an
/// offer more than once: then it has one of these per purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedOffer {
    pub kind: OfferKind,
    pub id: String,
    pub price: Money,
    /// For a service: the label of its cheapest way to buy it, if labelled.
    pub label: Option<String>,
    /// The wanted services this purchase is used for, in wants order (for a
    /// household: in order of first want).
    pub covers: Vec<ServiceIx>,
    /// Who uses each service of `covers` from this purchase, in person order: one
    /// list per entry of `covers`, never longer than the service's `seats`. (In a
    /// one-person plan every list is `[Me]`.)
    pub used_by: Vec<Vec<Member>>,
}

/// The cheapest way to get every wanted service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Every wanted service once, in order of first want (`me` first, then people).
    pub wants: Vec<ServiceIx>,
    /// Sorted by id; a household plan has one entry per purchase.
    pub offers: Vec<PlannedOffer>,
    pub total: Money,
    /// Each person's wants bought one by one, summed over people; `None` when one
    /// of them is not sold alone.
    pub standalone_total: Option<Money>,
    pub savings: Option<Money>,
    /// Plain includes of the chosen bundles that are not wanted, sorted by id.
    pub extras: Vec<ServiceIx>,
    /// Notes on tiers whose fact is not set.
    pub notes: Vec<String>,
    /// The statuses the plan could use: `available`, then what `--include` added.
    pub include: Vec<Status>,
    /// When rumoured offers were not included: the plan that would use them too.
    pub if_rumoured: IfRumoured,
    /// Present exactly when the plan is for a household (someone besides `me`):
    /// each person's share, in person order (SPEC §2 rule 6).
    pub people: Option<Vec<PersonShare>>,
}

/// Someone a plan is for: you, or a person of the file (SPEC §1.8). Ordered as
/// people are everywhere: `me` first, then people in file order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Member {
    Me,
    Person(PersonIx),
}

impl Member {
    /// `me`, or the person's id.
    pub fn id(self, catalog: &Catalog) -> &str {
        match self {
            Member::Me => "me",
            Member::Person(p) => &catalog.people[p].id,
        }
    }

    /// The person's name; `None` for `me`, whom each output names its own way.
    pub fn name(self, catalog: &Catalog) -> Option<&str> {
        match self {
            Member::Me => None,
            Member::Person(p) => Some(&catalog.people[p].name),
        }
    }
}

/// One person's part of a household plan (SPEC §2 rule 6), in the basis period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonShare {
    pub member: Member,
    /// As the file (or `--want`, for `me`) lists them.
    pub wants: Vec<ServiceIx>,
    /// Their parts of the purchases they use; all payments sum to the total.
    pub pays: Money,
    /// The total of the household plan for this person alone (same statuses and
    /// scenario; an offer may be bought twice there too).
    pub alone: Money,
    /// `alone - pays`.
    pub saves: Money,
}

/// What the plan would be if rumoured offers launched (SPEC §3.2 `if_rumoured`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IfRumoured {
    /// Rumoured offers were included already: nothing to compare.
    Included,
    /// They would not make the plan cheaper.
    NoCheaper,
    /// They would.
    Cheaper(Box<RumouredPlan>),
}

/// The cheaper plan rumoured offers would allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RumouredPlan {
    /// Sorted by id.
    pub offers: Vec<OfferKind>,
    pub ids: Vec<String>,
    pub total: Money,
    /// How much less than the plan without them.
    pub saves: Money,
}

/// Why there is no plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// Nobody wants anything.
    NoWants,
    /// More distinct wanted services than `MAX_WANTS`.
    TooManyWants(usize),
    /// Wanted services that no offer covers (for a household, `Household::wanted_by`
    /// names who wants them).
    Uncovered(Vec<ServiceIx>),
    /// Each want is covered by some offer, but not all together: these are only
    /// available as choices in `one_of` groups, one member per group.
    OnlyOneOf(Vec<ServiceIx>),
}

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

/// The cheapest plan for `scenario`'s wants and the catalogue's people, with
/// offers of the statuses it includes, and what rumoured offers would change when
/// they are not included.
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
        plan.people = Some(people(catalog, scenario, &household, &plan)?);
    }
    Ok(plan)
}

/// The purchases found: the offers considered, and each purchase as
/// `(candidate, mask)` in id order.
struct Bought {
    candidates: Vec<Candidate>,
    purchases: Vec<(usize, Mask)>,
}

impl Bought {
    fn total(&self) -> Money {
        self.purchases
            .iter()
            .map(|&(at, _)| self.candidates[at].price)
            .sum()
    }
}

/// The cheapest purchases giving `demand[i]` seats of `wants[i]`; with `once`,
/// each offer at most once.
fn cover(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    demand: &[u32],
    once: bool,
    notes: &mut Vec<String>,
) -> Result<Bought, PlanError> {
    let candidates = prune(candidates(catalog, scenario, wants, notes), wants.len());
    let coverable = candidates
        .iter()
        .flat_map(|c| &c.masks)
        .fold(0, |acc: Mask, m| acc | m);
    let missing: Vec<ServiceIx> = (0..wants.len())
        .filter(|i| coverable & (1 << i) == 0)
        .map(|i| wants[i])
        .collect();
    if !missing.is_empty() {
        return Err(PlanError::Uncovered(missing));
    }
    let columns: Vec<Column> = candidates
        .iter()
        .enumerate()
        .flat_map(|(at, c)| {
            c.masks.iter().map(move |&mask| Column {
                offer: at,
                price: c.price.fen(),
                mask,
            })
        })
        .collect();
    let seats = seats_of(catalog, wants);
    let problem = Problem {
        columns: &columns,
        demand,
        seats: &seats,
        once,
    };
    let Some(picks) = solve(&problem) else {
        // Only a one-person plan can fail here: each want is covered by some
        // offer, but some only as choices in groups, one member per group.
        let plain = candidates
            .iter()
            .filter(|c| c.masks.len() == 1)
            .fold(0, |acc: Mask, c| acc | c.masks[0]);
        let in_groups_only = (0..wants.len())
            .filter(|i| plain & (1 << i) == 0)
            .map(|i| wants[i])
            .collect();
        return Err(PlanError::OnlyOneOf(in_groups_only));
    };
    let purchases = picks
        .iter()
        .map(|&at| (columns[at].offer, columns[at].mask))
        .collect();
    Ok(Bought {
        candidates,
        purchases,
    })
}

/// Per want, how many people one purchase serves.
fn seats_of(catalog: &Catalog, wants: &[ServiceIx]) -> Vec<u32> {
    wants
        .iter()
        .map(|w| catalog.services[*w].seats.max(1))
        .collect()
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
    }
}

/// Each member's share of the household plan (SPEC §2 rule 6): `pays` by
/// `shares`, `alone` by the plan for that member's wants alone.
fn people(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    plan: &Plan,
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
                let total = cover(
                    catalog,
                    scenario,
                    their_wants,
                    &ones,
                    false,
                    &mut Vec::new(),
                )?
                .total();
                alone_by_wants.push((their_wants, total));
                total
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
