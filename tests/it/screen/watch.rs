//! Following the file live: changes by any editor show, broken files never crash.

use bundlecalc::tui::action::Opens;
use std::fs;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::support::app::{bundle_price, open_app, settle, wait_for_plan};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::watch::{FileWatch, watch_file};

const FILE: &str = "[services.a]\nprice = 10\n\n[bundles.b]\nprice = 5\nincludes = [\"a\"]\n";

fn watched(path: &Path) -> (FileWatch, Receiver<()>) {
    let (tx, rx) = channel();
    let watch = watch_file(path, move || {
        let _ = tx.send(());
    })
    .unwrap();
    // Let the watch settle, then forget anything from setting up.
    std::thread::sleep(Duration::from_millis(100));
    while rx.try_recv().is_ok() {}
    (watch, rx)
}

/// Waits for the watcher's report: the spec promises a change shows within a second.
fn expect_change(changes: &Receiver<()>) {
    changes
        .recv_timeout(Duration::from_secs(1))
        .expect("the change was not reported within a second");
    std::thread::sleep(Duration::from_millis(50));
    while changes.try_recv().is_ok() {}
}

#[test]
fn a_change_written_in_place_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    let (_watch, changes) = watched(&path);

    fs::write(&path, FILE.replace("price = 5", "price = 7")).unwrap();
    expect_change(&changes);
    app.update(Action::FileChanged);
    settle(&mut app);
    assert_eq!(bundle_price(&app, "b"), "7.00");
}

#[test]
fn a_change_saved_by_renaming_a_new_file_over_the_old_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    let (_watch, changes) = watched(&path);

    for price in ["7", "8"] {
        // Twice: a watch on the file itself would miss the second rename.
        let new = dir.path().join(".bundles.toml.swp");
        fs::write(&new, FILE.replace("price = 5", &format!("price = {price}"))).unwrap();
        fs::rename(&new, &path).unwrap();
        expect_change(&changes);
        app.update(Action::FileChanged);
        settle(&mut app);
        assert_eq!(bundle_price(&app, "b"), format!("{price}.00"));
    }
}

/// The screen reads the file after each change: a read must not count as one, or
/// the screen would read it again and again, and a `Ctrl-S` would find it busy.
#[test]
fn reading_the_file_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let (_watch, changes) = watched(&path);
    assert_eq!(fs::read_to_string(&path).unwrap(), FILE);
    let _app = open_app(&path);
    assert!(changes.recv_timeout(Duration::from_millis(600)).is_err());
}

#[test]
fn other_files_in_the_folder_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let (_watch, changes) = watched(&path);
    fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    assert!(changes.recv_timeout(Duration::from_millis(600)).is_err());
}

#[test]
fn a_broken_file_shows_a_banner_and_keeps_the_figures_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    let (_watch, changes) = watched(&path);

    fs::write(&path, FILE.replace("price = 5", "price = -5")).unwrap();
    expect_change(&changes);
    app.update(Action::FileChanged);
    settle(&mut app);
    let banner = app.banner().expect("a banner").to_string();
    assert_eq!(
        banner,
        format!(
            "{}:5:9: `bundles.b.price` must not be negative. E fixes it at line 5, r reads it again.",
            path.display()
        )
    );
    assert_eq!(
        bundle_price(&app, "b"),
        "5.00",
        "the last good figures stay"
    );
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).unwrap();
    terminal
        .draw(|f| bundlecalc::tui::view::draw(&app, f))
        .unwrap();
    let top: String = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(
        top.contains(":5:9: `bundles.b.price` must not be negative"),
        "{top}"
    );

    // Put back exactly what was loaded: the banner must still clear.
    fs::write(&path, FILE).unwrap();
    expect_change(&changes);
    app.update(Action::FileChanged);
    settle(&mut app);
    assert_eq!(app.banner(), None);
    assert_eq!(bundle_price(&app, "b"), "5.00");
}

#[test]
fn an_outside_change_does_not_drop_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    crate::support::app::edit_price(&mut app, "6");
    fs::write(&path, FILE.replace("price = 10", "price = 11")).unwrap();
    app.update(Action::FileChanged);
    settle(&mut app);
    assert_eq!(bundle_price(&app, "b"), "6.00");
    assert!(app.is_modified());
    assert!(app.banner().unwrap().contains("changed on disk"));
}

#[test]
fn r_reloads_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    fs::write(&path, FILE.replace("price = 5", "price = 9")).unwrap();
    app.update(Action::Reload);
    settle(&mut app);
    assert_eq!(bundle_price(&app, "b"), "9.00");
}

#[test]
fn command_line_wants_survive_a_reload_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, FILE).unwrap();
    let mut app = open_app(&path);
    app.asked.wants = Some(vec!["a".into(), " a".into(), "a".into(), "gone".into()]);
    fs::write(&path, FILE.replace("price = 5", "price = 6")).unwrap();
    app.update(Action::Reload);
    settle(&mut app);
    assert_eq!(app.scenario.wants, Some(vec![0]));
    app.update(Action::Open(Opens::Plan));
    assert_eq!(wait_for_plan(&mut app).unwrap().total.to_string(), "6.00");
    // A change to the file while the plan is shown finds it again.
    fs::write(&path, FILE.replace("price = 5", "price = 7")).unwrap();
    app.update(Action::FileChanged);
    assert!(app.is_busy(), "the plan is being found again");
    assert_eq!(wait_for_plan(&mut app).unwrap().total.to_string(), "7.00");
}
