//! Why there is no calendar: a leaf the search and the calendar share.

use crate::model::index::ServiceIx;
use crate::model::people::Member;
use crate::plan::types::Unbuyable;

/// Why there is no calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// Nobody wants anything.
    NoWants,
    /// Wanted services no offer can cover, in order of first want: each once,
    /// at its first month with no cover.
    Uncovered(Vec<UncoveredMonth>),
}

/// A wanted month that no offer can cover: the service, who wants it then,
/// the month, and why (docs/reference/calendar.md, "What is bought").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UncoveredMonth {
    pub service: ServiceIx,
    pub member: Member,
    /// Its index in the horizon.
    pub month: u32,
    pub why: Uncoverable,
}

/// Why no purchase covers a wanted service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Uncoverable {
    /// No offer the calendar may use includes it, for the plan's reason.
    Plan(Unbuyable),
    /// The offers that include it are priced only per day or week, which the
    /// calendar does not buy by.
    NotByTheMonth,
}
