//! The figures of one bundle (docs/reference/arithmetic.md, "Rule 2: Counted services",
//! to docs/reference/arithmetic.md, "Rule 5: Personal figures"): the services it counts, its
//! standalone value and savings, its price split over its services in whole fen,
//! and what it is worth to the user.

use crate::model::Catalog;
use crate::model::index::{BundleIx, ServiceIx};
use crate::model::offer::{Bundle, Include};
use crate::money::{Money, Percent};
use crate::note::Note;
use crate::per_year::PerYear;
use crate::scenario::Scenario;

use super::prices::{Prices, bundle_price};

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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
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
}
