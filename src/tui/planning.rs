//! Finding the cheapest plan on a worker thread: the search can take a good part of
//! a second on a large catalogue, and the screen keeps answering keys meanwhile.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread;

use crate::calc::Scenario;
use crate::model::Catalog;
use crate::plan::{Plan, PlanError, plan};

/// The plan overlay's content.
#[derive(Debug)]
pub enum Planning {
    /// The worker is searching; its answer arrives on the channel.
    Finding(Receiver<Result<Plan, PlanError>>),
    Found(Result<Plan, PlanError>),
    /// The worker stopped without an answer (it cannot, short of a bug).
    Failed,
}

impl Planning {
    /// Starts the search for the cheapest plan of `catalog` in `scenario`.
    pub fn start(catalog: Arc<Catalog>, scenario: Scenario) -> Self {
        let (answer, finding) = channel();
        thread::spawn(move || {
            // The screen may have moved on and dropped the receiver: nothing to do.
            let _ = answer.send(plan(&catalog, &scenario));
        });
        Planning::Finding(finding)
    }

    /// Takes the worker's answer if it is ready; true when the state changed.
    pub fn poll(&mut self) -> bool {
        let Planning::Finding(finding) = self else {
            return false;
        };
        *self = match finding.try_recv() {
            Ok(found) => Planning::Found(found),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Planning::Failed,
        };
        true
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
