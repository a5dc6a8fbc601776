//! Writes a generated bundles file:
//! `cargo run --release --example generate -- BUNDLES [SERVICES] [SEED] [tables|grouped|hard]`
//! (`hard`: a quarter of the prices free, the rest from a few dozen values).

use bundlecalc_core::synthetic::files::{Layout, catalogue_in, hard_catalogue};

fn main() {
    let usage = "usage: generate BUNDLES [SERVICES] [SEED] [tables|grouped|hard]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |at: usize, default: u64| match args.get(at) {
        Some(text) => text.parse::<u64>().expect(usage),
        None => default,
    };
    let bundles = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let services = number(1, 300) as usize;
    let seed = number(2, 1);
    let text = match args.get(3).map(String::as_str) {
        None | Some("tables") => catalogue_in(Layout::Tables, bundles, services, seed),
        Some("grouped") => catalogue_in(Layout::Grouped, bundles, services, seed),
        Some("hard") => hard_catalogue(bundles, services, seed),
        Some(_) => panic!("{usage}"),
    };
    print!("{text}");
}
