//! Messages that say exactly what is wrong: the right reason, the right place, and
//! a help line only when it has something to say.

mod common;

use common::Sandbox;
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
            "--set `TaoQi`: no price tier tests",
        ))
        .stderr(predicate::str::contains("help: did you mean `taoqi`?"));
    sandbox
        .command()
        .args(["--compare", "--set", "height=180"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "help: the facts the file tests are: taoqi",
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
