//! The `--plan` report (docs/reference/output.md, "Output formats"): what it
//! shows, and which of its four formats is written, a module each; the
//! sentences they and the screen share are in `sentences`.

mod csv;
mod json;
mod markdown;
mod rows;
pub mod sentences;
mod table;

use super::Format;
use super::paint::Painter;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::period::Period;
use bundlecalc_core::plan::types::Plan;
use bundlecalc_core::what_if::entries::WhatIf;

/// What a plan report shows.
pub struct PlanReport<'a> {
    /// The catalogue the plan was made on, with the changes applied.
    pub catalog: &'a Catalog,
    pub basis: Period,
    pub plan: &'a Plan,
    /// The plan's what-ifs (`what_if::entries::what_ifs`); `None` when the file has no changes.
    pub what_ifs: Option<&'a [WhatIf]>,
}

/// The plan in `format`, as docs/reference/output.md shows it under "Output
/// formats"; `painter` colours the table.
pub fn render_plan(report: &PlanReport<'_>, format: Format, painter: Painter) -> String {
    match format {
        Format::Json => json::json(report),
        Format::Csv => csv::csv(report),
        // Text for people: written from the catalogue with control characters escaped.
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let shown = PlanReport {
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
