//! When prices were seen (docs/reference/file-format.md, "When a price was seen"): today's date, and the note on prices used in
//! a figure that were seen more than a year (365 days) before it.

use time::{Date, Month, OffsetDateTime};

use crate::calc::Comparison;
use crate::calc::prices::cheapest_way;
use crate::model::Catalog;
use crate::model::offer::Service;
use crate::note::Note;
use crate::plan::calendar::Calendar;
use crate::plan::types::{OfferKind, Plan};
use crate::seen::Seen;

/// How many days old a price may be before it is noted: exactly this many is not.
pub const FRESH_DAYS: i64 = 365;

/// Today's date on the local clock (in UTC when the local offset cannot be known).
/// Read once, where a command starts; `--today` replaces it.
pub fn today() -> Date {
    OffsetDateTime::now_local()
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
        .date()
}

/// A date written `YYYY-MM-DD`, as `--today` takes it; `None` for anything else.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// Whether a price seen on `as_of` is more than a year old on `today`.
pub fn is_stale(as_of: Date, today: Date) -> bool {
    (today - as_of).whole_days() > FRESH_DAYS
}

/// The prices a figure used that were seen more than a year ago, each once, in
/// the order met.
struct StalePrices {
    today: Date,
    found: Vec<(String, Date)>,
}

impl StalePrices {
    fn new(today: Date) -> Self {
        StalePrices {
            today,
            found: Vec::new(),
        }
    }

    fn see(&mut self, name: String, seen: &Seen) {
        if let Some(as_of) = seen.as_of()
            && is_stale(as_of, self.today)
            && !self.found.iter().any(|(n, _)| *n == name)
        {
            self.found.push((name, as_of));
        }
    }

    /// A service's price as it was used: by the way to buy it that gave it, named
    /// with that way's label ("Tencent Video VIP · monthly").
    fn see_service(&mut self, service: &Service) {
        self.see_way(service, price_way(service));
    }

    /// A service's price by one way to buy it (`None` the main price, else
    /// the entry of `other_prices`), named with that way's label.
    fn see_way(&mut self, service: &Service, way: Option<usize>) {
        let label = match way {
            Some(at) => service.other_prices[at].label.as_deref(),
            None => service.label.as_deref(),
        };
        let name = match label {
            Some(label) => format!("{} · {label}", service.name),
            None => service.name.clone(),
        };
        self.see(name, service.seen_of(way));
    }

    /// The note on the prices found, or `None` when there are none.
    fn note(self) -> Option<Note> {
        (!self.found.is_empty()).then_some(Note::StalePrices(self.found))
    }
}

/// The note on a comparison's stale prices: each bundle's price and each counted
/// service's standalone price, as of `today`.
pub fn comparison_note(catalog: &Catalog, comparison: &Comparison, today: Date) -> Option<Note> {
    let mut stale = StalePrices::new(today);
    for figures in &comparison.bundles {
        let bundle = &catalog.bundles[figures.bundle];
        stale.see(bundle.name.clone(), &bundle.seen);
        for service in &figures.services {
            stale.see_service(&catalog.services[service.service]);
        }
    }
    stale.note()
}

/// The note on a plan's stale prices: its offers', then its wanted services'.
pub fn plan_note(catalog: &Catalog, plan: &Plan, today: Date) -> Option<Note> {
    let mut stale = StalePrices::new(today);
    for offer in &plan.offers {
        match offer.kind {
            OfferKind::Bundle(b) => {
                let bundle = &catalog.bundles[b];
                stale.see(bundle.name.clone(), &bundle.seen);
            }
            OfferKind::Service(s) => stale.see_service(&catalog.services[s]),
        }
    }
    for &service in &plan.wants {
        stale.see_service(&catalog.services[service]);
    }
    stale.note()
}

/// The note on a calendar's stale prices: the price of each way it buys by, in
/// purchase order, then the monthly price each service bought is counted at in
/// `month_by_month`, in want order (docs/reference/calendar.md, "Outputs").
pub fn calendar_note(catalog: &Catalog, calendar: &Calendar, today: Date) -> Option<Note> {
    let mut stale = StalePrices::new(today);
    for purchase in &calendar.purchases {
        match purchase.kind {
            OfferKind::Bundle(b) => {
                let bundle = &catalog.bundles[b];
                stale.see(bundle.name.clone(), &bundle.seen);
            }
            OfferKind::Service(s) => {
                stale.see_way(&catalog.services[s], purchase.way.checked_sub(1));
            }
        }
    }
    for &(service, way) in &calendar.monthly_ways {
        stale.see_way(&catalog.services[service], way);
    }
    stale.note()
}

/// When and where the price a service was counted at was seen: that of the way
/// to buy it that gave its standalone price.
pub fn service_seen(service: &Service) -> &Seen {
    service.seen_of(price_way(service))
}

/// The way to buy a service that gives its price (`None` for the main price, and
/// for a benefit, whose worth is no way to buy it).
fn price_way(service: &Service) -> Option<usize> {
    match service.value {
        Some(_) => None,
        None => cheapest_way(service),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seen::date_text;

    #[test]
    fn exactly_a_year_is_not_stale_a_day_more_is() {
        let day = |text| parse_date(text).unwrap();
        assert!(!is_stale(day("2025-08-01"), day("2026-08-01")));
        assert!(is_stale(day("2025-07-31"), day("2026-08-01")));
        assert!(!is_stale(day("2026-08-01"), day("2025-01-01")));
    }

    #[test]
    fn only_plain_dates_are_read() {
        assert_eq!(date_text(parse_date("2026-02-28").unwrap()), "2026-02-28");
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-02-28T10:00",
            "tomorrow",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
