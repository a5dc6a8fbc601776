//! What a plan is: its purchases, who uses them, who pays what, and why there
//! may be none (docs/reference/plan.md).

use crate::model::Catalog;
use crate::model::index::{BundleIx, ServiceIx};
use crate::model::offer::Status;
use crate::model::people::Member;
use crate::money::Money;
use crate::note::Note;
use crate::split::Split;

/// Something that can be bought.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OfferKind {
    Bundle(BundleIx),
    Service(ServiceIx),
}

impl OfferKind {
    /// Whether it is on sale (docs/reference/file-format.md, "Availability").
    pub fn status(self, catalog: &Catalog) -> Status {
        match self {
            OfferKind::Bundle(b) => catalog.bundles[b].status,
            OfferKind::Service(s) => catalog.services[s].status,
        }
    }
}

/// One purchase in the plan and what it is used for. A household plan may buy an
/// offer more than once: then it has one of these per purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedOffer {
    pub kind: OfferKind,
    pub id: String,
    pub price: Money,
    /// For a service: the label of its cheapest way to buy it, if labelled.
    pub label: Option<String>,
    /// The wanted services this purchase is used for, in wants order (for a
    /// household: in order of first want).
    pub covers: Vec<ServiceIx>,
    /// Who uses each service of `covers` from this purchase, in person order: one
    /// list per entry of `covers`, never longer than the service's `seats`. (In a
    /// one-person plan every list is `[Me]`.)
    pub used_by: Vec<Vec<Member>>,
}

/// The cheapest way to get every wanted service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Every wanted service once, in order of first want (`me` first, then people).
    pub wants: Vec<ServiceIx>,
    /// Sorted by id; a household plan has one entry per purchase.
    pub offers: Vec<PlannedOffer>,
    pub total: Money,
    /// Each person's wants bought one by one, summed over people; `None` when one
    /// of them is not sold alone.
    pub standalone_total: Option<Money>,
    pub savings: Option<Money>,
    /// Plain includes of the chosen bundles that are not wanted, sorted by id.
    pub extras: Vec<ServiceIx>,
    /// Notes on tiers and benefits whose fact is not set, then (from the
    /// command line) on prices seen long ago.
    pub notes: Vec<Note>,
    /// The statuses the plan could use: `available`, then what `--include` added.
    pub include: Vec<Status>,
    /// When rumoured offers were not included: the plan that would use them too.
    pub if_rumoured: IfRumoured,
    /// Present exactly when the plan is for a household (someone besides `me`):
    /// each person's share, in person order (docs/reference/arithmetic.md, "Rule 6: Household shares").
    pub people: Option<Vec<PersonShare>>,
    /// With `people`: how the total was shared.
    pub split: Option<Sharing>,
    /// Whether every search of the answer proved its optimum and tie order
    /// within the time limit.
    pub proven: bool,
    /// A proven lower bound on `total`, in fen rounded up: `total` when proven.
    pub bound: Money,
    /// The searches that ran out of time, in the order they ran.
    pub unproven: Vec<Unproven>,
}

/// How a household plan's total was shared (docs/reference/arithmetic.md, "Rule 6: Household shares").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sharing {
    /// The rule used.
    pub rule: Split,
    /// Fair shares were asked for more people than they are computed for
    /// (`Split::FAIR_MOST`), so `rule` is equal savings instead.
    pub fair_too_many: bool,
}

/// A search of a plan's answer stopped by the time limit before its proof.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unproven {
    /// The plan itself: its purchases are the best found.
    Plan,
    /// A person's alone: the best total found for their wants alone.
    Alone(Member),
    /// The plan that would also use rumoured offers.
    IfRumoured,
    /// The plan of a group of people that fair shares need (`c(S)`): the shares
    /// use the best total found.
    Shares,
}

/// One person's part of a household plan (docs/reference/arithmetic.md, "Rule 6: Household shares"), in the basis period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonShare {
    pub member: Member,
    /// As the file (or `--want`, for `me`) lists them.
    pub wants: Vec<ServiceIx>,
    /// Their parts of the purchases they use; all payments sum to the total.
    pub pays: Money,
    /// The total of the household plan for this person alone (same statuses and
    /// scenario; an offer may be bought twice there too).
    pub alone: Money,
    /// `alone - pays`.
    pub saves: Money,
}

/// What the plan would be if rumoured offers launched (docs/reference/plan.md `if_rumoured`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IfRumoured {
    /// Rumoured offers were included already: nothing to compare.
    Included,
    /// They would not make the plan cheaper.
    NoCheaper,
    /// They would.
    Cheaper(Box<RumouredPlan>),
}

/// The cheaper plan rumoured offers would allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RumouredPlan {
    /// Sorted by id.
    pub offers: Vec<OfferKind>,
    pub ids: Vec<String>,
    /// The rumoured services it uses as a group's member of an offer on sale
    /// (a rumoured service sold alone is one of `offers`), in order of use.
    pub rumoured_members: Vec<ServiceIx>,
    pub total: Money,
    /// How much less than the plan without them.
    pub saves: Money,
}

/// Why there is no plan (docs/reference/plan.md, "When there is no plan").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// Nobody wants anything.
    NoWants,
    /// Wanted services that no offer the plan may use covers, in order of
    /// first want, each with why.
    Uncovered(Vec<Unmet>),
    /// Each want is covered by some offer, but not all together: these are only
    /// available as choices in `one_of` groups, one member per group (each
    /// `Unbuyable::OnlyInGroups`).
    OnlyOneOf(Vec<Unmet>),
}

impl PlanError {
    /// The wanted services the plan cannot buy, in order of first want (none
    /// for `NoWants`).
    pub fn services(&self) -> Vec<ServiceIx> {
        match self {
            PlanError::NoWants => Vec::new(),
            PlanError::Uncovered(unmet) | PlanError::OnlyOneOf(unmet) => {
                unmet.iter().map(|u| u.service).collect()
            }
        }
    }
}

/// A wanted service no plan can buy: which, why, and who wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmet {
    pub service: ServiceIx,
    pub why: Unbuyable,
    /// For a household's plan (someone besides `me`), the members who want it,
    /// in person order; `None` for one person's plan.
    pub wanted_by: Option<Vec<Member>>,
}

/// Why a wanted service cannot be bought, the first that applies in this order
/// (docs/reference/plan.md, "When there is no plan").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unbuyable {
    /// It has ended, and ended offers are not included.
    Ended,
    /// Only rumoured offers include it, and they are not included.
    OnlyRumoured,
    /// It is sold alone, yet no offer the plan may use includes it.
    NoOffer,
    /// It is not sold alone (`sold_alone = false`) and no bundle includes it.
    NotSoldAlone,
    /// Offers include it only as a choice in a `one_of` group, and no set of
    /// them gives every want together.
    OnlyInGroups,
}
