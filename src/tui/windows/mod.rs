//! The windows drawn over the main screen, one file each. Each is a `Window`
//! (`window.rs`): it owns its state, turns an action into an `Outcome`
//! (`outcome.rs`) and draws from the `Props` it is handed, never from the `App`;
//! none imports `app` or `view`. The list below is the one place that names them
//! all, with the key that opens each on the main screen: a new window is its
//! file and its line there (ARCHITECTURE.md, "Where to add…").

pub mod outcome;
pub mod target;
pub mod window;

use std::ops::{Deref, DerefMut};

use window::Window;

/// Declares each window's module and its variant of `OpenWindow`, and hands the
/// `Window` trait's calls to the window that is open: the one `match` on windows.
macro_rules! windows {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$window:ident) $(on $key:literal)?,)*) => {
        $(pub mod $module;)*

        /// A window that is open, with its state: it exists exactly while it is
        /// open. It is a `Window` (through `Deref`), whichever it is.
        #[derive(Clone, Debug, PartialEq)]
        pub enum OpenWindow {
            $($(#[$doc])* $variant($module::$window),)*
        }

        /// The windows a key opens on the main screen, as they start
        /// (`Default`): those the list gives a key (`on '?'`). The others open
        /// with something of the screen's (the search box, the note, the field).
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum Opens {
            $($(#[doc = concat!("`", $key, "`")] $variant,)?)*
        }

        impl Opens {
            /// The window `key` opens on the main screen, if it opens one.
            pub fn with_key(key: char) -> Option<Opens> {
                $($(
                    if key == $key {
                        return Some(Opens::$variant);
                    }
                )?)*
                None
            }

            /// The key that opens it.
            pub fn key(self) -> char {
                match self {
                    $($(Opens::$variant => $key,)?)*
                }
            }
        }

        impl OpenWindow {
            /// The window `opens` names, as it starts.
            pub fn opened_by(opens: Opens) -> OpenWindow {
                match opens {
                    $($(Opens::$variant => {
                        let _key = $key; // the repetition is by key
                        OpenWindow::$variant(<$module::$window>::default())
                    })?)*
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
    Help(help::Help) on '?',
    /// The cheapest plan for the wants (`P`).
    Plan(plan::PlanWindow) on 'P',
    /// The facts tiers and benefits test (`f`).
    Facts(facts::FactsWindow) on 'f',
    /// The selected bundle's whole note (`v`).
    Note(note::NoteWindow),
    /// The price field (`e`), or a fact's.
    Field(field::PriceField),
    /// A question to answer first.
    Question(question::Question),
    /// The search box in the status line (`/`).
    Search(search::Search),
    /// Every what-if change, applied or not, and what it would save (`a`).
    WhatIfs(what_ifs::WhatIfsWindow) on 'a',
    /// The household's purchases and who pays what (`H`).
    Household(household::HouseholdWindow) on 'H',
    /// Every service, with its wanted mark (`W`).
    Services(services::ServicesWindow),
    /// The calendar, month by month (`C`).
    Calendar(calendar::CalendarWindow) on 'C',
    /// Every price with when and where it was seen, oldest first (`d`).
    Dates(dates::DatesWindow) on 'd',
}
