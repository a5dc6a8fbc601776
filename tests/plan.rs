//! `--plan` on the shipped offers, with the arithmetic spelled out.

mod common;

use common::Sandbox;
use predicates::prelude::*;
use serde_json::{Value, json};

fn plan_json(args: &[&str]) -> Value {
    let output = Sandbox::new()
        .command()
        .args(["--plan", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn qq_music_and_tencent_video_cost_324_on_sale_and_176_if_the_rumours_come_true() {
    // On sale: jingteng (136.00) covers Tencent Video; QQ Music alone costs 188.00
    // (the service and the one-service bundle tie on price and count; "qq_music" <
    // "qq_music_green"). 136.00 + 188.00 = 324.00; alone 188.00 + 253.00 = 441.00,
    // so the plan saves 117.00.
    let plan = plan_json(&["--want", "qq_music,tencent_video"]);
    insta::assert_snapshot!("plan_json", serde_json::to_string_pretty(&plan).unwrap());
    assert_eq!(plan["total"], "324.00");
    assert_eq!(plan["standalone_total"], "441.00");
    assert_eq!(plan["savings"], "117.00");
    assert_eq!(plan["extras"], json!(["jd_plus"]));
    assert_eq!(plan["include"], json!(["available"]));
    // If both rumoured 88VIP variants launched, at 88.00 each (taoqi 1200 >= 1000),
    // one covers QQ Music and the other Tencent Video: 88.00 + 88.00 = 176.00,
    // 324.00 - 176.00 = 148.00 less.
    assert_eq!(
        plan["if_rumoured"],
        json!({ "offers": ["88vip_qq", "88vip_tencent"], "total": "176.00", "saves": "148.00" })
    );
}

#[test]
fn a_rumoured_offer_is_used_only_when_included() {
    // On sale, QQ Music costs 188.00 (the service itself).
    let plan = plan_json(&["--want", "qq_music"]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "qq_music", "kind": "service", "price": "188.00", "label": "annual fee", "covers": ["qq_music"] }])
    );
    // The rumoured 88VIP + QQ Music would cost 88.00: 188.00 - 88.00 = 100.00 less.
    assert_eq!(
        plan["if_rumoured"],
        json!({ "offers": ["88vip_qq"], "total": "88.00", "saves": "100.00" })
    );
    let with_rumours = plan_json(&["--want", "qq_music", "--include", "rumoured"]);
    assert_eq!(
        with_rumours["offers"],
        json!([{ "id": "88vip_qq", "kind": "bundle", "price": "88.00", "covers": ["qq_music"] }])
    );
    assert_eq!(with_rumours["include"], json!(["available", "rumoured"]));
    assert!(
        with_rumours.get("if_rumoured").is_none(),
        "absent when included"
    );
    // The table says it in a sentence.
    Sandbox::new()
        .command()
        .args(["--plan", "--want", "qq_music"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "If 88VIP + QQ Music (rumoured) launches: ¥88.00, ¥100.00 less",
        ));
}

#[test]
fn the_default_plan_and_what_the_rumours_would_change() {
    // The shipped wants: QQ Music, Tencent Video, Youku. On sale: 88VIP (88.00) for
    // Youku, jingteng (136.00) for Tencent Video, QQ Music alone (188.00):
    // 88.00 + 136.00 + 188.00 = 412.00.
    let plan = plan_json(&[]);
    let ids: Vec<&str> = plan["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["88vip", "jingteng", "qq_music"]);
    assert_eq!(plan["total"], "412.00");
    // Rumoured: 88vip_qq covers QQ Music and Youku, 88vip_tencent Tencent Video:
    // 88.00 + 88.00 = 176.00, which is 412.00 - 176.00 = 236.00 less.
    assert_eq!(
        plan["if_rumoured"],
        json!({ "offers": ["88vip_qq", "88vip_tencent"], "total": "176.00", "saves": "236.00" })
    );
}

#[test]
fn when_rumours_would_not_help_if_rumoured_is_null() {
    // JD PLUS: jingteng (136.00) beats it alone (198.00); no rumoured offer has it.
    let plan = plan_json(&["--want", "jd_plus"]);
    assert_eq!(plan["total"], "136.00");
    assert_eq!(plan["if_rumoured"], Value::Null);
}

#[test]
fn a_tie_in_price_and_count_goes_to_the_smallest_id() {
    // 88vip and 88vip_qq both cost 88.00 and both cover Youku and Ele.me: "88vip" < "88vip_qq".
    let plan = plan_json(&["--want", "youku,eleme"]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "88vip", "kind": "bundle", "price": "88.00", "covers": ["youku", "eleme"] }])
    );
    // 198.00 + 144.00 (12.00 a month) = 342.00 alone; 342.00 - 88.00 = 254.00 saved.
    assert_eq!(plan["standalone_total"], "342.00");
    assert_eq!(plan["savings"], "254.00");
    assert_eq!(plan["extras"], json!(["taopiaopiao", "tmall_discount"]));
}

#[test]
fn set_changes_tier_prices_in_the_plan() {
    // With taoqi 500 both 88VIP bundles cost 888.00: JD PLUS is cheapest in jingteng (136.00 < 198.00).
    let plan = plan_json(&["--want", "jd_plus,youku", "--set", "taoqi=500"]);
    let offers: Vec<&str> = plan["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(offers, ["jingteng", "youku"]);
    assert_eq!(plan["total"], "334.00"); // 136.00 + 198.00
}

#[test]
fn an_ended_service_is_planned_only_when_ended_offers_are_included() {
    // Xiami has ended: no plan may use it, and the error says why.
    Sandbox::new()
        .command()
        .args(["--plan", "--want", "netease_music,xiami"])
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "`xiami` is wanted, but no offer covers it: it has ended",
        ));
    // Included: 88VIP (88.00) gives NetEase (its pick), Xiami alone is 108.00:
    // 88.00 + 108.00 = 196.00 (cheaper than 88VIP for Xiami and NetEase alone at
    // 158.00: 246.00).
    let plan = plan_json(&["--want", "netease_music,xiami", "--include", "ended"]);
    assert_eq!(plan["total"], "196.00");
    assert_eq!(
        plan["offers"],
        json!([
            { "id": "88vip", "kind": "bundle", "price": "88.00", "covers": ["netease_music"] },
            { "id": "xiami", "kind": "service", "price": "108.00", "label": null, "covers": ["xiami"] }
        ])
    );
    assert_eq!(plan["include"], json!(["available", "ended"]));
}

#[test]
fn per_month_plans_in_monthly_prices() {
    // 188.00 / 12 = 15.67 on sale; the rumoured 88.00 / 12 = 7.33 would save 8.34.
    let plan = plan_json(&["--want", "qq_music", "--per", "month"]);
    assert_eq!(plan["basis"], "month");
    assert_eq!(plan["total"], "15.67");
    assert_eq!(plan["standalone_total"], "15.67");
    assert_eq!(plan["if_rumoured"]["total"], "7.33");
    assert_eq!(plan["if_rumoured"]["saves"], "8.34");
}

#[test]
fn every_wanted_service_appears_under_exactly_one_offer() {
    let plan = plan_json(&["--want", "youku,qq_music,tencent_video,jd_plus,eleme"]);
    let mut covered: Vec<&str> = plan["offers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["covers"].as_array().unwrap())
        .map(|c| c.as_str().unwrap())
        .collect();
    covered.sort();
    assert_eq!(
        covered,
        ["eleme", "jd_plus", "qq_music", "tencent_video", "youku"]
    );
}

#[test]
fn the_table_csv_and_markdown_show_the_same_plan() {
    let sandbox = Sandbox::new();
    let run = |format: &str| {
        let output = sandbox
            .command()
            .args([
                "--plan",
                "--want",
                "qq_music,tencent_video",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let table = run("table");
    assert!(
        table.contains("Total ¥324.00 · bought one by one ¥441.00 · saves +¥117.00"),
        "{table}"
    );
    assert_eq!(
        run("csv"),
        "id,kind,price,covers\r\njingteng,bundle,136.00,tencent_video\r\nqq_music,service,188.00,qq_music\r\n"
    );
    let markdown = run("markdown");
    assert!(markdown.starts_with("| id | kind | price | covers |\n| --- | --- | ---: | --- |\n| jingteng | bundle | 136.00 | tencent_video |\n"), "{markdown}");
    assert!(
        markdown.contains("**Total:** 324.00 · bought one by one: 441.00 · savings: 117.00"),
        "{markdown}"
    );
    assert!(
        markdown.contains("If 88VIP + QQ Music (rumoured) and 88VIP + Tencent Video (rumoured) launch: 176.00, 148.00 less"),
        "{markdown}"
    );
}

#[test]
fn no_wants_is_a_usage_error_with_a_hint() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("b.toml", "[services.a]\nprice = 1\n");
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--plan needs wanted services"))
        .stderr(predicate::str::contains("--want"));
}

#[test]
fn a_want_nothing_sells_is_named_with_the_reason() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("b.toml", "[services.a]\nprice = 1\n[services.ghost]\nprice = 1\nsold_alone = false\n[profile]\nwants = [\"a\", \"ghost\"]\n");
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&file)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "error: `ghost` is wanted, but no offer covers it: it is not sold alone (`sold_alone = false`) and no bundle includes it",
        ));
}

#[test]
fn wants_that_only_groups_offer_together_are_explained() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "b.toml",
        "[services.a]\nprice = 1\nsold_alone = false\n[services.b]\nprice = 1\nsold_alone = false\n[bundles.x]\nprice = 1\nincludes = [{ one_of = [\"a\", \"b\"] }]\n[profile]\nwants = [\"a\", \"b\"]\n",
    );
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&file)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "`a`, `b` can only be had as a choice in a `one_of` group",
        ));
}
