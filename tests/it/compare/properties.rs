//! Properties of the arithmetic that must hold for any prices.

use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::figures::split;
use bundlecalc_core::calc::prices::{service_worth, to_basis};
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::money::Money;
use bundlecalc_core::period::Period;
use bundlecalc_core::scenario::Scenario;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Money from 0.00 to 100,000.00, built from whole fen.
fn money() -> impl Strategy<Value = Money> {
    (0_i128..10_000_000).prop_map(Money::from_fen)
}

fn period() -> impl Strategy<Value = Period> {
    prop::sample::select(Period::CYCLE.to_vec())
}

proptest! {
    #![proptest_config(crate::support::cases(2_000))]

    #[test]
    fn the_split_sums_to_the_price_to_the_fen(total in money(), weights in prop::collection::vec(money(), 1..12)) {
        let parts = split(total, &weights);
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().copied().sum::<Money>(), total);
    }

    #[test]
    fn no_share_is_negative(total in money(), weights in prop::collection::vec(money(), 1..12)) {
        prop_assert!(split(total, &weights).iter().all(|part| *part >= Money::ZERO));
    }

    #[test]
    fn shares_follow_the_order_of_the_weights(total in money(), weights in prop::collection::vec(money(), 1..12)) {
        let parts = split(total, &weights);
        for i in 0..weights.len() {
            for j in 0..weights.len() {
                if weights[i] > weights[j] {
                    prop_assert!(parts[i] >= parts[j], "w{i}={} > w{j}={} but {} < {}", weights[i], weights[j], parts[i], parts[j]);
                }
                if weights[i] == weights[j] {
                    prop_assert!((parts[i].fen() - parts[j].fen()).abs() <= 1);
                }
            }
        }
    }

    #[test]
    fn each_share_is_within_a_fen_of_the_exact_proportion(total in money(), weights in prop::collection::vec(money(), 1..12)) {
        let sum: i128 = weights.iter().map(|w| w.fen()).sum();
        prop_assume!(sum > 0);
        for (part, weight) in split(total, &weights).iter().zip(&weights) {
            let exact_times_sum = total.fen() * weight.fen();
            let part_times_sum = part.fen() * sum;
            prop_assert!((exact_times_sum - part_times_sum).abs() < sum);
        }
    }

    #[test]
    fn savings_are_value_minus_price_and_effective_costs_sum_to_the_price(
        prices in prop::collection::vec((money(), period()), 3..7),
        bundle_price in money(),
        bundle_period in period(),
        basis in period(),
        wants_mask in any::<u8>(),
    ) {
        let mut text = String::new();
        for (at, (price, period)) in prices.iter().enumerate() {
            text += &format!("[services.s{at}]\nprice = \"{price}\"\nperiod = \"{period}\"\n");
        }
        let ids: Vec<String> = (0..prices.len()).map(|at| format!("\"s{at}\"")).collect();
        text += &format!(
            "[bundles.b]\nprice = \"{bundle_price}\"\nperiod = \"{bundle_period}\"\nincludes = [{}, {{ one_of = [{}] }}]\n",
            ids[0],
            ids[1..].join(", ")
        );
        let wanted: Vec<String> = (0..prices.len()).filter(|at| wants_mask & (1 << at) != 0).map(|at| ids[at].clone()).collect();
        text += &format!("[profile]\nwants = [{}]\n", wanted.join(", "));
        let catalog = parse_catalog(&text).unwrap();
        let scenario = Scenario { basis, ..Scenario::from_catalog(&catalog) };
        let figures = &compare(&catalog, &scenario).bundles[0];

        let price = to_basis(bundle_price.to_decimal(), bundle_period, basis);
        prop_assert_eq!(figures.price, price);
        prop_assert_eq!(figures.savings, figures.standalone_value - figures.price);
        let standalone: Money = figures.services.iter().map(|s| s.standalone_price).sum();
        prop_assert_eq!(standalone, figures.standalone_value);
        let effective: Money = figures.services.iter().map(|s| s.effective_cost).sum();
        prop_assert_eq!(effective, figures.price);
        if let Some(personal) = figures.personal {
            prop_assert_eq!(personal.savings, personal.value - figures.price);
            let wanted_value: Money = figures.services.iter().filter(|s| s.wanted == Some(true)).map(|s| s.standalone_price).sum();
            prop_assert_eq!(personal.value, wanted_value);
            let personal_costs: Money = figures.services.iter().filter_map(|s| s.personal_cost).sum();
            let any_wanted = figures.services.iter().any(|s| s.wanted == Some(true));
            prop_assert_eq!(personal_costs, if any_wanted { figures.price } else { Money::ZERO });
        }
    }

    #[test]
    fn with_benefits_and_several_ways_the_split_still_sums_to_the_price(
        prices in prop::collection::vec((money(), period(), prop::option::of((money(), period()))), 2..6),
        spend in 0_i64..10_000_000,
        rate in 0_i64..=1000,
        max in prop::option::of(money()),
        bundle_price in money(),
        basis in period(),
    ) {
        let mut text = format!("[profile.facts]\nspend = \"{}\"\n", Decimal::new(spend, 2));
        for (at, (price, period, other)) in prices.iter().enumerate() {
            text += &format!("[services.s{at}]\nprice = \"{price}\"\nperiod = \"{period}\"\n");
            if let Some((other, other_period)) = other {
                text += &format!("other_prices = [{{ price = \"{other}\", period = \"{other_period}\", label = \"other\" }}]\n");
            }
        }
        let cap = max.map_or(String::new(), |m| format!(", max = \"{m}\""));
        text += &format!(
            "[services.benefit]\nvalue = {{ fact = \"spend\", rate = \"{}\"{cap} }}\nsold_alone = false\n",
            Decimal::new(rate, 3)
        );
        let ids: Vec<String> = (0..prices.len()).map(|at| format!("\"s{at}\"")).collect();
        text += &format!("[bundles.b]\nprice = \"{bundle_price}\"\nincludes = [{}, \"benefit\"]\n", ids.join(", "));
        let catalog = parse_catalog(&text).unwrap();
        let scenario = Scenario { basis, ..Scenario::from_catalog(&catalog) };
        let figures = &compare(&catalog, &scenario).bundles[0];
        let effective: Money = figures.services.iter().map(|s| s.effective_cost).sum();
        prop_assert_eq!(effective, figures.price);
        let standalone: Money = figures.services.iter().map(|s| s.standalone_price).sum();
        prop_assert_eq!(standalone, figures.standalone_value);
        for (service, worth) in catalog.services.iter().zip(&figures.services) {
            // The least way is never above any way.
            let main = to_basis(service.price, service.period, basis);
            if service.value.is_none() {
                prop_assert!(worth.standalone_price <= main);
                for way in service.other_prices.iter() {
                    prop_assert!(worth.standalone_price <= to_basis(way.price, way.period, basis));
                }
            }
        }
        // A benefit never exceeds its cap, converted to the basis, nor the rate of the fact.
        let benefit = figures.services.last().unwrap().standalone_price;
        let rate_of_spend = to_basis(Decimal::new(spend * rate, 5), Period::Year, basis);
        prop_assert!(benefit <= rate_of_spend);
        if let Some(max) = max {
            prop_assert!(benefit <= to_basis(max.to_decimal(), Period::Year, basis));
        }
        let worth = service_worth(catalog.services.last().unwrap(), &scenario, &mut Vec::new());
        prop_assert_eq!(worth.price, benefit);
        prop_assert_eq!(worth.label, None);
    }

    /// docs/reference/arithmetic.md, "Rule 1: Basis amount": ways, group members and the savings percentage come
    /// from exact amounts per year, so none of them changes with the period.
    #[test]
    fn the_savings_percentage_and_every_choice_are_the_same_in_every_period(
        services in prop::collection::vec((money(), period(), prop::collection::vec((money(), period()), 0..3)), 3..7),
        bundle_price in money(),
        bundle_period in period(),
        tier_price in prop::option::of(money()),
        wants_mask in any::<u8>(),
    ) {
        let mut text = String::from("[profile.facts]\ntaoqi = 1200\n");
        for (at, (price, period, ways)) in services.iter().enumerate() {
            text += &format!("[services.s{at}]\nprice = \"{price}\"\nperiod = \"{period}\"\n");
            let ways: Vec<String> = ways.iter().enumerate().map(|(w, (price, period))| {
                format!("{{ price = \"{price}\", period = \"{period}\", label = \"way{w}\" }}")
            }).collect();
            if !ways.is_empty() {
                text += &format!("other_prices = [{}]\n", ways.join(", "));
            }
        }
        let ids: Vec<String> = (0..services.len()).map(|at| format!("\"s{at}\"")).collect();
        let tiers = tier_price.map_or(String::new(), |p| format!("tiers = [ {{ when = \"taoqi >= 1000\", price = \"{p}\" }} ]\n"));
        text += &format!(
            "[bundles.b]\nprice = \"{bundle_price}\"\nperiod = \"{bundle_period}\"\n{tiers}includes = [{}, {{ one_of = [{}] }}]\n",
            ids[0],
            ids[1..].join(", ")
        );
        let wanted: Vec<String> = (0..services.len()).filter(|at| wants_mask & (1 << at) != 0).map(|at| ids[at].clone()).collect();
        text += &format!("[profile]\nwants = [{}]\n", wanted.join(", "));
        let catalog = parse_catalog(&text).unwrap();

        let per_period: Vec<_> = Period::CYCLE.iter().map(|&basis| {
            let scenario = Scenario { basis, ..Scenario::from_catalog(&catalog) };
            let figures = compare(&catalog, &scenario).bundles.remove(0);
            let chosen: Vec<_> = figures.services.iter().map(|s| (s.service, s.price_label.clone())).collect();
            (basis, figures.savings_pct, chosen)
        }).collect();
        let (_, year_pct, year_chosen) = &per_period[0];
        for (basis, pct, chosen) in &per_period[1..] {
            prop_assert_eq!(pct, year_pct, "savings % per {} differs from per year", basis);
            prop_assert_eq!(chosen, year_chosen, "ways or members per {} differ from per year", basis);
        }
    }

    #[test]
    fn scaling_every_price_scales_the_results(
        prices in prop::collection::vec(0_i64..1_000_000, 1..6),
        bundle_price in 0_i64..1_000_000,
        factor in 1_i64..50,
    ) {
        let text_for = |scale: i64| {
            let mut text = String::new();
            for (at, price) in prices.iter().enumerate() {
                text += &format!("[services.s{at}]\nprice = \"{}\"\n", Decimal::new(price * scale, 2));
            }
            let ids: Vec<String> = (0..prices.len()).map(|at| format!("\"s{at}\"")).collect();
            text += &format!("[bundles.b]\nprice = \"{}\"\nincludes = [{}]\n", Decimal::new(bundle_price * scale, 2), ids.join(", "));
            text
        };
        let base = parse_catalog(&text_for(1)).unwrap();
        let scaled = parse_catalog(&text_for(factor)).unwrap();
        let base_figures = &compare(&base, &Scenario::from_catalog(&base)).bundles[0];
        let scaled_figures = &compare(&scaled, &Scenario::from_catalog(&scaled)).bundles[0];
        let times = |m: Money| Money::from_fen(m.fen() * i128::from(factor));
        prop_assert_eq!(scaled_figures.price, times(base_figures.price));
        prop_assert_eq!(scaled_figures.standalone_value, times(base_figures.standalone_value));
        prop_assert_eq!(scaled_figures.savings, times(base_figures.savings));
        prop_assert_eq!(scaled_figures.savings_pct, base_figures.savings_pct);
    }
}

#[test]
fn a_year_is_the_sum_of_its_months_only_after_rounding_once() {
    // 100 a year is 8.33 a month (rounded once), while 8.33 × 12 = 99.96:
    // conversion goes straight from the written period, never through another.
    let per_month = to_basis(Decimal::from(100), Period::Year, Period::Month);
    assert_eq!(per_month, Money::from_fen(833));
    assert_eq!(
        to_basis(Decimal::from(100), Period::Year, Period::Year),
        Money::from_fen(10_000)
    );
}
