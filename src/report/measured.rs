//! What the amounts of a CSV row or a Markdown table are measured in
//! (docs/reference/output.md, "The comparison as CSV"): the currency and the
//! period, at the end of every CSV row and in the line above every Markdown
//! table, so that a row or a table read alone says what it measures.

use crate::text::printable;
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::period::Period;

/// The last two cells of every CSV row (docs/reference/output.md, "The plan as CSV"):
/// the currency and the period the amounts are per.
pub fn measured_in(catalog: &Catalog, basis: Period) -> [Option<String>; 2] {
    [
        Some(catalog.currency.clone()),
        Some(basis.name().to_string()),
    ]
}

/// The line above a Markdown table (docs/reference/output.md, "The comparison as Markdown"):
/// the currency and the period its amounts are in, then a blank line.
pub fn markdown_caption(catalog: &Catalog, basis: Period) -> String {
    tr!(
        "md.caption",
        currency = printable(&catalog.currency),
        per = crate::words::per(basis)
    ) + "\n\n"
}
