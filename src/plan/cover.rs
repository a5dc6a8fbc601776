//! The cheapest purchases for a demand of seats: the offers, pruned, handed to
//! the exact search (SPEC §3.2).

use crate::calc::Scenario;
use crate::model::{Catalog, ServiceIx};
use crate::money::Money;

use super::offers::{Candidate, Mask, candidates, prune};
use super::solve::{Column, Problem, solve};
use super::types::PlanError;

/// The purchases found: the offers considered, and each purchase as
/// `(candidate, mask)` in id order.
pub(super) struct Bought {
    pub candidates: Vec<Candidate>,
    pub purchases: Vec<(usize, Mask)>,
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
/// each offer at most once.
pub(super) fn cover(
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
pub(super) fn seats_of(catalog: &Catalog, wants: &[ServiceIx]) -> Vec<u32> {
    wants
        .iter()
        .map(|w| catalog.services[*w].seats.max(1))
        .collect()
}
