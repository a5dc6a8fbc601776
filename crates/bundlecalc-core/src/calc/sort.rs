//! The orders bundles are listed in (docs/reference/command-line.md, "Sorting"):
//! `SortKey`, the order the screen cycles through, and sorting figures by a key
//! or its opposite.

use std::cmp::Ordering;

use crate::model::Catalog;
use crate::money::Money;

use super::figures::BundleFigures;

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
