//! The JSON Schema of the bundles file, for editors: every valid file passes, a
//! file wrong in shape does not, and `bundlecalc schema` prints it.

use std::path::Path;

use crate::support::{Sandbox, fixture};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(bundlecalc::schema::SCHEMA).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// A TOML file as the JSON an editor's checker sees: a date as its text.
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    editor_view(value)
}

fn editor_view(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::Datetime(date) => Json::String(date.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(editor_view).collect()),
        toml::Value::Table(table) => Json::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, editor_view(value)))
                .collect(),
        ),
        other => serde_json::to_value(other).unwrap(),
    }
}

/// The invalid fixtures whose mistake is one of shape (a key, a type, an enum, a
/// bound), which a schema can see; the others are mistakes of meaning (an unknown
/// id, a duplicate), found by `--check`.
const WRONG_IN_SHAPE: &[&str] = &[
    "unknown_key",
    "wrong_type",
    "negative",
    "bad_period",
    "bad_basis",
    "bad_currency",
    "missing_price",
    "missing_includes",
    "empty_includes",
    "small_group",
    "way_negative",
    "way_bad_period",
    "way_no_price",
    "way_unknown_key",
    "way_not_a_list",
    "way_not_a_table",
    "label_not_a_string",
    "benefit_rate_above_one",
    "benefit_rate_negative",
    "benefit_max_negative",
    "benefit_sold_alone",
    "benefit_and_price",
    "benefit_other_prices",
    "benefit_no_fact",
    "benefit_no_rate",
    "benefit_unknown_key",
    "benefit_not_a_table",
    "benefit_fact_not_a_string",
    "change_no_offer",
    "as_of_with_time",
    "as_of_time_only",
    "person_me",
    "person_wants_nothing",
    "person_no_wants",
    "seats_zero",
    "seats_not_integer",
    "split_negative_weight",
    "split_unknown_rule",
    "split_not_a_rule",
];

#[test]
fn the_shipped_file_and_every_valid_fixture_validate() {
    let validator = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("bundles.toml")];
    for entry in std::fs::read_dir(root.join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    assert!(files.len() >= 4);
    for path in files {
        let json = as_json(&path);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn every_fixture_wrong_in_shape_is_refused() {
    let validator = validator();
    for name in WRONG_IN_SHAPE {
        let path = fixture(&format!("invalid/{name}.toml"));
        let json = as_json(&path);
        assert!(!validator.is_valid(&json), "{name} passed the schema");
    }
}

#[test]
fn a_misspelt_key_is_refused() {
    let validator = validator();
    let good: serde_json::Value =
        toml::from_str("[services.a]\nprice = 1\nperiod = \"month\"\n").unwrap();
    assert!(validator.is_valid(&good));
    let misspelt: serde_json::Value =
        toml::from_str("[services.a]\nprice = 1\nperod = \"month\"\n").unwrap();
    assert!(!validator.is_valid(&misspelt));
    let top: serde_json::Value = toml::from_str("curency = \"CNY\"\n").unwrap();
    assert!(!validator.is_valid(&top));
}

#[test]
fn bundlecalc_schema_prints_the_repository_s_schema() {
    let output = Sandbox::new().command().arg("schema").output().unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let kept =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("bundles.schema.json"))
            .unwrap();
    assert_eq!(printed, kept);
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    // Every key of docs/reference/file-format.md is described.
    let service = &schema["definitions"]["service"]["properties"];
    for key in [
        "name",
        "price",
        "period",
        "label",
        "other_prices",
        "value",
        "sold_alone",
        "status",
        "note",
        "as_of",
        "source",
    ] {
        assert!(service[key].is_object(), "service.{key}");
    }
    let bundle = &schema["definitions"]["bundle"]["properties"];
    for key in [
        "name", "price", "period", "status", "tiers", "includes", "note", "as_of", "source",
    ] {
        assert!(bundle[key].is_object(), "bundle.{key}");
    }
    let way = &schema["definitions"]["way"]["properties"];
    for key in ["price", "period", "label", "as_of", "source"] {
        assert!(way[key].is_object(), "way.{key}");
    }
    let change = &schema["definitions"]["change"]["properties"];
    for key in [
        "name",
        "offer",
        "add",
        "remove",
        "price",
        "period",
        "tiers",
        "label",
        "other_prices",
        "note",
        "as_of",
        "source",
    ] {
        assert!(change[key].is_object(), "change.{key}");
    }
}

#[test]
fn completions_and_the_man_page_name_every_flag() {
    use clap::CommandFactory;
    let command = bundlecalc::cli::args::Cli::command();
    let flags: Vec<String> = command
        .get_arguments()
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    assert!(flags.len() >= 12, "{flags:?}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = Sandbox::new()
            .command()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for flag in &flags {
            // fish writes `-l file` rather than `--file`.
            let long = flag.trim_start_matches("--");
            assert!(
                script.contains(flag.as_str()) || script.contains(&format!("-l {long}")),
                "{shell} completions lack {flag}"
            );
        }
    }
    let output = Sandbox::new().command().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH bundlecalc 1"), "a man page");
    for flag in &flags {
        // roff escapes the dashes: \-\-file.
        let escaped = flag.replace('-', "\\-");
        assert!(page.contains(&escaped), "the man page lacks {flag}");
    }
}
