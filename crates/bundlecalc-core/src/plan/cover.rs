//! The cheapest purchases for a demand of seats: the offers, pruned, put to the
//! solver as a covering problem (docs/reference/plan.md, "How the plan is found").

use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::Status;
use crate::money::Money;
use crate::note::Note;
use crate::scenario::Scenario;

use super::offers::{Candidate, Mask, candidates, prune};
use super::problem::{Budget, Column, Limit, Problem, Unsolved};
use super::solve::solve;
use super::types::{PlanError, Unbuyable, Unmet};

/// The purchases found: the offers considered, and each purchase as
/// `(candidate, mask)` in id order; whether they are proven the cheapest by the
/// tie rules, and the proven lower bound on the total.
pub(super) struct Bought {
    pub candidates: Vec<Candidate>,
    pub purchases: Vec<(usize, Mask)>,
    pub proven: bool,
    pub bound: Money,
}

impl Bought {
    pub fn total(&self) -> Money {
        self.purchases
            .iter()
            .map(|&(at, _)| self.candidates[at].price)
            .sum()
    }
}

/// The cheapest purchases giving `demand[i]` seats of `wants[i]`; with `once`,
/// each offer at most once. The tie rules of the plan are folded into the
/// solver's cost: fen × K + 1 per purchase, K above any purchase count a best
/// plan can have (one per seat), so the least cost is the least price, then the
/// fewest purchases; ranks are the offers' places in id order.
pub(super) fn cover(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    demand: &[u32],
    once: bool,
    notes: &mut Vec<Note>,
    budget: &Budget,
) -> Result<Bought, PlanError> {
    let candidates = prune(candidates(catalog, scenario, wants, notes), wants.len());
    let coverable = candidates
        .iter()
        .flat_map(|c| &c.masks)
        .fold(Mask::default(), |acc, m| acc.union(m));
    let missing: Vec<ServiceIx> = (0..wants.len())
        .filter(|i| !coverable.contains(*i))
        .map(|i| wants[i])
        .collect();
    if !missing.is_empty() {
        let unmet = missing
            .into_iter()
            .map(|service| Unmet {
                service,
                why: why_unbuyable(catalog, scenario, service),
                wanted_by: None,
            })
            .collect();
        return Err(PlanError::Uncovered(unmet));
    }
    let seats = seats_of(catalog, wants);
    let Folded {
        problem,
        purchase_of,
        per_fen,
    } = fold(&candidates, demand, &seats, once);
    let solution = match solve(&problem, budget, None) {
        Ok(solution) => solution,
        Err(Unsolved::Infeasible) => {
            // Only a one-person plan can fail here: each want is covered by
            // some offer, but some only as choices in groups, one member per
            // group.
            let plain = candidates
                .iter()
                .filter(|c| c.masks.len() == 1)
                .fold(Mask::default(), |acc, c| acc.union(&c.masks[0]));
            let in_groups_only = (0..wants.len())
                .filter(|i| !plain.contains(*i))
                .map(|i| Unmet {
                    service: wants[i],
                    why: Unbuyable::OnlyInGroups,
                    wanted_by: None,
                })
                .collect();
            return Err(PlanError::OnlyOneOf(in_groups_only));
        }
    };
    let purchases = solution
        .picks
        .iter()
        .map(|&at| purchase_of[at].clone())
        .collect();
    Ok(Bought {
        candidates,
        purchases,
        proven: solution.proven,
        bound: Money::from_fen(solution.bound.max(0) / per_fen),
    })
}

/// A plan's covering problem, with the tie rules folded into its costs.
struct Folded {
    problem: Problem,
    /// Per column: the candidate and the mask it buys.
    purchase_of: Vec<(usize, Mask)>,
    /// K: a fen costs this much, a purchase 1.
    per_fen: i128,
}

/// The covering problem of `candidates` for `demand` seats of each want: a
/// column per candidate and mask, in id then mask order, ranked by id; with
/// `once`, at most one purchase of each offer.
fn fold(candidates: &[Candidate], demand: &[u32], seats: &[u32], once: bool) -> Folded {
    let per_fen = i128::from(demand.iter().sum::<u32>()) + 1;
    let mut problem = Problem {
        demand: demand.to_vec(),
        ..Problem::default()
    };
    let mut purchase_of: Vec<(usize, Mask)> = Vec::new();
    for (at, candidate) in candidates.iter().enumerate() {
        let first = problem.columns.len();
        for mask in &candidate.masks {
            problem.columns.push(Column {
                cost: candidate.price.fen() * per_fen + 1,
                rank: at as u32,
                rows: mask.bits().map(|w| (w, seats[w])).collect(),
                max_copies: if once { 1 } else { u32::MAX },
            });
            purchase_of.push((at, mask.clone()));
        }
        if once && candidate.masks.len() > 1 {
            problem.limits.push(Limit {
                columns: (first..problem.columns.len()).collect(),
                at_most: 1,
            });
        }
    }
    Folded {
        problem,
        purchase_of,
        per_fen,
    }
}

/// The covering problem the plan of `scenario` puts to the solver (one seat of
/// each want per person; each offer at most once without people), for
/// measuring the solver against others on the same instance.
pub(super) fn covering_problem(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    demand: &[u32],
    once: bool,
) -> Problem {
    let candidates = prune(
        candidates(catalog, scenario, wants, &mut Vec::new()),
        wants.len(),
    );
    fold(&candidates, demand, &seats_of(catalog, wants), once).problem
}

/// Per want, how many people one purchase serves.
pub(super) fn seats_of(catalog: &Catalog, wants: &[ServiceIx]) -> Vec<u32> {
    wants
        .iter()
        .map(|w| catalog.services[*w].seats.max(1))
        .collect()
}

/// Why no offer the scenario lets a plan use covers `service`: the first of
/// ended (and not included), only in rumoured offers (not included), sold alone
/// yet in no offer, not sold alone.
pub(super) fn why_unbuyable(
    catalog: &Catalog,
    scenario: &Scenario,
    service: ServiceIx,
) -> Unbuyable {
    let include = scenario.include;
    let wanted = &catalog.services[service];
    let in_rumoured = catalog.bundles.iter().any(|b| {
        b.status == Status::Rumoured && b.includes.iter().any(|i| i.members().contains(&service))
    });
    if wanted.status == Status::Ended && !include.ended {
        Unbuyable::Ended
    } else if in_rumoured && !include.rumoured {
        Unbuyable::OnlyRumoured
    } else if wanted.sold_alone {
        Unbuyable::NoOffer
    } else {
        Unbuyable::NotSoldAlone
    }
}
