//! The plan solver (SPEC §3.2): one person with 20 wants over about 500 and over
//! 10,000 offers, one person with 40 wants over 1,000 and over 10,000 offers, and
//! a household of 6 people with 24 distinct wants over 1,000 offers. Seats and
//! people are set on the loaded catalogue.

use std::hint::black_box;
use std::time::Instant;

use bundlecalc::calc::Scenario;
use bundlecalc::load::parse_catalog;
use bundlecalc::model::{Catalog, Person};
use bundlecalc::plan::plan;
use bundlecalc::synthetic::catalogue;
use criterion::{Criterion, criterion_group, criterion_main};

/// A generated catalogue of `bundles` bundles over `services` services, and how
/// many offers (bundles plus services sold alone) it has.
fn generated(bundles: usize, services: usize) -> (Catalog, usize) {
    let catalog = parse_catalog(&catalogue(bundles, services, 3)).unwrap();
    let sold_alone = catalog.services.iter().filter(|s| s.sold_alone).count();
    (catalog, bundles + sold_alone)
}

fn one_person(c: &mut Criterion, bundles: usize, services: usize, wants: usize, step: usize) {
    let (catalog, offers) = generated(bundles, services);
    let mut scenario = Scenario::from_catalog(&catalog);
    scenario.set_wants((0..wants).map(|i| i * step).collect());
    let started = Instant::now();
    let found = plan(&catalog, &scenario).unwrap();
    let name = format!("plan: 1 person, {wants} wants over {offers} offers");
    println!(
        "{name}: buys {} offers for {} (first run {:?})",
        found.offers.len(),
        found.total,
        started.elapsed()
    );
    c.bench_function(&name, |b| {
        b.iter(|| plan(black_box(&catalog), black_box(&scenario)).unwrap())
    });
}

fn solver(c: &mut Criterion) {
    one_person(c, 350, 170, 20, 8);
    one_person(c, 9_700, 330, 20, 16);
    one_person(c, 700, 330, 40, 8);
    one_person(c, 9_700, 330, 40, 8);
}

fn household(c: &mut Criterion) {
    let (mut catalog, offers) = generated(800, 220);
    // Seats 1 to 4, as family plans of video and music services go.
    for (at, service) in catalog.services.iter_mut().enumerate() {
        service.seats = 1 + (at % 4) as u32;
    }
    // 24 distinct services, 8 wants each, overlapping: me and 5 people.
    let pool: Vec<usize> = (0..24).map(|i| i * 9).collect();
    let wants_of =
        |person: usize| -> Vec<usize> { (0..8).map(|i| pool[(person * 4 + i * 3) % 24]).collect() };
    catalog.people = (1..6)
        .map(|p| Person {
            id: format!("p{p}"),
            name: format!("Person {p}"),
            wants: wants_of(p),
        })
        .collect();
    let mut scenario = Scenario::from_catalog(&catalog);
    scenario.set_wants(wants_of(0));
    let started = Instant::now();
    let found = plan(&catalog, &scenario).unwrap();
    let name = format!("plan: 6 people, 24 distinct wants over {offers} offers");
    println!(
        "{name}: {} purchases for {}, {} wants (first run {:?})",
        found.offers.len(),
        found.total,
        found.wants.len(),
        started.elapsed()
    );
    c.bench_function(&name, |b| {
        b.iter(|| plan(black_box(&catalog), black_box(&scenario)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = solver, household
}
criterion_main!(benches);
