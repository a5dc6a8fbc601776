//! What offers cost and are worth in the basis period (docs/reference/arithmetic.md, "Rule 1: Basis amount"):
//! an amount converted and rounded once, a bundle's price by its tiers, a
//! service's standalone worth by its cheapest way to buy it or its benefit, and
//! every service's prices at once (`Prices`).

use rust_decimal::Decimal;

use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::{Benefit, Bundle, Service, Status, Tier};
use crate::money::{Money, div_round_half_away};
use crate::note::Note;
use crate::per_year::PerYear;
use crate::period::Period;
use crate::scenario::Scenario;

/// `amount` per `period`, converted to `basis` and rounded once to the fen (docs/reference/arithmetic.md, "Rule 1: Basis amount"):
/// one multiplication by an integer, one division by an integer, halves away from zero.
pub fn to_basis(amount: Decimal, period: Period, basis: Period) -> Money {
    let (basis_num, basis_den) = basis.years();
    let (period_num, period_den) = period.years();
    let multiplier = basis_num * period_den;
    let divisor = basis_den * period_num;
    // amount = mantissa / 10^scale, so fen = mantissa × multiplier × 100 / (10^scale × divisor).
    // With |mantissa| < 2^96 and both factors at most 365, nothing here can overflow i128.
    let numerator = amount.mantissa() * multiplier * 100;
    let denominator = 10_i128.pow(amount.scale()) * divisor;
    Money::from_fen(div_round_half_away(numerator, denominator))
}

/// The bundle's price in `scenario`: the first tier whose condition holds, else the
/// base price. Tiers whose fact is unknown are skipped and noted.
pub fn bundle_price<'b>(
    bundle: &'b Bundle,
    scenario: &Scenario,
    notes: &mut Vec<Note>,
) -> (Money, Option<&'b Tier>) {
    for tier in &bundle.tiers {
        match scenario.facts.get(&tier.when.fact) {
            Some(value) if tier.when.holds_for(*value) => {
                return (
                    to_basis(tier.price, bundle.period, scenario.basis),
                    Some(tier),
                );
            }
            Some(_) => {}
            None => notes.push(Note::TierFactUnset {
                fact: tier.when.fact.clone(),
                when: tier.when.to_string(),
                bundle: bundle.id.clone(),
            }),
        }
    }
    (to_basis(bundle.price, bundle.period, scenario.basis), None)
}

/// What a service is worth bought alone, in the basis period, and the label of the
/// way to buy it that gave that price (docs/reference/arithmetic.md, "Rule 1: Basis amount").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worth {
    pub price: Money,
    pub label: Option<String>,
    /// The same worth per year, exactly, before any rounding.
    pub per_year: PerYear,
}

/// A service's standalone worth in `scenario`: the least of its ways to buy it,
/// compared per year before any rounding (ties to the main price, then the first
/// listed), or for a benefit `min(fact × rate, max)`, each converted and rounded
/// once. A benefit whose fact is not set is worth 0.00, with a note.
pub fn service_worth(service: &Service, scenario: &Scenario, notes: &mut Vec<Note>) -> Worth {
    if let Some(benefit) = &service.value {
        let Some(fact) = scenario.facts.get(&benefit.fact) else {
            notes.push(Note::BenefitFactUnset {
                fact: benefit.fact.clone(),
                benefit: service.id.clone(),
            });
            return Worth {
                price: Money::ZERO,
                label: None,
                per_year: PerYear::zero(),
            };
        };
        let amount = benefit_amount(benefit, *fact);
        return Worth {
            price: to_basis(amount, service.period, scenario.basis),
            label: None,
            per_year: PerYear::of(amount, service.period),
        };
    }
    let (amount, period, label) = match cheapest_way(service) {
        None => (service.price, service.period, service.label.as_deref()),
        Some(at) => {
            let way = &service.other_prices[at];
            (way.price, way.period, way.label.as_deref())
        }
    };
    Worth {
        price: to_basis(amount, period, scenario.basis),
        label: label.map(String::from),
        per_year: PerYear::of(amount, period),
    }
}

/// Which way to buy a service is cheapest, compared by the exact amounts per year
/// (so whatever the basis period): `None` for the main price, else the position in
/// `other_prices`. Ties go to the main price, then to the first listed.
pub fn cheapest_way(service: &Service) -> Option<usize> {
    let mut best = (PerYear::of(service.price, service.period), None);
    for (at, way) in service.other_prices.iter().enumerate() {
        let per_year = PerYear::of(way.price, way.period);
        if per_year < best.0 {
            best = (per_year, Some(at));
        }
    }
    best.1
}

/// `min(fact × rate, max)` per the benefit's period, before conversion (docs/reference/file-format.md, "Benefits").
/// Nothing is clamped: the loader, `--set` and the screen accept a spending fact
/// only from 0 to `MAX_FACT` and a rate only from 0 to 1, so the product is an
/// amount of at most `MAX_FACT`.
pub fn benefit_amount(benefit: &Benefit, fact: Decimal) -> Decimal {
    let earned = fact
        .checked_mul(benefit.rate)
        .expect("a fact of at most MAX_FACT times a rate of at most 1 fits a Decimal");
    benefit.max.map_or(earned, |max| earned.min(max))
}

/// Everything a comparison needs that does not depend on the bundle.
pub struct Prices {
    /// Each service's price in the basis period.
    pub services: Vec<Money>,
    /// The label of the way each service's price comes from.
    pub labels: Vec<Option<String>>,
    /// Each service's worth per year, exactly: what groups choose by and the
    /// savings percentage is taken from.
    pub per_year: Vec<PerYear>,
    /// Whether each service is wanted; `None` when no wants are set.
    pub wanted: Option<Vec<bool>>,
    /// Whether each service has ended: a group chooses it only when picked.
    pub ended: Vec<bool>,
}

impl Prices {
    pub fn new(catalog: &Catalog, scenario: &Scenario, notes: &mut Vec<Note>) -> Self {
        let mut services = Vec::with_capacity(catalog.services.len());
        let mut labels = Vec::with_capacity(catalog.services.len());
        let mut per_year = Vec::with_capacity(catalog.services.len());
        for service in &catalog.services {
            let worth = service_worth(service, scenario, notes);
            services.push(worth.price);
            labels.push(worth.label);
            per_year.push(worth.per_year);
        }
        let wanted = scenario.wants.as_ref().map(|wants| {
            let mut flags = vec![false; catalog.services.len()];
            for &service in wants {
                flags[service] = true;
            }
            flags
        });
        let ended = catalog
            .services
            .iter()
            .map(|s| s.status == Status::Ended)
            .collect();
        Prices {
            services,
            labels,
            per_year,
            wanted,
            ended,
        }
    }

    pub(super) fn is_wanted(&self, service: ServiceIx) -> bool {
        self.wanted.as_ref().is_some_and(|flags| flags[service])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn money(text: &str) -> Money {
        Money::from_fen(dec(text).mantissa() * 10_i128.pow(2 - dec(text).scale()))
    }

    #[test]
    fn monthly_19_9_is_238_80_a_year() {
        assert_eq!(
            to_basis(dec("19.9"), Period::Month, Period::Year),
            money("238.80")
        );
    }

    #[test]
    fn weekly_10_is_521_43_a_year() {
        // 10 × 365 / 7 = 521.428571...
        assert_eq!(
            to_basis(dec("10"), Period::Week, Period::Year),
            money("521.43")
        );
    }

    #[test]
    fn yearly_88_is_44_a_half_year_and_7_33_a_month() {
        assert_eq!(
            to_basis(dec("88"), Period::Year, Period::HalfYear),
            money("44.00")
        );
        assert_eq!(
            to_basis(dec("88"), Period::Year, Period::Month),
            money("7.33")
        );
        // 888 / 365 = 2.43287... per day
        assert_eq!(
            to_basis(dec("888"), Period::Year, Period::Day),
            money("2.43")
        );
    }

    #[test]
    fn basis_rounds_once_half_away_from_zero() {
        // 0.005 a year is exactly half a fen: rounds up, not to even.
        assert_eq!(
            to_basis(dec("0.005"), Period::Year, Period::Year),
            money("0.01")
        );
        assert_eq!(
            to_basis(dec("0.015"), Period::Year, Period::Year),
            money("0.02")
        );
        assert_eq!(
            to_basis(dec("0.0049999"), Period::Year, Period::Year),
            money("0.00")
        );
        // A daily price to a week: 1.00 × 7 = 7.00, not 1.00 → year → week.
        assert_eq!(to_basis(dec("1"), Period::Day, Period::Week), money("7.00"));
    }
}
