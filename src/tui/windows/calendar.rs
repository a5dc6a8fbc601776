//! The calendar window (`C`, docs/reference/calendar.md, "The calendar"; its
//! keys in docs/reference/screen.md, "Keys"): the grid of months, a colour and a
//! letter per purchase, the purchases and the totals. `[` `]` move the first
//! month, `{` `}` change the length, `← →` scroll the months sideways.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::plan::total_spans;
use super::window::{Props, Shows, Window};
use crate::report::calendar::grid::{cell_text, letter, month_name};
use crate::report::calendar::grid::{months_line, years_line};
use crate::report::calendar::sentences::{calendar_notes, chosen_members_words};
use crate::report::money::{money_text, widest_money};
use crate::report::plan::sentences::unproven_total_sentence;
use crate::report::purchase::way_words;
use crate::report::shares::member_name;
use crate::text::{Align, display_width, pad, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::{ScrolledDialog, dialog_inner_width};
use crate::tui::theme::Theme;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::calendar::error::CalendarError;
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::plan::calendar::{Calendar, Purchase};
use bundlecalc_core::seen::date_text;

/// The widest the window gets.
const WIDTH: u16 = 130;
/// The fewest cells a service's name keeps beside the months.
const NAME_CELLS: usize = 10;

/// The calendar window: how far it is scrolled down and sideways.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarWindow {
    offset: u16,
    /// The first month shown in the grid.
    first_month: u32,
}

impl Window for CalendarWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    fn shows(&self) -> Option<Shows> {
        Some(Shows::Calendar)
    }

    /// `[` `]` move the horizon, `{` `}` change its length, `← →` scroll the
    /// months, `↑ ↓` the window; `Esc` or `C` close it.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let new_horizon = match action {
            Action::EarlierMonths => Some(Outcome::MoveHorizon(-1)),
            Action::LaterMonths => Some(Outcome::MoveHorizon(1)),
            Action::FewerMonths => Some(Outcome::ResizeHorizon(-1)),
            Action::MoreMonths => Some(Outcome::ResizeHorizon(1)),
            _ => None,
        };
        if let Some(outcome) = new_horizon {
            // A new horizon is shown from the top, where its grid is.
            self.offset = 0;
            return outcome;
        }
        let most = self.dialog(props).most(props.screen, &props.theme);
        match action {
            Action::Back | Action::Open(Opens::Calendar) => {
                return Outcome::Close;
            }
            Action::Quit => return Outcome::Quit,
            Action::FocusBundles => self.first_month = self.first_month.saturating_sub(1),
            Action::FocusDetail => {
                let most_months = props
                    .calendar
                    .and_then(|c| c.answer())
                    .and_then(|found| found.as_ref().ok())
                    .map_or(0, |calendar| {
                        let width = dialog_inner_width(props.screen.width, WIDTH);
                        GridFit::of(calendar, width).most_first
                    });
                self.first_month = (self.first_month + 1).min(most_months as u32)
            }
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

/// How the grid fits a width: the cells of a month, the months shown, and the
/// most it scrolls sideways.
struct GridFit {
    cell: usize,
    shown: usize,
    most_first: usize,
}

impl GridFit {
    fn of(calendar: &Calendar, inner_width: usize) -> GridFit {
        let horizon = calendar.horizon;
        let months = horizon.months as usize;
        let cell = (0..horizon.months)
            .map(|m| display_width(&month_name(horizon.month(m))))
            .max()
            .unwrap_or(3)
            .max(3)
            + 1;
        let fit = (inner_width.saturating_sub(NAME_CELLS + 1) / cell).max(1);
        let shown = fit.min(months);
        GridFit {
            cell,
            shown,
            most_first: months - shown,
        }
    }
}

impl CalendarWindow {
    /// The grid, the purchases and the totals.
    fn dialog(&self, props: &Props<'_>) -> ScrolledDialog<'static> {
        let catalog = props.shown;
        let theme = &props.theme;
        let inner_width = dialog_inner_width(props.screen.width, WIDTH);
        let mut lines: Vec<Line> = Vec::new();
        let mut scrolls_sideways = false;
        match props.calendar.map(|c| (c, c.answer())) {
            None => {}
            Some((calendaring, None)) if calendaring.failed() => {
                lines.push(Line::styled(tr!("planw.failed"), theme.loss));
            }
            Some((_, None)) => lines.push(Line::styled(tr!("calendarw.finding"), theme.faint)),
            Some((_, Some(Err(error)))) => {
                // No wants because the file does not load: that is what to fix.
                let text = match error {
                    CalendarError::NoWants if props.file_broken => tr!("planw.file_broken"),
                    _ => calendar_problem(catalog, props.horizon, error),
                };
                for line in wrap_to_width(&text, inner_width) {
                    lines.push(Line::styled(line, theme.loss));
                }
            }
            Some((_, Some(Ok(calendar)))) => {
                // The totals and shares under the grid, where they show at
                // 80×24 however many purchases there are; then the purchases.
                scrolls_sideways = self.grid(catalog, calendar, theme, inner_width, &mut lines);
                totals(catalog, calendar, theme, inner_width, &mut lines);
                lines.push(Line::raw(""));
                purchases(catalog, calendar, theme, inner_width, &mut lines);
                notes(catalog, calendar, theme, inner_width, &mut lines);
            }
        }
        let mut keys = tr!("calendarw.keys");
        if scrolls_sideways {
            keys = format!("{} · {keys}", tr!("calendarw.sideways"));
        }
        let horizon = props.horizon;
        let title = if horizon.months == 1 {
            tr!("calendarw.title_one", from = horizon.from)
        } else {
            tr!(
                "calendarw.title",
                from = horizon.from,
                until = horizon.month(horizon.months - 1),
                months = horizon.months
            )
        };
        ScrolledDialog {
            title,
            body: lines,
            keys,
            max_width: WIDTH,
        }
    }

    /// The grid: a line of years, a line of months, a line per wanted service;
    /// whether it scrolls sideways.
    fn grid(
        &self,
        catalog: &Catalog,
        calendar: &Calendar,
        theme: &Theme,
        inner_width: usize,
        lines: &mut Vec<Line<'static>>,
    ) -> bool {
        let horizon = calendar.horizon;
        let months = horizon.months as usize;
        let GridFit {
            cell,
            shown,
            most_first,
        } = GridFit::of(calendar, inner_width);
        let longest = calendar
            .wants
            .iter()
            .map(|w| display_width(&catalog.services[*w].name))
            .max()
            .unwrap_or(0);
        let first = (self.first_month as usize).min(most_first);
        let name_width = longest
            .min(inner_width.saturating_sub(shown * cell + 1))
            .max(1);
        let years = years_line(horizon, first, shown, name_width, cell);
        let names = months_line(horizon, first, shown, name_width, cell);
        lines.push(Line::styled(years, theme.faint));
        lines.push(Line::styled(names, theme.heading));
        for (w, cells) in calendar.wants.iter().zip(&calendar.coverage) {
            let name = truncate_to_width(&catalog.services[*w].name, name_width);
            let mut spans = vec![Span::raw(pad(&name, name_width + 1, Align::Left))];
            for cell_at in cells.iter().skip(first).take(shown) {
                let text = cell_text(cell_at.as_ref());
                let style = match cell_at.as_ref().and_then(|c| c.purchases.first()) {
                    Some(&p) if !cell_at.as_ref().is_some_and(|c| c.held) => {
                        purchase_style(theme, p)
                    }
                    _ => theme.faint,
                };
                spans.push(Span::styled(pad(&text, cell, Align::Left), style));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        shown < months
    }
}

/// The totals against month by month, whether they are proven, and who pays
/// what.
fn totals(
    catalog: &Catalog,
    calendar: &Calendar,
    theme: &Theme,
    inner_width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let symbol = catalog.currency_symbol();
    let monthly = calendar
        .month_by_month
        .zip(calendar.savings)
        .map(|(monthly, savings)| {
            (
                tr!("calendar.monthly", monthly = money_text(symbol, monthly)),
                savings,
            )
        });
    let mut total = total_spans(symbol, calendar.total, monthly, theme);
    if calendar.month_by_month.is_none() {
        total.push(Span::raw(tr!("calendar.no_monthly")));
    }
    lines.push(Line::from(total));
    if !calendar.proven {
        let sentence = unproven_total_sentence(calendar.total, calendar.bound, symbol);
        lines.push(Line::styled(sentence, theme.loss));
    }
    if let Some(people) = &calendar.people {
        lines.push(Line::raw(""));
        for share in people {
            // A negative share is money received: "mum: receives ¥90.00".
            let (key, pays) = if share.pays.is_negative() {
                ("calendarw.person_receives", -share.pays)
            } else {
                ("calendarw.person", share.pays)
            };
            let text = tr!(
                key,
                person = member_name(catalog, share.member),
                pays = money_text(symbol, pays),
                alone = money_text(symbol, share.alone)
            );
            for line in wrap_to_width(&text, inner_width) {
                lines.push(Line::raw(line));
            }
        }
    }
}

/// The purchases by letter: price, start, months, until, way and name.
fn purchases(
    catalog: &Catalog,
    calendar: &Calendar,
    theme: &Theme,
    inner_width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let symbol = catalog.currency_symbol();
    let horizon = calendar.horizon;
    if calendar.purchases.is_empty() {
        lines.push(Line::raw(tr!("calendar.no_purchases")));
    }
    // Letters in one column (`AA` on from the 27th), prices right-aligned
    // in the next, each as wide as its widest.
    let letter_width = display_width(&letter(calendar.purchases.len().saturating_sub(1)));
    let price_width = widest_money(symbol, calendar.purchases.iter().map(|p| p.price));
    for (at, p) in calendar.purchases.iter().enumerate() {
        let price = pad(&money_text(symbol, p.price), price_width, Align::Right);
        // A month bought alone ends with its month: "2027-07, 1 mo." is enough.
        let mut when = match p.months {
            1 => tr!("calendarw.when_month", start = horizon.month(p.start)),
            months => tr!(
                "calendarw.when",
                start = horizon.month(p.start),
                months = months,
                until = date_text(p.until)
            ),
        };
        if p.first {
            when += &match p.first_of {
                Some(member) => tr!("calendar.first_of", person = member_name(catalog, member)),
                None => tr!("calendar.first"),
            };
        }
        let letter = pad(&letter(at), letter_width, Align::Left);
        let head = format!("{letter}  {price}  ");
        let room = inner_width.saturating_sub(display_width(&head));
        let rest = purchase_text(catalog, p, &when, room);
        lines.push(Line::from(vec![
            Span::styled(format!("{letter}  "), purchase_style(theme, at)),
            Span::styled(format!("{price}  "), theme.heading),
            Span::raw(rest),
        ]));
    }
}

/// A purchase's line after its letter and price, `room` cells at most: when,
/// and a first price, then the offer, the way bought and the group members it
/// gives. A long offer name is what is cut, so that the way bought reads whole
/// (`QQ Music Gre… · auto-renew monthly (连续包月)`) while the name keeps a few
/// cells; past that the line is cut at its end.
fn purchase_text(catalog: &Catalog, p: &Purchase, when: &str, room: usize) -> String {
    /// The fewest cells of the name kept before the way bought gives way too.
    const NAME_AT_LEAST: usize = 8;
    let offer = crate::words::offer_name(catalog, p.kind);
    let tail = way_words(p.label.as_deref()) + &chosen_members_words(catalog, p);
    let whole = format!("{when} · {offer}{tail}");
    let head = format!("{when} · ");
    let name_room = room.saturating_sub(display_width(&head) + display_width(&tail));
    if display_width(&whole) <= room || name_room < NAME_AT_LEAST.min(display_width(&offer)) {
        truncate_to_width(&whole, room)
    } else {
        format!("{head}{}{tail}", truncate_to_width(&offer, name_room))
    }
}

/// The calendar's notes, each wrapped whole.
fn notes(
    catalog: &Catalog,
    calendar: &Calendar,
    theme: &Theme,
    inner_width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let symbol = catalog.currency_symbol();
    let notes = calendar_notes(catalog, calendar, symbol);
    if !notes.is_empty() {
        lines.push(Line::raw(""));
    }
    for note in notes {
        let note = tr!("report.note", note = crate::text::printable(&note));
        for line in wrap_to_width(&note, inner_width) {
            lines.push(Line::styled(line, theme.faint));
        }
    }
}

/// The style of the purchase at `at`: one colour each, in turn.
fn purchase_style(theme: &Theme, at: usize) -> Style {
    theme.palette[at % theme.palette.len()]
}

/// Why there is no calendar, in a sentence.
pub fn calendar_problem(catalog: &Catalog, horizon: Horizon, error: &CalendarError) -> String {
    match error {
        CalendarError::NoWants => tr!("planw.no_wants"),
        // The first want that cannot be covered: the window has room for one.
        CalendarError::Uncovered(unmet) => match unmet.first() {
            Some(u) => tr!(
                "calendarw.uncovered",
                service = catalog.services[u.service].name,
                person = member_name(catalog, u.member),
                month = horizon.month(u.month),
                why = crate::words::uncoverable(&u.why)
            ),
            None => tr!("planw.no_wants"),
        },
    }
}
