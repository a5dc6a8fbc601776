//! The offers a plan may buy (SPEC §3.2), each reduced to what the search needs:
//! its basis price and the sets of wanted services one purchase of it can cover.

use crate::calc::{Scenario, bundle_price, service_worth};
use crate::model::{Catalog, Include, ServiceIx};
use crate::money::Money;

use super::types::OfferKind;

/// A set of wanted services: bit `i` is the `i`-th want (in order of first want).
pub(super) type Mask = u128;

/// The wants in a mask, lowest bit first.
pub(super) fn bits(mask: Mask) -> impl Iterator<Item = usize> {
    let mut left = mask;
    std::iter::from_fn(move || {
        (left != 0).then(|| {
            let bit = left.trailing_zeros() as usize;
            left &= left - 1;
            bit
        })
    })
}

/// An offer reduced to what the search needs.
pub(super) struct Candidate {
    pub kind: OfferKind,
    pub id: String,
    /// Its basis price after tiers; for a service, its cheapest way to buy (§1.5).
    pub price: Money,
    /// For a service: the label of that cheapest way, if labelled.
    pub label: Option<String>,
    /// The sets of wants one purchase can cover (one member per `one_of` group),
    /// none inside another, in increasing numeric order.
    pub masks: Vec<Mask>,
}

/// Every offer of a status the scenario allows that covers some want, in id
/// order, with its basis price and its masks over `wants`.
pub(super) fn candidates(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    notes: &mut Vec<String>,
) -> Vec<Candidate> {
    let mut bit_by_service: Vec<Mask> = vec![0; catalog.services.len()];
    for (at, want) in wants.iter().enumerate() {
        bit_by_service[*want] = 1 << at;
    }
    let bit_of = |service: ServiceIx| Some(bit_by_service[service]).filter(|bit| *bit != 0);
    let mut offers = Vec::with_capacity(catalog.bundles.len() + catalog.services.len());
    let allowed = |status| scenario.include.allows(status);
    for (ix, bundle) in catalog.bundles.iter().enumerate() {
        if !allowed(bundle.status) {
            continue;
        }
        let (price, _) = bundle_price(bundle, scenario, notes);
        // An ended member of a group is chosen only when picked (SPEC §1.4), or
        // when the plan may use ended offers.
        let picks = catalog
            .profile
            .picks
            .get(&ix)
            .map_or(&[][..], Vec::as_slice);
        let open = |member: &ServiceIx| {
            allowed(catalog.services[*member].status) || picks.contains(member)
        };
        let mut masks: Vec<Mask> = vec![0];
        for include in &bundle.includes {
            match include {
                Include::Service(service) => {
                    let bit = bit_of(*service).unwrap_or(0);
                    masks.iter_mut().for_each(|m| *m |= bit);
                }
                Include::OneOf { members, .. } => {
                    let bits: Vec<Mask> = members
                        .iter()
                        .filter(|m| open(m))
                        .filter_map(|m| bit_of(*m))
                        .collect();
                    if !bits.is_empty() {
                        masks = masks
                            .iter()
                            .flat_map(|m| bits.iter().map(move |b| m | b))
                            .collect();
                    }
                }
            }
        }
        offers.push(Candidate {
            kind: OfferKind::Bundle(ix),
            id: bundle.id.clone(),
            price,
            label: None,
            masks: maximal(masks),
        });
    }
    for (ix, service) in catalog.services.iter().enumerate() {
        if let (true, Some(bit)) = (service.sold_alone && allowed(service.status), bit_of(ix)) {
            let worth = service_worth(service, scenario, notes);
            offers.push(Candidate {
                kind: OfferKind::Service(ix),
                id: service.id.clone(),
                price: worth.price,
                label: worth.label,
                masks: vec![bit],
            });
        }
    }
    offers.retain(|offer| offer.masks.iter().any(|m| *m != 0));
    offers.sort_by(|a, b| a.id.cmp(&b.id));
    offers
}

/// The masks not contained in another one, in increasing order.
fn maximal(mut masks: Vec<Mask>) -> Vec<Mask> {
    masks.sort_unstable();
    masks.dedup();
    let all = masks.clone();
    masks.retain(|m| !all.iter().any(|other| other != m && other & m == *m));
    masks
}

/// Drops offers that no optimal plan needs: all their masks fit inside the one mask
/// of an offer that is cheaper, or as cheap with a smaller id (so it also wins the
/// tie rules). Each purchase of the dropped offer can then be replaced by one of
/// the other (the seats are the services', so they are the same), for one person
/// and for households alike. The other offer must have a single mask: one with a
/// choice can only take one role in a one-person plan, so it could not stand in
/// for this offer as well.
///
/// Per want, the single-mask offers covering it are sorted by `(price, position)`;
/// an offer is checked against the shortest such list of its wants, up to itself.
/// `candidates` must be in id order.
pub(super) fn prune(candidates: Vec<Candidate>, want_count: usize) -> Vec<Candidate> {
    let mut covering: Vec<Vec<(i128, usize)>> = vec![Vec::new(); want_count];
    for (at, offer) in candidates.iter().enumerate() {
        if let [mask] = offer.masks[..] {
            for want in bits(mask) {
                covering[want].push((offer.price.fen(), at));
            }
        }
    }
    covering.iter_mut().for_each(|list| list.sort_unstable());
    let keep: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(at, offer)| {
            let union = offer.masks.iter().fold(0, |acc, m| acc | m);
            let itself = (offer.price.fen(), at);
            let Some(list) = bits(union)
                .map(|want| &covering[want])
                .min_by_key(|list| list.len())
            else {
                return true;
            };
            !list
                .iter()
                .take_while(|better| **better < itself)
                .any(|&(_, other)| candidates[other].masks[0] & union == union)
        })
        .collect();
    candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(offer, keep)| keep.then_some(offer))
        .collect()
}
