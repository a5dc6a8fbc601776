//! The services window (`W`): every service, those in no bundle too, with its
//! wanted mark; a mark made there is saved as `w` marks are.

use std::fs;

use crate::support::app::{open_app, settle};
use crate::support::screen::{row_with, screen};
use bundlecalc::source::BUILT_IN;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::App;

/// The screen on a copy of the shipped file.
fn shipped() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, BUILT_IN).unwrap();
    let app = open_app(&path);
    (dir, path, app)
}

/// Moves the services window's selection to the service with `id`.
fn select(app: &mut App, id: &str) {
    let at = app.catalog.service_ix(id).unwrap();
    app.update(Action::Top);
    for _ in 0..at {
        app.update(Action::Down);
    }
}

#[test]
fn a_service_in_no_bundle_is_listed_and_can_be_wanted_and_saved() {
    let (_dir, path, mut app) = shipped();
    app.update(Action::ShowServices);
    select(&mut app, "mango_tv");
    let lines = screen(&app);
    assert!(row_with(&lines, "Mango TV VIP (芒果TV)").contains("[ ]"));
    row_with(&lines, "In no bundle: a plan buys it alone.");
    row_with(&lines, "¥218.00 per year as auto-renew yearly (连续包年)");

    app.update(Action::ToggleWanted);
    assert!(row_with(&screen(&app), "Mango TV VIP (芒果TV)").contains("[✓]"));
    let mango = app.catalog.service_ix("mango_tv").unwrap();
    assert!(app.scenario.wants.as_ref().unwrap().contains(&mango));
    assert!(app.is_modified());

    // Space takes the mark back, Enter gives it again: the window stays open.
    app.update(Action::Submit);
    assert!(!app.scenario.wants.as_ref().unwrap().contains(&mango));
    app.update(Action::Submit);
    assert!(app.window().is_some());

    // Ctrl-S saves from the window itself, which stays open.
    app.update(Action::Save);
    settle(&mut app);
    assert!(app.window().is_some());
    assert!(!app.is_modified());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        BUILT_IN.replacen(
            "wants = [\"qq_music\", \"tencent_video\", \"youku\"]",
            "wants = [\"qq_music\", \"tencent_video\", \"youku\", \"mango_tv\"]",
            1
        )
    );
}

#[test]
fn the_services_window_names_the_bundles_a_service_is_in_and_pages_through_many() {
    let (_dir, _path, mut app) = shipped();
    app.update(Action::ShowServices);
    select(&mut app, "youku");
    row_with(&screen(&app), "In: Taobao 88VIP (淘宝88VIP)");
    // On a short screen the list turns a page at a time and says where it is.
    app.update(Action::Resize {
        width: 80,
        height: 15,
    });
    app.update(Action::Bottom);
    let lines = screen(&app);
    let count = app.catalog.services.len();
    row_with(&lines, &format!("Services {count}/{count}"));
    row_with(&lines, "Tmall 95% price (天猫95折)");
    row_with(&lines, "▲");
}

#[test]
fn capital_w_in_the_detail_list_opens_the_window_on_that_service() {
    let (_dir, _path, mut app) = shipped();
    app.update(Action::FocusDetail);
    app.update(Action::Down);
    let selected = app.selected_service_ix().unwrap();
    app.update(Action::ShowServices);
    let name = app.catalog.services[selected].name.clone();
    let title = format!("Services {}/", selected + 1);
    let lines = screen(&app);
    row_with(&lines, &title);
    row_with(&lines, &format!("{name} · "));
}
