//! TOML text -> validated `Catalog`. Every problem is collected with its place in the
//! file; amounts are read from their source text, never through `f64`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Display};
use std::ops::Range;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::amount::{parse_amount, parse_decimal};
use crate::diagnostic::{Diagnostic, LineIndex, Problems, did_you_mean};
use crate::model::{
    Benefit, Bundle, BundleIx, Catalog, Condition, Include, Operator, Period, Profile, Service,
    ServiceIx, Status, Tier, Way,
};
pub use pieces::{Piece, Unsplittable, parse_in_pieces, pieces};

mod claims;
mod pieces;
mod sections;

type Key<'i> = Spanned<Cow<'i, str>>;
type Node<'i> = Spanned<DeValue<'i>>;

const TOP_KEYS: &[&str] = &["currency", "basis", "profile", "services", "bundles"];
const PROFILE_KEYS: &[&str] = &["wants", "picks", "facts"];
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
];
const WAY_KEYS: &[&str] = &["price", "period", "label"];
const VALUE_KEYS: &[&str] = &["fact", "rate", "max"];
const BUNDLE_KEYS: &[&str] = &[
    "name", "price", "period", "status", "tiers", "includes", "note",
];
const TIER_KEYS: &[&str] = &["when", "price"];
const GROUP_KEYS: &[&str] = &["one_of", "label"];

/// Files up to this size are parsed whole. The parser's tree of a text is about 35
/// times its size, so larger files are read a piece at a time (about 64 KiB of whole
/// tables each), and no single piece may be larger than this either: whatever the
/// input, the parser never holds more than about 35 MiB.
pub const WHOLE_FILE_LIMIT: usize = 1024 * 1024;

/// The size the pieces of a large file are gathered up to.
const PIECE_BYTES: usize = 64 * 1024;

/// Parses and validates a bundles file, reporting every problem found, in file order.
pub fn parse_catalog(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    if text.len() <= WHOLE_FILE_LIMIT {
        return parse_whole(text);
    }
    parse_in_pieces(text, PIECE_BYTES)
        .unwrap_or_else(|unsplittable| Err(vec![unsplittable.diagnostic(text.len())]))
}

/// Parses the file as one TOML document.
pub fn parse_whole(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let root = DeTable::parse(text).map_err(|error| vec![toml_error(&error, 0)])?;
    let mut loader = Loader::new(text);
    loader.visit(root.get_ref(), 0);
    loader.finish()
}

/// A TOML syntax error of the text starting at `offset`, as a problem of the file.
fn toml_error(error: &toml::de::Error, offset: usize) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    Diagnostic::new(
        crate::tr!("load.not_toml", why = error.message().trim_end()),
        span.start + offset..span.end + offset,
    )
}

/// An id as written in the file, with its place (a byte range of the whole file).
struct Written {
    id: String,
    span: Range<usize>,
}

/// An entry of a bundle's `includes`, before its ids are looked up.
enum RawInclude {
    Service(Written),
    OneOf {
        members: Vec<Written>,
        label: Option<String>,
    },
}

/// A bundle whose references are not looked up yet.
struct RawBundle {
    bundle: Bundle,
    key_span: Range<usize>,
    includes: Vec<RawInclude>,
}

/// One bundle's entry of `profile.picks`, not looked up yet.
struct RawPicks {
    bundle: Written,
    picks: Vec<Written>,
}

/// Walks parsed TOML, one tree or one section at a time, collecting catalogue items
/// and noting each problem; `finish` then looks the references up.
struct Loader<'t> {
    lines: LineIndex<'t>,
    problems: Problems,
    /// Where the tree being walked starts in the file: its spans are relative to it.
    offset: usize,
    currency: Option<String>,
    basis: Option<Period>,
    services: Vec<Service>,
    bundles: Vec<RawBundle>,
    wants: Vec<Written>,
    picks: Vec<RawPicks>,
    facts: BTreeMap<String, Decimal>,
}

impl<'t> Loader<'t> {
    fn new(text: &'t str) -> Self {
        Loader {
            lines: LineIndex::new(text),
            problems: Problems::default(),
            offset: 0,
            currency: None,
            basis: None,
            services: Vec::new(),
            bundles: Vec::new(),
            wants: Vec::new(),
            picks: Vec::new(),
            facts: BTreeMap::new(),
        }
    }

    /// A span of the tree being walked, as a range of the whole file.
    fn absolute(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    /// A problem at a span of the tree being walked.
    fn problem(&mut self, message: impl Into<String>, span: Range<usize>) {
        let span = self.absolute(span);
        self.problems.push(Diagnostic::new(message, span));
    }

    fn problem_with_help(
        &mut self,
        message: impl Into<String>,
        span: Range<usize>,
        help: Option<String>,
    ) {
        let span = self.absolute(span);
        self.problems
            .push(Diagnostic::new(message, span).with_help(help));
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start + self.offset)
    }

    fn written(&self, id: &str, span: Range<usize>) -> Written {
        Written {
            id: id.to_string(),
            span: self.absolute(span),
        }
    }

    /// Collects what a parsed tree (the whole file, or the section at `offset`) holds.
    fn visit(&mut self, root: &DeTable<'_>, offset: usize) {
        self.offset = offset;
        self.check_keys(root, TOP_KEYS, crate::tr!("load.place.top"));
        for (key, node) in root.iter() {
            match key.get_ref().as_ref() {
                "currency" => self.currency = Some(self.currency(node)),
                "basis" => self.basis = Some(self.period(node, "basis")),
                "services" | "bundles" => match node.get_ref().as_table() {
                    Some(items) => self.items(key.get_ref(), items),
                    None => {
                        let name = key.get_ref();
                        self.problem(crate::tr!("load.table_of_tables", name = name), key.span());
                    }
                },
                "profile" => match node.get_ref().as_table() {
                    Some(table) => self.profile(table),
                    None => self.problem(crate::tr!("load.profile_table"), key.span()),
                },
                _ => {}
            }
        }
    }

    /// Looks every reference up and builds the catalogue, or returns every problem.
    fn finish(mut self) -> Result<Catalog, Vec<Diagnostic>> {
        let services = std::mem::take(&mut self.services);
        let raw_bundles = std::mem::take(&mut self.bundles);
        let service_index: HashMap<&str, ServiceIx> = services
            .iter()
            .enumerate()
            .map(|(ix, s)| (s.id.as_str(), ix))
            .collect();
        let bundle_index: HashMap<&str, BundleIx> = raw_bundles
            .iter()
            .enumerate()
            .map(|(ix, raw)| (raw.bundle.id.as_str(), ix))
            .collect();
        let references = References {
            services: &service_index,
            bundles: &bundle_index,
        };
        let mut resolved = Vec::with_capacity(raw_bundles.len());
        for raw in &raw_bundles {
            if service_index.contains_key(raw.bundle.id.as_str()) {
                self.problems.push(Diagnostic::new(
                    crate::tr!("load.both", id = raw.bundle.id),
                    raw.key_span.clone(),
                ));
            }
            resolved.push(self.resolve_includes(raw, &references));
        }
        let wants = std::mem::take(&mut self.wants);
        let picks = std::mem::take(&mut self.picks);
        let profile = Profile {
            wants: self.resolve_wants(&wants, &references),
            picks: self.resolve_picks(&picks, &references, &resolved),
            facts: std::mem::take(&mut self.facts),
        };
        drop(service_index);
        drop(bundle_index);
        let bundles = raw_bundles
            .into_iter()
            .zip(resolved)
            .map(|(raw, includes)| Bundle {
                includes,
                ..raw.bundle
            })
            .collect();

        if !self.problems.is_empty() {
            // In file order, whatever order the checks ran in.
            return Err(self.problems.into_list());
        }
        Ok(Catalog {
            currency: self.currency.unwrap_or_else(|| "CNY".to_string()),
            basis: self.basis.unwrap_or(Period::Year),
            profile,
            services,
            bundles,
            people: Vec::new(),
        })
    }

    /// Reports each key of `table` that is not in `allowed`.
    fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], place: impl Display) {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let help = did_you_mean(key.get_ref(), allowed.iter().copied())
                    .or_else(|| Some(crate::tr!("load.keys_allowed", keys = allowed.join(", "))));
                self.problem_with_help(
                    crate::tr!("load.unknown_key", key = key.get_ref(), place = place),
                    key.span(),
                    help,
                );
            }
        }
    }

    /// Collects the items of one piece of a `[services]` or `[bundles]` table's body,
    /// parsed on its own at `offset`.
    fn visit_items(&mut self, parent: &str, items: &DeTable<'_>, offset: usize) {
        self.offset = offset;
        self.items(parent, items);
    }

    /// Collects the services or bundles (as `parent` says) of `items`, each of which
    /// must be a table such as `[services.ID]`.
    fn items(&mut self, parent: &str, items: &DeTable<'_>) {
        for (id, value) in items.iter() {
            let Some(table) = value.get_ref().as_table() else {
                let name = id.get_ref();
                self.problem(
                    crate::tr!("load.item_table", parent = parent, name = name),
                    id.span(),
                );
                continue;
            };
            if parent == "services" {
                let service = self.service(id, table);
                self.services.push(service);
            } else {
                let bundle = self.bundle(id, table);
                self.bundles.push(bundle);
            }
        }
    }

    fn currency(&mut self, node: &Node<'_>) -> String {
        match node.get_ref().as_str() {
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                code.to_string()
            }
            _ => {
                self.problem(crate::tr!("load.currency"), node.span());
                "CNY".to_string()
            }
        }
    }

    fn status(&mut self, node: &Node<'_>, place: impl Display) -> Status {
        let names = Status::ALL.map(Status::name);
        let name = node.get_ref().as_str();
        if let Some(status) = name.and_then(Status::parse) {
            return status;
        }
        let help = name
            .and_then(|name| did_you_mean(name, names))
            .or_else(|| Some(crate::tr!("load.statuses_are", names = names.join(", "))));
        let what = match name {
            Some(name) => crate::tr!("load.unknown_status", name = name, place = place),
            None => crate::tr!("load.status_name", place = place),
        };
        self.problem_with_help(what, node.span(), help);
        Status::Available
    }

    fn period(&mut self, node: &Node<'_>, place: impl Display) -> Period {
        let names = Period::CYCLE.map(Period::name);
        match node.get_ref().as_str() {
            Some(name) => match Period::parse(name) {
                Some(period) => period,
                None => {
                    let help = did_you_mean(name, names)
                        .or_else(|| Some(crate::tr!("load.periods_are", names = names.join(", "))));
                    self.problem_with_help(
                        crate::tr!("load.unknown_period", name = name, place = place),
                        node.span(),
                        help,
                    );
                    Period::Year
                }
            },
            None => {
                self.problem(crate::tr!("load.period_name", place = place), node.span());
                Period::Year
            }
        }
    }

    fn string(&mut self, node: &Node<'_>, place: impl Display) -> Option<String> {
        match node.get_ref().as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.problem(
                    crate::tr!(
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

    /// An amount of money: a TOML integer, float or string, read exactly.
    fn amount(&mut self, node: &Node<'_>, place: impl Display) -> Decimal {
        let parsed = match written_number(node.get_ref()) {
            Some(written) => parse_amount(&written).map_err(|e| e.describe()),
            None => Err(crate::tr!(
                "load.must_be_amount",
                found = describe(node.get_ref())
            )),
        };
        parsed.unwrap_or_else(|why| {
            self.problem(format!("{place} {why}"), node.span());
            Decimal::ZERO
        })
    }

    fn service(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> Service {
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
            line: self.line_of(&key.span()),
        };
        for (name, node) in table.iter() {
            let path = KeyPath("services", &id, name.get_ref());
            match name.get_ref().as_ref() {
                "name" => service.name = self.string(node, path).unwrap_or(service.name),
                "price" => service.price = self.amount(node, path),
                "period" => service.period = self.period(node, path),
                "status" => service.status = self.status(node, path),
                "label" => service.label = self.string(node, path).map(String::into_boxed_str),
                "other_prices" => service.other_prices = self.other_prices(node, &id).into(),
                "value" => service.value = self.benefit(node, &id).map(Box::new),
                "note" => service.note = self.string(node, path),
                "sold_alone" => match node.get_ref().as_bool() {
                    Some(flag) => service.sold_alone = flag,
                    None => {
                        self.problem(crate::tr!("load.true_or_false", path = path), node.span())
                    }
                },
                _ => {}
            }
        }
        self.check_service_shape(key, table, &service);
        service
    }

    /// The rules between a service's keys: a price or a value, not both; a benefit
    /// is not sold alone and has one way to be had; labels are unique.
    fn check_service_shape(&mut self, key: &Key<'_>, table: &DeTable<'_>, service: &Service) {
        let id = &service.id;
        match (field(table, "price"), field(table, "value")) {
            (None, None) => self.problem(crate::tr!("load.service_no_price", id = id), key.span()),
            (Some(_), Some((value, _))) => self.problem_with_help(
                crate::tr!("load.both_price_value", id = id),
                value.span(),
                Some(crate::tr!("load.both_help")),
            ),
            _ => {}
        }
        if let Some((value, _)) = field(table, "value") {
            let sold_alone = field(table, "sold_alone").and_then(|(_, n)| n.get_ref().as_bool());
            if sold_alone != Some(false) {
                self.problem_with_help(
                    crate::tr!("load.benefit_sold_alone", id = id),
                    value.span(),
                    Some(crate::tr!("load.benefit_sold_alone_help")),
                );
            }
            if let Some((other, _)) = field(table, "other_prices") {
                self.problem(crate::tr!("load.benefit_ways", id = id), other.span());
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
                    crate::tr!("load.label_twice", id = id, label = label.0),
                    label.1,
                );
            } else {
                seen.push(label.0);
            }
        }
    }

    /// `other_prices`: a list of `{ price, period, label }`.
    fn other_prices(&mut self, node: &Node<'_>, id: &str) -> Vec<Way> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(crate::tr!("load.ways_list", id = id), node.span());
            return Vec::new();
        };
        let mut ways = Vec::with_capacity(entries.len());
        for (at, entry) in entries.iter().enumerate() {
            let place = format!("`services.{id}.other_prices[{at}]`");
            let Some(table) = entry.get_ref().as_table() else {
                self.problem(crate::tr!("load.way_table", place = place), entry.span());
                continue;
            };
            self.check_keys(table, WAY_KEYS, crate::tr!("load.in_place", place = place));
            let mut way = Way {
                price: Decimal::ZERO,
                period: Period::Year,
                label: None,
            };
            for (name, node) in table.iter() {
                let key = format!("`services.{id}.other_prices[{at}].{}`", name.get_ref());
                match name.get_ref().as_ref() {
                    "price" => way.price = self.amount(node, key),
                    "period" => way.period = self.period(node, key),
                    "label" => way.label = self.string(node, key),
                    _ => {}
                }
            }
            if field(table, "price").is_none() {
                self.problem(
                    crate::tr!("load.no_key", place = place, key = "price"),
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
            self.problem(crate::tr!("load.value_table", place = place), node.span());
            return None;
        };
        self.check_keys(
            table,
            VALUE_KEYS,
            crate::tr!("load.in_place", place = place),
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
                        self.problem(crate::tr!("load.rate_range", key = key), node.span());
                    }
                }
                "max" => benefit.max = Some(self.amount(node, key)),
                _ => {}
            }
        }
        for required in ["fact", "rate"] {
            if field(table, required).is_none() {
                self.problem(
                    crate::tr!("load.no_key", place = place, key = required),
                    node.span(),
                );
            }
        }
        Some(benefit)
    }

    fn bundle(&mut self, key: &Key<'_>, table: &DeTable<'_>) -> RawBundle {
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
            line: self.line_of(&key.span()),
        };
        let mut includes = Vec::new();
        for (name, node) in table.iter() {
            let path = KeyPath("bundles", &id, name.get_ref());
            match name.get_ref().as_ref() {
                "name" => bundle.name = self.string(node, path).unwrap_or(bundle.name),
                "price" => bundle.price = self.amount(node, path),
                "period" => bundle.period = self.period(node, path),
                "status" => bundle.status = self.status(node, path),
                "note" => bundle.note = self.string(node, path),
                "tiers" => bundle.tiers = self.tiers(node, &id),
                "includes" => includes = self.includes(node, &id),
                _ => {}
            }
        }
        if field(table, "price").is_none() {
            self.problem(crate::tr!("load.bundle_no_price", id = id), key.span());
        }
        if field(table, "includes").is_none() {
            self.problem(crate::tr!("load.no_includes", id = id), key.span());
        }
        RawBundle {
            bundle,
            key_span: self.absolute(key.span()),
            includes,
        }
    }

    fn tiers(&mut self, node: &Node<'_>, bundle: &str) -> Vec<Tier> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(crate::tr!("load.tiers_list", bundle = bundle), node.span());
            return Vec::new();
        };
        let mut tiers = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            let Some(table) = entry.get_ref().as_table() else {
                self.problem(crate::tr!("load.tier_table", bundle = bundle), entry.span());
                continue;
            };
            self.check_keys(table, TIER_KEYS, InItem("a tier of bundle", bundle));
            let when = match field(table, "when") {
                Some((_, when)) => self.condition(when, bundle),
                None => {
                    self.problem(
                        crate::tr!("load.tier_no", bundle = bundle, key = "when"),
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
                        crate::tr!("load.tier_no", bundle = bundle, key = "price"),
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
                    crate::tr!(
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
                crate::tr!("load.includes_list", bundle = bundle),
                node.span(),
            );
            return Vec::new();
        };
        if entries.is_empty() {
            self.problem(
                crate::tr!("load.includes_nothing", bundle = bundle),
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
                    self.check_keys(group, GROUP_KEYS, InItem("a group of bundle", bundle));
                    let label = field(group, "label").and_then(|(_, label)| {
                        self.string(label, crate::tr!("load.place.group_label"))
                    });
                    let Some((one_of_key, one_of)) = field(group, "one_of") else {
                        self.problem(
                            crate::tr!("load.group_no_one_of", bundle = bundle),
                            entry.span(),
                        );
                        continue;
                    };
                    let Some(member_nodes) = one_of.get_ref().as_array() else {
                        self.problem(crate::tr!("load.one_of_list"), one_of.span());
                        continue;
                    };
                    if member_nodes.len() < 2 {
                        self.problem(
                            crate::tr!("load.small_group", bundle = bundle),
                            one_of_key.span().start..one_of.span().end,
                        );
                    }
                    let mut members = Vec::with_capacity(member_nodes.len());
                    for member in member_nodes.iter() {
                        if let Some(id) =
                            self.string(member, crate::tr!("load.place.one_of_member"))
                        {
                            members.push(self.written(&id, member.span()));
                        }
                    }
                    includes.push(RawInclude::OneOf { members, label });
                }
                other => self.problem(
                    crate::tr!("load.bad_include", found = describe(other)),
                    entry.span(),
                ),
            }
        }
        includes
    }

    /// A bundle's includes with their ids looked up; each service at most once.
    fn resolve_includes(&mut self, raw: &RawBundle, references: &References<'_>) -> Vec<Include> {
        let bundle = raw.bundle.id.as_str();
        let place = InItem("bundle", bundle).bare();
        let mut seen: Vec<ServiceIx> = Vec::new();
        let mut includes = Vec::with_capacity(raw.includes.len());
        let mut resolve = |loader: &mut Self, written: &Written| {
            let service =
                loader.service_ref(&written.id, written.span.clone(), references, place)?;
            if seen.contains(&service) {
                loader.problems.push(Diagnostic::new(
                    crate::tr!("load.service_twice", id = written.id, bundle = bundle),
                    written.span.clone(),
                ));
            }
            seen.push(service);
            Some(service)
        };
        for include in &raw.includes {
            match include {
                RawInclude::Service(written) => {
                    if let Some(service) = resolve(self, written) {
                        includes.push(Include::Service(service));
                    }
                }
                RawInclude::OneOf { members, label } => {
                    let members = members.iter().filter_map(|m| resolve(self, m)).collect();
                    includes.push(Include::OneOf {
                        members,
                        label: label.clone(),
                    });
                }
            }
        }
        includes
    }

    /// Resolves a service id, reporting it (with a suggestion) when unknown.
    fn service_ref(
        &mut self,
        id: &str,
        span: Range<usize>,
        references: &References<'_>,
        place: impl Display,
    ) -> Option<ServiceIx> {
        if let Some(service) = references.services.get(id) {
            return Some(*service);
        }
        let help = if references.bundles.contains_key(id) {
            Some(crate::tr!("load.is_bundle", id = id))
        } else {
            did_you_mean(id, references.services.keys().copied())
        };
        self.problems.push(
            Diagnostic::new(
                crate::tr!("load.unknown_service", id = id, place = place),
                span,
            )
            .with_help(help),
        );
        None
    }

    fn profile(&mut self, table: &DeTable<'_>) {
        self.check_keys(table, PROFILE_KEYS, crate::tr!("load.place.profile"));
        if let Some((_, node)) = field(table, "wants") {
            match node.get_ref().as_array() {
                Some(entries) => {
                    for entry in entries.iter() {
                        if let Some(id) = self.string(entry, crate::tr!("load.place.wants_entry")) {
                            let written = self.written(&id, entry.span());
                            self.wants.push(written);
                        }
                    }
                }
                None => self.problem(crate::tr!("load.wants_list"), node.span()),
            }
        }
        if let Some((_, node)) = field(table, "picks") {
            match node.get_ref().as_table() {
                Some(picks) => self.picks(picks),
                None => self.problem(crate::tr!("load.picks_table"), node.span()),
            }
        }
        if let Some((_, node)) = field(table, "facts") {
            match node.get_ref().as_table() {
                Some(facts) => {
                    let facts = self.facts(facts);
                    self.facts.extend(facts);
                }
                None => self.problem(crate::tr!("load.facts_table"), node.span()),
            }
        }
    }

    fn picks(&mut self, picks: &DeTable<'_>) {
        for (bundle_key, node) in picks.iter() {
            let bundle = self.written(bundle_key.get_ref(), bundle_key.span());
            let Some(entries) = node.get_ref().as_array() else {
                self.problem(
                    crate::tr!("load.picks_list", bundle = bundle.id),
                    node.span(),
                );
                continue;
            };
            let mut picked = Vec::with_capacity(entries.len());
            for entry in entries.iter() {
                if let Some(id) = self.string(entry, crate::tr!("load.place.pick")) {
                    picked.push(self.written(&id, entry.span()));
                }
            }
            self.picks.push(RawPicks {
                bundle,
                picks: picked,
            });
        }
    }

    /// The wanted services, looked up; one listed twice counts once.
    fn resolve_wants(&mut self, wants: &[Written], references: &References<'_>) -> Vec<ServiceIx> {
        let mut resolved = Vec::with_capacity(wants.len());
        for written in wants {
            if let Some(service) = self.service_ref(
                &written.id,
                written.span.clone(),
                references,
                "`profile.wants`",
            ) && !resolved.contains(&service)
            {
                resolved.push(service);
            }
        }
        resolved
    }

    /// The picks, looked up: each a member of a `one_of` group of its bundle, at most
    /// one per group.
    fn resolve_picks(
        &mut self,
        picks: &[RawPicks],
        references: &References<'_>,
        includes: &[Vec<Include>],
    ) -> BTreeMap<BundleIx, Vec<ServiceIx>> {
        let mut chosen = BTreeMap::new();
        for raw in picks {
            let bundle_id = raw.bundle.id.as_str();
            let Some(&bundle_ix) = references.bundles.get(bundle_id) else {
                let help = did_you_mean(bundle_id, references.bundles.keys().copied());
                self.problems.push(
                    Diagnostic::new(
                        crate::tr!("load.unknown_bundle_pick", bundle = bundle_id),
                        raw.bundle.span.clone(),
                    )
                    .with_help(help),
                );
                continue;
            };
            let mut picked_groups: Vec<usize> = Vec::new();
            let mut members = Vec::new();
            for written in &raw.picks {
                let Some(service) = self.service_ref(
                    &written.id,
                    written.span.clone(),
                    references,
                    "`profile.picks`",
                ) else {
                    continue;
                };
                let group = includes[bundle_ix].iter().position(
                    |include| matches!(include, Include::OneOf { members, .. } if members.contains(&service)),
                );
                let problem = match group {
                    None => Some(crate::tr!(
                        "load.pick_not_in_group",
                        id = written.id,
                        bundle = bundle_id
                    )),
                    Some(group) if picked_groups.contains(&group) => {
                        Some(crate::tr!("load.two_picks", bundle = bundle_id))
                    }
                    Some(group) => {
                        picked_groups.push(group);
                        members.push(service);
                        None
                    }
                };
                if let Some(message) = problem {
                    self.problems
                        .push(Diagnostic::new(message, written.span.clone()));
                }
            }
            chosen.insert(bundle_ix, members);
        }
        chosen
    }

    fn facts(&mut self, facts: &DeTable<'_>) -> BTreeMap<String, Decimal> {
        let mut known = BTreeMap::new();
        for (name, node) in facts.iter() {
            if !is_fact_name(name.get_ref()) {
                self.problem(
                    crate::tr!("load.fact_name", name = name.get_ref()),
                    name.span(),
                );
                continue;
            }
            let value = match written_number(node.get_ref()) {
                Some(written) => parse_decimal(&written).map_err(|e| e.describe()),
                None => Err(crate::tr!(
                    "load.must_be_number",
                    found = describe(node.get_ref())
                )),
            };
            match value {
                Ok(value) => {
                    known.insert(name.get_ref().to_string(), value);
                }
                Err(why) => self.problem(
                    crate::tr!("load.fact_why", name = name.get_ref(), why = why),
                    node.span(),
                ),
            }
        }
        known
    }
}

/// `services.ID.KEY` in backticks, written only when a problem is reported.
#[derive(Clone, Copy)]
struct KeyPath<'a>(&'a str, &'a str, &'a str);

impl Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}.{}.{}`", self.0, self.1, self.2)
    }
}

/// "in service `ID`" (or, bare, "service `ID`"), written only when a problem is reported.
#[derive(Clone, Copy)]
struct InItem<'a>(&'a str, &'a str);

impl<'a> InItem<'a> {
    fn bare(self) -> Bare<'a> {
        Bare(self)
    }
}

impl Display for InItem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = crate::tr!(&item_key(self.0));
        f.write_str(&crate::tr!("item.in", kind = kind, id = self.1))
    }
}

/// The message key naming a kind of item ("service", "a tier of bundle").
fn item_key(kind: &str) -> String {
    format!("item.{}", kind.replace(['`', ' '], "_"))
}

/// An `InItem` without its "in".
#[derive(Clone, Copy)]
struct Bare<'a>(InItem<'a>);

impl Display for Bare<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = crate::tr!(&item_key(self.0.0));
        f.write_str(&crate::tr!("item.bare", kind = kind, id = self.0.1))
    }
}

/// The ids that references in a bundle or the profile may name.
struct References<'a> {
    services: &'a HashMap<&'a str, ServiceIx>,
    bundles: &'a HashMap<&'a str, BundleIx>,
}

/// Looks a key up in a table, keeping the key's span.
fn field<'a, 'i>(table: &'a DeTable<'i>, name: &str) -> Option<(&'a Key<'i>, &'a Node<'i>)> {
    table.iter().find(|(key, _)| key.get_ref() == name)
}

/// The source text of a number, or of a string that should hold one.
fn written_number(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::Integer(integer) if integer.radix() == 10 => Some(integer.as_str().to_string()),
        DeValue::Integer(integer) => {
            let digits = integer.as_str().replace('_', "");
            let digits = digits.get(2..).unwrap_or_default();
            i128::from_str_radix(digits, integer.radix())
                .ok()
                .map(|n| n.to_string())
        }
        DeValue::Float(float) => Some(float.as_str().to_string()),
        DeValue::String(text) => Some(text.to_string()),
        _ => None,
    }
}

/// "a boolean", "a list"...: a value's kind, for messages.
fn describe(value: &DeValue<'_>) -> String {
    let kind = match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "date",
        DeValue::Array(_) => "list",
        DeValue::Table(_) => "table",
    };
    crate::tr!(&format!("type.{kind}"))
}

fn is_fact_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Reads a tier condition `FACT OP NUMBER`, such as `taoqi >= 1000`.
pub fn parse_condition(text: &str) -> Result<Condition, String> {
    let text = text.trim();
    let fact_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let fact = &text[..fact_end];
    if fact.is_empty() {
        return Err(crate::tr!("load.condition_shape"));
    }
    let rest = text[fact_end..].trim_start();
    let Some(op) = Operator::ALL
        .into_iter()
        .find(|op| rest.starts_with(op.symbol()))
    else {
        return Err(crate::tr!("load.condition_op", fact = fact));
    };
    let number = rest[op.symbol().len()..].trim();
    let value =
        parse_decimal(number).map_err(|_| crate::tr!("load.not_a_number", number = number))?;
    Ok(Condition {
        fact: fact.to_string(),
        op,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    const MINIMAL: &str = r#"
[services.a]
price = 19.9
period = "month"

[services.b]
name = "B 音乐"
price = "10.00"
sold_alone = false

[services.c]
price = 1e3

[bundles.ab]
price = 1_000.5
tiers = [{ when = "taoqi >= 1000", price = 88 }]
includes = ["a", { one_of = ["b", "c"], label = "music" }]
"#;

    #[test]
    fn reads_services_bundles_and_defaults() {
        let catalog = parse_catalog(MINIMAL).unwrap();
        assert_eq!(catalog.currency, "CNY");
        assert_eq!(catalog.basis, Period::Year);
        assert_eq!(catalog.services.len(), 3);
        let a = &catalog.services[0];
        assert_eq!((a.id.as_str(), a.name.as_str()), ("a", "a"));
        assert_eq!(a.price, dec("19.9"));
        assert_eq!(a.period, Period::Month);
        assert!(a.sold_alone);
        assert_eq!(a.line, 2);
        assert_eq!(catalog.services[1].name, "B 音乐");
        assert!(!catalog.services[1].sold_alone);
        assert_eq!(catalog.services[1].price.to_string(), "10.00");
        assert_eq!(catalog.services[2].price, dec("1000"));
        let bundle = &catalog.bundles[0];
        assert_eq!(bundle.price, dec("1000.5"));
        assert_eq!(bundle.tiers[0].when.to_string(), "taoqi >= 1000");
        assert_eq!(bundle.tiers[0].price, dec("88"));
        assert_eq!(
            bundle.includes,
            vec![
                Include::Service(0),
                Include::OneOf {
                    members: vec![1, 2],
                    label: Some("music".into())
                }
            ]
        );
    }

    #[test]
    fn keeps_file_order_not_alphabetical_order() {
        let catalog = parse_catalog("[services.z]\nprice = 1\n[services.a]\nprice = 2\n").unwrap();
        let ids: Vec<_> = catalog.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["z", "a"]);
    }

    #[test]
    fn conditions_read_every_operator() {
        for (text, op) in [
            ("x >= 1", Operator::Ge),
            ("x>1", Operator::Gt),
            ("x <= 1", Operator::Le),
            ("x < 1", Operator::Lt),
            ("x == 1", Operator::Eq),
            ("x != 1", Operator::Ne),
        ] {
            assert_eq!(parse_condition(text).unwrap().op, op, "{text}");
        }
        assert_eq!(parse_condition("t >= -2.5").unwrap().value, dec("-2.5"));
        assert!(parse_condition(">= 1").is_err());
        assert!(parse_condition("x => 1").is_err());
        assert!(parse_condition("x >= lots").is_err());
    }

    #[test]
    fn collects_every_problem_not_just_the_first() {
        let text = "[services.a]\nprice = -1\n[services.b]\nprise = 2\n";
        let problems = parse_catalog(text).unwrap_err();
        let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`services.a.price` must not be negative",
                "service `b` has no `price`",
                "unknown key `prise` in service `b`"
            ]
        );
        assert_eq!(problems[2].help.as_deref(), Some("did you mean `price`?"));
    }
}
