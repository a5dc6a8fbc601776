//! The what-ifs window (`a`): every change the file describes (docs/reference/file-format.md, "What-if changes"), whether
//! it is applied, and what it would save in the plan; `Space` or `Enter` applies
//! the selected one or takes it back. What-ifs are a view, never saved.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use crate::report::money::{money_text, signed_money_text};
use crate::text::{printable, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::chrome::{dialog_inner_width, draw_dialog};
use crate::tui::theme::Theme;
use bundlecalc_core::model::offer::Offer;
use bundlecalc_core::model::{Catalog, ChangeIx};
use bundlecalc_core::money::Money;
use bundlecalc_core::what_if;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// What one change would do to the plan, as far as it is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The plan is being found.
    Finding,
    /// No plan to compare with (no wants, or they cannot be covered).
    NoPlan,
    /// Applying the change (or, when applied, keeping it) saves this much; negative
    /// when it makes the plan dearer.
    Saves(Money),
    /// With the change, the wants could not be covered.
    Uncovered,
    /// The change cannot be applied with those applied already.
    Refused(String),
}

impl Effect {
    /// What a what-if entry says, for a change not applied.
    pub fn of_applying(outcome: &what_if::entries::WhatIfPlan, catalog: &Catalog) -> Effect {
        match outcome {
            what_if::entries::WhatIfPlan::Plan { saves, .. } => Effect::Saves(*saves),
            what_if::entries::WhatIfPlan::Uncovered => Effect::Uncovered,
            what_if::entries::WhatIfPlan::Refused(why) => {
                Effect::Refused(crate::words::apply_error(catalog, why))
            }
        }
    }

    /// What taking an applied change back says of it: keeping it saves the
    /// opposite of what taking it back would.
    pub fn of_keeping(taken_back: &what_if::entries::WhatIfPlan, catalog: &Catalog) -> Effect {
        match taken_back {
            what_if::entries::WhatIfPlan::Plan { saves, .. } => Effect::Saves(Money::ZERO - *saves),
            // Without it the wants could not be covered: it is what covers them.
            what_if::entries::WhatIfPlan::Uncovered => Effect::NoPlan,
            what_if::entries::WhatIfPlan::Refused(why) => {
                Effect::Refused(crate::words::apply_error(catalog, why))
            }
        }
    }
}

/// What the what-ifs window draws from.
pub struct WhatIfsProps<'a> {
    /// The file's catalogue, as shown (control characters escaped): its changes.
    pub file: &'a Catalog,
    /// Whether each change is applied.
    pub applied: &'a [ChangeIx],
    /// What each change would do, in file order.
    pub effects: &'a [Effect],
    /// The period figures are shown per, in words.
    pub per: String,
}

/// The what-ifs window and its selection.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatIfsWindow {
    pub selected: usize,
}

impl WhatIfsWindow {
    /// Moves among the `count` changes; `Space`/`Enter` toggles the selected one;
    /// `Esc`, `?` or `a` close.
    pub fn update(&mut self, action: Action, count: usize) -> Outcome {
        let last = count.saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Top | Action::PageUp => self.selected = 0,
            Action::Bottom | Action::PageDown => self.selected = last,
            Action::Submit if count > 0 => return Outcome::ToggleWhatIf(self.selected),
            Action::Back | Action::ToggleHelp | Action::ShowWhatIfs => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, props: &WhatIfsProps<'_>, theme: &Theme, frame: &mut Frame<'_>) {
        let file = props.file;
        let symbol = file.currency_symbol();
        let width = dialog_inner_width(frame.area().width, WIDTH);
        let mut lines: Vec<Line> = Vec::new();
        if file.changes.is_empty() {
            for line in wrap_to_width(&tr!("whatifs.none"), width.max(1)) {
                lines.push(Line::raw(line));
            }
        }
        for (at, change) in file.changes.iter().enumerate() {
            let applied = props.applied.contains(&at);
            let mark = if applied { "[✓]" } else { "[ ]" };
            let effect = props.effects.get(at).unwrap_or(&Effect::Finding);
            let (said, style) = match effect {
                Effect::Finding => (tr!("whatifs.finding"), theme.faint),
                Effect::NoPlan => (tr!("whatifs.no_plan"), theme.faint),
                Effect::Saves(saves) if *saves == Money::ZERO => (tr!("whatifs.same"), theme.faint),
                Effect::Saves(saves) if saves.is_negative() => (
                    tr!(
                        "whatifs.dearer",
                        amount = money_text(symbol, Money::ZERO - *saves)
                    ),
                    theme.loss,
                ),
                Effect::Saves(saves) => (
                    tr!("whatifs.saves", amount = signed_money_text(symbol, *saves)),
                    theme.gain,
                ),
                Effect::Uncovered => (tr!("whatifs.uncovered"), theme.loss),
                Effect::Refused(_) => (tr!("whatifs.refused"), theme.loss),
            };
            let room = width.saturating_sub(4 + crate::text::display_width(&said) + 2);
            let name = truncate_to_width(&change.name, room.max(1));
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
            if let Some(Effect::Refused(why)) = props.effects.get(self.selected) {
                for line in wrap_to_width(why, width.max(1)) {
                    lines.push(Line::styled(line, theme.loss));
                }
            }
        }
        lines.push(Line::styled(tr!("whatifs.keys"), theme.faint));
        let title = tr!("whatifs.title", per = props.per);
        draw_dialog(frame, theme, &title, lines, WIDTH);
    }
}
