//! `--plan` on the shipped offers, with the arithmetic spelled out.

use crate::support::Sandbox;
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
fn qq_music_and_tencent_video_cost_316_on_sale_and_88_if_both_rumours_come_true() {
    // On sale: jingteng (136.00) covers Tencent Video; QQ Music alone costs 180.00
    // (15.00 a month auto-renewed, less than the 188.00 annual fee and the
    // one-service bundle). 136.00 + 180.00 = 316.00; alone 180.00 + 238.00 =
    // 418.00, so the plan saves 102.00.
    let plan = plan_json(&["--want", "qq_music,tencent_video"]);
    insta::assert_snapshot!("plan_json", serde_json::to_string_pretty(&plan).unwrap());
    assert_eq!(plan["total"], "316.00");
    assert_eq!(plan["standalone_total"], "418.00");
    assert_eq!(plan["savings"], "102.00");
    assert_eq!(plan["extras"], json!(["jd_plus"]));
    assert_eq!(plan["include"], json!(["available"]));
    // The rumours are changes of the one 88VIP (88.00 with taoqi 1200): with QQ
    // Music in it, 88.00 + 136.00 = 224.00, 92.00 less; with Tencent Video,
    // 88.00 + 180.00 = 268.00, 48.00 less; Mango TV changes nothing; with all of
    // them one 88VIP covers both: 88.00, 228.00 less.
    assert_eq!(
        plan["what_if"],
        json!([
            { "changes": ["qq_joins_88vip"], "offers": ["88vip", "jingteng"], "total": "224.00", "saves": "92.00" },
            { "changes": ["tv_by_88vip_points"], "offers": ["88vip", "qq_music"], "total": "268.00", "saves": "48.00" },
            { "changes": ["mango_joins_88vip"], "offers": ["jingteng", "qq_music"], "total": "316.00", "saves": "0.00" },
            { "changes": ["qq_joins_88vip", "tv_by_88vip_points", "mango_joins_88vip"], "offers": ["88vip"], "total": "88.00", "saves": "228.00" }
        ])
    );
    // No offer is rumoured any more.
    assert_eq!(plan["if_rumoured"], Value::Null);
}

#[test]
fn a_rumoured_offer_is_used_only_when_included() {
    let file = crate::support::fixture("rumoured.toml");
    let file = file.to_str().unwrap();
    // On sale, QQ Music costs 188.00 (the service itself).
    let plan = plan_json(&["--want", "qq_music", "--file", file]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "qq_music", "kind": "service", "price": "188.00", "label": "annual fee", "covers": ["qq_music"] }])
    );
    // The rumoured 88VIP + QQ Music would cost 88.00: 188.00 - 88.00 = 100.00 less.
    assert_eq!(
        plan["if_rumoured"],
        json!({ "offers": ["88vip_qq"], "total": "88.00", "saves": "100.00" })
    );
    let with_rumours = plan_json(&[
        "--want",
        "qq_music",
        "--include",
        "rumoured",
        "--file",
        file,
    ]);
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
        .args(["--plan", "--want", "qq_music", "--file", file])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "If 88VIP + QQ Music (rumoured) launches: ¥88.00, ¥100.00 less",
        ));
}

#[test]
fn the_default_plan_and_what_the_rumours_would_change() {
    // The shipped wants: QQ Music, Tencent Video, Youku. On sale: 88VIP (88.00) for
    // Youku, jingteng (136.00) for Tencent Video, QQ Music alone (180.00):
    // 88.00 + 136.00 + 180.00 = 404.00.
    let plan = plan_json(&[]);
    let ids: Vec<&str> = plan["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["88vip", "jingteng", "qq_music"]);
    assert_eq!(plan["total"], "404.00");
    // Both rumours in the one 88VIP: it alone covers all three, 404.00 - 88.00 =
    // 316.00 less.
    let all = &plan["what_if"][3];
    assert_eq!(all["offers"], json!(["88vip"]));
    assert_eq!(all["total"], "88.00");
    assert_eq!(all["saves"], "316.00");
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
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "b.toml",
        "[services.a]\nprice = 10\nsold_alone = false\n[bundles.b2]\nprice = 5\nincludes = [\"a\"]\n[bundles.b1]\nprice = 5\nincludes = [\"a\"]\n[profile]\nwants = [\"a\"]\n",
    );
    let plan = plan_json(&["--file", file.to_str().unwrap()]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "b1", "kind": "bundle", "price": "5.00", "covers": ["a"] }])
    );
}

#[test]
fn youku_and_eleme_are_cheapest_in_88vip() {
    let plan = plan_json(&["--want", "youku,eleme"]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "88vip", "kind": "bundle", "price": "88.00", "covers": ["youku", "eleme"] }])
    );
    // 238.00 + 120.00 (10.00 a month) = 358.00 alone; 358.00 - 88.00 = 270.00 saved.
    assert_eq!(plan["standalone_total"], "358.00");
    assert_eq!(plan["savings"], "270.00");
    assert_eq!(plan["extras"], json!(["taopiaopiao", "tmall_discount"]));
}

#[test]
fn set_changes_tier_prices_in_the_plan() {
    // With taoqi 500 88VIP costs 888.00: JD PLUS is cheapest in jingteng (136.00 < 198.00).
    let plan = plan_json(&["--want", "jd_plus,youku", "--set", "taoqi=500"]);
    let offers: Vec<&str> = plan["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(offers, ["jingteng", "youku"]);
    assert_eq!(plan["total"], "374.00"); // 136.00 + 238.00
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
    // 15.00 a month auto-renewed; with QQ Music in 88VIP, 88.00 / 12 = 7.33, 7.67 less.
    let plan = plan_json(&["--want", "qq_music", "--per", "month"]);
    assert_eq!(plan["basis"], "month");
    assert_eq!(plan["total"], "15.00");
    assert_eq!(plan["standalone_total"], "15.00");
    assert_eq!(plan["what_if"][0]["total"], "7.33");
    assert_eq!(plan["what_if"][0]["saves"], "7.67");
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
        table.contains("Total ¥316.00 · bought one by one ¥418.00 · saves +¥102.00"),
        "{table}"
    );
    assert_eq!(
        run("csv"),
        "id,kind,price,covers,currency,per\r\njingteng,bundle,136.00,tencent_video,CNY,year\r\nqq_music,service,180.00,qq_music,CNY,year\r\n"
    );
    let markdown = run("markdown");
    assert!(markdown.starts_with("Amounts in CNY, per year.\n\n| id | kind | price | covers |\n| --- | --- | ---: | --- |\n| jingteng | bundle | 136.00 | tencent_video |\n"), "{markdown}");
    assert!(
        markdown.contains("**Total:** 316.00 · bought one by one: 418.00 · savings: 102.00"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- If QQ Music joins 88VIP (QQ音乐加入88VIP), the plan is Taobao 88VIP (淘宝88VIP), JD PLUS + Tencent Video (京腾年卡) at 224.00: 92.00 less."),
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

/// Rumoured offers (`status = "rumoured"`) and what-ifs (`[changes]`) are two
/// things, said apart: a file with no rumoured offer says nothing about them,
/// and its what-ifs come under a heading of their own.
#[test]
fn a_file_with_no_rumoured_offer_says_nothing_about_rumoured_offers() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .command()
        .args(["--plan", "--today", "2026-11-30"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(!table.to_lowercase().contains("rumoured"), "{table}");
    let heading = table
        .lines()
        .position(|l| l == "What if the file's changes came true (--what-if applies them):")
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        table
            .lines()
            .nth(heading + 1)
            .unwrap()
            .starts_with("If QQ Music joins 88VIP")
    );

    // With a rumoured offer that would not help, the sentence names what it speaks of.
    let file = sandbox.write(
        "r.toml",
        "[profile]\nwants = [\"a\"]\n[services.a]\nprice = 10\n[bundles.r]\nstatus = \"rumoured\"\nprice = 20\nincludes = [\"a\"]\n",
    );
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "No offer marked rumoured (not on sale yet) would make this plan cheaper.",
        ));
}

#[test]
fn a_cheaper_plan_through_a_rumoured_group_member_names_that_member() {
    // Only `s1` is rumoured: on sale it comes only with `b2` (50.00); the
    // cheaper plan buys `b1`, on sale, choosing `s1` from its group: the
    // sentence names `s1`, not an empty list.
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"s1\", \"s2\"]\n\
         [services.s0]\nprice = 10\n\
         [services.s1]\nprice = 0\nstatus = \"rumoured\"\n\
         [services.s2]\nprice = 4\nperiod = \"quarter\"\nsold_alone = false\n\
         [bundles.b0]\nprice = 40\nincludes = [\"s0\", { one_of = [\"s2\", \"s1\"] }]\n\
         [bundles.b1]\nprice = 2\nincludes = [\"s2\", { one_of = [\"s1\", \"s0\"] }]\n\
         [bundles.b2]\nprice = 50\nincludes = [\"s1\", \"s2\"]\n",
    );
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "If s1 (rumoured) launches: ¥2.00, ¥48.00 less",
        ));
}

#[test]
fn a_rumoured_plain_include_of_an_offer_on_sale_is_not_named_as_launching() {
    // `r` is rumoured but comes as a plain include of `g`, on sale: only the
    // rumoured bundle `h` has to launch for the cheaper plan.
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"a\", \"r\", \"b\"]\n\
         [services.a]\nprice = 10\n\
         [services.r]\nprice = 5\nstatus = \"rumoured\"\nsold_alone = false\n\
         [services.b]\nprice = 50\n\
         [bundles.g]\nprice = 12\nincludes = [\"a\", \"r\"]\n\
         [bundles.h]\nprice = 20\nincludes = [\"b\"]\nstatus = \"rumoured\"\n",
    );
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "If h (rumoured) launches: ¥32.00, ¥30.00 less",
        ));
}
