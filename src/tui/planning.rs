//! Finding the cheapest plan on a worker thread: the search can take a good part of
//! a second on a large catalogue, and the screen keeps answering keys meanwhile.

use std::sync::{Arc, Weak};

use crate::calc::Scenario;
use crate::model::Catalog;
use crate::plan::{Plan, PlanError, plan};
use crate::tui::background::{Job, Polled};

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
    Finding(Job<Result<Plan, PlanError>>),
    Found(Box<Result<Plan, PlanError>>),
    /// The worker stopped without an answer (it cannot, short of a bug).
    Failed,
}

impl Planning {
    /// Starts the search for the cheapest plan of `catalog` in `scenario`.
    pub fn start(catalog: &Arc<Catalog>, scenario: &Scenario) -> Self {
        let (searched, wanted) = (Arc::clone(catalog), scenario.clone());
        Planning {
            catalog: Arc::downgrade(catalog),
            scenario: scenario.clone(),
            state: State::Finding(Job::start(move || plan(&searched, &wanted))),
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
