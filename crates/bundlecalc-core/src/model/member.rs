//! What a member of the household is called, read from the catalogue: apart
//! from `people.rs`, which the catalogue is made of.

use super::Catalog;
use super::people::{ME, Member};

impl Member {
    /// `me`, or the person's id.
    pub fn id(self, catalog: &Catalog) -> &str {
        match self {
            Member::Me => ME,
            Member::Person(p) => &catalog.people[p].id,
        }
    }

    /// The person's name; `None` for `me`, whom each output names its own way.
    pub fn name(self, catalog: &Catalog) -> Option<&str> {
        match self {
            Member::Me => None,
            Member::Person(p) => Some(&catalog.people[p].name),
        }
    }
}
