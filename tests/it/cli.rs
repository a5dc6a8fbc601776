//! The headless command line, run as a real process.

use crate::support::{Sandbox, bundle, compare_json, fixture};
use predicates::prelude::*;

#[test]
fn from_an_empty_folder_the_built_in_offers_are_compared() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &[]);
    assert_eq!(json["file"], "(built-in)");
    assert_eq!(json["currency"], "CNY");
    assert_eq!(json["basis"], "year");
    let ids: Vec<&str> = json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["88vip", "qq_music_green", "jingteng"]);
    assert_eq!(bundle(&json, "88vip")["price"], "88.00");
    assert_eq!(bundle(&json, "88vip")["price_rule"], "taoqi >= 1000");
    assert_eq!(bundle(&json, "qq_music_green")["price"], "188.00");
    assert_eq!(bundle(&json, "jingteng")["price"], "136.00");
}

#[test]
fn a_low_taoqi_pays_888_for_88vip() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["--set", "taoqi=500"]);
    let vip = bundle(&json, "88vip");
    assert_eq!(vip["price"], "888.00");
    assert_eq!(vip["price_rule"], serde_json::Value::Null);
    // 638.00 of services for 888.00: a loss of 250.00, -39.18 %.
    assert_eq!(vip["standalone_value"], "638.00");
    assert_eq!(vip["savings"], "-250.00");
    assert_eq!(vip["savings_pct"], "-39.18");
}

#[test]
fn the_table_shows_the_offers_with_yuan_signs() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .arg("--compare")
        .assert()
        .success()
        .stdout(predicate::str::contains("Taobao 88VIP (淘宝88VIP)"))
        .stdout(predicate::str::contains("¥88.00"))
        .stdout(predicate::str::contains("+¥550.00"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn init_writes_the_built_in_file_once_then_refuses() {
    let sandbox = Sandbox::new();
    sandbox.command().arg("--init").assert().success();
    let written = std::fs::read_to_string(sandbox.path().join("bundles.toml")).unwrap();
    assert_eq!(
        written,
        std::fs::read_to_string(fixture("../../bundles.toml")).unwrap()
    );
    std::fs::write(sandbox.path().join("bundles.toml"), "# mine\n").unwrap();
    sandbox
        .command()
        .arg("--init")
        .assert()
        .code(73)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(sandbox.path().join("bundles.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn init_to_a_folder_that_cannot_be_written_exits_74() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--init", "no/such/folder/bundles.toml"])
        .assert()
        .code(74)
        .stderr(predicate::str::starts_with("error: cannot write"));
}

/// Help and version are output like any other: a full standard output is
/// said, with 74, not taken for success.
#[test]
fn help_and_version_that_cannot_be_written_exit_74() {
    let sandbox = Sandbox::new();
    for args in [&["--help"][..], &["--version"], &["completions", "--help"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_bundlecalc"))
            .current_dir(sandbox.path())
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(74), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("error: cannot write `standard output`"),
            "{stderr}"
        );
        // Written where it can be, it succeeds.
        let output = sandbox.command().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(!output.stdout.is_empty());
    }
}

#[test]
fn a_local_bundles_file_wins_over_the_built_in_one() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1\n[bundles.only]\nprice = 1\nincludes = [\"a\"]\n",
    );
    let json = compare_json(&sandbox, &[]);
    assert_eq!(json["file"], "bundles.toml");
    assert_eq!(json["bundles"].as_array().unwrap().len(), 1);
}

#[test]
fn the_environment_and_user_config_are_searched_in_order() {
    let sandbox = Sandbox::new();
    let config = sandbox.path().join("config/bundlecalc");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("bundles.toml"),
        "[services.a]\nprice = 1\n[bundles.from_config]\nprice = 1\nincludes = [\"a\"]\n",
    )
    .unwrap();
    let json = compare_json(&sandbox, &[]);
    assert_eq!(json["bundles"][0]["id"], "from_config");

    let env_file = sandbox.write(
        "env.toml",
        "[services.a]\nprice = 1\n[bundles.from_env]\nprice = 1\nincludes = [\"a\"]\n",
    );
    let output = sandbox
        .command()
        .env("BUNDLECALC_FILE", &env_file)
        .args(["--compare", "--format", "csv"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("from_env,")
    );
}

#[test]
fn monthly_19_9_is_238_80_a_year_and_weekly_10_is_521_43() {
    let sandbox = Sandbox::new();
    let file = fixture("exact.toml");
    let json = compare_json(&sandbox, &["--file", file.to_str().unwrap()]);
    let small = bundle(&json, "small");
    assert_eq!(small["services"][0]["standalone_price"], "238.80");
    assert_eq!(small["services"][1]["standalone_price"], "521.43");
    assert_eq!(small["standalone_value"], "760.23");
}

#[test]
fn point_one_plus_point_two_in_a_point_three_bundle_saves_exactly_nothing() {
    let sandbox = Sandbox::new();
    let file = fixture("exact.toml");
    let json = compare_json(&sandbox, &["--file", file.to_str().unwrap()]);
    let tenths = bundle(&json, "tenths");
    assert_eq!(tenths["standalone_value"], "0.30");
    assert_eq!(tenths["savings"], "0.00");
    assert_eq!(tenths["savings_pct"], "0.00");
    assert_eq!(tenths["services"][0]["effective_cost"], "0.10");
    assert_eq!(tenths["services"][1]["effective_cost"], "0.20");
}

#[test]
fn exponent_and_underscore_floats_read_exactly() {
    let sandbox = Sandbox::new();
    let file = fixture("exact.toml");
    let json = compare_json(&sandbox, &["--file", file.to_str().unwrap()]);
    let big = bundle(&json, "big");
    assert_eq!(big["services"][0]["standalone_price"], "1000.00");
    assert_eq!(big["services"][1]["standalone_price"], "1000.50");
    assert_eq!(big["standalone_value"], "2000.50");
    assert_eq!(big["savings"], "0.00");
}

#[test]
fn per_converts_every_figure_to_the_period() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["--per", "month"]);
    assert_eq!(json["basis"], "month");
    // 88 / 12 = 7.333... -> 7.33; each service converted and rounded once:
    // 238 / 12 = 19.83, 10, 100 / 12 = 8.33, 0 and 15, 53.16 in all.
    assert_eq!(bundle(&json, "88vip")["price"], "7.33");
    assert_eq!(bundle(&json, "88vip")["standalone_value"], "53.16");
    let json = compare_json(&sandbox, &["--per", "half_year"]);
    assert_eq!(bundle(&json, "88vip")["price"], "44.00");
}

#[test]
fn want_replaces_the_profile_and_an_empty_list_means_no_wants() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["--want", "eleme"]);
    let vip = bundle(&json, "88vip");
    assert_eq!(vip["personal_value"], "120.00");
    assert_eq!(vip["personal_savings"], "32.00");
    assert_eq!(vip["services"][1]["personal_cost"], "88.00");
    assert_eq!(vip["services"][0]["wanted"], false);

    let json = compare_json(&sandbox, &["--want", ""]);
    let vip = bundle(&json, "88vip");
    assert_eq!(vip["personal_value"], serde_json::Value::Null);
    assert_eq!(vip["services"][0]["wanted"], serde_json::Value::Null);
}

#[test]
fn compare_with_ids_shows_only_those_bundles() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["jingteng", "88vip"]);
    let ids: Vec<&str> = json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["88vip", "jingteng"]);
}

#[test]
fn an_unknown_compare_id_is_a_usage_error_with_a_suggestion() {
    Sandbox::new()
        .command()
        .args(["--compare", "88vpi"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: unknown bundle `88vpi`"))
        .stderr(predicate::str::contains("did you mean `88vip`?"));
}

#[test]
fn a_service_given_to_compare_is_told_apart_with_the_bundles_that_include_it() {
    Sandbox::new()
        .command()
        .args(["--compare", "youku"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: `youku` is a service, not a bundle: --compare names bundles",
        ))
        .stderr(predicate::str::contains("bundles that include it: `88vip`"));
    Sandbox::new()
        .command()
        .args(["--compare", "youku", "--lang", "zh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`youku` 是服务，不是套餐"));
}

#[test]
fn bad_command_lines_exit_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["--bogus"][..],
        &["--compare", "--format", "xml"],
        &["--compare", "--per", "fortnight"],
        &["--compare", "--sort", "cost"],
        &["--compare", "--want", "netflix"],
        &["--compare", "--set", "taoqi"],
        &["--compare", "--set", "taoqi=lots"],
        &["--compare", "--set", "=5"],
        &["--compare", "--check"],
    ] {
        let output = sandbox.command().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("error"),
            "{args:?}"
        );
    }
}

#[test]
fn a_missing_file_exits_66() {
    Sandbox::new()
        .command()
        .args(["--compare", "--file", "missing.toml"])
        .assert()
        .code(66)
        .stderr(predicate::str::contains(
            "error: cannot read `missing.toml`",
        ));
}

#[test]
fn check_accepts_the_shipped_file() {
    Sandbox::new()
        .command()
        .arg("--check")
        .assert()
        .success()
        .stdout("(built-in): ok (10 services, 3 bundles)\n");
}

#[test]
fn help_lists_examples_and_version_prints() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--compare"));
    sandbox
        .command()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("bundlecalc "));
}

#[test]
fn without_a_terminal_the_screen_is_refused_with_a_hint() {
    Sandbox::new()
        .command()
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: the interactive screen needs a terminal; use `bundlecalc --compare` for text output\n");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "big.toml",
        &bundlecalc_core::synthetic::files::catalogue(2_000, 50, 1),
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("bundlecalc"))
        .args(["--compare", "--format", "json", "--file"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes, like `| head`
    let output = child.wait_with_output().unwrap();
    assert_eq!(&first[..2], b"{\n");
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// A path `$BUNDLECALC_FILE` names that cannot be read is reported with the
/// variable, so the user knows where it came from; `--file` says nothing of it.
#[test]
fn a_wrong_bundlecalc_file_names_the_variable() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path().join("gone.toml");
    sandbox
        .command()
        .args(["--compare"])
        .env("BUNDLECALC_FILE", &missing)
        .assert()
        .code(66)
        .stderr(predicate::str::contains(format!(
            "error: cannot read `{}`, the file $BUNDLECALC_FILE names:",
            missing.display()
        )));
    sandbox
        .command()
        .args(["--compare", "--lang", "zh"])
        .env("BUNDLECALC_FILE", &missing)
        .assert()
        .code(66)
        .stderr(predicate::str::contains(
            "无法读取 $BUNDLECALC_FILE 指定的文件",
        ));
    sandbox
        .command()
        .args(["--compare", "--file"])
        .arg(&missing)
        .assert()
        .code(66)
        .stderr(predicate::str::contains("BUNDLECALC_FILE").not());
}

/// `--check` counts in words that agree with the number: "1 service, 1 bundle".
#[test]
fn check_counts_one_in_the_singular() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "one.toml",
        "[services.a]\nprice = 1\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\n",
    );
    sandbox
        .command()
        .arg("--check")
        .arg("--file")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::ends_with(": ok (1 service, 1 bundle)\n"));
    sandbox
        .command()
        .arg("--check")
        .assert()
        .success()
        .stdout("(built-in): ok (10 services, 3 bundles)\n");
}

/// A date written in quotes is a string: the error says to drop the quotes.
#[test]
fn a_quoted_date_is_refused_with_the_hint_to_drop_the_quotes() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "q.toml",
        "[services.a]\nprice = 1\nas_of = \"2026-08-01\"\n",
    );
    sandbox
        .command()
        .arg("--check")
        .arg("--file")
        .arg(&file)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "= help: drop the quotes: 2026-08-01 is a date, \"2026-08-01\" is a string",
        ));
}

#[test]
fn a_mistake_in_the_command_line_is_told_in_the_language_asked() {
    let sandbox = Sandbox::new();
    let cases = [
        (
            &["--format", "yaml"][..],
            "错误：`--format <FORMAT>` 的值 `yaml` 无效：可选 table, json, csv, markdown",
            "error: invalid value 'yaml' for '--format <FORMAT>'",
        ),
        (
            &["--frmat", "json"],
            "错误：不认识的选项 `--frmat`：你是不是想写 `--format`？",
            "error: unexpected argument '--frmat' found",
        ),
        (
            &["--months"],
            "错误：`--months <N>` 后面要写一个值",
            "error: a value is required for '--months <N>' but none was supplied",
        ),
        (
            &["--plan", "--plan"],
            "错误：`--plan` 只能给一次",
            "error: the argument '--plan' cannot be used multiple times",
        ),
        (
            &["--compare", "--plan"],
            "错误：`--compare [<ID>...]` 不能与 `--plan` 同时使用",
            "error: the argument '--compare [<ID>...]' cannot be used with '--plan'",
        ),
    ];
    for (args, chinese, english) in cases {
        let zh = sandbox
            .command()
            .args(["--lang", "zh"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(zh.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&zh.stderr);
        assert!(stderr.starts_with(chinese), "{args:?}: {stderr}");
        assert!(
            stderr.contains("运行 `bundlecalc --help` 查看所有选项。"),
            "{stderr}"
        );
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
        assert!(zh.stdout.is_empty());

        let en = sandbox
            .command()
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(en.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&en.stderr);
        assert!(stderr.starts_with(english), "{args:?}: {stderr}");
    }
    // Help is not a mistake: standard output, exit 0, in either language.
    let help = sandbox
        .command()
        .args(["--lang", "zh", "--help"])
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("用法："));
}

#[test]
fn a_file_that_cannot_be_read_says_why_in_the_language_asked() {
    let sandbox = Sandbox::new();
    let compare = |lang: &str, file: &std::path::Path| {
        let output = sandbox
            .command()
            .args(["--lang", lang, "--compare", "--file"])
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(66), "{}", file.display());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let missing = sandbox.path().join("nope.toml");
    let stderr = compare("zh", &missing);
    assert!(stderr.contains("：文件或文件夹不存在"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    assert!(compare("zh", sandbox.path()).contains("：这是一个文件夹"));
    // English keeps the system's words.
    assert!(compare("en", &missing).contains("No such file or directory"));
}

#[test]
fn a_file_named_without_file_is_told_to_use_file_and_init_checks_the_dates_too() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", "currency = \"CNY\"\n");
    for (lang, said) in [
        ("en", "a file of offers is named with --file"),
        ("zh", "报价文件要用 --file 指定"),
    ] {
        let output = sandbox
            .command()
            .args(["--lang", lang, "bundles.toml"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains("--file bundles.toml"), "{stderr}");
    }
    let output = sandbox
        .command()
        .args(["--compare", "bundles.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--file bundles.toml"));
    // An id that is no file keeps the id's message.
    let output = sandbox.command().arg("88vip").output().unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("bundle ids are given only with --compare")
    );
    // `help` as other programs take it points to --help.
    let output = sandbox.command().arg("help").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("run `bundlecalc --help`"), "{stderr}");
    // --init writes nothing when --from or --today is wrong.
    for args in [["--from", "2027-13"], ["--today", "2027-02-30"]] {
        let output = sandbox
            .command()
            .args(["--init", "new.toml"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!sandbox.path().join("new.toml").exists(), "{args:?}");
    }
}

#[test]
fn control_characters_in_arguments_are_escaped_in_errors() {
    let sandbox = Sandbox::new();
    for args in [
        &["--compare", "b\u{1b}[31m"][..],
        &["--plan", "--want", "a\u{1b}[31m"],
        &["--calendar", "--from", "2027-\u{7}1"],
        &["--file", "x\u{1b}[31m"],
    ] {
        let output = sandbox.command().args(args).output().unwrap();
        let code = if args[0] == "--file" { 66 } else { 2 };
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{stderr:?}"
        );
        assert!(
            stderr.contains("\\u{1b}[31m") || stderr.contains("\\u{7}"),
            "{stderr:?}"
        );
    }
}
