//! No input makes reading a file take memory beyond a small multiple of the file:
//! the peak of live heap bytes while a file is parsed, counted by a wrapping
//! allocator (so the measure is exact and repeatable, not a timing).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use bundlecalc::edit::{Edit, apply_edits};
use bundlecalc::load::{WHOLE_FILE_LIMIT, parse_catalog};
use bundlecalc::synthetic::{Layout as FileLayout, catalogue_in};

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

fn parse_peak(text: &str) -> usize {
    peak_of(|| parse_catalog(text))
}

/// One test, so that no other test allocates while a peak is measured.
#[test]
fn memory_stays_a_small_multiple_of_the_file() {
    let unknown_tables: String = (0..50_000)
        .map(|t| format!("[an_unknown_table_{t}]\n"))
        .collect();
    let dotted_services: String = std::iter::once("[services]\n".to_string())
        .chain((0..100_000).map(|s| format!("s{s}.price=1\n")))
        .collect();
    let cases: Vec<(&str, String, usize)> = vec![
        // (what, file, most bytes of memory per byte of file)
        (
            "tables",
            catalogue_in(FileLayout::Tables, 9_000, 300, 1),
            10,
        ),
        (
            "grouped",
            catalogue_in(FileLayout::Grouped, 9_000, 300, 1),
            8,
        ),
        // The catalogue itself is the most there is: a service for every 12 bytes.
        ("shortest services", dotted_services, 24),
        ("unknown tables", unknown_tables, 8),
        ("blank lines", "\n".repeat(2 << 20), 2),
        // The parser reserves room for tokens by length (2/7 of a 24-byte token per
        // byte); pages never written are never resident, so this counts high.
        ("one comment", format!("#{}\n", "x".repeat(2 << 20)), 8),
        (
            "long strings",
            format!(
                "[services.a]\nprice = 1\nnote = \"{}\"\n",
                "长".repeat(1 << 20)
            ),
            8,
        ),
    ];
    for (what, text, most) in cases {
        assert!(text.len() > WHOLE_FILE_LIMIT, "{what}: read in pieces");
        let peak = parse_peak(&text);
        let per_byte = peak as f64 / text.len() as f64;
        println!(
            "{what}: {} bytes, peak {peak} ({per_byte:.1} per byte)",
            text.len()
        );
        assert!(
            peak <= most * text.len(),
            "{what}: {peak} bytes at the peak for {} bytes of file",
            text.len()
        );
    }
    // Saving an edit into a large file edits only the piece that holds it (the
    // editing parser's tree of the whole file would be about 50 times the file).
    let large = catalogue_in(FileLayout::Grouped, 9_000, 300, 1);
    let edit = Edit::BundlePrice {
        id: "b8000".into(),
        price: "12.5".parse().unwrap(),
    };
    let peak = peak_of(|| apply_edits(&large, std::slice::from_ref(&edit)).unwrap());
    println!("edit: {} bytes, peak {peak}", large.len());
    assert!(peak <= 4 * large.len(), "editing took {peak} bytes");
    // A file parsed whole costs the parser's tree, about 35 times a file that is at
    // most WHOLE_FILE_LIMIT: bounded whatever the input.
    let small = catalogue_in(FileLayout::Tables, 6_000, 300, 1);
    assert!(small.len() <= WHOLE_FILE_LIMIT);
    assert!(parse_peak(&small) <= 40 * WHOLE_FILE_LIMIT);
}
