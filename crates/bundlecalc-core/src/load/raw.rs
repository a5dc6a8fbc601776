//! What the walk collects before ids are looked up: the catalogue's items with the
//! places of their references, handed from `walk` to `resolve`.

use std::collections::BTreeMap;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::diagnostic::{LineIndex, Problems};
use crate::model::offer::{Bundle, First, Service, Tier, Way};
use crate::model::people::Window;
use crate::period::Period;
use crate::seen::Seen;
use crate::split::Split;

/// An id as written in the file, with its place (a byte range of the file).
pub struct Written {
    pub id: String,
    pub span: Range<usize>,
}

/// An entry of a bundle's `includes`, before its ids are looked up.
pub enum RawInclude {
    Service(Written),
    OneOf {
        members: Vec<Written>,
        label: Option<String>,
    },
}

/// A bundle whose references are not looked up yet.
pub struct RawBundle {
    /// The bundle with no includes yet.
    pub bundle: Bundle,
    pub key_span: Range<usize>,
    pub includes: Vec<RawInclude>,
}

/// One bundle's entry of `profile.picks`, not looked up yet.
pub struct RawPicks {
    pub bundle: Written,
    pub picks: Vec<Written>,
}

/// A fact of `[profile.facts]` with the place of its value.
pub struct RawFact {
    pub value: Decimal,
    pub span: Range<usize>,
}

/// A value of a change with the place of its key, for "does not fit the offer".
pub struct Keyed<T> {
    pub key_span: Range<usize>,
    pub value: T,
}

/// A `[changes.ID]` table (docs/reference/file-format.md, "What-if changes") whose ids are not looked up yet.
pub struct RawChange {
    pub id: String,
    pub name: Option<String>,
    pub key_span: Range<usize>,
    pub line: usize,
    /// `None` when the table has no `offer`, a problem noted already.
    pub offer: Option<Written>,
    pub add: Option<Keyed<Vec<RawInclude>>>,
    pub remove: Option<Keyed<Vec<Written>>>,
    pub price: Option<Keyed<Decimal>>,
    pub period: Option<Keyed<Period>>,
    pub tiers: Option<Keyed<Vec<Tier>>>,
    pub label: Option<Keyed<String>>,
    pub other_prices: Option<Keyed<Vec<Way>>>,
    pub first: Option<Keyed<First>>,
    pub note: Option<String>,
    pub seen: Seen,
}

/// A person of `[people.ID]` (docs/reference/file-format.md, "People who share") whose wants are not looked up yet.
pub struct RawPerson {
    pub id: String,
    pub name: Option<String>,
    pub wants: Vec<Written>,
    pub time: RawTime,
}

/// `held` and `when` (docs/reference/file-format.md, "Time: held, when, first") of the profile or a person, before their ids
/// are looked up.
#[derive(Default)]
pub struct RawTime {
    pub held: Vec<(Written, time::Date)>,
    pub when: Vec<(Written, Window)>,
}

/// `[household] split` (docs/reference/file-format.md, "People who share") before the weights' ids are looked up.
pub enum RawSplit {
    Named(Split),
    /// Each weight with the place of its id, in the order written.
    Weights(Vec<(Written, Decimal)>),
}

/// Everything the walk found, and every problem it noted on the way.
pub struct Walked<'t> {
    pub lines: LineIndex<'t>,
    pub problems: Problems,
    pub currency: Option<String>,
    pub basis: Option<Period>,
    pub services: Vec<Service>,
    pub bundles: Vec<RawBundle>,
    pub changes: Vec<RawChange>,
    pub wants: Vec<Written>,
    pub picks: Vec<RawPicks>,
    pub facts: BTreeMap<String, RawFact>,
    /// `[profile.held]` and `[profile.when]`.
    pub time: RawTime,
    pub people: Vec<RawPerson>,
    pub split: Option<RawSplit>,
}

impl<'t> Walked<'t> {
    pub fn new(text: &'t str) -> Self {
        Walked {
            lines: LineIndex::new(text),
            problems: Problems::default(),
            currency: None,
            basis: None,
            services: Vec::new(),
            bundles: Vec::new(),
            changes: Vec::new(),
            wants: Vec::new(),
            picks: Vec::new(),
            facts: BTreeMap::new(),
            time: RawTime::default(),
            people: Vec::new(),
            split: None,
        }
    }
}
