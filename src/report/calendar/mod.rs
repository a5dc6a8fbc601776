//! The `--calendar` report (docs/reference/calendar.md, "Outputs"): what it
//! shows, and which of its four formats is written, a module each; the grid and
//! the sentences they and the screen's window share are in `grid` and
//! `sentences`.

mod csv;
pub mod grid;
mod json;
mod markdown;
pub mod sentences;
mod table;

use super::Format;
use super::paint::Painter;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::calendar::Calendar;

/// What a calendar report shows.
pub struct CalendarReport<'a> {
    /// The catalogue the calendar was made on, with the changes applied.
    pub catalog: &'a Catalog,
    pub calendar: &'a Calendar,
}

/// The calendar in `format` (docs/reference/calendar.md, "Outputs");
/// `painter` colours the table.
pub fn render_calendar(report: &CalendarReport<'_>, format: Format, painter: Painter) -> String {
    match format {
        Format::Json => json::json(report),
        Format::Csv => csv::csv(report),
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let shown = CalendarReport {
                catalog: &catalog,
                ..*report
            };
            match format {
                Format::Table => table::table(&shown, painter),
                _ => markdown::markdown(&shown),
            }
        }
    }
}
