//! Finding the calendar (docs/reference/calendar.md) on a worker thread, as the plan is found
//! (`planning`): the screen keeps answering keys meanwhile.

use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::tui::background::{Job, Polled};
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::plan::calendar::{Calendar, CalendarError, calendar_within};
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::scenario::Scenario;

/// The calendar of one catalogue, scenario and horizon: being found, or found.
#[derive(Debug)]
pub struct Calendaring {
    catalog: Weak<Catalog>,
    scenario: Scenario,
    pub horizon: Horizon,
    state: State,
}

type Found = Result<Calendar, CalendarError>;

#[derive(Debug)]
enum State {
    Finding(Job<Found>),
    Found(Box<Found>),
    Failed,
}

impl Calendaring {
    /// Starts the search for the calendar of `catalog` in `scenario` over
    /// `horizon`, within `time_limit`.
    pub fn start(
        catalog: &Arc<Catalog>,
        scenario: &Scenario,
        horizon: Horizon,
        time_limit: Duration,
    ) -> Self {
        let (searched, wanted) = (Arc::clone(catalog), scenario.clone());
        Calendaring {
            catalog: Arc::downgrade(catalog),
            scenario: scenario.clone(),
            horizon,
            state: State::Finding(Job::start(move || {
                let budget = Budget::for_time(time_limit);
                calendar_within(&searched, &wanted, horizon, &budget)
            })),
        }
    }

    /// Whether this is the calendar for `catalog`, `scenario` and `horizon`.
    pub fn is_for(&self, catalog: &Arc<Catalog>, scenario: &Scenario, horizon: Horizon) -> bool {
        Weak::ptr_eq(&self.catalog, &Arc::downgrade(catalog))
            && self.scenario == *scenario
            && self.horizon == horizon
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

    /// The calendar, once found.
    pub fn found(&self) -> Option<&Found> {
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
