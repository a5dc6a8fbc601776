//! `[bundles.ID]` walked: price, price tiers (docs/reference/file-format.md, "Price tiers") and includes.

use rust_decimal::Decimal;
use toml::de::{DeTable, DeValue};

use super::place::{InItem, Key, KeyPath, Node, describe, field};
use super::raw::{RawBundle, RawInclude};
use super::walk::Walker;
use crate::amount::{NumberError, checked_fact, parse_number};
use crate::condition::{Condition, Operator};
use crate::message::Message;
use crate::model::offer::{Bundle, Status, Tier};
use crate::period::Period;
use crate::seen::Seen;

const BUNDLE_KEYS: &[&str] = &[
    "name", "price", "period", "status", "tiers", "includes", "note", "as_of", "source", "first",
];
const TIER_KEYS: &[&str] = &["when", "price"];
const GROUP_KEYS: &[&str] = &["one_of", "label"];

impl Walker<'_> {
    pub fn bundle(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> RawBundle {
        let id = key.get_ref().to_string();
        self.check_keys(table, BUNDLE_KEYS, InItem("bundle", &id));
        let mut bundle = Bundle {
            name: id.clone(),
            id: id.clone(),
            price: Decimal::ZERO,
            period: Period::Year,
            status: Status::Available,
            tiers: Vec::new(),
            includes: Vec::new(),
            note: None,
            seen: Seen::default(),
            first: None,
            changes: Vec::new(),
            line: self.line_of(key),
        };
        let mut includes = Vec::new();
        for (name, node) in table.iter() {
            let path = KeyPath("bundles", &id, name.get_ref());
            if self.seen_key(&mut bundle.seen, name.get_ref(), node, path) {
                continue;
            }
            match name.get_ref().as_ref() {
                "name" => bundle.name = self.string(node, path).unwrap_or(bundle.name),
                "price" => bundle.price = self.amount(node, path),
                "period" => bundle.period = self.period(node, path),
                "status" => bundle.status = self.status(node, path),
                "note" => bundle.note = self.string(node, path),
                "tiers" => bundle.tiers = self.tiers(node, &id),
                "includes" => includes = self.includes(node, &id),
                "first" => bundle.first = self.first(node, &path.to_string()).map(Box::new),
                _ => {}
            }
        }
        if field(table, "price").is_none() {
            self.problem(crate::msg!("load.bundle_no_price", id = id), key.span());
        }
        if field(table, "includes").is_none() {
            self.problem(crate::msg!("load.no_includes", id = id), key.span());
        }
        RawBundle {
            bundle,
            key_span: key.span(),
            includes,
        }
    }

    /// `tiers`: a list of `{ when, price }` (docs/reference/file-format.md, "Price tiers"); `bundle` names the offer
    /// they price in messages.
    pub fn tiers(&mut self, node: &Node<'_>, bundle: &str) -> Vec<Tier> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(crate::msg!("load.tiers_list", bundle = bundle), node.span());
            return Vec::new();
        };
        let mut tiers = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            let Some(table) = entry.get_ref().as_table() else {
                self.problem(
                    crate::msg!("load.tier_table", bundle = bundle),
                    entry.span(),
                );
                continue;
            };
            self.check_keys(table, TIER_KEYS, InItem("a tier of bundle", bundle));
            let when = match field(table, "when") {
                Some((_, when)) => self.condition(when, bundle),
                None => {
                    self.problem(
                        crate::msg!("load.tier_no", bundle = bundle, key = "when"),
                        entry.span(),
                    );
                    None
                }
            };
            let price = match field(table, "price") {
                Some((_, price)) => Some(self.amount(
                    price,
                    InItem("the price of a tier of bundle", bundle).bare(),
                )),
                None => {
                    self.problem(
                        crate::msg!("load.tier_no", bundle = bundle, key = "price"),
                        entry.span(),
                    );
                    None
                }
            };
            if let (Some(when), Some(price)) = (when, price) {
                tiers.push(Tier { when, price });
            }
        }
        tiers
    }

    fn condition(&mut self, node: &Node<'_>, bundle: &str) -> Option<Condition> {
        let text = self.string(
            node,
            InItem("the `when` of a tier of bundle", bundle).bare(),
        )?;
        match parse_condition(&text) {
            Ok(condition) => Some(condition),
            Err(why) => {
                self.problem(
                    crate::msg!(
                        "load.bad_condition",
                        text = text,
                        bundle = bundle,
                        why = why
                    ),
                    node.span(),
                );
                None
            }
        }
    }

    fn includes(&mut self, node: &Node<'_>, bundle: &str) -> Vec<RawInclude> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(
                crate::msg!("load.includes_list", bundle = bundle),
                node.span(),
            );
            return Vec::new();
        };
        if entries.is_empty() {
            self.problem(
                crate::msg!("load.includes_nothing", bundle = bundle),
                node.span(),
            );
        }
        let mut includes = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            match entry.get_ref() {
                DeValue::String(id) => {
                    includes.push(RawInclude::Service(self.written(id, entry.span())))
                }
                DeValue::Table(group) => {
                    if let Some(group) = self.group(group, entry, bundle) {
                        includes.push(group);
                    }
                }
                other => self.problem(
                    crate::msg!("load.bad_include", found = describe(other)),
                    entry.span(),
                ),
            }
        }
        includes
    }

    /// `{ one_of = [...], label = "..." }` in a bundle's includes.
    pub fn group(
        &mut self,
        group: &DeTable<'_>,
        entry: &Node<'_>,
        bundle: &str,
    ) -> Option<RawInclude> {
        self.check_keys(group, GROUP_KEYS, InItem("a group of bundle", bundle));
        let label = field(group, "label")
            .and_then(|(_, label)| self.string(label, crate::msg!("load.place.group_label")));
        let Some((one_of_key, one_of)) = field(group, "one_of") else {
            self.problem(
                crate::msg!("load.group_no_one_of", bundle = bundle),
                entry.span(),
            );
            return None;
        };
        let Some(member_nodes) = one_of.get_ref().as_array() else {
            self.problem(crate::msg!("load.one_of_list"), one_of.span());
            return None;
        };
        if member_nodes.len() < 2 {
            self.problem(
                crate::msg!("load.small_group", bundle = bundle),
                one_of_key.span().start..one_of.span().end,
            );
        }
        let mut members = Vec::with_capacity(member_nodes.len());
        for member in member_nodes.iter() {
            if let Some(id) = self.string(member, crate::msg!("load.place.one_of_member")) {
                members.push(self.written(&id, member.span()));
            }
        }
        Some(RawInclude::OneOf { members, label })
    }
}

/// Reads a tier condition `FACT OP NUMBER`, such as `taoqi >= 1000` (docs/reference/file-format.md, "Price tiers"); the
/// number is read as TOML reads one, so `taoqi >= 0x3e8` tests the same.
pub fn parse_condition(text: &str) -> Result<Condition, Message> {
    let text = text.trim();
    let fact_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let fact = &text[..fact_end];
    if fact.is_empty() {
        return Err(crate::msg!("load.condition_shape"));
    }
    let rest = text[fact_end..].trim_start();
    let Some(op) = Operator::ALL
        .into_iter()
        .find(|op| rest.starts_with(op.symbol()))
    else {
        return Err(crate::msg!("load.condition_op", fact = fact));
    };
    let number = rest[op.symbol().len()..].trim();
    // A fact is within its bounds, so a number beyond them could never be met.
    let value = parse_number(number)
        .and_then(checked_fact)
        .map_err(|why| match why {
            NumberError::NotANumber => crate::msg!("load.not_a_number", number = number),
            why => crate::msg!(
                "load.condition_number",
                number = number,
                why = why.message()
            ),
        })?;
    Ok(Condition {
        fact: fact.to_string(),
        op,
        value,
    })
}
