//! Messages that say exactly what is wrong: the right reason, the right place, and
//! a help line only when it has something to say.

use crate::support::Sandbox;
use predicates::prelude::*;

#[test]
fn a_tiny_amount_is_refused_for_its_decimal_places() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 0.0000000000000000000000000000001\n",
    );
    let output = sandbox.command().arg("--check").output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("more than 28 digits after the decimal point"),
        "{stderr}"
    );
    assert!(!stderr.contains("significant digits"), "{stderr}");
    assert!(stderr.contains("bundles.toml:2:9"), "{stderr}");
}

#[test]
fn a_byte_order_mark_shifts_no_column_and_is_not_shown() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", "\u{feff}currency = 5\n");
    let output = sandbox.command().arg("--check").output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--> bundles.toml:1:12"), "{stderr}");
    assert!(stderr.contains("1 | currency = 5\n"), "{stderr}");
    assert!(stderr.contains("  |            ^"), "{stderr}");
    assert!(!stderr.contains('\u{feff}'), "{stderr}");
}

#[test]
fn no_help_lists_an_empty_set_of_services() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", "currency = \"CNY\"\n");
    let output = sandbox
        .command()
        .args(["--compare", "--want", "youku"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains("are: \n") && !stderr.ends_with("are: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: the file has no services"),
        "{stderr}"
    );
}

#[test]
fn init_to_another_name_says_to_use_it_with_file() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--init", "mine.toml"])
        .assert()
        .success()
        .stdout("wrote mine.toml: edit it, then run `bundlecalc --file mine.toml`\n");
    sandbox
        .command()
        .arg("--init")
        .assert()
        .success()
        .stdout("wrote bundles.toml: edit it, then run bundlecalc in this folder\n");
}

#[test]
fn set_of_a_fact_no_tier_tests_exits_2_with_a_suggestion() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--compare", "--set", "TaoQi=500"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--set `TaoQi`: no price tier or benefit tests",
        ))
        .stderr(predicate::str::contains("help: did you mean `taoqi`?"));
    sandbox
        .command()
        .args(["--compare", "--set", "height=180"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "help: the facts the file tests are: taoqi, tmall_spend",
        ));
}

#[test]
fn want_of_an_unknown_id_exits_2_and_names_a_bundle_as_a_bundle() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--compare", "--want", "QQ_Music"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown service `QQ_Music`"))
        .stderr(predicate::str::contains("did you mean `qq_music`?"));
    sandbox
        .command()
        .args(["--plan", "--want", "jingteng"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`jingteng` is a bundle, not a service",
        ))
        .stderr(predicate::str::contains("includes tencent_video, jd_plus"));
}

#[test]
fn check_format_json_lists_every_problem_for_editors() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bad.toml",
        "[services.a]\nprice = -1\n\n[services.b]\nprise = 5\n",
    );
    let output = sandbox
        .command()
        .args(["--check", "--format", "json", "--file", "bad.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        problems,
        serde_json::json!([
            {"file": "bad.toml", "line": 2, "column": 9,
             "message": "`services.a.price` must not be negative", "help": null},
            {"file": "bad.toml", "line": 4, "column": 11,
             "message": "service `b` has no `price`", "help": null},
            {"file": "bad.toml", "line": 5, "column": 1,
             "message": "unknown key `prise` in service `b`", "help": "did you mean `price`?"},
        ])
    );
    // A valid file: an empty list, exit 0.
    sandbox
        .command()
        .args(["--check", "--format", "json"])
        .assert()
        .success()
        .stdout("[]\n");
    // Not TOML at all: still one problem with its place.
    sandbox.write("broken.toml", "[services.a\nprice = 1\n");
    let output = sandbox
        .command()
        .args(["--check", "--format", "json", "--file", "broken.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(problems[0]["line"], 1);
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("not valid TOML")
    );
}

#[test]
fn an_unknown_status_is_refused_with_its_place_and_a_suggestion() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1\nstatus = \"rumored\"\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\nstatus = 3\n",
    );
    let output = sandbox.command().arg("--check").output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("error: unknown status `rumored` in `services.a.status`"),
        "{stderr}"
    );
    assert!(stderr.contains("bundles.toml:3:10"), "{stderr}");
    assert!(stderr.contains("did you mean `rumoured`?"), "{stderr}");
    assert!(
        stderr.contains("`bundles.b.status` must be a status name"),
        "{stderr}"
    );
    assert!(stderr.contains("bundles.toml:7:10"), "{stderr}");
}
