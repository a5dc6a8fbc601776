//! The row of each offer that the plan's CSV and Markdown share
//! (docs/reference/output.md, "The plan as CSV"): `id,kind,price,covers`, the
//! covered ids separated by `;`.

use super::PlanReport;
use crate::report::ids::{kind_name, service_ids};

/// The field names of an offer's row, in order: CSV's header and Markdown's words.
pub(super) const HEADINGS: [&str; 4] = ["id", "kind", "price", "covers"];

/// One row per offer.
pub(super) fn offer_rows(report: &PlanReport<'_>) -> Vec<Vec<Option<String>>> {
    report
        .plan
        .offers
        .iter()
        .map(|offer| {
            vec![
                Some(offer.id.clone()),
                Some(kind_name(offer.kind).to_string()),
                Some(offer.price.to_string()),
                Some(service_ids(report.catalog, &offer.covers).join(";")),
            ]
        })
        .collect()
}
