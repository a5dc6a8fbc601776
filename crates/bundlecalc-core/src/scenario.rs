//! What figures are computed for (docs/reference/arithmetic.md, docs/reference/command-line.md): the basis period, the wants, the
//! facts, the statuses a plan may use and how a household shares; the file's own,
//! and with what the command line or the screen asks on top of it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::Status;
use crate::period::Period;
use crate::split::Split;

/// The circumstances figures are computed for: period, wants, facts, and the
/// offers a plan may use.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub basis: Period,
    /// The wanted services; `None` when no wants are set.
    pub wants: Option<Vec<ServiceIx>>,
    pub facts: BTreeMap<String, Decimal>,
    pub include: Includes,
    /// How a household plan's total is shared (docs/reference/arithmetic.md, "Rule 6: Household shares"): the file's
    /// `[household] split`, or what `--split` or the screen's `x` chose.
    pub split: Split,
}

/// The offers a plan may use besides available ones (`--include`, `i`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Includes {
    pub rumoured: bool,
    pub ended: bool,
}

impl Includes {
    /// Whether a plan may buy an offer of this status.
    pub fn allows(self, status: Status) -> bool {
        match status {
            Status::Available => true,
            Status::Rumoured => self.rumoured,
            Status::Ended => self.ended,
        }
    }

    /// The statuses a plan may use: `available` first, then the others in
    /// alphabetical order.
    pub fn statuses(self) -> Vec<Status> {
        let mut statuses = vec![Status::Available];
        statuses.extend(
            [Status::Ended, Status::Rumoured]
                .into_iter()
                .filter(|s| self.allows(*s)),
        );
        statuses
    }
}

impl Scenario {
    /// The scenario the file itself describes: its basis, wants and facts.
    pub fn from_catalog(catalog: &Catalog) -> Self {
        let wants = &catalog.profile.wants;
        Scenario {
            basis: catalog.basis,
            wants: (!wants.is_empty()).then(|| wants.clone()),
            facts: catalog.profile.facts.clone(),
            include: Includes::default(),
            split: catalog.split.clone(),
        }
    }

    /// Replaces the wants; an empty list means no wants.
    pub fn set_wants(&mut self, wants: Vec<ServiceIx>) {
        self.wants = (!wants.is_empty()).then_some(wants);
    }
}
