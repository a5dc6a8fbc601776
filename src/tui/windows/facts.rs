//! The facts window (`f`, docs/reference/screen.md, "The facts window"): every
//! fact a price tier tests, its value, where that value comes from, and the
//! tiers that test it. `e` or `Enter` edits the selected one (the screen opens
//! the field and recomputes every figure); this file owns the window's state,
//! keys and drawing.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::text::{Align, display_width, pad};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::draw_dialog;
use crate::tui::theme::Theme;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::scenario::Scenario;

/// The widest the window gets.
const WIDTH: u16 = 76;

/// Where the value of a fact in use comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FactSource {
    /// `[profile.facts]` of the file.
    File,
    /// `--set` on the command line (never saved).
    CommandLine,
    /// Edited in this screen (saved by `Ctrl-S`).
    Edited,
    /// Nowhere: tiers testing it do not apply.
    Unset,
}

impl FactSource {
    pub fn label(self) -> String {
        match self {
            FactSource::File => tr!("facts.file"),
            FactSource::CommandLine => tr!("facts.command_line"),
            FactSource::Edited => tr!("facts.edited"),
            FactSource::Unset => tr!("facts.unset"),
        }
    }
}

/// One fact as the window lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactRow {
    pub name: String,
    pub value: Option<Decimal>,
    pub source: FactSource,
    /// The tiers that test it: "bundle name: condition".
    pub tested_by: Vec<String>,
}

/// What decides where each fact's value comes from.
pub struct FactOrigins<'a> {
    pub set_on_command_line: &'a BTreeMap<String, Decimal>,
    pub edited: &'a BTreeSet<String>,
}

/// Every fact some tier or benefit tests (and every fact in use), sorted by name.
pub fn fact_rows(
    catalog: &Catalog,
    scenario: &Scenario,
    origins: &FactOrigins<'_>,
) -> Vec<FactRow> {
    let mut rows: BTreeMap<String, FactRow> = BTreeMap::new();
    let new_row = |name: &str| FactRow {
        name: name.to_string(),
        value: scenario.facts.get(name).copied(),
        source: if origins.edited.contains(name) {
            FactSource::Edited
        } else if origins.set_on_command_line.contains_key(name) {
            FactSource::CommandLine
        } else if scenario.facts.contains_key(name) {
            FactSource::File
        } else {
            FactSource::Unset
        },
        tested_by: Vec::new(),
    };
    for name in scenario.facts.keys() {
        rows.insert(name.clone(), new_row(name));
    }
    for service in &catalog.services {
        if let Some(benefit) = &service.value {
            let fact = &benefit.fact;
            let cap = benefit
                .max
                .map_or(String::new(), |max| tr!("detail.at_most", max = max));
            rows.entry(fact.clone())
                .or_insert_with(|| new_row(fact))
                .tested_by
                .push(tr!(
                    "facts.benefit",
                    name = crate::words::service_name(service),
                    rate = benefit.rate,
                    cap = cap
                ));
        }
    }
    for bundle in &catalog.bundles {
        for tier in &bundle.tiers {
            let fact = &tier.when.fact;
            rows.entry(fact.clone())
                .or_insert_with(|| new_row(fact))
                .tested_by
                .push(format!(
                    "{}: {}",
                    crate::words::bundle_name(bundle),
                    tier.when
                ));
        }
    }
    rows.into_values().collect()
}

/// The window's own state: which fact is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactsWindow {
    pub selected: usize,
}

impl Window for FactsWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Choosing
    }

    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        self.choose(action, &props_rows(props))
    }

    /// Draws the window over the screen, from the facts the props hold.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let theme = &props.theme;
        let lines = self.lines(&props_rows(props), theme);
        draw_dialog(frame, area, theme, &tr!("facts.title"), lines, WIDTH);
    }
}

/// The facts as the props have them.
fn props_rows(props: &Props<'_>) -> Vec<FactRow> {
    let origins = FactOrigins {
        set_on_command_line: props.facts_set,
        edited: props.facts_edited,
    };
    fact_rows(props.catalog, props.scenario, &origins)
}

impl FactsWindow {
    /// Keys in the window: move, edit the selected fact (`e`, `Enter`), close.
    pub fn choose(&mut self, action: Action, rows: &[FactRow]) -> Outcome {
        match action {
            Action::Up => self.move_by(-1, rows.len()),
            Action::Down => self.move_by(1, rows.len()),
            Action::EditPrice | Action::Submit => {
                if let Some(row) = rows.get(self.selected) {
                    return Outcome::EditFact(row.name.clone());
                }
            }
            Action::Back | Action::Open(Opens::Facts) => {
                return Outcome::Close;
            }
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// Moves the selection by `delta`, within `count` facts.
    fn move_by(&mut self, delta: isize, count: usize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
    }

    /// The window's lines: one per fact, then the tiers testing the selected one.
    fn lines(&self, rows: &[FactRow], theme: &Theme) -> Vec<Line<'static>> {
        if rows.is_empty() {
            return vec![
                Line::raw(tr!("facts.none")),
                Line::styled(tr!("facts.close"), theme.faint),
            ];
        }
        let name_width = rows
            .iter()
            .map(|r| display_width(&r.name))
            .max()
            .unwrap_or(0);
        let values: Vec<String> = rows
            .iter()
            .map(|r| r.value.map_or("—".to_string(), |v| v.to_string()))
            .collect();
        let value_width = values.iter().map(|v| display_width(v)).max().unwrap_or(0);
        let mut lines: Vec<Line<'static>> = rows
            .iter()
            .zip(&values)
            .enumerate()
            .map(|(at, (row, value))| {
                let marker = if at == self.selected { "▶ " } else { "  " };
                let line = Line::from(vec![
                    Span::raw(marker),
                    Span::styled(pad(&row.name, name_width + 2, Align::Left), theme.heading),
                    Span::raw(pad(value, value_width, Align::Right)),
                    Span::styled(format!("  ({})", row.source.label()), theme.faint),
                ]);
                if at == self.selected {
                    line.patch_style(theme.selected)
                } else {
                    line
                }
            })
            .collect();
        if let Some(row) = rows.get(self.selected) {
            lines.push(Line::raw(""));
            lines.push(Line::raw(tr!("facts.tested_by", name = row.name)));
            for tier in &row.tested_by {
                lines.push(Line::raw(format!("  {tier}")));
            }
        }
        lines.push(Line::styled(tr!("facts.keys"), theme.faint));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> FactRow {
        FactRow {
            name: name.into(),
            value: None,
            source: FactSource::Unset,
            tested_by: Vec::new(),
        }
    }

    #[test]
    fn enter_and_e_edit_the_selected_fact() {
        let rows = [row("a"), row("b")];
        let mut window = FactsWindow::default();
        assert_eq!(window.choose(Action::Down, &rows), Outcome::Stay);
        assert_eq!(window.choose(Action::Down, &rows), Outcome::Stay);
        assert_eq!(
            window.choose(Action::Submit, &rows),
            Outcome::EditFact("b".into())
        );
        assert_eq!(
            window.choose(Action::EditPrice, &rows),
            Outcome::EditFact("b".into())
        );
        assert_eq!(window.choose(Action::Back, &rows), Outcome::Close);
    }
}
