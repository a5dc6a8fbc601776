//! What a calendar must buy (docs/reference/file-format.md, "Time: held, when, first", docs/reference/calendar.md "Demand"): for each wanted
//! service and month, the seats wanted less the seats held, and who is new to
//! which offer.

use crate::calc::figures::counted_services;
use crate::calc::prices::Prices;
use crate::model::Catalog;
use crate::model::index::{BundleIx, ServiceIx};
use crate::model::offer::Offer;
use crate::model::people::{Held, Time};
use crate::scenario::Scenario;

use super::months::Horizon;
use crate::model::people::Member;
use crate::note::Note;

/// The time of a member: `me`'s is the profile's.
pub fn time_of(catalog: &Catalog, member: Member) -> &Time {
    match member {
        Member::Me => &catalog.profile.time,
        Member::Person(p) => &catalog.people[p].time,
    }
}

/// The demand of some members over a horizon.
pub struct Demand {
    /// Every wanted service once, in order of first want.
    pub wants: Vec<ServiceIx>,
    /// Per want, per month: the members who want it then.
    pub wanted_by: Vec<Vec<Vec<Member>>>,
    /// Per want, per month: the seats held then.
    pub held: Vec<Vec<u32>>,
    /// Per want, per month: the seats to buy (wanted less held, not below 0).
    pub seats: Vec<Vec<u32>>,
}

impl Demand {
    /// The demand of `members` (with their wants, in person order) over
    /// `horizon`; `notes` gains each `when` of a service its person does not
    /// want.
    pub fn of(
        catalog: &Catalog,
        scenario: &Scenario,
        members: &[(Member, Vec<ServiceIx>)],
        horizon: Horizon,
        notes: &mut Vec<Note>,
    ) -> Demand {
        let mut wants: Vec<ServiceIx> = Vec::new();
        for want in members.iter().flat_map(|(_, w)| w) {
            if !wants.contains(want) {
                wants.push(*want);
            }
        }
        let months = horizon.months as usize;
        let mut wanted_by = vec![vec![Vec::new(); months]; wants.len()];
        let mut held = vec![vec![0u32; months]; wants.len()];
        for (member, own) in members {
            let time = time_of(catalog, *member);
            for (service, _) in &time.when {
                if !own.contains(service) {
                    notes.push(Note::WhenNotWanted {
                        member: *member,
                        service: *service,
                    });
                }
            }
            for want in own {
                let w = wants.iter().position(|x| x == want).unwrap_or(0);
                let window = time.window(*want);
                let wanted = horizon
                    .months_between(window.and_then(|w| w.from), window.and_then(|w| w.until));
                for (m, yes) in wanted.into_iter().enumerate() {
                    if yes {
                        wanted_by[w][m].push(*member);
                    }
                }
            }
            for holding in &time.held {
                let covered = horizon.months_held(holding.through);
                for service in held_services(catalog, scenario, own, holding) {
                    if let Some(w) = wants.iter().position(|x| *x == service) {
                        let seats = catalog.services[service].seats.max(1);
                        for (m, yes) in covered.iter().enumerate() {
                            if *yes {
                                held[w][m] = held[w][m].saturating_add(seats);
                            }
                        }
                    }
                }
            }
        }
        let seats = wanted_by
            .iter()
            .zip(&held)
            .map(|(by, held)| {
                by.iter()
                    .zip(held)
                    .map(|(people, held)| (people.len() as u32).saturating_sub(*held))
                    .collect()
            })
            .collect();
        Demand {
            wants,
            wanted_by,
            held,
            seats,
        }
    }

    /// The total number of seat-months to buy.
    pub fn total(&self) -> u64 {
        self.seats.iter().flatten().map(|s| u64::from(*s)).sum()
    }
}

/// The services a holding holds for a person with the wants `own`: a service
/// itself, or a bundle's counted services (rule 2, with the file's picks and
/// the person's wants).
pub fn held_services(
    catalog: &Catalog,
    scenario: &Scenario,
    own: &[ServiceIx],
    holding: &Held,
) -> Vec<ServiceIx> {
    match holding.offer {
        Offer::Service(service) => vec![service],
        Offer::Bundle(bundle) => counted_for(catalog, scenario, own, bundle),
    }
}

/// A bundle's counted services for a person who wants `own`.
fn counted_for(
    catalog: &Catalog,
    scenario: &Scenario,
    own: &[ServiceIx],
    bundle: BundleIx,
) -> Vec<ServiceIx> {
    let mut theirs = scenario.clone();
    if own.is_empty() {
        theirs.wants = None;
    } else {
        theirs.set_wants(own.to_vec());
    }
    let prices = Prices::new(catalog, &theirs, &mut Vec::new());
    let picks = catalog
        .profile
        .picks
        .get(&bundle)
        .map_or(&[][..], Vec::as_slice);
    counted_services(&catalog.bundles[bundle], picks, &prices)
        .into_iter()
        .map(|(service, _)| service)
        .collect()
}

/// Whether `member` is new to `offer` on the horizon's first day: they hold
/// neither it nor (for a service) a bundle that holds it for them then.
pub fn is_new(
    catalog: &Catalog,
    scenario: &Scenario,
    member: Member,
    own: &[ServiceIx],
    offer: Offer,
    horizon: Horizon,
) -> bool {
    let first_day = horizon.from.first_day();
    let time = time_of(catalog, member);
    !time
        .held
        .iter()
        .filter(|h| h.through >= first_day)
        .any(|h| {
            h.offer == offer
                || match offer {
                    Offer::Service(service) => {
                        held_services(catalog, scenario, own, h).contains(&service)
                    }
                    Offer::Bundle(_) => false,
                }
        })
}
