//! A file a save creates gets the ordinary permissions, 0666 less the umask, as
//! `--init` gives, not the 0600 of a temporary file; and the built-in offers,
//! saved from the screen, go to a new `./bundles.toml`.
//!
//! Its own test binary, apart from `tests/it`: the umask and the working folder
//! belong to the whole process, so these tests set them one at a time (`PROCESS`)
//! while no other test runs beside them.

#[path = "it/support/mod.rs"]
mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use bundlecalc::save::write_atomically;
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::pane::Pane;
use bundlecalc::tui::windows::question::Prompt;
use support::app::{edit_price, settle};

/// The umask and the working folder belong to the whole process: one test at a time.
static PROCESS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `work` with the process's umask set to `mask`.
fn with_umask<T>(mask: libc::mode_t, work: impl FnOnce() -> T) -> T {
    // SAFETY: umask only swaps the process's file-creation mask.
    let previous = unsafe { libc::umask(mask) };
    let result = work();
    unsafe { libc::umask(previous) };
    result
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn files_a_save_creates_follow_the_umask() {
    let _alone = PROCESS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.toml");
    with_umask(0o027, || write_atomically(&new, b"x").unwrap());
    assert_eq!(mode(&new), 0o640, "0666 less a umask of 027");

    let other = dir.path().join("other.toml");
    with_umask(0o002, || write_atomically(&other, b"x").unwrap());
    assert_eq!(mode(&other), 0o664, "0666 less a umask of 002");

    // Saving over an existing file keeps that file's mode, whatever the umask.
    fs::set_permissions(&other, fs::Permissions::from_mode(0o600)).unwrap();
    with_umask(0o000, || write_atomically(&other, b"y").unwrap());
    assert_eq!(mode(&other), 0o600);
}

#[test]
fn saving_the_built_in_offers_creates_an_ordinary_local_file() {
    let _alone = PROCESS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(AppConfig::for_source(Source::built_in()).unwrap());
    app.update(Action::FocusBundles);
    assert_eq!(app.focus, Pane::Bundles);
    edit_price(&mut app, "99");
    app.update(Action::Save);
    assert_eq!(app.prompt(), Some(Prompt::SaveBuiltIn));
    let previous = std::env::current_dir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    with_umask(0o022, || {
        app.update(Action::Type('y'));
        settle(&mut app);
    });
    std::env::set_current_dir(previous).unwrap();
    let created = dir.path().join("bundles.toml");
    assert!(created.exists(), "{:?}", app.message);
    assert_eq!(mode(&created), 0o644);
}

#[test]
fn the_built_in_file_is_saved_only_to_a_new_local_file() {
    let _alone = PROCESS.lock().unwrap_or_else(|e| e.into_inner());
    // Runs in its own folder: the built-in copy saves to ./bundles.toml.
    let dir = tempfile::tempdir().unwrap();
    let previous = std::env::current_dir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    let config =
        bundlecalc::tui::app::AppConfig::for_source(bundlecalc::source::Source::built_in())
            .unwrap();
    let mut app = bundlecalc::tui::app::App::new(config);
    edit_price(&mut app, "99");
    app.update(Action::Save);
    settle(&mut app);
    assert_eq!(app.prompt(), Some(Prompt::SaveBuiltIn));
    app.update(Action::Type('y'));
    settle(&mut app);
    std::env::set_current_dir(previous).unwrap();
    let written = fs::read_to_string(dir.path().join("bundles.toml")).unwrap();
    assert_eq!(
        written,
        // 88VIP is priced by its tier (taoqi 1200 >= 1000): `e` edits that tier.
        bundlecalc::source::BUILT_IN.replacen(
            "tiers = [ { when = \"taoqi >= 1000\", price = 88 } ]",
            "tiers = [ { when = \"taoqi >= 1000\", price = 99 } ]",
            1
        )
    );
    assert_eq!(app.file_label, "bundles.toml");
    assert_eq!(app.focus, Pane::Bundles);
}
