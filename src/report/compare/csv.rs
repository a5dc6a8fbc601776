//! The comparison as CSV (docs/reference/output.md, "The comparison as CSV"): a
//! header, then a row per bundle, each ending with its changes and what it is
//! measured in.

use super::CompareReport;
use super::rows::{SUMMARY_HEADINGS, summary_row};
use crate::report::delimited::csv_line;
use crate::report::ids::mark_ids;
use crate::report::measured::measured_in;
use bundlecalc_core::model::Catalog;

pub(super) fn csv(report: &CompareReport<'_>) -> String {
    let heading: Vec<Option<String>> = SUMMARY_HEADINGS
        .iter()
        .chain(&["changes", "currency", "per"])
        .map(|h| Some(h.to_string()))
        .collect();
    let mut out = csv_line(&heading);
    for figures in &report.comparison.bundles {
        let mut row = summary_row(report.catalog, figures);
        row.push(Some(changes_cell(report.catalog, figures.bundle)));
        row.extend(measured_in(report.catalog, report.basis));
        out += &csv_line(&row);
    }
    out
}

/// The ids of the changes applied to a bundle, joined by `;` (docs/reference/file-format.md, "What-if changes"): CSV keeps
/// `name` as written and says the changes here.
fn changes_cell(catalog: &Catalog, bundle: usize) -> String {
    mark_ids(&catalog.bundles[bundle].changes).join(";")
}
