//! Generated bundles files of any size, for benchmarks and robustness tests. They use
//! every feature of the format: periods, tiers, groups, wants, picks, CJK names and all
//! three ways of writing an amount.

use std::fmt::Write as _;

use crate::period::Period;
use crate::plan::problem::{Column, Limit, Problem};

/// A small deterministic generator (SplitMix64), so a size always gives the same file.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, limit: u64) -> u64 {
        self.next() % limit.max(1)
    }
}

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

/// How prices are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prices {
    /// Spread over thousands of values: ties are rare.
    Spread,
    /// A quarter free, the rest from 36 values.
    FreeAndRepeated,
}

impl Numbers {
    /// A price in fen: `spread` when prices are spread, else free one time in
    /// four or one of 36 round values.
    fn price(&mut self, prices: Prices, spread: u64) -> u64 {
        match prices {
            Prices::Spread => spread,
            Prices::FreeAndRepeated if self.below(4) == 0 => 0,
            Prices::FreeAndRepeated => 500 * (1 + self.below(36)),
        }
    }
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

/// A household's catalogue, hard for a planner: `offers` offers (bundles and
/// services sold alone) at free and repeated prices, seats 1 to 3, a `one_of`
/// group in a third of the bundles; `me` and `people - 1` people whose wants
/// (`wants_each`, taken in turn) run through a pool of `distinct` services, so
/// neighbours share some; and the first `changes` of three what-if changes.
pub fn household_catalogue(
    offers: usize,
    people: usize,
    wants_each: &[usize],
    distinct: usize,
    changes: usize,
    seed: u64,
) -> String {
    let mut numbers = Numbers(seed);
    let services = distinct + distinct / 2;
    let sold_alone = services.min(offers / 2);
    let mut out = String::from("currency = \"CNY\"\n\n");
    let pool: Vec<usize> = (0..distinct).collect();
    let mut start = 0;
    let mut wants_of = Vec::with_capacity(people);
    for person in 0..people {
        let count = wants_each[person % wants_each.len()];
        let wants: Vec<String> = (0..count)
            .map(|i| format!("\"s{}\"", pool[(start + i) % distinct]))
            .collect();
        start += count;
        wants_of.push(wants.join(", "));
    }
    let _ = writeln!(out, "[profile]\nwants = [{}]\n", wants_of[0]);
    for s in 0..services {
        let fen = numbers.price(Prices::FreeAndRepeated, 0);
        let _ = writeln!(
            out,
            "[services.s{s}]\nprice = \"{}.{:02}\"\nseats = {}\nsold_alone = {}\n",
            fen / 100,
            fen % 100,
            1 + s % 3,
            s < sold_alone
        );
    }
    for b in 0..offers - sold_alone {
        let size = 2 + numbers.below(4) as usize;
        let mut members: Vec<usize> = Vec::with_capacity(size);
        while members.len() < size {
            let candidate = numbers.below(services as u64) as usize;
            if !members.contains(&candidate) {
                members.push(candidate);
            }
        }
        let mut includes: Vec<String> = members.iter().map(|m| format!("\"s{m}\"")).collect();
        if b % 3 == 0 {
            let group = includes.split_off(includes.len() - 2);
            includes.push(format!("{{ one_of = [{}] }}", group.join(", ")));
        }
        let fen = numbers.price(Prices::FreeAndRepeated, 0);
        let _ = writeln!(
            out,
            "[bundles.b{b}]\nprice = \"{}.{:02}\"\nincludes = [{}]\n",
            fen / 100,
            fen % 100,
            includes.join(", ")
        );
    }
    for (person, wants) in wants_of.iter().enumerate().skip(1) {
        let _ = writeln!(out, "[people.p{person}]\nwants = [{wants}]\n");
    }
    let all_changes = [
        "[changes.adds]\noffer = \"b1\"\nadd = [\"s0\", \"s1\"]\n",
        "[changes.cheaper]\noffer = \"b2\"\nprice = 0\n",
        "[changes.service]\noffer = \"s2\"\nprice = \"1.00\"\n",
    ];
    for change in all_changes.iter().take(changes) {
        let _ = writeln!(out, "{change}");
    }
    out
}

/// A calendar-shaped covering problem, built as the calendar builds one:
/// `services` × `months` rows, each service wanted by 1 to 4 people (a third
/// of them only in a window of 2 to 8 months), and `offers`
/// offers, each of 1 to 6 services (seats 1 to 3) with 1 to 3 ways to buy
/// (a month, a quarter, half a year or a year), one column per way and start
/// month. Prices repeat: a monthly price per service from 36 round values,
/// less for longer terms (a year costs 8 months) and for several services
/// together. Each way of a single service also has a first price for new
/// members, a fifth of its price (free for half of the monthly ways), one
/// column per start month with at most one of them bought. Costs are fen × K
/// + 1, as the planner folds its tie rules.
pub fn calendar_problem(services: usize, months: usize, offers: usize, seed: u64) -> Problem {
    let mut numbers = Numbers(seed);
    // Per service: 1 to 4 people want it, a third of them only in a window
    // of 2 to 8 months (`when`).
    let mut demand = Vec::with_capacity(services * months);
    for _ in 0..services {
        let people = 1 + numbers.below(4) as u32;
        let window = if numbers.below(3) == 0 {
            let length = 2 + numbers.below(7) as usize;
            let from = numbers.below(months.saturating_sub(length).max(1) as u64) as usize;
            from..from + length
        } else {
            0..months
        };
        demand.extend((0..months).map(|m| if window.contains(&m) { people } else { 0 }));
    }
    let per_fen = i128::from(demand.iter().sum::<u32>()) + 1;
    let mut problem = Problem {
        demand,
        ..Problem::default()
    };
    for _ in 0..offers {
        let count = 1 + numbers.below(6.min(services as u64)) as usize;
        let covered = distinct(&mut numbers, count, services);
        let seats = 1 + numbers.below(3) as u32;
        let monthly = 500 * (1 + i128::from(numbers.below(36)));
        let together = if covered.len() > 1 { 7 } else { 10 };
        let mut lengths = vec![1usize, 3, 6, 12];
        let ways = 1 + numbers.below(3) as usize;
        while lengths.len() > ways {
            lengths.remove(numbers.below(lengths.len() as u64) as usize);
        }
        for length in lengths {
            // Months paid for: a quarter costs 3 months, half a year 5, a year 8.
            let paid = match length {
                1 => 1,
                3 => 3,
                6 => 5,
                _ => 8,
            };
            let fen = monthly * paid * covered.len() as i128 * together / 10;
            let first = (covered.len() == 1).then(|| {
                if length == 1 && numbers.below(2) == 0 {
                    0
                } else {
                    fen / 5
                }
            });
            let mut firsts = Vec::new();
            for start in 0..months {
                let rows: Vec<(usize, u32)> = covered
                    .iter()
                    .flat_map(|&s| {
                        (start..(start + length).min(months)).map(move |m| (s * months + m, seats))
                    })
                    .collect();
                let rank = problem.columns.len() as u32;
                problem.columns.push(Column {
                    cost: fen * per_fen + 1,
                    rank,
                    rows: rows.clone(),
                    max_copies: u32::MAX,
                });
                if let Some(first) = first {
                    firsts.push(problem.columns.len());
                    problem.columns.push(Column {
                        cost: first * per_fen + 1,
                        rank: rank + 1,
                        rows,
                        max_copies: 1,
                    });
                }
            }
            if !firsts.is_empty() {
                problem.limits.push(Limit {
                    columns: firsts,
                    at_most: 1,
                });
            }
        }
    }
    problem
}

/// `count` distinct numbers below `below`, in the order drawn.
fn distinct(numbers: &mut Numbers, count: usize, below: usize) -> Vec<usize> {
    let mut drawn: Vec<usize> = Vec::with_capacity(count);
    while drawn.len() < count.min(below) {
        let next = numbers.below(below as u64) as usize;
        if !drawn.contains(&next) {
            drawn.push(next);
        }
    }
    drawn
}

/// One benchmark of the planner: its name, and the covering problems an
/// answer needs (several for what-ifs and fair shares).
pub struct Instance {
    pub name: String,
    pub problems: Vec<Problem>,
}

/// The planner's benchmark instances, each as the covering problems the plan
/// puts to the solver (docs/reference/plan.md, "How the plan is found"): one person
/// with 20 and 40 wants over 10,000 bundles at free and repeated prices; 7
/// people with 43 distinct wants over 3,000 offers; the same with three
/// what-ifs (the plan and its four entries); a calendar of 10 services × 36
/// months; and the 1,023 household plans of every group of 10 people.
pub fn planner_instances() -> Vec<Instance> {
    use crate::load::parse_catalog;
    use crate::plan::covering_problem;
    use crate::scenario::Scenario;
    use crate::what_if::apply::apply;

    let mut instances = Vec::new();
    let catalog = parse_catalog(&hard_catalogue(10_000, 300, 1)).expect("generated files load");
    for wants in [20, 40] {
        let mut scenario = Scenario::from_catalog(&catalog);
        scenario.set_wants((0..wants).map(|i| i * 7).collect());
        instances.push(Instance {
            name: format!("1 person, {wants} wants, 10,000 bundles"),
            problems: vec![covering_problem(&catalog, &scenario).expect("wants are set")],
        });
    }
    let wants_each = [8, 8, 8, 7, 7, 6, 6];
    for changes in [0, 3] {
        let text = household_catalogue(3_000, 7, &wants_each, 43, changes, 2);
        let file = parse_catalog(&text).expect("generated files load");
        let scenario = Scenario::from_catalog(&file);
        let mut sets: Vec<Vec<usize>> = vec![vec![]];
        if changes > 0 {
            sets.extend((0..changes).map(|c| vec![c]));
            sets.push((0..changes).collect());
        }
        let problems = sets
            .iter()
            .map(|set| {
                let changed = apply(&file, set).expect("the changes fit");
                covering_problem(&changed, &scenario).expect("wants are set")
            })
            .collect();
        let name = match changes {
            0 => "7 people, 43 wants, 3,000 offers".to_string(),
            _ => "7 people, 43 wants, 3,000 offers, 3 what-ifs".to_string(),
        };
        instances.push(Instance { name, problems });
    }
    instances.push(Instance {
        name: "calendar: 10 services x 36 months, 100 offers, 1 to 3 ways each".to_string(),
        problems: vec![calendar_problem(10, 36, 100, 3)],
    });
    let problems = group_problems(200, 10, 5, 30, 4);
    instances.push(Instance {
        name: "1,023 groups of 10 people, 5 wants each, 200 offers".to_string(),
        problems,
    });
    instances
}

/// The covering problems of every group of a generated household (what fair
/// shares need, `c(S)` for each group `S`): `people` people besides `me`, each
/// with `wants_each` wants of `distinct`, over `offers` offers.
pub fn group_problems(
    offers: usize,
    people: usize,
    wants_each: usize,
    distinct: usize,
    seed: u64,
) -> Vec<Problem> {
    use crate::load::parse_catalog;
    use crate::plan::covering_problem;
    use crate::scenario::Scenario;

    let text = household_catalogue(offers, people, &[wants_each], distinct, 0, seed);
    let file = parse_catalog(&text).expect("generated files load");
    let mine = Scenario::from_catalog(&file).wants;
    (1u32..1 << people)
        .map(|group| {
            let mut catalog = file.clone();
            let mut at = 0;
            catalog.people.retain(|_| {
                at += 1;
                group & (1 << at) != 0
            });
            let mut scenario = Scenario::from_catalog(&catalog);
            scenario.wants = if group & 1 != 0 { mine.clone() } else { None };
            covering_problem(&catalog, &scenario).expect("everyone wants something")
        })
        .collect()
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

/// A household file for the calendar (docs/reference/calendar.md): `people` people (`me` and
/// `people − 1` others), each wanting about half of `services` services, most
/// with a window in 2027–2029 and some held at first; each service sold three
/// ways (a year, a quarter, and a month with a first price), and `bundles`
/// bundles of 2 to 4 services priced per year, half year, quarter or month,
/// some with a first price.
pub fn calendar_file(people: usize, services: usize, bundles: usize, seed: u64) -> String {
    let mut numbers = Numbers(seed);
    let mut out = String::from("currency = \"CNY\"\n");
    let window = |numbers: &mut Numbers| {
        let from = numbers.below(30);
        let until = from + 1 + numbers.below(12);
        let date =
            |month: u64, day: u64| format!("{}-{:02}-{day:02}", 2027 + month / 12, month % 12 + 1);
        format!(
            "{{ from = {}, until = {} }}",
            date(from, 1 + numbers.below(28)),
            date(until.min(35), 1 + numbers.below(28))
        )
    };
    for person in 0..people {
        let wants: Vec<usize> = (0..services).filter(|_| numbers.below(2) == 0).collect();
        let wants = if wants.is_empty() {
            vec![person % services]
        } else {
            wants
        };
        let list: Vec<String> = wants.iter().map(|s| format!("\"s{s}\"")).collect();
        let prefix = if person == 0 {
            "profile".to_string()
        } else {
            format!("people.p{person}")
        };
        out += &format!("[{prefix}]\nwants = [{}]\n", list.join(", "));
        out += &format!("[{prefix}.when]\n");
        for s in &wants {
            if numbers.below(4) != 0 {
                out += &format!("s{s} = {}\n", window(&mut numbers));
            }
        }
        out += &format!("[{prefix}.held]\n");
        if numbers.below(2) == 0 {
            let s = wants[numbers.below(wants.len() as u64) as usize];
            out += &format!("s{s} = 2027-{:02}-28\n", 1 + numbers.below(12));
        }
    }
    for s in 0..services {
        let monthly = 10 + numbers.below(30);
        out += &format!(
            "[services.s{s}]\nprice = {}\nseats = {}\nother_prices = [\
             {{ price = {}, period = \"quarter\" }}, \
             {{ price = {monthly}, period = \"month\", first = {{ price = {}, periods = {} }} }}]\n",
            monthly * 9,
            1 + numbers.below(3),
            monthly * 5 / 2,
            numbers.below(monthly),
            1 + numbers.below(3)
        );
    }
    for b in 0..bundles {
        let count = 2 + numbers.below(3) as usize;
        let mut includes: Vec<usize> = Vec::new();
        while includes.len() < count.min(services) {
            let s = numbers.below(services as u64) as usize;
            if !includes.contains(&s) {
                includes.push(s);
            }
        }
        let (period, months) = [("year", 12), ("half_year", 6), ("quarter", 3), ("month", 1)]
            [numbers.below(4) as usize];
        let price = (count as u64 * 8 + numbers.below(20)) * months;
        let list: Vec<String> = includes.iter().map(|s| format!("\"s{s}\"")).collect();
        out += &format!(
            "[bundles.b{b}]\nprice = {price}\nperiod = \"{period}\"\nincludes = [{}]\n",
            list.join(", ")
        );
        if numbers.below(3) == 0 {
            out += &format!("first = {{ price = {} }}\n", price / 2);
        }
    }
    out
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
