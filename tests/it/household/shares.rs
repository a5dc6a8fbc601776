//! How a household shares its total (docs/reference/file-format.md, "People who share" `[household] split`, docs/reference/arithmetic.md, "Rule 6: Household shares"):
//! fair shares by default, equal savings, by use and agreed weights, each rounded
//! once per person; `--split` for one run; the limit of fair shares; the
//! household CSV.

use crate::support::Sandbox;
use predicates::prelude::*;
use serde_json::{Value, json};

/// The shipped file, with me wanting Youku, Mum wanting JD PLUS, and a 200.00
/// bundle of both: alone me pays 88.00 (88VIP) and Mum 136.00 (京腾年卡);
/// together the bundle, 200.00, is cheaper than 224.00.
fn example(more: &str) -> String {
    let shipped = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bundles.toml"));
    let mine = "wants = [\"qq_music\", \"tencent_video\", \"youku\"]";
    assert!(shipped.contains(mine));
    shipped.replace(mine, "wants = [\"youku\"]")
        + "\n[people.mum]\nname = \"Mum\"\nwants = [\"jd_plus\"]\n\n\
           [bundles.youku_jd]\nname = \"Youku + JD PLUS\"\nprice = 200\n\
           includes = [\"youku\", \"jd_plus\"]\n"
        + more
}

fn plan_json(sandbox: &Sandbox, text: &str, args: &[&str]) -> Value {
    let path = sandbox.write("house.toml", text);
    let output = sandbox
        .command()
        .args([
            "--plan",
            "--format",
            "json",
            "--today",
            "2026-09-01",
            "--file",
        ])
        .arg(&path)
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

/// Each person's `(id, pays, alone, saves)`.
fn people(plan: &Value) -> Vec<(String, String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap().to_string();
    plan["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                text(&p["id"]),
                text(&p["pays"]),
                text(&p["alone"]),
                text(&p["saves"]),
            )
        })
        .collect()
}

fn pays(plan: &Value) -> Vec<String> {
    people(plan).into_iter().map(|p| p.1).collect()
}

#[test]
fn fair_shares_keep_everyone_below_alone_where_by_use_does_not() {
    let sandbox = Sandbox::new();
    let fair = plan_json(&sandbox, &example(""), &[]);
    assert_eq!(fair["total"], "200.00");
    assert_eq!(fair["offers"][0]["id"], "youku_jd");
    assert_eq!(fair["split"], "fair");
    // me brings 88.00 alone or 64.00 after Mum (200 − 136); Mum 136.00 or 112.00.
    assert_eq!(
        people(&fair),
        [
            ("me".into(), "76.00".into(), "88.00".into(), "12.00".into()),
            (
                "mum".into(),
                "124.00".into(),
                "136.00".into(),
                "12.00".into()
            )
        ]
    );
    assert_eq!(fair["notes"], json!([]));

    // Everyone saves 200 / 224 of their alone: 78.571… and 121.428….
    let equal = plan_json(&sandbox, &example(""), &["--split", "equal_savings"]);
    assert_eq!(equal["split"], "equal_savings");
    assert_eq!(pays(&equal), ["78.57", "121.43"]);

    // By use: 200.00 split 238 : 198 over Youku and JD PLUS, and I pay more than
    // alone, which a note says.
    let by_use = plan_json(&sandbox, &example(""), &["--split", "by_use"]);
    assert_eq!(by_use["split"], "by_use");
    assert_eq!(pays(&by_use), ["109.17", "90.83"]);
    assert_eq!(by_use["people"][0]["saves"], "-21.17");
    assert_eq!(
        by_use["notes"],
        json!(["me pays 109.17, 21.17 more than alone (88.00)"])
    );
}

#[test]
fn the_file_s_rule_is_used_and_split_replaces_it_for_one_run() {
    let sandbox = Sandbox::new();
    let by_use = example("\n[household]\nsplit = \"by_use\"\n");
    assert_eq!(
        pays(&plan_json(&sandbox, &by_use, &[])),
        ["109.17", "90.83"]
    );
    let fair = plan_json(&sandbox, &by_use, &["--split", "fair"]);
    assert_eq!(fair["split"], "fair");
    assert_eq!(pays(&fair), ["76.00", "124.00"]);
}

#[test]
fn the_table_and_markdown_name_the_rule_and_the_note_in_both_languages() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("house.toml", &example(""));
    let run = |args: &[&str]| {
        let output = sandbox
            .command()
            .args(["--plan", "--today", "2026-09-01", "--file"])
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let table = run(&["--lang", "en"]);
    assert!(
        table.contains(
            "Fair shares: each pays the extra cost they bring, averaged over every order of joining."
        ),
        "{table}"
    );
    let table = run(&["--lang", "en", "--split", "by_use"]);
    assert!(
        table.contains("By use: each purchase split over the services used from it"),
        "{table}"
    );
    assert!(
        table.contains("note: me pays ¥109.17, ¥21.17 more than alone (¥88.00)"),
        "{table}"
    );
    let zh = run(&["--lang", "zh", "--split", "by_use"]);
    assert!(
        zh.contains("按使用：每次购买按所用服务拆分，再由使用者平分。"),
        "{zh}"
    );
    assert!(
        zh.contains("备注：我 付 ¥109.17，比单买（¥88.00）多 ¥21.17"),
        "{zh}"
    );
    let markdown = run(&["--lang", "en", "--format", "markdown"]);
    assert!(
        markdown.contains("\nFair shares: each pays the extra cost"),
        "{markdown}"
    );
    // JSON stays English whatever the language.
    let json = run(&["--lang", "zh", "--format", "json", "--split", "by_use"]);
    assert!(
        json.contains("me pays 109.17, 21.17 more than alone (88.00)"),
        "{json}"
    );
}

/// Three people wanting the same two services, ¥5 and ¥10, each shared by all.
fn three_alike(split: &str) -> String {
    let people: String = ["mum", "dad"]
        .iter()
        .map(|id| format!("[people.{id}]\nwants = [\"a\", \"b\"]\n"))
        .collect();
    format!(
        "[profile]\nwants = [\"a\", \"b\"]\n{people}\
         [services.a]\nprice = 5\nseats = 3\n[services.b]\nprice = 10\nseats = 3\n\
         [household]\nsplit = \"{split}\"\n"
    )
}

#[test]
fn three_people_with_the_same_wants_pay_the_same_under_every_rule() {
    let sandbox = Sandbox::new();
    for split in ["fair", "equal_savings", "by_use"] {
        let plan = plan_json(&sandbox, &three_alike(split), &[]);
        assert_eq!(plan["total"], "15.00", "{split}");
        assert_eq!(plan["split"], split);
        assert_eq!(pays(&plan), ["5.00", "5.00", "5.00"], "{split}");
    }
}

#[test]
fn agreed_weights_share_in_proportion_and_a_person_not_named_pays_nothing() {
    let sandbox = Sandbox::new();
    let weights = example("\n[household]\nsplit = { me = 60, mum = 40 }\n");
    let plan = plan_json(&sandbox, &weights, &[]);
    assert_eq!(plan["split"], "weights");
    assert_eq!(pays(&plan), ["120.00", "80.00"]);
    assert_eq!(
        plan["notes"],
        json!(["me pays 120.00, 32.00 more than alone (88.00)"])
    );
    // Dad also wants Youku: the bundle's second Youku seat is his, the total stays
    // 200.00, and the weights do not name him.
    let with_dad = weights.replace(
        "\n[household]",
        "\n[people.dad]\nname = \"Dad\"\nwants = [\"youku\"]\n\n[household]",
    );
    let plan = plan_json(&sandbox, &with_dad, &[]);
    assert_eq!(plan["total"], "200.00");
    assert_eq!(pays(&plan), ["120.00", "80.00", "0.00"]);
    // Weights need not add up to 100; all zero is an equal split.
    let thirds = weights.replace("{ me = 60, mum = 40 }", "{ me = 0.3, mum = \"0.2\" }");
    assert_eq!(
        pays(&plan_json(&sandbox, &thirds, &[])),
        ["120.00", "80.00"]
    );
    let zero = weights.replace("{ me = 60, mum = 40 }", "{ me = 0 }");
    assert_eq!(pays(&plan_json(&sandbox, &zero, &[])), ["100.00", "100.00"]);
    // The agreed shares are listed as each language lists things.
    let path = sandbox.write("weights.toml", &weights);
    for (lang, listed) in [("en", "me 60, Mum 40"), ("zh", "我 60、Mum 40")] {
        let output = sandbox
            .command()
            .args(["--plan", "--today", "2026-09-01", "--lang", lang, "--file"])
            .arg(&path)
            .output()
            .unwrap();
        let table = String::from_utf8(output.stdout).unwrap();
        assert!(table.contains(listed), "{table}");
    }
}

#[test]
fn each_bad_rule_or_weight_is_refused_at_its_place_in_both_languages() {
    let sandbox = Sandbox::new();
    let cases = [
        (
            "split = { me = 60, mun = 40 }",
            "unknown person `mun` in `household.split`",
            "`household.split` 中有未知的成员 `mun`",
            "did you mean `mum`?",
            20,
        ),
        (
            "split = { me = 60, mum = -40 }",
            "`household.split.mum` must not be negative",
            "`household.split.mum` 不能是负数",
            "",
            26,
        ),
        (
            "split = \"fiar\"",
            "unknown rule `fiar` in `household.split`",
            "`household.split` 中有未知的规则 `fiar`",
            "did you mean `fair`?",
            9,
        ),
    ];
    for (line, english, chinese, help, column) in cases {
        let text = example(&format!("\n[household]\n{line}\n"));
        let path = sandbox.write("house.toml", &text);
        let at = text.lines().position(|l| l == line).unwrap() + 1;
        for (lang, message) in [("en", english), ("zh", chinese)] {
            let output = sandbox
                .command()
                .args(["--plan", "--lang", lang, "--file"])
                .arg(&path)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(65), "{line}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(message), "{stderr}");
            assert!(
                stderr.contains(&format!("{}:{at}:{column}\n", path.display())),
                "{stderr}"
            );
            if lang == "en" {
                assert!(stderr.contains(help), "{stderr}");
            }
        }
    }
}

/// Me and ten people, each wanting Youku (two seats) and some wanting QQ Music.
fn eleven(extra: &str) -> String {
    let shipped = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bundles.toml"));
    let people: String = (1..=10)
        .map(|p| {
            let wants = if p % 3 == 0 {
                "[\"youku\", \"qq_music\"]"
            } else {
                "[\"youku\"]"
            };
            format!("\n[people.p{p}]\nwants = {wants}\n")
        })
        .collect();
    shipped.to_string() + &people + extra
}

#[test]
fn fair_shares_stop_at_ten_people_and_the_default_falls_back_to_equal_savings() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("eleven.toml", &eleven(""));
    sandbox
        .command()
        .args(["--plan", "--split", "fair", "--lang", "en", "--file"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fair shares are computed for at most 10 people, and this household has 11",
        ))
        .stderr(predicate::str::contains("--split equal_savings"));
    let plan = plan_json(&sandbox, &eleven(""), &[]);
    assert_eq!(plan["split"], "equal_savings");
    let notes = plan["notes"].as_array().unwrap();
    assert!(
        notes.contains(&json!(
            "fair shares are computed for at most 10 people, and this household has 11: shared by equal savings instead"
        )),
        "{notes:?}"
    );
    // The same for a file that asks for fair shares: it falls back too.
    let asked = eleven("\n[household]\nsplit = \"fair\"\n");
    assert_eq!(plan_json(&sandbox, &asked, &[])["split"], "equal_savings");
    // Ten people are shared fairly.
    let ten = plan_json(
        &sandbox,
        &eleven(""),
        &["--people", "p1,p2,p3,p4,p5,p6,p7,p8,p9"],
    );
    assert_eq!(ten["split"], "fair");
    assert_eq!(ten["people"].as_array().unwrap().len(), 10);
}

#[test]
fn a_household_csv_has_a_row_per_purchase_service_and_person_then_one_per_person() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("house.toml", &example(""));
    let output = sandbox
        .command()
        .args(["--plan", "--format", "csv", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "purchase,id,kind,price,service,person,currency,per\r\n\
         0,youku_jd,bundle,200.00,youku,me,CNY,year\r\n\
         0,youku_jd,bundle,200.00,jd_plus,mum,CNY,year\r\n\
         \r\n\
         person,pays,alone,saves,currency,per\r\n\
         me,76.00,88.00,12.00,CNY,year\r\n\
         mum,124.00,136.00,12.00,CNY,year\r\n"
    );
}

/// The weights' help names each person once, though a person of the file is
/// wrongly called `me` too.
#[test]
fn the_weights_help_names_me_once() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1\n[people.me]\nwants = [\"a\"]\n[people.dad]\nwants = [\"a\"]\n\
         [household]\nsplit = { me = 1, zzz = 2 }\n",
    );
    let output = sandbox
        .command()
        .args(["--check", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("= help: weights are for: me, dad\n"),
        "{stderr}"
    );
}
