//! The what-if changes a file holds (docs/reference/file-format.md, "What-if changes"),
//! off until applied. (The mark an applied change leaves on its offer,
//! `ChangeMark`, is the offer's: `offer.rs`.)

use rust_decimal::Decimal;

use super::index::ServiceIx;
use super::offer::{First, Include, Offer, Tier, Way};
use crate::period::Period;
use crate::seen::Seen;

/// A what-if change of an offer (docs/reference/file-format.md, "What-if changes"), off until applied. Only the keys
/// that fit its offer are set: `add`, `remove`, `tiers` for a bundle, `label`
/// and `other_prices` for a service.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: String,
    /// Default the id.
    pub name: String,
    pub offer: Offer,
    /// Includes added at the end.
    pub add: Vec<Include>,
    /// Services taken out of the includes.
    pub remove: Vec<ServiceIx>,
    pub price: Option<Decimal>,
    pub period: Option<Period>,
    /// Replaces the bundle's tiers (`Some(vec![])` removes them).
    pub tiers: Option<Vec<Tier>>,
    pub label: Option<String>,
    /// Replaces the service's other ways to buy it.
    pub other_prices: Option<Vec<Way>>,
    /// Replaces the offer's first price (docs/reference/file-format.md, "Time: held, when, first").
    pub first: Option<First>,
    pub note: Option<String>,
    /// When and where the change was reported.
    pub seen: Seen,
    /// 1-based line of the change's table in the file.
    pub line: usize,
}
