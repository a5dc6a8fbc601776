//! Prices as they are sold: a service worth the cheapest of its ways to buy it,
//! and a benefit worth what the user spends, with the arithmetic written out.

use crate::support::{Sandbox, bundle, compare_json};
use bundlecalc::diagnostic::parse_catalog;
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::prices::service_worth;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::period::Period;
use bundlecalc_core::scenario::Scenario;
use rust_decimal::Decimal;

/// Tencent Video, sold three ways, plus whatever `more` adds.
fn video(more: &str) -> Catalog {
    parse_catalog(&format!(
        r#"[services.video]
price = 253
label = "annual card"
other_prices = [
  {{ price = 30, period = "month", label = "monthly" }},
  {{ price = 218, period = "year", label = "auto-renew yearly" }},{more}
]
"#
    ))
    .unwrap()
}

/// The video's worth per `period`: its price and the label of the way used.
fn worth(catalog: &Catalog, period: Period) -> (String, Option<String>) {
    let mut scenario = Scenario::from_catalog(catalog);
    scenario.basis = period;
    let worth = service_worth(&catalog.services[0], &scenario, &mut Vec::new());
    (worth.price.to_string(), worth.label)
}

fn way(price: &str, label: &str) -> (String, Option<String>) {
    (price.to_string(), Some(label.to_string()))
}

#[test]
fn a_service_is_worth_its_cheapest_way_to_buy() {
    let three = video("");
    // Per year: 30 × 12 = 360.00, 253.00, 218.00: the auto-renew card.
    assert_eq!(
        worth(&three, Period::Year),
        way("218.00", "auto-renew yearly")
    );
    // Per month: 30.00, 253 / 12 = 21.0833… → 21.08, 218 / 12 = 18.1666… → 18.17.
    assert_eq!(
        worth(&three, Period::Month),
        way("18.17", "auto-renew yearly")
    );

    // 20 a month is 240.00 a year, more than 218.00: nothing changes.
    let twenty = video("\n  { price = 20, period = \"month\", label = \"auto-renew monthly\" },");
    assert_eq!(
        worth(&twenty, Period::Year),
        way("218.00", "auto-renew yearly")
    );
    assert_eq!(
        worth(&twenty, Period::Month),
        way("18.17", "auto-renew yearly")
    );

    // 15 a month is 180.00 a year, less than 218.00, and 15.00 a month.
    let fifteen = video("\n  { price = 15, period = \"month\", label = \"auto-renew monthly\" },");
    assert_eq!(
        worth(&fifteen, Period::Year),
        way("180.00", "auto-renew monthly")
    );
    assert_eq!(
        worth(&fifteen, Period::Month),
        way("15.00", "auto-renew monthly")
    );
}

#[test]
fn ties_go_to_the_main_price_then_the_first_listed() {
    let catalog = parse_catalog(
        "[services.a]\nprice = 120\nlabel = \"yearly\"\nother_prices = [\n  { price = 10, period = \"month\", label = \"monthly\" },\n  { price = 30, period = \"quarter\", label = \"quarterly\" },\n]\n",
    )
    .unwrap();
    // All three are 120.00 a year: the main price wins.
    assert_eq!(worth(&catalog, Period::Year), way("120.00", "yearly"));
    let catalog = parse_catalog(
        "[services.a]\nprice = 130\nother_prices = [\n  { price = 10, period = \"month\", label = \"monthly\" },\n  { price = 30, period = \"quarter\", label = \"quarterly\" },\n]\n",
    )
    .unwrap();
    // 120.00 twice: the first listed.
    assert_eq!(worth(&catalog, Period::Year), way("120.00", "monthly"));
}

/// A way and a group member are chosen by their exact amounts per year: 10 a
/// week is 521.428571… a year, less than 521.43, though both show as 521.43
/// per year and 10.00 per week.
#[test]
fn ways_and_members_are_chosen_by_exact_amounts_whatever_the_period() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "b.toml",
        r#"[services.weekly]
price = 10
period = "week"
[services.yearly]
price = 521.43
[services.tv]
price = 521.43
other_prices = [ { price = 10, period = "week", label = "weekly" } ]
[bundles.b]
price = 100
includes = [ "tv", { one_of = ["weekly", "yearly"] } ]
"#,
    );
    for per in ["year", "half_year", "quarter", "month", "week", "day"] {
        let json = compare_json(&sandbox, &["--file", path.to_str().unwrap(), "--per", per]);
        let services = &bundle(&json, "b")["services"];
        assert_eq!(services[0]["price_label"], "weekly", "per {per}");
        assert_eq!(services[1]["id"], "yearly", "per {per}");
    }
}

/// docs/reference/arithmetic.md, "Rule 3: Standalone value, savings and savings %": the percentage comes from the exact amounts per year. QQ Music's
/// bundle at 188 a year against its service at 15 a month (180 a year) saves
/// -4.444…%, whatever the period: not -4.47% from 15.67 and 15.00 a month, nor
/// -6.12% from 0.52 and 0.49 a day.
#[test]
fn the_savings_percentage_is_the_same_in_every_period() {
    let sandbox = Sandbox::new();
    for per in ["year", "half_year", "quarter", "month", "week", "day"] {
        let json = compare_json(&sandbox, &["--per", per]);
        assert_eq!(
            bundle(&json, "qq_music_green")["savings_pct"],
            "-4.44",
            "per {per}"
        );
        assert_eq!(bundle(&json, "88vip")["savings_pct"], "86.21", "per {per}");
    }
    let csv = sandbox
        .command()
        .args(["--compare", "--format", "csv", "--per", "day"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.contains(",0.52,0.49,-0.03,-4.44,"), "{csv}");
}

/// A 5% discount on `spend` a year, at most 500.
fn discount(spend: Option<&str>) -> (String, Vec<String>) {
    let facts = spend.map_or(String::new(), |s| {
        format!("[profile.facts]\ntmall_spend = {s}\n")
    });
    let catalog = parse_catalog(&format!(
        "{facts}[services.tmall]\nvalue = {{ fact = \"tmall_spend\", rate = 0.05, max = 500 }}\nperiod = \"year\"\nsold_alone = false\n"
    ))
    .unwrap();
    let mut notes = Vec::new();
    let worth = service_worth(
        &catalog.services[0],
        &Scenario::from_catalog(&catalog),
        &mut notes,
    );
    assert_eq!(worth.label, None);
    (
        worth.price.to_string(),
        bundlecalc::words::notes(&catalog, &notes),
    )
}

#[test]
fn a_benefit_is_worth_the_rate_of_the_fact_up_to_its_cap() {
    // 20000 × 0.05 = 1000.00, capped at 500.00.
    assert_eq!(discount(Some("20000")), ("500.00".into(), vec![]));
    // 2000 × 0.05 = 100.00, under the cap.
    assert_eq!(discount(Some("2000")), ("100.00".into(), vec![]));
    // Not set: 0.00, and a note says why.
    let (price, notes) = discount(None);
    assert_eq!(price, "0.00");
    assert_eq!(
        notes,
        ["fact `tmall_spend` is not set: benefit `tmall` is worth 0.00"]
    );
    // A negative spending is refused, not silently taken as nothing.
    let problems = parse_catalog(
        "[profile.facts]\ntmall_spend = -100\n[services.tmall]\nvalue = { fact = \"tmall_spend\", rate = 0.05 }\nsold_alone = false\n",
    )
    .unwrap_err();
    assert_eq!(
        problems[0].message,
        "fact `tmall_spend` must not be negative: benefit `tmall` reads it as an amount spent"
    );
}

#[test]
fn a_benefit_counts_in_its_bundle_and_set_changes_it() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "b.toml",
        "[profile.facts]\ntmall_spend = 2000\n[services.music]\nprice = 100\n[services.tmall]\nname = \"Tmall discount\"\nvalue = { fact = \"tmall_spend\", rate = 0.05, max = 500 }\nsold_alone = false\n[bundles.vip]\nprice = 88\nincludes = [\"music\", \"tmall\"]\n",
    );
    let file = file.to_str().unwrap();
    let json = compare_json(&sandbox, &["--file", file]);
    let vip = bundle(&json, "vip");
    // 100.00 + 2000 × 0.05 = 200.00 of value for 88.00: 88 split 1:1 = 44.00 each.
    assert_eq!(vip["standalone_value"], "200.00");
    assert_eq!(vip["services"][1]["standalone_price"], "100.00");
    assert_eq!(vip["services"][1]["effective_cost"], "44.00");
    assert_eq!(vip["services"][1]["price_label"], serde_json::Value::Null);
    // --set tmall_spend=20000: capped at 500.00, value 600.00; 88 × 500 / 600 = 73.33.
    let json = compare_json(&sandbox, &["--file", file, "--set", "tmall_spend=20000"]);
    let vip = bundle(&json, "vip");
    assert_eq!(vip["standalone_value"], "600.00");
    assert_eq!(vip["services"][1]["effective_cost"], "73.33");
    assert_eq!(vip["services"][0]["effective_cost"], "14.67");
    // The whole comparison still adds up: 73.33 + 14.67 = 88.00.
    let catalog = parse_catalog(&std::fs::read_to_string(file).unwrap()).unwrap();
    let row = &compare(&catalog, &Scenario::from_catalog(&catalog)).bundles[0];
    let total: i128 = row.services.iter().map(|s| s.effective_cost.fen()).sum();
    assert_eq!(total, row.price.fen());
    assert_eq!(Decimal::from(total), Decimal::from(8800));
}

#[test]
fn the_plan_names_the_way_a_service_offer_is_bought() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "b.toml",
        "[services.video]\nprice = 253\nlabel = \"annual card\"\nother_prices = [ { price = 218, label = \"auto-renew yearly\" } ]\n[profile]\nwants = [\"video\"]\n",
    );
    let output = sandbox
        .command()
        .args(["--plan", "--format", "json", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        plan["offers"],
        serde_json::json!([{ "id": "video", "kind": "service", "price": "218.00",
            "label": "auto-renew yearly", "covers": ["video"] }])
    );
    assert_eq!(plan["standalone_total"], "218.00");
    let table = sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("video · auto-renew yearly  service  ¥218.00"),
        "{table}"
    );
}

mod screen {
    use std::fs;

    use crate::support::app::{open_sized, settle, type_text};

    use bundlecalc::tui::action::Action;
    use bundlecalc::tui::app::App;

    /// The screen's text as one string.
    fn screen(app: &App) -> String {
        crate::support::screen::screen(app).join("\n")
    }

    const FILE: &str = r#"[profile.facts]
tmall_spend = 2000   # yuan a year

[services.video]
name = "Tencent Video"
price = 253
label = "annual card"
other_prices = [
  { price = 30, period = "month", label = "monthly" },
  { price = 218, period = "year", label = "auto-renew yearly" },   # 连续包年
]

[services.tmall]
name = "Tmall discount"
value = { fact = "tmall_spend", rate = 0.05, max = 500 }
sold_alone = false

[bundles.vip]
name = "VIP"
price = 88
includes = ["video", "tmall"]
"#;

    fn open(dir: &tempfile::TempDir) -> App {
        let path = dir.path().join("bundles.toml");
        fs::write(&path, FILE).unwrap();
        open_sized(&path, 100, 30)
    }

    #[test]
    fn the_detail_names_the_way_used_and_a_benefit_s_sum() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = open(&dir);
        app.update(Action::SwitchPane);
        // The file's place is a temporary folder: named the same in every run.
        let folder = dir.path().display().to_string();
        let text = screen(&app).replace(&folder, "FOLDER");
        insta::assert_snapshot!("detail_way", text);
        // The footer wraps at the pane's width.
        assert!(
            text.contains("Tencent Video: ¥218.00 as auto-renew yearly, the cheapest"),
            "{text}"
        );
        assert!(text.contains("of 3 ways"), "{text}");
        app.update(Action::Down);
        let text = screen(&app);
        // 2000 × 0.05 = 100.00, under the cap of 500.
        assert!(
            text.contains("Tmall discount: 0.05 × tmall_spend 2000, at most 500"),
            "{text}"
        );
        assert!(text.contains("¥100.00"), "{text}");
    }

    #[test]
    fn e_edits_the_way_in_use_and_a_benefit_s_rate_and_both_save_byte_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = open(&dir);
        app.update(Action::SwitchPane);
        app.update(Action::EditPrice);
        assert!(screen(&app).contains("Edit price · auto-renew yearly"));
        assert_eq!(app.field().unwrap().text, "218");
        for _ in 0..3 {
            app.update(Action::Erase);
        }
        type_text(&mut app, "199");
        app.update(Action::Submit);
        assert_eq!(
            app.rows[0].services[0].standalone_price.to_string(),
            "199.00"
        );

        app.update(Action::Down);
        app.update(Action::EditPrice);
        assert!(screen(&app).contains("Edit rate"));
        assert_eq!(app.field().unwrap().text, "0.05");
        for _ in 0..4 {
            app.update(Action::Erase);
        }
        type_text(&mut app, "1.5");
        app.update(Action::Submit);
        let refused = app.field().unwrap().error.clone().unwrap();
        assert!(refused.contains("must be between 0 and 1"), "{refused}");
        for _ in 0..3 {
            app.update(Action::Erase);
        }
        type_text(&mut app, "0.1");
        app.update(Action::Submit);
        // 2000 × 0.1 = 200.00.
        assert_eq!(
            app.rows[0].services[1].standalone_price.to_string(),
            "200.00"
        );

        app.update(Action::Save);
        settle(&mut app);
        let saved = fs::read_to_string(dir.path().join("bundles.toml")).unwrap();
        assert_eq!(
            saved,
            FILE.replace(
                "{ price = 218, period = \"year\", label = \"auto-renew yearly\" },   # 连续包年",
                "{ price = 199, period = \"year\", label = \"auto-renew yearly\" },   # 连续包年"
            )
            .replace("rate = 0.05, max = 500", "rate = 0.1, max = 500")
        );
    }
}
