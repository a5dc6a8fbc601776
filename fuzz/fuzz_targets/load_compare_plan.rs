//! Any bytes as a bundles file: load, compare, plan and render must never panic, and
//! reading in pieces must agree with reading the whole file.
#![no_main]

use bundlecalc::calc::{Scenario, SortKey, compare, sort_bundles};
use bundlecalc::load::{parse_catalog, parse_in_pieces, parse_whole};
use bundlecalc::plan::plan;
use bundlecalc::report::{CompareReport, Format, Painter, PlanReport, render_compare, render_plan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    // Reading in pieces saves memory and must never change the answer; only when a
    // piece is not valid TOML may the whole file report another TOML error first.
    if let Ok(by_pieces) = parse_in_pieces(text, 1) {
        let whole = parse_whole(text);
        let not_toml = |problems: &[bundlecalc::diagnostic::Diagnostic]| {
            problems.len() == 1 && problems[0].message.starts_with("this is not valid TOML")
        };
        match (&by_pieces, &whole) {
            (Err(pieces), Err(whole)) if not_toml(pieces) => {
                assert!(not_toml(whole), "pieces and whole file disagree")
            }
            _ => assert_eq!(by_pieces, whole, "pieces and whole file disagree"),
        }
    }
    let catalog = match parse_catalog(text) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for problem in &problems {
                let _ = problem.render("fuzz.toml", text);
            }
            return;
        }
    };
    let scenario = Scenario::from_catalog(&catalog);
    let mut comparison = compare(&catalog, &scenario);
    sort_bundles(&mut comparison.bundles, SortKey::Name, &catalog);
    let report = CompareReport {
        catalog: &catalog,
        file: "fuzz.toml",
        basis: scenario.basis,
        sort: SortKey::Name,
        reverse: false,
        comparison: &comparison,
    };
    let _ = render_compare(&report, Format::Json, Painter::PLAIN);
    let _ = render_compare(&report, Format::Table, Painter::PLAIN);
    // Plans grow as 2^wants: keep each run quick.
    if scenario.wants.as_ref().is_some_and(|w| w.len() <= 12) {
        if let Ok(found) = plan(&catalog, &scenario) {
            let report = PlanReport { catalog: &catalog, basis: scenario.basis, plan: &found };
            let _ = render_plan(&report, Format::Json, Painter::PLAIN);
        }
    }
});
