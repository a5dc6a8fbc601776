//! No text is cut at 80×24: every text of both locale files, shown in the
//! status line (where messages go), is drawn whole, wrapped at spaces onto more
//! lines when it does not fit on one, never cut in the middle of a word.

use crate::support::screen::screen;
use bundlecalc::i18n::{Lang, in_language};
use bundlecalc::source::Source;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::{App, AppConfig};
use unicode_width::UnicodeWidthChar;

/// Every key and text of a locale file, its `%{name}` arguments filled with
/// their names (a word of the same kind as the value they stand for).
fn texts(file: &str) -> Vec<(String, String)> {
    let table: toml::Table = toml::from_str(file).unwrap();
    table
        .into_iter()
        .map(|(key, value)| {
            let mut text = value.as_str().unwrap().to_string();
            while let Some(start) = text.find("%{") {
                let end = start + text[start..].find('}').unwrap();
                let name = text[start + 2..end].to_string();
                text.replace_range(start..=end, &name);
            }
            (key, text)
        })
        .collect()
}

/// The rows of the status line as drawn.
fn status_rows(app: &App) -> Vec<String> {
    let first = usize::from(app.areas().unwrap().status.y);
    screen(app)[first..].to_vec()
}

#[test]
fn every_text_of_both_languages_shows_whole_at_80_by_24() {
    let files = [
        (
            Lang::En,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.toml")),
        ),
        (
            Lang::Zh,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh.toml")),
        ),
    ];
    for (lang, file) in files {
        in_language(lang, || {
            let mut app = App::new(AppConfig {
                size: (80, 24),
                ..AppConfig::for_source(Source::built_in()).unwrap()
            });
            for (key, text) in texts(file) {
                // A text of several lines is shown a line at a time.
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    app.message = Some(line.to_string());
                    let rows = status_rows(&app);
                    let shown = rows.join("\n");
                    assert!(
                        line.contains('…') || !shown.contains('…'),
                        "{key} ({lang:?}) is cut:\n{shown}"
                    );
                    // A Latin word stays on one row; Chinese may break
                    // between characters, so it is read across the rows.
                    let joined: String = rows.iter().map(|row| row.trim()).collect();
                    for word in line.split_whitespace() {
                        let whole = if word.chars().any(|c| c.width().unwrap_or(0) > 1) {
                            joined.contains(word)
                        } else {
                            rows.iter().any(|row| row.contains(word))
                        };
                        assert!(
                            whole,
                            "{key} ({lang:?}): `{word}` is not drawn whole:\n{shown}"
                        );
                    }
                }
            }
        });
    }
}

/// The status line takes a second line only when its text needs it, and the
/// panes keep their rows.
#[test]
fn a_message_that_fits_takes_one_line_and_a_long_one_two() {
    let mut app = App::new(AppConfig {
        size: (80, 24),
        ..AppConfig::for_source(Source::built_in()).unwrap()
    });
    app.message = Some("saved".into());
    assert_eq!(status_rows(&app).len(), 1);
    // `E` on the built-in file, and with unsaved edits: both sentences whole.
    app.update(bundlecalc::tui::action::Action::OpenEditor);
    let rows = status_rows(&app);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0].trim_end(),
        " built-in · year · sort: file order │ the built-in offers are read-only: Ctrl-S"
    );
    assert_eq!(rows[1].trim_end(), " writes ./bundles.toml to edit");
    app.message = Some(bundlecalc::i18n::message("msg.save_first"));
    let rows: Vec<String> = status_rows(&app)
        .iter()
        .map(|r| r.trim().to_string())
        .collect();
    assert!(
        rows.join(" ")
            .ends_with("save (Ctrl-S) or drop (r) your edits before opening the editor"),
        "{rows:?}"
    );
}

/// The scenario line keeps the wants when people share and what-ifs are on: it
/// takes the lines it needs.
#[test]
fn the_scenario_keeps_every_part_with_people_and_what_ifs() {
    // The shipped file with its household uncommented: people and what-ifs.
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
    let source = Source {
        origin: bundlecalc::source::Origin::BuiltIn,
        text,
    };
    let mut config = AppConfig::for_source(source).unwrap();
    config.size = (80, 24);
    let mut app = App::new(config);
    app.update(bundlecalc::tui::action::Action::Open(Opens::WhatIfs));
    app.update(bundlecalc::tui::action::Action::Submit);
    app.update(bundlecalc::tui::action::Action::Back);
    assert!(!app.what_ifs.is_empty(), "a what-if is applied");
    let areas = app.areas().unwrap();
    let lines = screen(&app);
    let scenario: Vec<&str> = lines[usize::from(areas.scenario.y)..usize::from(areas.status.y)]
        .iter()
        .map(|l| l.trim())
        .collect();
    let scenario = scenario.join(" ");
    for part in [
        "what-ifs:",
        "sharing: Mum, Dad",
        "facts:",
        "wants:",
        "picks:",
        "plans: on sale only",
    ] {
        assert!(scenario.contains(part), "{part}: {scenario}");
    }
    assert!(!scenario.contains('…'), "{scenario}");
}
