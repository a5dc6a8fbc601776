//! Writes a generated bundles file: `cargo run --release --example generate -- BUNDLES [SERVICES] [SEED]`.

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    let usage = "usage: generate BUNDLES [SERVICES] [SEED]";
    let bundles = args.next().and_then(Result::ok).expect(usage) as usize;
    let services = args.next().and_then(Result::ok).unwrap_or(300) as usize;
    let seed = args.next().and_then(Result::ok).unwrap_or(1);
    print!(
        "{}",
        bundlecalc::synthetic::catalogue(bundles, services, seed)
    );
}
