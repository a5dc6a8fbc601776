//! The cheapest set of offers that covers every wanted service (SPEC §3.2).
//!
//! Offers are every bundle and every service sold alone, at basis prices after
//! tiers. A bundle covers its plain services plus one member of each `one_of` group,
//! chosen by the plan, so each offer has a few possible *cover masks* over the wants.
//!
//! The solver is exact, in two steps.
//!
//! 1. The least cost. `best[S]` is the least `(price, number of offers)` covering
//!    the set `S` of wants, by dynamic programming over all `2^k` subsets. Offers
//!    with one possible mask go first: some offer must cover the lowest want in
//!    `S`, so `best[S] = min (price(o), 1) + best[S \ m]` over the masks `m` holding
//!    it (using such an offer twice never helps, so that recurrence is exact).
//!    Each offer with several masks (a bundle whose groups hold several wants) is
//!    then added once, as in a 0/1 knapsack: subsets in decreasing order, so every
//!    update reads the table as it was before this offer.
//! 2. The answer. A depth-first search picks offers in id order, each time the
//!    smallest id first, pruned by `best` (a lower bound of any completion). The
//!    first plan it finds at the least cost has the smallest sorted id list among
//!    the cheapest plans with the fewest offers: the tie rules of the spec.
//!
//! Before both, offers that can never be in the answer are dropped: those covering
//! no want, and those whose every mask is inside a mask of a cheaper offer (or of an
//! equally priced one with a smaller id, which also wins the tie rules).

use crate::calc::{Scenario, bundle_price, service_worth};
use crate::model::{BundleIx, Catalog, Include, ServiceIx, Status};
use crate::money::Money;

/// The most wanted services a plan is computed for: its tables have 2^20 entries.
pub const MAX_WANTS: usize = 20;

/// Something that can be bought.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OfferKind {
    Bundle(BundleIx),
    Service(ServiceIx),
}

impl OfferKind {
    /// Whether it is on sale (SPEC §1.4).
    pub fn status(self, catalog: &Catalog) -> Status {
        match self {
            OfferKind::Bundle(b) => catalog.bundles[b].status,
            OfferKind::Service(s) => catalog.services[s].status,
        }
    }

    /// The offer's name as people see it, with its status tag.
    pub fn name(self, catalog: &Catalog) -> String {
        match self {
            OfferKind::Bundle(b) => catalog.bundles[b].tagged_name(),
            OfferKind::Service(s) => catalog.services[s].tagged_name(),
        }
    }
}

/// One offer in the plan and what it is used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedOffer {
    pub kind: OfferKind,
    pub id: String,
    pub price: Money,
    /// For a service: the label of its cheapest way to buy it, if labelled.
    pub label: Option<String>,
    /// The wanted services this offer is used for, in wants order.
    pub covers: Vec<ServiceIx>,
}

/// The cheapest way to get every wanted service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub wants: Vec<ServiceIx>,
    /// Sorted by id.
    pub offers: Vec<PlannedOffer>,
    pub total: Money,
    /// The wants bought one by one; `None` when one of them is not sold alone.
    pub standalone_total: Option<Money>,
    pub savings: Option<Money>,
    /// Plain includes of the chosen bundles that are not wanted, sorted by id.
    pub extras: Vec<ServiceIx>,
    /// Notes on tiers whose fact is not set.
    pub notes: Vec<String>,
    /// The statuses the plan could use: `available`, then what `--include` added.
    pub include: Vec<Status>,
    /// When rumoured offers were not included: the plan that would use them too.
    pub if_rumoured: IfRumoured,
}

/// What the plan would be if rumoured offers launched (SPEC §3.2 `if_rumoured`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IfRumoured {
    /// Rumoured offers were included already: nothing to compare.
    Included,
    /// They would not make the plan cheaper.
    NoCheaper,
    /// They would.
    Cheaper(Box<RumouredPlan>),
}

/// The cheaper plan rumoured offers would allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RumouredPlan {
    /// Sorted by id.
    pub offers: Vec<OfferKind>,
    pub ids: Vec<String>,
    pub total: Money,
    /// How much less than the plan without them.
    pub saves: Money,
}

/// Why there is no plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    NoWants,
    TooManyWants(usize),
    /// Wanted services that no offer covers.
    Uncovered(Vec<ServiceIx>),
    /// Each want is covered by some offer, but not all together: these are only
    /// available as choices in `one_of` groups, one member per group.
    OnlyOneOf(Vec<ServiceIx>),
}

/// An offer reduced to what the solver needs.
struct Candidate {
    kind: OfferKind,
    id: String,
    price: Money,
    label: Option<String>,
    /// The sets of wants it can cover (bit `i` is `wants[i]`), none inside another.
    masks: Vec<u32>,
}

/// The least `(price, offers)`, added and compared in that order.
type Cost = (i128, u32);

const UNREACHABLE: Cost = (i128::MAX, u32::MAX);

fn plus(a: Cost, b: Cost) -> Cost {
    if a == UNREACHABLE || b == UNREACHABLE {
        UNREACHABLE
    } else {
        (a.0 + b.0, a.1 + b.1)
    }
}

/// The cheapest plan for `scenario`'s wants, with offers of the statuses it
/// includes, and what rumoured offers would change when they are not included.
pub fn plan(catalog: &Catalog, scenario: &Scenario) -> Result<Plan, PlanError> {
    let mut found = cheapest(catalog, scenario)?;
    if !scenario.include.rumoured {
        let mut with_rumours = scenario.clone();
        with_rumours.include.rumoured = true;
        found.if_rumoured = match cheapest(catalog, &with_rumours) {
            Ok(other) if other.total < found.total => IfRumoured::Cheaper(Box::new(RumouredPlan {
                offers: other.offers.iter().map(|o| o.kind).collect(),
                ids: other.offers.iter().map(|o| o.id.clone()).collect(),
                total: other.total,
                saves: found.total - other.total,
            })),
            _ => IfRumoured::NoCheaper,
        };
    }
    Ok(found)
}

/// The cheapest plan for `scenario`'s wants, without looking at rumours.
fn cheapest(catalog: &Catalog, scenario: &Scenario) -> Result<Plan, PlanError> {
    let wants: Vec<ServiceIx> = scenario.wants.clone().unwrap_or_default();
    if wants.is_empty() {
        return Err(PlanError::NoWants);
    }
    if wants.len() > MAX_WANTS {
        return Err(PlanError::TooManyWants(wants.len()));
    }
    let mut notes = Vec::new();
    let candidates = prune(
        candidates(catalog, scenario, &wants, &mut notes),
        wants.len(),
    );
    let everything = (1u32 << wants.len()) - 1;
    let coverable = candidates
        .iter()
        .flat_map(|c| &c.masks)
        .fold(0, |acc, m| acc | m);
    if coverable != everything {
        let missing = (0..wants.len())
            .filter(|i| coverable & (1 << i) == 0)
            .map(|i| wants[i])
            .collect();
        return Err(PlanError::Uncovered(missing));
    }

    let best = best_costs(&candidates, wants.len());
    if best[everything as usize] == UNREACHABLE {
        let plain = candidates
            .iter()
            .filter(|c| c.masks.len() == 1)
            .fold(0, |acc, c| acc | c.masks[0]);
        let in_groups_only = (0..wants.len())
            .filter(|i| plain & (1 << i) == 0)
            .map(|i| wants[i])
            .collect();
        return Err(PlanError::OnlyOneOf(in_groups_only));
    }
    let chosen = smallest_optimal_choice(&candidates, &best, everything);
    Ok(describe(
        catalog,
        scenario,
        &wants,
        &candidates,
        &chosen,
        notes,
    ))
}

/// Every offer with its basis price and the masks of wants it can cover.
fn candidates(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    notes: &mut Vec<String>,
) -> Vec<Candidate> {
    let bit_of = |service: ServiceIx| wants.iter().position(|w| *w == service).map(|i| 1u32 << i);
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
        let mut masks = vec![0u32];
        for include in &bundle.includes {
            match include {
                Include::Service(service) => {
                    let bit = bit_of(*service).unwrap_or(0);
                    masks.iter_mut().for_each(|m| *m |= bit);
                }
                Include::OneOf { members, .. } => {
                    let bits: Vec<u32> = members
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

/// The masks not contained in another one.
fn maximal(mut masks: Vec<u32>) -> Vec<u32> {
    masks.sort_unstable();
    masks.dedup();
    let all = masks.clone();
    masks.retain(|m| !all.iter().any(|other| other != m && other & m == *m));
    masks
}

/// Drops offers that no optimal plan needs: all their masks fit inside the one mask
/// of an offer that is cheaper, or as cheap with a smaller id (so it also wins the
/// tie rules). The other offer must have a single mask: one with a choice can only
/// take one role in a plan, so it could not stand in for this offer as well.
///
/// `best_within[m]` is the best single-mask offer whose mask contains `m`, computed
/// for every `m` at once over supersets, so this is `O(k 2^k + offers)`, not a
/// comparison of every pair. `candidates` must be in id order.
fn prune(candidates: Vec<Candidate>, want_count: usize) -> Vec<Candidate> {
    // (price, position in id order) of the best offer, per mask.
    let mut best_within: Vec<Option<(i128, usize)>> = vec![None; 1 << want_count];
    for (at, offer) in candidates.iter().enumerate() {
        if let [mask] = offer.masks[..] {
            let slot = &mut best_within[mask as usize];
            *slot = better_of(*slot, Some((offer.price.fen(), at)));
        }
    }
    for bit in 0..want_count {
        for mask in 0..best_within.len() {
            if mask & (1 << bit) == 0 {
                best_within[mask] = better_of(best_within[mask], best_within[mask | (1 << bit)]);
            }
        }
    }
    candidates
        .into_iter()
        .enumerate()
        .filter(|(at, offer)| {
            let union = offer.masks.iter().fold(0, |acc, m| acc | m);
            match best_within[union as usize] {
                Some(best) => best >= (offer.price.fen(), *at),
                None => true,
            }
        })
        .map(|(_, offer)| offer)
        .collect()
}

/// The smaller of two optional `(price, position)` pairs; nothing loses to anything.
fn better_of(a: Option<(i128, usize)>, b: Option<(i128, usize)>) -> Option<(i128, usize)> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `best[S]`: the least cost covering the wants in `S`, each offer used at most once.
fn best_costs(candidates: &[Candidate], want_count: usize) -> Vec<Cost> {
    let (single, several): (Vec<&Candidate>, Vec<&Candidate>) =
        candidates.iter().partition(|c| c.masks.len() == 1);
    // For each want, the single-mask offers that cover it.
    let mut covering: Vec<Vec<(Cost, u32)>> = vec![Vec::new(); want_count];
    for offer in &single {
        let mask = offer.masks[0];
        for (want, list) in covering.iter_mut().enumerate() {
            if mask & (1 << want) != 0 {
                list.push(((offer.price.fen(), 1), mask));
            }
        }
    }
    let mut best = vec![UNREACHABLE; 1 << want_count];
    best[0] = (0, 0);
    for set in 1..best.len() {
        let lowest = set.trailing_zeros() as usize;
        let mut cheapest = UNREACHABLE;
        for &(cost, mask) in &covering[lowest] {
            cheapest = cheapest.min(plus(cost, best[set & !(mask as usize)]));
        }
        best[set] = cheapest;
    }
    for offer in several {
        let cost = (offer.price.fen(), 1);
        for set in (1..best.len()).rev() {
            for &mask in &offer.masks {
                let rest = set & !(mask as usize);
                if rest != set {
                    best[set] = best[set].min(plus(cost, best[rest]));
                }
            }
        }
    }
    best
}

/// The cheapest plan whose sorted id list is smallest, as `(candidate, mask)` pairs.
fn smallest_optimal_choice(
    candidates: &[Candidate],
    best: &[Cost],
    everything: u32,
) -> Vec<(usize, u32)> {
    let search = Search {
        candidates,
        best,
        everything,
        target: best[everything as usize],
    };
    let mut plan = search
        .smallest_completion(0, 0, (0, 0))
        .expect("the least cost is reachable, so a plan at that cost exists");
    plan.reverse();
    plan
}

/// The depth-first search for the answer, offers in id order.
struct Search<'a> {
    candidates: &'a [Candidate],
    best: &'a [Cost],
    everything: u32,
    target: Cost,
}

impl Search<'_> {
    /// The completion from offer `from` on that reaches the target cost with the
    /// smallest ids, in reverse order; `None` when there is none.
    ///
    /// The smallest next id is the first offer with any completion; when it has
    /// several masks, each can allow different later offers, so all are compared.
    fn smallest_completion(
        &self,
        from: usize,
        covered: u32,
        spent: Cost,
    ) -> Option<Vec<(usize, u32)>> {
        if covered == self.everything {
            return (spent == self.target).then(Vec::new);
        }
        for at in from..self.candidates.len() {
            let offer = &self.candidates[at];
            let after = plus(spent, (offer.price.fen(), 1));
            let mut smallest: Option<Vec<(usize, u32)>> = None;
            for &mask in &offer.masks {
                let now = covered | mask;
                // An offer that adds nothing is never in a cheapest plan; `best` bounds the rest.
                if now == covered
                    || plus(after, self.best[(self.everything & !now) as usize]) > self.target
                {
                    continue;
                }
                if let Some(mut rest) = self.smallest_completion(at + 1, now, after) {
                    rest.push((at, mask));
                    let ids = |plan: &[(usize, u32)]| {
                        plan.iter().rev().map(|(at, _)| *at).collect::<Vec<_>>()
                    };
                    if smallest
                        .as_ref()
                        .is_none_or(|known| ids(&rest) < ids(known))
                    {
                        smallest = Some(rest);
                    }
                }
            }
            if smallest.is_some() {
                return smallest;
            }
        }
        None
    }
}

/// The plan as users see it: offers by id with what each covers, totals and extras.
fn describe(
    catalog: &Catalog,
    scenario: &Scenario,
    wants: &[ServiceIx],
    candidates: &[Candidate],
    chosen: &[(usize, u32)],
    notes: Vec<String>,
) -> Plan {
    // Each want goes to the first chosen offer (in id order) that covers it.
    let mut assigned = 0u32;
    let mut offers = Vec::with_capacity(chosen.len());
    for &(at, mask) in chosen {
        let offer = &candidates[at];
        let mine = mask & !assigned;
        assigned |= mask;
        offers.push(PlannedOffer {
            kind: offer.kind,
            id: offer.id.clone(),
            price: offer.price,
            label: offer.label.clone(),
            covers: (0..wants.len())
                .filter(|i| mine & (1 << i) != 0)
                .map(|i| wants[i])
                .collect(),
        });
    }
    let total: Money = offers.iter().map(|o| o.price).sum();
    let standalone_total: Option<Money> = wants
        .iter()
        .map(|&w| {
            let service = &catalog.services[w];
            service
                .sold_alone
                .then(|| service_worth(service, scenario, &mut Vec::new()).price)
        })
        .sum();
    let mut extras: Vec<ServiceIx> = offers
        .iter()
        .filter_map(|o| match o.kind {
            OfferKind::Bundle(b) => Some(&catalog.bundles[b]),
            OfferKind::Service(_) => None,
        })
        .flat_map(|bundle| bundle.includes.iter())
        .filter_map(|include| match include {
            Include::Service(s) if !wants.contains(s) => Some(*s),
            _ => None,
        })
        .collect();
    extras.sort_by(|a, b| catalog.services[*a].id.cmp(&catalog.services[*b].id));
    extras.dedup();
    Plan {
        wants: wants.to_vec(),
        offers,
        total,
        savings: standalone_total.map(|s| s - total),
        standalone_total,
        extras,
        notes,
        include: scenario.include.statuses(),
        if_rumoured: IfRumoured::Included,
    }
}
