//! Households from the file (docs/reference/file-format.md, "People who share", docs/reference/plan.md "Households"): `[people.ID]` and
//! `seats` read, the plan for everyone, `--people` as a view, and a person's
//! want nothing covers refused with the person named.

use crate::support::{Sandbox, fixture};
use predicates::prelude::*;
use serde_json::{Value, json};

fn plan_json(sandbox: &Sandbox, args: &[&str]) -> Value {
    let output = sandbox
        .command()
        .args(["--plan", "--format", "json", "--file"])
        .arg(fixture("household.toml"))
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
fn the_household_plan_shares_seats_and_splits_to_the_fen() {
    let sandbox = Sandbox::new();
    let plan = plan_json(&sandbox, &[]);
    assert_eq!(plan["wants"], json!(["tencent_video", "qq_music", "youku"]));
    assert_eq!(plan["total"], "562.00");
    // Jingteng's Tencent Video seats two (me, Mum); Youku's two (Mum, Dad).
    assert_eq!(plan["offers"][0]["id"], "jingteng");
    assert_eq!(
        plan["offers"][0]["used_by"],
        json!({ "tencent_video": ["me", "mum"] })
    );
    assert_eq!(
        plan["offers"][2]["used_by"],
        json!({ "youku": ["mum", "dad"] })
    );
    let people = plan["people"].as_array().unwrap();
    let row = |at: usize| {
        (
            people[at]["id"].as_str().unwrap(),
            people[at]["pays"].as_str().unwrap(),
            people[at]["alone"].as_str().unwrap(),
            people[at]["saves"].as_str().unwrap(),
        )
    };
    // 136 / 2 + 188 = 256; 68 + 238 / 2 = 187; 119: 562 in all.
    assert_eq!(row(0), ("me", "256.00", "324.00", "68.00"));
    assert_eq!(row(1), ("mum", "187.00", "374.00", "187.00"));
    assert_eq!(row(2), ("dad", "119.00", "238.00", "119.00"));
    assert_eq!(people[1]["name"], "Mum");
    assert_eq!(people[2]["name"], "dad");
}

#[test]
fn people_keeps_only_those_named_and_none_is_the_one_person_plan() {
    let sandbox = Sandbox::new();
    let plan = plan_json(&sandbox, &["--people", "dad"]);
    // Dad still needs Youku bought for him; Tencent Video is mine alone now.
    assert_eq!(plan["total"], "562.00");
    assert_eq!(plan["people"][0]["pays"], "324.00");
    assert_eq!(plan["people"][1]["pays"], "238.00");
    let ids: Vec<&str> = plan["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["me", "dad"]);
    let alone = plan_json(&sandbox, &["--people", "none"]);
    assert!(alone.get("people").is_none(), "{alone}");
    assert!(alone["offers"][0].get("used_by").is_none());
    assert_eq!(alone["total"], "324.00");
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(fixture("household.toml"))
        .args(["--people", "mun"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `mum`?"));
}

#[test]
fn a_person_s_want_nothing_covers_is_refused_naming_them() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(fixture("household.toml"))
        .unwrap()
        .replace(
            "[services.youku]\nprice = 238",
            "[services.youku]\nprice = 238\nsold_alone = false",
        );
    let path = sandbox.write("house.toml", &text);
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "`mum` wants `youku`, but no offer covers it",
        ));
}

#[test]
fn people_me_says_that_you_are_always_in_the_plan() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(fixture("household.toml"))
        .args(["--people", "me"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`me` is you, always in the plan"));
}

#[test]
fn people_none_in_a_list_says_it_goes_alone() {
    let sandbox = Sandbox::new();
    sandbox
        .command()
        .args(["--plan", "--file"])
        .arg(fixture("household.toml"))
        .args(["--people", "mum,none"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--people none keeps nobody, so it goes alone",
        ));
}
