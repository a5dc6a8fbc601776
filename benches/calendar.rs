//! The calendar (SPEC §3.3) at the size the reference promises: 4 people, 10
//! wanted services with windows and holdings, 60 offers (10 services sold three
//! ways each, 50 bundles), over 36 months, with fair shares (the calendar and
//! every group's). Prints the first run's time, its total and whether proven.

use std::hint::black_box;
use std::time::Instant;

use bundlecalc::calc::Scenario;
use bundlecalc::load::parse_catalog;
use bundlecalc::plan::Budget;
use bundlecalc::plan::calendar::{Horizon, YearMonth, calendar_within};
use bundlecalc::synthetic::calendar_file;
use criterion::{Criterion, criterion_group, criterion_main};

fn calendar(c: &mut Criterion) {
    let text = calendar_file(4, 10, 50, 26);
    let catalog = parse_catalog(&text).expect("a valid generated file");
    let scenario = Scenario::from_catalog(&catalog);
    let horizon = Horizon {
        from: YearMonth::parse("2027-01").expect("a month"),
        months: 36,
    };
    let started = Instant::now();
    let found = calendar_within(&catalog, &scenario, horizon, &Budget::unlimited())
        .expect("every wanted month can be bought");
    println!(
        "calendar of 4 people, 10 services, 60 offers, 36 months: {} purchases, total {}, \
         proven {} (first run {:?})",
        found.purchases.len(),
        found.total,
        found.proven,
        started.elapsed()
    );
    c.bench_function(
        "calendar 4 people x 10 services x 60 offers x 36 months",
        |b| {
            b.iter(|| {
                calendar_within(
                    black_box(&catalog),
                    &scenario,
                    horizon,
                    &Budget::unlimited(),
                )
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = calendar
}
criterion_main!(benches);
