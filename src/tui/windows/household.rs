//! The household window (`H`, docs/reference/screen.md, "The household window";
//! docs/reference/file-format.md, "People who share", docs/reference/plan.md "Households"): the purchases that
//! cover everyone's wants, who uses which service of each, and what each person
//! pays, would pay alone and saves (docs/reference/arithmetic.md, "Rule 6: Household shares"). Without people, how to add them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::plan::{indented, plan_problem, priced_lines};
use super::window::{Props, Shows, Window};
use crate::report::money::{money_text, signed_money_text, widest_money};
use crate::report::purchase::purchase_name;
use crate::report::shares::{member_name, share_notes, split_words};
use crate::text::{Align, display_width, pad, printable, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::{ScrolledDialog, dialog_inner_width};
use crate::tui::columns::tone;
use crate::tui::theme::Theme;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// The household window and how far it is scrolled; the plan (with people, the
/// household's) is the screen's, found in the background.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HouseholdWindow {
    /// Rows scrolled down, when the household is taller than the screen.
    offset: u16,
}

impl Window for HouseholdWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    fn shows(&self) -> Option<Shows> {
        Some(Shows::Plan)
    }

    /// `Esc` or `H` close it; `x` shares by the next rule; `↑ ↓`, `PgUp
    /// PgDn` scroll a household taller than the screen.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let most = self.dialog(props).most(props.screen, &props.theme);
        match action {
            Action::Back | Action::Open(Opens::Household) => {
                return Outcome::Close;
            }
            Action::NextSplit => return Outcome::NextSplit,
            Action::Quit => return Outcome::Quit,
            Action::Up => self.offset = self.offset.min(most).saturating_sub(1),
            Action::Down => self.offset = (self.offset + 1).min(most),
            Action::PageUp | Action::Top => self.offset = 0,
            Action::PageDown | Action::Bottom => self.offset = most,
            _ => {}
        }
        Outcome::Stay
    }

    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        self.dialog(props)
            .draw(frame, area, &props.theme, self.offset);
    }
}

impl HouseholdWindow {
    /// Who shares and what each pays; without people, how to add them.
    fn dialog(&self, props: &Props<'_>) -> ScrolledDialog<'static> {
        let catalog = props.shown;
        let theme = &props.theme;
        let width = dialog_inner_width(props.screen.width, WIDTH).max(1);
        let mut lines: Vec<Line> = Vec::new();
        if catalog.people.is_empty() && props.people_chosen {
            for line in wrap_to_width(&tr!("householdw.alone"), width) {
                lines.push(Line::raw(line));
            }
        } else if catalog.people.is_empty() {
            for paragraph in [tr!("householdw.nobody"), tr!("householdw.how")] {
                for line in wrap_to_width(&paragraph, width) {
                    lines.push(Line::raw(line));
                }
            }
            for example in tr!("householdw.example").lines() {
                lines.push(Line::styled(format!("  {example}"), theme.heading));
            }
            for line in wrap_to_width(&tr!("householdw.seats"), width) {
                lines.push(Line::raw(line));
            }
        } else {
            self.plan_lines(props, theme, width, &mut lines);
        }
        let keys = if catalog.people.is_empty() {
            tr!("householdw.keys")
        } else {
            tr!("householdw.keys_split")
        };
        // The keys stay in view below a household taller than the screen.
        ScrolledDialog {
            title: tr!("householdw.title", per = props.per()),
            body: lines,
            keys,
            max_width: WIDTH,
        }
    }

    /// The purchases, who uses what, and each person's share.
    fn plan_lines(
        &self,
        props: &Props<'_>,
        theme: &Theme,
        width: usize,
        lines: &mut Vec<Line<'static>>,
    ) {
        let catalog = props.shown;
        let symbol = catalog.currency_symbol();
        let found = props.plan.and_then(|planning| planning.found());
        let plan = match found {
            None => {
                lines.push(Line::styled(tr!("planw.finding"), theme.faint));
                return;
            }
            Some(Err(error)) => {
                for line in wrap_to_width(&plan_problem(catalog, error), width) {
                    lines.push(Line::styled(line, theme.loss));
                }
                return;
            }
            Some(Ok(plan)) => plan,
        };
        let Some(people) = &plan.people else {
            lines.push(Line::raw(tr!("householdw.alone")));
            return;
        };
        // Prices right-aligned, so that the names start in one column.
        let price_width = widest_money(symbol, plan.offers.iter().map(|offer| offer.price));
        for offer in &plan.offers {
            let price = money_text(symbol, offer.price);
            let name = purchase_name(catalog, offer.kind, offer.label.as_deref());
            lines.extend(priced_lines((&price, price_width), &name, width, theme));
            for (service, users) in offer.covers.iter().zip(&offer.used_by) {
                let who: Vec<String> = users.iter().map(|m| member_name(catalog, *m)).collect();
                let text = tr!(
                    "plan.used_by",
                    service = catalog.services[*service].name,
                    people = crate::words::listed(who)
                );
                for line in indented(&text, "    ", width) {
                    lines.push(Line::styled(line, theme.faint));
                }
            }
        }
        lines.push(Line::raw(""));
        // Who pays what: one row per person, the figures right-aligned.
        let figures: Vec<[String; 3]> = people
            .iter()
            .map(|p| {
                [
                    money_text(symbol, p.pays),
                    money_text(symbol, p.alone),
                    signed_money_text(symbol, p.saves),
                ]
            })
            .collect();
        let headings = [
            tr!("householdw.pays"),
            tr!("householdw.alone_column"),
            tr!("householdw.saves"),
        ];
        let widths: Vec<usize> = (0..3)
            .map(|c| {
                figures
                    .iter()
                    .map(|f| display_width(&f[c]))
                    .chain([display_width(&headings[c])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let figures_width: usize = widths.iter().map(|w| w + 2).sum();
        let name_width = width.saturating_sub(figures_width).max(4);
        let mut heading = pad(&tr!("householdw.person"), name_width, Align::Left);
        for (text, w) in headings.iter().zip(&widths) {
            heading.push_str("  ");
            heading.push_str(&pad(text, *w, Align::Right));
        }
        lines.push(Line::styled(heading, theme.heading));
        for (share, figures) in people.iter().zip(&figures) {
            let name = printable(&member_name(catalog, share.member)).into_owned();
            let mut spans = vec![Span::raw(pad(
                &truncate_to_width(&name, name_width),
                name_width,
                Align::Left,
            ))];
            for (at, (text, w)) in figures.iter().zip(&widths).enumerate() {
                let style = if at == 2 {
                    tone(theme, share.saves)
                } else {
                    Style::new()
                };
                spans.push(Span::raw("  "));
                spans.push(Span::styled(pad(text, *w, Align::Right), style));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr!("plan.total", total = money_text(symbol, plan.total)),
            theme.heading,
        ));
        // How the total is shared, and who pays more than alone.
        if let Some(sharing) = &plan.split {
            for line in wrap_to_width(&split_words(catalog, &sharing.rule), width) {
                lines.push(Line::raw(line));
            }
        }
        for note in share_notes(catalog, plan.split.as_ref(), plan.people.as_deref(), symbol) {
            for line in wrap_to_width(&note, width) {
                lines.push(Line::styled(line, theme.loss));
            }
        }
        // What the figures rest on: stale prices, tiers not applied.
        for note in crate::words::notes(catalog, &plan.notes) {
            let note = tr!("report.note", note = crate::text::printable(&note));
            for line in wrap_to_width(&note, width) {
                lines.push(Line::styled(line, theme.faint));
            }
        }
        // What the time limit left unproven, said whole at any width.
        let unproven = crate::report::plan::sentences::not_proven_sentence(plan, None, symbol)
            .into_iter()
            .chain(crate::report::plan::sentences::unproven_notes(
                catalog, plan, None,
            ));
        for sentence in unproven {
            for line in wrap_to_width(&sentence, width) {
                lines.push(Line::styled(line, theme.loss));
            }
        }
    }
}
