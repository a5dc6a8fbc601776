//! `--sort`: money and percentages descending, names ascending, ties in file order.

mod common;

use common::{Sandbox, compare_json, fixture};

fn order(sort: &str) -> Vec<String> {
    let sandbox = Sandbox::new();
    let file = fixture("sorting.toml");
    let json = compare_json(
        &sandbox,
        &["--file", file.to_str().unwrap(), "--sort", sort],
    );
    json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn file_order_is_the_order_of_the_tables() {
    assert_eq!(order("file"), ["zeta", "alpha", "mid", "free"]);
}

#[test]
fn savings_descend_and_ties_keep_file_order() {
    // zeta and alpha both save 40.00: zeta comes first in the file.
    assert_eq!(order("savings"), ["mid", "zeta", "alpha", "free"]);
}

#[test]
fn savings_pct_descends_with_no_percentage_last() {
    // alpha 80 %, zeta 40 %, mid 40 %, free has no standalone value.
    assert_eq!(order("savings_pct"), ["alpha", "zeta", "mid", "free"]);
}

#[test]
fn price_and_value_descend() {
    assert_eq!(order("price"), ["mid", "zeta", "alpha", "free"]);
    // values: zeta 100, alpha 50, mid 150, free 0
    assert_eq!(order("value"), ["mid", "zeta", "alpha", "free"]);
}

#[test]
fn names_ascend_ignoring_case() {
    // names: zeta, Alpha, mid, beta
    assert_eq!(order("name"), ["alpha", "free", "mid", "zeta"]);
}
