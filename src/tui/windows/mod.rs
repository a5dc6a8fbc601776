//! The windows drawn over the main screen, one file each. Each is a `Window`
//! (`window.rs`): it owns its state, turns an action into an `Outcome`
//! (`outcome.rs`) and draws from the `Props` it is handed, never from the `App`;
//! none imports `app` or `view`. The list below is the one place that names them
//! all, and the window each key of `action::Opens` opens: a new window is its
//! file, its line there, and its key's line in `action.rs` (ARCHITECTURE.md,
//! "Where to add…").

pub mod outcome;
pub mod target;
pub mod window;

use std::ops::{Deref, DerefMut};

use crate::tui::action::Opens;
use window::Window;

/// Declares each window's module and its variant of `OpenWindow`, and hands the
/// `Window` trait's calls to the window that is open: the one `match` on windows.
macro_rules! windows {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$window:ident) $(on $opens:ident)?,)*) => {
        $(pub mod $module;)*

        /// A window that is open, with its state: it exists exactly while it is
        /// open. It is a `Window` (through `Deref`), whichever it is.
        #[derive(Clone, Debug, PartialEq)]
        pub enum OpenWindow {
            $($(#[$doc])* $variant($module::$window),)*
        }

        impl OpenWindow {
            /// The window `opens` names, as it starts.
            pub fn opened_by(opens: Opens) -> OpenWindow {
                match opens {
                    $($(Opens::$opens => OpenWindow::$variant(<$module::$window>::default()),)?)*
                }
            }
        }

        impl Deref for OpenWindow {
            type Target = dyn Window;

            fn deref(&self) -> &(dyn Window + 'static) {
                match self {
                    $(OpenWindow::$variant(window) => window,)*
                }
            }
        }

        impl DerefMut for OpenWindow {
            fn deref_mut(&mut self) -> &mut (dyn Window + 'static) {
                match self {
                    $(OpenWindow::$variant(window) => window,)*
                }
            }
        }
    };
}

windows! {
    /// Every key, and where the file lives (`?`).
    Help(help::Help) on Help,
    /// The cheapest plan for the wants (`P`).
    Plan(plan::PlanWindow) on Plan,
    /// The facts tiers and benefits test (`f`).
    Facts(facts::FactsWindow) on Facts,
    /// The selected bundle's whole note (`v`).
    Note(note::NoteWindow),
    /// The price field (`e`), or a fact's.
    Field(field::PriceField),
    /// A question to answer first.
    Question(question::Question),
    /// The search box in the status line (`/`).
    Search(search::Search),
    /// Every what-if change, applied or not, and what it would save (`a`).
    WhatIfs(what_ifs::WhatIfsWindow) on WhatIfs,
    /// The household's purchases and who pays what (`H`).
    Household(household::HouseholdWindow) on Household,
    /// Every service, with its wanted mark (`W`).
    Services(services::ServicesWindow),
    /// The calendar, month by month (`C`).
    Calendar(calendar::CalendarWindow) on Calendar,
    /// Every price with when and where it was seen, oldest first (`d`).
    Dates(dates::DatesWindow) on Dates,
}
