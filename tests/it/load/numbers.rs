//! Numbers as TOML means them (docs/reference/file-format.md, "Amounts"): every radix and `_`, in every place a
//! number is read, gives the value Python's `tomllib` reads; and nothing is clamped:
//! what is too large is refused with its place and the largest value accepted.

use std::collections::BTreeMap;
use std::process::Command;
use std::str::FromStr;

use crate::support::{Sandbox, bundle, compare_json, fixture};
use bundlecalc::diagnostic::parse_catalog;
use bundlecalc_core::amount::{parse_amount, parse_fact};
use bundlecalc_core::model::Catalog;
use predicates::prelude::*;
use rust_decimal::Decimal;

/// Every number of a TOML text as `tomllib` reads it (floats as exact decimals):
/// the dotted path of each, with its value written out.
fn tomllib_numbers(text: &str) -> BTreeMap<String, String> {
    const FLATTEN: &str = r#"
import decimal, json, sys, tomllib
def walk(value, path, out):
    if isinstance(value, dict):
        for key, item in value.items():
            walk(item, path + [key], out)
    elif isinstance(value, list):
        for at, item in enumerate(value):
            walk(item, path + [str(at)], out)
    elif isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
        out[".".join(path)] = str(value)
out = {}
walk(tomllib.loads(sys.stdin.read(), parse_float=decimal.Decimal), [], out)
print(json.dumps(out))
"#;
    let mut child = Command::new("python3")
        .args(["-c", FLATTEN])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 (3.11 or later, for tomllib) runs these tests");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "tomllib refused the text");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A value `tomllib` wrote (`88`, `1000.5`, `2.5E+2`) as an exact decimal.
fn python_decimal(text: &str) -> Decimal {
    Decimal::from_str(text)
        .or_else(|_| Decimal::from_scientific(text))
        .unwrap_or_else(|_| panic!("{text}"))
}

/// The number bundlecalc read at a dotted path of the file.
fn ours(catalog: &Catalog, path: &str) -> Decimal {
    let parts: Vec<&str> = path.split('.').collect();
    let service = |id: &str| catalog.services.iter().find(|s| s.id == id).unwrap();
    let bundle = |id: &str| catalog.bundles.iter().find(|b| b.id == id).unwrap();
    let at = |n: &str| n.parse::<usize>().unwrap();
    match parts[..] {
        ["profile", "facts", name] => catalog.profile.facts[name],
        ["services", id, "price"] => service(id).price,
        ["services", id, "other_prices", n, "price"] => service(id).other_prices[at(n)].price,
        ["services", id, "value", "rate"] => service(id).value.as_ref().unwrap().rate,
        ["services", id, "value", "max"] => service(id).value.as_ref().unwrap().max.unwrap(),
        ["bundles", id, "price"] => bundle(id).price,
        ["bundles", id, "tiers", n, "price"] => bundle(id).tiers[at(n)].price,
        _ => panic!("a number at {path} that bundlecalc does not read"),
    }
}

#[test]
fn every_number_in_every_radix_is_the_value_tomllib_reads() {
    let text = std::fs::read_to_string(fixture("numbers.toml")).unwrap();
    let catalog = parse_catalog(&text).unwrap();
    let numbers = tomllib_numbers(&text);
    // Every kind of number the file holds, in each form.
    for path in [
        "profile.facts.taoqi",
        "services.hex.price",
        "services.octal.other_prices.0.price",
        "services.binary.price",
        "services.underscores.other_prices.0.price",
        "services.cashback.value.rate",
        "services.cashback_binary.value.max",
        "bundles.vip.price",
        "bundles.vip.tiers.0.price",
    ] {
        assert!(numbers.contains_key(path), "the fixture has no {path}");
    }
    for (path, written) in &numbers {
        let expected = python_decimal(written);
        assert_eq!(ours(&catalog, path), expected, "{path}");
    }
    assert_eq!(numbers.len(), 24, "{numbers:?}");
    // A float keeps its written scale; a string amount is its decimal.
    assert_eq!(
        ours(&catalog, "services.underscores.other_prices.0.price").to_string(),
        "238.00"
    );
    assert_eq!(
        catalog.services[4].other_prices[1].price.to_string(),
        "19.90"
    );
    // A tier's condition reads its number by the same rules.
    let tiers = &catalog.bundles[0].tiers;
    assert_eq!(tiers[0].when.value, Decimal::from(1000));
    assert_eq!(tiers[1].when.value, Decimal::from(4));
}

#[test]
fn the_figures_follow_the_values_not_their_digits() {
    let sandbox = Sandbox::new();
    let json = compare_json(
        &sandbox,
        &["--file", fixture("numbers.toml").to_str().unwrap()],
    );
    let vip = bundle(&json, "vip");
    // taoqi = 0x4b0 (1200) passes `taoqi >= 0x3e8`: 0x58 = 88.
    assert_eq!(vip["price"], "88.00");
    assert_eq!(vip["price_rule"], "taoqi >= 1000");
    let price = |id: &str| {
        vip["services"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()["standalone_price"]
            .clone()
    };
    assert_eq!(price("hex"), "88.00");
    assert_eq!(price("octal"), "88.00");
    assert_eq!(price("binary"), "88.00");
    assert_eq!(price("underscores"), "88.00");
    assert_eq!(price("floats"), "125.00");
    // 5% of 1_000_0 spent, at most 0x1f4 = 500: 500.00; 1 × 0o17 = 15, at most 0o12 = 10.
    assert_eq!(price("cashback"), "500.00");
    assert_eq!(price("cashback_binary"), "10.00");
}

#[test]
fn set_reads_its_number_by_the_file_s_rules() {
    let written = [
        "0x4b0",
        "0o2260",
        "0b10010110000",
        "1_200",
        "+1200",
        "1.2e3",
        "12_00.0",
        "\"1200\"",
    ];
    for text in written {
        let python = tomllib_numbers(&format!("v = {text}"));
        let expected = python
            .get("v")
            .map_or(Decimal::from(1200), |v| python_decimal(v));
        assert_eq!(parse_fact(text), Ok(expected), "{text}");
        assert_eq!(parse_amount(text), Ok(expected), "{text}");
    }
    assert!(parse_fact("0x").is_err());
    assert!(parse_fact("12 00").is_err());
    assert!(parse_fact("1__0").is_err());

    let sandbox = Sandbox::new();
    let file = fixture("numbers.toml");
    let file = file.to_str().unwrap();
    let price_with = |set: &[&str]| {
        let mut args = vec!["--file", file];
        for s in set {
            args.extend(["--set", s]);
        }
        bundle(&compare_json(&sandbox, &args), "vip")["price"].clone()
    };
    // 0x3e7 = 999 fails `taoqi >= 0x3e8`; level 5 passes `level > 0b100`: 9_9.
    assert_eq!(price_with(&["taoqi=0x3e7"]), "99.00");
    assert_eq!(price_with(&["taoqi=0x3e7", "level=0b100"]), "888.00");
    assert_eq!(price_with(&["taoqi=0o1750", "level=0"]), "88.00");
}

#[test]
fn amounts_beyond_the_bound_are_refused_with_their_place_and_the_bound() {
    let sandbox = Sandbox::new();
    for (price, line_col) in [
        ("0x7fffffffffffffff", "2:9"),
        ("1_000_000_000_000.01", "2:9"),
        ("0b1110100011010100101001010001000000000001", "2:9"),
        ("99999999999999999999999999999999999999999", "2:9"),
    ] {
        let path = sandbox.write("big.toml", &format!("[services.a]\nprice = {price}\n"));
        sandbox
            .command()
            .args(["--check", "--file"])
            .arg(&path)
            .assert()
            .code(65)
            .stderr(predicate::str::starts_with(
                "error: `services.a.price` is too large (at most 1,000,000,000,000)",
            ))
            .stderr(predicate::str::contains(format!("big.toml:{line_col}\n")));
    }
    // At the bound exactly, it is read, and a figure equals the bound only then.
    let path = sandbox.write("edge.toml", "[services.a]\nprice = 1_000_000_000_000\n[bundles.b]\nprice = 0xe8d4a50fff\nincludes = [\"a\"]\n");
    let json = compare_json(&sandbox, &["--file", path.to_str().unwrap()]);
    let b = bundle(&json, "b");
    assert_eq!(b["standalone_value"], "1000000000000.00");
    assert_eq!(b["price"], "999999999999.00");
    // A result beyond every input is computed whole: 10^12 a day is 365 × 10^12 a year.
    let path = sandbox.write("daily.toml", "[services.a]\nprice = 1e12\nperiod = \"day\"\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\n");
    let json = compare_json(&sandbox, &["--file", path.to_str().unwrap()]);
    assert_eq!(bundle(&json, "b")["standalone_value"], "365000000000000.00");
}

const SPENDING: &str = "[profile.facts]\nspend = SPEND\n\n[services.cashback]\nvalue = { fact = \"spend\", rate = 1 }\nsold_alone = false\n\n[bundles.card]\nprice = 1\nincludes = [\"cashback\"]\n";

#[test]
fn a_benefit_is_never_clamped_its_fact_is_refused_instead() {
    let sandbox = Sandbox::new();
    // No `max`: the benefit is worth its whole fact × rate, up to the largest fact.
    for (spend, worth) in [
        ("999_999_999_999", "999999999999.00"),
        ("1e12", "1000000000000.00"),
        ("0x0", "0.00"),
    ] {
        let path = sandbox.write("spend.toml", &SPENDING.replace("SPEND", spend));
        let json = compare_json(&sandbox, &["--file", path.to_str().unwrap()]);
        assert_eq!(bundle(&json, "card")["standalone_value"], worth, "{spend}");
    }
    // 22,000,000,000,000 spent is refused, not shown as a trillion.
    let path = sandbox.write(
        "spend.toml",
        &SPENDING.replace("SPEND", "22_000_000_000_000"),
    );
    sandbox
        .command()
        .args(["--compare", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::starts_with(
            "error: fact `spend` is out of range (a fact is at least -1,000,000,000,000 \
             and at most 1,000,000,000,000)",
        ))
        .stderr(predicate::str::contains("spend.toml:2:9\n"));
    let path = sandbox.write("spend.toml", &SPENDING.replace("SPEND", "-0x10"));
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .code(65);
    let path = sandbox.write("spend.toml", &SPENDING.replace("SPEND", "-16"));
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::starts_with(
            "error: fact `spend` must not be negative: benefit `cashback` reads it as an amount spent",
        ))
        .stderr(predicate::str::contains("spend.toml:2:9\n"));

    // `--set` refuses exactly what the file would, with the same bound.
    let path = sandbox.write("spend.toml", &SPENDING.replace("SPEND", "1"));
    for (set, message) in [
        (
            "spend=22e12",
            "is out of range (a fact is at least -1,000,000,000,000 and at most 1,000,000,000,000)",
        ),
        ("spend=0x1_4_6_0_7_0_f_6_0_0_0", "is out of range"),
        (
            "spend=-1",
            "fact `spend` must not be negative: benefit `cashback` reads it as an amount spent",
        ),
    ] {
        sandbox
            .command()
            .args(["--compare", "--file"])
            .arg(&path)
            .args(["--set", set])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    let json = compare_json(
        &sandbox,
        &[
            "--file",
            path.to_str().unwrap(),
            "--set",
            "spend=0xe8d4a51000",
        ],
    );
    assert_eq!(
        bundle(&json, "card")["standalone_value"],
        "1000000000000.00"
    );
}

#[test]
fn a_file_just_over_8_mib_is_refused_and_one_of_7_5_mib_loads() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("huge.toml");
    // Sparse: the size is there without the bytes, so only the size check can refuse it.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(8 * 1024 * 1024 + 1)
        .unwrap();
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "the file is 8.01 MiB (8,388,609 bytes); bundles files over 8 MiB (8,388,608 bytes) are refused",
        ));
    let mut text = bundlecalc_core::synthetic::files::catalogue(40_000, 300, 1);
    assert!(text.len() < 7_864_320, "{}", text.len());
    while text.len() < 7_864_320 {
        text.push_str("# a comment line to bring the file to 7.5 MiB\n");
    }
    let path = sandbox.write("large.toml", &text);
    sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("40000 bundles")
                .or(predicate::str::contains("40,000 bundles")),
        );
}

#[test]
fn a_quoted_amount_follows_toml_s_number_grammar_and_a_condition_its_bounds() {
    let price = |written: &str| {
        parse_catalog(&format!("[services.a]\nprice = {written}\n"))
            .map(|c| c.services[0].price)
            .map_err(|problems| problems[0].message.clone())
    };
    assert_eq!(price("\"19.90\"").unwrap().to_string(), "19.90");
    assert_eq!(price("\"0x58\""), Ok(Decimal::from(88)));
    assert_eq!(price("\"1_000\""), Ok(Decimal::from(1000)));
    for refused in [
        "\"007\"", "\"1__0\"", "\"_1\"", "\"1_\"", "\"00.5\"", "\" 5\"", "'\"5\"'",
    ] {
        assert_eq!(
            price(refused),
            Err("`services.a.price` is not a number".to_string()),
            "{refused}"
        );
    }
    let condition = |when: &str| {
        parse_catalog(&format!(
            "[services.a]\nprice = 1\n[bundles.b]\nprice = 2\ntiers = [{{ when = \"{when}\", price = 1 }}]\nincludes = [\"a\"]\n"
        ))
        .map(|c| c.bundles[0].tiers[0].when.value)
        .map_err(|problems| problems[0].message.clone())
    };
    assert_eq!(condition("taoqi >= 0x3e8"), Ok(Decimal::from(1000)));
    assert_eq!(
        condition("taoqi >= 1e13"),
        Err("bad tier condition `taoqi >= 1e13` in bundle `b`: `1e13` is out of range (a fact is at least -1,000,000,000,000 and at most 1,000,000,000,000)".to_string())
    );
    assert_eq!(
        condition("taoqi >= inf"),
        Err(
            "bad tier condition `taoqi >= inf` in bundle `b`: `inf` must be a finite number"
                .to_string()
        )
    );
    assert_eq!(
        condition("taoqi >= lots"),
        Err("bad tier condition `taoqi >= lots` in bundle `b`: `lots` is not a number".to_string())
    );
}
