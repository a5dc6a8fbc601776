//! `[profile]` walked: the wants, the picks and the facts (docs/reference/file-format.md, docs/reference/file-format.md, "Price tiers").

use toml::de::DeTable;

use super::place::{describe, field};
use super::raw::{RawFact, RawPicks};
use super::walk::Walker;
use crate::amount::{checked_fact, toml_number};

const PROFILE_KEYS: &[&str] = &["wants", "picks", "facts", "held", "when"];

impl Walker<'_> {
    pub fn profile(&mut self, table: &DeTable<'_>) {
        self.check_keys(table, PROFILE_KEYS, crate::msg!("load.place.profile"));
        if let Some((_, node)) = field(table, "wants") {
            match node.get_ref().as_array() {
                Some(entries) => {
                    for entry in entries.iter() {
                        if let Some(id) = self.string(entry, crate::msg!("load.place.wants_entry"))
                        {
                            let written = self.written(&id, entry.span());
                            self.walked.wants.push(written);
                        }
                    }
                }
                None => self.problem(crate::msg!("load.wants_list"), node.span()),
            }
        }
        if let Some((_, node)) = field(table, "picks") {
            match node.get_ref().as_table() {
                Some(picks) => self.picks(picks),
                None => self.problem(crate::msg!("load.picks_table"), node.span()),
            }
        }
        if let Some((_, node)) = field(table, "facts") {
            match node.get_ref().as_table() {
                Some(facts) => self.facts(facts),
                None => self.problem(crate::msg!("load.facts_table"), node.span()),
            }
        }
        self.walked.time = super::time::time_of(self, table, "profile");
    }

    fn picks(&mut self, picks: &DeTable<'_>) {
        for (bundle_key, node) in picks.iter() {
            let bundle = self.written(bundle_key.get_ref(), bundle_key.span());
            let Some(entries) = node.get_ref().as_array() else {
                self.problem(
                    crate::msg!("load.picks_list", bundle = bundle.id),
                    node.span(),
                );
                continue;
            };
            let mut picked = Vec::with_capacity(entries.len());
            for entry in entries.iter() {
                if let Some(id) = self.string(entry, crate::msg!("load.place.pick")) {
                    picked.push(self.written(&id, entry.span()));
                }
            }
            self.walked.picks.push(RawPicks {
                bundle,
                picks: picked,
            });
        }
    }

    /// Each fact: a number as TOML means it, within `±MAX_FACT`.
    fn facts(&mut self, facts: &DeTable<'_>) {
        for (name, node) in facts.iter() {
            if !is_fact_name(name.get_ref()) {
                self.problem(
                    crate::msg!("load.fact_name", name = name.get_ref()),
                    name.span(),
                );
                continue;
            }
            let value = match toml_number(node.get_ref()) {
                Some(number) => number.and_then(checked_fact).map_err(|e| e.message()),
                None => Err(crate::msg!(
                    "load.must_be_number",
                    found = describe(node.get_ref())
                )),
            };
            match value {
                Ok(value) => {
                    let fact = RawFact {
                        value,
                        span: node.span(),
                    };
                    self.walked.facts.insert(name.get_ref().to_string(), fact);
                }
                Err(why) => self.problem(
                    crate::msg!("load.fact_why", name = name.get_ref(), why = why),
                    node.span(),
                ),
            }
        }
    }
}

/// Letters, digits and `_`: the names a tier's condition can test.
pub fn is_fact_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
