//! Pure arithmetic (docs/reference/arithmetic.md): basis amounts, counted services, standalone value,
//! savings, the split of a price over services, and the personal figures.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::{Benefit, Bundle, BundleIx, Catalog, Include, Service, ServiceIx, Status, Tier};
use crate::money::{Money, Percent, div_round_half_away};
use crate::note::Note;
use crate::per_year::PerYear;
use crate::period::Period;
use crate::scenario::Scenario;

/// Every bundle's figures, in file order, with notes on tiers that could not be tested.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub notes: Vec<Note>,
    pub bundles: Vec<BundleFigures>,
}

/// What one bundle costs and is worth.
#[derive(Clone, Debug, PartialEq)]
pub struct BundleFigures {
    pub bundle: BundleIx,
    pub price: Money,
    /// The condition of the tier that set the price; `None` for the base price.
    pub price_rule: Option<String>,
    pub standalone_value: Money,
    pub savings: Money,
    /// `None` when the standalone value is zero.
    pub savings_pct: Option<Percent>,
    /// Present only when wants are set.
    pub personal: Option<PersonalFigures>,
    pub services: Vec<ServiceFigures>,
}

/// What a bundle is worth to this user, counting only wanted services.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct PersonalFigures {
    pub value: Money,
    pub savings: Money,
}

/// One counted service of a bundle.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceFigures {
    pub service: ServiceIx,
    /// The group's label (or "one_of") when chosen from a group.
    pub group: Option<String>,
    pub standalone_price: Money,
    /// The label of the way to buy it that gave `standalone_price`.
    pub price_label: Option<String>,
    pub effective_cost: Money,
    /// `None` when no wants are set.
    pub wanted: Option<bool>,
    pub personal_cost: Option<Money>,
}

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

/// Splits `total` over `weights` in whole fen, in proportion to the weights, so that the
/// parts sum to `total` exactly (docs/reference/arithmetic.md, "Rule 4: Effective cost"): each part gets the floor of its exact
/// share, and the fen still missing go one each to the largest remainders, ties to the
/// first listed. All-zero weights split equally.
pub fn split(total: Money, weights: &[Money]) -> Vec<Money> {
    if weights.is_empty() {
        return Vec::new();
    }
    let mut weights: Vec<i128> = weights.iter().map(|w| w.fen()).collect();
    let mut weight_sum: i128 = weights.iter().sum();
    if weight_sum == 0 {
        weights.fill(1);
        weight_sum = weights.len() as i128;
    }
    let total = total.fen();
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (at, weight) in weights.iter().enumerate() {
        let exact = total * weight;
        parts.push(exact.div_euclid(weight_sum));
        remainders.push((exact.rem_euclid(weight_sum), at));
    }
    let missing = total - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, at) in remainders.iter().take(missing as usize) {
        parts[at] += 1;
    }
    parts.into_iter().map(Money::from_fen).collect()
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

    fn is_wanted(&self, service: ServiceIx) -> bool {
        self.wanted.as_ref().is_some_and(|flags| flags[service])
    }
}

/// The services counted for a bundle (docs/reference/arithmetic.md, "Rule 2: Counted services"), each with its group label if any.
pub fn counted_services(
    bundle: &Bundle,
    picks: &[ServiceIx],
    prices: &Prices,
) -> Vec<(ServiceIx, Option<String>)> {
    bundle
        .includes
        .iter()
        .map(|include| match include {
            Include::Service(service) => (*service, None),
            Include::OneOf { members, label } => {
                let group = Some(label.clone().unwrap_or_else(|| "one_of".to_string()));
                (choose_member(members, picks, prices), group)
            }
        })
        .collect()
}

/// The picked member; else the dearest wanted member; else the dearest member,
/// compared by their exact amounts per year. Ties go to the member listed first.
fn choose_member(members: &[ServiceIx], picks: &[ServiceIx], prices: &Prices) -> ServiceIx {
    if let Some(picked) = members.iter().find(|m| picks.contains(m)) {
        return *picked;
    }
    let dearest = |candidates: &mut dyn Iterator<Item = ServiceIx>| {
        candidates.fold(None, |best: Option<ServiceIx>, m| match best {
            Some(b) if prices.per_year[b] >= prices.per_year[m] => Some(b),
            _ => Some(m),
        })
    };
    // Ended members are left out unless picked; if all have ended, all count.
    let open: Vec<ServiceIx> = members
        .iter()
        .copied()
        .filter(|m| !prices.ended[*m])
        .collect();
    let members = if open.is_empty() { members } else { &open[..] };
    dearest(&mut members.iter().copied().filter(|m| prices.is_wanted(*m)))
        .or_else(|| dearest(&mut members.iter().copied()))
        .expect("a group has members")
}

/// All figures for one bundle.
pub fn bundle_figures(
    catalog: &Catalog,
    bundle_ix: BundleIx,
    scenario: &Scenario,
    prices: &Prices,
    notes: &mut Vec<Note>,
) -> BundleFigures {
    let bundle = &catalog.bundles[bundle_ix];
    let (price, tier) = bundle_price(bundle, scenario, notes);
    let picks = catalog
        .profile
        .picks
        .get(&bundle_ix)
        .map_or(&[][..], Vec::as_slice);
    let counted = counted_services(bundle, picks, prices);
    let standalone: Vec<Money> = counted.iter().map(|(s, _)| prices.services[*s]).collect();
    let standalone_value: Money = standalone.iter().copied().sum();
    // The percentage from the exact amounts per year, so the same in every period.
    let value_per_year: PerYear = counted.iter().map(|(s, _)| &prices.per_year[*s]).sum();
    let price_per_year = match tier {
        Some(tier) => PerYear::of(tier.price, bundle.period),
        None => PerYear::of(bundle.price, bundle.period),
    };
    let effective = split(price, &standalone);

    let personal_costs = prices.wanted.as_ref().map(|_| {
        let wanted_at: Vec<usize> = (0..counted.len())
            .filter(|&i| prices.is_wanted(counted[i].0))
            .collect();
        let wanted_weights: Vec<Money> = wanted_at.iter().map(|&i| standalone[i]).collect();
        let mut costs = vec![Money::ZERO; counted.len()];
        for (at, cost) in wanted_at.iter().zip(split(price, &wanted_weights)) {
            costs[*at] = cost;
        }
        costs
    });
    let personal = prices.wanted.as_ref().map(|_| {
        let value: Money = counted
            .iter()
            .zip(&standalone)
            .filter(|((s, _), _)| prices.is_wanted(*s))
            .map(|(_, price)| *price)
            .sum();
        PersonalFigures {
            value,
            savings: value - price,
        }
    });

    let services = counted
        .into_iter()
        .enumerate()
        .map(|(at, (service, group))| ServiceFigures {
            service,
            group,
            standalone_price: standalone[at],
            price_label: prices.labels[service].clone(),
            effective_cost: effective[at],
            wanted: prices.wanted.as_ref().map(|flags| flags[service]),
            personal_cost: personal_costs.as_ref().map(|costs| costs[at]),
        })
        .collect();

    BundleFigures {
        bundle: bundle_ix,
        price,
        price_rule: tier.map(|t| t.when.to_string()),
        standalone_value,
        savings: standalone_value - price,
        savings_pct: value_per_year.percent_saved(&price_per_year),
        personal,
        services,
    }
}

/// Figures for every bundle in the catalogue, in file order.
pub fn compare(catalog: &Catalog, scenario: &Scenario) -> Comparison {
    let mut notes = Vec::new();
    let prices = Prices::new(catalog, scenario, &mut notes);
    let bundles = (0..catalog.bundles.len())
        .map(|ix| bundle_figures(catalog, ix, scenario, &prices, &mut notes))
        .collect();
    Comparison { notes, bundles }
}

/// The orders bundles can be listed in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    File,
    Savings,
    SavingsPct,
    Price,
    Value,
    Name,
    /// Personal savings, when wants are set.
    Personal,
}

impl SortKey {
    /// The order the TUI cycles through (personal savings only when wants are set).
    pub const CYCLE: [SortKey; 7] = [
        SortKey::File,
        SortKey::Savings,
        SortKey::SavingsPct,
        SortKey::Price,
        SortKey::Value,
        SortKey::Name,
        SortKey::Personal,
    ];

    /// The name on the command line (`--sort`).
    pub const fn name(self) -> &'static str {
        match self {
            SortKey::File => "file",
            SortKey::Savings => "savings",
            SortKey::SavingsPct => "savings_pct",
            SortKey::Price => "price",
            SortKey::Value => "value",
            SortKey::Name => "name",
            SortKey::Personal => "personal",
        }
    }

    /// The next order in `CYCLE`, wrapping around; personal savings only when
    /// `personal` (wants are set).
    pub fn next(self, personal: bool) -> SortKey {
        let at = SortKey::CYCLE.iter().position(|k| *k == self).unwrap_or(0);
        let next = SortKey::CYCLE[(at + 1) % SortKey::CYCLE.len()];
        if next == SortKey::Personal && !personal {
            SortKey::File
        } else {
            next
        }
    }
}

/// Puts bundles in `key`'s order: money and percentages descending, names ascending
/// ignoring case, ties in file order.
pub fn sort_bundles(figures: &mut [BundleFigures], key: SortKey, catalog: &Catalog) {
    sort_bundles_by(figures, key, false, catalog);
}

/// `sort_bundles`, or with `reverse` its opposite: each key in the other direction
/// (ties still in file order, bundles without the figure still last), and file
/// order from the end.
pub fn sort_bundles_by(
    figures: &mut [BundleFigures],
    key: SortKey,
    reverse: bool,
    catalog: &Catalog,
) {
    let by_file = |a: &BundleFigures, b: &BundleFigures| a.bundle.cmp(&b.bundle);
    let turn = |order: Ordering| if reverse { order.reverse() } else { order };
    // Descending money, a missing figure last whichever the direction.
    let descending = |a: Option<Money>, b: Option<Money>| match (a, b) {
        (Some(x), Some(y)) => turn(y.cmp(&x)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match key {
        SortKey::File => figures.sort_by(|a, b| turn(by_file(a, b))),
        SortKey::Savings => {
            figures.sort_by(|a, b| descending(Some(a.savings), Some(b.savings)).then(by_file(a, b)))
        }
        SortKey::Price => {
            figures.sort_by(|a, b| descending(Some(a.price), Some(b.price)).then(by_file(a, b)))
        }
        SortKey::Value => figures.sort_by(|a, b| {
            descending(Some(a.standalone_value), Some(b.standalone_value)).then(by_file(a, b))
        }),
        SortKey::Personal => figures.sort_by(|a, b| {
            let savings = |f: &BundleFigures| f.personal.map(|p| p.savings);
            descending(savings(a), savings(b)).then(by_file(a, b))
        }),
        SortKey::SavingsPct => figures.sort_by(|a, b| {
            let order = match (a.savings_pct, b.savings_pct) {
                (Some(x), Some(y)) => turn(y.cmp(&x)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            order.then(by_file(a, b))
        }),
        SortKey::Name => {
            let name = |f: &BundleFigures| catalog.bundles[f.bundle].name.to_lowercase();
            figures.sort_by(|a, b| turn(name(a).cmp(&name(b))).then(by_file(a, b)));
        }
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

    fn moneys(texts: &[&str]) -> Vec<Money> {
        texts.iter().map(|t| money(t)).collect()
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

    #[test]
    fn split_gives_leftover_fen_to_largest_remainders_then_first_listed() {
        assert_eq!(
            split(money("10.00"), &moneys(&["1", "1", "1"])),
            moneys(&["3.34", "3.33", "3.33"])
        );
        assert_eq!(
            split(money("1.00"), &moneys(&["1", "2"])),
            moneys(&["0.33", "0.67"])
        );
        assert_eq!(
            split(money("0.01"), &moneys(&["5", "5", "5"])),
            moneys(&["0.01", "0", "0"])
        );
        assert_eq!(
            split(money("9.00"), &moneys(&["0", "0", "0"])),
            moneys(&["3", "3", "3"])
        );
        assert_eq!(split(money("5"), &moneys(&["0", "2"])), moneys(&["0", "5"]));
    }

    #[test]
    fn sort_keys_cycle_in_the_spec_order() {
        let names: Vec<_> = SortKey::CYCLE.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "file",
                "savings",
                "savings_pct",
                "price",
                "value",
                "name",
                "personal"
            ]
        );
        assert_eq!(SortKey::Name.next(false), SortKey::File);
        assert_eq!(SortKey::Name.next(true), SortKey::Personal);
        assert_eq!(SortKey::Personal.next(true), SortKey::File);
    }
}
