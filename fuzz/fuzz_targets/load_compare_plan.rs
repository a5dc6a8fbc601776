//! Any bytes as a bundles file: load, compare, plan and render must never panic, and
//! whatever loads holds only amounts and facts within their bounds (docs/reference/file-format.md).
#![no_main]

use bundlecalc::diagnostic::parse_catalog;
use bundlecalc::report::Format;
use bundlecalc::report::compare::{CompareReport, render_compare};
use bundlecalc::report::paint::Painter;
use bundlecalc::report::plan::{PlanReport, render_plan};
use bundlecalc_core::amount::{MAX_AMOUNT, MAX_FACT};
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::sort::{SortKey, sort_bundles};
use bundlecalc_core::plan::plan;
use bundlecalc_core::scenario::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let catalog = match parse_catalog(text) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for problem in &problems {
                let _ = problem.render("fuzz.toml", text);
            }
            return;
        }
    };
    let amount = |a: &rust_decimal::Decimal| !a.is_sign_negative() && *a <= MAX_AMOUNT;
    for service in &catalog.services {
        assert!(amount(&service.price), "{} out of bounds", service.id);
        assert!(service.other_prices.iter().all(|w| amount(&w.price)));
    }
    for bundle in &catalog.bundles {
        assert!(amount(&bundle.price) && bundle.tiers.iter().all(|t| amount(&t.price)));
    }
    assert!(catalog.profile.facts.values().all(|f| f.abs() <= MAX_FACT));
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
            let report = PlanReport {
                catalog: &catalog,
                basis: scenario.basis,
                plan: &found,
                what_ifs: None,
            };
            let _ = render_plan(&report, Format::Json, Painter::PLAIN);
        }
    }
});
