//! The household window (`H`, docs/reference/screen.md): each purchase with who uses which service,
//! and each person's pays / alone / saves, whole at 80×24 and at 160×50, in both
//! languages; without people, how to add them.

use crate::support::app::{open_sized, wait_for_plan};
use crate::support::fixture;
use crate::support::screen::{row_with, screen};
use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};

fn open(name: &str, width: u16, height: u16) -> App {
    open_sized(&fixture(name), width, height)
}

/// The words of one language the journey looks for.
struct Words {
    me: &'static str,
    sharing: &'static str,
    nobody: &'static str,
}

fn journey(width: u16, height: u16, words: &Words) {
    // Lists are written as each language writes them: "Mum, dad", "Mum、dad".
    let sep = bundlecalc::i18n::message("list.separator");
    let mut app = open("household.toml", width, height);
    let lines = screen(&app);
    assert!(
        lines
            .join("\n")
            .contains(&format!("{}Mum{sep}dad", words.sharing)),
        "the scenario line says who shares:\n{}",
        lines.join("\n")
    );
    app.update(Action::Open(Opens::Household));
    let plan = wait_for_plan(&mut app).unwrap();
    assert_eq!(plan.total.to_string(), "562.00");
    let lines = screen(&app);
    let shown = lines.join("\n");
    // Each purchase, and who uses which of its services.
    assert!(row_with(&lines, "Jingteng").contains("¥136.00"), "{shown}");
    assert!(
        row_with(&lines, "    tencent_video").contains(&format!("{}{sep}Mum", words.me)),
        "{shown}"
    );
    assert!(
        row_with(&lines, "    youku").contains(&format!("Mum{sep}dad")),
        "{shown}"
    );
    // Each person's pays, alone and saves: 256 + 187 + 119 = 562.
    let me = lines
        .iter()
        .find(|l| l.contains("¥256.00"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        me.contains(words.me) && me.contains("¥324.00") && me.contains("+¥68.00"),
        "{me}"
    );
    let mum = row_with(&lines, "¥187.00");
    assert!(
        mum.contains("Mum") && mum.contains("¥374.00") && mum.contains("+¥187.00"),
        "{mum}"
    );
    let dad = row_with(&lines, "¥119.00");
    assert!(dad.contains("dad") && dad.contains("¥238.00"), "{dad}");
    assert!(shown.contains("¥562.00"), "{shown}");
    // Whole: the window's border closes below the total.
    let total_row = lines.iter().position(|l| l.contains("¥562.00")).unwrap();
    assert!(
        lines[total_row + 1..].iter().any(|l| l.contains('└')),
        "{shown}"
    );
    app.update(Action::Back);
    assert!(app.window().is_none());

    // Without people, the window says how to add them.
    let mut alone = open("what_if.toml", width, height);
    alone.update(Action::Open(Opens::Household));
    let shown = screen(&alone).join("\n");
    assert!(shown.contains(words.nobody), "{shown}");
    assert!(shown.contains("[people.mum]"), "{shown}");
}

#[test]
fn h_shows_who_uses_what_and_who_pays_what_at_80_by_24_and_160_by_50_in_both_languages() {
    let english = Words {
        me: "me",
        sharing: "sharing: ",
        nobody: "Nobody shares with you yet",
    };
    let chinese = Words {
        me: "我",
        sharing: "拼车：",
        nobody: "还没有人和你拼车",
    };
    // This thread only: the other tests of this file run meanwhile in English.
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
fn with_people_none_the_window_says_the_command_line_left_everyone_out() {
    let source = Source::read(&fixture("household.toml")).unwrap();
    let mut config = AppConfig::for_source(source).unwrap();
    // As `--people none` hands the screen the file's catalogue.
    config.catalog.people.clear();
    config.asked.people = Some(vec!["none".into()]);
    let mut app = App::new(config);
    app.update(Action::Open(Opens::Household));
    let shown = screen(&app).join("\n");
    assert!(shown.contains("--people left nobody else"), "{shown}");
    assert!(!shown.contains("[people.mum]"), "{shown}");
}

/// Every place that names a purchase names its way: `H` says the QQ Music
/// purchase is the monthly auto-renew at 180.00, as `P` does, not the 188
/// annual fee.
#[test]
fn h_names_the_way_each_service_is_bought() {
    let text = bundlecalc::source::BUILT_IN
        .replace("# [people.", "[people.")
        .replace("# name = ", "name = ")
        .replace(
            "# wants = [\"tencent_video\", \"youku\"]",
            "wants = [\"tencent_video\", \"youku\"]",
        )
        .replace(
            "# wants = [\"youku\", \"mango_tv\"]",
            "wants = [\"youku\", \"mango_tv\"]",
        );
    let mut app = App::new(AppConfig {
        size: (160, 50),
        ..AppConfig::for_source(Source {
            origin: bundlecalc::source::Origin::BuiltIn,
            text,
        })
        .unwrap()
    });
    assert_eq!(app.catalog.people.len(), 2);
    app.update(Action::Open(Opens::Household));
    wait_for_plan(&mut app).unwrap();
    let lines = screen(&app);
    let qq = row_with(&lines, "¥180.00  QQ Music");
    assert!(
        qq.contains("QQ Music Green Diamond (QQ音乐豪华绿钻) · auto-renew monthly (连续包月)"),
        "{qq}"
    );
    let mango = row_with(&lines, "¥218.00  Mango TV");
    assert!(
        mango.contains("Mango TV VIP (芒果TV) · auto-renew yearly (连续包年)"),
        "{mango}"
    );
    // The plan window says the same purchases the same way.
    app.update(Action::Back);
    app.update(Action::Open(Opens::Plan));
    let lines = screen(&app);
    assert!(row_with(&lines, "¥180.00  QQ Music").contains("· auto-renew monthly (连续包月)"));
}

/// A want nothing on sale covers: `H` and `P` say whose it is and why, as the
/// command line does.
#[test]
fn a_want_nothing_covers_is_told_with_who_and_why_in_both_languages() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write(
        "bundles.toml",
        "[profile]\nwants = [\"video\"]\n[people.dad]\nwants = [\"video\", \"xiami\"]\n\
         [services.video]\nprice = 300\n[services.xiami]\nname = \"Xiami\"\nprice = 100\n\
         status = \"ended\"\n",
    );
    for (lang, said) in [
        (
            Lang::En,
            "No offer covers Xiami (ended), wanted by dad: it has ended (--include ended",
        ),
        (
            Lang::Zh,
            "没有方案能覆盖 dad 想要的 Xiami（已停售）：它已停售",
        ),
    ] {
        in_language(lang, || {
            for window in [Opens::Household, Opens::Plan] {
                let mut app = open_sized(&path, 160, 50);
                app.update(Action::Open(window));
                assert!(wait_for_plan(&mut app).is_err());
                let shown = screen(&app).join("\n");
                assert!(shown.contains(said), "{window:?}:\n{shown}");
            }
        });
    }
}

/// Past ten people fair shares fall back to equal savings: the scenario line
/// names the rule the figures use, not the default they could not.
#[test]
fn past_ten_people_the_scenario_line_names_equal_savings() {
    let sandbox = crate::support::Sandbox::new();
    let mut text = String::from("[profile]\nwants = [\"a\"]\n[services.a]\nprice = 10\n");
    for person in 1..=10 {
        text += &format!("[people.p{person}]\nwants = [\"a\"]\n");
    }
    let path = sandbox.write("bundles.toml", &text);
    let app = crate::support::app::open_sized(&path, 160, 40);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("p9, p10, equal savings │"), "{shown}");
    // Ten people with me are within what fair shares take: no rule named.
    let path = sandbox.write(
        "ten.toml",
        &text.replace("[people.p10]\nwants = [\"a\"]\n", ""),
    );
    let app = crate::support::app::open_sized(&path, 160, 40);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("p8, p9 │"), "{shown}");
}
