//! Building the interactive screen's state from a file, without a terminal.

use std::path::Path;

use bundlecalc::calc::{Scenario, SortKey};
use bundlecalc::source::Source;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig, Overrides};
use bundlecalc::workspace::Workspace;

/// The screen on the file at `path`, 80×24, without colour.
pub fn open_app(path: &Path) -> App {
    let source = Source::read(path).unwrap();
    let catalog = source.catalog().unwrap();
    let scenario = Scenario::from_catalog(&catalog);
    App::new(AppConfig {
        workspace: Workspace::new(source),
        catalog,
        scenario,
        overrides: Overrides::default(),
        sort: SortKey::File,
        colour: false,
        size: (80, 24),
    })
}

/// Types `text` into whatever field or question is open.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// Opens the price field on the selection, replaces its text with `price`, and applies it.
pub fn edit_price(app: &mut App, price: &str) {
    app.update(Action::EditPrice);
    let field = app.field.as_ref().expect("the price field opened");
    for _ in 0..field.text.chars().count() {
        app.update(Action::Erase);
    }
    type_text(app, price);
    app.update(Action::Submit);
}

/// The figures row of the bundle with `id`.
pub fn bundle_price(app: &App, id: &str) -> String {
    app.rows
        .iter()
        .find(|row| app.catalog.bundles[row.bundle].id == id)
        .map(|row| row.price.to_string())
        .unwrap_or_else(|| panic!("no bundle {id}"))
}
