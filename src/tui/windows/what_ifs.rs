//! The what-ifs window (`a`, docs/reference/screen.md, "The what-ifs window"):
//! every change the file describes (docs/reference/file-format.md, "What-if changes"), whether
//! it is applied, and what it would save in the plan; `Space` or `Enter` applies
//! the selected one or takes it back. What-ifs are a view, never saved. What
//! each change would do is found with the plan (`planning::Effect`), never here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::window::{Props, Shows, Window};
use crate::report::money::{money_text, signed_money_text};
use crate::text::{Align, display_width, pad, printable, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::{dialog_inner_width, draw_dialog};
use crate::tui::planning::Effect;
use bundlecalc_core::model::offer::Offer;
use bundlecalc_core::money::Money;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// The what-ifs window and its selection.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatIfsWindow {
    pub selected: usize,
}

impl Window for WhatIfsWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Choosing
    }

    fn shows(&self) -> Option<Shows> {
        Some(Shows::Plan)
    }

    /// Moves among the file's changes; `Space`/`Enter` toggles the selected one;
    /// `Esc` or `a` close.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let count = props.file.changes.len();
        let last = count.saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Top | Action::PageUp => self.selected = 0,
            Action::Bottom | Action::PageDown => self.selected = last,
            Action::Submit if count > 0 => return Outcome::ToggleWhatIf(self.selected),
            Action::Back | Action::Open(Opens::WhatIfs) => {
                return Outcome::Close;
            }
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let file = props.file_shown;
        let theme = &props.theme;
        let symbol = file.currency_symbol();
        let width = dialog_inner_width(area.width, WIDTH);
        // What each change would do, once the plan is found: kept with it.
        let effects = props.plan.and_then(|p| p.planned()).map(|p| &p.effects[..]);
        let mut lines: Vec<Line> = Vec::new();
        if file.changes.is_empty() {
            for line in wrap_to_width(&tr!("whatifs.none"), width.max(1)) {
                lines.push(Line::raw(line));
            }
        }
        // Each change's mark, name and what it would do: the names cut to fit
        // their line, then padded to one width so that what they do aligns.
        let mut rows: Vec<(String, String, String, Style)> = Vec::new();
        for (at, change) in file.changes.iter().enumerate() {
            // Ids as the file writes them, not as shown.
            let applied = props.what_ifs.contains(&props.file.changes[at].id);
            let mark = if applied { "[✓]" } else { "[ ]" };
            let (said, style) = match effects.map(|effects| effects.get(at)) {
                None => (tr!("whatifs.finding"), theme.faint),
                Some(None | Some(Effect::NoPlan)) => (tr!("whatifs.no_plan"), theme.faint),
                Some(Some(Effect::Saves(saves))) if *saves == Money::ZERO => {
                    (tr!("whatifs.same"), theme.faint)
                }
                Some(Some(Effect::Saves(saves))) if saves.is_negative() => (
                    tr!(
                        "whatifs.dearer",
                        amount = money_text(symbol, Money::ZERO - *saves)
                    ),
                    theme.loss,
                ),
                Some(Some(Effect::Saves(saves))) => (
                    tr!("whatifs.saves", amount = signed_money_text(symbol, *saves)),
                    theme.gain,
                ),
                Some(Some(Effect::Uncovered)) => (tr!("whatifs.uncovered"), theme.loss),
                Some(Some(Effect::Refused(_))) => (tr!("whatifs.refused"), theme.loss),
            };
            rows.push((mark.to_string(), change.name.clone(), said, style));
        }
        // One column of names, as wide as the widest name where the widest
        // effect leaves room: "[ ] " before it, two spaces after.
        let widest = |of: fn(&(String, String, String, Style)) -> &String| {
            rows.iter()
                .map(|row| display_width(of(row)))
                .max()
                .unwrap_or(0)
        };
        let name_width = widest(|row| &row.1)
            .min(width.saturating_sub(4 + widest(|row| &row.2) + 2))
            .max(1);
        for (at, (mark, name, said, style)) in rows.into_iter().enumerate() {
            let name = pad(
                &truncate_to_width(&name, name_width),
                name_width,
                Align::Left,
            );
            let mut line = Line::from(vec![
                Span::raw(format!("{mark} {name}  ")),
                Span::styled(said, style),
            ]);
            if at == self.selected {
                line = line.patch_style(theme.selected);
            }
            lines.push(line);
        }
        if let Some(change) = file.changes.get(self.selected) {
            lines.push(Line::raw(""));
            let offer = match change.offer {
                Offer::Bundle(b) => file.bundles[b].name.clone(),
                Offer::Service(s) => file.services[s].name.clone(),
            };
            let mut about = tr!("whatifs.changes", offer = offer);
            if let Some(date) = change.seen.as_of_text() {
                about.push_str(&tr!("whatifs.reported", date = date));
            }
            if let Some(source) = change.seen.source() {
                about.push_str(&format!(" · {source}"));
            }
            for line in wrap_to_width(&about, width.max(1)) {
                lines.push(Line::styled(line, theme.faint));
            }
            if let Some(note) = &change.note {
                for line in wrap_to_width(&printable(note), width.max(1)) {
                    lines.push(Line::styled(line, theme.faint));
                }
            }
            if let Some(Effect::Refused(why)) = effects.and_then(|e| e.get(self.selected)) {
                let why = crate::words::apply_error(props.file, why);
                for line in wrap_to_width(&why, width.max(1)) {
                    lines.push(Line::styled(line, theme.loss));
                }
            }
        }
        lines.push(Line::styled(tr!("whatifs.keys"), theme.faint));
        let title = tr!("whatifs.title", per = props.per());
        draw_dialog(frame, area, theme, &title, lines, WIDTH);
    }
}
