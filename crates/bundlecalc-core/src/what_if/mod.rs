//! What-if changes (docs/reference/file-format.md, "What-if changes"; docs/reference/plan.md,
//! "What-ifs in the plan"): the one home of the idea in the core. Reading a `[changes.ID]`
//! table stays in the loader (`load/change.rs`), which checks each change with
//! the steps of `apply`.
//!
//! - `apply`: a catalogue as its file writes it, with some changes applied.
//! - `entries`: what each change not applied would make of the plan, then all
//!   of them together.

pub mod apply;
pub mod entries;
