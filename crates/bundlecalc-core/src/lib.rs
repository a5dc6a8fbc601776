//! bundlecalc's core: the model of a bundles file, loading it from TOML text into
//! a validated `Catalog`, the exact arithmetic of bundles (docs/reference/arithmetic.md),
//! the plan and the calendar (docs/reference/plan.md, docs/reference/calendar.md),
//! what-ifs, and edits spliced back into the text.
//!
//! It never sees a terminal and writes no word of any language: figures, notes
//! (`note::Note`), problems (`diagnostic::Diagnostic`) and errors leave it as
//! data, each with its facts and place, and the program words them. Its
//! `Cargo.toml` has no terminal, command-line or locale crate, so the compiler
//! keeps it so.

pub mod amount;
pub mod asked;
pub mod calc;
pub mod condition;
pub mod diagnostic;
pub mod edit;
pub mod load;
pub mod message;
pub mod model;
pub mod money;
pub mod note;
pub mod per_year;
pub mod period;
pub mod plan;
pub mod scenario;
pub mod seen;
pub mod split;
pub mod stale;
pub mod synthetic;
pub mod what_if;
