//! The calendar put to the exact solver (docs/reference/calendar.md): a row per wanted service
//! and month, a column per way to buy, start month and choice of group
//! members, at its regular price or (within its limit) its first price.
//!
//! The tie rules are folded into the cost: `((fen × A) + 1) × B + (N − start)`
//! per purchase, with `A` above any purchase count a best calendar can have
//! (one per seat-month) and `B` above any sum of `N − start` such a calendar can
//! have, so the least cost is the least paid, then the fewest purchases, then
//! the latest (the largest sum of start months). The rank of a column is the
//! place of its `(start, offer id, way)` in their order, so among calendars
//! equal by those the solver keeps the lexicographically smallest sorted list.

use crate::calc::prices::{bundle_price, to_basis};
use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::Offer;
use crate::money::Money;
use crate::period::Period;
use crate::scenario::Scenario;

use super::super::cover::why_unbuyable;
use super::super::offers::{Mask, candidates};
use super::super::problem::{Budget, Column, Limit, Problem};
use super::super::solve::solve;
use super::super::types::OfferKind;
use super::demand::{Demand, is_new};
use super::error::{CalendarError, Uncoverable, UncoveredMonth};
use super::months::Horizon;
use crate::model::people::Member;
use crate::note::Note;

/// A way to buy an offer, as the calendar uses it.
#[derive(Clone, Debug)]
pub struct WayToBuy {
    pub kind: OfferKind,
    pub id: String,
    /// 0 for the main price, then 1, 2, … for `other_prices`.
    pub way: usize,
    pub label: Option<String>,
    /// How many months one purchase covers.
    pub months: u32,
    pub price: Money,
    /// The first price, when it is below `price` and someone is new to the offer.
    pub first: Option<Money>,
    /// The new members, in person order, each with `periods` purchases at the
    /// first price.
    pub new_members: Vec<Member>,
    pub periods: u32,
    /// The sets of wants one purchase covers (one member per group).
    pub masks: Vec<Mask>,
}

/// One purchase found: the way, the month it starts, what it covers, and
/// whether it is at the first price.
#[derive(Clone, Debug)]
pub struct Bought {
    pub way: usize,
    pub start: u32,
    pub mask: Mask,
    pub first: bool,
}

/// The answer of one search.
pub struct Found {
    pub ways: Vec<WayToBuy>,
    pub bought: Vec<Bought>,
    pub total: Money,
    pub proven: bool,
    pub bound: Money,
}

/// How many months a way priced per `period` covers; `None` per day or week.
fn months_of(period: Period) -> Option<u32> {
    match period {
        Period::Month => Some(1),
        Period::Quarter => Some(3),
        Period::HalfYear => Some(6),
        Period::Year => Some(12),
        Period::Day | Period::Week => None,
    }
}

/// Every way to buy an offer that covers some want, in (offer id, way) order.
pub fn ways(
    catalog: &Catalog,
    scenario: &Scenario,
    members: &[(Member, Vec<ServiceIx>)],
    wants: &[ServiceIx],
    horizon: Horizon,
    notes: &mut Vec<Note>,
) -> Vec<WayToBuy> {
    let mut priced = Vec::new();
    let offers = candidates(catalog, scenario, wants, &mut priced);
    let mut ways = Vec::new();
    for offer in offers {
        let (target, entries): (Offer, Vec<_>) = match offer.kind {
            OfferKind::Bundle(b) => {
                let bundle = &catalog.bundles[b];
                let own = Scenario {
                    basis: bundle.period,
                    ..scenario.clone()
                };
                let (price, _) = bundle_price(bundle, &own, &mut Vec::new());
                (
                    Offer::Bundle(b),
                    vec![(price, bundle.period, None, bundle.first.clone())],
                )
            }
            OfferKind::Service(s) => {
                let service = &catalog.services[s];
                let main = (
                    to_basis(service.price, service.period, service.period),
                    service.period,
                    service.label.as_deref().map(str::to_string),
                    service.first.clone(),
                );
                let others = service.other_prices.iter().map(|w| {
                    (
                        to_basis(w.price, w.period, w.period),
                        w.period,
                        w.label.clone(),
                        w.first.clone(),
                    )
                });
                (
                    Offer::Service(s),
                    std::iter::once(main).chain(others).collect(),
                )
            }
        };
        let new_members: Vec<Member> = members
            .iter()
            .filter(|(m, own)| is_new(catalog, scenario, *m, own, target, horizon))
            .map(|(m, _)| *m)
            .collect();
        for (way, (price, period, label, first)) in entries.into_iter().enumerate() {
            let Some(months) = months_of(period) else {
                notes.push(Note::WayLeftOut {
                    offer: offer.id.clone(),
                    way,
                    label,
                    period,
                });
                continue;
            };
            let first_price = first
                .as_ref()
                .map(|f| to_basis(f.price, period, period))
                .filter(|f| *f < price && !new_members.is_empty());
            ways.push(WayToBuy {
                kind: offer.kind,
                id: offer.id.clone(),
                way,
                label,
                months,
                price,
                first: first_price,
                new_members: new_members.clone(),
                periods: first.map_or(0, |f| f.periods),
                masks: offer.masks.clone(),
            });
        }
    }
    notes.extend(priced);
    ways
}

/// The cheapest purchases meeting `demand`, by the tie rules, within `budget`.
pub fn search(
    catalog: &Catalog,
    scenario: &Scenario,
    members: &[(Member, Vec<ServiceIx>)],
    demand: &Demand,
    horizon: Horizon,
    budget: &Budget,
    notes: &mut Vec<Note>,
) -> Result<Found, CalendarError> {
    let ways = ways(catalog, scenario, members, &demand.wants, horizon, notes);
    let n = horizon.months;
    let row = |w: usize, m: u32| w * n as usize + m as usize;
    let mut problem = Problem {
        demand: vec![0; demand.wants.len() * n as usize],
        ..Problem::default()
    };
    for (w, months) in demand.seats.iter().enumerate() {
        for (m, seats) in months.iter().enumerate() {
            problem.demand[row(w, m as u32)] = *seats;
        }
    }
    let most = i128::from(u32::try_from(demand.total()).unwrap_or(u32::MAX));
    let per_fen = most + 1;
    let per_purchase = most * i128::from(n) + 1;
    let seats: Vec<u32> = demand
        .wants
        .iter()
        .map(|w| catalog.services[*w].seats.max(1))
        .collect();
    let mut bought_of: Vec<Bought> = Vec::new();
    // Per way: its first-price columns, of every start month and mask.
    let mut first_columns: Vec<Vec<usize>> = vec![Vec::new(); ways.len()];
    for start in 0..n {
        for (at, way) in ways.iter().enumerate() {
            let rank = start * ways.len() as u32 + at as u32;
            let end = (start + way.months).min(n);
            let cost =
                |price: Money| (price.fen() * per_fen + 1) * per_purchase + i128::from(n - start);
            for mask in &way.masks {
                let rows: Vec<(usize, u32)> = mask
                    .bits()
                    .flat_map(|w| (start..end).map(move |m| (w, m)))
                    .filter(|&(w, m)| demand.seats[w][m as usize] > 0)
                    .map(|(w, m)| (row(w, m), seats[w]))
                    .collect();
                if rows.is_empty() {
                    continue;
                }
                let prices =
                    std::iter::once((way.price, false)).chain(way.first.map(|f| (f, true)));
                for (price, first) in prices {
                    if first {
                        first_columns[at].push(problem.columns.len());
                    }
                    problem.columns.push(Column {
                        cost: cost(price),
                        rank,
                        rows: rows.clone(),
                        max_copies: u32::MAX,
                    });
                    bought_of.push(Bought {
                        way: at,
                        start,
                        mask: mask.clone(),
                        first,
                    });
                }
            }
        }
    }
    // A way's first price: at most `periods` purchases for each new person.
    problem.limits = first_columns
        .into_iter()
        .zip(&ways)
        .filter(|(columns, _)| !columns.is_empty())
        .map(|(columns, way)| Limit {
            columns,
            at_most: way.periods.saturating_mul(way.new_members.len() as u32),
        })
        .collect();
    let (problem, bought_of) = without_dominated(problem, bought_of);
    uncovered(catalog, scenario, &problem, demand, n)?;
    let solution = solve(&problem, budget, None)
        .map_err(|_| uncovered_error(catalog, scenario, &problem, demand, n))?;
    let bought: Vec<Bought> = solution
        .picks
        .iter()
        .map(|&at| bought_of[at].clone())
        .collect();
    let total: Money = bought
        .iter()
        .map(|b| {
            let way = &ways[b.way];
            if b.first {
                way.first.unwrap_or(way.price)
            } else {
                way.price
            }
        })
        .sum();
    let scale = per_fen * per_purchase;
    let bound = Money::from_fen((solution.bound.max(0) / scale).min(total.fen()));
    Ok(Found {
        ways,
        bought,
        total,
        proven: solution.proven,
        bound: if solution.proven { total } else { bound },
    })
}

/// The problem without the columns no best calendar buys: a column under no
/// limit whose seats cover every seat of another column, at a strictly lower
/// folded cost, replaces each purchase of that other one for less. (A column
/// under a limit is never the one that replaces: its purchases are counted.)
fn without_dominated(problem: Problem, bought_of: Vec<Bought>) -> (Problem, Vec<Bought>) {
    let limited: std::collections::HashSet<usize> = problem
        .limits
        .iter()
        .flat_map(|l| l.columns.iter().copied())
        .collect();
    let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); problem.demand.len()];
    for (at, column) in problem.columns.iter().enumerate() {
        if !limited.contains(&at) {
            for &(row, _) in &column.rows {
                by_row[row].push(at);
            }
        }
    }
    let seats_in = |column: &Column, row: usize| {
        column
            .rows
            .iter()
            .find(|(r, _)| *r == row)
            .map_or(0, |(_, seats)| *seats)
    };
    let keep: Vec<bool> = problem
        .columns
        .iter()
        .enumerate()
        .map(|(at, column)| {
            let Some(rarest) = column
                .rows
                .iter()
                .map(|(r, _)| *r)
                .min_by_key(|r| by_row[*r].len())
            else {
                return true;
            };
            !by_row[rarest].iter().any(|&other| {
                other != at
                    && problem.columns[other].cost < column.cost
                    && column
                        .rows
                        .iter()
                        .all(|&(row, seats)| seats_in(&problem.columns[other], row) >= seats)
            })
        })
        .collect();
    let mut new_at = vec![usize::MAX; problem.columns.len()];
    let mut columns = Vec::new();
    let mut kept_bought = Vec::new();
    for (at, (column, bought)) in problem.columns.into_iter().zip(bought_of).enumerate() {
        if keep[at] {
            new_at[at] = columns.len();
            columns.push(column);
            kept_bought.push(bought);
        }
    }
    let limits = problem
        .limits
        .into_iter()
        .map(|limit| Limit {
            columns: limit
                .columns
                .into_iter()
                .filter(|&c| keep[c])
                .map(|c| new_at[c])
                .collect(),
            at_most: limit.at_most,
        })
        .filter(|limit| !limit.columns.is_empty())
        .collect();
    (
        Problem {
            demand: problem.demand,
            columns,
            limits,
        },
        kept_bought,
    )
}

/// Each wanted service must have a column giving seats in each month it is
/// wanted: else, for each service that has none, its first such month.
fn uncovered(
    catalog: &Catalog,
    scenario: &Scenario,
    problem: &Problem,
    demand: &Demand,
    n: u32,
) -> Result<(), CalendarError> {
    let mut covered = vec![false; problem.demand.len()];
    for column in &problem.columns {
        for &(row, _) in &column.rows {
            covered[row] = true;
        }
    }
    let months = n as usize;
    let unmet: Vec<UncoveredMonth> = (0..demand.wants.len())
        .filter_map(|w| {
            let m = (0..months).find(|&m| {
                let r = w * months + m;
                problem.demand[r] > 0 && !covered[r]
            })?;
            Some(uncovered_month(catalog, scenario, demand, w, m))
        })
        .collect();
    if unmet.is_empty() {
        Ok(())
    } else {
        Err(CalendarError::Uncovered(unmet))
    }
}

/// The first wanted month, as an error: when the search finds no calendar
/// though every month has a cover (it cannot: each has a purchase of its own).
fn uncovered_error(
    catalog: &Catalog,
    scenario: &Scenario,
    problem: &Problem,
    demand: &Demand,
    n: u32,
) -> CalendarError {
    let r = (0..problem.demand.len())
        .find(|&r| problem.demand[r] > 0)
        .unwrap_or(0);
    let (w, m) = (r / n as usize, r % n as usize);
    CalendarError::Uncovered(vec![uncovered_month(catalog, scenario, demand, w, m)])
}

/// Want `w` in month `m`, who wants it then, and why nothing covers it: the
/// plan's reason when no offer it may use includes it, else that those offers
/// are priced only per day or week.
fn uncovered_month(
    catalog: &Catalog,
    scenario: &Scenario,
    demand: &Demand,
    w: usize,
    m: usize,
) -> UncoveredMonth {
    let service = demand.wants[w];
    let included = !candidates(catalog, scenario, &[service], &mut Vec::new()).is_empty();
    UncoveredMonth {
        service,
        member: demand.wanted_by[w][m]
            .first()
            .copied()
            .unwrap_or(Member::Me),
        month: m as u32,
        why: if included {
            Uncoverable::NotByTheMonth
        } else {
            Uncoverable::Plan(why_unbuyable(catalog, scenario, service))
        },
    }
}
