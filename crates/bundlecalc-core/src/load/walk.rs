//! The second step of loading: the parsed tree walked table by table, each key
//! checked and each value read (numbers as TOML means them, docs/reference/file-format.md, "Amounts"), every
//! problem noted with its place. Services, bundles and the profile have files of
//! their own (`service`, `bundle`, `profile`); this one holds the top level and the
//! readers of single values they share.

use std::ops::Range;

use rust_decimal::Decimal;
use time::{Date, Month};
use toml::de::DeTable;
use toml::value::Datetime;

use super::place::{Key, Node, describe};
use super::raw::{Walked, Written};
use crate::amount::{checked_amount, toml_number};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::message::{IntoFact, Message};
use crate::model::offer::Status;
use crate::period::Period;
use crate::seen::Seen;

const TOP_KEYS: &[&str] = &[
    "currency",
    "basis",
    "profile",
    "services",
    "bundles",
    "changes",
    "people",
    "household",
];

/// Walks the tree of one file, collecting what it holds into `walked`.
pub struct Walker<'t> {
    pub walked: Walked<'t>,
}

/// Walks the whole tree of `text`.
pub fn walk<'t>(text: &'t str, root: &DeTable<'_>) -> Walked<'t> {
    let mut walker = Walker {
        walked: Walked::new(text),
    };
    walker.top_level(root);
    walker.walked
}

impl Walker<'_> {
    fn top_level(&mut self, root: &DeTable<'_>) {
        self.check_keys(root, TOP_KEYS, crate::msg!("load.place.top"));
        for (key, node) in root.iter() {
            match key.get_ref().as_ref() {
                "currency" => self.walked.currency = Some(self.currency(node)),
                "basis" => self.walked.basis = Some(self.period(node, "basis")),
                "services" | "bundles" | "changes" | "people" => match node.get_ref().as_table() {
                    Some(items) => self.items(key.get_ref(), items),
                    None => {
                        let name = key.get_ref();
                        self.problem(crate::msg!("load.table_of_tables", name = name), key.span());
                    }
                },
                "profile" => match node.get_ref().as_table() {
                    Some(table) => self.profile(table),
                    None => self.problem(crate::msg!("load.profile_table"), key.span()),
                },
                "household" => match node.get_ref().as_table() {
                    Some(table) => self.household(table),
                    None => self.problem(crate::msg!("load.household_table"), key.span()),
                },
                _ => {}
            }
        }
    }

    /// Collects the services, bundles, changes or people (as `parent` says) of `items`, each
    /// of which must be a table such as `[services.ID]`.
    fn items(&mut self, parent: &str, items: &DeTable<'_>) {
        for (id, value) in items.iter() {
            let Some(table) = value.get_ref().as_table() else {
                let name = id.get_ref();
                self.problem(
                    crate::msg!("load.item_table", parent = parent, name = name),
                    id.span(),
                );
                continue;
            };
            match parent {
                "services" => {
                    let service = self.service(id, table);
                    self.walked.services.push(service);
                }
                "bundles" => {
                    let bundle = self.bundle(id, table);
                    self.walked.bundles.push(bundle);
                }
                "people" => {
                    let person = self.person(id, table);
                    self.walked.people.push(person);
                }
                _ => {
                    let change = self.change(id, table);
                    self.walked.changes.push(change);
                }
            }
        }
    }

    /// A problem at `span`.
    pub fn problem(&mut self, message: Message, span: Range<usize>) {
        self.walked.problems.push(Diagnostic::new(message, span));
    }

    pub fn problem_with_help(
        &mut self,
        message: Message,
        span: Range<usize>,
        help: Option<Message>,
    ) {
        self.walked
            .problems
            .push(Diagnostic::new(message, span).with_help(help));
    }

    /// The 1-based line a key starts on.
    pub fn line_of(&self, key: &Key<'_>) -> usize {
        self.walked.lines.line(key.span().start)
    }

    /// Reports each key of `table` that is not in `allowed`.
    pub fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], place: impl IntoFact) {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let help = did_you_mean(key.get_ref(), allowed.iter().copied())
                    .or_else(|| Some(crate::msg!("load.keys_allowed", keys = allowed.join(", "))));
                self.problem_with_help(
                    crate::msg!("load.unknown_key", key = key.get_ref(), place = place),
                    key.span(),
                    help,
                );
            }
        }
    }

    fn currency(&mut self, node: &Node<'_>) -> String {
        match node.get_ref().as_str() {
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                code.to_string()
            }
            _ => {
                self.problem(crate::msg!("load.currency"), node.span());
                "CNY".to_string()
            }
        }
    }

    pub fn status(&mut self, node: &Node<'_>, place: impl IntoFact) -> Status {
        let names = Status::ALL.map(Status::name);
        let name = node.get_ref().as_str();
        if let Some(status) = name.and_then(Status::parse) {
            return status;
        }
        let help = name
            .and_then(|name| did_you_mean(name, names))
            .or_else(|| Some(crate::msg!("load.statuses_are", names = names.join(", "))));
        let what = match name {
            Some(name) => crate::msg!("load.unknown_status", name = name, place = place),
            None => crate::msg!("load.status_name", place = place),
        };
        self.problem_with_help(what, node.span(), help);
        Status::Available
    }

    pub fn period(&mut self, node: &Node<'_>, place: impl IntoFact) -> Period {
        let names = Period::CYCLE.map(Period::name);
        match node.get_ref().as_str() {
            Some(name) => match Period::parse(name) {
                Some(period) => period,
                None => {
                    let help = did_you_mean(name, names).or_else(|| {
                        Some(crate::msg!("load.periods_are", names = names.join(", ")))
                    });
                    self.problem_with_help(
                        crate::msg!("load.unknown_period", name = name, place = place),
                        node.span(),
                        help,
                    );
                    Period::Year
                }
            },
            None => {
                self.problem(crate::msg!("load.period_name", place = place), node.span());
                Period::Year
            }
        }
    }

    pub fn string(&mut self, node: &Node<'_>, place: impl IntoFact) -> Option<String> {
        match node.get_ref().as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.problem(
                    crate::msg!(
                        "load.must_be_string",
                        place = place,
                        found = describe(node.get_ref())
                    ),
                    node.span(),
                );
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn flag(&mut self, node: &Node<'_>, place: impl IntoFact) -> Option<bool> {
        let flag = node.get_ref().as_bool();
        if flag.is_none() {
            self.problem(crate::msg!("load.true_or_false", path = place), node.span());
        }
        flag
    }

    /// `as_of` and `source` (docs/reference/file-format.md, "When a price was seen"), when `name` is one of them: read into
    /// `seen`, and `true`; `false` for any other key.
    pub fn seen_key(
        &mut self,
        seen: &mut Seen,
        name: &str,
        node: &Node<'_>,
        place: impl IntoFact,
    ) -> bool {
        match name {
            "as_of" => seen.set_as_of(self.date(node, place)),
            "source" => seen.set_source(self.string(node, place)),
            _ => return false,
        }
        true
    }

    /// A plain TOML local date such as `2026-08-01`; a time, an offset, or
    /// anything else is a problem.
    pub fn date(&mut self, node: &Node<'_>, place: impl IntoFact) -> Option<Date> {
        let written = node.get_ref().as_datetime();
        let date = match written {
            Some(Datetime {
                date: Some(date),
                time: None,
                offset: None,
            }) => Month::try_from(date.month)
                .ok()
                .and_then(|month| Date::from_calendar_date(date.year.into(), month, date.day).ok()),
            _ => None,
        };
        if date.is_none() {
            let found = match written {
                Some(Datetime { date: None, .. }) => crate::msg!("load.time_without_date"),
                Some(_) => crate::msg!("load.date_with_time"),
                None => describe(node.get_ref()),
            };
            // A date in quotes is a string: say to drop them.
            let unquoted = node
                .get_ref()
                .as_str()
                .and_then(|text| text.trim().parse::<Datetime>().ok())
                .filter(|d| d.date.is_some() && d.time.is_none() && d.offset.is_none())
                .map(|d| crate::msg!("load.date_unquote", date = d));
            self.problem_with_help(
                crate::msg!("load.must_be_date", place = place, found = found),
                node.span(),
                unquoted,
            );
        }
        date
    }

    /// An id as written, with its place.
    pub fn written(&self, id: &str, span: Range<usize>) -> Written {
        Written {
            id: id.to_string(),
            span,
        }
    }

    /// An amount of money (docs/reference/file-format.md, "Amounts"): a TOML integer in any radix, a float or a
    /// string, read exactly, from 0 to `MAX_AMOUNT`; 0 after a problem is noted.
    pub fn amount(&mut self, node: &Node<'_>, place: impl IntoFact) -> Decimal {
        let read = match toml_number(node.get_ref()) {
            Some(number) => number
                .map_err(|e| e.message())
                .and_then(|n| checked_amount(n).map_err(|e| e.message())),
            None => Err(crate::msg!(
                "load.must_be_amount",
                found = describe(node.get_ref())
            )),
        };
        read.unwrap_or_else(|why| {
            self.problem(
                crate::msg!("load.place_why", place = place, why = why),
                node.span(),
            );
            Decimal::ZERO
        })
    }
}
