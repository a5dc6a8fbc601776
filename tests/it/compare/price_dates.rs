//! When a price was seen (docs/reference/file-format.md, "When a price was seen"): `as_of` and `source` in the JSON, and the
//! note on prices used in a figure that were seen more than a year before today.

use crate::support::{Sandbox, bundle, compare_json};
use serde_json::json;

const DATED: &str = r#"
[profile]
wants = ["tv", "music"]

[services.tv]
name = "TV"
price = 238
label = "auto-renew yearly"
as_of = 2026-08-01
source = "App Store"
other_prices = [
  { price = 258, label = "annual card", as_of = 2022-04-24, source = "news" },
  { price = 30, period = "month", label = "monthly" },
]

[services.music]
name = "Music"
price = 188
as_of = 2021-08-01

[services.radio]
name = "Radio"
price = 100
as_of = 2020-01-01
other_prices = [{ price = 5, period = "month", label = "monthly", as_of = 2026-01-01, source = "shop" }]

[services.news]
name = "News"
price = 100
as_of = 2020-01-01
other_prices = [{ price = 1, period = "month", label = "monthly" }]

[bundles.pack]
name = "Pack"
price = 136
includes = ["tv", "music", "radio", "news"]
as_of = 2022-10-01
source = "article"
"#;

const NOTE: &str = "prices seen more than a year ago";

#[test]
fn as_of_and_source_are_in_the_json_by_the_way_that_gave_the_price() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", DATED);
    let json = compare_json(&sandbox, &["--today", "2021-01-01"]);
    let pack = bundle(&json, "pack");
    assert_eq!(pack["as_of"], "2022-10-01");
    assert_eq!(pack["source"], "article");
    let dates: Vec<_> = pack["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["id"], s["as_of"], s["source"]]))
        .collect();
    assert_eq!(
        dates,
        [
            json!(["tv", "2026-08-01", "App Store"]),
            json!(["music", "2021-08-01", null]),
            // The monthly way gave the price: its date, not the service's.
            json!(["radio", "2026-01-01", "shop"]),
            // A way without a date does not take the service's.
            json!(["news", null, null]),
        ]
    );
}

#[test]
fn before_every_as_of_there_is_no_note_and_two_years_on_it_names_every_price_used() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", DATED);
    let early = compare_json(&sandbox, &["--today", "2021-07-31"]);
    assert_eq!(early["notes"], json!([]));

    let late = compare_json(&sandbox, &["--today", "2028-08-01"]);
    assert_eq!(
        late["notes"],
        json!([
            "prices seen more than a year ago: Pack (2022-10-01), TV · auto-renew yearly \
             (2026-08-01), Music (2021-08-01), Radio · monthly (2026-01-01)"
        ])
    );
    // The plan names its offers' and its wanted services' prices, in both languages.
    let plan = sandbox
        .command()
        .args(["--plan", "--today", "2028-08-01"])
        .output()
        .unwrap();
    let plan = String::from_utf8(plan.stdout).unwrap();
    assert!(
        plan.contains(&format!("note: {NOTE}: Pack (2022-10-01), TV · auto-renew yearly (2026-08-01), Music (2021-08-01)")),
        "{plan}"
    );
    let chinese = sandbox
        .command()
        .args(["--compare", "--lang", "zh", "--today", "2028-08-01"])
        .output()
        .unwrap();
    let chinese = String::from_utf8(chinese.stdout).unwrap();
    assert!(
        chinese.contains("一年多以前看到的价格：Pack（2022-10-01）"),
        "{chinese}"
    );
}

#[test]
fn exactly_a_year_old_is_not_noted_a_day_more_is() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1\n[bundles.b]\nname = \"B\"\nprice = 1\nincludes = [\"a\"]\nas_of = 2026-08-01\n",
    );
    let json = compare_json(&sandbox, &["--today", "2027-08-01"]);
    assert_eq!(json["notes"], json!([]));
    let json = compare_json(&sandbox, &["--today", "2027-08-02"]);
    assert_eq!(json["notes"], json!([format!("{NOTE}: B (2026-08-01)")]));
}

#[test]
fn the_shipped_file_tells_the_truth_about_its_dates() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["--today", "2026-11-30"]);
    // The seeds' offers keep their articles' dates.
    assert_eq!(bundle(&json, "88vip")["as_of"], "2022-10-01");
    assert_eq!(bundle(&json, "qq_music_green")["as_of"], "2021-08-01");
    assert_eq!(bundle(&json, "jingteng")["as_of"], "2022-10-01");
    // The services carry the prices read on 2026-08-01.
    let tv = &bundle(&json, "jingteng")["services"][0];
    assert_eq!(tv["id"], "tencent_video");
    assert_eq!(tv["standalone_price"], "238.00");
    assert_eq!(tv["as_of"], "2026-08-01");
    assert!(tv["source"].as_str().unwrap().contains("App Store"));
    assert_eq!(
        json["notes"],
        json!([
            "prices seen more than a year ago: Taobao 88VIP (淘宝88VIP) (2022-10-01), \
             QQ Music Green Diamond (QQ音乐绿钻) (2021-08-01), \
             JD PLUS + Tencent Video (京腾年卡) (2022-10-01)"
        ])
    );
    // With today's own date, the seeds' 2021 price is noted by default.
    let json = compare_json(&sandbox, &[]);
    let notes = json["notes"].to_string();
    assert!(
        notes.contains("QQ Music Green Diamond (QQ音乐绿钻) (2021-08-01)"),
        "{notes}"
    );
}
