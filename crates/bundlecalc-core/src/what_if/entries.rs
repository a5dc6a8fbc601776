//! The plan's what-ifs (docs/reference/plan.md, "What-ifs in the plan"): what each change not applied would
//! make of the plan, then all of them together. Each is the plan for the same
//! wants and statuses on the catalogue with those changes applied too.

use crate::model::Catalog;
use crate::model::index::ChangeIx;
use crate::money::Money;
use crate::plan::problem::Budget;
use crate::plan::purchases_within;
use crate::plan::types::OfferKind;
use crate::scenario::Scenario;
use crate::what_if::apply::{ApplyError, apply};

/// One entry of `what_if`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The changes it applies besides those applied already, in file order.
    pub changes: Vec<ChangeIx>,
    pub plan: WhatIfPlan,
}

/// What the plan would be with an entry's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhatIfPlan {
    Plan {
        /// Sorted by id; the same indexes as in the catalogue without them.
        offers: Vec<OfferKind>,
        /// The label of the way each offer is bought, as in the plan.
        labels: Vec<Option<String>>,
        ids: Vec<String>,
        /// In the basis period.
        total: Money,
        /// This plan's total minus that one's: negative when the changes make
        /// the plan dearer.
        saves: Money,
        /// Whether its search proved it the cheapest within the time limit.
        proven: bool,
    },
    /// The wants could not be covered then.
    Uncovered,
    /// The changes cannot be applied together (a bundle left with no include).
    Refused(ApplyError),
}

impl WhatIfPlan {
    /// Whether the entry's search finished its proof (or there was nothing to
    /// search).
    pub fn is_proven(&self) -> bool {
        !matches!(self, WhatIfPlan::Plan { proven: false, .. })
    }

    /// How much less the plan would cost; `None` when there would be no plan.
    pub fn saves(&self) -> Option<Money> {
        match self {
            WhatIfPlan::Plan { saves, .. } => Some(*saves),
            _ => None,
        }
    }
}

/// The what-if entries of a plan that totals `total`, made for `scenario` on `file`
/// (the catalogue as the file writes it) with the changes `applied`: one per change
/// not applied, in file order, then one with all of them when there are two or
/// more. `None` when the file has no changes; empty when all are applied. Their
/// searches share `budget`.
pub fn what_ifs(
    file: &Catalog,
    applied: &[ChangeIx],
    scenario: &Scenario,
    total: Money,
    budget: &Budget,
) -> Option<Vec<WhatIf>> {
    if file.changes.is_empty() {
        return None;
    }
    let open: Vec<ChangeIx> = (0..file.changes.len())
        .filter(|c| !applied.contains(c))
        .collect();
    let mut sets: Vec<Vec<ChangeIx>> = open.iter().map(|&c| vec![c]).collect();
    if open.len() >= 2 {
        sets.push(open);
    }
    // Each entry is a whole plan of its own (a household's can take seconds):
    // they are found side by side, one thread each, and kept in order.
    let entries = std::thread::scope(|scope| {
        let found: Vec<_> = sets
            .into_iter()
            .map(|changes| {
                scope.spawn(move || WhatIf {
                    plan: plan_with(file, applied, &changes, scenario, total, budget),
                    changes,
                })
            })
            .collect();
        found
            .into_iter()
            .map(|entry| entry.join().expect("a what-if's plan does not panic"))
            .collect()
    });
    Some(entries)
}

/// The plan on `file` with `applied` and `more` applied, against a plan that totals
/// `total`: what one change would save, for the screen's list of changes too.
pub fn plan_with(
    file: &Catalog,
    applied: &[ChangeIx],
    more: &[ChangeIx],
    scenario: &Scenario,
    total: Money,
    budget: &Budget,
) -> WhatIfPlan {
    let all: Vec<ChangeIx> = applied.iter().chain(more).copied().collect();
    let changed = match apply(file, &all) {
        Ok(changed) => changed,
        Err(why) => return WhatIfPlan::Refused(why),
    };
    // Only the purchases and their total: no one's share is shown for a what-if.
    match purchases_within(&changed, scenario, budget) {
        Ok(found) => WhatIfPlan::Plan {
            offers: found.offers.iter().map(|o| o.kind).collect(),
            labels: found.offers.iter().map(|o| o.label.clone()).collect(),
            ids: found.offers.iter().map(|o| o.id.clone()).collect(),
            total: found.total,
            saves: total - found.total,
            proven: found.proven,
        },
        Err(_) => WhatIfPlan::Uncovered,
    }
}
