//! What the screen says a figure rests on, as the command line's notes do:
//! prices seen more than a year before `--today` (the detail, the dates window,
//! and the plan's, household's and calendar's windows), and tiers not applied
//! because their fact is not set.

use crate::support::Sandbox;
use crate::support::app::{settle, wait_for_plan};
use crate::support::screen::{row_with, screen};
use bundlecalc::source::Source;
use bundlecalc::tui::action::{Action, Opens};
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};
use time::{Date, Month};

/// A bundle priced by a tier on `taoqi` (not set), seen in August 2026; a
/// music service seen in January 2026; a video service with no date.
const FILE: &str = r#"currency = "CNY"
[profile]
wants = ["video", "music"]
[services.video]
name = "Video"
price = 238
[services.music]
name = "Music"
price = 15
period = "month"
as_of = 2026-01-15
[bundles.combo]
name = "Combo"
price = 300
as_of = 2026-08-01
source = "App Store"
tiers = [ { when = "taoqi >= 1000", price = 88 } ]
includes = ["video", "music"]
"#;

fn day(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap()
}

/// The screen on `FILE`, 140×30, as if `--today` were `today`, with the
/// calendar from 2027-01 for 12 months.
fn open_on(sandbox: &Sandbox, today: Date) -> App {
    let path = sandbox.write("bundles.toml", FILE);
    let mut config = AppConfig::for_source(Source::read(&path).unwrap()).unwrap();
    config.asked.today = Some(today);
    config.asked.calendar = Some(Horizon {
        from: YearMonth::parse("2027-01").unwrap(),
        months: 12,
    });
    App::new(AppConfig {
        size: (140, 30),
        ..config
    })
}

#[test]
fn the_detail_says_a_price_is_more_than_a_year_old_and_which_tier_is_not_applied() {
    let sandbox = Sandbox::new();
    // A year and a day after the bundle's price was seen: more than a year.
    let app = open_on(&sandbox, day(2027, Month::August, 2));
    let shown = screen(&app).join("\n");
    assert!(
        shown.contains("Price ¥300.00 (base price) · seen 2026-08-01 (more than a year ago), App"),
        "{shown}"
    );
    assert!(
        shown.contains("tier `taoqi >= 1000` not applied: `taoqi` is not set (f: the facts)"),
        "{shown}"
    );
    // The scenario line says what the figures assume: that fact not set.
    assert!(shown.contains(" facts: taoqi (not set) │"), "{shown}");
    // Exactly a year after it, the date is not marked.
    let app = open_on(&sandbox, day(2027, Month::August, 1));
    let shown = screen(&app).join("\n");
    assert!(shown.contains("· seen 2026-08-01, App Store"), "{shown}");
    assert!(!shown.contains("more than a year ago"), "{shown}");
}

#[test]
fn the_tier_line_goes_once_its_fact_is_set() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bundles.toml", FILE);
    let mut config = AppConfig::for_source(Source::read(&path).unwrap()).unwrap();
    // As `--set taoqi=1200` asks.
    config.asked.facts.insert("taoqi".into(), 1200.into());
    config.scenario.facts.insert("taoqi".into(), 1200.into());
    let app = App::new(AppConfig {
        size: (140, 30),
        ..config
    });
    let shown = screen(&app).join("\n");
    assert!(
        shown.contains("Price ¥88.00 by tier `taoqi >= 1000`"),
        "{shown}"
    );
    assert!(!shown.contains("not applied"), "{shown}");
}

#[test]
fn the_plan_window_notes_stale_prices_and_tiers_not_applied() {
    let sandbox = Sandbox::new();
    let mut app = open_on(&sandbox, day(2027, Month::February, 1));
    app.update(Action::Open(Opens::Plan));
    let plan = wait_for_plan(&mut app).expect("a plan");
    // Video alone (238) and music by the month (180) are dearer than the combo.
    assert_eq!(plan.total.to_string(), "300.00");
    let lines = screen(&app);
    row_with(
        &lines,
        "note: fact `taoqi` is not set: tier `taoqi >= 1000` of `combo` not applied",
    );
    // The combo's price, seen 2026-08-01, is not a year old; music's is.
    let stale = row_with(&lines, "note: prices seen more than a year ago:");
    assert!(stale.contains("Music (2026-01-15)"), "{stale}");
    assert!(!lines.join("\n").contains("Combo (2026-08-01)"));
}

#[test]
fn the_calendar_window_notes_the_stale_prices_it_bought_by() {
    let sandbox = Sandbox::new();
    let mut app = open_on(&sandbox, day(2027, Month::September, 1));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("Total ¥300.00"), "{shown}");
    assert!(
        shown.contains("note: prices seen more than a year ago: Combo (2026-08-01)"),
        "{shown}"
    );
    // A year earlier, nothing it bought by is old.
    let mut app = open_on(&sandbox, day(2026, Month::September, 1));
    app.update(Action::Open(Opens::Calendar));
    settle(&mut app);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("Total ¥300.00"), "{shown}");
    assert!(!shown.contains("seen more than a year ago"), "{shown}");
}

#[test]
fn the_dates_window_counts_the_prices_to_check_again() {
    let sandbox = Sandbox::new();
    let mut app = open_on(&sandbox, day(2027, Month::February, 1));
    app.update(Action::Open(Opens::Dates));
    let lines = screen(&app);
    row_with(
        &lines,
        "Prices to check again (seen more than a year before 2027-02-01): 1",
    );
    let mut app = open_on(&sandbox, day(2027, Month::August, 2));
    app.update(Action::Open(Opens::Dates));
    // Music's price and the combo's (its tier's counted with it).
    row_with(
        &screen(&app),
        "Prices to check again (seen more than a year before 2027-08-02): 2",
    );
    // Before any price is a year old, the line is not there.
    let mut app = open_on(&sandbox, day(2026, Month::December, 1));
    app.update(Action::Open(Opens::Dates));
    assert!(!screen(&app).join("\n").contains("to check again"));
}

/// Only the tiers the price skipped are said not applied: none after the one
/// that set it, each once.
#[test]
fn only_the_tiers_tried_before_the_price_was_set_are_said_not_applied() {
    let sandbox = Sandbox::new();
    let text = FILE.replace(
        r#"tiers = [ { when = "taoqi >= 1000", price = 88 } ]"#,
        r#"tiers = [ { when = "taoqi >= 1000", price = 88 }, { when = "vip >= 3", price = 60 } ]"#,
    );
    let path = sandbox.write("bundles.toml", &text);
    let open = |taoqi: Option<i32>| {
        let mut config = AppConfig::for_source(Source::read(&path).unwrap()).unwrap();
        if let Some(value) = taoqi {
            config.asked.facts.insert("taoqi".into(), value.into());
            config.scenario.facts.insert("taoqi".into(), value.into());
        }
        let app = App::new(AppConfig {
            size: (140, 30),
            ..config
        });
        screen(&app).join("\n")
    };
    let shown = open(Some(1200));
    assert!(
        shown.contains("Price ¥88.00 by tier `taoqi >= 1000`"),
        "{shown}"
    );
    assert!(!shown.contains("not applied"), "{shown}");
    let shown = open(None);
    // A line each, in the order tried.
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("tier `taoqi >= 1000` not applied: `taoqi` is not set"))
        .expect(&shown);
    assert!(
        lines[at + 1].contains("tier `vip >= 3` not applied: `vip` is not set"),
        "{shown}"
    );
    assert_eq!(shown.matches("`vip` is not set").count(), 1, "{shown}");
}
