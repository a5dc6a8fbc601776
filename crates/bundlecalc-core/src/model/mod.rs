//! The validated catalogue: services, bundles, the user's profile, the people who
//! share and who a plan is for (`Member`, `ME`), and the what-if changes.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::condition::Condition;
use crate::period::Period;
use crate::seen::Seen;
use crate::split::Split;

/// Index of a service in `Catalog::services`.
pub type ServiceIx = usize;
/// Index of a bundle in `Catalog::bundles`.
pub type BundleIx = usize;
/// Index of a person in `Catalog::people`.
pub type PersonIx = usize;

/// Whether an offer can be bought now (docs/reference/file-format.md, "Availability").
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// On sale.
    #[default]
    Available,
    /// Announced or leaked, not on sale.
    Rumoured,
    /// Sold once, no longer.
    Ended,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Available, Status::Rumoured, Status::Ended];

    /// The name in files, JSON and CSV.
    pub const fn name(self) -> &'static str {
        match self {
            Status::Available => "available",
            Status::Rumoured => "rumoured",
            Status::Ended => "ended",
        }
    }

    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.name() == name)
    }

    pub fn is_available(self) -> bool {
        self == Status::Available
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One more way to buy a service alone (docs/reference/file-format.md, "Other ways to buy"), such as monthly.
#[derive(Clone, Debug, PartialEq)]
pub struct Way {
    pub price: Decimal,
    pub period: Period,
    pub label: Option<String>,
    /// When and where this price was seen; an entry does not take its service's.
    pub seen: Seen,
    /// What a new member pays for the first purchases of this way (docs/reference/file-format.md, "Time: held, when, first").
    /// (Boxed: most ways have none.)
    pub first: Option<Box<First>>,
}

/// A first-period price for new members (docs/reference/file-format.md, "Time: held, when, first"): the first `periods`
/// purchases of a way to buy cost `price` each, in the way's own period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct First {
    pub price: Decimal,
    /// At least 1.
    pub periods: u32,
}

/// A membership already held (docs/reference/file-format.md, "Time: held, when, first" `held`): an offer, held through a day
/// (inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    pub offer: Offer,
    pub through: time::Date,
}

/// When a service is wanted (docs/reference/file-format.md, "Time: held, when, first" `when`): every calendar month with a
/// day between `from` and `until` (each inclusive, each optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<time::Date>,
    pub until: Option<time::Date>,
}

/// What a person holds and when they want their services (docs/reference/file-format.md, "Time: held, when, first"); only the
/// calendar reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Time {
    /// In the order written.
    pub held: Vec<Held>,
    /// In the order written, each service once.
    pub when: Vec<(ServiceIx, Window)>,
}

impl Time {
    /// The window of `service`, if the person limits it in time.
    pub fn window(&self, service: ServiceIx) -> Option<&Window> {
        self.when
            .iter()
            .find(|(s, _)| *s == service)
            .map(|(_, w)| w)
    }
}

/// A what-if change applied to an offer, as the offer remembers it (docs/reference/file-format.md, "What-if changes").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeMark {
    pub id: String,
    /// The change's name, for people: "QQ Music joins 88VIP".
    pub name: String,
}

/// What a benefit is worth to the user (docs/reference/file-format.md, "Benefits"): `min(fact × rate, max)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Benefit {
    /// The fact that measures the user, such as a yearly spending.
    pub fact: String,
    /// Between 0 and 1.
    pub rate: Decimal,
    pub max: Option<Decimal>,
}

/// A membership that can be counted in bundles and, usually, bought alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// The main price (zero for a benefit, which has `value` instead).
    pub price: Decimal,
    pub period: Period,
    /// Names the main price, as in "annual card". (Boxed, as the other ways and
    /// the benefit: most services have none, and a catalogue can hold millions.)
    pub label: Option<Box<str>>,
    /// Other ways to buy it alone; it is worth the least of them all.
    pub other_prices: Box<[Way]>,
    /// Set for a benefit, whose worth depends on a fact about the user.
    pub value: Option<Box<Benefit>>,
    pub sold_alone: bool,
    /// How many people one purchase of an offer providing this service serves
    /// (docs/reference/file-format.md, "People who share"); at least 1, and 1 unless the file says otherwise.
    pub seats: u32,
    pub status: Status,
    pub note: Option<String>,
    /// When and where the main price was seen.
    pub seen: Seen,
    /// What a new member pays for the first purchases at the main price
    /// (docs/reference/file-format.md, "Time: held, when, first"). (Boxed: most services have none.)
    pub first: Option<Box<First>>,
    /// The what-if changes applied to it, in file order (none as the file writes it).
    pub changes: Box<[ChangeMark]>,
    /// 1-based line of the service's table in the file.
    pub line: usize,
}

impl Service {
    /// When and where the price of the way to buy it at `at` was seen: `None` for
    /// the main price, else the position in `other_prices` (as `calc::prices::cheapest_way`).
    pub fn seen_of(&self, at: Option<usize>) -> &Seen {
        match at {
            Some(at) => &self.other_prices[at].seen,
            None => &self.seen,
        }
    }
}

/// A joint membership: one price, several services.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub id: String,
    pub name: String,
    /// The base price, in `period`, used when no tier applies.
    pub price: Decimal,
    pub period: Period,
    pub status: Status,
    pub tiers: Vec<Tier>,
    pub includes: Vec<Include>,
    pub note: Option<String>,
    /// When and where its price was seen.
    pub seen: Seen,
    /// What a new member pays for the first purchases (docs/reference/file-format.md, "Time: held, when, first").
    pub first: Option<Box<First>>,
    /// The what-if changes applied to it, in file order (none as the file writes it).
    pub changes: Vec<ChangeMark>,
    /// 1-based line of the bundle's table in the file.
    pub line: usize,
}

impl Bundle {
    /// The members of the `one_of` group that holds `service`, if one does.
    pub fn group_of(&self, service: ServiceIx) -> Option<&[ServiceIx]> {
        group_holding(&self.includes, service).map(|at| self.includes[at].members())
    }
}

/// The first of `services` that is a benefit reading the fact `fact` as an amount
/// spent (docs/reference/file-format.md, "Benefits"), if one is.
pub fn benefit_spending<'a>(services: &'a [Service], fact: &str) -> Option<&'a Service> {
    services
        .iter()
        .find(|s| s.value.as_ref().is_some_and(|b| b.fact == fact))
}

/// Where among `includes` the `one_of` group holding `service` is, if one holds it.
pub fn group_holding(includes: &[Include], service: ServiceIx) -> Option<usize> {
    includes.iter().position(
        |include| matches!(include, Include::OneOf { members, .. } if members.contains(&service)),
    )
}

/// Index of a change in `Catalog::changes`.
pub type ChangeIx = usize;

/// The offer a change changes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Offer {
    Bundle(BundleIx),
    Service(ServiceIx),
}

/// A what-if change of an offer (docs/reference/file-format.md, "What-if changes"), off until applied. Only the keys
/// that fit its offer are set: `add`, `remove`, `tiers` for a bundle, `label`
/// and `other_prices` for a service.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: String,
    /// Default the id.
    pub name: String,
    pub offer: Offer,
    /// Includes added at the end.
    pub add: Vec<Include>,
    /// Services taken out of the includes.
    pub remove: Vec<ServiceIx>,
    pub price: Option<Decimal>,
    pub period: Option<Period>,
    /// Replaces the bundle's tiers (`Some(vec![])` removes them).
    pub tiers: Option<Vec<Tier>>,
    pub label: Option<String>,
    /// Replaces the service's other ways to buy it.
    pub other_prices: Option<Vec<Way>>,
    /// Replaces the offer's first price (docs/reference/file-format.md, "Time: held, when, first").
    pub first: Option<First>,
    pub note: Option<String>,
    /// When and where the change was reported.
    pub seen: Seen,
    /// 1-based line of the change's table in the file.
    pub line: usize,
}

/// One entry of a bundle's `includes`.
#[derive(Clone, Debug, PartialEq)]
pub enum Include {
    /// A service always counted.
    Service(ServiceIx),
    /// Exactly one of these services is counted.
    OneOf {
        members: Vec<ServiceIx>,
        label: Option<String>,
    },
}

impl Include {
    /// The services this entry can stand for.
    pub fn members(&self) -> &[ServiceIx] {
        match self {
            Include::Service(service) => std::slice::from_ref(service),
            Include::OneOf { members, .. } => members,
        }
    }
}

/// A price that applies when a fact about the user satisfies a condition.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub when: Condition,
    /// In the bundle's period.
    pub price: Decimal,
}

/// What the file says about its user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Services the user would pay for, in the order written; empty means not set.
    pub wants: Vec<ServiceIx>,
    /// Chosen group members, per bundle.
    pub picks: BTreeMap<BundleIx, Vec<ServiceIx>>,
    /// Facts that price tiers test, e.g. `taoqi`.
    pub facts: BTreeMap<String, Decimal>,
    /// What `me` holds and when `me` wants each service (`[profile.held]`,
    /// `[profile.when]`).
    pub time: Time,
}

/// The id the user has in a household; no person may take it
/// (docs/reference/file-format.md, "People who share").
pub const ME: &str = "me";

/// Someone a plan is for: you, or a person of the file (docs/reference/file-format.md, "People who share"). Ordered as
/// people are everywhere: `me` first, then people in file order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Member {
    Me,
    Person(PersonIx),
}

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

/// Someone besides the user who shares memberships with them (docs/reference/file-format.md, "People who share", 拼车).
/// The user is `me`, whose wants are the profile's: never one of these.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The key of `[people.ID]`; never `me`, unique among people.
    pub id: String,
    /// As written, else the id.
    pub name: String,
    /// The services this person would pay for, each once, in the order written;
    /// never empty.
    pub wants: Vec<ServiceIx>,
    /// What they hold and when they want each service (`[people.ID.held]`, `.when`).
    pub time: Time,
}

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

    /// The services' names, joined with ", ", for messages and reports.
    pub fn service_names(&self, services: &[ServiceIx]) -> String {
        services
            .iter()
            .map(|s| self.services[*s].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
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

    #[test]
    fn periods_cycle_from_year_to_day_and_back() {
        let mut period = Period::Year;
        let mut seen = vec![];
        for _ in 0..6 {
            seen.push(period.name());
            period = period.next();
        }
        assert_eq!(
            seen,
            ["year", "half_year", "quarter", "month", "week", "day"]
        );
        assert_eq!(period, Period::Year);
    }

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

    #[test]
    fn period_names_round_trip() {
        for period in Period::CYCLE {
            assert_eq!(Period::parse(period.name()), Some(period));
        }
        assert_eq!(Period::parse("fortnight"), None);
    }

    #[test]
    fn the_group_holding_a_service_is_found_and_a_plain_include_is_no_group() {
        let includes = vec![
            Include::Service(0),
            Include::OneOf {
                members: vec![1, 2],
                label: None,
            },
        ];
        assert_eq!(group_holding(&includes, 2), Some(1));
        assert_eq!(group_holding(&includes, 0), None);
        assert_eq!(group_holding(&includes, 3), None);
    }
}
