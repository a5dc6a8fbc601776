//! `c(S)` (docs/reference/arithmetic.md, "Rule 6: Household shares"): the total of the household plan for only the people
//! of a group `S`, with the same catalogue, statuses and what-ifs (an offer may be
//! bought more than once there too), remembered once found.
//!
//! Every share needs some of them: `alone` is `c({i})` for each person, fair
//! shares `c(S)` for every group (`fair`). Groups are bitmasks over the members in
//! person order. Groups that want the same seats of the same services cost the
//! same, so a group's plan is also remembered by its demand, and people with the
//! same wants are searched once.

use std::collections::HashMap;

use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::money::Money;
use crate::scenario::Scenario;

use super::cover::cover;
use super::problem::Budget;
use super::side_by_side;
use super::types::PlanError;
use crate::model::people::Member;

/// A group of members: bit `i` is the member at `i` in person order.
pub(super) type Group = u32;

/// The groups whose plans a rule needs, each the positions of its members in
/// person order: each of `members` alone, then, for fair shares (`fair`, at
/// most `Split::FAIR_MOST` members), every larger group but everyone, whose
/// plan is in hand.
pub(super) fn groups_needed(members: usize, fair: bool) -> Vec<Vec<usize>> {
    let alone = (0..members).map(|at| vec![at]);
    let everyone: Group = if fair { (1 << members) - 1 } else { 0 };
    let larger = (1..everyone)
        .filter(|group| group.count_ones() > 1)
        .map(|group| (0..members).filter(|at| group & (1 << at) != 0).collect());
    alone.chain(larger).collect()
}

/// `c(S)` of the groups of one household, each searched once.
pub(super) struct GroupCosts<'a> {
    catalog: &'a Catalog,
    scenario: &'a Scenario,
    members: &'a [(Member, Vec<ServiceIx>)],
    budget: &'a Budget,
    /// Every wanted service once, in order of first want.
    wants: Vec<ServiceIx>,
    by_group: HashMap<Group, Money>,
    /// By the seats each want needs (per entry of `wants`): the total, and
    /// whether its search proved it.
    by_demand: HashMap<Vec<u32>, (Money, bool)>,
    /// Members whose alone was not proven, and whether a group's was not.
    alone_unproven: Vec<usize>,
    group_unproven: bool,
}

impl<'a> GroupCosts<'a> {
    /// The costs of groups of `members` (with their wants, in person order),
    /// each searched within `budget`.
    pub fn new(
        catalog: &'a Catalog,
        scenario: &'a Scenario,
        members: &'a [(Member, Vec<ServiceIx>)],
        budget: &'a Budget,
    ) -> Self {
        let mut wants: Vec<ServiceIx> = Vec::new();
        for want in members.iter().flat_map(|(_, w)| w) {
            if !wants.contains(want) {
                wants.push(*want);
            }
        }
        GroupCosts {
            catalog,
            scenario,
            members,
            budget,
            wants,
            by_group: HashMap::new(),
            by_demand: HashMap::new(),
            alone_unproven: Vec::new(),
            group_unproven: false,
        }
    }

    /// Records a total found already: the household plan's, for everyone.
    pub fn know(&mut self, group: Group, total: Money) {
        self.by_group.insert(group, total);
    }

    /// `c({i})`: the household plan for the member at `at` alone. (Any number of
    /// members: this is not remembered by group.)
    pub fn alone(&mut self, at: usize) -> Result<Money, PlanError> {
        let (total, proven) = self.search(&[at])?;
        if !proven && !self.alone_unproven.contains(&at) {
            self.alone_unproven.push(at);
        }
        Ok(total)
    }

    /// The members (by position) whose alone the budget stopped before its proof.
    pub fn alone_unproven(&self) -> Vec<usize> {
        self.alone_unproven.clone()
    }

    /// Whether the budget stopped the search of some group of two or more.
    pub fn groups_unproven(&self) -> bool {
        self.group_unproven
    }

    /// `c(S)` for a group of at most 32 members, `c(∅)` = 0. Buying the plans of
    /// `S∖{i}` and of `{i}` covers `S`, so `c(S)` is never above `c(S∖{i}) +
    /// c({i})` for any member `i`: a search that the budget stopped answers the
    /// least of those and of the best it found, and so no one's fair share is
    /// above their alone even then (docs/reference/plan.md, "Proof and time limit").
    pub fn of(&mut self, group: Group) -> Result<Money, PlanError> {
        if group == 0 {
            return Ok(Money::ZERO);
        }
        if let Some(&total) = self.by_group.get(&group) {
            return Ok(total);
        }
        let people: Vec<usize> = (0..Group::BITS as usize)
            .filter(|i| group & (1 << i) != 0)
            .collect();
        let total = if let [only] = people[..] {
            self.alone(only)?
        } else {
            let (found, proven) = self.search(&people)?;
            if proven {
                found
            } else {
                self.group_unproven = true;
                let mut least = found;
                for &i in &people {
                    least = least.min(self.of(group & !(1 << i))? + self.alone(i)?);
                }
                least
            }
        };
        self.by_group.insert(group, total);
        Ok(total)
    }

    /// Searches the plans of `groups` (each the positions of its members, in
    /// person order) side by side, each demand once, for [`GroupCosts::of`]
    /// and [`GroupCosts::alone`].
    ///
    /// Errors: the first group in order whose plan cannot be bought.
    pub fn search_all(&mut self, groups: &[Vec<usize>]) -> Result<(), PlanError> {
        let mut waiting: Vec<Vec<u32>> = Vec::new();
        for people in groups {
            let demand = self.demand_of(people);
            if !self.by_demand.contains_key(&demand) && !waiting.contains(&demand) {
                waiting.push(demand);
            }
        }
        let search = |at: usize, part: &Budget| self.search_demand(&waiting[at], part);
        let mut found = side_by_side::all(self.budget, waiting.len(), search)?;
        // Those not proven within their share, again with the time others left.
        side_by_side::again(self.budget, &mut found, |&found| found, search)?;
        self.by_demand.extend(waiting.into_iter().zip(found));
        Ok(())
    }

    /// The seats each want (per entry of `wants`) needs for the members at
    /// `people`.
    fn demand_of(&self, people: &[usize]) -> Vec<u32> {
        let mut demand = vec![0u32; self.wants.len()];
        for &at in people {
            for want in &self.members[at].1 {
                if let Some(w) = self.wants.iter().position(|x| x == want) {
                    demand[w] += 1;
                }
            }
        }
        demand
    }

    /// The household plan for the members at `people` (in person order),
    /// searched once by its demand. Its total, and whether that search proved
    /// it.
    fn search(&mut self, people: &[usize]) -> Result<(Money, bool), PlanError> {
        let demand = self.demand_of(people);
        if let Some(&known) = self.by_demand.get(&demand) {
            return Ok(known);
        }
        let found = self.search_demand(&demand, self.budget)?;
        self.by_demand.insert(demand, found);
        Ok(found)
    }

    /// The one place a group's plan is searched: the household plan for
    /// `demand`, through the planner's search within `budget`.
    fn search_demand(&self, demand: &[u32], budget: &Budget) -> Result<(Money, bool), PlanError> {
        let (wants, seats): (Vec<ServiceIx>, Vec<u32>) = self
            .wants
            .iter()
            .zip(demand)
            .filter(|(_, d)| **d > 0)
            .map(|(w, d)| (*w, *d))
            .unzip();
        let found = if wants.is_empty() {
            (Money::ZERO, true)
        } else {
            // An offer may be bought more than once, even for one person.
            let bought = cover(
                self.catalog,
                self.scenario,
                &wants,
                &seats,
                false,
                &mut Vec::new(),
                budget,
            )?;
            (bought.total(), bought.proven)
        };
        Ok(found)
    }
}
