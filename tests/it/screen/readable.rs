//! A screen that reads well at 80×24 and on long lists: names shown whole, notes
//! read to the end, finding by name, positions, popups that keep their borders,
//! key hints that fit.

use crate::support::app::{built_in, open_app, type_text, wait_for_plan};
use crate::support::screen::screen;
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::pane::Pane;
use bundlecalc::tui::windows::OpenWindow;
use unicode_width::UnicodeWidthStr;

fn app_on(text: &str, width: u16, height: u16) -> App {
    let source = Source {
        origin: bundlecalc::source::Origin::BuiltIn,
        text: text.to_string(),
    };
    App::new(AppConfig {
        size: (width, height),
        ..AppConfig::for_source(source).unwrap()
    })
}

#[test]
fn at_80_by_24_every_service_of_88vip_is_shown_whole() {
    let mut app = built_in(80, 24);
    app.update(Action::SwitchPane);
    let names: Vec<String> = app.rows[0]
        .services
        .iter()
        .map(|s| bundlecalc::words::service_name(&app.catalog.services[s.service]))
        .collect();
    assert_eq!(names.len(), 5);
    for name in &names {
        let text = screen(&app).join("\n");
        assert!(text.contains(name.as_str()), "{name} not whole:\n{text}");
        app.update(Action::Down);
    }
    // A name of 20 cells fits its row: "Youku VIP (优酷黄金)". (The list scrolls
    // when the selected service's footer needs the rows: back to the top.)
    app.update(Action::Top);
    let lines = screen(&app);
    assert!(
        lines.iter().any(|l| l.contains("│Youku VIP (优酷黄金) ")),
        "{}",
        lines.join("\n")
    );
}

/// A bundle of 30 services named `Service number 1` … `30`.
fn thirty() -> String {
    let mut text = String::new();
    for n in 1..=30 {
        text += &format!("[services.s{n}]\nname = \"Service number {n}\"\nprice = {n}\n");
    }
    let ids: Vec<String> = (1..=30).map(|n| format!("\"s{n}\"")).collect();
    text += &format!(
        "[bundles.big]\nprice = 100\nincludes = [{}]\n",
        ids.join(", ")
    );
    text
}

#[test]
fn thirty_services_all_read_differently_and_the_list_says_where_it_is() {
    let mut app = app_on(&thirty(), 80, 24);
    app.update(Action::SwitchPane);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..30 {
        let lines = screen(&app);
        for line in &lines {
            if let Some(at) = line.find("Service number ") {
                let name: String = line[at..].chars().take_while(|c| *c != '¥').collect();
                seen.insert(name.trim().to_string());
            }
        }
        app.update(Action::Down);
    }
    for n in 1..=30 {
        assert!(
            seen.iter()
                .any(|s| s.starts_with(&format!("Service number {n}"))),
            "Service number {n} never shown: {seen:?}"
        );
    }
    // Rows are distinct: no cut makes two names read the same.
    let lines = screen(&app);
    let rows: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("│Service number"))
        .collect();
    let distinct: std::collections::BTreeSet<&String> = rows.iter().copied().collect();
    assert_eq!(rows.len(), distinct.len());
    // At the end of the list: its position, and the mark that more is above.
    assert!(
        lines.iter().any(|l| l.contains("30/30 ▲")),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn the_whole_note_of_88vip_is_readable_at_80_by_24() {
    let mut app = built_in(80, 24);
    let note = app.catalog.bundles[0].note.clone().unwrap();
    app.update(Action::ShowNote);
    assert!(matches!(app.window(), Some(OpenWindow::Note(_))));
    let mut read = String::new();
    for _ in 0..10 {
        let lines = screen(&app);
        for line in &lines {
            let inner = line.trim_matches(|c: char| c == '│' || c == ' ');
            if !inner.is_empty() && !read.contains(inner) {
                read.push_str(inner);
                read.push(' ');
            }
        }
        app.update(Action::Down);
    }
    let words: Vec<&str> = note.split_whitespace().collect();
    for word in words {
        assert!(
            read.contains(word),
            "`{word}` of the note never shown:\n{read}"
        );
    }
    app.update(Action::Back);
    assert_eq!(app.window(), None);
}

/// 200 bundles, one in three with "Tencent" in its name.
fn two_hundred() -> String {
    let mut text = String::from("[services.a]\nprice = 10\n");
    for n in 0..200 {
        let name = if n % 3 == 0 {
            format!("Tencent offer {n}")
        } else {
            format!("Offer {n}")
        };
        text += &format!("[bundles.b{n}]\nname = \"{name}\"\nprice = 5\nincludes = [\"a\"]\n");
    }
    text
}

#[test]
fn slash_finds_a_bundle_and_n_moves_to_the_next() {
    let mut app = built_in(80, 24);
    app.update(Action::Search);
    // "d": QQ Music Green Diamond, and JD PLUS + Tencent Video.
    type_text(&mut app, "d");
    let selected = |app: &App| {
        app.catalog.bundles[app.selected_row().unwrap().bundle]
            .name
            .clone()
    };
    assert_eq!(selected(&app), "QQ Music Green Diamond (QQ音乐绿钻)");
    assert!(screen(&app)[23].contains("/d▏"));
    app.update(Action::Submit);
    app.update(Action::SearchNext);
    assert_eq!(selected(&app), "JD PLUS + Tencent Video (京腾年卡)");
    app.update(Action::SearchNext); // around to the first match again
    assert_eq!(selected(&app), "QQ Music Green Diamond (QQ音乐绿钻)");
    app.update(Action::SearchPrevious);
    assert_eq!(selected(&app), "JD PLUS + Tencent Video (京腾年卡)");
    // Case does not matter; an id matches too.
    app.update(Action::Search);
    type_text(&mut app, "QQ_MUSIC_G");
    assert_eq!(selected(&app), "QQ Music Green Diamond (QQ音乐绿钻)");
    // Esc clears the search, and only then quits.
    app.update(Action::Back);
    assert!(app.search().is_none());
    assert!(!app.quit);
}

/// "no match" shows as the query is typed, not only after `n`: `/mango` finds
/// no bundle, and the box says so at the "g" and points to `W`.
#[test]
fn the_search_box_says_no_match_as_the_query_is_typed() {
    let mut app = built_in(80, 24);
    app.update(Action::Search);
    type_text(&mut app, "m");
    let status = screen(&app)[23].clone();
    assert!(status.contains("/m▏ Enter keeps"), "{status}");
    type_text(&mut app, "ango");
    let status = screen(&app)[23].clone();
    assert!(
        status.contains("/mango▏ no match (W lists every service)"),
        "{status}"
    );
    // Backspace to a query that matches again: the box says so no more.
    for _ in 0..4 {
        app.update(Action::Erase);
    }
    assert!(screen(&app)[23].contains("/m▏ Enter keeps"));
    // In the detail list, the bundle's services are searched.
    app.update(Action::Back);
    app.update(Action::SwitchPane);
    app.update(Action::Search);
    type_text(&mut app, "xyz");
    let status = screen(&app)[23].clone();
    assert!(status.contains("/xyz▏ no match in this bundle"), "{status}");
}

#[test]
fn in_the_detail_slash_finds_a_service() {
    let mut app = built_in(80, 24);
    app.update(Action::SwitchPane);
    app.update(Action::Search);
    type_text(&mut app, "tmall");
    assert_eq!(app.focus, Pane::Detail);
    let row = app.selected_row().unwrap();
    let service = row.services[app.selected_service].service;
    assert_eq!(app.catalog.services[service].id, "tmall_discount");
}

#[test]
fn the_position_marker_reads_right_on_200_bundles() {
    let mut app = app_on(&two_hundred(), 80, 24);
    assert!(
        screen(&app)[0].contains("Bundles 1/200 ▼"),
        "{}",
        screen(&app)[0]
    );
    for _ in 0..11 {
        app.update(Action::Down);
    }
    assert!(
        screen(&app)[0].contains("Bundles 12/200 ▲ ▼"),
        "{}",
        screen(&app)[0]
    );
    app.update(Action::Search);
    type_text(&mut app, "tencent offer 15");
    app.update(Action::Submit);
    // From the 12th on, "Tencent offer 15" is the 16th; then 150 (the 151st), 153.
    assert!(
        screen(&app)[0].contains("Bundles 16/200"),
        "{}",
        screen(&app)[0]
    );
    app.update(Action::SearchNext);
    assert!(
        screen(&app)[0].contains("Bundles 151/200"),
        "{}",
        screen(&app)[0]
    );
    app.update(Action::SearchNext);
    assert!(
        screen(&app)[0].contains("Bundles 154/200"),
        "{}",
        screen(&app)[0]
    );
    app.update(Action::Bottom);
    assert!(
        screen(&app)[0].contains("Bundles 200/200 ▲ "),
        "{}",
        screen(&app)[0]
    );
}

#[test]
fn the_plan_popup_keeps_both_borders_over_cjk_names_at_odd_offsets() {
    // Names of CJK characters, shifted by one cell on every other bundle, so that
    // the popup's edges fall on both halves of wide characters.
    let mut text = String::from("[services.a]\nprice = 10\n[profile]\nwants = [\"a\"]\n");
    for n in 0..8 {
        let shift = if n % 2 == 0 { "" } else { "x" };
        text += &format!(
            "[bundles.b{n}]\nname = \"{shift}淘宝天猫优酷饿了么网易云音乐黑胶腾讯视频京东会员{n}\"\nprice = {}\nincludes = [\"a\"]\n",
            5 + n
        );
    }
    for width in [80u16, 81, 97, 120] {
        let mut app = app_on(&text, width, 24);
        app.update(Action::Open(Opens::Plan));
        wait_for_plan(&mut app).unwrap();
        let lines = screen(&app);
        // Column by column as a terminal shows it: a wide character takes two.
        let cells = |line: &str| -> Vec<char> {
            line.chars()
                .flat_map(|c| {
                    if UnicodeWidthStr::width(c.to_string().as_str()) == 2 {
                        vec![c, '\0']
                    } else {
                        vec![c]
                    }
                })
                .collect()
        };
        let top = lines
            .iter()
            .position(|l| l.contains("Cheapest plan"))
            .unwrap();
        let left = cells(&lines[top]).iter().position(|&c| c == '┌').unwrap();
        let bottom = (top + 1..lines.len())
            .find(|&y| cells(&lines[y]).get(left) == Some(&'└'))
            .expect("the popup's bottom border");
        for line in &lines[top + 1..bottom] {
            let cells = cells(line);
            assert_eq!(
                cells[left],
                '│',
                "left border at {width} wide in {line:?}:\n{}",
                lines.join("\n")
            );
            let right = cells[left + 1..]
                .iter()
                .position(|&c| c == '│')
                .map(|r| r + left + 1);
            assert!(right.is_some(), "right border at {width} wide:\n{line}");
        }
    }
}

#[test]
fn key_hints_fit_whole_and_an_unknown_key_points_to_help() {
    let mut app = built_in(80, 24);
    let status = screen(&app)[23].clone();
    assert!(status.contains("P:plan"), "{status}");
    assert!(!status.contains('…'));
    app.update(Action::SwitchPane);
    let status = screen(&app)[23].clone();
    assert!(
        status.contains("w:want") && status.contains("c:choose"),
        "{status}"
    );
    app.update(Action::Unknown);
    assert!(screen(&app)[23].contains("? for help"));
    app.update(Action::Down);
    assert!(
        !screen(&app)[23].contains("? for help"),
        "only for a moment"
    );
}

#[test]
fn the_quit_question_offers_to_save_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    std::fs::write(&path, bundlecalc::source::BUILT_IN).unwrap();
    let mut app = open_app(&path);
    app.update(Action::SwitchPane);
    crate::support::app::edit_price(&mut app, "199");
    app.update(Action::Quit);
    assert!(screen(&app).join("\n").contains("s: save and quit"));
    app.update(Action::Type('s'));
    crate::support::app::settle(&mut app);
    assert!(app.quit, "{:?}", app.message);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("price = 199\nperiod = \"year\"\nlabel = \"auto-renew yearly (连续包年)\""),
        "{saved}"
    );
}

/// A bundle whose note is two lines, and a control character that stays escaped.
const TWO_LINE_NOTE: &str = r#"[services.music]
price = 100

[services.video]
price = 200

[bundles.pair]
name = "Pair deal"
price = 250
includes = ["music", "video"]
note = """first line of the note
second line\tends here"""
"#;

#[test]
fn a_two_line_note_reads_as_two_lines_in_the_detail_and_in_v() {
    let mut app = app_on(TWO_LINE_NOTE, 80, 24);
    let lines = screen(&app);
    let first = lines
        .iter()
        .position(|l| l.contains("first line of the note"))
        .unwrap_or_else(|| panic!("the note's first line:\n{}", lines.join("\n")));
    assert!(
        lines[first + 1].contains(r"second line\tends here"),
        "the second line under the first, the tab escaped:\n{}",
        lines.join("\n")
    );
    assert!(
        !lines.iter().any(|l| l.contains(r"\n")),
        "{}",
        lines.join("\n")
    );

    app.update(Action::ShowNote);
    let lines = screen(&app);
    let first = lines
        .iter()
        .position(|l| l.contains("│first line of the note"))
        .unwrap_or_else(|| panic!("the note window:\n{}", lines.join("\n")));
    assert!(
        lines[first + 1].contains(r"│second line\tends here"),
        "{}",
        lines.join("\n")
    );
}

/// The detail list's hints name `P:plan` among the first, as the bundles
/// table's do, at 80×24.
#[test]
fn the_detail_hints_name_the_plan_at_80_by_24() {
    let mut app = built_in(80, 24);
    app.update(Action::SwitchPane);
    let status = screen(&app)[23].clone();
    assert!(
        status
            .trim_end()
            .ends_with("│ ?:help q:quit P:plan w:want c:choose"),
        "{status}"
    );
}

/// When and where a price was seen is read whole, wrapped at spaces at 160 and
/// at 80 columns, never cut with `…`. The shipped price, seen in 2022, is said
/// to be more than a year old.
#[test]
fn the_price_s_date_and_source_read_whole_at_160_and_at_80() {
    let seen = "seen 2022-10-01 (more than a year ago), 001_c5a18136efc669fd.txt (Oct 2022); \
                888 is widely published";
    for (width, height) in [(160, 50), (80, 24)] {
        let app = built_in(width, height);
        let lines = screen(&app);
        assert!(!lines.join("\n").contains("2022-10-0…"));
        let at = lines
            .iter()
            .position(|l| l.contains("Price ¥88.00 by tier"))
            .unwrap();
        // The detail pane's column of text, four rows from the price's.
        let text: Vec<String> = lines[at..at + 4]
            .iter()
            .map(|l| l.split('│').nth(1).unwrap_or("").trim().to_string())
            .collect();
        assert!(text.join(" ").contains(seen), "{width}: {text:?}");
    }
}

/// The detail's footer (the price, the selected service, its group, when and
/// where its price was seen) is read whole: the list above it scrolls to make
/// room, down to the selected service. At 80×24 in English; Chinese, wider per
/// word, needs one row more for NetEase's group and source.
#[test]
fn the_detail_footer_reads_whole_at_80_by_24() {
    use bundlecalc::i18n::{Lang, in_language};
    for (lang, height) in [(Lang::En, 24), (Lang::Zh, 25)] {
        in_language(lang, || {
            let mut app = built_in(80, height);
            app.update(Action::SwitchPane);
            app.update(Action::Bottom); // NetEase Cloud Music, chosen from a group
            let lines = screen(&app);
            let pane: Vec<String> = lines
                .iter()
                .filter_map(|l| l.split('│').nth(1))
                .map(|l| l.trim().to_string())
                .collect();
            let text = pane.join(" ");
            for whole in [
                "NetEase Cloud Mu",
                "Xiami Music VIP",
                "docs/research/2026-08-01-catalog-empty-prices-*.md)",
            ] {
                assert!(
                    text.contains(whole),
                    "{lang:?}: {whole}\n{}",
                    lines.join("\n")
                );
            }
        });
    }
}

/// The plan's prices are right-aligned, so that the offers' names start in
/// one column whatever the price's width.
#[test]
fn the_plan_s_offers_start_in_one_column() {
    let mut app = built_in(80, 24);
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).expect("a plan");
    let lines = screen(&app);
    let name_at = |name: &str| {
        let row = lines.iter().find(|l| l.contains(name)).expect(name);
        row.find(name).unwrap()
    };
    assert_eq!(name_at("  Taobao 88VIP"), name_at("  JD PLUS + Tencent"));
    assert!(lines.iter().any(|l| l.contains(" ¥88.00  Taobao 88VIP")));
}

/// An amount wider than the chart is cut with `…`, never shown as a shorter
/// number; one that fits is whole, its bar giving way.
#[test]
fn the_chart_never_cuts_an_amount_into_another_number() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1000000000000\nperiod = \"day\"\n\
         [bundles.b]\nprice = 1\nincludes = [\"a\"]\n",
    );
    let app = open_app(&path);
    let lines = screen(&app);
    // Per year: ¥365,000,000,000,000.00, wider than the chart at 80 columns.
    let chart: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split("││").nth(1))
        .map(|cell| cell.trim_end_matches('│').trim_end())
        .filter(|cell| cell.contains('¥'))
        .collect();
    assert_eq!(chart.len(), 2, "{}", lines.join("\n"));
    assert!(chart[0].contains("▒ ¥1.00"), "{chart:?}");
    assert!(chart[1].ends_with('…'), "{chart:?}");
    assert!(chart[1].contains("¥365,000,000"), "{chart:?}");
}

/// An offer's name too long for its line goes on under the name's first cell,
/// not under the price.
#[test]
fn a_long_offer_name_wraps_under_itself() {
    let mut app = built_in(80, 24);
    app.update(Action::Open(Opens::Plan));
    wait_for_plan(&mut app).expect("a plan");
    let lines = screen(&app);
    let at = lines
        .iter()
        .position(|l| l.contains("¥180.00  QQ Music Green Diamond"))
        .expect("the music's line");
    // The window's own text, between its borders.
    let inside = |line: &str| -> String {
        let cells: Vec<&str> = line.split('│').collect();
        cells[cells.len() - 3].to_string()
    };
    let first = inside(&lines[at]);
    let name_at = first[..first.find("QQ Music").unwrap()].width();
    let next = inside(&lines[at + 1]);
    assert_eq!(next.find(|c: char| c != ' '), Some(name_at), "{next:?}");
    assert!(!next.trim_start().starts_with("for "), "{next:?}");
}
