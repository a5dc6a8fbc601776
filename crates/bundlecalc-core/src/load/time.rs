//! The keys of time (docs/reference/file-format.md, "Time: held, when, first") walked: `first` on a way to buy, and the
//! `held` and `when` tables of the profile and of each person. Their ids are
//! looked up in `resolve`.

use toml::de::{DeTable, DeValue};

use super::place::{Node, field};
use super::raw::RawTime;
use super::walk::Walker;
use crate::amount::toml_number;
use crate::model::offer::First;
use crate::model::people::Window;

const FIRST_KEYS: &[&str] = &["price", "periods"];
const WINDOW_KEYS: &[&str] = &["from", "until"];
/// The most first-price purchases one way can offer a new member.
pub const MAX_FIRST_PERIODS: u32 = 1000;

impl Walker<'_> {
    /// `first = { price, periods }` at `place` (a key path in backticks).
    pub fn first(&mut self, node: &Node<'_>, place: &str) -> Option<First> {
        let Some(table) = node.get_ref().as_table() else {
            self.problem(crate::msg!("load.first_table", place = place), node.span());
            return None;
        };
        self.check_keys(
            table,
            FIRST_KEYS,
            crate::msg!("load.in_place", place = place),
        );
        let mut first = First {
            price: rust_decimal::Decimal::ZERO,
            periods: 1,
        };
        for (name, value) in table.iter() {
            let key = format!("`{}.{}`", place.trim_matches('`'), name.get_ref());
            match name.get_ref().as_ref() {
                "price" => first.price = self.amount(value, &key),
                "periods" => first.periods = self.periods(value, &key).unwrap_or(1),
                _ => {}
            }
        }
        if field(table, "price").is_none() {
            self.problem(
                crate::msg!("load.no_key", place = place, key = "price"),
                node.span(),
            );
            return None;
        }
        Some(first)
    }

    /// `periods`: a TOML integer from 1 to `MAX_FIRST_PERIODS`.
    fn periods(&mut self, node: &Node<'_>, place: &str) -> Option<u32> {
        let periods = match node.get_ref() {
            DeValue::Integer(_) => toml_number(node.get_ref())
                .and_then(Result::ok)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (1..=MAX_FIRST_PERIODS).contains(n)),
            _ => None,
        };
        if periods.is_none() {
            self.problem(
                crate::msg!("load.first_periods", place = place, most = "1,000"),
                node.span(),
            );
        }
        periods
    }

    /// `[….held]`: an offer id and the day it is held through, for each entry.
    pub fn held(&mut self, node: &Node<'_>, place: &str, time: &mut RawTime) {
        let Some(table) = node.get_ref().as_table() else {
            self.problem(crate::msg!("load.held_table", place = place), node.span());
            return;
        };
        for (id, value) in table.iter() {
            let key = format!("`{}.{}`", place.trim_matches('`'), id.get_ref());
            if let Some(date) = self.date(value, &key) {
                let written = self.written(id.get_ref(), id.span());
                time.held.push((written, date));
            }
        }
    }

    /// `[….when]`: a service id and `{ from, until }`, for each entry.
    pub fn when(&mut self, node: &Node<'_>, place: &str, time: &mut RawTime) {
        let Some(table) = node.get_ref().as_table() else {
            self.problem(crate::msg!("load.when_table", place = place), node.span());
            return;
        };
        for (id, value) in table.iter() {
            let key = format!("`{}.{}`", place.trim_matches('`'), id.get_ref());
            if let Some(window) = self.window(value, &key) {
                let written = self.written(id.get_ref(), id.span());
                time.when.push((written, window));
            }
        }
    }

    /// `{ from, until }`, each a plain date, `from` not after `until`.
    fn window(&mut self, node: &Node<'_>, place: &str) -> Option<Window> {
        let Some(table) = node.get_ref().as_table() else {
            self.problem(crate::msg!("load.window_table", place = place), node.span());
            return None;
        };
        self.check_keys(
            table,
            WINDOW_KEYS,
            crate::msg!("load.in_place", place = place),
        );
        let mut window = Window::default();
        let mut fine = true;
        for (name, value) in table.iter() {
            let key = format!("`{}.{}`", place.trim_matches('`'), name.get_ref());
            let date = match name.get_ref().as_ref() {
                "from" | "until" => self.date(value, &key),
                _ => continue,
            };
            fine &= date.is_some();
            match name.get_ref().as_ref() {
                "from" => window.from = date,
                _ => window.until = date,
            }
        }
        if let (Some(from), Some(until)) = (window.from, window.until)
            && from > until
        {
            self.problem(
                crate::msg!(
                    "load.from_after_until",
                    place = place,
                    from = crate::seen::date_text(from),
                    until = crate::seen::date_text(until)
                ),
                node.span(),
            );
            return None;
        }
        fine.then_some(window)
    }
}

/// Whether `table` has a `first` key: its place, for "not on a benefit".
pub fn first_key<'a, 'i>(table: &'a DeTable<'i>) -> Option<std::ops::Range<usize>> {
    field(table, "first").map(|(key, _)| key.span())
}

/// Reads `held` and `when` from a profile's or person's table, at `prefix`
/// (`profile` or `people.ID`).
pub fn time_of(walker: &mut Walker<'_>, table: &DeTable<'_>, prefix: &str) -> RawTime {
    let mut time = RawTime::default();
    if let Some((_, node)) = field(table, "held") {
        walker.held(node, &format!("`{prefix}.held`"), &mut time);
    }
    if let Some((_, node)) = field(table, "when") {
        walker.when(node, &format!("`{prefix}.when`"), &mut time);
    }
    time
}
