//! The comparison as Markdown (docs/reference/output.md, "The comparison as Markdown"):
//! the caption, the summary with headings in words and each changed bundle
//! named with its changes, then the notes.

use super::CompareReport;
use super::rows::{SUMMARY_HEADINGS, summary_row};
use crate::report::delimited::markdown_table;
use crate::report::measured::markdown_caption;
use crate::report::notes::markdown_notes;
use crate::tr;

pub(super) fn markdown(report: &CompareReport<'_>) -> String {
    let rows: Vec<_> = report
        .comparison
        .bundles
        .iter()
        .map(|figures| {
            // For people, a changed bundle is named with its changes.
            let mut row = summary_row(report.catalog, figures);
            row[1] = Some(crate::words::changed_name(
                &report.catalog.bundles[figures.bundle],
            ));
            row
        })
        .collect();
    let right = [false, false, true, true, true, true, true, true, false];
    // Markdown is for people: its headings are words; CSV keeps the field names.
    let headings: Vec<String> = SUMMARY_HEADINGS
        .iter()
        .map(|field| tr!(&format!("md.{field}")))
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let mut out = markdown_caption(report.catalog, report.basis);
    out += &markdown_table(&headings, &right, &rows);
    out += &markdown_notes(&crate::words::notes(
        report.catalog,
        &report.comparison.notes,
    ));
    out
}
