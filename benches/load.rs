//! Reading files of 1,000, 10,000 and 100,000 bundles over 300 services: the parse
//! floor (TOML to a tree, nothing else) against the whole `--compare --format json`
//! path (load, validate, compute every figure, write JSON).

use std::hint::black_box;

use bundlecalc::calc::{Scenario, SortKey, compare, sort_bundles};
use bundlecalc::load::parse_catalog;
use bundlecalc::report::{CompareReport, Format, Painter, write_compare};
use bundlecalc::synthetic::catalogue;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// What `bundlecalc --compare --format json` does after reading the file: the JSON
/// is streamed, as to standard output.
fn compare_json(text: &str) {
    let catalog = parse_catalog(text).unwrap();
    let scenario = Scenario::from_catalog(&catalog);
    let mut comparison = compare(&catalog, &scenario);
    sort_bundles(&mut comparison.bundles, SortKey::File, &catalog);
    let report = CompareReport {
        catalog: &catalog,
        file: "bench.toml",
        basis: scenario.basis,
        sort: SortKey::File,
        reverse: false,
        comparison: &comparison,
    };
    let mut out = std::io::BufWriter::new(std::io::sink());
    write_compare(&report, Format::Json, Painter::PLAIN, &mut out).unwrap();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for bundles in [1_000, 10_000, 100_000] {
        let text = catalogue(bundles, 300, 1);
        group.throughput(Throughput::Elements(bundles as u64));
        group.bench_with_input(BenchmarkId::new("parse only", bundles), &text, |b, text| {
            b.iter(|| toml::de::DeTable::parse(black_box(text)).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("compare json", bundles),
            &text,
            |b, text| b.iter(|| compare_json(black_box(text))),
        );
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
