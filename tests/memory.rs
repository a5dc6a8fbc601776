//! Loading a file costs little beyond the toml crate's own tree of it: the peak of
//! live heap bytes while a file is loaded, against the peak of parsing it into a
//! tree alone, counted by a wrapping allocator (so the measure is exact and
//! repeatable, not a timing).
//!
//! Its own test binary, apart from `tests/it`: the counting allocator is the whole
//! process's (`#[global_allocator]`), and any test running beside this one would
//! allocate into the peak it measures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::synthetic::files::{Layout as FileLayout, catalogue_in};

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
fn peak_of<T>(work: impl FnOnce() -> T) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let done = work();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(done);
    peak
}

/// One test, so that no other test allocates while a peak is measured.
#[test]
fn loading_costs_at_most_four_times_the_parse_alone() {
    let dotted_services: String = std::iter::once("[services]\n".to_string())
        .chain((0..100_000).map(|s| format!("s{s}.price=1\n")))
        .collect();
    let cases: Vec<(&str, String)> = vec![
        ("tables", catalogue_in(FileLayout::Tables, 9_000, 300, 1)),
        ("grouped", catalogue_in(FileLayout::Grouped, 9_000, 300, 1)),
        // The catalogue itself is the most there is: a service for every 12 bytes.
        ("shortest services", dotted_services),
        (
            "long strings",
            format!(
                "[services.a]\nprice = 1\nnote = \"{}\"\n",
                "长".repeat(1 << 20)
            ),
        ),
    ];
    for (what, text) in cases {
        let tree = peak_of(|| toml::de::DeTable::parse(&text).unwrap());
        let load = peak_of(|| parse_catalog(&text).unwrap());
        println!(
            "{what}: {} bytes; the parse alone peaks at {tree}, loading at {load} ({:.2}×)",
            text.len(),
            load as f64 / tree as f64
        );
        assert!(load <= 4 * tree, "{what}: {load} bytes against {tree}");
        // TRAPS 18: the parser's tree is 40-68 bytes a byte of file.
        assert!(load <= 70 * text.len(), "{what}: {load} bytes");
    }
}
