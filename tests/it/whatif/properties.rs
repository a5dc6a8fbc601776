//! What-if changes never disturb what they do not change (docs/reference/file-format.md, "What-if changes"): with none
//! applied the figures are those of the file without `[changes]`, and a change
//! that only names itself leaves every figure as it was.

use bundlecalc_core::calc::compare;
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::plan;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::synthetic::files::catalogue;
use bundlecalc_core::what_if::apply::{all, apply};
use proptest::prelude::*;

/// Changes of some bundles' and services' prices and periods, all valid.
fn changes_text(prices: &[(usize, bool, u32, usize)]) -> String {
    let periods = ["day", "week", "month", "quarter", "half_year", "year"];
    let mut text = String::new();
    for (at, (item, is_bundle, fen, period)) in prices.iter().enumerate() {
        let offer = if *is_bundle {
            format!("b{item}")
        } else {
            format!("s{item}")
        };
        text += &format!(
            "\n[changes.c{at}]\nname = \"change {at}\"\noffer = \"{offer}\"\nprice = \"{}.{:02}\"\nperiod = \"{}\"\nas_of = 2026-08-01\n",
            fen / 100,
            fen % 100,
            periods[*period]
        );
    }
    text
}

/// Every figure a catalogue gives: the comparison, and the plan (or why none).
fn figures(catalog: &Catalog) -> String {
    let scenario = Scenario::from_catalog(catalog);
    format!(
        "{:?}\n{:?}",
        compare(catalog, &scenario),
        plan(catalog, &scenario)
    )
}

proptest! {
    #![proptest_config(crate::support::cases(64))]

    #[test]
    fn with_no_change_applied_the_figures_are_those_of_the_file_without_changes(
        seed in any::<u64>(),
        bundles in 1_usize..8,
        services in 8_usize..16,
        prices in prop::collection::vec((0_usize..4, any::<bool>(), 0_u32..100_000, 0_usize..6), 1..5),
    ) {
        let file = catalogue(bundles, services, seed);
        // Every offer a change names exists in the file.
        let prices: Vec<_> = prices
            .into_iter()
            .map(|(item, is_bundle, fen, period)| (item % if is_bundle { bundles } else { services }, is_bundle, fen, period))
            .collect();
        let with_changes = parse_catalog(&(file.clone() + &changes_text(&prices))).unwrap();
        let without = parse_catalog(&file).unwrap();
        prop_assert_eq!(with_changes.changes.len(), prices.len());
        prop_assert_eq!(figures(&with_changes), figures(&without));
        // Applying none is the same again.
        prop_assert_eq!(figures(&apply(&with_changes, &[]).unwrap()), figures(&without));
        // And applying them all changes the catalogue's prices only.
        let changed = apply(&with_changes, &all(&with_changes)).unwrap();
        prop_assert_eq!(changed.bundles.len(), without.bundles.len());
        prop_assert_eq!(changed.services.len(), without.services.len());
    }

    #[test]
    fn a_change_that_only_renames_its_offer_leaves_every_figure_as_it_was(
        seed in any::<u64>(),
        bundles in 1_usize..8,
        services in 8_usize..16,
        target in 0_usize..8,
        on_bundle in any::<bool>(),
    ) {
        let file = catalogue(bundles, services, seed);
        let offer = if on_bundle { format!("b{}", target % bundles) } else { format!("s{}", target % services) };
        let text = format!("{file}\n[changes.rename]\nname = \"a new name\"\noffer = \"{offer}\"\n");
        let catalog = parse_catalog(&text).unwrap();
        let renamed = apply(&catalog, &all(&catalog)).unwrap();
        prop_assert_eq!(&renamed.applied, &vec![0]);
        prop_assert_eq!(figures(&renamed), figures(&catalog));
    }
}
