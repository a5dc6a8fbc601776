//! The interactive screen: drawn into a TestBackend, and the real binary in a pseudo-terminal.

mod dates_window;
mod facts_and_picks;
mod journeys;
mod price_ages;
mod properties;
mod readable;
mod services_window;
mod terminal;
mod watch;
mod windows;
