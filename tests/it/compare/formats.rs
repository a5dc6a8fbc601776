//! Snapshots of every `--compare` output format on the shipped offers, as of a
//! fixed day (so the note on old prices does not move with the clock).

use crate::support::Sandbox;

fn compare(args: &[&str]) -> String {
    let output = Sandbox::new()
        .command()
        .args(["--compare", "--today", "2026-11-30"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn json_has_the_shape_of_the_spec() {
    let text = compare(&["--format", "json"]);
    insta::assert_snapshot!("compare_json", text);
    // Every money value and percentage is a string with exactly two decimals.
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    for bundle in json["bundles"].as_array().unwrap() {
        for key in [
            "price",
            "standalone_value",
            "savings",
            "savings_pct",
            "personal_value",
            "personal_savings",
        ] {
            let value = bundle[key].as_str().unwrap();
            assert_eq!(
                value.split('.').nth(1).map(str::len),
                Some(2),
                "{key} = {value}"
            );
        }
    }
}

#[test]
fn json_without_wants_has_null_personal_figures_and_a_note_for_unset_facts() {
    let dir = Sandbox::new();
    let file = dir.write(
        "b.toml",
        "[services.a]\nprice = 3\n[services.b]\nprice = 1\n[bundles.x]\nprice = 2\ntiers = [{ when = \"age < 30\", price = 1 }]\nincludes = [{ one_of = [\"a\", \"b\"] }]\n",
    );
    let output = dir
        .command()
        .args(["--compare", "--format", "json", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout)
        .unwrap()
        .replace(file.to_str().unwrap(), "b.toml");
    insta::assert_snapshot!("compare_json_no_wants", text);
}

#[test]
fn csv_has_a_header_and_one_row_per_bundle() {
    insta::assert_snapshot!("compare_csv", compare(&["--format", "csv"]));
}

#[test]
fn csv_leaves_nulls_empty() {
    let text = compare(&["--format", "csv", "--want", ""]);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .ends_with(",550.00,86.21,,,available,,CNY,year"),
        "{text}"
    );
}

#[test]
fn markdown_is_a_github_table() {
    insta::assert_snapshot!("compare_markdown", compare(&["--format", "markdown"]));
}

#[test]
fn the_table_aligns_cjk_names_with_ascii_ones() {
    let text = compare(&[]);
    insta::assert_snapshot!("compare_table", text);
    let summary: Vec<&str> = text.lines().skip(2).take(4).collect();
    let width = unicode_width::UnicodeWidthStr::width(summary[0]);
    for line in &summary {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(*line),
            width,
            "{line}"
        );
    }
}

#[test]
fn the_table_groups_digits_from_ten_thousand_and_json_and_csv_never() {
    let sandbox = crate::support::Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 15000\n[bundles.b]\nprice = 12345\nincludes = [\"a\"]\n",
    );
    let run = |args: &[&str]| {
        let output = sandbox.command().args(args).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let table = run(&["--compare"]);
    assert!(
        table.contains("¥12,345.00  ¥15,000.00  +¥2655.00"),
        "{table}"
    );
    let csv = run(&["--compare", "--format", "csv"]);
    assert!(csv.contains("b,b,12345.00,15000.00,2655.00,17.70"), "{csv}");
    let json = run(&["--compare", "--format", "json"]);
    assert!(json.contains("\"price\": \"12345.00\""), "{json}");
    assert!(!json.contains("12,345"));
}

/// Exports say what they measure (docs/reference/output.md, "The comparison as JSON", docs/reference/plan.md): every CSV row ends with the
/// currency and the period, and Markdown opens with a caption naming both.
#[test]
fn csv_and_markdown_say_the_currency_and_the_period() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "usd.toml",
        "currency = \"USD\"\n[profile]\nwants = [\"a\"]\n[services.a]\nprice = 52\n[bundles.b]\nprice = 26\nincludes = [\"a\"]\n",
    );
    let run = |args: &[&str]| {
        let output = sandbox
            .command()
            .arg("--file")
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        run(&["--compare", "--format", "csv", "--per", "week"]),
        "id,name,price,standalone_value,savings,savings_pct,personal_value,personal_savings,status,changes,currency,per\r\n\
         b,b,0.50,1.00,0.50,50.00,1.00,0.50,available,,USD,week\r\n"
    );
    let markdown = run(&["--compare", "--format", "markdown", "--per", "month"]);
    assert!(
        markdown.starts_with("Amounts in USD, per month.\n\n| id | name | price |"),
        "{markdown}"
    );
    assert!(markdown.contains("| b | b | 2.17 | 4.33 |"), "{markdown}");
    assert_eq!(
        run(&["--plan", "--format", "csv", "--per", "quarter"]),
        "id,kind,price,covers,currency,per\r\nb,bundle,6.50,a,USD,quarter\r\n"
    );
    let markdown = run(&[
        "--plan", "--format", "markdown", "--per", "day", "--lang", "zh",
    ]);
    assert!(
        markdown.starts_with("金额单位：USD，每日。\n\n| id |"),
        "{markdown}"
    );
}
