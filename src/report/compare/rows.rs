//! The summary row of a bundle that the comparison's CSV and Markdown share
//! (docs/reference/output.md, "The comparison as CSV"): the bundle's JSON
//! fields of the same names, as plain numbers.

use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::model::Catalog;

/// The field names of the summary, in order: CSV's header and Markdown's words.
pub(super) const SUMMARY_HEADINGS: [&str; 9] = [
    "id",
    "name",
    "price",
    "standalone_value",
    "savings",
    "savings_pct",
    "personal_value",
    "personal_savings",
    "status",
];

/// One row of the CSV and Markdown summaries.
pub(super) fn summary_row(catalog: &Catalog, figures: &BundleFigures) -> Vec<Option<String>> {
    let bundle = &catalog.bundles[figures.bundle];
    vec![
        Some(bundle.id.clone()),
        Some(bundle.name.clone()),
        Some(figures.price.to_string()),
        Some(figures.standalone_value.to_string()),
        Some(figures.savings.to_string()),
        figures.savings_pct.map(|p| p.to_string()),
        figures.personal.map(|p| p.value.to_string()),
        figures.personal.map(|p| p.savings.to_string()),
        Some(bundle.status.name().to_string()),
    ]
}
