//! What-if changes (docs/reference/file-format.md, "What-if changes", docs/reference/plan.md): a rumour is a change of an offer that exists,
//! applied with `--what-if`, and the plan says what each would save.

use crate::support::{Sandbox, bundle, compare_json, fixture};
use serde_json::{Value, json};

/// `--plan --format json` on `file` with extra arguments, parsed.
fn plan_json(sandbox: &Sandbox, file: &std::path::Path, args: &[&str]) -> Value {
    let output = sandbox
        .command()
        .args(["--plan", "--format", "json", "--file"])
        .arg(file)
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

/// Standard output of a run that must succeed.
fn stdout_of(sandbox: &Sandbox, args: &[&str]) -> String {
    let output = sandbox.command().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn with_both_rumours_applied_one_88vip_covers_all_three_wants() {
    let sandbox = Sandbox::new();
    let plan = plan_json(&sandbox, &fixture("what_if.toml"), &["--what-if", "all"]);
    assert_eq!(
        plan["offers"],
        json!([{ "id": "88vip", "kind": "bundle", "price": "88.00",
                 "covers": ["qq_music", "tencent_video", "youku"] }])
    );
    assert_eq!(plan["total"], "88.00");
    assert_eq!(plan["changes"], json!(["qq_joins_88vip", "tv_joins_88vip"]));
    // Every change is applied: nothing is left to try.
    assert_eq!(plan["what_if"], json!([]));
}

#[test]
fn the_plan_says_what_each_change_and_both_together_would_save() {
    let sandbox = Sandbox::new();
    let plan = plan_json(&sandbox, &fixture("what_if.toml"), &[]);
    assert_eq!(plan["total"], "412.00");
    assert_eq!(plan["changes"], json!([]));
    assert_eq!(
        plan["what_if"],
        json!([
            { "changes": ["qq_joins_88vip"], "offers": ["88vip", "jingteng"],
              "total": "224.00", "saves": "188.00" },
            { "changes": ["tv_joins_88vip"], "offers": ["88vip", "qq_music"],
              "total": "276.00", "saves": "136.00" },
            { "changes": ["qq_joins_88vip", "tv_joins_88vip"], "offers": ["88vip"],
              "total": "88.00", "saves": "324.00" }
        ])
    );
    // With one applied, the other alone is left (no "all together" of one).
    let plan = plan_json(
        &sandbox,
        &fixture("what_if.toml"),
        &["--what-if", "qq_joins_88vip"],
    );
    assert_eq!(plan["total"], "224.00");
    assert_eq!(
        plan["what_if"],
        json!([{ "changes": ["tv_joins_88vip"], "offers": ["88vip"],
                 "total": "88.00", "saves": "136.00" }])
    );
}

#[test]
fn a_file_without_changes_has_no_what_if_in_its_plan() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "plain.toml",
        "[profile]\nwants = [\"a\"]\n[services.a]\nprice = 1\n",
    );
    let plan = plan_json(&sandbox, &file, &[]);
    assert!(plan.get("what_if").is_none(), "{plan}");
    assert_eq!(plan["changes"], json!([]));
}

#[test]
fn the_table_and_the_markdown_say_each_what_if_in_a_sentence() {
    let sandbox = Sandbox::new();
    let file = fixture("what_if.toml");
    let file = file.to_str().unwrap();
    let table = stdout_of(&sandbox, &["--plan", "--file", file]);
    assert!(
        table.contains(
            "If QQ Music joins 88VIP, the plan is Taobao 88VIP, Jingteng at ¥224.00: ¥188.00 less."
        ),
        "{table}"
    );
    assert!(
        table.contains(
            "If QQ Music joins 88VIP and Tencent Video joins 88VIP, the plan is Taobao 88VIP at ¥88.00: ¥324.00 less."
        ),
        "{table}"
    );
    let markdown = stdout_of(
        &sandbox,
        &["--plan", "--format", "markdown", "--file", file],
    );
    assert!(
        markdown.contains(
            "- If Tencent Video joins 88VIP, the plan is Taobao 88VIP, QQ Music at 276.00: 136.00 less."
        ),
        "{markdown}"
    );
    let chinese = stdout_of(&sandbox, &["--plan", "--lang", "zh", "--file", file]);
    assert!(
        chinese.contains(
            "如果QQ Music joins 88VIP，方案是Taobao 88VIP、Jingteng，¥224.00，少花¥188.00。"
        ),
        "{chinese}"
    );
}

#[test]
fn a_what_if_that_uncovers_a_want_or_costs_more_says_so() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "bundles.toml",
        r#"
[profile]
wants = ["music", "video"]
[services.music]
price = 100
sold_alone = false
[services.video]
price = 50
[bundles.pack]
name = "Pack"
price = 80
includes = ["music", "video"]
[changes.music_leaves]
name = "music leaves the pack"
offer = "pack"
remove = ["music"]
[changes.dearer]
name = "the pack costs 120"
offer = "pack"
price = 120
"#,
    );
    let plan = plan_json(&sandbox, &file, &[]);
    assert_eq!(
        plan["what_if"],
        json!([
            { "changes": ["music_leaves"], "offers": null, "total": null, "saves": null },
            { "changes": ["dearer"], "offers": ["pack"], "total": "120.00", "saves": "-40.00" },
            { "changes": ["music_leaves", "dearer"], "offers": null, "total": null, "saves": null }
        ])
    );
    let table = stdout_of(&sandbox, &["--plan"]);
    assert!(
        table.contains("If music leaves the pack, no plan could cover every wanted service."),
        "{table}"
    );
    assert!(
        table.contains("If the pack costs 120, the plan is Pack at ¥120.00: ¥40.00 more."),
        "{table}"
    );
    let chinese = stdout_of(&sandbox, &["--plan", "--lang", "zh"]);
    assert!(
        chinese.contains("如果music leaves the pack，没有方案能覆盖所有想要的服务。"),
        "{chinese}"
    );
}

#[test]
fn a_changed_offer_is_named_with_its_change_where_people_read_it() {
    let sandbox = Sandbox::new();
    let file = fixture("what_if.toml");
    let file = file.to_str().unwrap();
    let args = ["--what-if", "qq_joins_88vip", "--file", file];
    let table = stdout_of(&sandbox, &[&["--compare"][..], &args].concat());
    assert!(
        table.contains("Taobao 88VIP · if QQ Music joins 88VIP"),
        "{table}"
    );
    let markdown = stdout_of(
        &sandbox,
        &[&["--compare", "--format", "markdown"][..], &args].concat(),
    );
    assert!(
        markdown.contains("| Taobao 88VIP · if QQ Music joins 88VIP |"),
        "{markdown}"
    );
    let plan = stdout_of(&sandbox, &[&["--plan"][..], &args].concat());
    assert!(
        plan.contains("Taobao 88VIP · if QQ Music joins 88VIP  bundle"),
        "{plan}"
    );
    // CSV and JSON keep the name as written, and give the changes' ids.
    let csv = stdout_of(
        &sandbox,
        &[&["--compare", "--format", "csv"][..], &args].concat(),
    );
    assert!(csv.contains("\n88vip,Taobao 88VIP,88.00,386.00,"), "{csv}");
    let json = compare_json(&sandbox, &args);
    assert_eq!(json["changes"], json!(["qq_joins_88vip"]));
    let vip = bundle(&json, "88vip");
    assert_eq!(vip["name"], "Taobao 88VIP");
    assert_eq!(vip["changes"], json!(["qq_joins_88vip"]));
    assert_eq!(vip["standalone_value"], "386.00");
    assert_eq!(vip["services"][1]["id"], "qq_music");
    assert_eq!(bundle(&json, "jingteng")["changes"], json!([]));
}

#[test]
fn what_if_refuses_an_unknown_change_with_a_suggestion() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .command()
        .args(["--compare", "--what-if", "qq_join_88vip", "--file"])
        .arg(fixture("what_if.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown change `qq_join_88vip`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `qq_joins_88vip`?"),
        "{stderr}"
    );
}

#[test]
fn changes_that_together_empty_a_bundle_are_refused_naming_them() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.a]
price = 1
[services.b]
price = 2
[bundles.pack]
price = 2
includes = ["a", "b"]
[changes.no_a]
offer = "pack"
remove = ["a"]
[changes.no_b]
offer = "pack"
remove = ["b"]
"#,
    );
    // Each alone is fine, so the file is valid.
    sandbox.command().arg("--check").assert().success();
    let output = sandbox
        .command()
        .args(["--compare", "--what-if", "all"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the changes `no_a`, `no_b` leave bundle `pack` with no include"),
        "{stderr}"
    );
}

#[test]
fn several_changes_of_one_offer_apply_in_file_order_skipping_what_is_done() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.a]
price = 10
[services.b]
price = 20
[bundles.pack]
price = 5
includes = ["a"]
[changes.add_b]
offer = "pack"
add = ["b"]
price = 7
[changes.add_b_again]
offer = "pack"
add = ["b"]
price = 9
"#,
    );
    let json = compare_json(&sandbox, &["--what-if", "add_b_again,add_b"]);
    let pack = bundle(&json, "pack");
    // b is added once; the later change's price wins.
    assert_eq!(pack["price"], "9.00");
    assert_eq!(pack["standalone_value"], "30.00");
    assert_eq!(pack["changes"], json!(["add_b", "add_b_again"]));
}

#[test]
fn a_fact_tested_only_by_a_change_can_be_set() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.a]
price = 10
[bundles.pack]
price = 5
includes = ["a"]
[changes.member_price]
offer = "pack"
tiers = [{ when = "level >= 3", price = 2 }]
"#,
    );
    let json = compare_json(&sandbox, &["--set", "level=3"]);
    assert_eq!(bundle(&json, "pack")["price"], "5.00");
    let json = compare_json(&sandbox, &["--set", "level=3", "--what-if", "member_price"]);
    assert_eq!(bundle(&json, "pack")["price"], "2.00");
    assert_eq!(bundle(&json, "pack")["price_rule"], "level >= 3");
}

/// A fact the file's own tier tests can be set with any what-if applied,
/// one that replaces that tier too: a script passes the same `--set` whatever
/// it varies.
#[test]
fn a_fact_of_a_tier_a_change_replaces_can_still_be_set() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.a]
price = 100
[bundles.b]
price = 90
includes = ["a"]
tiers = [{ when = "k >= 1", price = 50 }]
[changes.promo]
offer = "b"
tiers = [{ when = "promo_level >= 2", price = 10 }]
[changes.notiers]
offer = "b"
tiers = []
"#,
    );
    let json = compare_json(&sandbox, &["--set", "k=1"]);
    assert_eq!(bundle(&json, "b")["price"], "50.00");
    let json = compare_json(&sandbox, &["--set", "k=1", "--what-if", "notiers"]);
    assert_eq!(bundle(&json, "b")["price"], "90.00");
    let args = [
        "--set",
        "k=1",
        "--set",
        "promo_level=2",
        "--what-if",
        "promo",
    ];
    let json = compare_json(&sandbox, &args);
    assert_eq!(bundle(&json, "b")["price"], "10.00");
    // A fact nothing tests is still refused, and the help names the file's.
    let output = sandbox
        .command()
        .args(["--compare", "--set", "kk=1", "--what-if", "notiers"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean `k`"), "{stderr}");
}

#[test]
fn a_change_of_a_service_replaces_its_prices_key_by_key() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.tv]
price = 253
label = "annual card"
[bundles.pack]
price = 100
includes = ["tv"]
[changes.cheaper_tv]
offer = "tv"
price = 238
other_prices = [{ price = 20, period = "month", label = "monthly" }]
"#,
    );
    let json = compare_json(&sandbox, &["--what-if", "cheaper_tv"]);
    let tv = &bundle(&json, "pack")["services"][0];
    assert_eq!(tv["standalone_price"], "238.00");
    // No label given: the old one stays.
    assert_eq!(tv["price_label"], "annual card");
    assert_eq!(tv["changes"], json!(["cheaper_tv"]));
}

#[test]
fn what_if_of_an_offer_s_id_names_the_changes_of_it() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .command()
        .args(["--plan", "--what-if", "88vip", "--file"])
        .arg(fixture("what_if.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`88vip` is an offer, not a change"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the changes of `88vip` are: qq_joins_88vip, tv_joins_88vip"),
        "{stderr}"
    );
}

#[test]
fn a_change_s_name_reaches_the_table_with_its_control_characters_escaped() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"a\"]\n[services.a]\nprice = 10\n[bundles.pack]\nname = \"Pack\"\nprice = 5\nincludes = [\"a\"]\n[changes.c]\nname = \"bell\\u0007 rings\"\noffer = \"pack\"\nprice = 4\n",
    );
    let table = stdout_of(&sandbox, &["--compare", "--what-if", "c"]);
    assert!(table.contains("Pack · if bell\\u{7} rings"), "{table}");
    assert!(!table.contains('\u{7}'));
    let plan = stdout_of(&sandbox, &["--plan"]);
    assert!(
        plan.contains("If bell\\u{7} rings, the plan is Pack at ¥4.00: ¥1.00 less."),
        "{plan}"
    );
    // JSON keeps the name as written, escaped the JSON way.
    let json = compare_json(&sandbox, &["--what-if", "c"]);
    assert_eq!(bundle(&json, "pack")["name"], "Pack");
}

#[test]
fn removing_from_a_group_and_adding_a_group_change_what_is_counted() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"
[services.a]
price = 10
[services.b]
price = 20
[services.c]
price = 30
[services.d]
price = 40
[services.e]
price = 50
[bundles.pack]
price = 5
includes = ["a", { one_of = ["b", "c"], label = "pick" }]
[changes.no_c]
offer = "pack"
remove = ["c"]
[changes.d_or_e]
offer = "pack"
add = [{ one_of = ["d", "e"], label = "extra" }]
"#,
    );
    let counted = |args: &[&str]| {
        let json = compare_json(&sandbox, args);
        let pack = bundle(&json, "pack");
        let services: Vec<_> = pack["services"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| json!([s["id"], s["group"]]))
            .collect();
        (services, pack["standalone_value"].clone())
    };
    // As written: a, and the dearer of b and c.
    assert_eq!(
        counted(&[]),
        (
            vec![json!(["a", null]), json!(["c", "pick"])],
            json!("40.00")
        )
    );
    // Without c, the group is the plain include b.
    assert_eq!(
        counted(&["--what-if", "no_c"]),
        (vec![json!(["a", null]), json!(["b", null])], json!("30.00"))
    );
    // The added group counts its dearer member, at the end.
    assert_eq!(
        counted(&["--what-if", "all"]),
        (
            vec![
                json!(["a", null]),
                json!(["b", null]),
                json!(["e", "extra"])
            ],
            json!("80.00")
        )
    );
}

#[test]
fn csv_names_the_changes_applied_to_each_bundle_after_its_status() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .command()
        .args(["--compare", "--format", "csv", "--what-if", "all", "--file"])
        .arg(fixture("what_if.toml"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",status,changes,currency,per"),
        "{text}"
    );
    let row = lines.find(|l| l.starts_with("88vip,")).unwrap();
    // The name as written; the ids of the changes in file order.
    assert!(row.starts_with("88vip,Taobao 88VIP,"), "{row}");
    assert!(
        row.ends_with(",available,qq_joins_88vip;tv_joins_88vip,CNY,year"),
        "{row}"
    );
    let row = text.lines().find(|l| l.starts_with("jingteng,")).unwrap();
    assert!(row.ends_with(",available,,CNY,year"), "{row}");
}

#[test]
fn the_shipped_rumours_are_changes_of_88vip_not_bundles() {
    let sandbox = Sandbox::new();
    let json = compare_json(&sandbox, &["--today", "2026-11-30"]);
    let ids: Vec<_> = json["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["88vip", "qq_music_green", "jingteng"]);
    let output = sandbox
        .command()
        .args([
            "--plan",
            "--format",
            "json",
            "--what-if",
            "all",
            "--today",
            "2026-11-30",
        ])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        plan["changes"],
        json!(["qq_joins_88vip", "tv_by_88vip_points", "mango_joins_88vip"])
    );
    assert_eq!(plan["offers"][0]["id"], "88vip");
    assert_eq!(plan["offers"].as_array().unwrap().len(), 1);
    assert_eq!(plan["total"], "88.00");
}

/// Every place that names a purchase names its way: the what-if sentences too,
/// so that nobody reads "QQ Music" and pays the 188 annual fee.
#[test]
fn what_if_sentences_name_the_way_each_service_is_bought() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .command()
        .args(["--plan", "--today", "2026-11-30"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains(", the plan is Taobao 88VIP (淘宝88VIP), QQ Music Green Diamond (QQ音乐豪华绿钻) · auto-renew monthly (连续包月) at ¥268.00: ¥136.00 less."),
        "{table}"
    );
}
