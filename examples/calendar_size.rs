//! Times the calendar of a generated household file (`synthetic::households::calendar_file`):
//! `cargo run --release --example calendar_size -- PEOPLE SERVICES BUNDLES MONTHS`.

use std::time::Instant;

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::plan::calendar::calendar_within;
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::synthetic::households::calendar_file;

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let [people, services, bundles, months] = numbers[..] else {
        eprintln!("usage: calendar_size PEOPLE SERVICES BUNDLES MONTHS");
        std::process::exit(2);
    };
    let text = calendar_file(people, services, bundles, 26);
    let catalog = parse_catalog(&text).expect("a valid generated file");
    let scenario = Scenario::from_catalog(&catalog);
    let horizon = Horizon {
        from: YearMonth::parse("2027-01").expect("a month"),
        months: months as u32,
    };
    let started = Instant::now();
    let budget = match std::env::var("LIMIT_MS") {
        Ok(ms) => Budget::for_time(std::time::Duration::from_millis(ms.parse().expect("ms"))),
        Err(_) => Budget::unlimited(),
    };
    let found = calendar_within(&catalog, &scenario, horizon, &budget)
        .expect("every wanted month can be bought");
    println!(
        "{people} people, {services} services, {bundles} bundles, {months} months: \
         {} purchases, total {}, bound {}, proven {}, {:?}",
        found.purchases.len(),
        found.total,
        found.bound,
        found.proven,
        started.elapsed()
    );
}
