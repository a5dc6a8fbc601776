//! Turning computed figures into text: aligned tables, JSON, CSV and Markdown.
//! Nothing here computes a figure; it only decides how figures look.

mod calendar;
mod compare;
mod delimited;
mod ids;
mod measured;
mod money;
mod notes;
mod paint;
mod people;
mod plan;
mod purchase;
mod shares;
mod table;
mod what_if;

pub use calendar::grid::{cell_text, letter, month_name};
pub use calendar::sentences::{calendar_notes, totals_line};
pub use calendar::{CalendarReport, render_calendar};
pub use compare::{CompareReport, render_compare, write_compare};
pub use money::{money_text, percent_text, signed_money_text};
pub use paint::{Painter, Tone, colour_allowed, tone_of};
pub use people::pays_text;
pub use plan::sentences::{if_rumoured_sentence, not_proven_sentence, unproven_notes};
pub use plan::{PlanReport, render_plan};
pub use purchase::{purchase_name, way_label};
pub use shares::{member_name, share_notes, split_name, split_words};
pub use table::{Cell, TextTable};
pub use what_if::what_if_sentence;

/// The output formats of `--format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Markdown,
}
