//! The household plan in JSON, table and Markdown (docs/reference/plan.md "Households"), in
//! both languages; without other people the plan reads as it always did.

use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::report::Format;
use bundlecalc::report::paint::Painter;
use bundlecalc::report::plan::{PlanReport, render_plan};
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::people::Person;
use bundlecalc_core::plan::plan;
use bundlecalc_core::scenario::Scenario;
use serde_json::{Value, json};

/// Me and mum on a two-seat video account; mum also wants music, which a bundle
/// with video sells cheaper than alone.
fn household() -> Catalog {
    let mut catalog = parse_catalog(
        "[profile]\nwants = [\"tencent_video\"]\n\
         [services.tencent_video]\nname = \"Tencent Video\"\nprice = 253\n\
         [services.qq_music]\nname = \"QQ Music\"\nprice = 188\n\
         [bundles.duo]\nname = \"Video + Music\"\nprice = 300\nincludes = [\"tencent_video\", \"qq_music\"]\n",
    )
    .unwrap();
    catalog.services[0].seats = 2;
    catalog.people = vec![Person {
        id: "mum".into(),
        name: "Mum".into(),
        wants: vec![0, 1],
        time: Default::default(),
    }];
    catalog
}

fn render(catalog: &Catalog, format: Format, lang: Lang) -> String {
    let scenario = Scenario::from_catalog(catalog);
    let found = plan(catalog, &scenario).unwrap();
    let report = PlanReport {
        catalog,
        basis: scenario.basis,
        plan: &found,
        what_ifs: None,
    };
    in_language(lang, || render_plan(&report, format, Painter::PLAIN))
}

#[test]
fn household_json_has_used_by_per_purchase_and_each_persons_share() {
    let plan: Value = serde_json::from_str(&render(&household(), Format::Json, Lang::En)).unwrap();
    // duo (300.00) covers both seats of video and mum's music. Fair shares (rule
    // 6): me alone 253.00, mum alone 300.00 (duo), both 300.00; me brings 253.00
    // or nothing (mum's duo has a seat), mum 300.00 or 47.00: me 126.50, mum 173.50.
    assert_eq!(plan["wants"], json!(["tencent_video", "qq_music"]));
    assert_eq!(
        plan["offers"],
        json!([{
            "id": "duo", "kind": "bundle", "price": "300.00",
            "covers": ["tencent_video", "qq_music"],
            "used_by": { "tencent_video": ["me", "mum"], "qq_music": ["mum"] }
        }])
    );
    assert_eq!(plan["total"], "300.00");
    // Each person's wants alone: 253.00 + 253.00 + 188.00.
    assert_eq!(plan["standalone_total"], "694.00");
    assert_eq!(plan["savings"], "394.00");
    assert_eq!(
        plan["people"],
        json!([
            { "id": "me", "name": "me", "wants": ["tencent_video"],
              "pays": "126.50", "alone": "253.00", "saves": "126.50" },
            { "id": "mum", "name": "Mum", "wants": ["tencent_video", "qq_music"],
              "pays": "173.50", "alone": "300.00", "saves": "126.50" }
        ])
    );
    assert_eq!(plan["split"], "fair");
    assert_eq!(plan["notes"], json!([]));
    // used_by keeps the order of covers.
    let text = render(&household(), Format::Json, Lang::En);
    assert!(text.find("\"tencent_video\": [").unwrap() < text.find("\"qq_music\": [").unwrap());
}

#[test]
fn household_table_lists_who_uses_what_then_one_row_per_person_in_both_languages() {
    let en = render(&household(), Format::Table, Lang::En);
    let row = |text: &str, start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no row {start:?} in\n{text}"))
            .to_string()
    };
    assert!(row(&en, "Video + Music").contains("Tencent Video: me, Mum; QQ Music: Mum"));
    assert!(en.contains("Used by"));
    let mum = row(&en, "Mum ");
    assert!(
        mum.contains("¥173.50") && mum.contains("¥300.00") && mum.contains("+¥126.50"),
        "{mum}"
    );
    let me = row(&en, "me ");
    assert!(me.contains("¥126.50") && me.contains("¥253.00"), "{me}");
    assert!(
        en.contains("Fair shares: each pays the extra cost they bring, averaged over every order of joining."),
        "{en}"
    );

    let zh = render(&household(), Format::Table, Lang::Zh);
    assert!(row(&zh, "Video + Music").contains("Tencent Video：我、Mum；QQ Music：Mum"));
    assert!(zh.contains("谁在用") && zh.contains("应付") && zh.contains("成员"));
    assert!(row(&zh, "我 ").contains("¥126.50"));
    assert!(zh.contains("公平分摊：每人付自己带来的额外费用"), "{zh}");
}

#[test]
fn household_markdown_has_a_used_by_column_and_a_people_table() {
    let en = render(&household(), Format::Markdown, Lang::En);
    assert!(en.contains("| duo | bundle | 300.00 | tencent_video;qq_music | Tencent Video: me, Mum; QQ Music: Mum |"), "{en}");
    assert!(
        en.contains("| person | wants | pays | alone | saves |"),
        "{en}"
    );
    assert!(
        en.contains("| Mum | tencent_video, qq_music | 173.50 | 300.00 | 126.50 |"),
        "{en}"
    );
    let zh = render(&household(), Format::Markdown, Lang::Zh);
    assert!(zh.contains("| 成员 | 想要 | 应付 | 单买 | 节省 |"), "{zh}");
    assert!(
        zh.contains("| 我 | tencent_video | 126.50 | 253.00 | 126.50 |"),
        "{zh}"
    );
    assert!(
        en.contains("\nFair shares: each pays the extra cost"),
        "{en}"
    );
}

#[test]
fn without_other_people_the_plan_has_no_people_and_no_used_by() {
    let mut catalog = household();
    catalog.people.clear();
    let json: Value = serde_json::from_str(&render(&catalog, Format::Json, Lang::En)).unwrap();
    assert!(json.get("people").is_none());
    assert!(json["offers"][0].get("used_by").is_none());
    assert_eq!(json["offers"][0]["id"], "tencent_video");
    let table = render(&catalog, Format::Table, Lang::En);
    assert!(!table.contains("Used by") && !table.contains("Pays"));
}

#[test]
fn people_none_plans_for_one_person_and_an_unknown_person_exits_2() {
    let sandbox = crate::support::Sandbox::new();
    let alone = sandbox
        .command()
        .args(["--plan", "--want", "qq_music", "--people", "none"])
        .output()
        .unwrap();
    assert!(alone.status.success());
    let unknown = sandbox
        .command()
        .args([
            "--plan", "--want", "qq_music", "--people", "mum", "--lang", "en",
        ])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(stderr.contains("unknown person `mum`"), "{stderr}");
    assert!(stderr.contains("the file has no people"), "{stderr}");
}
