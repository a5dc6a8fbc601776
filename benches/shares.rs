//! Fair shares of 10 people (docs/reference/arithmetic.md, "Rule 6: Household shares"): the household plan and the plan of
//! every group of its people (1,023 of them), on the shipped file and on a
//! generated catalogue of 1,000 offers; equal savings beside them, which needs
//! only each person's plan alone. People and seats are set in code.

use std::hint::black_box;
use std::time::Instant;

use bundlecalc::source::BUILT_IN;
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::people::Person;
use bundlecalc_core::plan::plan;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::split::Split;
use bundlecalc_core::synthetic::files::catalogue;
use criterion::{Criterion, criterion_group, criterion_main};

/// `catalog` shared by me and nine people, the i-th wanting `wants_of(i)`.
fn household(mut catalog: Catalog, wants_of: impl Fn(usize) -> Vec<usize>) -> (Catalog, Scenario) {
    catalog.people = (1..10)
        .map(|p| Person {
            id: format!("p{p}"),
            name: format!("Person {p}"),
            wants: wants_of(p),
            time: Default::default(),
        })
        .collect();
    let mut scenario = Scenario::from_catalog(&catalog);
    scenario.set_wants(wants_of(0));
    (catalog, scenario)
}

fn bench_rules(c: &mut Criterion, name: &str, catalog: &Catalog, scenario: &Scenario) {
    for split in [Split::Fair, Split::EqualSavings] {
        let scenario = Scenario {
            split: split.clone(),
            ..scenario.clone()
        };
        let started = Instant::now();
        let found = plan(catalog, &scenario).unwrap();
        let label = format!("shares: 10 people, {}, {name}", split.name());
        println!(
            "{label}: {} purchases for {} (first run {:?})",
            found.offers.len(),
            found.total,
            started.elapsed()
        );
        c.bench_function(&label, |b| {
            b.iter(|| plan(black_box(catalog), black_box(&scenario)).unwrap())
        });
    }
}

fn shipped(c: &mut Criterion) {
    let catalog = parse_catalog(BUILT_IN).unwrap();
    let id = |name: &str| catalog.service_ix(name).unwrap();
    // The shipped services people pay for: video, music, shopping.
    let pool = [
        id("youku"),
        id("tencent_video"),
        id("qq_music"),
        id("mango_tv"),
        id("jd_plus"),
        id("netease_music"),
        id("eleme"),
    ];
    let wants_of = |p: usize| (0..2 + p % 3).map(|i| pool[(p * 2 + i * 3) % 7]).collect();
    let (catalog, scenario) = household(catalog, wants_of);
    bench_rules(c, "the shipped file", &catalog, &scenario);
}

fn generated(c: &mut Criterion) {
    let mut catalog = parse_catalog(&catalogue(800, 220, 3)).unwrap();
    // Seats 1 to 4, as family plans of video and music services go.
    for (at, service) in catalog.services.iter_mut().enumerate() {
        service.seats = 1 + (at % 4) as u32;
    }
    // 16 distinct services, 4 wants each, overlapping.
    let pool: Vec<usize> = (0..16).map(|i| i * 13).collect();
    let wants_of = |p: usize| (0..4).map(|i| pool[(p * 3 + i * 5) % 16]).collect();
    let (catalog, scenario) = household(catalog, wants_of);
    let offers = catalog.bundles.len() + catalog.services.iter().filter(|s| s.sold_alone).count();
    bench_rules(c, &format!("{offers} offers"), &catalog, &scenario);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = shipped, generated
}
criterion_main!(benches);
