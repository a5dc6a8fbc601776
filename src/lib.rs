//! bundlecalc: is a membership bundle worth its price? Exact decimal money.
//!
//! The figures are made by the `bundlecalc_core` crate, which knows nothing of
//! the terminal and no word of any language. This crate is what people see:
//! `cli` chooses a mode, `report` and `words` put figures, notes and errors
//! into words, and `tui` is the interactive screen.

// Every text meant for people, in `locales/`: see `i18n`.
rust_i18n::i18n!("locales", fallback = "en");

pub mod cli;
pub mod diagnostic;
pub mod error;
pub mod i18n;
pub mod report;
pub mod save;
pub mod schema;
pub mod source;
pub mod text;
pub mod tui;
pub mod words;
pub mod workspace;
