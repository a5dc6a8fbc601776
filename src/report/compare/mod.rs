//! The `--compare` report (docs/reference/output.md, "Output formats"): what it
//! shows, and which of its four formats is written, a module each.

mod csv;
mod json;
mod markdown;
mod rows;
mod table;

use std::io::{self, Write};

use super::Format;
use super::paint::Painter;
use crate::text::printable;
use bundlecalc_core::calc::Comparison;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::period::Period;

/// What a comparison report shows and for whom.
pub struct CompareReport<'a> {
    pub catalog: &'a Catalog,
    /// The file name as given, or "(built-in)".
    pub file: &'a str,
    pub basis: Period,
    pub sort: SortKey,
    /// Whether the sort is reversed (`--reverse`).
    pub reverse: bool,
    pub comparison: &'a Comparison,
}

/// The comparison in `format`, as docs/reference/output.md shows it under
/// "Output formats"; `painter` colours the table.
pub fn render_compare(report: &CompareReport<'_>, format: Format, painter: Painter) -> String {
    let mut out = Vec::new();
    write_compare(report, format, painter, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// Writes the report as it goes, so a large one never sits in memory whole.
pub fn write_compare(
    report: &CompareReport<'_>,
    format: Format,
    painter: Painter,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        Format::Csv => out.write_all(csv::csv(report).as_bytes()),
        // Text for people: written from the catalogue with control characters escaped.
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let file = printable(report.file);
            let shown = CompareReport {
                catalog: &catalog,
                file: &file,
                ..*report
            };
            let text = match format {
                Format::Table => table::table(&shown, painter),
                _ => markdown::markdown(&shown),
            };
            out.write_all(text.as_bytes())
        }
    }
}
