//! What-ifs in the screen (docs/reference/file-format.md, "What-if changes", docs/reference/screen.md key `a`): the window lists every change
//! with what it would save in the plan; `Space`/`Enter` applies one or takes it
//! back, and the bundle's row, the detail, the chart and the plan follow. A view:
//! nothing is saved.

use crate::support::app::{open_sized, settle, wait_for_plan};
use crate::support::fixture;
use crate::support::screen::{row_with, screen};
use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::windows::OpenWindow;

fn what_if_app(width: u16, height: u16) -> App {
    open_sized(&fixture("what_if.toml"), width, height)
}

/// The text of the whole screen, joined.
fn text(app: &App) -> String {
    screen(app).join("\n")
}

/// `a`, then the change at `at` toggled with `Space` (Submit), as a user would.
fn toggle(app: &mut App, at: usize) {
    if !matches!(app.window(), Some(OpenWindow::WhatIfs(_))) {
        app.update(Action::Open(Opens::WhatIfs));
    }
    for _ in 0..at {
        app.update(Action::Down);
    }
    app.update(Action::Submit);
    for _ in 0..at {
        app.update(Action::Up);
    }
}

/// The journey at one size in one language: the window's figures, applying one
/// change, the 88VIP row and the plan following, then taking it back.
fn journey(width: u16, height: u16, words: &Words) {
    let mut app = what_if_app(width, height);
    let before = row_with(&screen(&app), "Taobao 88VIP").to_string();
    assert!(
        before.contains("¥88.00") && before.contains("¥198.00"),
        "{before}"
    );

    app.update(Action::Open(Opens::WhatIfs));
    settle(&mut app);
    let shown = text(&app);
    // Each change alone, against today's plan of 88VIP + QQ Music + Jingteng (412.00).
    assert!(
        row_with(&screen(&app), "QQ Music joins 88VIP")
            .contains(&format!("{} +¥188.00", words.saves)),
        "{shown}"
    );
    assert!(
        row_with(&screen(&app), "Tencent Video joins 88VIP").contains("+¥136.00"),
        "{shown}"
    );
    assert!(shown.contains("[ ] QQ Music joins 88VIP"), "{shown}");

    // Applied: the 88VIP row now holds QQ Music, and names the change.
    app.update(Action::Submit);
    settle(&mut app);
    let shown = text(&app);
    assert!(shown.contains("[✓] QQ Music joins 88VIP"), "{shown}");
    app.update(Action::Back);
    let lines = screen(&app);
    let row = row_with(&lines, "Taobao 88VIP");
    assert!(row.contains("¥386.00"), "the value follows: {row}");
    assert!(
        text(&app).contains(&format!("{}QQ Music joins 88VIP", words.scenario)),
        "the scenario line lists it:\n{}",
        text(&app)
    );
    // The plan follows: 88VIP now covers QQ Music; Jingteng covers Tencent Video.
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).unwrap();
    assert_eq!(plan.total.to_string(), "224.00");
    let ids: Vec<&str> = plan.offers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["88vip", "jingteng"]);
    let shown = text(&app);
    assert!(shown.contains("¥224.00"), "{shown}");
    app.update(Action::Back);

    // Taken back: every figure as it was, and nothing to save.
    toggle(&mut app, 0);
    settle(&mut app);
    app.update(Action::Back);
    assert_eq!(row_with(&screen(&app), "Taobao 88VIP"), before);
    assert!(!app.is_modified(), "a what-if is never an edit");
}

struct Words {
    saves: &'static str,
    scenario: &'static str,
}

#[test]
fn a_applies_a_change_and_takes_it_back_at_80_by_24_and_160_by_50_in_both_languages() {
    let english = Words {
        saves: "saves",
        scenario: "what-ifs: ",
    };
    let chinese = Words {
        saves: "方案中节省",
        scenario: "假设：",
    };
    // This thread's language only (the screen's background work follows it):
    // tests running beside this one keep theirs.
    in_language(Lang::En, || {
        journey(80, 24, &english);
        journey(160, 50, &english);
    });
    in_language(Lang::Zh, || {
        journey(80, 24, &chinese);
        journey(160, 50, &chinese);
    });
}

#[test]
fn with_both_changes_applied_the_plan_window_buys_one_88vip() {
    let mut app = what_if_app(100, 30);
    toggle(&mut app, 0);
    toggle(&mut app, 1);
    settle(&mut app);
    let shown = text(&app);
    assert!(shown.contains("[✓] QQ Music joins 88VIP"), "{shown}");
    assert!(shown.contains("[✓] Tencent Video joins 88VIP"), "{shown}");
    // Keeping each saves what taking it back would cost.
    assert!(
        row_with(&screen(&app), "[✓] QQ Music joins 88VIP").contains("+¥188.00"),
        "{shown}"
    );
    assert!(
        row_with(&screen(&app), "[✓] Tencent Video joins 88VIP").contains("+¥136.00"),
        "{shown}"
    );
    app.update(Action::Back);
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).unwrap();
    assert_eq!(plan.total.to_string(), "88.00");
    assert_eq!(plan.offers.len(), 1);
    assert_eq!(plan.offers[0].id, "88vip");
    assert_eq!(plan.offers[0].covers.len(), 3);
    assert!(text(&app).contains("¥88.00"));
}

#[test]
fn the_plan_window_says_what_each_change_would_save() {
    let mut app = what_if_app(120, 40);
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).unwrap();
    let shown = text(&app);
    for saving in ["¥188.00", "¥136.00", "¥324.00"] {
        assert!(shown.contains(saving), "{saving}:\n{shown}");
    }
}

#[test]
fn a_file_without_changes_says_how_to_add_them() {
    let source = Source::read(&fixture("exact.toml")).unwrap();
    let mut app = App::new(AppConfig::for_source(source).unwrap());
    app.update(Action::Open(Opens::WhatIfs));
    let shown = text(&app);
    assert!(shown.contains("[changes.ID]"), "{shown}");
    app.update(Action::Submit);
    assert!(matches!(app.window(), Some(OpenWindow::WhatIfs(_))));
}

#[test]
fn a_plan_taller_than_80_by_24_scrolls_and_keeps_its_keys_in_view() {
    let mut app = App::new(AppConfig::for_source(Source::built_in()).unwrap());
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).unwrap();
    let top = text(&app);
    assert!(top.contains("↑↓ scroll"), "{top}");
    assert!(top.contains("Esc closes"), "{top}");
    // The sentence of all three what-ifs together is the plan's last: below.
    let last = "88VIP积分换腾讯视频) and Mango TV joins 88VIP";
    assert!(!top.contains(last), "{top}");
    app.update(Action::Bottom);
    let bottom = text(&app);
    assert!(bottom.contains(last), "{bottom}");
    assert!(bottom.contains("Esc closes"), "{bottom}");
    app.update(Action::Top);
    assert_eq!(text(&app), top);
}

/// With two what-ifs applied the last sentences wrap at 80 columns: at every
/// height, scrolled to the bottom, the window shows the last one to its end.
#[test]
fn every_what_if_sentence_is_shown_to_its_end_at_80_columns() {
    for height in [24, 30, 40] {
        let mut config = AppConfig::for_source(Source::built_in()).unwrap();
        config.asked.what_ifs = vec!["qq_joins_88vip".into(), "tv_by_88vip_points".into()];
        let mut app = App::new(AppConfig {
            size: (80, height),
            ..config
        });
        app.update(Action::Open(Opens::Plan));
        wait_for_plan(&mut app).unwrap();
        app.update(Action::Bottom);
        let shown = text(&app);
        assert!(
            shown.contains("at ¥88.00: no cheaper."),
            "80×{height}:\n{shown}"
        );
        assert!(shown.contains("Esc closes"), "80×{height}:\n{shown}");
    }
}

/// What each change would do starts in one column, however its name is cut.
#[test]
fn what_each_change_does_is_aligned_at_80_columns() {
    let mut app = App::new(AppConfig {
        size: (80, 24),
        ..AppConfig::for_source(Source::built_in()).unwrap()
    });
    app.update(Action::Open(Opens::WhatIfs));
    wait_for_plan(&mut app).unwrap();
    let lines = screen(&app);
    let columns: Vec<usize> = lines
        .iter()
        .filter(|l| l.contains("[ ]"))
        .filter_map(|l| {
            let at = l
                .find(" saves ")
                .or_else(|| l.find(" the plan costs the same"))?;
            Some(bundlecalc::text::display_width(&l[..at]))
        })
        .collect();
    // Effects of different widths ("saves …", "the plan costs the same") too.
    assert!(columns.len() >= 3, "{}", lines.join("\n"));
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{}",
        lines.join("\n")
    );
}

/// A name made long by what-ifs is cut in the detail's title; the place in
/// its list of services stays.
#[test]
fn the_detail_title_keeps_its_place_when_the_name_is_long() {
    let mut config = AppConfig::for_source(Source::built_in()).unwrap();
    config.asked.what_ifs = vec!["qq_joins_88vip".into(), "tv_by_88vip_points".into()];
    let app = App::new(AppConfig {
        size: (80, 24),
        ..config
    });
    let lines = screen(&app);
    let title = row_with(&lines, "┌ Taobao 88VIP");
    assert!(title.contains("…") && title.contains(" · 1/"), "{title}");
}

/// A long rumoured bundle's title keeps its mark: the name is what is cut.
#[test]
fn the_detail_title_keeps_the_rumoured_mark_of_a_long_name() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 10\n[bundles.b]\n\
         name = \"Taobao 88VIP with a quite long marketing name for the whole family\"\n\
         price = 5\nincludes = [\"a\"]\nstatus = \"rumoured\"\n",
    );
    let app = crate::support::app::open_sized(&path, 80, 24);
    let lines = screen(&app);
    let title = row_with(&lines, "┌ Taobao 88VIP with");
    assert!(
        title.contains("… (rumoured) · 1/1"),
        "{title}\n{}",
        lines.join("\n")
    );
}
