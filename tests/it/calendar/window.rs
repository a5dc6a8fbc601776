//! The calendar window (`C`, docs/reference/screen.md): the grid, the purchases and the totals,
//! whole at 80×24 and at 160×50 in both languages; `[` `]` move the first
//! month, `{` `}` change the length, `← →` scroll a long horizon sideways.

use crate::support::app::settle;
use crate::support::fixture;
use crate::support::screen::{row_with, screen};
use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};

/// The walk-through's file on a screen of `width` × `height`, its calendar from
/// January 2027 for 12 months, as `--from 2027-01 --months 12` asks.
fn open(width: u16, height: u16) -> App {
    open_file(&fixture("calendar.toml"), 12, (width, height))
}

/// The file at `path` on a screen of `size`, its calendar from January 2027
/// for `months` months, as `--from 2027-01 --months N` asks.
fn open_file(path: &std::path::Path, months: u32, (width, height): (u16, u16)) -> App {
    let mut config = AppConfig::for_source(Source::read(path).unwrap()).unwrap();
    let asked = Horizon {
        from: YearMonth::parse("2027-01").unwrap(),
        months,
    };
    config.asked.calendar = Some(asked);
    let app = App::new(AppConfig {
        size: (width, height),
        ..config
    });
    assert_eq!(app.horizon, asked);
    app
}

/// The words of one language the journey looks for.
struct Words {
    months: &'static str,
    first: &'static str,
    total: &'static str,
    title: &'static str,
    moved: &'static str,
}

const ENGLISH: Words = Words {
    months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    first: "first price · music",
    total: "Total ¥152.00",
    title: "2027-01 to 2027-12 (12 months)",
    moved: "2027-02 to 2028-01 (12 months)",
};

const CHINESE: Words = Words {
    months: "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    first: "首期价 · music",
    total: "合计 ¥152.00",
    title: "2027-01 至 2027-12（12 个月）",
    moved: "2027-02 至 2028-01（12 个月）",
};

/// The cells of a grid row after `label`, split on spaces, up to the border.
fn cells<'a>(row: &'a str, label: &str) -> Vec<&'a str> {
    let (_, rest) = row.split_once(label).expect("the row's label");
    rest.split('│').next().unwrap().split_whitespace().collect()
}

fn journey(width: u16, height: u16, words: &Words) {
    let mut app = open(width, height);
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let lines = screen(&app);
    let shown = lines.join("\n");
    assert!(shown.contains(words.title), "{shown}");
    let first_month = words.months.split(' ').next().unwrap();
    let months = row_with(&lines, first_month);
    let months = format!("{first_month} {}", cells(months, first_month).join(" "));
    assert_eq!(months, words.months, "all twelve months fit:\n{shown}");
    let video = row_with(&lines, "video h");
    assert_eq!(
        cells(video, "video").join(" "),
        "h h h A A A A A A A A A",
        "{shown}"
    );
    let music = row_with(&lines, "music ·");
    assert_eq!(
        cells(music, "music").join(" "),
        "· · · · · · B C · · · ·",
        "{shown}"
    );
    assert!(row_with(&lines, "A  ¥136.00").contains("combo"), "{shown}");
    assert!(
        row_with(&lines, "B    ¥1.00").contains(words.first),
        "{shown}"
    );
    assert!(
        row_with(&lines, "C   ¥15.00").contains("2027-08"),
        "{shown}"
    );
    assert!(row_with(&lines, words.total).contains("¥103.00"), "{shown}");

    // `]`: the horizon starts a month later; the holding covers two months of it.
    app.update(Action::LaterMonths);
    settle(&mut app);
    let lines = screen(&app);
    let shown = lines.join("\n");
    assert!(shown.contains(words.moved), "{shown}");
    let video = row_with(&lines, "video h");
    assert_eq!(&cells(video, "video")[..4], ["h", "h", "A", "A"], "{shown}");
    // `[` back, `}` one month longer, `{` back.
    app.update(Action::EarlierMonths);
    app.update(Action::MoreMonths);
    settle(&mut app);
    assert_eq!(app.horizon.months, 13);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("2028-01"), "{shown}");
    app.update(Action::FewerMonths);
    settle(&mut app);
    let shown = screen(&app).join("\n");
    assert!(shown.contains(words.title), "{shown}");
    app.update(Action::Open(Opens::Calendar));
    assert!(!screen(&app).join("\n").contains(words.title));
}

#[test]
fn the_calendar_reads_whole_at_80_by_24_in_english() {
    in_language(Lang::En, || journey(80, 24, &ENGLISH));
}

#[test]
fn the_calendar_reads_whole_at_80_by_24_in_chinese() {
    in_language(Lang::Zh, || journey(80, 24, &CHINESE));
}

#[test]
fn the_calendar_reads_whole_at_160_by_50_in_english() {
    in_language(Lang::En, || journey(160, 50, &ENGLISH));
}

#[test]
fn the_calendar_reads_whole_at_160_by_50_in_chinese() {
    in_language(Lang::Zh, || journey(160, 50, &CHINESE));
}

#[test]
fn one_month_is_called_one_month_in_both_languages() {
    for (lang, title) in [
        (Lang::En, "Calendar · 2027-01 (1 month)"),
        (Lang::Zh, "日历 · 2027-01（1 个月）"),
    ] {
        in_language(lang, || {
            let mut app = open(80, 24);
            app.update(Action::Open(Opens::Calendar));
            for _ in 0..11 {
                app.update(Action::FewerMonths);
            }
            settle(&mut app);
            assert_eq!(app.horizon.months, 1);
            row_with(&screen(&app), title);
        });
    }
}

#[test]
fn a_long_horizon_scrolls_sideways_at_80_columns() {
    in_language(Lang::En, || {
        let mut app = open(80, 24);
        app.horizon.months = 36;
        app.update(Action::Open(Opens::Calendar));
        settle(&mut app);
        let lines = screen(&app);
        let shown = lines.join("\n");
        assert!(shown.contains("← → more months"), "{shown}");
        let months = row_with(&lines, "Jan Feb");
        assert_eq!(months.split_whitespace().nth(1), Some("Jan"), "{shown}");
        for _ in 0..3 {
            app.update(Action::FocusDetail);
        }
        let lines = screen(&app);
        let shown = lines.join("\n");
        let months = row_with(&lines, "Apr May");
        assert_eq!(months.split_whitespace().nth(1), Some("Apr"), "{shown}");
        app.update(Action::FocusBundles);
        let lines = screen(&app);
        let months = row_with(&lines, "Mar Apr");
        assert_eq!(months.split_whitespace().nth(1), Some("Mar"));
    });
}

#[test]
fn the_calendar_follows_a_wanted_mark_made_in_the_services_window() {
    in_language(Lang::En, || {
        let mut app = open(80, 24);
        app.update(Action::Open(Opens::Calendar));
        settle(&mut app);
        assert!(screen(&app).join("\n").contains("Total ¥152.00"));
        // Music no longer wanted (`W`, then `w` on it): only the bundle is bought.
        app.update(Action::Open(Opens::Calendar));
        app.update(Action::ShowServices);
        app.update(Action::Down);
        app.update(Action::ToggleWanted);
        app.update(Action::Back);
        app.update(Action::Open(Opens::Calendar));
        settle(&mut app);
        let shown = screen(&app).join("\n");
        assert!(shown.contains("Total ¥136.00"), "{shown}");
    });
}

#[test]
fn saving_an_edit_keeps_held_when_and_first_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    let text = std::fs::read_to_string(fixture("calendar.toml")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = crate::support::app::open_app(&path);
    // Music no longer wanted, and the bundle's price edited: both saved.
    app.update(Action::ShowServices);
    app.update(Action::Down);
    app.update(Action::ToggleWanted);
    app.update(Action::Back);
    crate::support::app::edit_price(&mut app, "120");
    app.update(Action::Save);
    settle(&mut app);
    let saved = std::fs::read_to_string(&path).unwrap();
    let expected = text
        .replace("wants = [\"video\", \"music\"]", "wants = [\"video\"]")
        .replace("price = 136", "price = 120");
    assert_eq!(saved, expected);
    // The `when` of a service no longer wanted still loads, with a note.
    assert!(saved.contains("[profile.when]\nmusic = { from = 2027-07-10, until = 2027-08-20 }"));
    let catalog = bundlecalc_core::load::parse_catalog(&saved).unwrap();
    assert_eq!(catalog.profile.time.when.len(), 1);
    assert_eq!(catalog.profile.time.held.len(), 1);
    assert_eq!(catalog.services[1].first.as_ref().unwrap().periods, 1);
}

/// Mum holds video for two and wants only music: her fair share is money she
/// receives, and the window says so in a word, not "pays receives".
#[test]
fn a_share_received_reads_receives_in_both_languages() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"video\"]\n[people.mum]\nwants = [\"music\"]\n\
         [people.mum.held]\nvideo = 2030-12-31\n[services.video]\nprice = 300\nseats = 2\n\
         [services.music]\nprice = 5\nperiod = \"month\"\n",
    );
    for (lang, received) in [
        (Lang::En, "mum: receives ¥90.00 · alone ¥60.00"),
        (Lang::Zh, "mum：收回 ¥90.00 · 单买 ¥60.00"),
    ] {
        in_language(lang, || {
            let mut app = open_file(&path, 12, (160, 50));
            app.update(Action::Open(Opens::Calendar));
            settle(&mut app);
            let shown = screen(&app).join("\n");
            assert!(shown.contains(received), "{shown}");
            assert!(
                !shown.contains("pays receives") && !shown.contains("付 收回"),
                "{shown}"
            );
        });
    }
}

/// Scrolled down past the grid (a month bought at a time gives a line a
/// month), a new horizon (`[` `]` `{` `}`) is shown from the top, where its
/// grid is.
#[test]
fn a_new_horizon_is_shown_from_its_grid() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"music\"]\n[services.music]\nprice = 15\nperiod = \"month\"\n",
    );
    for action in [
        Action::LaterMonths,
        Action::EarlierMonths,
        Action::MoreMonths,
        Action::FewerMonths,
    ] {
        let mut app = open_file(&path, 24, (80, 24));
        app.update(Action::Open(Opens::Calendar));
        settle(&mut app);
        for _ in 0..40 {
            app.update(Action::Down);
        }
        let shown = screen(&app).join("\n");
        assert!(
            !shown.contains("music A"),
            "scrolled past the grid:\n{shown}"
        );
        app.update(action);
        settle(&mut app);
        let shown = screen(&app).join("\n");
        assert!(shown.contains("music A"), "{action:?}:\n{shown}");
    }
}

/// Past 26 purchases the letters are two wide (`AA`): every purchase's price
/// stays in one column.
#[test]
fn the_purchases_stay_in_line_past_z() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"music\"]\n[services.music]\nprice = 15\nperiod = \"month\"\n",
    );
    let mut app = open_file(&path, 30, (160, 50));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let lines = screen(&app);
    let price_at = |starts: &str| {
        let row = lines
            .iter()
            .find(|l| l.contains(&format!("│{starts} ")) && l.contains("¥15.00  2"))
            .unwrap_or_else(|| panic!("{starts}:\n{}", lines.join("\n")));
        row.find("¥15.00").unwrap()
    };
    let a = price_at("A ");
    assert_eq!(price_at("Z "), a);
    assert_eq!(price_at("AA"), a);
    assert_eq!(price_at("AD"), a);
}

/// The totals come right under the grid: at 80×24 they show without
/// scrolling, however many purchases follow.
#[test]
fn the_total_shows_at_80_by_24_above_a_long_list_of_purchases() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"music\"]\n[services.music]\nprice = 15\nperiod = \"month\"\n",
    );
    let mut app = open_file(&path, 24, (80, 24));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let lines = screen(&app);
    let total = row_with(&lines, "Total ¥360.00");
    assert!(total.contains("month by month ¥360.00"), "{total}");
    // The first purchases follow it; the last is below, reached by scrolling.
    row_with(&lines, "A  ¥15.00  2027-01");
    assert!(!lines.join("\n").contains("2028-12, 1 mo."));
}

/// At 80 columns a month bought alone reads "2027-01, 1 mo.", and a long
/// offer name is what is cut: the way bought reads whole.
#[test]
fn the_way_bought_reads_whole_at_80_columns() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"music\"]\n[services.music]\n\
         name = \"QQ Music Green Diamond (QQ音乐豪华绿钻)\"\nprice = 15\nperiod = \"month\"\n\
         label = \"auto-renew monthly (连续包月)\"\n",
    );
    let mut app = open_file(&path, 12, (80, 24));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let lines = screen(&app);
    let row = row_with(&lines, "A  ¥15.00  2027-01, 1 mo. · QQ Music");
    assert!(row.contains("… · auto-renew monthly (连续包月)│"), "{row}");
    // At 160 columns nothing is cut.
    let mut app = open_file(&path, 12, (160, 50));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let lines = screen(&app);
    row_with(
        &lines,
        "2027-01, 1 mo. · QQ Music Green Diamond (QQ音乐豪华绿钻) · auto-renew monthly (连续包月)",
    );
}
