//! What the screen starts with, and what it leaves the event loop to do.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::error::Error;
use crate::source::Source;
use crate::workspace::Workspace;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::scenario::Scenario;
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

/// What the screen starts with.
pub struct AppConfig {
    pub workspace: Workspace,
    pub catalog: Catalog,
    pub scenario: Scenario,
    pub overrides: Overrides,
    pub sort: SortKey,
    pub reverse: bool,
    pub colour: bool,
    pub size: (u16, u16),
    /// Why the file did not load, when the screen opens on a broken file (with an
    /// empty catalogue): shown with its place until the file is fixed.
    pub problem: Option<Error>,
}

impl AppConfig {
    /// The screen on `source` as the file describes it: no command-line overrides,
    /// file order, no colour, 80×24.
    pub fn for_source(source: Source) -> Result<Self, Error> {
        let catalog = source.catalog()?;
        let scenario = Scenario::from_catalog(&catalog);
        Ok(AppConfig {
            workspace: Workspace::new(source),
            catalog,
            scenario,
            overrides: Overrides::default(),
            sort: SortKey::File,
            reverse: false,
            colour: false,
            size: (80, 24),
            problem: None,
        })
    }
}
