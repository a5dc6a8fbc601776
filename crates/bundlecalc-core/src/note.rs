//! What a figure says besides its numbers, as data: a tier or a benefit whose
//! fact is not set, prices seen long ago, and what a calendar leaves out. The
//! comparison, the plan and the calendar each carry a list of them, worded by
//! the program in the language asked (JSON's in English).

use time::Date;

use crate::model::index::ServiceIx;
use crate::model::people::Member;
use crate::period::Period;

/// One note on a comparison, a plan or a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A price tier of bundle `bundle` tests the fact `fact`, which is not set:
    /// the tier is skipped (docs/reference/file-format.md, "Price tiers").
    /// `when` is the tier's condition as written (`taoqi >= 1000`).
    TierFactUnset {
        fact: String,
        when: String,
        bundle: String,
    },
    /// Benefit `benefit` reads the fact `fact`, which is not set: it is worth
    /// 0.00 (docs/reference/file-format.md, "Benefits").
    BenefitFactUnset { fact: String, benefit: String },
    /// Prices a figure used that were seen more than a year before today
    /// (docs/reference/file-format.md, "When a price was seen"): each offer's
    /// name (with the label of the way that gave the price) and the day it was
    /// seen, each once, in the order met.
    StalePrices(Vec<(String, Date)>),
    /// A `when` of a service its person does not want is ignored
    /// (docs/reference/calendar.md, "What the file says about time").
    WhenNotWanted { member: Member, service: ServiceIx },
    /// The way at `way` (0 the main price, else 1 + its place in
    /// `other_prices`) of offer `offer` is priced per `period`, a day or a week,
    /// and is not used by a calendar (docs/reference/calendar.md, "What is bought").
    WayLeftOut {
        offer: String,
        way: usize,
        /// The way's label, when the file gives one.
        label: Option<String>,
        period: Period,
    },
    /// Nobody wants anything in the horizon: the calendar is empty.
    NothingWanted,
    /// The file's rule cannot share a calendar (`by_use`): `fair` instead
    /// (docs/reference/calendar.md, "With people").
    ByUseFallsBack,
}
