//! The value the price field edits, how `e` chooses it, and how an edit of it
//! changes the catalogue.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::tr;
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::calc::prices::cheapest_way;
use bundlecalc_core::edit::Edit;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::{BundleIx, ServiceIx};
use bundlecalc_core::model::offer::Offer;
use bundlecalc_core::scenario::Scenario;

/// Which value the open field edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceTarget {
    Service(ServiceIx),
    /// The bundle's base price (tiers are left alone).
    Bundle(BundleIx),
    /// The price of a bundle's tier (0-based), the one that priced it.
    Tier {
        bundle: BundleIx,
        tier: usize,
    },
    /// A fact tiers or benefits test.
    Fact(String),
    /// One of a service's other ways to buy it (0-based), the cheapest one.
    Way {
        service: ServiceIx,
        way: usize,
    },
    /// The rate of a benefit.
    Rate(ServiceIx),
}

impl PriceTarget {
    /// The price that set a bundle's figures: the tier that applied, else the base.
    pub fn for_bundle(catalog: &Catalog, scenario: &Scenario, row: &BundleFigures) -> Self {
        let bundle = &catalog.bundles[row.bundle];
        let applied = bundle.tiers.iter().position(|tier| {
            scenario
                .facts
                .get(&tier.when.fact)
                .is_some_and(|value| tier.when.holds_for(*value))
        });
        match applied {
            Some(tier) if row.price_rule.is_some() => PriceTarget::Tier {
                bundle: row.bundle,
                tier,
            },
            _ => PriceTarget::Bundle(row.bundle),
        }
    }

    /// What `e` edits on a service: a benefit's rate, else the way to buy it that
    /// gives its price now (the main price, or the cheapest other way).
    pub fn for_service(catalog: &Catalog, service: ServiceIx) -> Self {
        let s = &catalog.services[service];
        if s.value.is_some() {
            return PriceTarget::Rate(service);
        }
        match cheapest_way(s) {
            Some(way) => PriceTarget::Way { service, way },
            None => PriceTarget::Service(service),
        }
    }

    /// The name of a what-if applied in `catalog` that sets this price, if one
    /// does: the price shown is then the what-if's, not the file's.
    pub fn changed_by(&self, catalog: &Catalog) -> Option<String> {
        let offer = match self {
            PriceTarget::Bundle(b) | PriceTarget::Tier { bundle: b, .. } => Offer::Bundle(*b),
            PriceTarget::Service(s) | PriceTarget::Way { service: s, .. } => Offer::Service(*s),
            PriceTarget::Fact(_) | PriceTarget::Rate(_) => return None,
        };
        catalog
            .applied
            .iter()
            .map(|&c| &catalog.changes[c])
            .find(|change| {
                change.offer == offer
                    && (change.price.is_some()
                        || change.period.is_some()
                        || change.tiers.is_some()
                        || change.other_prices.is_some())
            })
            .map(|change| change.name.clone())
    }

    /// The value now, if it has one (a fact may be unset).
    pub fn value(&self, catalog: &Catalog, facts: &BTreeMap<String, Decimal>) -> Option<Decimal> {
        match self {
            PriceTarget::Service(s) => Some(catalog.services[*s].price),
            PriceTarget::Bundle(b) => Some(catalog.bundles[*b].price),
            PriceTarget::Tier { bundle, tier } => Some(catalog.bundles[*bundle].tiers[*tier].price),
            PriceTarget::Fact(name) => facts.get(name).copied(),
            PriceTarget::Way { service, way } => {
                Some(catalog.services[*service].other_prices[*way].price)
            }
            PriceTarget::Rate(service) => catalog.services[*service]
                .value
                .as_ref()
                .map(|benefit| benefit.rate),
        }
    }

    /// Sets the value in `catalog`; the edit to save, and what changed in words.
    pub fn apply(self, catalog: &mut Catalog, value: Decimal) -> (Edit, String) {
        match self {
            PriceTarget::Service(s) => {
                let service = &mut catalog.services[s];
                service.price = value;
                let id = service.id.clone();
                let what = tr!("msg.price_set", name = service.name, value = value);
                (Edit::ServicePrice { id, price: value }, what)
            }
            PriceTarget::Bundle(b) => {
                let bundle = &mut catalog.bundles[b];
                bundle.price = value;
                let id = bundle.id.clone();
                let what = tr!("msg.price_set", name = bundle.name, value = value);
                (Edit::BundlePrice { id, price: value }, what)
            }
            PriceTarget::Tier { bundle: b, tier } => {
                let bundle = &mut catalog.bundles[b];
                bundle.tiers[tier].price = value;
                let when = bundle.tiers[tier].when.to_string();
                let id = bundle.id.clone();
                let what = tr!(
                    "msg.tier_price_set",
                    name = bundle.name,
                    when = when,
                    value = value
                );
                let edit = Edit::TierPrice {
                    id,
                    tier,
                    price: value,
                };
                (edit, what)
            }
            PriceTarget::Way { service: s, way } => {
                let service = &mut catalog.services[s];
                let mut ways = service.other_prices.to_vec();
                ways[way].price = value;
                service.other_prices = ways.into();
                let label = service.other_prices[way].label.clone().unwrap_or_default();
                let id = service.id.clone();
                let what = tr!(
                    "msg.way_price_set",
                    name = service.name,
                    label = label,
                    value = value
                );
                let edit = Edit::WayPrice {
                    id,
                    way,
                    price: value,
                };
                (edit, what)
            }
            PriceTarget::Rate(s) => {
                let service = &mut catalog.services[s];
                if let Some(benefit) = &mut service.value {
                    benefit.rate = value;
                }
                let id = service.id.clone();
                let what = tr!("msg.rate_set", name = service.name, value = value);
                (Edit::BenefitRate { id, rate: value }, what)
            }
            PriceTarget::Fact(name) => {
                catalog.profile.facts.insert(name.clone(), value);
                let what = tr!("msg.fact_set", name = name, value = value);
                (Edit::Fact { name, value }, what)
            }
        }
    }
}
