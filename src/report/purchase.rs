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
    crate::words::offer_name(catalog, kind) + &way_words(label)
}

/// The way bought after an offer's name: " · auto-renew monthly (连续包月)", or
/// nothing for a way without a label.
pub fn way_words(label: Option<&str>) -> String {
    label.map_or(String::new(), |label| format!(" · {}", printable(label)))
}

/// `names` of purchases listed once each, in the order first met, with how
/// many times a household buys one: "Taobao 88VIP ×2".
pub fn names_counted(names: Vec<String>) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for name in names {
        match counted.iter_mut().find(|(seen, _)| *seen == name) {
            Some((_, times)) => *times += 1,
            None => counted.push((name, 1)),
        }
    }
    counted
        .into_iter()
        .map(|(name, times)| match times {
            1 => name,
            _ => format!("{name} ×{times}"),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_purchase_bought_twice_is_named_once_with_its_count() {
        let names = ["88VIP", "京腾", "88VIP", "QQ", "京腾", "88VIP"].map(String::from);
        assert_eq!(names_counted(names.to_vec()), ["88VIP ×3", "京腾 ×2", "QQ"]);
        assert_eq!(names_counted(Vec::new()), Vec::<String>::new());
    }
}
