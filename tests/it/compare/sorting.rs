//! `--sort`: money and percentages descending, names ascending, ties in file order.

use crate::support::{Sandbox, compare_json, fixture};

fn order(sort: &str) -> Vec<String> {
    order_with(&["--sort", sort])
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

/// The bundle ids of `sorting.toml`, compared with `args`, in the order shown.
fn order_with(args: &[&str]) -> Vec<String> {
    let sandbox = Sandbox::new();
    let file = fixture("sorting.toml");
    let mut all = vec!["--file", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let json = compare_json(&sandbox, &all);
    json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn personal_sorts_by_personal_savings_and_reverse_turns_it_round() {
    // Wanting only b (50.00): zeta 0 - 60 = -60, alpha 50 - 10 = 40,
    // mid 50 - 90 = -40, free 0 - 5 = -5.
    let wants = ["--want", "b", "--sort", "personal"];
    assert_eq!(order_with(&wants), ["alpha", "free", "mid", "zeta"]);
    let mut reversed = wants.to_vec();
    reversed.push("--reverse");
    assert_eq!(order_with(&reversed), ["zeta", "mid", "free", "alpha"]);
}

#[test]
fn reverse_keeps_ties_in_file_order_and_missing_figures_last() {
    // Savings ascending: free -5, then zeta and alpha tied at 40 (file order), mid 60.
    assert_eq!(
        order_with(&["--sort", "savings", "--reverse"]),
        ["free", "zeta", "alpha", "mid"]
    );
    // Savings % ascending, free (no percentage) still last; zeta and mid tie at 40 %.
    assert_eq!(
        order_with(&["--sort", "savings_pct", "--reverse"]),
        ["zeta", "mid", "alpha", "free"]
    );
    // File order from the end; names from Z to A.
    assert_eq!(order_with(&["--reverse"]), ["free", "mid", "alpha", "zeta"]);
    assert_eq!(
        order_with(&["--sort", "name", "--reverse"]),
        ["zeta", "mid", "free", "alpha"]
    );
}

#[test]
fn personal_without_wants_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let file = fixture("sorting.toml");
    sandbox
        .command()
        .args(["--compare", "--sort", "personal", "--file"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--sort personal sorts by personal savings, which need wanted services",
        ));
}
