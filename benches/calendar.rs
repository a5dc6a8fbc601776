//! The calendar (docs/reference/calendar.md) on generated households (`synthetic::households::calendar_file`:
//! every person wants about half of the services, most within a window, some
//! holding one; each service sold three ways, one with a first price; bundles
//! of 2 to 4 services per year, half year, quarter or month), with fair shares
//! (the calendar and the calendar of every group). Criterion times the sizes
//! the search proves; then the size the reference aims at (4 people, 10
//! services, 60 offers, 36 months) runs once within the default time limit,
//! printing how long, whether proven, and its bound.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::calendar::calendar_within;
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::synthetic::households::calendar_file;
use criterion::{Criterion, criterion_group, criterion_main};

fn household(people: usize, services: usize, bundles: usize) -> Catalog {
    parse_catalog(&calendar_file(people, services, bundles, 26)).expect("a valid generated file")
}

fn horizon(months: u32) -> Horizon {
    Horizon {
        from: YearMonth::parse("2027-01").expect("a month"),
        months,
    }
}

fn calendar(c: &mut Criterion) {
    for (people, services, bundles, months) in [(1, 10, 50, 12), (2, 5, 20, 12), (4, 5, 20, 12)] {
        let catalog = household(people, services, bundles);
        let scenario = Scenario::from_catalog(&catalog);
        let name = format!(
            "calendar {people} people x {services} services x {} offers x {months} months",
            services + bundles
        );
        c.bench_function(&name, |b| {
            b.iter(|| {
                calendar_within(
                    black_box(&catalog),
                    &scenario,
                    horizon(months),
                    &Budget::unlimited(),
                )
            })
        });
    }
}

fn target(_: &mut Criterion) {
    let catalog = household(4, 10, 50);
    let scenario = Scenario::from_catalog(&catalog);
    let started = Instant::now();
    let budget = Budget::for_time(Duration::from_secs(Budget::DEFAULT_SECONDS));
    let found = calendar_within(&catalog, &scenario, horizon(36), &budget)
        .expect("every wanted month can be bought");
    println!(
        "calendar of 4 people, 10 services, 60 offers, 36 months within the default \
         time limit: {:?}, {} purchases, total {}, bound {}, proven {}",
        started.elapsed(),
        found.purchases.len(),
        found.total,
        found.bound,
        found.proven
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = calendar, target
}
criterion_main!(benches);
