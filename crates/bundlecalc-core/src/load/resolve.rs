//! The third step of loading: every id the walk collected looked up, and the rules
//! between items checked (ids unique across services and bundles, each service once
//! in a bundle, picks inside groups, spending facts not negative, each change
//! against its offer). Then the catalogue, or every problem in file order.

use std::collections::{BTreeMap, HashMap};

use std::ops::Range;

use rust_decimal::Decimal;

use super::change::resolve_changes;
use super::place::InItem;
use super::raw::{
    RawBundle, RawFact, RawInclude, RawPerson, RawPicks, RawSplit, RawTime, Walked, Written,
};
use crate::diagnostic::{Diagnostic, Problems, did_you_mean};
use crate::message::{IntoFact, Message};
use crate::model::Catalog;
use crate::model::index::{BundleIx, ServiceIx};
use crate::model::offer::{Bundle, Include, Offer, Service, benefit_spending, group_holding};
use crate::model::people::{Held, Person, Profile, Time};
use crate::period::Period;
use crate::split::Split;

/// The catalogue the walk found, with its references looked up, or every problem.
pub fn resolve(walked: Walked<'_>) -> Result<Catalog, Vec<Diagnostic>> {
    let Walked {
        mut problems,
        currency,
        basis,
        services,
        bundles: raw_bundles,
        changes,
        wants,
        picks,
        facts,
        time,
        people,
        split,
        ..
    } = walked;
    let ids = Ids::of(&services, &raw_bundles);
    let mut resolver = Resolver {
        ids: &ids,
        problems: &mut problems,
    };
    let mut includes = Vec::with_capacity(raw_bundles.len());
    for raw in &raw_bundles {
        if ids.services.contains_key(raw.bundle.id.as_str()) {
            resolver.problems.push(Diagnostic::new(
                crate::msg!("load.both", id = raw.bundle.id),
                raw.key_span.clone(),
            ));
        }
        includes.push(resolver.includes(raw));
    }
    let profile = Profile {
        wants: resolver.wants(&wants),
        picks: resolver.picks(&picks, &includes),
        facts: resolver.facts(facts, &services),
        time: resolver.time(&time, "profile"),
    };
    let people: Vec<Person> = people.iter().map(|raw| resolver.person(raw)).collect();
    let split = match split {
        None => Split::default(),
        Some(RawSplit::Named(rule)) => rule,
        Some(RawSplit::Weights(weights)) => resolver.weights(weights, &people),
    };
    drop(ids);
    let bundles: Vec<Bundle> = raw_bundles
        .into_iter()
        .zip(includes)
        .map(|(raw, includes)| Bundle {
            includes,
            ..raw.bundle
        })
        .collect();
    let changes = resolve_changes(changes, &services, &bundles, &mut problems);
    if !problems.is_empty() {
        // In file order, whatever order the checks ran in.
        return Err(problems.into_list());
    }
    Ok(Catalog {
        currency: currency.unwrap_or_else(|| "CNY".to_string()),
        basis: basis.unwrap_or(Period::Year),
        profile,
        services,
        bundles,
        changes,
        applied: Vec::new(),
        people,
        split,
    })
}

/// The ids references may name.
struct Ids<'a> {
    services: HashMap<&'a str, ServiceIx>,
    bundles: HashMap<&'a str, BundleIx>,
}

impl<'a> Ids<'a> {
    fn of(services: &'a [Service], bundles: &'a [RawBundle]) -> Self {
        Ids {
            services: services
                .iter()
                .enumerate()
                .map(|(ix, s)| (s.id.as_str(), ix))
                .collect(),
            bundles: bundles
                .iter()
                .enumerate()
                .map(|(ix, raw)| (raw.bundle.id.as_str(), ix))
                .collect(),
        }
    }
}

/// Looks references up, noting each that names nothing.
struct Resolver<'a, 'p> {
    ids: &'a Ids<'a>,
    problems: &'p mut Problems,
}

impl Resolver<'_, '_> {
    /// A bundle's includes with their ids looked up; each service at most once.
    fn includes(&mut self, raw: &RawBundle) -> Vec<Include> {
        let bundle = raw.bundle.id.as_str();
        let place = InItem("bundle", bundle).bare();
        let mut seen: Vec<ServiceIx> = Vec::new();
        let mut includes = Vec::with_capacity(raw.includes.len());
        let mut resolve = |resolver: &mut Self, written: &Written| {
            let service = resolver.service(written, place)?;
            if seen.contains(&service) {
                resolver.problems.push(Diagnostic::new(
                    crate::msg!("load.service_twice", id = written.id, bundle = bundle),
                    written.span.clone(),
                ));
            }
            seen.push(service);
            Some(service)
        };
        for include in &raw.includes {
            match include {
                RawInclude::Service(written) => {
                    if let Some(service) = resolve(self, written) {
                        includes.push(Include::Service(service));
                    }
                }
                RawInclude::OneOf { members, label } => {
                    let members = members.iter().filter_map(|m| resolve(self, m)).collect();
                    includes.push(Include::OneOf {
                        members,
                        label: label.clone(),
                    });
                }
            }
        }
        includes
    }

    /// Resolves a service id, reporting it (with a suggestion) when unknown.
    fn service(&mut self, written: &Written, place: impl IntoFact) -> Option<ServiceIx> {
        let id = written.id.as_str();
        if let Some(service) = self.ids.services.get(id) {
            return Some(*service);
        }
        let help = if self.ids.bundles.contains_key(id) {
            Some(crate::msg!("load.is_bundle", id = id))
        } else {
            did_you_mean(id, self.ids.services.keys().copied())
        };
        self.problem(
            crate::msg!("load.unknown_service", id = id, place = place),
            written.span.clone(),
            help,
        );
        None
    }

    fn problem(&mut self, message: Message, span: Range<usize>, help: Option<Message>) {
        self.problems
            .push(Diagnostic::new(message, span).with_help(help));
    }

    /// A person with their wants looked up; one listed twice counts once.
    fn person(&mut self, raw: &RawPerson) -> Person {
        let place = format!("`people.{}.wants`", raw.id);
        let mut wants = Vec::with_capacity(raw.wants.len());
        for written in &raw.wants {
            if let Some(service) = self.service(written, &place)
                && !wants.contains(&service)
            {
                wants.push(service);
            }
        }
        Person {
            id: raw.id.clone(),
            name: raw.name.clone().unwrap_or_else(|| raw.id.clone()),
            wants,
            time: self.time(&raw.time, &format!("people.{}", raw.id)),
        }
    }

    /// `held` and `when` (docs/reference/file-format.md, "Time: held, when, first") with their ids looked up: a held id names a
    /// service or a bundle, a `when` id a service.
    fn time(&mut self, raw: &RawTime, prefix: &str) -> Time {
        let mut time = Time::default();
        let held_place = format!("`{prefix}.held`");
        for (written, through) in &raw.held {
            let id = written.id.as_str();
            let offer = if let Some(&service) = self.ids.services.get(id) {
                Offer::Service(service)
            } else if let Some(&bundle) = self.ids.bundles.get(id) {
                Offer::Bundle(bundle)
            } else {
                let known = self.ids.services.keys().chain(self.ids.bundles.keys());
                let help = did_you_mean(id, known.copied());
                self.problem(
                    crate::msg!("load.unknown_held", id = id, place = held_place),
                    written.span.clone(),
                    help,
                );
                continue;
            };
            time.held.push(Held {
                offer,
                through: *through,
            });
        }
        let when_place = format!("`{prefix}.when`");
        for (written, window) in &raw.when {
            if let Some(service) = self.service(written, &when_place) {
                time.when.push((service, window.clone()));
            }
        }
        time
    }

    /// Agreed weights (docs/reference/file-format.md, "People who share"), each keyed by `me` or a person of the file.
    fn weights(&mut self, weights: Vec<(Written, Decimal)>, people: &[Person]) -> Split {
        // `me` once, though a person of the file is wrongly called `me` too
        // (a problem of its own).
        let ids = || {
            let others = people.iter().map(|p| p.id.as_str());
            std::iter::once(crate::model::people::ME)
                .chain(others.filter(|id| *id != crate::model::people::ME))
        };
        let mut known = Vec::with_capacity(weights.len());
        for (written, weight) in weights {
            if ids().any(|id| id == written.id) {
                known.push((written.id, weight));
                continue;
            }
            let help = did_you_mean(&written.id, ids()).or_else(|| {
                Some(crate::msg!(
                    "load.weights_for",
                    ids = ids().collect::<Vec<_>>().join(", ")
                ))
            });
            self.problem(
                crate::msg!("load.weight_unknown_person", id = written.id),
                written.span,
                help,
            );
        }
        Split::Weights(known)
    }

    /// The wanted services, looked up; one listed twice counts once.
    fn wants(&mut self, wants: &[Written]) -> Vec<ServiceIx> {
        let mut resolved = Vec::with_capacity(wants.len());
        for written in wants {
            if let Some(service) = self.service(written, "`profile.wants`")
                && !resolved.contains(&service)
            {
                resolved.push(service);
            }
        }
        resolved
    }

    /// The picks, looked up: each a member of a `one_of` group of its bundle, at most
    /// one per group.
    fn picks(
        &mut self,
        picks: &[RawPicks],
        includes: &[Vec<Include>],
    ) -> BTreeMap<BundleIx, Vec<ServiceIx>> {
        let mut chosen = BTreeMap::new();
        for raw in picks {
            let bundle_id = raw.bundle.id.as_str();
            let Some(&bundle_ix) = self.ids.bundles.get(bundle_id) else {
                let help = did_you_mean(bundle_id, self.ids.bundles.keys().copied());
                self.problem(
                    crate::msg!("load.unknown_bundle_pick", bundle = bundle_id),
                    raw.bundle.span.clone(),
                    help,
                );
                continue;
            };
            let mut picked_groups: Vec<usize> = Vec::new();
            let mut members = Vec::new();
            for written in &raw.picks {
                let Some(service) = self.service(written, "`profile.picks`") else {
                    continue;
                };
                let group = group_holding(&includes[bundle_ix], service);
                let problem = match group {
                    None => Some(crate::msg!(
                        "load.pick_not_in_group",
                        id = written.id,
                        bundle = bundle_id
                    )),
                    Some(group) if picked_groups.contains(&group) => {
                        Some(crate::msg!("load.two_picks", bundle = bundle_id))
                    }
                    Some(group) => {
                        picked_groups.push(group);
                        members.push(service);
                        None
                    }
                };
                if let Some(message) = problem {
                    self.problem(message, written.span.clone(), None);
                }
            }
            chosen.insert(bundle_ix, members);
        }
        chosen
    }

    /// The facts' values; a fact a benefit reads as spending must not be negative,
    /// since a benefit is never worth less than nothing (docs/reference/file-format.md, "Benefits").
    fn facts(
        &mut self,
        facts: BTreeMap<String, RawFact>,
        services: &[Service],
    ) -> BTreeMap<String, Decimal> {
        let mut values = BTreeMap::new();
        for (name, fact) in facts {
            if let Some(why) = spending_problem(services, &name, fact.value) {
                self.problem(why, fact.span, None);
            }
            values.insert(name, fact.value);
        }
        values
    }
}

/// Why `value` cannot be the fact `name`: a benefit reads it as an amount spent, and
/// it is negative. `None` when it can.
pub fn spending_problem(services: &[Service], name: &str, value: Decimal) -> Option<Message> {
    let benefit = benefit_spending(services, name)?;
    negative_spending(name, &benefit.id, value)
}

/// Why `value` cannot be the fact `name`, which benefit `benefit` reads as an amount
/// spent: it is negative. `None` when it can.
pub fn negative_spending(name: &str, benefit: &str, value: Decimal) -> Option<Message> {
    (value.is_sign_negative() && !value.is_zero())
        .then(|| crate::msg!("load.negative_spending", name = name, service = benefit))
}
