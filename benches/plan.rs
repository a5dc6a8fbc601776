//! The plan solver: 20 wanted services over about 500 offers.

use std::hint::black_box;

use bundlecalc::calc::Scenario;
use bundlecalc::load::parse_catalog;
use bundlecalc::plan::plan;
use bundlecalc::synthetic::catalogue;
use criterion::{Criterion, criterion_group, criterion_main};

fn solver(c: &mut Criterion) {
    // 350 bundles plus the services sold alone among 170: about 500 offers.
    let catalog = parse_catalog(&catalogue(350, 170, 3)).unwrap();
    let sold_alone = catalog.services.iter().filter(|s| s.sold_alone).count();
    let mut scenario = Scenario::from_catalog(&catalog);
    scenario.set_wants((0..20).map(|i| i * 8).collect());
    let found = plan(&catalog, &scenario).unwrap();
    println!(
        "{} offers, 20 wants: the plan buys {} offers for {}",
        catalog.bundles.len() + sold_alone,
        found.offers.len(),
        found.total
    );
    c.bench_function("plan: 20 wants over ~500 offers", |b| {
        b.iter(|| plan(black_box(&catalog), black_box(&scenario)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = solver
}
criterion_main!(benches);
