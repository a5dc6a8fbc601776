//! The plan window (`P`, docs/reference/screen.md, "The plan window"): the
//! cheapest offers for the wants, what each is used for, the totals, what
//! rumoured offers would change, and what each what-if not applied would do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::window::{Props, Shows, Window};
use crate::report::money::{money_text, signed_money_text, widest_money};
use crate::report::plan::sentences::{if_rumoured_sentence, not_proven_sentence, unproven_notes};
use crate::report::purchase::purchase_name;
use crate::report::shares::member_name;
use crate::report::what_if::what_if_sentence;
use crate::text::{Align, display_width, pad, printable, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::{ScrolledDialog, dialog_inner_width};
use crate::tui::columns::tone;
use crate::tui::theme::Theme;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::types::PlanError;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// The plan window and how far it is scrolled; the plan itself is kept by the
/// screen, so that showing it again need not search again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanWindow {
    /// Rows scrolled down, when the plan is taller than the screen.
    offset: u16,
}

impl Window for PlanWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    fn shows(&self) -> Option<Shows> {
        Some(Shows::Plan)
    }

    /// `i` lets plans use rumoured offers, or not; `↑ ↓`, `PgUp PgDn` scroll a
    /// plan taller than the screen; `Esc` or `P` close it.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let most = self.dialog(props).most(props.screen, &props.theme);
        match action {
            Action::ToggleRumoured => return Outcome::ToggleRumoured,
            Action::Back | Action::Open(Opens::Plan) => {
                return Outcome::Close;
            }
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

impl PlanWindow {
    /// The offers, what each is used for, the totals and extras.
    fn dialog(&self, props: &Props<'_>) -> ScrolledDialog<'static> {
        let catalog = props.shown;
        let theme = &props.theme;
        let rumoured = props.scenario.include.rumoured;
        let symbol = catalog.currency_symbol();
        let names = |services: &[usize]| crate::words::service_names(catalog, services);
        let inner_width = dialog_inner_width(props.screen.width, WIDTH);
        let mut lines: Vec<Line> = Vec::new();
        match props.plan.map(|planning| (planning, planning.found())) {
            None => {}
            Some((planning, None)) if planning.failed() => {
                lines.push(Line::styled(tr!("planw.failed"), theme.loss));
            }
            Some((_, None)) => {
                lines.push(Line::styled(tr!("planw.finding"), theme.faint));
            }
            // No wants because the file does not load: that is what to fix.
            Some((_, Some(Err(PlanError::NoWants)))) if props.file_broken => {
                lines.push(Line::styled(tr!("planw.file_broken"), theme.loss));
            }
            Some((_, Some(Err(error)))) => {
                lines.push(Line::styled(plan_problem(catalog, error), theme.loss));
            }
            Some((_, Some(Ok(plan)))) => {
                lines.push(Line::raw(tr!("planw.for", services = names(&plan.wants))));
                lines.push(Line::raw(""));
                // Prices right-aligned, so that the names start in one column.
                let price_width = widest_money(symbol, plan.offers.iter().map(|offer| offer.price));
                for offer in &plan.offers {
                    let name = purchase_name(catalog, offer.kind, offer.label.as_deref());
                    let price = money_text(symbol, offer.price);
                    lines.extend(priced_lines(
                        (&price, price_width),
                        &name,
                        inner_width,
                        theme,
                    ));
                    // Wrapped here, so that every line of it keeps the indent.
                    let uses = tr!("planw.used_for", services = names(&offer.covers));
                    for line in indented(&uses, "    ", inner_width) {
                        lines.push(Line::styled(line, theme.faint));
                    }
                }
                lines.push(Line::raw(""));
                let alone = plan
                    .standalone_total
                    .zip(plan.savings)
                    .map(|(alone, savings)| {
                        (
                            tr!("planw.alone", alone = money_text(symbol, alone)),
                            savings,
                        )
                    });
                lines.push(Line::from(total_spans(symbol, plan.total, alone, theme)));
                let planned_what_ifs = props
                    .plan
                    .and_then(|p| p.planned())
                    .and_then(|p| p.what_ifs.as_deref());
                if let Some(sentence) = not_proven_sentence(plan, planned_what_ifs, symbol) {
                    lines.push(Line::styled(sentence, theme.loss));
                    for note in unproven_notes(catalog, plan, planned_what_ifs) {
                        lines.push(Line::styled(note, theme.faint));
                    }
                }
                // What the figures rest on: stale prices, tiers not applied.
                for note in crate::words::notes(catalog, &plan.notes) {
                    let note = tr!("report.note", note = printable(&note));
                    for line in wrap_to_width(&note, inner_width.max(1)) {
                        lines.push(Line::styled(line, theme.faint));
                    }
                }
                if !plan.extras.is_empty() {
                    lines.push(Line::raw(tr!(
                        "plan.extras",
                        services = names(&plan.extras)
                    )));
                }
                if let Some(sentence) = if_rumoured_sentence(catalog, plan, symbol) {
                    lines.push(Line::raw(""));
                    lines.push(Line::raw(sentence));
                }
                // What each what-if not applied would do, then all of them together.
                let what_ifs = props.plan.and_then(|p| p.planned());
                let what_ifs = what_ifs
                    .and_then(|p| p.what_ifs.as_deref())
                    .unwrap_or_default();
                if !what_ifs.is_empty() {
                    lines.push(Line::raw(""));
                    for line in wrap_to_width(&tr!("whatif.heading_screen"), inner_width.max(1)) {
                        lines.push(Line::styled(line, theme.faint));
                    }
                }
                for entry in what_ifs {
                    let sentence = what_if_sentence(catalog, entry, symbol);
                    for line in wrap_to_width(&sentence, inner_width.max(1)) {
                        lines.push(Line::raw(line));
                    }
                }
            }
        }
        // `i` is said only when the file marks some offer rumoured.
        let keys = match (catalog.has_rumoured(), rumoured) {
            (false, _) => tr!("planw.close"),
            (true, true) => tr!("planw.keys", include = tr!("planw.i_on_sale")),
            (true, false) => tr!("planw.keys", include = tr!("planw.i_rumoured")),
        };
        let offers = if rumoured {
            tr!("planw.with_rumoured")
        } else {
            tr!("planw.on_sale")
        };
        ScrolledDialog {
            title: tr!("planw.title", offers = offers, per = props.per()),
            body: lines,
            keys,
            max_width: WIDTH,
        }
    }
}

/// Why there is no plan, in a sentence.
pub fn plan_problem(catalog: &Catalog, error: &PlanError) -> String {
    let names = |services: &[usize]| crate::words::service_names(catalog, services);
    match error {
        PlanError::NoWants => tr!("planw.no_wants"),
        // Each want, who wants it in a household, and why, as the command line says.
        PlanError::Uncovered(unmet) => {
            let sentences: Vec<String> = unmet
                .iter()
                .map(|u| {
                    let service = crate::words::service_name(&catalog.services[u.service]);
                    let why = crate::words::unbuyable(u.why);
                    match &u.wanted_by {
                        Some(members) => {
                            let people: Vec<String> =
                                members.iter().map(|&m| member_name(catalog, m)).collect();
                            tr!(
                                "planw.uncovered_for",
                                service = service,
                                people = people.join(&tr!("list.separator")),
                                why = why
                            )
                        }
                        None => tr!("planw.uncovered_why", service = service, why = why),
                    }
                })
                .collect();
            sentences.join(" ")
        }
        PlanError::OnlyOneOf(_) => {
            tr!("planw.only_one_of", services = names(&error.services()))
        }
    }
}

/// "Total ¥404.00", then, when there is one, what it is set against and what it
/// saves: " · bought one by one ¥656.00 · saves " and the saving, signed and
/// coloured.
pub fn total_spans(
    symbol: &str,
    total: Money,
    against: Option<(String, Money)>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(
        tr!("plan.total", total = money_text(symbol, total)),
        theme.heading,
    )];
    if let Some((words, savings)) = against {
        spans.push(Span::raw(words));
        spans.push(Span::styled(
            signed_money_text(symbol, savings),
            tone(theme, savings),
        ));
    }
    spans
}

/// A purchase's lines: its price right-aligned in `price_width` cells, then its
/// name, wrapped to `width` cells with every further line under the name's
/// first cell.
pub fn priced_lines(
    (price, price_width): (&str, usize),
    name: &str,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(price_width + 2);
    let room = width.saturating_sub(price_width + 2).max(1);
    wrap_to_width(name, room)
        .into_iter()
        .enumerate()
        .map(|(at, part)| match at {
            0 => Line::from(vec![
                Span::styled(pad(price, price_width, Align::Right), theme.heading),
                Span::raw(format!("  {part}")),
            ]),
            _ => Line::raw(format!("{indent}{part}")),
        })
        .collect()
}

/// `text` wrapped to `width` cells, every line starting with `indent`.
pub fn indented(text: &str, indent: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(display_width(indent)).max(1);
    wrap_to_width(text, room)
        .into_iter()
        .map(|line| format!("{indent}{line}"))
        .collect()
}
