//! Why there is no calendar: a leaf the search and the calendar share.

use crate::model::index::ServiceIx;
use crate::model::people::Member;

/// Why there is no calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// Nobody wants anything.
    NoWants,
    /// A wanted month that no offer can cover.
    Uncovered {
        service: ServiceIx,
        member: Member,
        /// Its index in the horizon.
        month: u32,
    },
}
