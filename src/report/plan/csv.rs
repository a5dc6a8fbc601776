//! The plan as CSV (docs/reference/output.md, "The plan as CSV"): a row per
//! offer; for a household, a row per purchase, service and person, then a row
//! per person. Every row ends with what it is measured in.

use super::PlanReport;
use super::rows::{HEADINGS, offer_rows};
use crate::report::delimited::csv_line;
use crate::report::ids::kind_name;
use crate::report::measured::measured_in;
use bundlecalc_core::plan::types::PersonShare;

pub(super) fn csv(report: &PlanReport<'_>) -> String {
    if let Some(people) = &report.plan.people {
        return household_csv(report, people);
    }
    let heading: Vec<Option<String>> = HEADINGS
        .iter()
        .chain(&["currency", "per"])
        .map(|h| Some(h.to_string()))
        .collect();
    let mut out = csv_line(&heading);
    for mut row in offer_rows(report) {
        row.extend(measured_in(report.catalog, report.basis));
        out += &csv_line(&row);
    }
    out
}

/// A household plan's CSV (docs/reference/output.md, "The plan as CSV"): one row per purchase, service and person
/// who uses it, then, after an empty line, one row per person with pays, alone
/// and saves; every row ends with the currency and the period.
fn household_csv(report: &PlanReport<'_>, people: &[PersonShare]) -> String {
    let catalog = report.catalog;
    let tail = measured_in(catalog, report.basis);
    let line = |fields: Vec<Option<String>>| {
        let mut fields = fields;
        fields.extend(tail.iter().cloned());
        csv_line(&fields)
    };
    let text = |fields: &[&str]| -> Vec<Option<String>> {
        fields.iter().map(|f| Some(f.to_string())).collect()
    };
    let mut out = csv_line(&text(&[
        "purchase", "id", "kind", "price", "service", "person", "currency", "per",
    ]));
    for (at, offer) in report.plan.offers.iter().enumerate() {
        for (service, users) in offer.covers.iter().zip(&offer.used_by) {
            for user in users {
                out += &line(vec![
                    Some(at.to_string()),
                    Some(offer.id.clone()),
                    Some(kind_name(offer.kind).to_string()),
                    Some(offer.price.to_string()),
                    Some(catalog.services[*service].id.clone()),
                    Some(user.id(catalog).to_string()),
                ]);
            }
        }
    }
    out += "\r\n";
    out += &csv_line(&text(&[
        "person", "pays", "alone", "saves", "currency", "per",
    ]));
    for share in people {
        out += &line(vec![
            Some(share.member.id(catalog).to_string()),
            Some(share.pays.to_string()),
            Some(share.alone.to_string()),
            Some(share.saves.to_string()),
        ]);
    }
    out
}
