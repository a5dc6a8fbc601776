//! `[people.ID]` walked (docs/reference/file-format.md, "People who share"): the people who share memberships with the
//! user, each with a name and the services they want.

use toml::de::DeTable;

use super::place::{InItem, Key, field};
use super::raw::RawPerson;
use super::walk::Walker;
use crate::model::people::ME;

const PERSON_KEYS: &[&str] = &["name", "wants", "held", "when"];

impl Walker<'_> {
    pub fn person(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> RawPerson {
        let id = key.get_ref().to_string();
        if id == ME {
            self.problem(crate::msg!("load.person_me"), key.span());
        }
        self.check_keys(table, PERSON_KEYS, InItem("person", &id));
        let name = field(table, "name").and_then(|(name, node)| {
            let place = format!("`people.{id}.{}`", name.get_ref());
            self.string(node, place)
        });
        let mut wants = Vec::new();
        match field(table, "wants") {
            None => self.problem(crate::msg!("load.person_no_wants", id = id), key.span()),
            Some((_, node)) => match node.get_ref().as_array() {
                Some(entries) if entries.is_empty() => self.problem(
                    crate::msg!("load.person_wants_nothing", id = id),
                    node.span(),
                ),
                Some(entries) => {
                    let place = format!("`people.{id}.wants`");
                    for entry in entries.iter() {
                        if let Some(service) = self.string(entry, &place) {
                            wants.push(self.written(&service, entry.span()));
                        }
                    }
                }
                None => self.problem(crate::msg!("load.person_wants_list", id = id), node.span()),
            },
        }
        let time = super::time::time_of(self, table, &format!("people.{id}"));
        RawPerson {
            id,
            name,
            wants,
            time,
        }
    }
}
