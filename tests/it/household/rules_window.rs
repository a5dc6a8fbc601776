//! The household window's rules (docs/reference/screen.md `x`): `H` names how the total is
//! shared, `x` goes through fair shares, equal savings, by use and the file's
//! agreed shares, a view never saved; the scenario line names a rule that is not
//! the default. Whole at 80×24 and at 160×50, in English and Chinese.

use crate::support::app::{open_app, open_sized, wait_for_plan};
use crate::support::screen::screen;
use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::App;
use bundlecalc_core::split::Split;

/// The shipped file, me wanting Youku, Mum JD PLUS, a 200.00 bundle of both, and
/// agreed shares of 60 and 40.
fn example() -> String {
    let shipped = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bundles.toml"));
    shipped.replace(
        "wants = [\"qq_music\", \"tencent_video\", \"youku\"]",
        "wants = [\"youku\"]",
    ) + "\n[people.mum]\nname = \"Mum\"\nwants = [\"jd_plus\"]\n\n\
         [bundles.youku_jd]\nname = \"Youku + JD PLUS\"\nprice = 200\n\
         includes = [\"youku\", \"jd_plus\"]\n\n\
         [household]\nsplit = { me = 60, mum = 40 }\n"
}

/// The words of one language the journey looks for.
struct Words {
    me: &'static str,
    sharing: &'static str,
    agreed: &'static str,
    fair: &'static str,
    equal: &'static str,
    by_use: &'static str,
    above_alone: &'static str,
    more_than: &'static str,
    keys: &'static str,
}

const ENGLISH: Words = Words {
    me: "me",
    sharing: "sharing: Mum, ",
    agreed: "Agreed shares: me 60, Mum 40.",
    fair: "Fair shares: each pays the extra cost they bring,",
    equal: "Equal savings: everyone saves the same share",
    by_use: "By use: each purchase split over the services used",
    above_alone: "me pays ¥%PAYS, ¥%MORE more than alone (¥88.00)",
    more_than: "more than alone",
    keys: "x: how it is shared · Esc or H closes",
};

const CHINESE: Words = Words {
    me: "我",
    sharing: "拼车：Mum，",
    agreed: "约定份额：我 60、Mum 40。",
    fair: "公平分摊：每人付自己带来的额外费用",
    equal: "同比例节省：每人比单买省下同样的比例",
    by_use: "按使用：每次购买按所用服务拆分",
    above_alone: "我 付 ¥%PAYS，比单买（¥88.00）多 ¥%MORE",
    more_than: "比单买（",
    keys: "x：换分摊方式 · Esc 或 H 关闭",
};

/// The window shows `rule`, me and Mum paying `pays`, the note when I pay more
/// than alone, and its keys: all of it, the border closing below.
fn shows(app: &mut App, words: &Words, rule: &str, pays: [&str; 2], more: Option<&str>) {
    let plan = wait_for_plan(app).unwrap();
    assert_eq!(plan.total.to_string(), "200.00");
    let lines = screen(app);
    let shown = lines.join("\n");
    assert!(shown.contains(rule), "{rule}:\n{shown}");
    // Each person's row: name, pays, then alone.
    let row = |name: &str, pays: &str, alone: &str| {
        let found = lines.iter().find(|l| {
            let after = |text: &str, from: usize| l[from..].find(text).map(|at| from + at);
            after(&format!("│{name} "), 0)
                .and_then(|at| after(&format!("¥{pays} "), at))
                .and_then(|at| after(&format!("¥{alone} "), at))
                .is_some()
        });
        assert!(found.is_some(), "{name} {pays} {alone}:\n{shown}");
    };
    row(words.me, pays[0], "88.00");
    row("Mum", pays[1], "136.00");
    match more {
        Some(more) => {
            let note = words
                .above_alone
                .replace("%PAYS", pays[0])
                .replace("%MORE", more);
            assert!(shown.contains(&note), "{note}:\n{shown}");
        }
        None => assert!(!shown.contains(words.more_than), "{shown}"),
    }
    let keys = lines.iter().position(|l| l.contains(words.keys));
    let keys = keys.unwrap_or_else(|| panic!("no keys line:\n{shown}"));
    assert!(lines[keys + 1].contains('└'), "{shown}");
}

fn journey(width: u16, height: u16, words: &Words) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    std::fs::write(&path, example()).unwrap();
    let mut app = open_sized(&path, width, height);
    let agreed = |app: &App| matches!(app.scenario.split, Split::Weights(_));
    assert!(agreed(&app));
    // The file's rule is not the default: the scenario line names it.
    let line = screen(&app).join("\n");
    assert!(line.contains(words.sharing), "{line}");
    app.update(Action::Open(Opens::Household));
    shows(
        &mut app,
        words,
        words.agreed,
        ["120.00", "80.00"],
        Some("32.00"),
    );
    app.update(Action::NextSplit);
    assert_eq!(app.scenario.split, Split::Fair);
    shows(&mut app, words, words.fair, ["76.00", "124.00"], None);
    app.update(Action::NextSplit);
    shows(&mut app, words, words.equal, ["78.57", "121.43"], None);
    app.update(Action::NextSplit);
    shows(
        &mut app,
        words,
        words.by_use,
        ["109.17", "90.83"],
        Some("21.17"),
    );
    // Closed, the scenario line says the rule in use.
    app.update(Action::Back);
    assert!(app.window().is_none());
    let scenario = screen(&app).join("\n");
    let by_use = if words.me == "me" {
        "by use"
    } else {
        "按使用"
    };
    assert!(
        scenario.contains(&format!("{}{by_use}", words.sharing)),
        "{scenario}"
    );
    // A view: the file is as it was.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), example());
    assert!(!app.is_modified());
}

#[test]
fn h_then_x_three_times_goes_through_every_rule_at_80_by_24_and_160_by_50_in_english() {
    in_language(Lang::En, || {
        journey(80, 24, &ENGLISH);
        journey(160, 50, &ENGLISH);
    });
}

#[test]
fn h_then_x_three_times_goes_through_every_rule_at_80_by_24_and_160_by_50_in_chinese() {
    in_language(Lang::Zh, || {
        journey(80, 24, &CHINESE);
        journey(160, 50, &CHINESE);
    });
}

#[test]
fn x_starts_from_the_file_s_rule_and_the_rule_stays_across_a_reload() {
    in_language(Lang::En, || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        let by_use = example().replace("{ me = 60, mum = 40 }", "\"by_use\"");
        std::fs::write(&path, &by_use).unwrap();
        let mut app = open_app(&path);
        app.update(Action::Open(Opens::Household));
        assert_eq!(app.scenario.split, Split::ByUse);
        // Without weights in the file, x goes round the three named rules.
        app.update(Action::NextSplit);
        assert_eq!(app.scenario.split, Split::Fair);
        assert_eq!(
            app.message.as_deref(),
            Some("split: fair shares (a view, never saved)")
        );
        app.update(Action::NextSplit);
        assert_eq!(app.scenario.split, Split::EqualSavings);
        app.update(Action::Reload);
        crate::support::app::settle(&mut app);
        assert_eq!(app.scenario.split, Split::EqualSavings);
        app.update(Action::NextSplit);
        app.update(Action::NextSplit);
        assert_eq!(app.scenario.split, Split::Fair);
        // x on the main screen says where it works.
        app.update(Action::Back);
        app.update(Action::NextSplit);
        assert_eq!(app.scenario.split, Split::Fair);
        assert!(app.message.as_deref().unwrap().contains("household window"));
    });
}

#[test]
fn a_household_taller_than_the_screen_scrolls_with_its_keys_in_view() {
    in_language(Lang::En, || {
        // The shipped household (me, Mum and Dad: six purchases), with me and
        // Mum agreeing to pay half each: two notes, more than 80×24 has room for.
        let shipped = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bundles.toml"));
        let text = ["[people.mum]", "name = ", "wants = "]
            .iter()
            .fold(shipped.to_string(), |text, start| {
                text.replace(&format!("# {start}"), start)
            })
            .replace("# [people.dad]", "[people.dad]")
            + "\n[household]\nsplit = { me = 50, mum = 50 }\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        std::fs::write(&path, text).unwrap();
        let mut app = open_app(&path);
        app.update(Action::Open(Opens::Household));
        let plan = wait_for_plan(&mut app).unwrap();
        assert_eq!(plan.people.as_ref().unwrap().len(), 3);
        let keys = "↑↓ scroll · x: how it is shared · Esc or H closes";
        let lines = screen(&app);
        let shown = lines.join("\n");
        assert!(shown.contains(keys), "{shown}");
        let mum = "Mum pays ¥423.00, ¥199.00 more than alone (¥224.00)";
        assert!(!shown.contains(mum), "{shown}");
        app.update(Action::PageDown);
        let lines = screen(&app);
        let shown = lines.join("\n");
        assert!(shown.contains(keys), "{shown}");
        assert!(shown.contains("Total ¥846.00"), "{shown}");
        assert!(
            shown.contains("me pays ¥423.00, ¥19.00 more than alone (¥404.00)"),
            "{shown}"
        );
        assert!(shown.contains(mum), "{shown}");
        let at = lines.iter().position(|l| l.contains(keys)).unwrap();
        assert!(lines[at + 1].contains('└'), "{shown}");
    });
}
