//! A save that cannot be written leaves the original untouched and says why.
//!
//! Its own test binary, apart from `tests/it`: it lowers this process's file-size
//! limit (`RLIMIT_FSIZE`, which stops even root, as a read-only folder does not),
//! and any test writing a file beside it would fail with it.

#[path = "it/support/mod.rs"]
mod support;

use std::fs;

use bundlecalc::tui::action::Action;
use support::app::{edit_price, open_app, settle};

#[test]
fn a_failed_write_leaves_the_original_untouched_and_shows_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    let original = format!(
        "# {}\n[services.a]\nprice = 1\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\n",
        "padding ".repeat(40)
    );
    fs::write(&path, &original).unwrap();
    let mut app = open_app(&path);
    edit_price(&mut app, "2");

    // Writes past 64 bytes now fail with EFBIG instead of killing the process.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 64,
            rlim_max: libc::RLIM_INFINITY,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    app.update(Action::Save);
    settle(&mut app);
    unsafe {
        let limit = libc::rlimit {
            rlim_cur: libc::RLIM_INFINITY,
            rlim_max: libc::RLIM_INFINITY,
        };
        libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
    }

    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("not saved: cannot write"), "{message}");
    assert!(app.is_modified(), "the edit is kept to try again");
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["bundles.toml"], "a temporary file was left behind");

    // With room again, the same edit saves.
    app.update(Action::Save);
    settle(&mut app);
    assert!(!app.is_modified());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("[bundles.b]\nprice = 2\n")
    );
}
