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
fn qq_music_and_tencent_video_cost_224_with_the_rumoured_bundle_and_jingteng() {
    // 88vip_qq (88.00) covers QQ Music; jingteng (136.00) covers Tencent Video: 224.00.
    // Bought alone they would be 188.00 + 253.00 = 441.00, so the plan saves 217.00.
    // (qq_music alone + jingteng would be 188.00 + 136.00 = 324.00.)
    let plan = plan_json(&["--want", "qq_music,tencent_video"]);
    insta::assert_snapshot!("plan_json", serde_json::to_string_pretty(&plan).unwrap());
    assert_eq!(plan["total"], "224.00");
    assert_eq!(plan["standalone_total"], "441.00");
    assert_eq!(plan["savings"], "217.00");
    assert_eq!(
        plan["extras"],
        json!(["eleme", "jd_plus", "taopiaopiao", "youku"])
    );
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
    assert_eq!(plan["extras"], json!(["taopiaopiao"]));
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
fn two_members_of_one_group_need_two_bundles() {
    // Xiami is only in the music groups; NetEase is sold alone at 158.00, but two
    // bundles at 88.00 each (one pick per group) cost 176.00 and are cheaper than 88 + 158.
    let plan = plan_json(&["--want", "netease_music,xiami"]);
    assert_eq!(plan["total"], "176.00");
    assert_eq!(
        plan["offers"],
        json!([
            { "id": "88vip", "kind": "bundle", "price": "88.00", "covers": ["netease_music"] },
            { "id": "88vip_qq", "kind": "bundle", "price": "88.00", "covers": ["xiami"] }
        ])
    );
    assert_eq!(
        plan["standalone_total"],
        Value::Null,
        "xiami is not sold alone"
    );
    assert_eq!(plan["savings"], Value::Null);
}

#[test]
fn per_month_plans_in_monthly_prices() {
    // 88.00 / 12 = 7.33 beats 188.00 / 12 = 15.67.
    let plan = plan_json(&["--want", "qq_music", "--per", "month"]);
    assert_eq!(plan["basis"], "month");
    assert_eq!(plan["total"], "7.33");
    assert_eq!(plan["standalone_total"], "15.67");
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
        table.contains("Total ¥224.00 · bought one by one ¥441.00 · saves +¥217.00"),
        "{table}"
    );
    assert_eq!(
        run("csv"),
        "id,kind,price,covers\r\n88vip_qq,bundle,88.00,qq_music\r\njingteng,bundle,136.00,tencent_video\r\n"
    );
    let markdown = run("markdown");
    assert!(markdown.starts_with("| id | kind | price | covers |\n| --- | --- | ---: | --- |\n| 88vip_qq | bundle | 88.00 | qq_music |\n"), "{markdown}");
    assert!(
        markdown.contains("**Total:** 224.00 · bought one by one: 441.00 · savings: 217.00"),
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
