//! How a purchase is named wherever people read it: the offer, and for a service
//! the way it is bought. A leaf of `report`.

use crate::text::printable;
use bundlecalc_core::calc::prices::cheapest_way;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::types::OfferKind;

/// A purchase as people read it: the offer's name with its status, and for a
/// service the way it is bought, "QQ Music · auto-renew monthly (连续包月)", so
/// that nobody pays the annual fee where the plan counted the monthly one.
/// `label` is the way's label as the plan found it.
pub fn purchase_name(catalog: &Catalog, kind: OfferKind, label: Option<&str>) -> String {
    match label {
        Some(label) => format!(
            "{} · {}",
            crate::words::offer_name(catalog, kind),
            printable(label)
        ),
        None => crate::words::offer_name(catalog, kind),
    }
}

/// The label of the way to buy an offer that its price in `catalog` comes from:
/// `None` for a bundle and for an unlabelled way.
pub fn way_label(catalog: &Catalog, kind: OfferKind) -> Option<&str> {
    let OfferKind::Service(s) = kind else {
        return None;
    };
    let service = &catalog.services[s];
    match cheapest_way(service) {
        Some(at) => service.other_prices[at].label.as_deref(),
        None => service.label.as_deref(),
    }
}
