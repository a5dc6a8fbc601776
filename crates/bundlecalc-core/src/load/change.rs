//! `[changes.ID]` (docs/reference/file-format.md, "What-if changes"): walked like the other tables, then, once services
//! and bundles are known, checked against the offer as the file writes it: the
//! offer and every service named exist, a removed service is included, an added
//! one is not, the bundle keeps an include, each key fits the offer.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::place::{InItem, Key, KeyPath, Node, describe, field};
use super::raw::{Keyed, RawChange, RawInclude, Written};
use super::walk::Walker;
use crate::diagnostic::{Diagnostic, Problems, did_you_mean};
use crate::message::Message;
use crate::model::change::Change;
use crate::model::index::ServiceIx;
use crate::model::offer::{Bundle, Include, Offer, Service};
use crate::seen::Seen;
use crate::what_if::apply::{add_include, remove_service};

const CHANGE_KEYS: &[&str] = &[
    "name",
    "offer",
    "add",
    "remove",
    "price",
    "period",
    "tiers",
    "label",
    "other_prices",
    "first",
    "note",
    "as_of",
    "source",
];
/// The keys a change of a bundle may not have, and of a service.
const NOT_FOR_BUNDLES: &[&str] = &["label", "other_prices"];
const NOT_FOR_SERVICES: &[&str] = &["add", "remove", "tiers"];
/// A benefit has a value, not a price: no key of a change sets it.
const NOT_FOR_BENEFITS: &[&str] = &[
    "add",
    "remove",
    "tiers",
    "price",
    "label",
    "other_prices",
    "first",
];

impl Walker<'_> {
    pub fn change(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> RawChange {
        let id = key.get_ref().to_string();
        self.check_keys(table, CHANGE_KEYS, InItem("change", &id));
        let offer = match field(table, "offer") {
            Some((_, node)) => self
                .string(node, KeyPath("changes", &id, "offer"))
                .map(|offer| self.written(&offer, node.span())),
            None => {
                self.problem(crate::msg!("load.change_no_offer", id = id), key.span());
                None
            }
        };
        // Tiers and ways are read as the offer's own, and named so in messages.
        let offer_id = offer.as_ref().map_or(id.clone(), |o| o.id.clone());
        let mut change = RawChange {
            id: id.clone(),
            name: None,
            key_span: key.span(),
            line: self.line_of(key),
            offer,
            add: None,
            remove: None,
            price: None,
            period: None,
            tiers: None,
            label: None,
            other_prices: None,
            first: None,
            note: None,
            seen: Seen::default(),
        };
        for (name, node) in table.iter() {
            let path = KeyPath("changes", &id, name.get_ref());
            let at = name.span();
            if self.seen_key(&mut change.seen, name.get_ref(), node, path) {
                continue;
            }
            match name.get_ref().as_ref() {
                "name" => change.name = self.string(node, path),
                "note" => change.note = self.string(node, path),
                "price" => change.price = Some(keyed(&at, self.amount(node, path))),
                "period" => change.period = Some(keyed(&at, self.period(node, path))),
                "label" => change.label = self.string(node, path).map(|l| keyed(&at, l)),
                "tiers" => change.tiers = Some(keyed(&at, self.tiers(node, &offer_id))),
                "other_prices" => {
                    change.other_prices = Some(keyed(&at, self.other_prices(node, &offer_id)))
                }
                "first" => {
                    change.first = self
                        .first(node, &path.to_string())
                        .map(|first| keyed(&at, first))
                }
                "add" => change.add = Some(keyed(&at, self.added(node, &id, &offer_id))),
                "remove" => change.remove = Some(keyed(&at, self.removed(node, &id))),
                _ => {}
            }
        }
        change
    }

    /// `add`: service ids and `one_of` groups, as in `includes`.
    fn added(&mut self, node: &Node<'_>, id: &str, bundle: &str) -> Vec<RawInclude> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(
                crate::msg!("load.change_list", path = KeyPath("changes", id, "add")),
                node.span(),
            );
            return Vec::new();
        };
        let mut added = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            match entry.get_ref() {
                DeValue::String(service) => {
                    added.push(RawInclude::Service(self.written(service, entry.span())))
                }
                DeValue::Table(group) => added.extend(self.group(group, entry, bundle)),
                other => self.problem(
                    crate::msg!("load.bad_include", found = describe(other)),
                    entry.span(),
                ),
            }
        }
        added
    }

    /// `remove`: service ids.
    fn removed(&mut self, node: &Node<'_>, id: &str) -> Vec<Written> {
        let path = KeyPath("changes", id, "remove");
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(crate::msg!("load.change_list", path = path), node.span());
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|entry| {
                let service = self.string(entry, path)?;
                Some(self.written(&service, entry.span()))
            })
            .collect()
    }
}

/// `value` with the place of its key.
fn keyed<T>(key_span: &Range<usize>, value: T) -> Keyed<T> {
    Keyed {
        key_span: key_span.clone(),
        value,
    }
}

/// The changes the walk found, each checked against its offer as the file writes
/// it (`bundles` with their includes looked up), every problem noted.
pub fn resolve_changes(
    raw: Vec<RawChange>,
    services: &[Service],
    bundles: &[Bundle],
    problems: &mut Problems,
) -> Vec<Change> {
    let mut checker = Checker {
        services: services
            .iter()
            .enumerate()
            .map(|(at, s)| (s.id.as_str(), at))
            .collect(),
        bundles: bundles
            .iter()
            .enumerate()
            .map(|(at, b)| (b.id.as_str(), at))
            .collect(),
        problems,
    };
    raw.into_iter()
        .filter_map(|change| checker.change(change, services, bundles))
        .collect()
}

/// Looks up what changes name, noting each problem.
struct Checker<'a, 'p> {
    services: HashMap<&'a str, ServiceIx>,
    bundles: HashMap<&'a str, usize>,
    problems: &'p mut Problems,
}

impl Checker<'_, '_> {
    fn problem(&mut self, message: Message, span: Range<usize>, help: Option<Message>) {
        self.problems
            .push(Diagnostic::new(message, span).with_help(help));
    }

    fn change(
        &mut self,
        raw: RawChange,
        services: &[Service],
        bundles: &[Bundle],
    ) -> Option<Change> {
        let written = raw.offer.as_ref()?;
        let offer = if let Some(&at) = self.bundles.get(written.id.as_str()) {
            Offer::Bundle(at)
        } else if let Some(&at) = self.services.get(written.id.as_str()) {
            Offer::Service(at)
        } else {
            let known = self.bundles.keys().chain(self.services.keys()).copied();
            let help = did_you_mean(&written.id, known);
            self.problem(
                crate::msg!("load.unknown_offer", id = written.id, change = raw.id),
                written.span.clone(),
                help,
            );
            return None;
        };
        self.check_fit(&raw, offer, services);
        let mut change = Change {
            name: raw.name.clone().unwrap_or_else(|| raw.id.clone()),
            id: raw.id.clone(),
            offer,
            add: Vec::new(),
            remove: Vec::new(),
            price: raw.price.as_ref().map(|p| p.value),
            period: raw.period.as_ref().map(|p| p.value),
            tiers: None,
            label: None,
            other_prices: None,
            first: raw.first.as_ref().map(|f| f.value.clone()),
            note: raw.note.clone(),
            seen: raw.seen.clone(),
            line: raw.line,
        };
        match offer {
            Offer::Bundle(at) => {
                self.bundle_change(&raw, &bundles[at], &mut change);
                change.tiers = raw.tiers.map(|t| t.value);
            }
            Offer::Service(_) => {
                change.label = raw.label.map(|l| l.value);
                change.other_prices = raw.other_prices.map(|w| w.value);
            }
        }
        Some(change)
    }

    /// Each key the offer cannot take is a problem at that key.
    fn check_fit(&mut self, raw: &RawChange, offer: Offer, services: &[Service]) {
        let (misfits, help) = match offer {
            Offer::Bundle(_) => (NOT_FOR_BUNDLES, "load.change_fits_bundle"),
            Offer::Service(at) if services[at].value.is_some() => {
                (NOT_FOR_BENEFITS, "load.change_fits_benefit")
            }
            Offer::Service(_) => (NOT_FOR_SERVICES, "load.change_fits_service"),
        };
        let given = [
            ("add", raw.add.as_ref().map(|k| &k.key_span)),
            ("remove", raw.remove.as_ref().map(|k| &k.key_span)),
            ("price", raw.price.as_ref().map(|k| &k.key_span)),
            ("tiers", raw.tiers.as_ref().map(|k| &k.key_span)),
            ("label", raw.label.as_ref().map(|k| &k.key_span)),
            (
                "other_prices",
                raw.other_prices.as_ref().map(|k| &k.key_span),
            ),
            ("first", raw.first.as_ref().map(|k| &k.key_span)),
        ];
        let offer_id = raw.offer.as_ref().map_or("", |o| o.id.as_str());
        for (key, span) in given {
            if let Some(span) = span
                && misfits.contains(&key)
            {
                let kind = match offer {
                    Offer::Bundle(_) => crate::msg!("item.bundle"),
                    Offer::Service(_) => crate::msg!("item.service"),
                };
                self.problem(
                    crate::msg!(
                        "load.change_misfit",
                        path = KeyPath("changes", &raw.id, key),
                        kind = kind,
                        offer = offer_id
                    ),
                    span.clone(),
                    Some(crate::msg!(help)),
                );
            }
        }
    }

    /// `remove` then `add` tried on the bundle as the file writes it: each removed
    /// service included, each added one not, an include left at the end.
    fn bundle_change(&mut self, raw: &RawChange, bundle: &Bundle, change: &mut Change) {
        let mut includes = bundle.includes.clone();
        if let Some(remove) = &raw.remove {
            for written in &remove.value {
                let Some(service) = self.service(written, &raw.id) else {
                    continue;
                };
                if remove_service(&mut includes, service) {
                    change.remove.push(service);
                } else if change.remove.contains(&service) {
                    // Listed twice: the first took it out already.
                    self.problem(
                        crate::msg!(
                            "load.change_removes_twice",
                            id = written.id,
                            change = raw.id
                        ),
                        written.span.clone(),
                        None,
                    );
                } else {
                    self.problem(
                        crate::msg!(
                            "load.change_not_included",
                            id = written.id,
                            bundle = bundle.id,
                            change = raw.id
                        ),
                        written.span.clone(),
                        None,
                    );
                }
            }
        }
        if let Some(add) = &raw.add {
            for include in &add.value {
                let (members, label) = match include {
                    RawInclude::Service(written) => (std::slice::from_ref(written), None),
                    RawInclude::OneOf { members, label } => (&members[..], Some(label.clone())),
                };
                let mut found = Vec::with_capacity(members.len());
                for written in members {
                    let Some(service) = self.service(written, &raw.id) else {
                        continue;
                    };
                    if includes.iter().any(|i| i.members().contains(&service))
                        || found.contains(&service)
                    {
                        self.problem(
                            crate::msg!(
                                "load.change_included",
                                id = written.id,
                                bundle = bundle.id,
                                change = raw.id
                            ),
                            written.span.clone(),
                            None,
                        );
                    } else {
                        found.push(service);
                    }
                }
                let include = match label {
                    None => found.first().map(|&s| Include::Service(s)),
                    Some(label) => Some(Include::OneOf {
                        members: found,
                        label,
                    }),
                };
                if let Some(include) = include {
                    add_include(&mut includes, include.clone());
                    change.add.push(include);
                }
            }
        }
        if includes.is_empty() {
            let span = raw
                .remove
                .as_ref()
                .map_or(raw.key_span.clone(), |r| r.key_span.clone());
            self.problem(
                crate::msg!(
                    "load.change_leaves_empty",
                    change = raw.id,
                    bundle = bundle.id
                ),
                span,
                None,
            );
        }
    }

    /// A service id of a change, looked up; an unknown one is a problem.
    fn service(&mut self, written: &Written, change: &str) -> Option<ServiceIx> {
        if let Some(&service) = self.services.get(written.id.as_str()) {
            return Some(service);
        }
        let help = if self.bundles.contains_key(written.id.as_str()) {
            Some(crate::msg!("load.is_bundle", id = written.id))
        } else {
            did_you_mean(&written.id, self.services.keys().copied())
        };
        let place = InItem("change", change).bare();
        self.problem(
            crate::msg!("load.unknown_service", id = written.id, place = place),
            written.span.clone(),
            help,
        );
        None
    }
}
