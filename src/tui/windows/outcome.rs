//! What a window asks of the screen after a key: windows change only their own
//! state, and `App` acts on every outcome in one place.

use rust_decimal::Decimal;

use super::target::PriceTarget;

/// What a window's `update` asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing beyond the window's own state.
    Stay,
    /// Close the window.
    Close,
    /// Close the window, then quit (asking first when there are unsaved edits).
    Quit,
    /// Close the question and quit, dropping unsaved edits.
    QuitNow,
    /// Close the question, save, and quit once saved.
    SaveAndQuit,
    /// Close the question and read the file again, dropping unsaved edits.
    Reload,
    /// Close the question and write the edits; then quit, if asked before.
    Write { then_quit: bool },
    /// Close the question: nothing is done.
    Cancelled,
    /// Open the field on this fact, over the window.
    EditFact(String),
    /// Close the field and set its value.
    Apply(PriceTarget, Decimal),
    /// Let plans use rumoured offers, or not.
    ToggleRumoured,
    /// Apply the what-if change at this index of the file's changes, or take it back.
    ToggleWhatIf(usize),
    /// Mark this service wanted, or no longer.
    ToggleWant(usize),
    /// Select the first match of the search box's query as typed so far.
    Find,
    /// Close the search box, keeping its query for `n` and `N`.
    KeepSearch,
    /// Share the household's total by the next rule (a view, never saved).
    NextSplit,
    /// Move the calendar's first month by this many months.
    MoveHorizon(i32),
    /// Make the calendar this many months longer (shorter when negative).
    ResizeHorizon(i32),
}

impl Outcome {
    /// Whether the window that answered this closes before it is acted on.
    pub fn closes_window(&self) -> bool {
        !matches!(
            self,
            Outcome::Stay
                | Outcome::EditFact(_)
                | Outcome::ToggleRumoured
                | Outcome::ToggleWhatIf(_)
                | Outcome::ToggleWant(_)
                | Outcome::Find
                | Outcome::KeepSearch
                | Outcome::NextSplit
                | Outcome::MoveHorizon(_)
                | Outcome::ResizeHorizon(_)
        )
    }
}
