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
use crate::diagnostic::{Diagnostic, LineIndex, did_you_mean};
use crate::model::{
    Bundle, BundleIx, Catalog, Condition, Include, Operator, Period, Profile, Service, ServiceIx,
    Tier,
};

type Key<'i> = Spanned<Cow<'i, str>>;
type Node<'i> = Spanned<DeValue<'i>>;

const TOP_KEYS: &[&str] = &["currency", "basis", "profile", "services", "bundles"];
const PROFILE_KEYS: &[&str] = &["wants", "picks", "facts"];
const SERVICE_KEYS: &[&str] = &["name", "price", "period", "sold_alone", "note"];
const BUNDLE_KEYS: &[&str] = &["name", "price", "period", "tiers", "includes", "note"];
const TIER_KEYS: &[&str] = &["when", "price"];
const GROUP_KEYS: &[&str] = &["one_of", "label"];

/// Parses and validates a whole bundles file, reporting every problem found.
pub fn parse_catalog(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let root = DeTable::parse(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        vec![Diagnostic::new(
            format!("this is not valid TOML: {}", error.message().trim_end()),
            span,
        )]
    })?;
    let mut loader = Loader {
        text,
        lines: LineIndex::new(text),
        problems: Vec::new(),
    };
    let catalog = loader.catalog(root.get_ref());
    if loader.problems.is_empty() {
        Ok(catalog)
    } else {
        Err(loader.problems)
    }
}

/// Walks the parsed TOML tree, building the catalogue and noting each problem.
struct Loader<'t> {
    text: &'t str,
    lines: LineIndex,
    problems: Vec<Diagnostic>,
}

impl<'t> Loader<'t> {
    fn problem(&mut self, message: impl Into<String>, span: Range<usize>) {
        self.problems.push(Diagnostic::new(message, span));
    }

    fn problem_with_help(
        &mut self,
        message: impl Into<String>,
        span: Range<usize>,
        help: Option<String>,
    ) {
        self.problems
            .push(Diagnostic::new(message, span).with_help(help));
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn catalog(&mut self, root: &DeTable<'_>) -> Catalog {
        self.check_keys(root, TOP_KEYS, "at the top level");
        let currency = match field(root, "currency") {
            Some((_, node)) => self.currency(node),
            None => "CNY".to_string(),
        };
        let basis = match field(root, "basis") {
            Some((_, node)) => self.period(node, "basis"),
            None => Period::Year,
        };

        let service_tables = self.tables_in(root, "services");
        let mut service_index: HashMap<&str, ServiceIx> =
            HashMap::with_capacity(service_tables.len());
        let mut services = Vec::with_capacity(service_tables.len());
        for (key, table) in &service_tables {
            service_index.insert(key.get_ref(), services.len());
            services.push(self.service(key, table));
        }

        let bundle_tables = self.tables_in(root, "bundles");
        let mut bundle_index: HashMap<&str, BundleIx> = HashMap::with_capacity(bundle_tables.len());
        let mut bundles = Vec::with_capacity(bundle_tables.len());
        for (key, table) in &bundle_tables {
            if service_index.contains_key(key.get_ref().as_ref()) {
                self.problem(
                    format!(
                        "`{}` is both a service and a bundle: ids must be unique across both",
                        key.get_ref()
                    ),
                    key.span(),
                );
            }
            bundle_index.insert(key.get_ref(), bundles.len());
            let references = References {
                services: &service_index,
                bundles: &bundle_index,
            };
            bundles.push(self.bundle(key, table, &references));
        }

        let references = References {
            services: &service_index,
            bundles: &bundle_index,
        };
        let profile = match field(root, "profile") {
            Some((key, node)) => match node.get_ref().as_table() {
                Some(table) => self.profile(table, &references, &bundles),
                None => {
                    self.problem("`profile` must be a table", key.span());
                    Profile::default()
                }
            },
            None => Profile::default(),
        };

        Catalog {
            currency,
            basis,
            profile,
            services,
            bundles,
        }
    }

    /// Reports each key of `table` that is not in `allowed`.
    fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], place: impl Display) {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let help = did_you_mean(key.get_ref(), allowed.iter().copied())
                    .or_else(|| Some(format!("the keys allowed here are: {}", allowed.join(", "))));
                self.problem_with_help(
                    format!("unknown key `{}` {place}", key.get_ref()),
                    key.span(),
                    help,
                );
            }
        }
    }

    /// The sub-tables of `root.<name>`, such as each `[services.ID]`.
    fn tables_in<'a, 'i>(
        &mut self,
        root: &'a DeTable<'i>,
        name: &str,
    ) -> Vec<(&'a Key<'i>, &'a DeTable<'i>)> {
        let Some((key, node)) = field(root, name) else {
            return Vec::new();
        };
        let Some(table) = node.get_ref().as_table() else {
            self.problem(
                format!("`{name}` must be a table of tables, as in `[{name}.ID]`"),
                key.span(),
            );
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(table.len());
        for (id, value) in table.iter() {
            match value.get_ref().as_table() {
                Some(inner) => tables.push((id, inner)),
                None => self.problem(
                    format!(
                        "`{name}.{}` must be a table, as in `[{name}.{}]`",
                        id.get_ref(),
                        id.get_ref()
                    ),
                    id.span(),
                ),
            }
        }
        tables
    }

    fn currency(&mut self, node: &Node<'_>) -> String {
        match node.get_ref().as_str() {
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                code.to_string()
            }
            _ => {
                self.problem(
                    "`currency` must be an ISO 4217 code of three capital letters, such as \"CNY\"",
                    node.span(),
                );
                "CNY".to_string()
            }
        }
    }

    fn period(&mut self, node: &Node<'_>, place: impl Display) -> Period {
        let names = Period::CYCLE.map(Period::name);
        match node.get_ref().as_str() {
            Some(name) => match Period::parse(name) {
                Some(period) => period,
                None => {
                    let help = did_you_mean(name, names)
                        .or_else(|| Some(format!("periods are: {}", names.join(", "))));
                    self.problem_with_help(
                        format!("unknown period `{name}` in {place}"),
                        node.span(),
                        help,
                    );
                    Period::Year
                }
            },
            None => {
                self.problem(
                    format!("{place} must be a period name, such as \"year\""),
                    node.span(),
                );
                Period::Year
            }
        }
    }

    fn string(&mut self, node: &Node<'_>, place: impl Display) -> Option<String> {
        match node.get_ref().as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.problem(
                    format!(
                        "{place} must be a string, found {}",
                        describe(node.get_ref())
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
            None => Err(format!(
                "must be a number or a string such as \"19.90\", found {}",
                describe(node.get_ref())
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
            sold_alone: true,
            note: None,
            line: self.line_of(&key.span()),
        };
        for (name, node) in table.iter() {
            let path = KeyPath("services", &id, name.get_ref());
            match name.get_ref().as_ref() {
                "name" => service.name = self.string(node, path).unwrap_or(service.name),
                "price" => service.price = self.amount(node, path),
                "period" => service.period = self.period(node, path),
                "note" => service.note = self.string(node, path),
                "sold_alone" => match node.get_ref().as_bool() {
                    Some(flag) => service.sold_alone = flag,
                    None => self.problem(format!("{path} must be true or false"), node.span()),
                },
                _ => {}
            }
        }
        if field(table, "price").is_none() {
            self.problem(format!("service `{id}` has no `price`"), key.span());
        }
        service
    }

    fn bundle(
        &mut self,
        key: &Key<'_>,
        table: &DeTable<'_>,
        references: &References<'_>,
    ) -> Bundle {
        let id = key.get_ref().to_string();
        self.check_keys(table, BUNDLE_KEYS, InItem("bundle", &id));
        let mut bundle = Bundle {
            name: id.clone(),
            id: id.clone(),
            price: Decimal::ZERO,
            period: Period::Year,
            tiers: Vec::new(),
            includes: Vec::new(),
            note: None,
            line: self.line_of(&key.span()),
        };
        for (name, node) in table.iter() {
            let path = KeyPath("bundles", &id, name.get_ref());
            match name.get_ref().as_ref() {
                "name" => bundle.name = self.string(node, path).unwrap_or(bundle.name),
                "price" => bundle.price = self.amount(node, path),
                "period" => bundle.period = self.period(node, path),
                "note" => bundle.note = self.string(node, path),
                "tiers" => bundle.tiers = self.tiers(node, &id),
                "includes" => bundle.includes = self.includes(node, &id, references),
                _ => {}
            }
        }
        if field(table, "price").is_none() {
            self.problem(format!("bundle `{id}` has no `price`"), key.span());
        }
        if field(table, "includes").is_none() {
            self.problem(
                format!("bundle `{id}` has no `includes`: list the services it contains"),
                key.span(),
            );
        }
        bundle
    }

    fn tiers(&mut self, node: &Node<'_>, bundle: &str) -> Vec<Tier> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(
                format!("`bundles.{bundle}.tiers` must be a list, as in [{{ when = \"taoqi >= 1000\", price = 88 }}]"),
                node.span(),
            );
            return Vec::new();
        };
        let mut tiers = Vec::with_capacity(entries.len());
        for entry in entries.iter() {
            let Some(table) = entry.get_ref().as_table() else {
                self.problem(
                    format!("each tier of bundle `{bundle}` must be a table such as {{ when = \"taoqi >= 1000\", price = 88 }}"),
                    entry.span(),
                );
                continue;
            };
            self.check_keys(table, TIER_KEYS, InItem("a tier of bundle", bundle));
            let when = match field(table, "when") {
                Some((_, when)) => self.condition(when, bundle),
                None => {
                    self.problem(
                        format!("a tier of bundle `{bundle}` has no `when`"),
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
                        format!("a tier of bundle `{bundle}` has no `price`"),
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
                    format!("bad tier condition `{text}` in bundle `{bundle}`: {why}"),
                    node.span(),
                );
                None
            }
        }
    }

    fn includes(
        &mut self,
        node: &Node<'_>,
        bundle: &str,
        references: &References<'_>,
    ) -> Vec<Include> {
        let Some(entries) = node.get_ref().as_array() else {
            self.problem(
                format!("`bundles.{bundle}.includes` must be a list of service ids"),
                node.span(),
            );
            return Vec::new();
        };
        if entries.is_empty() {
            self.problem(
                format!("bundle `{bundle}` includes nothing: list at least one service"),
                node.span(),
            );
        }
        let mut includes = Vec::with_capacity(entries.len());
        let mut seen: HashMap<ServiceIx, ()> = HashMap::new();
        let mut note_member = |loader: &mut Self, service: ServiceIx, span: Range<usize>| {
            if seen.insert(service, ()).is_some() {
                loader.problem(
                    format!(
                        "service `{}` appears more than once in bundle `{bundle}`",
                        &loader.text[span.clone()].trim_matches(['"', '\''])
                    ),
                    span,
                );
            }
        };
        for entry in entries.iter() {
            match entry.get_ref() {
                DeValue::String(id) => {
                    if let Some(service) = self.service_ref(id, entry.span(), references, InItem("bundle", bundle).bare()) {
                        note_member(self, service, entry.span());
                        includes.push(Include::Service(service));
                    }
                }
                DeValue::Table(group) => {
                    self.check_keys(group, GROUP_KEYS, InItem("a group of bundle", bundle));
                    let label = field(group, "label").and_then(|(_, label)| self.string(label, "a group's `label`"));
                    let Some((one_of_key, one_of)) = field(group, "one_of") else {
                        self.problem(
                            format!("a group in bundle `{bundle}` has no `one_of` list"),
                            entry.span(),
                        );
                        continue;
                    };
                    let Some(member_nodes) = one_of.get_ref().as_array() else {
                        self.problem("`one_of` must be a list of service ids", one_of.span());
                        continue;
                    };
                    if member_nodes.len() < 2 {
                        self.problem(
                            format!("a `one_of` group in bundle `{bundle}` needs at least two services"),
                            one_of_key.span().start..one_of.span().end,
                        );
                    }
                    let mut members = Vec::with_capacity(member_nodes.len());
                    for member in member_nodes.iter() {
                        let Some(id) = self.string(member, "each member of `one_of`") else {
                            continue;
                        };
                        if let Some(service) = self.service_ref(&id, member.span(), references, InItem("bundle", bundle).bare()) {
                            note_member(self, service, member.span());
                            members.push(service);
                        }
                    }
                    includes.push(Include::OneOf { members, label });
                }
                other => self.problem(
                    format!(
                        "each entry of `includes` is a service id or a group such as {{ one_of = [\"a\", \"b\"] }}, found {}",
                        describe(other)
                    ),
                    entry.span(),
                ),
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
            Some(format!(
                "`{id}` is a bundle; only services can be listed here"
            ))
        } else {
            did_you_mean(id, references.services.keys().copied())
        };
        self.problem_with_help(format!("unknown service `{id}` in {place}"), span, help);
        None
    }

    fn profile(
        &mut self,
        table: &DeTable<'_>,
        references: &References<'_>,
        bundles: &[Bundle],
    ) -> Profile {
        self.check_keys(table, PROFILE_KEYS, "in `[profile]`");
        let mut profile = Profile::default();
        if let Some((_, node)) = field(table, "wants") {
            match node.get_ref().as_array() {
                Some(entries) => {
                    for entry in entries.iter() {
                        let Some(id) = self.string(entry, "each entry of `profile.wants`") else {
                            continue;
                        };
                        if let Some(service) =
                            self.service_ref(&id, entry.span(), references, "`profile.wants`")
                            && !profile.wants.contains(&service)
                        {
                            profile.wants.push(service);
                        }
                    }
                }
                None => self.problem("`profile.wants` must be a list of service ids", node.span()),
            }
        }
        if let Some((_, node)) = field(table, "picks") {
            match node.get_ref().as_table() {
                Some(picks) => profile.picks = self.picks(picks, references, bundles),
                None => self.problem(
                    "`profile.picks` must be a table such as { \"88vip\" = [\"netease_music\"] }",
                    node.span(),
                ),
            }
        }
        if let Some((_, node)) = field(table, "facts") {
            match node.get_ref().as_table() {
                Some(facts) => profile.facts = self.facts(facts),
                None => self.problem(
                    "`profile.facts` must be a table such as { taoqi = 1200 }",
                    node.span(),
                ),
            }
        }
        profile
    }

    fn picks(
        &mut self,
        picks: &DeTable<'_>,
        references: &References<'_>,
        bundles: &[Bundle],
    ) -> BTreeMap<BundleIx, Vec<ServiceIx>> {
        let mut chosen = BTreeMap::new();
        for (bundle_key, node) in picks.iter() {
            let bundle_id = bundle_key.get_ref();
            let Some(&bundle_ix) = references.bundles.get(bundle_id.as_ref()) else {
                let help = did_you_mean(bundle_id, references.bundles.keys().copied());
                self.problem_with_help(
                    format!("unknown bundle `{bundle_id}` in `profile.picks`"),
                    bundle_key.span(),
                    help,
                );
                continue;
            };
            let Some(entries) = node.get_ref().as_array() else {
                self.problem(
                    format!("the picks for `{bundle_id}` must be a list of service ids"),
                    node.span(),
                );
                continue;
            };
            let bundle = &bundles[bundle_ix];
            let mut picked_groups: Vec<usize> = Vec::new();
            let mut members = Vec::new();
            for entry in entries.iter() {
                let Some(id) = self.string(entry, "each pick") else {
                    continue;
                };
                let Some(service) =
                    self.service_ref(&id, entry.span(), references, "`profile.picks`")
                else {
                    continue;
                };
                let group = bundle.includes.iter().position(
                    |include| matches!(include, Include::OneOf { members, .. } if members.contains(&service)),
                );
                match group {
                    None => self.problem(
                        format!("`{id}` is not in a `one_of` group of bundle `{bundle_id}`, so it cannot be picked"),
                        entry.span(),
                    ),
                    Some(group) if picked_groups.contains(&group) => self.problem(
                        format!("bundle `{bundle_id}` has two picks from the same `one_of` group; keep one"),
                        entry.span(),
                    ),
                    Some(group) => {
                        picked_groups.push(group);
                        members.push(service);
                    }
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
                    format!(
                        "fact name `{}` must be letters, digits and `_`",
                        name.get_ref()
                    ),
                    name.span(),
                );
                continue;
            }
            let value = match written_number(node.get_ref()) {
                Some(written) => parse_decimal(&written).map_err(|e| e.describe()),
                None => Err(format!(
                    "must be a number, found {}",
                    describe(node.get_ref())
                )),
            };
            match value {
                Ok(value) => {
                    known.insert(name.get_ref().to_string(), value);
                }
                Err(why) => self.problem(format!("fact `{}` {why}", name.get_ref()), node.span()),
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
        write!(f, "in {} `{}`", self.0, self.1)
    }
}

/// An `InItem` without its "in".
#[derive(Clone, Copy)]
struct Bare<'a>(InItem<'a>);

impl Display for Bare<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.0.0, self.0.1)
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
fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
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
        return Err("it must read FACT OP NUMBER, as in `taoqi >= 1000`".into());
    }
    let rest = text[fact_end..].trim_start();
    let Some(op) = Operator::ALL
        .into_iter()
        .find(|op| rest.starts_with(op.symbol()))
    else {
        return Err(format!("expected one of >= > <= < == != after `{fact}`"));
    };
    let number = rest[op.symbol().len()..].trim();
    let value = parse_decimal(number).map_err(|_| format!("`{number}` is not a number"))?;
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
                "unknown key `prise` in service `b`",
                "service `b` has no `price`"
            ]
        );
        assert_eq!(problems[1].help.as_deref(), Some("did you mean `price`?"));
    }
}
