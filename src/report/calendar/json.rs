//! The calendar as JSON (docs/reference/calendar.md, "Outputs"): its purchases,
//! the coverage of each wanted service month by month, the totals, and the
//! people as for the plan.

use serde::Serialize;
use serde::ser::SerializeMap;

use super::CalendarReport;
use super::sentences::calendar_notes;
use crate::i18n::{Lang, in_language};
use crate::report::ids::{change_ids, kind_name, service_ids};
use crate::report::people::JsonPerson;
use bundlecalc_core::plan::calendar::Cell;
use bundlecalc_core::seen::date_text;

#[derive(Serialize)]
struct JsonCalendar<'a> {
    currency: &'a str,
    from: String,
    months: u32,
    wants: Vec<&'a str>,
    purchases: Vec<JsonPurchase<'a>>,
    coverage: Coverage<'a>,
    paid_by_month: Vec<String>,
    total: String,
    month_by_month: Option<String>,
    savings: Option<String>,
    proven: bool,
    bound: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<Vec<JsonPerson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    split: Option<&'static str>,
    changes: Vec<&'a str>,
    include: Vec<&'static str>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct JsonPurchase<'a> {
    start: String,
    months: u32,
    until: String,
    offer: &'a str,
    kind: &'static str,
    way: usize,
    label: Option<&'a str>,
    first: bool,
    first_of: Option<&'a str>,
    price: String,
    covers: Vec<&'a str>,
}

/// The coverage of each wanted service, in wants order.
struct Coverage<'a>(Vec<(&'a str, Vec<serde_json::Value>)>);

impl Serialize for Coverage<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, cells) in &self.0 {
            map.serialize_entry(id, cells)?;
        }
        map.end()
    }
}

/// `null` when nobody wants the service that month, else `"held"` when a holding
/// covers it, then the index of each purchase covering it.
fn cell_json(cell: Option<&Cell>) -> serde_json::Value {
    use serde_json::Value;
    match cell {
        None => Value::Null,
        Some(cell) => Value::Array(
            cell.held
                .then(|| Value::from("held"))
                .into_iter()
                .chain(cell.purchases.iter().map(|&p| Value::from(p)))
                .collect(),
        ),
    }
}

pub(super) fn json(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let horizon = calendar.horizon;
    let document = JsonCalendar {
        currency: &catalog.currency,
        from: horizon.from.to_string(),
        months: horizon.months,
        wants: service_ids(catalog, &calendar.wants),
        purchases: calendar
            .purchases
            .iter()
            .map(|p| JsonPurchase {
                start: horizon.month(p.start).to_string(),
                months: p.months,
                until: date_text(p.until),
                offer: &p.id,
                kind: kind_name(p.kind),
                way: p.way,
                label: p.label.as_deref(),
                first: p.first,
                first_of: p.first_of.map(|m| m.id(catalog)),
                price: p.price.to_string(),
                covers: service_ids(catalog, &p.covers),
            })
            .collect(),
        coverage: Coverage(
            calendar
                .wants
                .iter()
                .zip(&calendar.coverage)
                .map(|(w, cells)| {
                    (
                        catalog.services[*w].id.as_str(),
                        cells.iter().map(|c| cell_json(c.as_ref())).collect(),
                    )
                })
                .collect(),
        ),
        paid_by_month: calendar
            .paid_by_month
            .iter()
            .map(|m| m.to_string())
            .collect(),
        total: calendar.total.to_string(),
        month_by_month: calendar.month_by_month.map(|m| m.to_string()),
        savings: calendar.savings.map(|m| m.to_string()),
        proven: calendar.proven,
        bound: calendar.bound.to_string(),
        people: calendar.people.as_ref().map(|people| {
            people
                .iter()
                .map(|share| JsonPerson::of(catalog, share))
                .collect()
        }),
        split: calendar.split.as_ref().map(|s| s.rule.name()),
        changes: change_ids(catalog, &catalog.applied),
        include: calendar.include.iter().map(|s| s.name()).collect(),
        notes: in_language(Lang::En, || calendar_notes(catalog, calendar, "")),
    };
    serde_json::to_string_pretty(&document).expect("plain data always serializes") + "\n"
}
