//! The interactive screen rendered into ratatui's TestBackend, and journeys through it.

use crate::support::app::built_in as app_of_size;
use crate::support::app::wait_for_plan;
use crate::support::screen::{row_with, screen};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::App;
use bundlecalc::tui::pane::Pane;
use bundlecalc_core::calc::sort::SortKey;
use unicode_width::UnicodeWidthStr;

#[test]
fn at_80_by_24_the_three_offers_their_figures_and_the_status_line_show() {
    let app = app_of_size(80, 24);
    let lines = screen(&app);
    let vip = row_with(&lines, "Taobao 88VIP (淘宝88VIP) ");
    assert!(
        vip.contains("¥88.00")
            && vip.contains("¥638.00")
            && vip.contains("+¥550.00")
            && vip.contains("+86.21%"),
        "{vip}"
    );
    let qq = row_with(&lines, "QQ Music Green Diamond (QQ音乐绿钻) ");
    assert!(qq.contains("¥188.00") && qq.contains("-4.44%"), "{qq}");
    let jingteng = row_with(&lines, "JD PLUS + Tencent Video");
    assert!(
        jingteng.contains("¥136.00") && jingteng.contains("+¥300.00"),
        "{jingteng}"
    );
    let status = &lines[23];
    assert!(
        status.starts_with(" built-in · year · sort: file order │ "),
        "{status}"
    );
    // The most useful keys of the bundles pane, each whole: P among them.
    assert!(
        status
            .trim_end()
            .ends_with("│ ?:help q:quit P:plan /:find s:sort e:edit"),
        "{status:?}"
    );
    assert!(!status.contains('…'), "no hint cut short: {status:?}");
    insta::assert_snapshot!("screen_80x24", lines.join("\n"));
}

#[test]
fn cjk_rows_line_up_with_ascii_rows() {
    let app = app_of_size(80, 24);
    let lines = screen(&app);
    let right_edge = |text: &str| {
        let row = row_with(&lines, text);
        // Display width up to the end of the right-aligned price column.
        let price_start = row.find('¥').unwrap();
        let price_end = price_start + row[price_start..].find(' ').unwrap();
        UnicodeWidthStr::width(&row[..price_end])
    };
    // The heading is ASCII: its right-aligned "Price" ends where the prices do.
    let heading = row_with(&lines, "Save %");
    let ascii = UnicodeWidthStr::width(&heading[..heading.find("Price").unwrap() + "Price".len()]);
    assert_eq!(right_edge("QQ Music Green Diamond (QQ音乐绿钻)"), ascii);
    assert_eq!(right_edge("Taobao 88VIP (淘宝88VIP)"), ascii);
    assert_eq!(right_edge("JD PLUS + Tencent Video (京腾年卡)"), ascii);
    for line in &lines {
        assert_eq!(UnicodeWidthStr::width(line.as_str()), 80, "{line}");
    }
}

#[test]
fn a_large_terminal_shows_full_names_and_the_personal_column() {
    let app = app_of_size(160, 50);
    let lines = screen(&app);
    assert!(
        row_with(
            &lines,
            "NetEase Cloud Music Vinyl VIP (网易云音乐黑胶VIP) (music)"
        )
        .contains("¥180.00")
    );
    assert!(row_with(&lines, "Save %").contains("For you"));
    assert!(row_with(&lines, "Price ¥88.00 by tier `taoqi >= 1000`").len() > 10);
    insta::assert_snapshot!("screen_160x50", lines.join("\n"));
}

#[test]
fn a_1_by_1_terminal_draws_without_panicking() {
    let app = app_of_size(1, 1);
    assert_eq!(screen(&app), ["…"]);
    // Two short lines, whole even on a small terminal.
    let app = app_of_size(40, 10);
    let lines = screen(&app);
    assert_eq!(lines[4].trim(), "Too small:");
    assert_eq!(lines[5].trim(), "need 60×15");
    let app = app_of_size(12, 2);
    assert_eq!(
        screen(&app).iter().map(|l| l.trim()).collect::<Vec<_>>(),
        ["Too small:", "need 60×15"]
    );
}

#[test]
fn resizing_to_every_small_size_never_panics() {
    let mut app = app_of_size(80, 24);
    for width in [1, 2, 10, 59, 60, 61, 80] {
        for height in [1, 2, 5, 14, 15, 16, 24] {
            app.update(Action::Resize { width, height });
            let lines = screen(&app);
            assert_eq!(lines.len(), usize::from(height));
        }
    }
}

#[test]
fn pressing_p_cycles_the_period_and_recomputes_exactly() {
    let mut app = app_of_size(80, 24);
    let vip_price = |app: &App| {
        app.rows
            .iter()
            .find(|r| app.catalog.bundles[r.bundle].id == "88vip")
            .unwrap()
            .price
            .to_string()
    };
    let mut seen = vec![];
    for _ in 0..6 {
        seen.push((app.scenario.basis.name(), vip_price(&app)));
        app.update(Action::CyclePeriod);
    }
    assert_eq!(
        seen,
        [
            ("year", "88.00".to_string()),
            ("half_year", "44.00".to_string()),
            ("quarter", "22.00".to_string()),
            ("month", "7.33".to_string()),
            ("week", "1.69".to_string()),
            ("day", "0.24".to_string()),
        ]
    );
    assert_eq!(app.scenario.basis.name(), "year");
    app.update(Action::CyclePeriod);
    app.update(Action::CyclePeriod);
    app.update(Action::CyclePeriod);
    let lines = screen(&app);
    assert!(row_with(&lines, "Taobao 88VIP (淘宝88VIP) ").contains("¥7.33"));
    assert!(lines[23].contains("per month"));
}

#[test]
fn pressing_s_re_sorts_and_keeps_the_selection() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Down); // QQ Music green diamond
    app.update(Action::CycleSort); // savings
    assert_eq!(app.sort, SortKey::Savings);
    let ids: Vec<&str> = app
        .rows
        .iter()
        .map(|r| app.catalog.bundles[r.bundle].id.as_str())
        .collect();
    // savings: 88vip 550, jingteng 300, qq_music_green -8
    assert_eq!(ids, ["88vip", "jingteng", "qq_music_green"]);
    assert_eq!(
        app.catalog.bundles[app.selected_row().unwrap().bundle].id,
        "qq_music_green"
    );
    let lines = screen(&app);
    assert!(
        lines[2].contains("Taobao 88VIP (淘宝88VIP)"),
        "{}",
        lines[2]
    );
    assert!(lines[23].contains("sort: savings"));
}

#[test]
fn pressing_w_on_a_service_changes_personal_savings_at_once() {
    let mut app = app_of_size(80, 24);
    let personal = |app: &App| app.rows[0].personal.unwrap().savings.to_string();
    // Wants qq_music, tencent_video, youku: 88VIP is worth Youku 238.00 to this user.
    assert_eq!(personal(&app), "150.00");
    app.update(Action::SwitchPane);
    assert_eq!(app.focus, Pane::Detail);
    app.update(Action::Down); // Ele.me, 120.00 a year
    app.update(Action::ToggleWanted);
    assert_eq!(personal(&app), "270.00");
    assert!(row_with(&screen(&app), "Taobao 88VIP (淘宝88VIP) ").contains("+¥270.00"));
    app.update(Action::ToggleWanted);
    assert_eq!(personal(&app), "150.00");
}

#[test]
fn w_in_the_bundles_table_explains_itself_instead_of_guessing() {
    let mut app = app_of_size(80, 24);
    app.update(Action::ToggleWanted);
    assert_eq!(app.rows[0].personal.unwrap().savings.to_string(), "150.00");
    // The message wraps onto a second line rather than being cut.
    let lines = screen(&app);
    let status = format!("{} {}", lines[22].trim(), lines[23].trim());
    assert!(
        lines[22].starts_with(" built-in · year · sort: file order │ w marks a service:"),
        "{status}"
    );
    assert!(
        status.ends_with("w marks a service: press Tab to reach the detail list first"),
        "{status}"
    );
}

#[test]
fn help_opens_with_question_mark_and_escape_returns_to_the_table() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Open(Opens::Help));
    let lines = screen(&app);
    assert!(row_with(&lines, "Help").contains('┌'));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("File: built-in, read-only (Ctrl-S or --init writes"))
    );
    app.update(Action::Down); // ignored while help is open
    app.update(Action::Back);
    assert!(!app.quit);
    assert_eq!(app.selected, 0);
    assert!(!screen(&app).iter().any(|l| l.contains(" Help ")));
    app.update(Action::Back);
    assert!(app.quit);
}

#[test]
fn movement_keys_stop_at_the_ends() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Up);
    assert_eq!(app.selected, 0);
    app.update(Action::Bottom);
    assert_eq!(app.selected, 2);
    app.update(Action::Down);
    assert_eq!(app.selected, 2);
    app.update(Action::PageUp);
    assert_eq!(app.selected, 0);
    app.update(Action::PageDown);
    assert_eq!(app.selected, 2);
    app.update(Action::Top);
    assert_eq!(app.selected, 0);
}

#[test]
fn a_click_selects_the_row_under_it_and_the_wheel_moves() {
    let mut app = app_of_size(80, 24);
    // Row 4 of the screen is the third bundle (border, header, then rows).
    app.update(Action::Click { column: 10, row: 4 });
    assert_eq!(app.selected, 2);
    assert_eq!(app.focus, Pane::Bundles);
    // A click on the second service in the detail list focuses it (the table of
    // three bundles takes rows 0 to 5; the detail's border, header, then services).
    app.update(Action::Click { column: 5, row: 9 });
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.selected_service, 1);
    app.update(Action::ScrollUp { column: 10, row: 3 });
    assert_eq!(app.selected, 0);
}

#[test]
fn capital_p_shows_the_same_plan_as_the_command_line() {
    let mut app = app_of_size(100, 30);
    app.update(Action::Open(Opens::Plan));
    // The key is answered at once; the search runs in the background.
    assert!(app.is_busy());
    let finding = screen(&app);
    assert!(
        row_with(&finding, "Cheapest plan").contains("Cheapest plan · offers on sale · per year")
    );
    assert!(row_with(&finding, "Finding").contains("Finding the cheapest plan…"));
    wait_for_plan(&mut app).expect("the built-in wants have a plan");
    let lines = screen(&app);
    // The built-in wants: QQ Music, Tencent Video, Youku. `--plan --format json` agrees.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bundlecalc"))
        .args(["--plan", "--format", "json"])
        .current_dir(std::env::temp_dir())
        .env_remove("BUNDLECALC_FILE")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap();
    let cli: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let total = format!("Total ¥{}", cli["total"].as_str().unwrap());
    // On sale: 88VIP 88.00 + jingteng 136.00 + QQ Music 180.00 (15.00 a month).
    assert_eq!(total, "Total ¥404.00");
    assert!(
        row_with(&lines, "Total ¥").contains(&total),
        "{}",
        lines.join("\n")
    );
    app.update(Action::Back);
    assert!(!screen(&app).iter().any(|l| l.contains("Cheapest plan")));
}

#[test]
fn the_plan_is_searched_again_only_when_what_it_is_for_changes() {
    let mut app = app_of_size(100, 30);
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).expect("found");
    app.update(Action::Back);
    // Shown again at once: the same catalogue, the same scenario.
    app.update(Action::Open(Opens::Plan));
    assert!(!app.is_busy());
    assert!(row_with(&screen(&app), "Total ¥").contains("Total ¥404.00"));
    app.update(Action::Back);
    // Per half year, the plan is searched again: 44.00 + 68.00 + 90.00.
    app.update(Action::CyclePeriod);
    app.update(Action::Open(Opens::Plan));
    assert!(app.is_busy());
    assert_eq!(wait_for_plan(&mut app).unwrap().total.to_string(), "202.00");
}

#[test]
fn the_plan_follows_wants_toggled_with_w() {
    let mut app = app_of_size(100, 30);
    app.update(Action::SwitchPane);
    app.update(Action::Down); // Ele.me, in 88VIP: still covered by the 88.00 bundle
    app.update(Action::ToggleWanted);
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).unwrap();
    let wanted: Vec<&str> = plan
        .wants
        .iter()
        .map(|s| app.catalog.services[*s].id.as_str())
        .collect();
    assert_eq!(wanted, ["qq_music", "tencent_video", "youku", "eleme"]);
    assert_eq!(plan.total.to_string(), "404.00");
    assert!(row_with(&screen(&app), "Total ¥").contains("Total ¥404.00"));
}

#[test]
fn help_lists_every_key_at_80_by_24() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Open(Opens::Help));
    let text = screen(&app).join("\n");
    for (key, does) in [
        ("q  Esc  Ctrl-C", "quit"),
        ("↑ ↓  j k", "move the selection"),
        ("PgUp PgDn  g G", "move a page"),
        ("Tab  ← →  h l", "switch between"),
        ("s  S", "cycle the sort"),
        ("c ", "choose the group"),
        ("f ", "the facts tiers test"),
        ("i ", "offers marked rumoured"),
        ("p ", "period"),
        ("w ", "mark a service wanted"),
        ("e ", "edit the selected price"),
        ("Ctrl-S", "save the edits"),
        ("E ", "open $VISUAL/$EDITOR at this item"),
        ("r ", "reload the file now"),
        ("P ", "the cheapest plan"),
        ("mouse", "click selects a row"),
        ("/  n N", "find by name or id"),
        ("v ", "whole note"),
        ("File:", "built-in, read-only"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(does))
            .unwrap_or_else(|| panic!("no {does}:\n{text}"));
        assert!(line.contains(key), "{key} missing on: {line}");
    }
}

#[test]
fn the_chart_always_shows_the_selected_bundle() {
    // 80×24 has room in the chart for fewer bundles than the table shows.
    let mut app = app_of_size(80, 20);
    app.update(Action::Bottom);
    let lines = screen(&app);
    // Below the table, the chart is the rightmost pane.
    let below_table = lines.iter().skip_while(|l| !l.starts_with('└')).skip(1);
    let chart_names: Vec<&str> = below_table
        .map(|l| l.rsplit('│').nth(1).unwrap_or(""))
        .collect();
    assert!(
        chart_names.iter().any(|l| l.contains("JD PLUS + Tencent")),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn pressing_p_keeps_the_selected_bundle_in_any_sort() {
    let mut app = app_of_size(80, 24);
    app.update(Action::CycleSort); // savings: 88vip, jingteng, qq_music_green
    app.update(Action::Bottom);
    // qq_music_green is last by savings but second in the file: the orders differ here.
    let selected = |app: &App| {
        app.catalog.bundles[app.selected_row().unwrap().bundle]
            .id
            .clone()
    };
    assert_eq!(selected(&app), "qq_music_green");
    app.update(Action::CyclePeriod);
    assert_eq!(selected(&app), "qq_music_green");
    assert_eq!(app.selected, 2);
}

#[test]
fn the_help_fits_whole_at_80_by_24() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Open(Opens::Help));
    let lines = screen(&app);
    let text = lines.join("\n");
    // Every key's line, then where the file lives and how to close: nothing cut.
    for (key, _) in bundlecalc::tui::windows::help::HELP_LINES {
        assert!(text.contains(key), "{key}:\n{text}");
    }
    assert!(text.contains("Esc or ? closes this help"), "{text}");
    // No line of the help wraps: each key's words stay on its line.
    for (key, message) in bundlecalc::tui::windows::help::HELP_LINES {
        let does = bundlecalc::i18n::message(message);
        let line = lines
            .iter()
            .find(|l| l.contains(&does))
            .unwrap_or_else(|| panic!("{does}"));
        assert!(line.contains(key), "{line}");
    }
}

#[test]
fn the_help_fits_whole_at_80_by_24_in_chinese() {
    use bundlecalc::i18n::{Lang, in_language};
    in_language(Lang::Zh, || {
        let mut app = app_of_size(80, 24);
        app.update(Action::Open(Opens::Help));
        let lines = screen(&app);
        for (key, message) in bundlecalc::tui::windows::help::HELP_LINES {
            let does = bundlecalc::i18n::message(message);
            let line = lines
                .iter()
                .find(|l| l.contains(&does))
                .unwrap_or_else(|| panic!("{does}:\n{}", lines.join("\n")));
            assert!(line.contains(key), "{line}");
        }
        assert!(lines.join("\n").contains("Esc 或 ? 关闭帮助"));
    });
}

/// `i` and `a` say what each does in words told apart, and the plan window
/// offers `i` only when the file marks some offer rumoured.
#[test]
fn i_and_a_are_told_apart_and_i_is_offered_only_with_rumoured_offers() {
    let mut app = app_of_size(80, 24);
    app.update(Action::Open(Opens::Help));
    let help = screen(&app);
    assert!(row_with(&help, "offers marked rumoured").contains("i "));
    assert!(row_with(&help, "the file's [changes] to offers").contains("a "));
    app.update(Action::Back);
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).unwrap();
    let plan = screen(&app).join("\n");
    assert!(!plan.contains("i: "), "{plan}");
    assert!(!plan.to_lowercase().contains("rumoured"), "{plan}");
    assert!(
        plan.contains("What if the file's changes came true (a applies them):"),
        "{plan}"
    );
}
