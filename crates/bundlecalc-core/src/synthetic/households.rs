//! Generated files of households (docs/reference/file-format.md, "People who share"):
//! people with overlapping wants over offers with seats, for the plan, and
//! people with wants in time, holdings and first prices, for the calendar
//! (docs/reference/file-format.md, "Time: held, when, first").

use std::fmt::Write as _;

use super::{Numbers, Prices};

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
