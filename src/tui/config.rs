//! What the command line set on top of the file for the screen (`Overrides`),
//! and what the screen leaves the event loop to do (`Request`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use rust_decimal::Decimal;

use bundlecalc_core::split::Split;

/// Work that needs the terminal, left for the event loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Suspend the screen, run the editor at `line` of `path`, then reload.
    OpenEditor { path: PathBuf, line: usize },
}

/// What the command line set that the file does not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    /// `--want`, replacing the file's wants.
    pub wants: Option<Vec<String>>,
    /// `--set`, winning over the file's facts.
    pub facts: BTreeMap<String, Decimal>,
    /// `--what-if`: the ids of the changes applied when the screen opens.
    pub what_ifs: Vec<String>,
    /// `--people`: the people kept (the catalogue holds only those), if given.
    pub people: Option<Vec<String>>,
    /// `--split`, or the rule `x` chose, instead of the file's: a view, never saved.
    pub split: Option<Split>,
    /// `--time-limit`: how long each plan's searches may run (default 10 s).
    pub time_limit: Option<std::time::Duration>,
    /// `--from`, `--months` and `--today`: the calendar window's first months
    /// (default 12 from this month).
    pub calendar: Option<bundlecalc_core::plan::calendar::months::Horizon>,
}

impl Overrides {
    /// How long each plan's searches may run.
    pub fn time_limit(&self) -> std::time::Duration {
        self.time_limit.unwrap_or(std::time::Duration::from_secs(
            bundlecalc_core::plan::problem::Budget::DEFAULT_SECONDS,
        ))
    }
}
