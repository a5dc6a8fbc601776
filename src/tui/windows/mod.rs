//! The windows drawn over the main screen, one file each. A window owns its state,
//! turns a key into an `Outcome` (`update`) and draws from what it is handed
//! (`draw`), never from the `App`; none imports `app` or `view`.

pub mod calendar;
pub mod facts;
pub mod field;
pub mod help;
pub mod household;
pub mod note;
pub mod outcome;
pub mod plan;
pub mod question;
pub mod search;
pub mod services;
pub mod target;
pub mod what_ifs;

use crate::tui::action::KeyMode;

/// A window that is open, with its state: it exists exactly while it is open.
#[derive(Clone, Debug, PartialEq)]
pub enum Window {
    /// Every key, and where the file lives (`?`).
    Help(help::Help),
    /// The cheapest plan for the wants (`P`).
    Plan(plan::PlanWindow),
    /// The facts tiers and benefits test (`f`).
    Facts(facts::FactsWindow),
    /// The selected bundle's whole note (`v`).
    Note(note::NoteWindow),
    /// The price field (`e`), or a fact's.
    Field(field::PriceField),
    /// A question to answer first.
    Question(question::Question),
    /// The search box in the status line (`/`).
    Search(search::Search),
    /// Every what-if change, applied or not, and what it would save (`a`).
    WhatIfs(what_ifs::WhatIfsWindow),
    /// The household's purchases and who pays what (`H`).
    Household(household::HouseholdWindow),
    /// Every service, with its wanted mark (`W`).
    Services(services::ServicesWindow),
    /// The calendar, month by month (`C`).
    Calendar(calendar::CalendarWindow),
}

impl Window {
    /// What the keys mean while this window has the keyboard.
    pub fn key_mode(&self) -> KeyMode {
        match self {
            Window::Field(_) | Window::Question(_) | Window::Search(_) => KeyMode::Typing,
            Window::Facts(_) | Window::WhatIfs(_) | Window::Services(_) => KeyMode::Choosing,
            Window::Help(_)
            | Window::Plan(_)
            | Window::Note(_)
            | Window::Household(_)
            | Window::Calendar(_) => KeyMode::Commands,
        }
    }
}
