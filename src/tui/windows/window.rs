//! What a window is (the `Window` trait) and what every window is handed
//! (`Props`). A leaf: it names no window, so each window can use it.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Frame;
use ratatui::layout::Rect;
use rust_decimal::Decimal;

use super::outcome::Outcome;
use crate::tui::action::{Action, KeyMode};
use crate::tui::planning::{Calendaring, Planning};
use crate::tui::theme::Theme;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::BundleIx;
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::scenario::Scenario;

/// A window over the main screen, in the manner of gitui's components: it owns
/// its state, turns an action into an `Outcome` that `App` acts on, and draws
/// itself from the `Props` it is handed, never from the `App`.
pub trait Window {
    /// What the keys mean while it has the keyboard.
    fn key_mode(&self) -> KeyMode;

    /// The work found in the background that it shows, if any: the screen starts
    /// it when the window opens, and again when the figures change under it.
    fn shows(&self) -> Option<Shows> {
        None
    }

    /// What the status line says while it has the keyboard, instead of the
    /// message or the keys (the search box says what is typed).
    fn status(&self) -> Option<String> {
        None
    }

    /// Takes an action, changing only its own state; what the screen is to do.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome;

    /// Draws itself over what is drawn in `area` (the screen: windows are
    /// dialogs in its middle). Changes nothing.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect);
}

/// Work found in the background, that a window shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Shows {
    /// The plan and its what-ifs (`planning::Planning`).
    Plan,
    /// The calendar (`planning::Calendaring`).
    Calendar,
}

/// What every window is handed, to update and to draw: borrowed from the screen's
/// state, built in one place (`App::props`).
pub struct Props<'a> {
    /// The screen's size: a window's width, and how far a page or a scroll goes.
    pub screen: Rect,
    pub theme: Theme,
    /// The catalogue every figure is made on: the file's, with the what-ifs applied.
    pub catalog: &'a Catalog,
    /// `catalog` with control characters escaped: what names are drawn from.
    pub shown: &'a Catalog,
    /// The file's catalogue with this screen's edits, no what-if applied: its
    /// changes.
    pub file: &'a Catalog,
    /// `file` with control characters escaped.
    pub file_shown: &'a Catalog,
    /// What the figures assume: the period, wants, facts, the household's rule.
    pub scenario: &'a Scenario,
    /// The facts `--set` on the command line.
    pub facts_set: &'a BTreeMap<String, Decimal>,
    /// The facts edited in this screen.
    pub facts_edited: &'a BTreeSet<String>,
    /// The ids of the what-ifs applied.
    pub what_ifs: &'a [String],
    /// Whether `--people` chose who shares (so an empty household is its doing).
    pub people_chosen: bool,
    /// Where the file lives, in words.
    pub file_location: &'a str,
    /// The selected bundle, if there is one.
    pub bundle: Option<BundleIx>,
    /// The plan and its what-ifs: being found, or found.
    pub plan: Option<&'a Planning>,
    /// The calendar: being found, or found.
    pub calendar: Option<&'a Calendaring>,
    /// The months the calendar is asked for.
    pub horizon: Horizon,
    /// The file on disk does not load (the banner says why): what the screen
    /// shows is not the file's.
    pub file_broken: bool,
    /// The day a price's age is judged from (`--today`, or the system's date).
    pub today: time::Date,
}

impl Props<'_> {
    /// The period figures are shown per, in words.
    pub fn per(&self) -> String {
        crate::words::per(self.scenario.basis)
    }
}
