//! bundlecalc: is a membership bundle worth its price? Exact decimal money.
//!
//! The core (`model`, `amount`, `load`, `calc`, `report`) knows nothing of the
//! terminal; `tui` is the interactive screen and `cli` chooses a mode.

// Every text meant for people, in `locales/`: see `i18n`.
rust_i18n::i18n!("locales", fallback = "en");

pub mod amount;
pub mod calc;
pub mod changes;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod edit;
pub mod error;
pub mod i18n;
pub mod load;
pub mod message;
pub mod model;
pub mod money;
pub mod note;
pub mod per_year;
pub mod period;
pub mod plan;
pub mod report;
pub mod save;
pub mod scenario;
pub mod schema;
pub mod seen;
pub mod source;
pub mod split;
pub mod stale;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod what_if;
pub mod worded;
pub mod words;
pub mod workspace;
