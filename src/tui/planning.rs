//! Finding the cheapest plan on a worker thread, and what each what-if would make
//! of it: the search can take a good part of a second on a large catalogue, and
//! the screen keeps answering keys meanwhile.

use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::tui::background::{Job, Polled};
use bundlecalc_core::model::{Catalog, ChangeIx};
use bundlecalc_core::plan::plan_within;
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::plan::types::{Plan, PlanError};
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::what_if::entries::{WhatIf, WhatIfPlan, plan_with, what_ifs};

/// The plan, and what the what-ifs would make of it.
#[derive(Debug)]
pub struct Planned {
    pub plan: Result<Plan, PlanError>,
    /// Each change not applied alone, then all of them (docs/reference/plan.md `what_if`);
    /// `None` when the file has no changes or there is no plan.
    pub what_ifs: Option<Vec<WhatIf>>,
    /// For each change applied: the plan without it, against this one (its
    /// `saves` is what taking the change back would save: negative when the
    /// change helps).
    pub take_backs: Vec<(ChangeIx, WhatIfPlan)>,
}

impl Planned {
    /// `plan` of `catalog` (the file's catalogue `file` with `applied` applied),
    /// with its what-ifs, all searched within `time_limit`.
    pub fn find(
        file: &Catalog,
        catalog: &Catalog,
        applied: &[ChangeIx],
        scenario: &Scenario,
        time_limit: Duration,
    ) -> Self {
        let budget = Budget::for_time(time_limit);
        let found = plan_within(catalog, scenario, &budget);
        let (what_ifs, take_backs) = match &found {
            Ok(plan) => {
                let what_ifs = what_ifs(file, applied, scenario, plan.total, &budget);
                let take_backs = applied
                    .iter()
                    .map(|&c| {
                        let others: Vec<ChangeIx> =
                            applied.iter().copied().filter(|&o| o != c).collect();
                        (
                            c,
                            plan_with(file, &others, &[], scenario, plan.total, &budget),
                        )
                    })
                    .collect();
                (what_ifs, take_backs)
            }
            Err(_) => (None, Vec::new()),
        };
        Planned {
            plan: found,
            what_ifs,
            take_backs,
        }
    }
}

/// The cheapest plan for one catalogue and scenario: being found, or found.
#[derive(Debug)]
pub struct Planning {
    /// What the plan is for: the catalogue (not kept alive by this) and scenario.
    catalog: Weak<Catalog>,
    scenario: Scenario,
    state: State,
}

#[derive(Debug)]
enum State {
    Finding(Job<Planned>),
    Found(Box<Planned>),
    /// The worker stopped without an answer (it cannot, short of a bug).
    Failed,
}

impl Planning {
    /// Starts the search for the cheapest plan of `catalog` (the file's catalogue
    /// `file` with the changes `applied`) in `scenario`, and of its what-ifs.
    pub fn start(
        file: &Arc<Catalog>,
        catalog: &Arc<Catalog>,
        applied: &[ChangeIx],
        scenario: &Scenario,
        time_limit: Duration,
    ) -> Self {
        let (file, searched, wanted) = (Arc::clone(file), Arc::clone(catalog), scenario.clone());
        let applied = applied.to_vec();
        Planning {
            catalog: Arc::downgrade(catalog),
            scenario: scenario.clone(),
            state: State::Finding(Job::start(move || {
                Planned::find(&file, &searched, &applied, &wanted, time_limit)
            })),
        }
    }

    /// Whether this is the plan (found or being found) for `catalog` in `scenario`,
    /// so that asking again need not search again.
    pub fn is_for(&self, catalog: &Arc<Catalog>, scenario: &Scenario) -> bool {
        Weak::ptr_eq(&self.catalog, &Arc::downgrade(catalog)) && self.scenario == *scenario
    }

    /// Takes the worker's answer if it is ready.
    pub fn poll(&mut self) {
        if let State::Finding(job) = &self.state {
            match job.poll() {
                Polled::Ready(found) => self.state = State::Found(Box::new(found)),
                Polled::Pending => {}
                Polled::Lost => self.state = State::Failed,
            }
        }
    }

    /// The plan, once found.
    pub fn found(&self) -> Option<&Result<Plan, PlanError>> {
        self.planned().map(|planned| &planned.plan)
    }

    /// The plan and its what-ifs, once found.
    pub fn planned(&self) -> Option<&Planned> {
        match &self.state {
            State::Found(found) => Some(found),
            State::Finding(_) | State::Failed => None,
        }
    }

    pub fn is_finding(&self) -> bool {
        matches!(self.state, State::Finding(_))
    }

    /// The worker stopped without an answer.
    pub fn failed(&self) -> bool {
        matches!(self.state, State::Failed)
    }
}
