//! Who the figures are for (docs/reference/file-format.md, "People who share"):
//! the user (`me`, with the profile's wants, picks and facts), the people of
//! the file, and what each holds and when each wants a service
//! (docs/reference/file-format.md, "Time: held, when, first").

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::index::{BundleIx, PersonIx, ServiceIx};
use super::offer::Offer;

/// What the file says about its user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Services the user would pay for, in the order written; empty means not set.
    pub wants: Vec<ServiceIx>,
    /// Chosen group members, per bundle.
    pub picks: BTreeMap<BundleIx, Vec<ServiceIx>>,
    /// Facts that price tiers test, e.g. `taoqi`.
    pub facts: BTreeMap<String, Decimal>,
    /// What `me` holds and when `me` wants each service (`[profile.held]`,
    /// `[profile.when]`).
    pub time: Time,
}

/// The id the user has in a household; no person may take it
/// (docs/reference/file-format.md, "People who share").
pub const ME: &str = "me";

/// Someone a plan is for: you, or a person of the file (docs/reference/file-format.md, "People who share"). Ordered as
/// people are everywhere: `me` first, then people in file order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Member {
    Me,
    Person(PersonIx),
}

/// Someone besides the user who shares memberships with them (docs/reference/file-format.md, "People who share", 拼车).
/// The user is `me`, whose wants are the profile's: never one of these.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The key of `[people.ID]`; never `me`, unique among people.
    pub id: String,
    /// As written, else the id.
    pub name: String,
    /// The services this person would pay for, each once, in the order written;
    /// never empty.
    pub wants: Vec<ServiceIx>,
    /// What they hold and when they want each service (`[people.ID.held]`, `.when`).
    pub time: Time,
}

/// A membership already held (docs/reference/file-format.md, "Time: held, when, first" `held`): an offer, held through a day
/// (inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    pub offer: Offer,
    pub through: time::Date,
}

/// When a service is wanted (docs/reference/file-format.md, "Time: held, when, first" `when`): every calendar month with a
/// day between `from` and `until` (each inclusive, each optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<time::Date>,
    pub until: Option<time::Date>,
}

/// What a person holds and when they want their services (docs/reference/file-format.md, "Time: held, when, first"); only the
/// calendar reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Time {
    /// In the order written.
    pub held: Vec<Held>,
    /// In the order written, each service once.
    pub when: Vec<(ServiceIx, Window)>,
}

impl Time {
    /// The window of `service`, if the person limits it in time.
    pub fn window(&self, service: ServiceIx) -> Option<&Window> {
        self.when
            .iter()
            .find(|(s, _)| *s == service)
            .map(|(_, w)| w)
    }
}
