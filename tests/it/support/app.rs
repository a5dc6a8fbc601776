//! Building the interactive screen's state from a file, without a terminal.

use bundlecalc::tui::action::Opens;
use std::path::Path;
use std::time::{Duration, Instant};

use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::windows::OpenWindow;
use bundlecalc_core::plan::types::{Plan, PlanError};

/// The screen on the file at `path`, 80×24, without colour.
pub fn open_app(path: &Path) -> App {
    open_source_sized(Source::read(path).unwrap(), 80, 24)
}

/// The day the screens of tests judge prices' ages from, as `--today
/// 2026-11-30` would: fixed, so that what is "more than a year ago" does not
/// move with the machine's clock.
pub fn test_today() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 30).unwrap()
}

/// The screen on `source`, `width`×`height`, without colour, on `test_today`.
pub fn open_source_sized(source: Source, width: u16, height: u16) -> App {
    let mut config = AppConfig::for_source(source).unwrap();
    config.asked.today = Some(test_today());
    App::new(AppConfig {
        size: (width, height),
        ..config
    })
}

/// The screen on the file at `path`, `width`×`height`.
pub fn open_sized(path: &Path, width: u16, height: u16) -> App {
    open_source_sized(Source::read(path).unwrap(), width, height)
}

/// The screen on the built-in offers, `width`×`height`.
pub fn built_in(width: u16, height: u16) -> App {
    open_source_sized(Source::built_in(), width, height)
}

/// Types `text` into whatever field or question is open.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// Replaces the text of the open field with `text`, and applies it.
pub fn replace_field(app: &mut App, text: &str) {
    let field = app.field().expect("a field is open");
    for _ in 0..field.text.chars().count() {
        app.update(Action::Erase);
    }
    type_text(app, text);
    app.update(Action::Submit);
}

/// Opens the price field on the selection, replaces its text with `price`, and applies it.
pub fn edit_price(app: &mut App, price: &str) {
    app.update(Action::EditPrice);
    assert!(app.field().is_some(), "the price field opened");
    replace_field(app, price);
}

/// Sets the fact selected in the facts window to `value` with `e`, as a user
/// would, and closes the window.
pub fn set_fact(app: &mut App, value: &str) {
    app.update(Action::Open(Opens::Facts));
    assert!(matches!(app.window(), Some(OpenWindow::Facts(_))));
    app.update(Action::EditPrice);
    assert!(app.field().is_some(), "the fact's field opened");
    replace_field(app, value);
    assert!(app.field().is_none(), "{:?}", app.field());
    app.update(Action::Back);
}

/// The figures row of the bundle with `id`.
pub fn bundle_price(app: &App, id: &str) -> String {
    app.rows
        .iter()
        .find(|row| app.catalog.bundles[row.bundle].id == id)
        .map(|row| row.price.to_string())
        .unwrap_or_else(|| panic!("no bundle {id}"))
}

/// Lets the work the screen started in the background finish and takes it in, as
/// the event loop would.
#[allow(dead_code)]
pub fn settle(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(120);
    app.poll_background();
    while app.is_busy() {
        assert!(
            Instant::now() < deadline,
            "the background work never finished"
        );
        std::thread::sleep(Duration::from_millis(1));
        app.poll_background();
    }
}

/// Waits for the plan the screen is finding in the background, and returns it.
#[allow(dead_code)]
pub fn wait_for_plan(app: &mut App) -> Result<Plan, PlanError> {
    settle(app);
    let planning = app.plan.as_ref().expect("a plan was asked for");
    planning.found().expect("the plan was found").clone()
}
