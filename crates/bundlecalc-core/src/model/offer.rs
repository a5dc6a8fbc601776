//! The offers and their prices (docs/reference/file-format.md, "Services";
//! docs/reference/file-format.md, "Bundles"): services with their ways to buy
//! them and benefits, bundles with their includes, `one_of` groups and price
//! tiers, first prices for new members, whether each is on sale, and the marks
//! of the what-if changes applied to it.

use std::fmt;

use rust_decimal::Decimal;

use super::index::{BundleIx, ServiceIx};
use crate::condition::Condition;
use crate::period::Period;
use crate::seen::Seen;

/// Whether an offer can be bought now (docs/reference/file-format.md, "Availability").
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// On sale.
    #[default]
    Available,
    /// Announced or leaked, not on sale.
    Rumoured,
    /// Sold once, no longer.
    Ended,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Available, Status::Rumoured, Status::Ended];

    /// The name in files, JSON and CSV.
    pub const fn name(self) -> &'static str {
        match self {
            Status::Available => "available",
            Status::Rumoured => "rumoured",
            Status::Ended => "ended",
        }
    }

    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.name() == name)
    }

    pub fn is_available(self) -> bool {
        self == Status::Available
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The offer a change changes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Offer {
    Bundle(BundleIx),
    Service(ServiceIx),
}

/// One more way to buy a service alone (docs/reference/file-format.md, "Other ways to buy"), such as monthly.
#[derive(Clone, Debug, PartialEq)]
pub struct Way {
    pub price: Decimal,
    pub period: Period,
    pub label: Option<String>,
    /// When and where this price was seen; an entry does not take its service's.
    pub seen: Seen,
    /// What a new member pays for the first purchases of this way (docs/reference/file-format.md, "Time: held, when, first").
    /// (Boxed: most ways have none.)
    pub first: Option<Box<First>>,
}

/// A first-period price for new members (docs/reference/file-format.md, "Time: held, when, first"): the first `periods`
/// purchases of a way to buy cost `price` each, in the way's own period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct First {
    pub price: Decimal,
    /// At least 1.
    pub periods: u32,
}

/// What a benefit is worth to the user (docs/reference/file-format.md, "Benefits"): `min(fact × rate, max)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Benefit {
    /// The fact that measures the user, such as a yearly spending.
    pub fact: String,
    /// Between 0 and 1.
    pub rate: Decimal,
    pub max: Option<Decimal>,
}

/// A membership that can be counted in bundles and, usually, bought alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// The main price (zero for a benefit, which has `value` instead).
    pub price: Decimal,
    pub period: Period,
    /// Names the main price, as in "annual card". (Boxed, as the other ways and
    /// the benefit: most services have none, and a catalogue can hold millions.)
    pub label: Option<Box<str>>,
    /// Other ways to buy it alone; it is worth the least of them all.
    pub other_prices: Box<[Way]>,
    /// Set for a benefit, whose worth depends on a fact about the user.
    pub value: Option<Box<Benefit>>,
    pub sold_alone: bool,
    /// How many people one purchase of an offer providing this service serves
    /// (docs/reference/file-format.md, "People who share"); at least 1, and 1 unless the file says otherwise.
    pub seats: u32,
    pub status: Status,
    pub note: Option<String>,
    /// When and where the main price was seen.
    pub seen: Seen,
    /// What a new member pays for the first purchases at the main price
    /// (docs/reference/file-format.md, "Time: held, when, first"). (Boxed: most services have none.)
    pub first: Option<Box<First>>,
    /// The what-if changes applied to it, in file order (none as the file writes it).
    pub changes: Box<[ChangeMark]>,
    /// 1-based line of the service's table in the file.
    pub line: usize,
}

impl Service {
    /// When and where the price of the way to buy it at `at` was seen: `None` for
    /// the main price, else the position in `other_prices` (as `calc::prices::cheapest_way`).
    pub fn seen_of(&self, at: Option<usize>) -> &Seen {
        match at {
            Some(at) => &self.other_prices[at].seen,
            None => &self.seen,
        }
    }
}

/// A joint membership: one price, several services.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub id: String,
    pub name: String,
    /// The base price, in `period`, used when no tier applies.
    pub price: Decimal,
    pub period: Period,
    pub status: Status,
    pub tiers: Vec<Tier>,
    pub includes: Vec<Include>,
    pub note: Option<String>,
    /// When and where its price was seen.
    pub seen: Seen,
    /// What a new member pays for the first purchases (docs/reference/file-format.md, "Time: held, when, first").
    pub first: Option<Box<First>>,
    /// The what-if changes applied to it, in file order (none as the file writes it).
    pub changes: Vec<ChangeMark>,
    /// 1-based line of the bundle's table in the file.
    pub line: usize,
}

impl Bundle {
    /// The members of the `one_of` group that holds `service`, if one does.
    pub fn group_of(&self, service: ServiceIx) -> Option<&[ServiceIx]> {
        group_holding(&self.includes, service).map(|at| self.includes[at].members())
    }
}

/// The first of `services` that is a benefit reading the fact `fact` as an amount
/// spent (docs/reference/file-format.md, "Benefits"), if one is.
pub fn benefit_spending<'a>(services: &'a [Service], fact: &str) -> Option<&'a Service> {
    services
        .iter()
        .find(|s| s.value.as_ref().is_some_and(|b| b.fact == fact))
}

/// Where among `includes` the `one_of` group holding `service` is, if one holds it.
pub fn group_holding(includes: &[Include], service: ServiceIx) -> Option<usize> {
    includes.iter().position(
        |include| matches!(include, Include::OneOf { members, .. } if members.contains(&service)),
    )
}

/// One entry of a bundle's `includes`.
#[derive(Clone, Debug, PartialEq)]
pub enum Include {
    /// A service always counted.
    Service(ServiceIx),
    /// Exactly one of these services is counted.
    OneOf {
        members: Vec<ServiceIx>,
        label: Option<String>,
    },
}

impl Include {
    /// The services this entry can stand for.
    pub fn members(&self) -> &[ServiceIx] {
        match self {
            Include::Service(service) => std::slice::from_ref(service),
            Include::OneOf { members, .. } => members,
        }
    }
}

/// A price that applies when a fact about the user satisfies a condition.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub when: Condition,
    /// In the bundle's period.
    pub price: Decimal,
}

/// A what-if change applied to an offer, as the offer remembers it (docs/reference/file-format.md, "What-if changes").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeMark {
    pub id: String,
    /// The change's name, for people: "QQ Music joins 88VIP".
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_holding_a_service_is_found_and_a_plain_include_is_no_group() {
        let includes = vec![
            Include::Service(0),
            Include::OneOf {
                members: vec![1, 2],
                label: None,
            },
        ];
        assert_eq!(group_holding(&includes, 2), Some(1));
        assert_eq!(group_holding(&includes, 0), None);
        assert_eq!(group_holding(&includes, 3), None);
    }
}
