//! The offers a plan may buy (docs/reference/plan.md), each reduced to what the search needs:
//! its basis price and the sets of wanted services one purchase of it can cover.

use crate::calc::prices::{bundle_price, service_worth};
use crate::model::Catalog;
use crate::model::index::ServiceIx;
use crate::model::offer::Include;
use crate::money::Money;
use crate::note::Note;
use crate::scenario::Scenario;

use super::types::OfferKind;

/// A set of wanted services: bit `i` is the `i`-th want (in order of first
/// want), as many as there are. Ordered as the binary numbers they spell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Mask {
    /// Little-endian words, never ending in a zero word.
    words: Vec<u64>,
}

impl Mask {
    /// The set of want `bit` alone.
    pub fn single(bit: usize) -> Mask {
        let mut words = vec![0; bit / 64 + 1];
        words[bit / 64] = 1 << (bit % 64);
        Mask { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn contains(&self, bit: usize) -> bool {
        self.words
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Both sets together.
    pub fn union(&self, other: &Mask) -> Mask {
        let (long, short) = if self.words.len() >= other.words.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut words = long.words.clone();
        words
            .iter_mut()
            .zip(&short.words)
            .for_each(|(w, o)| *w |= o);
        Mask { words }
    }

    /// Whether every want of `self` is in `other`.
    pub fn is_subset(&self, other: &Mask) -> bool {
        self.words.len() <= other.words.len()
            && self
                .words
                .iter()
                .zip(&other.words)
                .all(|(w, o)| w & o == *w)
    }

    /// The wants in the set, lowest first.
    pub fn bits(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            let mut left = word;
            std::iter::from_fn(move || {
                (left != 0).then(|| {
                    let bit = left.trailing_zeros() as usize;
                    left &= left - 1;
                    at * 64 + bit
                })
            })
        })
    }
}

impl Ord for Mask {
    fn cmp(&self, other: &Mask) -> std::cmp::Ordering {
        self.words
            .len()
            .cmp(&other.words.len())
            .then_with(|| self.words.iter().rev().cmp(other.words.iter().rev()))
    }
}

impl PartialOrd for Mask {
    fn partial_cmp(&self, other: &Mask) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An offer reduced to what the search needs.
pub(super) struct Candidate {
    pub kind: OfferKind,
    pub id: String,
    /// Its basis price after tiers; for a service, its cheapest way to buy (docs/reference/file-format.md, "Other ways to buy").
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
    notes: &mut Vec<Note>,
) -> Vec<Candidate> {
    let mut bit_by_service: Vec<Option<Mask>> = vec![None; catalog.services.len()];
    for (at, want) in wants.iter().enumerate() {
        bit_by_service[*want] = Some(Mask::single(at));
    }
    let bit_of = |service: ServiceIx| bit_by_service[service].as_ref();
    let mut offers = Vec::with_capacity(catalog.bundles.len() + catalog.services.len());
    let allowed = |status| scenario.include.allows(status);
    for (ix, bundle) in catalog.bundles.iter().enumerate() {
        if !allowed(bundle.status) {
            continue;
        }
        let (price, _) = bundle_price(bundle, scenario, notes);
        // An ended member of a group is chosen only when picked (docs/reference/file-format.md, "Availability"), or
        // when the plan may use ended offers.
        let picks = catalog
            .profile
            .picks
            .get(&ix)
            .map_or(&[][..], Vec::as_slice);
        let open = |member: &ServiceIx| {
            allowed(catalog.services[*member].status) || picks.contains(member)
        };
        let mut masks: Vec<Mask> = vec![Mask::default()];
        for include in &bundle.includes {
            match include {
                Include::Service(service) => {
                    if let Some(bit) = bit_of(*service) {
                        masks.iter_mut().for_each(|m| *m = m.union(bit));
                    }
                }
                Include::OneOf { members, .. } => {
                    let bits: Vec<&Mask> = members
                        .iter()
                        .filter(|m| open(m))
                        .filter_map(|m| bit_of(*m))
                        .collect();
                    if !bits.is_empty() {
                        masks = masks
                            .iter()
                            .flat_map(|m| bits.iter().map(move |b| m.union(b)))
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
                masks: vec![bit.clone()],
            });
        }
    }
    offers.retain(|offer| offer.masks.iter().any(|m| !m.is_empty()));
    offers.sort_by(|a, b| a.id.cmp(&b.id));
    offers
}

/// The masks not contained in another one, in increasing order.
fn maximal(mut masks: Vec<Mask>) -> Vec<Mask> {
    masks.sort_unstable();
    masks.dedup();
    let all = masks.clone();
    masks.retain(|m| !all.iter().any(|other| other != m && m.is_subset(other)));
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
        if let [mask] = &offer.masks[..] {
            for want in mask.bits() {
                covering[want].push((offer.price.fen(), at));
            }
        }
    }
    covering.iter_mut().for_each(|list| list.sort_unstable());
    let keep: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(at, offer)| {
            let union = offer
                .masks
                .iter()
                .fold(Mask::default(), |acc, m| acc.union(m));
            let itself = (offer.price.fen(), at);
            let Some(list) = union
                .bits()
                .map(|want| &covering[want])
                .min_by_key(|list| list.len())
            else {
                return true;
            };
            !list
                .iter()
                .take_while(|better| **better < itself)
                .any(|&(_, other)| union.is_subset(&candidates[other].masks[0]))
        })
        .collect();
    candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(offer, keep)| keep.then_some(offer))
        .collect()
}
