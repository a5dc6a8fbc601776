//! Finding the cheapest plan on a worker thread: the search can take a good part of
//! a second on a large catalogue, and the screen keeps answering keys meanwhile.

use std::sync::Arc;

use crate::calc::Scenario;
use crate::model::Catalog;
use crate::plan::{Plan, PlanError, plan};
use crate::tui::background::{Job, Polled};

/// The plan overlay's content.
#[derive(Debug)]
pub enum Planning {
    Finding(Job<Result<Plan, PlanError>>),
    Found(Result<Plan, PlanError>),
    /// The worker stopped without an answer (it cannot, short of a bug).
    Failed,
}

impl Planning {
    /// Starts the search for the cheapest plan of `catalog` in `scenario`.
    pub fn start(catalog: Arc<Catalog>, scenario: Scenario) -> Self {
        Planning::Finding(Job::start(move || plan(&catalog, &scenario)))
    }

    /// Takes the worker's answer if it is ready.
    pub fn poll(&mut self) {
        if let Planning::Finding(job) = self {
            match job.poll() {
                Polled::Ready(found) => *self = Planning::Found(found),
                Polled::Pending => {}
                Polled::Lost => *self = Planning::Failed,
            }
        }
    }

    /// The plan, once found.
    pub fn found(&self) -> Option<&Result<Plan, PlanError>> {
        match self {
            Planning::Found(found) => Some(found),
            Planning::Finding(_) | Planning::Failed => None,
        }
    }

    pub fn is_finding(&self) -> bool {
        matches!(self, Planning::Finding(_))
    }
}
