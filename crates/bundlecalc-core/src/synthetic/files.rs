//! Generated bundles files for comparisons (docs/reference/file-format.md, "The bundles file"):
//! any number of bundles and services, using every feature of the format
//! (periods, tiers, groups, wants, picks, CJK names and all three ways of
//! writing an amount), in either layout of tables; or a catalogue whose free
//! and repeated prices make a planner's tie rules decide.

use std::fmt::Write as _;

use super::{Numbers, Prices};
use crate::period::Period;

/// How a generated file writes its services and bundles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Each item its own table: `[services.ID]`, `[bundles.ID]`.
    Tables,
    /// One `[services]` table of inline tables (`ID = { price = 1 }`) and one
    /// `[bundles]` table of dotted keys (`ID.price = 1`).
    Grouped,
}

/// A valid bundles file with `bundles` bundles over `services` services (at least 4).
pub fn catalogue(bundles: usize, services: usize, seed: u64) -> String {
    catalogue_in(Layout::Tables, bundles, services, seed)
}

/// `catalogue`, written in the given layout.
pub fn catalogue_in(layout: Layout, bundles: usize, services: usize, seed: u64) -> String {
    generate(layout, bundles, services, seed, Prices::Spread)
}

/// A catalogue that is hard for a planner: about a quarter of all prices (of
/// services, bundles, tiers and other ways to buy) are 0.00, and the others are
/// drawn from a few dozen values, so many plans cost the same and only the tie
/// rules tell them apart.
pub fn hard_catalogue(bundles: usize, services: usize, seed: u64) -> String {
    generate(
        Layout::Tables,
        bundles,
        services,
        seed,
        Prices::FreeAndRepeated,
    )
}

fn generate(layout: Layout, bundles: usize, services: usize, seed: u64, prices: Prices) -> String {
    let services = services.max(4);
    let mut numbers = Numbers(seed);
    let mut out = String::with_capacity(bundles * 200 + services * 120);
    out.push_str("currency = \"CNY\"\nbasis = \"year\"\n\n[profile]\n");
    let wants: Vec<String> = (0..services)
        .step_by(7)
        .map(|s| format!("\"s{s}\""))
        .collect();
    let _ = writeln!(out, "wants = [{}]", wants.join(", "));
    if bundles > 0 {
        // Bundle 0 always has its group as s0/s1 (see below), so this pick is valid.
        out.push_str("picks = { \"b0\" = [\"s1\"] }\n");
    }
    out.push_str("\n[profile.facts]\ntaoqi = 1200\nlevel = 3\n\n");
    let mut items = Items::new(layout, &mut out, "services");
    for s in 0..services {
        let period = Period::CYCLE[numbers.below(6) as usize];
        let spread = 100 + numbers.below(50_000);
        let fen = numbers.price(prices, spread);
        let price = match s % 3 {
            0 => format!("{}", fen / 100),
            1 => format!("{}.{:02}", fen / 100, fen % 100),
            _ => format!("\"{}.{:02}\"", fen / 100, fen % 100),
        };
        let name = if s % 5 == 0 {
            format!("服务 {s} 会员")
        } else {
            format!("Service {s}")
        };
        let mut fields = vec![
            ("name", format!("\"{name}\"")),
            ("price", price),
            ("period", format!("\"{period}\"")),
        ];
        if s % 11 == 3 {
            fields.push(("sold_alone", "false".into()));
        } else if prices == Prices::FreeAndRepeated && s % 4 == 1 {
            let monthly = numbers.price(prices, 0) / 10;
            let other = format!(
                "[{{ price = \"{}.{:02}\", period = \"month\", label = \"monthly\" }}]",
                monthly / 100,
                monthly % 100
            );
            fields.push(("other_prices", other));
        }
        items.write(&format!("s{s}"), &fields);
    }
    let mut items = Items::new(layout, &mut out, "bundles");
    for b in 0..bundles {
        let size = 2 + numbers.below(5) as usize;
        let mut members: Vec<usize> = Vec::with_capacity(size + 2);
        while members.len() < size {
            let candidate = numbers.below(services as u64) as usize;
            if !members.contains(&candidate) {
                members.push(candidate);
            }
        }
        let mut includes: Vec<String> = members.iter().map(|m| format!("\"s{m}\"")).collect();
        if b == 0 {
            members.retain(|m| *m > 1);
            includes = members.iter().map(|m| format!("\"s{m}\"")).collect();
            includes.push("{ one_of = [\"s0\", \"s1\"], label = \"pick\" }".into());
        } else if b % 4 == 0 {
            let group = includes.split_off(includes.len() - 2);
            includes.push(format!("{{ one_of = [{}] }}", group.join(", ")));
        }
        let spread = 100 * (1 + numbers.below(2_000));
        let price = numbers.price(prices, spread) / 100;
        let name = if b % 3 == 0 {
            format!("联合会员 {b}")
        } else {
            format!("Bundle {b}")
        };
        let mut fields = vec![
            ("name", format!("\"{name}\"")),
            ("price", price.to_string()),
        ];
        if b % 5 == 0 {
            let tier_price = match prices {
                Prices::Spread => price / 2,
                Prices::FreeAndRepeated => numbers.price(prices, 0) / 100,
            };
            let tier = format!("[{{ when = \"taoqi >= 1000\", price = {tier_price} }}]");
            fields.push(("tiers", tier));
        }
        fields.push(("includes", format!("[{}]", includes.join(", "))));
        fields.push(("note", "\"generated\"".into()));
        items.write(&format!("b{b}"), &fields);
    }
    out
}

/// Writes the items of one table (`services` or `bundles`) in a layout.
struct Items<'o> {
    layout: Layout,
    out: &'o mut String,
    table: &'static str,
}

impl<'o> Items<'o> {
    fn new(layout: Layout, out: &'o mut String, table: &'static str) -> Self {
        if layout == Layout::Grouped {
            let _ = writeln!(out, "[{table}]");
        }
        Items { layout, out, table }
    }

    fn write(&mut self, id: &str, fields: &[(&str, String)]) {
        let table = self.table;
        match (self.layout, table) {
            (Layout::Tables, _) => {
                let _ = writeln!(self.out, "[{table}.{id}]");
                for (key, value) in fields {
                    let _ = writeln!(self.out, "{key} = {value}");
                }
                self.out.push('\n');
            }
            (Layout::Grouped, "services") => {
                let fields: Vec<String> =
                    fields.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                let _ = writeln!(self.out, "{id} = {{ {} }}", fields.join(", "));
            }
            (Layout::Grouped, _) => {
                for (key, value) in fields {
                    let _ = writeln!(self.out, "{id}.{key} = {value}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_catalog;

    #[test]
    fn generated_files_are_valid_and_of_the_asked_size() {
        for (bundles, services) in [(0, 4), (1, 4), (50, 20), (300, 300)] {
            let text = catalogue(bundles, services, 7);
            let mut catalog = parse_catalog(&text).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(catalog.bundles.len(), bundles);
            assert_eq!(catalog.services.len(), services);
            let grouped = catalogue_in(Layout::Grouped, bundles, services, 7);
            assert_ne!(grouped, text);
            let mut grouped = parse_catalog(&grouped).unwrap_or_else(|e| panic!("{e:?}"));
            // The same catalogue, on other lines.
            for catalog in [&mut catalog, &mut grouped] {
                catalog.services.iter_mut().for_each(|s| s.line = 0);
                catalog.bundles.iter_mut().for_each(|b| b.line = 0);
            }
            assert_eq!(grouped, catalog);
        }
    }
}
