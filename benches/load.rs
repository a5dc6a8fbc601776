//! Reading files of 1,000 and 10,000 bundles over 300 services, and the largest file
//! allowed (8 MiB): the parse floor (TOML to the toml crate's tree, nothing else)
//! against the whole `--compare --format json` path (load, validate, compute every
//! figure, write JSON). Before timing, it prints the peak heap of both on the
//! largest file, counted by a wrapping allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use bundlecalc::report::Format;
use bundlecalc::report::compare::{CompareReport, write_compare};
use bundlecalc::report::paint::Painter;
use bundlecalc_core::calc::sort::{SortKey, sort_bundles};
use bundlecalc_core::calc::{Comparison, compare};
use bundlecalc_core::load::parse::MAX_FILE_BYTES;
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::synthetic::files::catalogue;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap bytes `work` held at once, beyond what was live before.
fn peak_of(work: impl FnOnce()) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    work();
    PEAK.load(Ordering::Relaxed) - before
}

/// Every figure of every bundle, from the text: what a comparison knows before it
/// is written out.
fn load_compare(text: &str) -> (Catalog, Comparison) {
    let catalog = parse_catalog(text).unwrap();
    let scenario = Scenario::from_catalog(&catalog);
    let mut comparison = compare(&catalog, &scenario);
    sort_bundles(&mut comparison.bundles, SortKey::File, &catalog);
    (catalog, comparison)
}

/// What `bundlecalc --compare --format json` does after reading the file: the JSON
/// (about ten times the file) is streamed, as to standard output.
fn compare_json(text: &str) {
    let (catalog, comparison) = load_compare(text);
    let scenario = Scenario::from_catalog(&catalog);
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

/// The largest generated catalogue that the size limit lets in.
fn largest_allowed() -> (usize, String) {
    let per_bundle = catalogue(1_000, 300, 1).len() / 1_000;
    let mut bundles = MAX_FILE_BYTES / per_bundle;
    loop {
        let text = catalogue(bundles, 300, 1);
        if text.len() <= MAX_FILE_BYTES {
            return (bundles, text);
        }
        bundles -= bundles / 100;
    }
}

fn load(c: &mut Criterion) {
    let (largest, text) = largest_allowed();
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    let tree = peak_of(|| drop(toml::de::DeTable::parse(&text).unwrap()));
    let whole = peak_of(|| compare_json(&text));
    println!(
        "largest file allowed: {largest} bundles, {:.2} MiB; peak heap: parse only {:.0} MiB, \
         compare json {:.0} MiB ({:.2}× the parse)",
        mib(text.len()),
        mib(tree),
        mib(whole),
        whole as f64 / tree as f64
    );

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (bundles, text) in [
        (1_000, catalogue(1_000, 300, 1)),
        (10_000, catalogue(10_000, 300, 1)),
        (largest, text),
    ] {
        group.throughput(Throughput::Elements(bundles as u64));
        group.bench_with_input(BenchmarkId::new("parse only", bundles), &text, |b, text| {
            b.iter(|| toml::de::DeTable::parse(black_box(text)).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("load + compare", bundles),
            &text,
            |b, text| b.iter(|| load_compare(black_box(text))),
        );
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
