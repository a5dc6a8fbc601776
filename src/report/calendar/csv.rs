//! The calendar as CSV (docs/reference/calendar.md, "Outputs"): one row per
//! purchase, `covers` joined by `;`.

use super::CalendarReport;
use crate::report::delimited::csv_line;
use crate::report::ids::{kind_name, service_ids};
use bundlecalc_core::seen::date_text;

pub(super) fn csv(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let mut out =
        String::from("start,months,until,offer,kind,way,label,first,price,covers,currency\r\n");
    for p in &calendar.purchases {
        out += &csv_line(&[
            Some(calendar.horizon.month(p.start).to_string()),
            Some(p.months.to_string()),
            Some(date_text(p.until)),
            Some(p.id.clone()),
            Some(kind_name(p.kind).to_string()),
            Some(p.way.to_string()),
            p.label.clone(),
            Some(p.first.to_string()),
            Some(p.price.to_string()),
            Some(service_ids(catalog, &p.covers).join(";")),
            Some(catalog.currency.clone()),
        ]);
    }
    out
}
