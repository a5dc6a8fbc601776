//! Pure arithmetic (docs/reference/arithmetic.md, "The arithmetic"): the figures
//! of every bundle of a catalogue, made from the prices of its services in the
//! basis period (`prices`), one bundle at a time (`figures`), listed in an order
//! (`sort`). Never formats.

pub mod figures;
pub mod prices;
pub mod sort;

use crate::model::Catalog;
use crate::note::Note;
use crate::scenario::Scenario;
use figures::{BundleFigures, bundle_figures};
use prices::Prices;

/// Every bundle's figures, in file order, with notes on tiers that could not be tested.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub notes: Vec<Note>,
    pub bundles: Vec<BundleFigures>,
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
