//! Writes a generated bundles file:
//! `cargo run --release --example generate -- BUNDLES [SERVICES] [SEED] [tables|grouped]`.

use bundlecalc::synthetic::{Layout, catalogue_in};

fn main() {
    let usage = "usage: generate BUNDLES [SERVICES] [SEED] [tables|grouped]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |at: usize, default: u64| match args.get(at) {
        Some(text) => text.parse::<u64>().expect(usage),
        None => default,
    };
    let bundles = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let services = number(1, 300) as usize;
    let seed = number(2, 1);
    let layout = match args.get(3).map(String::as_str) {
        None | Some("tables") => Layout::Tables,
        Some("grouped") => Layout::Grouped,
        Some(_) => panic!("{usage}"),
    };
    print!("{}", catalogue_in(layout, bundles, services, seed));
}
