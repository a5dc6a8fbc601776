//! The services window (`W`, docs/reference/screen.md, "The services window"):
//! every service of the file, in file order, with its price and wanted mark,
//! those in no bundle too; `w`, `Space` or `Enter` marks the selected one wanted
//! or not, as `w` does in the detail list (saved by `Ctrl-S` into
//! `profile.wants`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::report::money::money_text;
use crate::text::{Align, display_width, pad, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode};
use crate::tui::chrome::{dialog_inner_width, draw_dialog, scroll_marks};
use bundlecalc_core::calc::prices::service_worth;
use bundlecalc_core::model::index::ServiceIx;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// The services window and its selection (a service's index in the catalogue).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct ServicesWindow {
    pub selected: ServiceIx,
}

impl Window for ServicesWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Choosing
    }

    /// Moves among the services by one or by a page; `w`, `Space` or `Enter`
    /// marks the selected one wanted or not; `Esc` or `W` close.
    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let count = props.catalog.services.len();
        let page = page(props.screen.height);
        let last = count.saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(page.max(1)),
            Action::PageDown => self.selected = (self.selected + page.max(1)).min(last),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            Action::Submit | Action::ToggleWanted if count > 0 => {
                return Outcome::ToggleWant(self.selected);
            }
            Action::Back | Action::ShowServices => {
                return Outcome::Close;
            }
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let catalog = props.shown;
        let theme = &props.theme;
        let scenario = props.scenario;
        let symbol = catalog.currency_symbol();
        let width = dialog_inner_width(area.width, WIDTH);
        let count = catalog.services.len();
        let footer = self.footer(props, width);
        // Borders, the footer, and a blank line before it.
        let room = usize::from(area.height)
            .saturating_sub(3 + footer.len())
            .max(1);
        let first = rows_from(self.selected, room);
        let shown = first..(first + room).min(count);
        let wanted = |s: ServiceIx| {
            scenario
                .wants
                .as_ref()
                .is_some_and(|wants| wants.contains(&s))
        };
        let prices: Vec<String> = shown
            .clone()
            .map(|s| {
                let worth = service_worth(&catalog.services[s], scenario, &mut Vec::new());
                money_text(symbol, worth.price)
            })
            .collect();
        let price_width = prices.iter().map(|p| display_width(p)).max().unwrap_or(0);
        let mut lines: Vec<Line> = Vec::new();
        if count == 0 {
            lines.push(Line::raw(tr!("servicesw.none")));
        }
        for (s, price) in shown.clone().zip(&prices) {
            let service = &catalog.services[s];
            let mark = if wanted(s) { "[✓]" } else { "[ ]" };
            let room = width.saturating_sub(4 + 2 + price_width);
            let name = pad(
                &truncate_to_width(&crate::words::service_name(service), room),
                room,
                Align::Left,
            );
            let style = if service.status.is_available() {
                Style::new()
            } else {
                theme.faint
            };
            let mut line = Line::from(vec![
                Span::raw(format!("{mark} ")),
                Span::styled(name, style),
                Span::raw(format!("  {}", pad(price, price_width, Align::Right))),
            ]);
            if s == self.selected {
                line = line.patch_style(theme.selected);
            }
            lines.push(line);
        }
        lines.push(Line::raw(""));
        for line in footer {
            lines.push(line.patch_style(theme.faint));
        }
        let title = tr!(
            "servicesw.title",
            at = (self.selected + 1).min(count),
            count = count,
            per = crate::words::per(scenario.basis),
            marks = scroll_marks(first, shown.len(), count)
        );
        draw_dialog(frame, area, theme, &title, lines, WIDTH);
    }
}

impl ServicesWindow {
    /// The selected service in words (its whole name, how it is bought, the
    /// bundles it is in), then the keys; each wrapped to `width`.
    fn footer(&self, props: &Props<'_>, width: usize) -> Vec<Line<'static>> {
        let catalog = props.shown;
        let mut texts = Vec::new();
        if let Some(service) = catalog.services.get(self.selected) {
            let worth = service_worth(service, props.scenario, &mut Vec::new());
            let price = money_text(catalog.currency_symbol(), worth.price);
            let mut about = match &worth.label {
                Some(label) => tr!(
                    "servicesw.price_as",
                    price = price,
                    per = crate::words::per(props.scenario.basis),
                    label = label
                ),
                None => tr!(
                    "servicesw.price",
                    price = price,
                    per = crate::words::per(props.scenario.basis)
                ),
            };
            if !service.sold_alone {
                about.push_str(&tr!("servicesw.not_sold_alone"));
            }
            texts.push(format!("{} · {about}", crate::words::service_name(service)));
            let bundles: Vec<String> = catalog
                .bundles
                .iter()
                .filter(|b| {
                    b.includes
                        .iter()
                        .any(|include| include.members().contains(&self.selected))
                })
                .map(crate::words::bundle_name)
                .collect();
            texts.push(if bundles.is_empty() {
                tr!("servicesw.in_none")
            } else {
                tr!("servicesw.in", bundles = crate::words::listed(bundles))
            });
        }
        texts.push(tr!("servicesw.keys"));
        texts
            .iter()
            .flat_map(|text| wrap_to_width(text, width))
            .map(Line::raw)
            .collect()
    }
}

/// The first row shown when `selected` is: the list turns a page at a time.
fn rows_from(selected: usize, room: usize) -> usize {
    selected / room.max(1) * room.max(1)
}

/// How many services a page holds on a screen `screen_height` tall, about: the
/// window's border, footer and blank line take the rest.
fn page(screen_height: u16) -> usize {
    usize::from(screen_height.saturating_sub(8)).max(1)
}
