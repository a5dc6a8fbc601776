//! `[services.ID]` walked: prices, other ways to buy (docs/reference/file-format.md, "Other ways to buy") and benefits (docs/reference/file-format.md, "Benefits").

use rust_decimal::Decimal;
use toml::de::{DeTable, DeValue};

use super::place::{InItem, Key, KeyPath, Node, field};
use super::walk::Walker;
use crate::amount::toml_number;
use crate::model::offer::{Benefit, Service, Status, Way};
use crate::period::Period;
use crate::seen::Seen;

const SERVICE_KEYS: &[&str] = &[
    "name",
    "price",
    "period",
    "label",
    "other_prices",
    "value",
    "sold_alone",
    "status",
    "note",
    "as_of",
    "source",
    "seats",
    "first",
];

/// The most people one purchase can be said to serve (10,000, as messages say).
const MAX_SEATS: u32 = 10_000;
const WAY_KEYS: &[&str] = &["price", "period", "label", "as_of", "source", "first"];
const VALUE_KEYS: &[&str] = &["fact", "rate", "max"];

impl Walker<'_> {
    pub fn service(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> Service {
        let id = key.get_ref().to_string();
        self.check_keys(table, SERVICE_KEYS, InItem("service", &id));
        let mut service = Service {
            name: id.clone(),
            id: id.clone(),
            price: Decimal::ZERO,
            period: Period::Year,
            label: None,
            other_prices: Box::default(),
            value: None,
            sold_alone: true,
            seats: 1,
            status: Status::Available,
            note: None,
            seen: Seen::default(),
            first: None,
            changes: Box::default(),
            line: self.line_of(key),
        };
        for (name, node) in table.iter() {
            let path = KeyPath("services", &id, name.get_ref());
            if self.seen_key(&mut service.seen, name.get_ref(), node, path) {
                continue;
            }
            match name.get_ref().as_ref() {
                "name" => service.name = self.string(node, path).unwrap_or(service.name),
                "price" => service.price = self.amount(node, path),
                "period" => service.period = self.period(node, path),
                "status" => service.status = self.status(node, path),
                "label" => service.label = self.string(node, path).map(String::into_boxed_str),
                "other_prices" => service.other_prices = self.other_prices(node, &id).into(),
                "value" => service.value = self.benefit(node, &id).map(Box::new),
                "note" => service.note = self.string(node, path),
                "sold_alone" => service.sold_alone = self.flag(node, path).unwrap_or(true),
                "seats" => service.seats = self.seats(node, path).unwrap_or(1),
                "first" => service.first = self.first(node, &path.to_string()).map(Box::new),
                _ => {}
            }
        }
        self.check_service_shape(key, table, &service);
        service
    }

    /// `seats` (docs/reference/file-format.md, "People who share"): a TOML integer (any radix) from 1 to `MAX_SEATS`.
    fn seats(&mut self, node: &Node<'_>, place: KeyPath<'_>) -> Option<u32> {
        let seats = match node.get_ref() {
            DeValue::Integer(_) => toml_number(node.get_ref())
                .and_then(Result::ok)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (1..=MAX_SEATS).contains(n)),
            _ => None,
        };
        if seats.is_none() {
            self.problem(
                crate::msg!("load.seats", place = place, most = "10,000"),
                node.span(),
            );
        }
        seats
    }

    /// The rules between a service's keys: a price or a value, not both; a benefit
    /// is not sold alone and has one way to be had; labels are unique.
    fn check_service_shape(&mut self, key: &Key<'_>, table: &DeTable<'_>, service: &Service) {
        let id = &service.id;
        match (field(table, "price"), field(table, "value")) {
            (None, None) => self.problem(crate::msg!("load.service_no_price", id = id), key.span()),
            (Some(_), Some((value, _))) => self.problem_with_help(
                crate::msg!("load.both_price_value", id = id),
                value.span(),
                Some(crate::msg!("load.both_help")),
            ),
            _ => {}
        }
        if let Some((value, _)) = field(table, "value") {
            let sold_alone = field(table, "sold_alone").and_then(|(_, n)| n.get_ref().as_bool());
            if sold_alone != Some(false) {
                self.problem_with_help(
                    crate::msg!("load.benefit_sold_alone", id = id),
                    value.span(),
                    Some(crate::msg!("load.benefit_sold_alone_help")),
                );
            }
            if let Some((other, _)) = field(table, "other_prices") {
                self.problem(crate::msg!("load.benefit_ways", id = id), other.span());
            }
            if let Some(first) = super::time::first_key(table) {
                self.problem(crate::msg!("load.benefit_first", id = id), first);
            }
        }
        self.check_labels(table, id);
    }

    /// Every way to buy a service has a different label (an unlabelled one is fine).
    fn check_labels(&mut self, table: &DeTable<'_>, id: &str) {
        let mut seen: Vec<String> = Vec::new();
        if let Some(label) = field(table, "label").and_then(|(_, n)| n.get_ref().as_str()) {
            seen.push(label.to_string());
        }
        let Some((_, ways)) = field(table, "other_prices") else {
            return;
        };
        let Some(ways) = ways.get_ref().as_array() else {
            return;
        };
        for way in ways.iter() {
            let Some(label) = way
                .get_ref()
                .as_table()
                .and_then(|t| field(t, "label"))
                .and_then(|(_, n)| n.get_ref().as_str().map(|l| (l.to_string(), n.span())))
            else {
                continue;
            };
            if seen.contains(&label.0) {
                self.problem(
                    crate::msg!("load.label_twice", id = id, label = label.0),
                    label.1,
                );
            } else {
                seen.push(label.0);
            }
        }
    }

    /// `other_prices`: a list of `{ price, period, label, as_of, source }`.
    pub fn other_prices(&mut self, node: &Node<'_>, id: &str) -> Vec<Way> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(crate::msg!("load.ways_list", id = id), node.span());
            return Vec::new();
        };
        let mut ways = Vec::with_capacity(entries.len());
        for (at, entry) in entries.iter().enumerate() {
            let place = format!("`services.{id}.other_prices[{at}]`");
            let Some(table) = entry.get_ref().as_table() else {
                self.problem(crate::msg!("load.way_table", place = place), entry.span());
                continue;
            };
            self.check_keys(table, WAY_KEYS, crate::msg!("load.in_place", place = place));
            let mut way = Way {
                price: Decimal::ZERO,
                period: Period::Year,
                label: None,
                seen: Seen::default(),
                first: None,
            };
            for (name, node) in table.iter() {
                let key = format!("`services.{id}.other_prices[{at}].{}`", name.get_ref());
                if self.seen_key(&mut way.seen, name.get_ref(), node, &key) {
                    continue;
                }
                match name.get_ref().as_ref() {
                    "price" => way.price = self.amount(node, key),
                    "period" => way.period = self.period(node, key),
                    "label" => way.label = self.string(node, key),
                    "first" => way.first = self.first(node, &key).map(Box::new),
                    _ => {}
                }
            }
            if field(table, "price").is_none() {
                self.problem(
                    crate::msg!("load.no_key", place = place, key = "price"),
                    entry.span(),
                );
            }
            ways.push(way);
        }
        ways
    }

    /// `value = { fact, rate, max }` of a benefit.
    fn benefit(&mut self, node: &Node<'_>, id: &str) -> Option<Benefit> {
        let place = format!("`services.{id}.value`");
        let Some(table) = node.get_ref().as_table() else {
            self.problem(crate::msg!("load.value_table", place = place), node.span());
            return None;
        };
        self.check_keys(
            table,
            VALUE_KEYS,
            crate::msg!("load.in_place", place = place),
        );
        let mut benefit = Benefit {
            fact: String::new(),
            rate: Decimal::ZERO,
            max: None,
        };
        for (name, node) in table.iter() {
            let key = format!("`services.{id}.value.{}`", name.get_ref());
            match name.get_ref().as_ref() {
                "fact" => benefit.fact = self.string(node, key).unwrap_or_default(),
                "rate" => {
                    benefit.rate = self.amount(node, &key);
                    if benefit.rate > Decimal::ONE {
                        self.problem(crate::msg!("load.rate_range", key = key), node.span());
                    }
                }
                "max" => benefit.max = Some(self.amount(node, key)),
                _ => {}
            }
        }
        for required in ["fact", "rate"] {
            if field(table, required).is_none() {
                self.problem(
                    crate::msg!("load.no_key", place = place, key = required),
                    node.span(),
                );
            }
        }
        Some(benefit)
    }
}
