//! `[household]` walked (docs/reference/file-format.md, "People who share"): how the household shares its total, a
//! rule's name or agreed weights (`split = { me = 60, mum = 40 }`). The weights'
//! ids are looked up by `resolve`, once the people are known.

use toml::de::DeTable;

use super::place::{describe, field};
use super::raw::RawSplit;
use super::walk::Walker;
use crate::diagnostic::did_you_mean;
use crate::split::Split;

const HOUSEHOLD_KEYS: &[&str] = &["split"];

impl Walker<'_> {
    pub fn household(&mut self, table: &DeTable<'_>) {
        self.check_keys(table, HOUSEHOLD_KEYS, crate::msg!("load.place.household"));
        let Some((_, node)) = field(table, "split") else {
            return;
        };
        let value = node.get_ref();
        if let Some(name) = value.as_str() {
            match Split::parse(name) {
                Some(rule) => self.walked.split = Some(RawSplit::Named(rule)),
                None => {
                    let names = Split::NAMED.map(|rule| rule.name());
                    let help = did_you_mean(name, names)
                        .or_else(|| Some(crate::msg!("load.splits_are", names = names.join(", "))));
                    self.problem_with_help(
                        crate::msg!("load.unknown_split", name = name),
                        node.span(),
                        help,
                    );
                }
            }
        } else if let Some(weights) = value.as_table() {
            let mut read = Vec::with_capacity(weights.len());
            for (id, weight) in weights.iter() {
                let place = format!("`household.split.{}`", id.get_ref());
                let amount = self.amount(weight, place);
                read.push((self.written(id.get_ref(), id.span()), amount));
            }
            self.walked.split = Some(RawSplit::Weights(read));
        } else {
            self.problem(
                crate::msg!("load.split_kind", found = describe(value)),
                node.span(),
            );
        }
    }
}
