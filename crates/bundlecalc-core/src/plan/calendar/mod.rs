//! Plans in time (docs/reference/file-format.md, "Time: held, when, first", docs/reference/calendar.md): the exact cheapest purchases month by
//! month over a horizon, with what people hold, when they want each service,
//! and what new members pay at first, on the planner's one solver; and who
//! pays what (docs/reference/arithmetic.md, "Rule 6: Household shares").
//!
//! - `months`: calendar months and the horizon.
//! - `demand`: the seats wanted less those held, per service and month; who is
//!   new to an offer.
//! - `search`: the calendar as a covering problem, its tie rules folded into
//!   the cost, and the search.

mod demand;
pub mod error;
pub mod months;
mod search;

use std::collections::HashMap;

use num_bigint::BigInt;

use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::{Service, Status};
use crate::money::Money;
use crate::note::Note;
use crate::period::Period;
use crate::scenario::Scenario;
use crate::split::Split;

use super::costs::groups_needed;
use super::fair;
use super::household::{Household, share_rows, weights_of};
use super::problem::Budget;
use super::shares::{self, Exact};
use super::side_by_side;
use super::types::{OfferKind, PersonShare, Sharing, Unproven};
use crate::model::people::Member;
use error::CalendarError;
use months::Horizon;
use search::{Found, search};

/// One purchase of a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Purchase {
    /// The index of its first month in the horizon.
    pub start: u32,
    /// How many months it covers (some may be after the horizon).
    pub months: u32,
    /// The last day it covers.
    pub until: time::Date,
    pub kind: OfferKind,
    pub id: String,
    /// 0 for the main price, 1, 2, … for `other_prices`.
    pub way: usize,
    pub label: Option<String>,
    /// Bought at the way's first price.
    pub first: bool,
    /// With people: whose first price it is.
    pub first_of: Option<Member>,
    pub price: Money,
    /// The wanted services it is used for, in wants order.
    pub covers: Vec<ServiceIx>,
}

/// What covers a wanted service in one month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// A held membership gives seats of it then.
    pub held: bool,
    /// The indexes in `purchases` of those covering it then, in order.
    pub purchases: Vec<usize>,
}

/// A service and the way it is bought by: `None` for its main price, else
/// the place in its `other_prices`.
pub type MonthlyWay = (ServiceIx, Option<usize>);

/// The cheapest purchases month by month (docs/reference/calendar.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    pub horizon: Horizon,
    /// Every wanted service once, in order of first want.
    pub wants: Vec<ServiceIx>,
    /// Sorted by (start, offer id, way).
    pub purchases: Vec<Purchase>,
    /// Per want, per month: `None` when nobody wants it then.
    pub coverage: Vec<Vec<Option<Cell>>>,
    /// Per month: what is paid for the purchases starting then.
    pub paid_by_month: Vec<Money>,
    pub total: Money,
    /// The same demand bought month by month, each service alone at its
    /// cheapest monthly regular price; `None` when one cannot be.
    pub month_by_month: Option<Money>,
    /// The way `month_by_month` counts each service it buys at (`None` the
    /// main price, else the place in `other_prices`), in want order; empty
    /// when it is `None`.
    pub monthly_ways: Vec<MonthlyWay>,
    pub savings: Option<Money>,
    pub proven: bool,
    /// A proven lower bound on `total`: `total` when proven.
    pub bound: Money,
    pub notes: Vec<Note>,
    pub include: Vec<Status>,
    /// With someone besides `me`: each person's share, in person order.
    pub people: Option<Vec<PersonShare>>,
    pub split: Option<Sharing>,
    /// The searches that ran out of time.
    pub unproven: Vec<Unproven>,
}

/// The calendar of `scenario`'s wants (`me`) and every person of `catalog`
/// over `horizon`, its searches within `budget`: the calendar, and beside it
/// each person's alone and the groups the shares need
/// (docs/reference/plan.md, "Proof and time limit").
pub fn calendar_within(
    catalog: &Catalog,
    scenario: &Scenario,
    horizon: Horizon,
    budget: &Budget,
) -> Result<Calendar, CalendarError> {
    let household = Household::of(catalog, scenario);
    if household.wants().is_empty() {
        return Err(CalendarError::NoWants);
    }
    let members = &household.members;
    let sharing = household
        .is_shared()
        .then(|| sharing_rule(scenario, members.len()));
    let groups = sharing.as_ref().map_or_else(Vec::new, |(rule, _)| {
        groups_needed(members.len(), *rule == Split::Fair)
    });
    // The calendar's own search first, then each group's.
    let everyone: Vec<usize> = (0..members.len()).collect();
    let people_of = |at: usize| if at == 0 { &everyone } else { &groups[at - 1] };
    let search = |at: usize, budget: &Budget| {
        calendar_of(catalog, scenario, members, people_of(at), horizon, budget)
    };
    let searches = if budget.nodes_left().is_some() {
        // Under a limit of nodes the calendar's own search runs first with
        // all of them, as the tests that set one expect.
        let own = search(0, budget)?;
        let groups = side_by_side::all(budget, groups.len(), |at, part| search(at + 1, part))?;
        std::iter::once(own).chain(groups).collect()
    } else {
        let mut searches = side_by_side::all_led(budget, 1 + groups.len(), search)?;
        // Groups not proven within their share, again with the time others left.
        let judged =
            |((_, found), _): &((demand::Demand, Found), Vec<Note>)| (found.total, found.proven);
        side_by_side::again(budget, &mut searches[1..], judged, |at, part| {
            search(at + 1, part)
        })?;
        searches
    };
    let mut searches = searches.into_iter();
    let own = searches
        .next()
        .expect("the calendar's own search is the first");
    let searched: Vec<(Money, bool)> = searches
        .map(|((_, found), _)| (found.total, found.proven))
        .collect();
    let (found, notes) = own;
    let mut calendar = describe(catalog, members, horizon, found, notes);
    calendar.include = scenario.include.statuses();
    if !calendar.proven {
        calendar.unproven.push(Unproven::Plan);
    }
    if let Some((rule, fair_too_many)) = sharing {
        if scenario.split == Split::ByUse {
            calendar.notes.push(Note::ByUseFallsBack);
        }
        let searched = groups.into_iter().zip(searched).collect();
        let (people, sharing) = people(
            catalog,
            scenario,
            &household,
            horizon,
            budget,
            (rule, fair_too_many, searched),
            &mut calendar,
        )?;
        calendar.people = Some(people);
        calendar.split = Some(sharing);
    }
    calendar.proven = calendar.unproven.is_empty();
    Ok(calendar)
}

/// The rule the calendar's shares follow for `members` people, and whether
/// fair shares fell back to equal savings for too many people: `by_use` falls
/// back to fair shares (its note is the caller's).
fn sharing_rule(scenario: &Scenario, members: usize) -> (Split, bool) {
    let asked = match scenario.split {
        Split::ByUse => Split::Fair,
        ref other => other.clone(),
    };
    let fair_too_many = asked == Split::Fair && members > Split::FAIR_MOST;
    if fair_too_many {
        (Split::EqualSavings, true)
    } else {
        (asked, false)
    }
}

/// The search for only the `members` at `people` (their positions), within
/// `budget`: what it found, with the demand it met and its notes.
fn calendar_of(
    catalog: &Catalog,
    scenario: &Scenario,
    members: &[(Member, Vec<ServiceIx>)],
    people: &[usize],
    horizon: Horizon,
    budget: &Budget,
) -> Result<((demand::Demand, Found), Vec<Note>), CalendarError> {
    let group: Vec<(Member, Vec<ServiceIx>)> = people.iter().map(|&i| members[i].clone()).collect();
    let mut notes = Vec::new();
    let demand = demand::Demand::of(catalog, scenario, &group, horizon, &mut notes);
    let found = search(
        catalog, scenario, &group, &demand, horizon, budget, &mut notes,
    )?;
    Ok(((demand, found), notes))
}

/// The calendar as users see it.
fn describe(
    catalog: &Catalog,
    members: &[(Member, Vec<ServiceIx>)],
    horizon: Horizon,
    (demand, found): (demand::Demand, Found),
    mut notes: Vec<Note>,
) -> Calendar {
    let n = horizon.months;
    let mut bought = found.bought.clone();
    bought.sort_by(|a, b| {
        let (wa, wb) = (&found.ways[a.way], &found.ways[b.way]);
        (a.start, &wa.id, wa.way, !a.first).cmp(&(b.start, &wb.id, wb.way, !b.first))
    });
    // Of the purchases of one way, those at the first price are the earliest,
    // each named for a new member in person order.
    let mut firsts: HashMap<usize, usize> = HashMap::new();
    for b in &bought {
        if b.first {
            *firsts.entry(b.way).or_default() += 1;
        }
    }
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let shared = members.iter().any(|(m, _)| *m != Member::Me);
    let purchases: Vec<Purchase> = bought
        .iter()
        .map(|b| {
            let way = &found.ways[b.way];
            let before = seen.entry(b.way).or_default();
            let first = *before < firsts.get(&b.way).copied().unwrap_or(0);
            let first_of = (first && shared)
                .then(|| {
                    way.new_members
                        .get(*before / way.periods.max(1) as usize)
                        .copied()
                })
                .flatten();
            *before += 1;
            let end = (b.start + way.months).min(n);
            let covers = b
                .mask
                .bits()
                .filter(|&w| (b.start..end).any(|m| demand.seats[w][m as usize] > 0))
                .map(|w| demand.wants[w])
                .collect();
            Purchase {
                start: b.start,
                months: way.months,
                until: horizon.month(b.start + way.months - 1).last_day(),
                kind: way.kind,
                id: way.id.clone(),
                way: way.way,
                label: way.label.clone(),
                first,
                first_of,
                price: if first {
                    way.first.unwrap_or(way.price)
                } else {
                    way.price
                },
                covers,
            }
        })
        .collect();
    // A month's purchases are every one that covers the service then (a
    // bundle's plain includes and its chosen member), used for it or not: what
    // covers a month does not hang on what the horizon's other months need.
    let coverage = (0..demand.wants.len())
        .map(|w| {
            (0..n as usize)
                .map(|m| {
                    (!demand.wanted_by[w][m].is_empty()).then(|| Cell {
                        held: demand.held[w][m] > 0,
                        purchases: bought
                            .iter()
                            .enumerate()
                            .filter(|(_, b)| {
                                let months = found.ways[b.way].months;
                                b.mask.contains(w)
                                    && (b.start..b.start + months).contains(&(m as u32))
                            })
                            .map(|(at, _)| at)
                            .collect(),
                    })
                })
                .collect()
        })
        .collect();
    let mut paid_by_month = vec![Money::ZERO; n as usize];
    for p in &purchases {
        paid_by_month[p.start as usize] = paid_by_month[p.start as usize] + p.price;
    }
    let total: Money = purchases.iter().map(|p| p.price).sum();
    let (month_by_month, monthly_ways) = match month_by_month(catalog, &demand) {
        Some((total, ways)) => (Some(total), ways),
        None => (None, Vec::new()),
    };
    if demand.wanted_by.iter().flatten().all(Vec::is_empty) {
        notes.push(Note::NothingWanted);
    }
    notes.dedup();
    Calendar {
        horizon,
        wants: demand.wants.clone(),
        purchases,
        coverage,
        paid_by_month,
        total,
        savings: month_by_month.map(|m| m - total),
        month_by_month,
        monthly_ways,
        proven: found.proven,
        bound: found.bound.min(total),
        notes,
        include: Vec::new(),
        people: None,
        split: None,
        unproven: Vec::new(),
    }
}

/// The demand met one month at a time by each service alone at the regular
/// price of its cheapest way priced per month, and the way each service with
/// seats to buy is counted at: `None` when a service wanted in the horizon is
/// not sold alone or has no such way.
fn month_by_month(catalog: &Catalog, demand: &demand::Demand) -> Option<(Money, Vec<MonthlyWay>)> {
    let mut total = Money::ZERO;
    let mut ways = Vec::new();
    for (w, &service) in demand.wants.iter().enumerate() {
        let needed: u32 = demand.seats[w].iter().sum();
        if needed == 0 {
            continue;
        }
        let (ix, service) = (service, &catalog.services[service]);
        if !service.sold_alone {
            return None;
        }
        let (way, monthly) = monthly_way(service)?;
        ways.push((ix, way));
        let seats = service.seats.max(1);
        for &wanted in &demand.seats[w] {
            let purchases = i128::from(wanted.div_ceil(seats));
            total = total + Money::from_fen(monthly.fen() * purchases);
        }
    }
    Some((total, ways))
}

/// The way `month_by_month` buys `service` by (docs/reference/calendar.md,
/// "Month by month"): its cheapest regular price per month, the first listed
/// on a tie, as `None` for the main price or the index in `other_prices`, with
/// that price per month; `None` when no way is priced per month.
fn monthly_way(service: &Service) -> Option<(Option<usize>, Money)> {
    let main = std::iter::once((None, service.price, service.period));
    let others =
        (service.other_prices.iter().enumerate()).map(|(i, w)| (Some(i), w.price, w.period));
    main.chain(others)
        .filter(|(_, _, period)| *period == Period::Month)
        .map(|(way, price, period)| (way, crate::calc::prices::to_basis(price, period, period)))
        .min_by_key(|(_, price)| *price)
}

/// Each member's share of the calendar by `rule` (rule 6), from the groups
/// `searched` already, by the positions of their members (others are searched
/// now, within `budget`).
fn people(
    catalog: &Catalog,
    scenario: &Scenario,
    household: &Household,
    horizon: Horizon,
    budget: &Budget,
    (rule, fair_too_many, searched): (Split, bool, HashMap<Vec<usize>, (Money, bool)>),
    calendar: &mut Calendar,
) -> Result<(Vec<PersonShare>, Sharing), CalendarError> {
    let members = &household.members;
    let mut costs = Costs {
        catalog,
        scenario,
        members,
        horizon,
        budget,
        by_group: HashMap::new(),
        searched,
        alone_unproven: Vec::new(),
        groups_unproven: false,
    };
    let alone = (0..members.len())
        .map(|at| costs.alone(at))
        .collect::<Result<Vec<Money>, _>>()?;
    let total = calendar.total;
    let exact = match &rule {
        Split::Fair => {
            costs.by_group.insert((1 << members.len()) - 1, total);
            let (numerators, denominator) = fair::shapley(members.len(), |g| costs.of(g))?;
            Exact::over(
                numerators.into_iter().map(BigInt::from).collect(),
                BigInt::from(denominator),
            )
        }
        Split::Weights(agreed) => {
            let ids: Vec<Member> = members.iter().map(|(member, _)| *member).collect();
            shares::proportional(total, &weights_of(catalog, agreed, &ids))
        }
        _ => {
            let weights: Vec<BigInt> = alone.iter().map(|a| BigInt::from(a.fen())).collect();
            shares::proportional(total, &weights)
        }
    };
    let pays = shares::round_once(total, &exact);
    for &at in &costs.alone_unproven {
        calendar.unproven.push(Unproven::Alone(members[at].0));
    }
    if costs.groups_unproven {
        calendar.unproven.push(Unproven::Shares);
    }
    Ok((
        share_rows(household, pays, alone),
        Sharing {
            rule,
            fair_too_many,
        },
    ))
}

/// `c(S)` of the calendar: its total for only the members of a group.
struct Costs<'a> {
    catalog: &'a Catalog,
    scenario: &'a Scenario,
    members: &'a [(Member, Vec<ServiceIx>)],
    horizon: Horizon,
    budget: &'a Budget,
    by_group: HashMap<u32, Money>,
    /// Each search, by the positions of its members: its total, and whether
    /// it was proven.
    searched: HashMap<Vec<usize>, (Money, bool)>,
    alone_unproven: Vec<usize>,
    groups_unproven: bool,
}

impl Costs<'_> {
    /// `c({i})`: the calendar of the member at `at` alone.
    fn alone(&mut self, at: usize) -> Result<Money, CalendarError> {
        let (total, proven) = self.found(&[at])?;
        if !proven && !self.alone_unproven.contains(&at) {
            self.alone_unproven.push(at);
        }
        Ok(total)
    }

    /// `c(S)` for a group of at most `Split::FAIR_MOST` members, searched once;
    /// a search the budget stopped answers no more than `c(S∖{i}) + c({i})`
    /// for any member `i`.
    fn of(&mut self, group: u32) -> Result<Money, CalendarError> {
        if group == 0 {
            return Ok(Money::ZERO);
        }
        if let Some(&known) = self.by_group.get(&group) {
            return Ok(known);
        }
        let at: Vec<usize> = (0..self.members.len())
            .filter(|i| group & (1 << i) != 0)
            .collect();
        let total = if let [only] = at[..] {
            self.alone(only)?
        } else {
            let (mut total, proven) = self.found(&at)?;
            if !proven {
                self.groups_unproven = true;
                for &i in &at {
                    let split = self.of(group & !(1 << i))? + self.alone(i)?;
                    total = total.min(split);
                }
            }
            total
        };
        self.by_group.insert(group, total);
        Ok(total)
    }

    /// The search of the members at `people`: searched beside the calendar's
    /// own already ([`calendar_within`]), or now.
    fn found(&mut self, people: &[usize]) -> Result<(Money, bool), CalendarError> {
        if let Some(&found) = self.searched.get(people) {
            return Ok(found);
        }
        let ((_, calendar), _) = calendar_of(
            self.catalog,
            self.scenario,
            self.members,
            people,
            self.horizon,
            self.budget,
        )?;
        let found = (calendar.total, calendar.proven);
        self.searched.insert(people.to_vec(), found);
        Ok(found)
    }
}
