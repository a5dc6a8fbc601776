//! Editing prices in the screen and saving them without losing a byte.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::support::app::{bundle_price, edit_price, open_app, set_fact, settle, type_text};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::windows::question::Prompt;

/// A file written the way people write files: comments everywhere, odd spacing,
/// quoted and bare keys, CJK, a quoted amount.
const HAND_WRITTEN: &str = r#"# 我的会员   (my memberships)
currency="CNY"     # yuan
basis   = "year"

[profile]
wants = [ "music" ,"video" ]   # what I pay for

[services.music]   # 音乐
name    =   "QQ音乐 绿钻"
price   = 188      # annual, from the app
period  = 'year'

[services."video"]
name = "腾讯视频"
price = "253.00"   # quoted on purpose

[services.shop]
name = "JD PLUS"
price = 198

[bundles.'jingteng']
name = "京腾年卡"
price    =    136        # 136 per year
includes = [ "video",
             "shop" ]  # two things

# trailing comment
"#;

#[test]
fn saving_one_edited_price_changes_exactly_that_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    edit_price(&mut app, "129.9");
    assert_eq!(bundle_price(&app, "jingteng"), "129.90");
    assert!(app.is_modified());
    app.update(Action::Save);
    settle(&mut app);
    assert!(!app.is_modified(), "{:?}", app.message);

    let saved = fs::read_to_string(&path).unwrap();
    let expected = HAND_WRITTEN.replace(
        "price    =    136        # 136",
        "price    =    129.9        # 136",
    );
    assert_eq!(saved, expected);
}

#[test]
fn a_quoted_service_price_stays_quoted_and_wants_are_saved_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    app.update(Action::SwitchPane); // detail of 京腾年卡: video, shop
    edit_price(&mut app, "240");
    app.update(Action::Down);
    app.update(Action::ToggleWanted); // shop becomes wanted
    app.update(Action::Save);
    settle(&mut app);

    let saved = fs::read_to_string(&path).unwrap();
    let expected = HAND_WRITTEN
        .replace(
            "price = \"253.00\"   # quoted",
            "price = \"240\"   # quoted",
        )
        .replace(
            "wants = [ \"music\" ,\"video\" ]   #",
            "wants = [ \"music\" ,\"video\", \"shop\" ]   #",
        );
    assert_eq!(saved, expected);
}

#[test]
fn a_bad_number_is_refused_and_the_field_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    app.update(Action::EditPrice);
    assert_eq!(
        app.field().unwrap().text,
        "136",
        "prefilled with the current price"
    );
    type_text(&mut app, "x");
    app.update(Action::Submit);
    let field = app.field().expect("still open");
    assert!(
        field.error.as_deref().unwrap().contains("is not a number"),
        "{field:?}"
    );
    app.update(Action::Back);
    assert!(app.field().is_none());
    assert!(!app.is_modified());
    assert_eq!(bundle_price(&app, "jingteng"), "136.00");
}

#[test]
fn a_negative_price_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    edit_price(&mut app, "-5");
    assert!(
        app.field()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("must not be negative")
    );
}

#[test]
fn the_status_line_says_modified_until_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    // The status line's rows: a message that does not fit wraps onto a second.
    let status = |app: &bundlecalc::tui::app::App| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| bundlecalc::tui::view::draw(app, f))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        let first = app.areas().unwrap().status.y;
        (first..24)
            .flat_map(|y| (0..80).map(move |x| (x, y)))
            .map(|cell| buffer[cell].symbol().to_string())
            .collect::<String>()
    };
    assert!(!status(&app).contains("[modified]"));
    edit_price(&mut app, "100");
    assert!(status(&app).contains("[modified]"), "{}", status(&app));
    app.update(Action::Save);
    settle(&mut app);
    assert!(!status(&app).contains("[modified]"));
}

#[test]
fn saving_renames_a_new_file_over_the_old_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let mut app = open_app(&path);
    edit_price(&mut app, "100");
    app.update(Action::Save);
    settle(&mut app);
    let metadata = fs::metadata(&path).unwrap();
    assert_ne!(metadata.ino(), inode);
    assert_eq!(metadata.permissions().mode() & 0o777, 0o604);
}

#[test]
fn a_symlinked_file_is_written_through_and_the_link_stays() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    let link = dir.path().join("bundles.toml");
    fs::write(&real, HAND_WRITTEN).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut app = open_app(&link);
    edit_price(&mut app, "100");
    app.update(Action::Save);
    settle(&mut app);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("price    =    100        # 136")
    );
}

#[test]
fn an_outside_change_is_never_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    edit_price(&mut app, "100");
    let theirs = HAND_WRITTEN.replace("price = 198", "price = 199");
    fs::write(&path, &theirs).unwrap();

    app.update(Action::Save);
    settle(&mut app);
    assert_eq!(app.prompt(), Some(Prompt::SaveConflict));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "written without asking"
    );
    app.update(Action::Type('c'));
    assert_eq!(app.prompt(), None);
    assert!(app.is_modified(), "cancel keeps the edits");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);

    app.update(Action::Save);
    settle(&mut app);
    app.update(Action::Type('r')); // reload: their file, our edit dropped
    settle(&mut app);
    assert!(!app.is_modified());
    assert_eq!(bundle_price(&app, "jingteng"), "136.00");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn overwrite_after_a_conflict_writes_our_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    edit_price(&mut app, "100");
    fs::write(&path, "# someone else\n").unwrap();
    app.update(Action::Save);
    settle(&mut app);
    app.update(Action::Type('o'));
    settle(&mut app);
    assert!(!app.is_modified());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("price    =    100        # 136")
    );
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);
    edit_price(&mut app, "100");
    app.update(Action::Quit);
    assert_eq!(app.prompt(), Some(Prompt::QuitUnsaved));
    assert!(!app.quit);
    app.update(Action::Type('n'));
    assert!(!app.quit && app.prompt().is_none());
    app.update(Action::Back);
    assert_eq!(app.prompt(), Some(Prompt::QuitUnsaved));
    app.update(Action::Back); // Esc stays
    assert!(!app.quit);
    app.update(Action::Quit);
    app.update(Action::Type('y'));
    settle(&mut app);
    assert!(app.quit);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        HAND_WRITTEN,
        "quitting saved nothing"
    );
}

/// Saving and reading the file run in the background: keys are answered meanwhile,
/// and nothing typed while they run is lost.
#[test]
fn edits_made_while_saving_stay_unsaved_and_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    edit_price(&mut app, "129.9");
    app.update(Action::Save);
    assert!(app.is_busy());
    assert_eq!(app.message.as_deref(), Some("saving…"));
    // While the file is written: another price and the watcher's event.
    edit_price(&mut app, "99");
    app.update(Action::FileChanged);
    settle(&mut app);

    // The first edit is in the file; the second is shown and still unsaved.
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("price    =    129.9        # 136"),
        "{saved}"
    );
    assert_eq!(bundle_price(&app, "jingteng"), "99.00");
    assert!(app.is_modified());
    // Our own write is not an outside change.
    assert_eq!(app.banner(), None);
    app.update(Action::Save);
    settle(&mut app);
    assert!(!app.is_modified());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("price    =    99        # 136")
    );
}

/// A second `Ctrl-S` pressed while the first save is written waits for it, then
/// writes what was edited meanwhile.
#[test]
fn a_save_pressed_while_saving_is_done_once_the_first_ends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    edit_price(&mut app, "129.9");
    app.update(Action::Save);
    edit_price(&mut app, "99");
    app.update(Action::Save);
    assert_eq!(app.message.as_deref(), Some("still saving…"));
    settle(&mut app);

    assert!(!app.is_modified());
    assert_eq!(app.message, Some(format!("saved {}", path.display())));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("price    =    99        # 136")
    );
}

/// `Ctrl-S` pressed while an outside change is being read is answered once the
/// read ends: the file changed, so it asks before overwriting; no "still reading"
/// stays behind.
#[test]
fn a_save_pressed_while_an_outside_change_is_read_asks_once_the_read_ends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    edit_price(&mut app, "129.9");
    fs::write(&path, format!("{HAND_WRITTEN}# appended outside\n")).unwrap();
    app.update(Action::FileChanged);
    assert!(app.is_busy(), "the outside change is being read");
    app.update(Action::Save);
    assert_eq!(app.message.as_deref(), Some("still reading the file…"));
    settle(&mut app);

    assert_eq!(app.prompt(), Some(Prompt::SaveConflict));
    assert_eq!(app.message, None);
    // `o` overwrites: the edit is written over the outside change.
    app.update(Action::Type('o'));
    settle(&mut app);
    assert!(!app.is_modified());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        HAND_WRITTEN.replace("price    =    136        #", "price    =    129.9        #")
    );
}

/// `r` pressed while the file is written waits for the write, then reads it.
#[test]
fn a_reload_pressed_while_saving_reads_the_file_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    edit_price(&mut app, "129.9");
    app.update(Action::Save);
    app.update(Action::Reload);
    assert_eq!(app.message.as_deref(), Some("still saving…"));
    settle(&mut app);
    assert_eq!(app.message, Some(format!("reloaded {}", path.display())));
    assert_eq!(bundle_price(&app, "jingteng"), "129.90");
}

#[test]
fn an_edit_made_while_the_file_is_read_again_is_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut app = open_app(&path);

    fs::write(&path, HAND_WRITTEN.replace("price = 198", "price = 200")).unwrap();
    app.update(Action::Reload);
    assert!(app.is_busy());
    edit_price(&mut app, "129.9");
    settle(&mut app);
    assert_eq!(
        app.message.as_deref(),
        Some("not reloaded: you edited meanwhile (r reloads)")
    );
    assert_eq!(bundle_price(&app, "jingteng"), "129.90");
    assert!(app.is_modified());
}

#[test]
fn wants_from_the_command_line_are_a_view_and_never_reach_the_file() {
    use bundlecalc::tui::app::{App, AppConfig};
    use bundlecalc_core::asked::Asked;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    fs::write(&path, HAND_WRITTEN).unwrap();
    let mut config =
        AppConfig::for_source(bundlecalc::source::Source::read(&path).unwrap()).unwrap();
    config.asked = Asked {
        wants: Some(vec!["shop".into()]),
        facts: [("taoqi".to_string(), rust_decimal::Decimal::from(500))].into(),
        what_ifs: Vec::new(),
        ..Asked::default()
    };
    config
        .scenario
        .set_wants(vec![config.catalog.service_ix("shop").unwrap()]);
    let mut app = App::new(config);
    app.update(Action::SwitchPane); // detail of 京腾年卡: video, shop
    app.update(Action::ToggleWanted); // video joins the view's wants
    let message = app.message.clone().unwrap();
    assert!(message.contains("not saved"), "{message}");
    assert!(
        !app.is_modified(),
        "a mark on --want's wants is not an edit"
    );
    let wanted: Vec<&str> = app
        .scenario
        .wants
        .as_ref()
        .unwrap()
        .iter()
        .map(|&s| app.catalog.services[s].id.as_str())
        .collect();
    assert_eq!(wanted, ["shop", "video"]);

    // A price edit is saved; the view's wants and facts are not.
    app.update(Action::FocusBundles);
    edit_price(&mut app, "130");
    app.update(Action::Save);
    settle(&mut app);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("wants from --want are not saved")
    );
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        HAND_WRITTEN.replace("price    =    136        #", "price    =    130        #")
    );
    // The view goes on after the save.
    assert_eq!(app.scenario.wants.as_ref().unwrap().len(), 2);
}

/// A file with no profile: a fact edited, then a service marked wanted, and one
/// save adds both tables, `[profile]` before `[profile.facts]`. The fact then
/// comes from the file, no longer "edited".
#[test]
fn a_save_that_adds_both_tables_writes_the_profile_first_and_the_fact_is_the_file_s() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    let text = "[services.a]\nprice = 10\n\n[bundles.b]\nprice = 8\ntiers = [ { when = \"taoqi >= 1000\", price = 5 } ]\nincludes = [\"a\"]\n";
    fs::write(&path, text).unwrap();
    let mut app = open_app(&path);
    set_fact(&mut app, "1200");
    assert_eq!(bundle_price(&app, "b"), "5.00");
    let source = |app: &bundlecalc::tui::app::App| app.fact_rows()[0].source.label();
    assert_eq!(source(&app), "edited");
    app.update(Action::SwitchPane);
    app.update(Action::ToggleWanted);
    app.update(Action::Save);
    settle(&mut app);
    assert!(!app.is_modified());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{text}\n[profile]\nwants = [\"a\"]\n\n[profile.facts]\ntaoqi = 1200\n")
    );
    assert_eq!(source(&app), "file");
}

/// A fact edited and saved comes from the file: the facts window and the
/// scenario line say "file", not "edited"; a reload that drops an edit too.
#[test]
fn a_saved_fact_no_longer_says_edited() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    let text = "[profile.facts]\ntaoqi = 500\n\n[services.a]\nprice = 10\n\n[bundles.b]\nprice = 8\ntiers = [ { when = \"taoqi >= 1000\", price = 5 } ]\nincludes = [\"a\"]\n";
    fs::write(&path, text).unwrap();
    let mut app = open_app(&path);
    let scenario = |app: &bundlecalc::tui::app::App| app.scenario_text();
    set_fact(&mut app, "1200");
    assert!(
        scenario(&app).contains("taoqi 1200 (edited)"),
        "{}",
        scenario(&app)
    );
    app.update(Action::Save);
    settle(&mut app);
    assert!(
        scenario(&app).contains("taoqi 1200 (file)"),
        "{}",
        scenario(&app)
    );
    assert_eq!(app.fact_rows()[0].source.label(), "file");

    set_fact(&mut app, "300");
    app.update(Action::Reload);
    app.update(Action::Type('y')); // drop the edit
    settle(&mut app);
    assert!(
        scenario(&app).contains("taoqi 1200 (file)"),
        "{}",
        scenario(&app)
    );
}
