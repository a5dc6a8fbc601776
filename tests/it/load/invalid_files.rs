//! Every validation rule of the bundles file: refused with exit 65 at the right place.

use crate::support::{Sandbox, fixture};
use predicates::prelude::*;

/// (fixture, the message, the place `FILE:LINE:COL`, the help line if any)
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "person_me",
        "`me` is you (the profile's wants): give this person another id",
        "4:9",
        None,
    ),
    (
        "person_unknown_service",
        "unknown service `qq_muisc` in `people.mum.wants`",
        "5:10",
        Some("did you mean `qq_music`?"),
    ),
    (
        "person_wants_nothing",
        "person `mum` wants nothing: list at least one service",
        "5:9",
        None,
    ),
    (
        "person_no_wants",
        "person `mum` has no `wants`",
        "4:9",
        None,
    ),
    (
        "person_twice",
        "this is not valid TOML: duplicate key",
        "7:9",
        None,
    ),
    (
        "split_unknown_person",
        "unknown person `mun` in `household.split`",
        "11:20",
        Some("did you mean `mum`?"),
    ),
    (
        "split_negative_weight",
        "`household.split.mum` must not be negative",
        "11:26",
        None,
    ),
    (
        "split_unknown_rule",
        "unknown rule `equal_saving` in `household.split`",
        "5:9",
        Some("did you mean `equal_savings`?"),
    ),
    (
        "split_not_a_rule",
        "`household.split` must be a rule's name such as \"fair\" or weights such as { me = 60, mum = 40 }, found an integer",
        "5:9",
        None,
    ),
    (
        "seats_zero",
        "`services.a.seats` must be a whole number of people, from 1 to 10,000",
        "3:9",
        None,
    ),
    (
        "seats_not_integer",
        "`services.a.seats` must be a whole number of people, from 1 to 10,000",
        "3:9",
        None,
    ),
    (
        "unknown_key",
        "unknown key `prise` in service `a`",
        "3:1",
        Some("did you mean `price`?"),
    ),
    (
        "duplicate_id",
        "`a` is both a service and a bundle",
        "4:10",
        None,
    ),
    (
        "unknown_service",
        "unknown service `qq_muisc` in bundle `b`",
        "6:13",
        Some("did you mean `qq_music`?"),
    ),
    (
        "service_twice",
        "service `a` appears more than once in bundle `b`",
        "6:30",
        None,
    ),
    (
        "empty_includes",
        "bundle `b` includes nothing",
        "6:12",
        None,
    ),
    (
        "missing_includes",
        "bundle `b` has no `includes`",
        "4:10",
        None,
    ),
    (
        "small_group",
        "a `one_of` group in bundle `g` needs at least two services",
        "8:15",
        None,
    ),
    (
        "negative",
        "`services.a.price` must not be negative",
        "2:9",
        None,
    ),
    (
        "nan",
        "`services.a.price` must be a finite number",
        "2:9",
        None,
    ),
    (
        "infinite",
        "`services.a.price` must be a finite number",
        "2:9",
        None,
    ),
    (
        "too_precise",
        "`services.a.price` has more than 28 significant digits",
        "2:9",
        None,
    ),
    ("too_large", "`services.a.price` is too large", "2:9", None),
    (
        "not_a_number",
        "`services.a.price` is not a number",
        "2:9",
        None,
    ),
    (
        "wrong_type",
        "`services.a.price` must be a number or a string",
        "2:9",
        None,
    ),
    ("missing_price", "service `a` has no `price`", "1:11", None),
    (
        "bad_period",
        "unknown period `fortnight` in `services.a.period`",
        "3:10",
        None,
    ),
    (
        "bad_basis",
        "unknown period `yeer` in basis",
        "1:9",
        Some("did you mean `year`?"),
    ),
    (
        "bad_currency",
        "`currency` must be an ISO 4217 code",
        "1:12",
        None,
    ),
    (
        "bad_condition",
        "bad tier condition `taoqi => 1000` in bundle `b`",
        "6:19",
        None,
    ),
    ("bad_fact", "fact `taoqi` is not a number", "5:9", None),
    (
        "bad_include",
        "each entry of `includes` is a service id or a group",
        "6:18",
        None,
    ),
    (
        "unknown_want",
        "unknown service `b` in `profile.wants`",
        "5:10",
        None,
    ),
    (
        "pick_not_in_group",
        "`a` is not in a `one_of` group of bundle `x`",
        "11:16",
        None,
    ),
    (
        "pick_unknown_bundle",
        "unknown bundle `y` in `profile.picks`",
        "9:11",
        Some("did you mean `x`?"),
    ),
    (
        "duplicate_table",
        "this is not valid TOML: duplicate key",
        "4:11",
        None,
    ),
    // More ways to buy a service (docs/reference/file-format.md, "Other ways to buy").
    (
        "way_negative",
        "`services.a.other_prices[0].price` must not be negative",
        "4:13",
        None,
    ),
    (
        "way_bad_period",
        "unknown period `fortnight` in `services.a.other_prices[0].period`",
        "3:40",
        Some("periods are: year, half_year, quarter, month, week, day"),
    ),
    (
        "way_no_price",
        "`services.a.other_prices[0]` has no `price`",
        "3:18",
        None,
    ),
    (
        "way_label_twice",
        "service `a` has two ways to buy it labelled `yearly`",
        "6:24",
        None,
    ),
    (
        "way_unknown_key",
        "unknown key `perod` in `services.a.other_prices[0]`",
        "3:31",
        Some("did you mean `period`?"),
    ),
    (
        "way_not_a_list",
        "`services.a.other_prices` must be a list",
        "3:16",
        None,
    ),
    (
        "way_not_a_table",
        "`services.a.other_prices[0]` must be a table",
        "3:18",
        None,
    ),
    (
        "label_not_a_string",
        "`services.a.label` must be a string, found an integer",
        "3:9",
        None,
    ),
    // Benefits valued from the user's facts (docs/reference/file-format.md, "Benefits").
    (
        "benefit_rate_above_one",
        "`services.d.value.rate` must be between 0 and 1",
        "2:34",
        None,
    ),
    (
        "benefit_rate_negative",
        "`services.d.value.rate` must not be negative",
        "2:34",
        None,
    ),
    (
        "benefit_max_negative",
        "`services.d.value.max` must not be negative",
        "2:46",
        None,
    ),
    (
        "benefit_sold_alone",
        "benefit `d` needs `sold_alone = false`",
        "2:1",
        Some("a benefit comes with bundles and is not bought alone: add `sold_alone = false`"),
    ),
    (
        "benefit_and_price",
        "service `d` has both `price` and `value`",
        "3:1",
        None,
    ),
    (
        "benefit_other_prices",
        "benefit `d` cannot have `other_prices`: it has no price",
        "4:1",
        None,
    ),
    (
        "benefit_no_fact",
        "`services.d.value` has no `fact`",
        "2:9",
        None,
    ),
    (
        "benefit_no_rate",
        "`services.d.value` has no `rate`",
        "2:9",
        None,
    ),
    (
        "benefit_unknown_key",
        "unknown key `cap` in `services.d.value`",
        "2:40",
        None,
    ),
    (
        "benefit_not_a_table",
        "`services.d.value` must be a table",
        "2:9",
        None,
    ),
    (
        "benefit_fact_not_a_string",
        "`services.d.value.fact` must be a string, found an integer",
        "2:18",
        None,
    ),
];

#[test]
fn every_rule_is_refused_with_exit_65_at_its_line_and_column() {
    let sandbox = Sandbox::new();
    for (name, message, place, help) in CASES {
        let path = fixture(&format!("invalid/{name}.toml"));
        let output = sandbox
            .command()
            .args(["--compare", "--file"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(65), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {message}")),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("--> {}:{place}\n", path.display())),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains(" | ") && stderr.contains('^'),
            "{name} has no caret: {stderr}"
        );
        if let Some(help) = help {
            assert!(
                stderr.contains(&format!("= help: {help}")),
                "{name}: {stderr}"
            );
        }
        assert!(output.stdout.is_empty(), "{name} printed figures");
    }
}

#[test]
fn check_reports_every_problem_not_just_the_first_in_file_order() {
    let path = fixture("invalid/many_problems.toml");
    let output = Sandbox::new()
        .command()
        .arg("--check")
        .arg("--file")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let places: Vec<&str> = stderr.lines().filter(|l| l.contains("--> ")).collect();
    let file = path.display();
    assert_eq!(
        places,
        [
            format!(" --> {file}:2:9"),
            format!(" --> {file}:4:11"),
            format!(" --> {file}:5:1"),
            format!(" --> {file}:9:18"),
        ]
    );
    assert!(stderr.ends_with(&format!("4 problems found in {file}\n")));
}

#[test]
fn the_caret_sits_under_the_span_of_wide_text() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "wide.toml",
        "[services.a]\nname = \"优酷\"\nprice = \"五\"\n",
    );
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "3 | price = \"五\"\n  |         ^^^^\n",
        ));
}

/// Inputs meant to crash a parser: each must be refused cleanly with exit 65.
#[test]
fn hostile_input_is_refused_without_crashing() {
    let sandbox = Sandbox::new();
    let deep = format!("a = {}", "[".repeat(200_000));
    let huge_string = format!(
        "[services.a]\nprice = 1\nnote = \"{}\"\nbad = 1\n",
        "x".repeat(4 * 1024 * 1024)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("deep.toml", deep.into_bytes(), "not valid TOML"),
        // A long string costs the parser little: the file is read, and its mistake found.
        ("huge.toml", huge_string.into_bytes(), "unknown key `bad`"),
        (
            "latin1.toml",
            b"[services.a]\nname = \"caf\xe9\"\nprice = 1\n".to_vec(),
            "not UTF-8",
        ),
        (
            "nul.toml",
            b"[services.a]\nprice = 1\x00\n".to_vec(),
            "not valid TOML",
        ),
        (
            "nul_string.toml",
            b"[services.a]\nname = \"a\x00b\"\nprice = 1\n".to_vec(),
            "not valid TOML",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = sandbox.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = sandbox
            .command()
            .arg("--compare")
            .arg("--file")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(65),
            "{name}: {}",
            &stderr[..stderr.len().min(500)]
        );
        assert!(stderr.starts_with("error: "), "{name}");
        assert!(
            stderr.contains(message),
            "{name}: {}",
            &stderr[..stderr.len().min(500)]
        );
        assert!(!stderr.contains("panicked"), "{name}");
    }
}

#[test]
fn non_utf8_is_reported_at_the_bad_byte() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("latin1.toml");
    std::fs::write(&path, b"[services.a]\nname = \"caf\xe9\"\nprice = 1\n").unwrap();
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(format!(
            "--> {}:2:12",
            path.display()
        )));
}

/// Inputs the fuzzer once crashed on: each is now refused cleanly.
#[test]
fn fuzzer_findings_are_refused_cleanly() {
    let folder = fixture("fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let output = Sandbox::new()
            .command()
            .args(["--check", "--file"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(65),
            "{}: {stderr}",
            path.display()
        );
        assert!(
            stderr.starts_with("error: ") && !stderr.contains("panicked"),
            "{}: {stderr}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen > 0, "no fuzz fixtures found");
}

/// A file with thousands of mistakes lists the first hundred, in file order, and says
/// how many there are in all.
#[test]
fn a_file_of_many_mistakes_lists_the_first_hundred_and_counts_all() {
    let sandbox = Sandbox::new();
    let services: String = (0..2_500)
        .map(|s| format!("[services.s{s}]\nprise = 1\n"))
        .collect();
    let path = sandbox.write("typos.toml", &services);
    let output = sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let file = path.display();
    let places: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("--> "))
        .map(str::trim_start)
        .collect();
    // Each service has two problems: the unknown `prise` (line 2) and no `price` (line 1).
    assert_eq!(places.len(), 101, "100 listed, then the note");
    assert_eq!(places[0], format!("--> {file}:1:11"));
    assert_eq!(places[1], format!("--> {file}:2:1"));
    assert_eq!(places[99], format!("--> {file}:100:1"));
    assert_eq!(places[100], format!("--> {file}"));
    assert!(
        stderr
            .contains("error: and 4900 more problems, not listed (5000 in all): fix these first\n")
    );
    assert!(stderr.ends_with(&format!("5000 problems found in {file}\n")));
}
