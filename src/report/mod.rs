//! Turning computed figures into text: aligned tables, JSON, CSV and Markdown.
//! Nothing here computes a figure; it only decides how figures look.

pub mod calendar;
mod compare;
mod delimited;
mod paint;
mod plan;
mod purchase;
mod shares;
mod table;
mod what_if;

pub use calendar::{
    CalendarReport, calendar_notes, cell_text, letter, month_name, pays_text, render_calendar,
    totals_line,
};
pub use compare::{
    CompareReport, money_text, percent_text, render_compare, signed_money_text, tone_of,
    write_compare,
};
pub use paint::{Painter, Tone, colour_allowed};
pub use plan::{
    PlanReport, if_rumoured_sentence, not_proven_sentence, render_plan, unproven_notes,
};
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
