//! The plan, what each what-if would make of it, and the calendar
//! (docs/reference/calendar.md), each found on a worker thread (`Finding`): a
//! search can take a good part of a second on a large catalogue, and the screen
//! keeps answering keys meanwhile.

use std::sync::Arc;
use std::time::Duration;

use crate::tui::background::Finding;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ChangeIx;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::calendar::error::CalendarError;
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::plan::calendar::{Calendar, calendar_within};
use bundlecalc_core::plan::plan_within;
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::plan::types::{Plan, PlanError};
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::stale;
use bundlecalc_core::what_if::apply::ApplyError;
use bundlecalc_core::what_if::entries::{WhatIf, WhatIfPlan, plan_with, what_ifs};
use time::Date;

/// The cheapest plan for one catalogue and scenario, with its what-ifs: being
/// found, or found.
pub type Planning = Finding<Scenario, Planned>;

/// The calendar of one catalogue, scenario and horizon: being found, or found.
pub type Calendaring = Finding<(Scenario, Horizon), Result<Calendar, CalendarError>>;

/// The plan, and what the what-ifs would make of it.
#[derive(Debug)]
pub struct Planned {
    pub plan: Result<Plan, PlanError>,
    /// Each change not applied alone, then all of them (docs/reference/plan.md `what_if`);
    /// `None` when the file has no changes or there is no plan.
    pub what_ifs: Option<Vec<WhatIf>>,
    /// For each change applied: the plan without it, against this one (its
    /// `saves` is what taking the change back would save: negative when the
    /// change helps).
    pub take_backs: Vec<(ChangeIx, WhatIfPlan)>,
    /// What each of the file's changes would do to the plan, in file order: the
    /// what-ifs window's figures, made once with the plan.
    pub effects: Vec<Effect>,
}

impl Planned {
    /// `plan` of `catalog` (the file's catalogue `file` with `applied` applied),
    /// with its what-ifs, all searched within `budget`.
    pub fn find(
        file: &Catalog,
        catalog: &Catalog,
        applied: &[ChangeIx],
        scenario: &Scenario,
        budget: Budget,
    ) -> Self {
        let found = plan_within(catalog, scenario, &budget);
        let (what_ifs, take_backs) = match &found {
            Ok(plan) => {
                let what_ifs = what_ifs(file, applied, scenario, plan.total, &budget);
                let take_backs = applied
                    .iter()
                    .map(|&c| {
                        let others: Vec<ChangeIx> =
                            applied.iter().copied().filter(|&o| o != c).collect();
                        (
                            c,
                            plan_with(file, &others, &[], scenario, plan.total, &budget),
                        )
                    })
                    .collect();
                (what_ifs, take_backs)
            }
            Err(_) => (None, Vec::new()),
        };
        let mut planned = Planned {
            plan: found,
            what_ifs,
            take_backs,
            effects: Vec::new(),
        };
        planned.effects = planned.effects_of(file.changes.len());
        planned
    }

    /// What each of the `count` changes of the file would do to the plan.
    fn effects_of(&self, count: usize) -> Vec<Effect> {
        let mut effects = vec![Effect::NoPlan; count];
        if self.plan.is_err() {
            return effects;
        }
        for entry in self.what_ifs.iter().flatten() {
            if let [single] = entry.changes[..] {
                effects[single] = Effect::of_applying(&entry.plan);
            }
        }
        for (change, taken_back) in &self.take_backs {
            effects[*change] = Effect::of_keeping(taken_back);
        }
        effects
    }
}

/// What one change would do to the plan, once the plan is found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// No plan to compare with (no wants, or they cannot be covered).
    NoPlan,
    /// Applying the change (or, when applied, keeping it) saves this much; negative
    /// when it makes the plan dearer.
    Saves(Money),
    /// With the change, the wants could not be covered.
    Uncovered,
    /// The change cannot be applied with those applied already.
    Refused(ApplyError),
}

impl Effect {
    /// What a what-if entry says, for a change not applied.
    fn of_applying(outcome: &WhatIfPlan) -> Effect {
        match outcome {
            WhatIfPlan::Plan { saves, .. } => Effect::Saves(*saves),
            WhatIfPlan::Uncovered => Effect::Uncovered,
            WhatIfPlan::Refused(why) => Effect::Refused(why.clone()),
        }
    }

    /// What taking an applied change back says of it: keeping it saves the
    /// opposite of what taking it back would.
    fn of_keeping(taken_back: &WhatIfPlan) -> Effect {
        match taken_back {
            WhatIfPlan::Plan { saves, .. } => Effect::Saves(Money::ZERO - *saves),
            // Without it the wants could not be covered: it is what covers them.
            WhatIfPlan::Uncovered => Effect::NoPlan,
            WhatIfPlan::Refused(why) => Effect::Refused(why.clone()),
        }
    }
}

/// Starts the search for the cheapest plan of `catalog` (the file's catalogue
/// `file` with the changes `applied`) in `scenario`, and of its what-ifs; the
/// plan notes the prices it used that were seen more than a year before `today`.
pub fn start_plan(
    file: &Arc<Catalog>,
    catalog: &Arc<Catalog>,
    applied: &[ChangeIx],
    scenario: &Scenario,
    (time_limit, today): (Duration, Date),
) -> Planning {
    let (file, searched, wanted) = (Arc::clone(file), Arc::clone(catalog), scenario.clone());
    let applied = applied.to_vec();
    Finding::start(catalog, scenario.clone(), move |abandon| {
        let budget = Budget::for_time(time_limit).until_abandoned(abandon);
        let mut planned = Planned::find(&file, &searched, &applied, &wanted, budget);
        if let Ok(plan) = &mut planned.plan {
            plan.notes.extend(stale::plan_note(&searched, plan, today));
        }
        planned
    })
}

impl Planning {
    /// The plan, once found.
    pub fn found(&self) -> Option<&Result<Plan, PlanError>> {
        self.planned().map(|planned| &planned.plan)
    }

    /// The plan and its what-ifs, once found.
    pub fn planned(&self) -> Option<&Planned> {
        self.answer()
    }
}

/// Starts the search for the calendar of `catalog` in `scenario` over `horizon`,
/// within `time_limit`; the calendar notes the prices it bought by that were
/// seen more than a year before `today`.
pub fn start_calendar(
    catalog: &Arc<Catalog>,
    scenario: &Scenario,
    horizon: Horizon,
    (time_limit, today): (Duration, Date),
) -> Calendaring {
    let (searched, wanted) = (Arc::clone(catalog), scenario.clone());
    Finding::start(catalog, (scenario.clone(), horizon), move |abandon| {
        let budget = Budget::for_time(time_limit).until_abandoned(abandon);
        let mut found = calendar_within(&searched, &wanted, horizon, &budget);
        if let Ok(calendar) = &mut found {
            calendar
                .notes
                .extend(stale::calendar_note(&searched, calendar, today));
        }
        found
    })
}
