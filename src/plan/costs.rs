//! `c(S)` (SPEC §2 rule 6): the total of the household plan for only the people
//! of a group `S`, with the same catalogue, statuses and what-ifs (an offer may be
//! bought more than once there too), remembered once found.
//!
//! Every share needs some of them: `alone` is `c({i})` for each person, fair
//! shares `c(S)` for every group (`fair`). Groups are bitmasks over the members in
//! person order. Groups that want the same seats of the same services cost the
//! same, so a group's plan is also remembered by its demand, and people with the
//! same wants are searched once.

use std::collections::HashMap;

use crate::calc::Scenario;
use crate::model::{Catalog, ServiceIx};
use crate::money::Money;

use super::cover::cover;
use super::types::{Member, PlanError};

/// A group of members: bit `i` is the member at `i` in person order.
pub(super) type Group = u32;

/// `c(S)` of the groups of one household, each searched once.
pub(super) struct GroupCosts<'a> {
    catalog: &'a Catalog,
    scenario: &'a Scenario,
    members: &'a [(Member, Vec<ServiceIx>)],
    /// Every wanted service once, in order of first want.
    wants: Vec<ServiceIx>,
    by_group: HashMap<Group, Money>,
    /// By the seats each want needs (per entry of `wants`).
    by_demand: HashMap<Vec<u32>, Money>,
}

impl<'a> GroupCosts<'a> {
    /// The costs of groups of `members` (with their wants, in person order).
    pub fn new(
        catalog: &'a Catalog,
        scenario: &'a Scenario,
        members: &'a [(Member, Vec<ServiceIx>)],
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
            wants,
            by_group: HashMap::new(),
            by_demand: HashMap::new(),
        }
    }

    /// Records a total found already: the household plan's, for everyone.
    pub fn know(&mut self, group: Group, total: Money) {
        self.by_group.insert(group, total);
    }

    /// `c({i})`: the household plan for the member at `at` alone. (Any number of
    /// members: this is not remembered by group.)
    pub fn alone(&mut self, at: usize) -> Result<Money, PlanError> {
        self.search(&[at], None)
    }

    /// `c(S)` for a group of at most 32 members, `c(∅)` = 0. It is searched with
    /// `c(S∖{i}) + c({i})` in hand (`i` its last member): buying those two plans
    /// covers `S`, so `c(S)` is never above it.
    pub fn of(&mut self, group: Group) -> Result<Money, PlanError> {
        if group == 0 {
            return Ok(Money::ZERO);
        }
        if let Some(&total) = self.by_group.get(&group) {
            return Ok(total);
        }
        let last = (Group::BITS - 1 - group.leading_zeros()) as usize;
        let total = if group == 1 << last {
            self.alone(last)?
        } else {
            let incumbent = self.of(group & !(1 << last))? + self.alone(last)?;
            let people: Vec<usize> = (0..=last).filter(|i| group & (1 << i) != 0).collect();
            self.search(&people, Some(incumbent))?
        };
        self.by_group.insert(group, total);
        Ok(total)
    }

    /// The one place a group's plan is searched: the household plan for the
    /// members at `people` (in person order), through the planner's search.
    ///
    /// `incumbent` is the total of purchases known to cover the group
    /// (`c(S∖{i}) + c({i})`), so the answer is never above it. The search today
    /// is exact and ignores it; a search with a time limit is to be handed it as
    /// the plan it must beat (SPEC §3.2, "Each `c(S)` search starts from
    /// `c(S∖{i}) + c({i})`"), so that shares not proven in time still stay below
    /// alone.
    fn search(&mut self, people: &[usize], incumbent: Option<Money>) -> Result<Money, PlanError> {
        let mut demand = vec![0u32; self.wants.len()];
        for &at in people {
            for want in &self.members[at].1 {
                if let Some(w) = self.wants.iter().position(|x| x == want) {
                    demand[w] += 1;
                }
            }
        }
        if let Some(&total) = self.by_demand.get(&demand) {
            return Ok(total);
        }
        let (wants, seats): (Vec<ServiceIx>, Vec<u32>) = self
            .wants
            .iter()
            .zip(&demand)
            .filter(|(_, d)| **d > 0)
            .map(|(w, d)| (*w, *d))
            .unzip();
        let total = if wants.is_empty() {
            Money::ZERO
        } else {
            // An offer may be bought more than once, even for one person.
            let found = cover(
                self.catalog,
                self.scenario,
                &wants,
                &seats,
                false,
                &mut Vec::new(),
            )?
            .total();
            incumbent.map_or(found, |known| found.min(known))
        };
        self.by_demand.insert(demand, total);
        Ok(total)
    }
}
