//! The validated catalogue (docs/reference/file-format.md, "The bundles file"):
//! the whole file as the program computes on it (`Catalog`), and the positions
//! in its lists. What it holds is grouped by job: the offers and their prices
//! (`offer`), the user and the people who share, with what they hold and when
//! (`people`), and the what-if changes (`change`); the positions in its lists
//! (`index`), a leaf the others share.

pub mod change;
pub mod index;
mod member;
pub mod offer;
pub mod people;

use crate::period::Period;
use crate::split::Split;
use change::Change;
use index::{BundleIx, ChangeIx, PersonIx, ServiceIx};
use offer::{Bundle, Service, Status, benefit_spending};
use people::{Person, Profile};

/// A whole, validated bundles file.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// ISO 4217 code; every amount is in it.
    pub currency: String,
    /// The period results are shown per, unless overridden.
    pub basis: Period,
    pub profile: Profile,
    /// In file order.
    pub services: Vec<Service>,
    /// In file order.
    pub bundles: Vec<Bundle>,
    /// The people who share with the user, in file order; empty for one person.
    pub people: Vec<Person>,
    /// Every what-if change the file holds, in file order, applied or not.
    pub changes: Vec<Change>,
    /// The changes applied to this catalogue (`--what-if`, `a`), in file order.
    pub applied: Vec<ChangeIx>,
    /// How the household shares its total (`[household] split`, docs/reference/file-format.md, "People who share").
    pub split: Split,
}

impl Catalog {
    /// No offers at all: what the screen shows before a broken file is fixed.
    pub fn empty() -> Catalog {
        Catalog {
            currency: "CNY".into(),
            basis: Period::Year,
            profile: Profile::default(),
            services: Vec::new(),
            bundles: Vec::new(),
            people: Vec::new(),
            changes: Vec::new(),
            applied: Vec::new(),
            split: Split::Fair,
        }
    }

    pub fn service_ix(&self, id: &str) -> Option<ServiceIx> {
        self.services.iter().position(|s| s.id == id)
    }

    /// The services named by `ids` (trimmed, blanks skipped, each once, in order),
    /// and the ids that name no service.
    pub fn services_named<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> (Vec<ServiceIx>, Vec<&'a str>) {
        let mut found = Vec::new();
        let mut unknown = Vec::new();
        for id in ids.into_iter().map(str::trim).filter(|id| !id.is_empty()) {
            match self.service_ix(id) {
                Some(service) if !found.contains(&service) => found.push(service),
                Some(_) => {}
                None => unknown.push(id),
            }
        }
        (found, unknown)
    }

    pub fn person_ix(&self, id: &str) -> Option<PersonIx> {
        self.people.iter().position(|p| p.id == id)
    }

    pub fn bundle_ix(&self, id: &str) -> Option<BundleIx> {
        self.bundles.iter().position(|b| b.id == id)
    }

    /// The benefit that reads the fact `fact` as an amount spent, if one does.
    pub fn benefit_spending(&self, fact: &str) -> Option<&Service> {
        benefit_spending(&self.services, fact)
    }

    /// Whether the file marks some offer rumoured (`status = "rumoured"`): only
    /// then is there anything to say about rumoured offers.
    pub fn has_rumoured(&self) -> bool {
        let rumoured = |status: Status| status == Status::Rumoured;
        self.bundles.iter().any(|b| rumoured(b.status))
            || self.services.iter().any(|s| rumoured(s.status))
    }

    /// The facts some price tier (a change's too, applied or not) or benefit
    /// tests, sorted: the facts `--set` can change.
    pub fn tested_facts(&self) -> std::collections::BTreeSet<String> {
        let change_tiers = self
            .changes
            .iter()
            .filter_map(|change| change.tiers.as_ref())
            .flatten();
        let tiers = self
            .bundles
            .iter()
            .flat_map(|bundle| &bundle.tiers)
            .chain(change_tiers)
            .map(|tier| tier.when.fact.clone());
        let benefits = self
            .services
            .iter()
            .filter_map(|service| service.value.as_ref())
            .map(|benefit| benefit.fact.clone());
        tiers.chain(benefits).collect()
    }

    /// The currency's symbol for tables, or its code when it has none we know.
    pub fn currency_symbol(&self) -> &str {
        match self.currency.as_str() {
            "CNY" | "JPY" => "¥",
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seen::Seen;
    use rust_decimal::Decimal;

    #[test]
    fn services_are_named_once_each_and_unknown_ids_reported() {
        let service = |id: &str| Service {
            id: id.into(),
            name: id.into(),
            price: Decimal::ONE,
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
            line: 1,
        };
        let catalog = Catalog {
            currency: "CNY".into(),
            basis: Period::Year,
            profile: Profile::default(),
            services: vec![service("a"), service("b")],
            bundles: vec![],
            people: vec![],
            changes: vec![],
            applied: vec![],
            split: Split::Fair,
        };
        assert_eq!(
            catalog.services_named([" b", "a", "b ", "", "zz"]),
            (vec![1, 0], vec!["zz"])
        );
    }
}
