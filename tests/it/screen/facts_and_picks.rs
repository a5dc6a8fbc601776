//! Other facts and picks tried in the screen: facts edited with `f`, a group's
//! member chosen with `c`, rumoured offers let into the plan with `i`, each
//! followed by every figure. (What-if changes, `[changes.ID]`, are `whatif::`.)

use crate::support::screen::{row_with, screen};
use bundlecalc::tui::action::Opens;
use std::fs;

use crate::support::app::{
    built_in, open_app, open_sized, set_fact, settle, type_text, wait_for_plan,
};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::pane::Pane;

#[test]
fn the_facts_window_lists_each_tested_fact_with_its_source_and_tiers() {
    let mut app = built_in(100, 30);
    app.update(Action::Open(Opens::Facts));
    let lines = screen(&app);
    assert!(row_with(&lines, "taoqi").contains("1200"));
    assert!(row_with(&lines, "taoqi").contains("(file)"));
    assert!(row_with(&lines, "Taobao 88VIP (淘宝88VIP): taoqi >= 1000").contains("88VIP"));
}

#[test]
fn setting_taoqi_to_500_shows_888_everywhere_and_1200_brings_88_back() {
    let mut app = built_in(80, 24);
    assert!(row_with(&screen(&app), "Taobao 88VIP (淘宝88VIP) ").contains("¥88.00"));
    set_fact(&mut app, "500");
    let lines = screen(&app);
    // The table, the detail's price rule and the chart all say 888.00.
    assert!(
        row_with(&lines, "│Taobao 88VIP (淘宝88VIP) ").contains("¥888.00"),
        "{}",
        lines.join("\n")
    );
    assert!(row_with(&lines, "Price ¥888.00 (base price)").contains("888"));
    assert!(
        lines.iter().any(|l| l.contains("▒ ¥888.00")),
        "the chart:\n{}",
        lines.join("\n")
    );
    // 638.00 of services for 888.00: 250.00 lost.
    assert!(row_with(&lines, "│Taobao 88VIP (淘宝88VIP) ").contains("-¥250.00"));
    // The scenario line says where the fact now comes from.
    assert!(row_with(&lines, " facts: ").contains("taoqi 500 (edited)"));
    assert!(app.is_modified());

    set_fact(&mut app, "1200");
    let lines = screen(&app);
    assert!(row_with(&lines, "│Taobao 88VIP (淘宝88VIP) ").contains("¥88.00"));
    assert!(row_with(&lines, "Price ¥88.00 by tier `taoqi >= 1000`").contains("88"));
}

#[test]
fn c_switches_the_music_choice_and_every_figure_of_the_bundle_follows() {
    let mut app = built_in(160, 50);
    app.update(Action::SwitchPane);
    for _ in 0..4 {
        app.update(Action::Down); // youku, eleme, taopiaopiao, tmall, then the music choice
    }
    assert_eq!(app.focus, Pane::Detail);
    let lines = screen(&app);
    assert!(
        row_with(&lines, "music: ●").contains("○ Xiami Music VIP (虾米音乐)"),
        "{}",
        lines.join("\n")
    );
    app.update(Action::ChooseMember);
    let row = app.selected_row().unwrap().clone();
    let ids: Vec<&str> = row
        .services
        .iter()
        .map(|s| app.catalog.services[s.service].id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["youku", "eleme", "taopiaopiao", "tmall_discount", "xiami"]
    );
    // By hand: 238.00 + 120.00 + 100.00 + 0.00 (no spending) + 108.00 = 566.00 for
    // 88.00; saves 478.00, 478 / 566 = 84.45 %. 88.00 split by 238:120:100:0:108 of
    // 566 in fen: floors 37.00, 18.65, 15.54, 0.00, 16.79 (87.98), and the 2 fen
    // missing go to the largest remainders (.77 and .72): 18.66, 15.55.
    assert_eq!(row.standalone_value.to_string(), "566.00");
    assert_eq!(row.savings.to_string(), "478.00");
    assert_eq!(row.savings_pct.unwrap().to_string(), "84.45");
    let effective: Vec<String> = row
        .services
        .iter()
        .map(|s| s.effective_cost.to_string())
        .collect();
    assert_eq!(effective, ["37.00", "18.66", "15.55", "0.00", "16.79"]);
    // Wants are QQ Music, Tencent Video, Youku: only Youku counts for this user.
    let personal = row.personal.unwrap();
    assert_eq!(personal.value.to_string(), "238.00");
    assert_eq!(personal.savings.to_string(), "150.00");
    let lines = screen(&app);
    assert!(
        row_with(&lines, "Xiami Music VIP (虾米音乐) (ended) (music)").contains("¥16.79"),
        "{}",
        lines.join("\n")
    );
    assert!(row_with(&lines, "music: ○").contains("● Xiami"));
    assert!(row_with(&lines, " facts: ").contains("picks: 88vip: xiami"));
    // And back: NetEase again, 638.00 of value.
    app.update(Action::ChooseMember);
    assert_eq!(
        app.selected_row().unwrap().standalone_value.to_string(),
        "638.00"
    );
}

#[test]
fn a_pick_and_a_fact_made_in_the_screen_are_saved_byte_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, bundlecalc::source::BUILT_IN).unwrap();
    let mut app = open_app(&path);
    set_fact(&mut app, "500");
    app.update(Action::SwitchPane);
    for _ in 0..4 {
        app.update(Action::Down);
    }
    app.update(Action::ChooseMember);
    app.update(Action::Save);
    settle(&mut app);
    assert!(!app.is_modified(), "{:?}", app.message);
    let expected = bundlecalc::source::BUILT_IN
        .replacen(
            "picks = { \"88vip\" = [\"netease_music\"] }",
            "picks = { \"88vip\" = [\"xiami\"] }",
            1,
        )
        .replacen("taoqi = 1200            #", "taoqi = 500            #", 1);
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn i_lets_the_plan_use_rumoured_offers() {
    // The shipped rumours are changes now; a rumoured bundle of its own is this fixture's.
    let mut app = open_sized(&crate::support::fixture("rumoured.toml"), 100, 30);
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).unwrap();
    // On sale: QQ Music 188.00.
    assert_eq!(plan.total.to_string(), "188.00");
    let lines = screen(&app);
    let text = lines.join("\n");
    assert!(
        text.contains("If 88VIP + QQ Music (rumoured) launches: ¥88.00,"),
        "{text}"
    );
    assert!(text.contains("¥100.00 less"), "{text}");
    app.update(Action::ToggleRumoured);
    let plan = wait_for_plan(&mut app).unwrap();
    // The rumoured 88VIP + QQ Music at 88.00.
    assert_eq!(plan.total.to_string(), "88.00");
    let ids: Vec<&str> = plan.offers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["88vip_qq"]);
    assert!(row_with(&screen(&app), "Cheapest plan").contains("with rumoured offers"));

    // A reload, `r` or a change on disk, keeps the session's choice.
    app.update(Action::Back);
    app.update(Action::Reload);
    crate::support::app::settle(&mut app);
    assert!(app.scenario.include.rumoured);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("reloaded ") && message.ends_with("rumoured.toml"),
        "{message}"
    );
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).unwrap();
    assert_eq!(plan.total.to_string(), "88.00");
    assert!(row_with(&screen(&app), "Cheapest plan").contains("with rumoured offers"));
}

#[test]
fn e_on_a_bundle_priced_by_a_tier_edits_that_tier() {
    let mut app = built_in(80, 24);
    app.update(Action::EditPrice);
    let lines = screen(&app);
    assert!(row_with(&lines, "Edit price · tier `taoqi >= 1000`").contains("tier"));
    assert_eq!(app.field().unwrap().text, "88");
    app.update(Action::Erase);
    app.update(Action::Erase);
    type_text(&mut app, "66");
    app.update(Action::Submit);
    assert_eq!(app.rows[0].price.to_string(), "66.00");
    // With taoqi 500 the base price applies, and `e` edits it.
    set_fact(&mut app, "500");
    app.update(Action::EditPrice);
    assert_eq!(app.field().unwrap().text, "888");
    assert!(row_with(&screen(&app), "Base price of Taobao 88VIP").contains("per year"));
}

#[test]
fn s_reverses_the_sort_and_the_column_shows_it() {
    let mut app = built_in(100, 30);
    app.update(Action::CycleSort); // savings
    let lines = screen(&app);
    assert!(row_with(&lines, "Savings▼").contains("Bundle"));
    assert!(lines[29].contains("sort: savings"), "{}", lines[29]);
    app.update(Action::ReverseSort);
    let ids: Vec<&str> = app
        .rows
        .iter()
        .map(|r| app.catalog.bundles[r.bundle].id.as_str())
        .collect();
    // Savings smallest first: -8.00, 300.00, 550.00.
    assert_eq!(ids, ["qq_music_green", "jingteng", "88vip"]);
    let lines = screen(&app);
    assert!(row_with(&lines, "Savings▲").contains("Bundle"));
    assert!(
        lines[29].contains("sort: savings, reversed"),
        "{}",
        lines[29]
    );
    // Savings %, in words on the status line.
    app.update(Action::CycleSort);
    assert!(screen(&app)[29].contains("sort: savings %, reversed"));
}

#[test]
fn an_ended_group_member_is_counted_only_when_picked() {
    use bundlecalc_core::calc::compare;
    use bundlecalc_core::load::parse_catalog;
    use bundlecalc_core::scenario::Scenario;
    // Xiami (ended) is dearer than NetEase, so it would be chosen were it on sale.
    let text = |picks: &str| {
        format!(
            "[profile]\n{picks}\n[services.netease]\nprice = 158\n[services.xiami]\nprice = 300\nstatus = \"ended\"\n[bundles.vip]\nprice = 88\nincludes = [{{ one_of = [\"xiami\", \"netease\"] }}]\n"
        )
    };
    let counted = |text: &str| {
        let catalog = parse_catalog(text).unwrap();
        let row = compare(&catalog, &Scenario::from_catalog(&catalog)).bundles[0].clone();
        let id = catalog.services[row.services[0].service].id.clone();
        (id, row.standalone_value.to_string())
    };
    assert_eq!(
        counted(&text("")),
        ("netease".to_string(), "158.00".to_string())
    );
    assert_eq!(
        counted(&text("picks = { vip = [\"xiami\"] }")),
        ("xiami".to_string(), "300.00".to_string())
    );
}

#[test]
fn an_empty_price_field_asks_for_a_number_and_changes_nothing() {
    let mut app = built_in(100, 30);
    app.update(Action::EditPrice);
    crate::support::app::replace_field(&mut app, " ");
    app.update(Action::Submit);
    let error = app.field().unwrap().error.clone().unwrap();
    assert_eq!(
        error,
        "type a number, or Esc to cancel: the price is unchanged"
    );
    assert_eq!(app.rows[0].price.to_string(), "88.00");
}

#[test]
fn a_negative_spending_typed_for_a_fact_is_refused_in_a_sentence() {
    let mut app = built_in(120, 30);
    app.update(Action::Open(Opens::Facts));
    app.update(Action::Down); // tmall_spend, after taoqi
    app.update(Action::EditPrice);
    crate::support::app::replace_field(&mut app, "-5");
    let error = app
        .field()
        .expect("the field stays open")
        .error
        .clone()
        .unwrap();
    assert_eq!(
        error,
        "`-5` must not be negative: benefit `tmall_discount` reads it as an amount spent: \
         the fact is unchanged"
    );
}

/// `w` says what it did in the language in use, with its punctuation.
#[test]
fn w_says_the_mark_it_made_in_both_languages() {
    use bundlecalc::i18n::{Lang, in_language};
    for (lang, said) in [
        (Lang::En, "Youku VIP (优酷黄金): not wanted"),
        (Lang::Zh, "Youku VIP (优酷黄金)：不想要"),
    ] {
        in_language(lang, || {
            let mut app = built_in(100, 30);
            app.update(Action::SwitchPane);
            app.update(Action::ToggleWanted);
            assert_eq!(app.message.as_deref(), Some(said));
        });
    }
}
