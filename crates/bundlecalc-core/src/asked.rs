//! What the command line asks on top of the file (docs/reference/command-line.md):
//! the one type both the headless modes and the screen keep it in. The screen
//! keeps it across reloads and edits, and changes what its keys change (the
//! wants `w` marks, the rule `x` chooses).

use std::collections::BTreeMap;
use std::time::Duration;

use rust_decimal::Decimal;

use crate::model::Catalog;
use crate::period::Period;
use crate::plan::calendar::months::Horizon;
use crate::plan::problem::Budget;
use crate::scenario::{Includes, Scenario};
use crate::split::Split;

/// What is asked on top of the file: each `None` (or empty) leaves the file's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Asked {
    /// `--per`: the period figures are shown per, instead of the file's.
    pub basis: Option<Period>,
    /// `--want`: the wanted services by id, instead of the file's.
    pub wants: Option<Vec<String>>,
    /// `--set`: facts that win over the file's.
    pub facts: BTreeMap<String, Decimal>,
    /// `--include`: the statuses a plan may use besides `available`.
    pub include: Includes,
    /// `--split`, or the rule `x` chose: how a household shares, instead of the
    /// file's rule (a view, never saved).
    pub split: Option<Split>,
    /// `--what-if`: the ids of the changes applied.
    pub what_ifs: Vec<String>,
    /// `--people`: the people kept, if given.
    pub people: Option<Vec<String>>,
    /// `--time-limit`: how long the searches of one answer may run.
    pub time_limit: Option<Duration>,
    /// `--from`, `--months` and `--today`: the calendar's months.
    pub calendar: Option<Horizon>,
    /// `--today`: the day a price's age is judged from (docs/reference/file-format.md,
    /// "When a price was seen"); `None` for the system's date.
    pub today: Option<time::Date>,
}

impl Asked {
    /// The file's scenario with what is asked on top of it, and the asked wants
    /// that name no service of `catalog`.
    pub fn scenario<'a>(&'a self, catalog: &Catalog) -> (Scenario, Vec<&'a str>) {
        let mut scenario = Scenario::from_catalog(catalog);
        if let Some(basis) = self.basis {
            scenario.basis = basis;
        }
        let mut unknown = Vec::new();
        if let Some(ids) = &self.wants {
            let (services, gone) = catalog.services_named(ids.iter().map(String::as_str));
            scenario.set_wants(services);
            unknown = gone;
        }
        scenario.facts.extend(self.facts.clone());
        scenario.include = self.include;
        if let Some(split) = &self.split {
            scenario.split = split.clone();
        }
        (scenario, unknown)
    }

    /// How long the searches of one answer may run (default 10 s).
    pub fn time_limit(&self) -> Duration {
        self.time_limit
            .unwrap_or(Duration::from_secs(Budget::DEFAULT_SECONDS))
    }
}
