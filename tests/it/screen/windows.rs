//! The windows over the main screen behave as one: each closes the same way, quits
//! the same way, and the screen maps clicks with the layout it draws.

use crate::support::app::{built_in, edit_price, replace_field, settle};
use crate::support::screen::screen;
use bundlecalc::error::Error;
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::windows::OpenWindow;
use bundlecalc::tui::windows::question::Prompt;

/// Every key that opens a window on the main screen.
fn openers() -> Vec<Action> {
    let keyed = Opens::ALL.iter().map(|&opens| Action::Open(opens));
    let others = [
        Action::ShowNote,
        Action::EditPrice,
        Action::Search,
        Action::ShowServices,
    ];
    keyed.chain(others).collect()
}

#[test]
fn from_every_window_quitting_closes_it_and_asks_when_there_are_edits() {
    for opener in openers() {
        let mut app = built_in(80, 24);
        edit_price(&mut app, "99");
        app.update(opener);
        assert!(app.window().is_some(), "{opener:?} opens a window");
        app.update(Action::Quit);
        assert_eq!(app.prompt(), Some(Prompt::QuitUnsaved), "{opener:?}");
        assert_eq!(app.windows().len(), 1, "{opener:?}: the window closed");
        app.update(Action::Type('n'));
        assert!(app.window().is_none() && !app.quit, "{opener:?}");
        settle(&mut app);
    }
}

#[test]
fn from_every_window_quitting_without_edits_quits_and_esc_only_closes() {
    for opener in openers() {
        let mut app = built_in(80, 24);
        app.update(opener);
        app.update(Action::Back);
        assert!(
            app.window().is_none() && !app.quit,
            "{opener:?}: Esc closes"
        );
        app.update(opener);
        app.update(Action::Quit);
        assert!(app.quit, "{opener:?}: q quits");
        settle(&mut app);
    }
}

/// `?` lists every key over any window not being typed in, and closing the
/// list comes back to that window; in a field or the search box it is typed.
#[test]
fn from_every_window_question_mark_shows_the_keys_over_it_and_esc_comes_back() {
    for opener in openers() {
        let mut app = built_in(80, 24);
        app.update(opener);
        let window = app.window().cloned().expect("a window");
        app.update(Action::Open(Opens::Help));
        let typed = matches!(window, OpenWindow::Field(_) | OpenWindow::Search(_));
        if typed || matches!(window, OpenWindow::Help(_)) {
            // Typed into the field or the box, or closes the help itself.
            assert_eq!(app.windows().len(), usize::from(typed), "{opener:?}");
            settle(&mut app);
            continue;
        }
        assert!(
            matches!(app.window(), Some(OpenWindow::Help(_))),
            "{opener:?}: ? shows the keys"
        );
        assert!(
            screen(&app)
                .join("\n")
                .contains("Esc or ? closes this help")
        );
        app.update(Action::Back);
        assert_eq!(app.window(), Some(&window), "{opener:?}: Esc comes back");
        settle(&mut app);
    }
}

#[test]
fn a_fact_s_field_opens_over_the_facts_window_and_closes_back_to_it() {
    let mut app = built_in(100, 30);
    app.update(Action::Open(Opens::Facts));
    app.update(Action::Submit);
    assert!(matches!(
        app.windows(),
        [OpenWindow::Facts(_), OpenWindow::Field(_)]
    ));
    replace_field(&mut app, "500");
    assert!(matches!(app.windows(), [OpenWindow::Facts(_)]));
    assert!(
        screen(&app)
            .iter()
            .any(|l| l.contains("500") && l.contains("taoqi"))
    );
    // Quitting from the field asks over the facts window; `n` goes back to it.
    app.update(Action::Submit);
    app.update(Action::Quit);
    assert_eq!(app.prompt(), Some(Prompt::QuitUnsaved));
    app.update(Action::Type('n'));
    assert!(matches!(app.windows(), [OpenWindow::Facts(_)]));
}

#[test]
fn under_a_banner_a_click_selects_the_row_drawn_there() {
    let mut app = App::new(AppConfig {
        size: (80, 24),
        problem: Some(Error::usage(
            "a problem long enough to take two lines of the banner at eighty columns wide, so the table moves down",
        )),
        ..AppConfig::for_source(Source::built_in()).unwrap()
    });
    let third = bundlecalc::words::bundle_name(&app.catalog.bundles[app.rows[2].bundle]);
    let lines = screen(&app);
    let row = lines
        .iter()
        .position(|l| l.contains(&third))
        .unwrap_or_else(|| panic!("{third}:\n{}", lines.join("\n")));
    assert!(lines[0].contains("⚠"), "{}", lines.join("\n"));
    app.update(Action::Click {
        column: 5,
        row: row as u16,
    });
    assert_eq!(app.selected, 2, "{}", lines.join("\n"));
}
