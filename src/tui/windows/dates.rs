//! The dates window (`d`, docs/reference/screen.md, "The dates window"): every
//! price in the file with when and where it was seen, oldest first, so the
//! prices to check again come first. Prices the file does not date come last.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::text::{Align, display_width, pad, truncate_to_width, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::{dialog_inner_width, dialog_room, draw_dialog};
use bundlecalc_core::model::Catalog;
use bundlecalc_core::period::Period;
use bundlecalc_core::seen::{Seen, date_text};
use bundlecalc_core::stale::is_stale;
use rust_decimal::Decimal;

/// The widest the window gets: sources are long, and read whole on a wide screen.
const WIDTH: u16 = 156;

/// The dates window: the first price shown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct DatesWindow {
    pub scroll: usize,
}

/// One price of the file: what it is the price of, and when and where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    /// `2026-08-01`, or `None` when the file does not say.
    pub date: Option<String>,
    /// The bundle's or service's name, with the way to buy's label.
    pub name: String,
    /// The price as the file writes it, per its period: "¥258.00 per year".
    pub price: String,
    /// Where it was seen (`source`), as the file says it.
    pub source: Option<String>,
    /// Seen more than a year before today: a price to check again.
    pub stale: bool,
    /// A tier's price: seen with its bundle's, so checked with it.
    pub tier: bool,
}

impl Window for DatesWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let inner = dialog_inner_width(props.screen.width, WIDTH);
        let prices = dated_prices(props.file_shown, props.today);
        let count = shown_lines(&prices, inner).len();
        let room = room_for(&prices, props.screen.height);
        let last_first = count.saturating_sub(room);
        match action {
            Action::Down => self.scroll = (self.scroll + 1).min(last_first),
            Action::PageDown => self.scroll = (self.scroll + room).min(last_first),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(room),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = last_first,
            Action::Quit => return Outcome::Quit,
            Action::Back | Action::Open(Opens::Dates) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the lines in view, and which prices they show.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let theme = &props.theme;
        // The file's prices, not a what-if's: what was seen, and where.
        let prices = dated_prices(props.file_shown, props.today);
        let inner = dialog_inner_width(area.width, WIDTH);
        let all = shown_lines(&prices, inner);
        let room = room_for(&prices, area.height);
        let first = self.scroll.min(all.len().saturating_sub(room));
        let last = (first + room).min(all.len());
        let mut lines: Vec<Line> = all[first..last]
            .iter()
            .map(|line| match line.part {
                Part::Price { dated, stale } => {
                    let (date, rest) = line.text.split_at(line.date_end);
                    let date_style = match (dated, stale) {
                        (_, true) => theme.loss,
                        (true, false) => theme.heading,
                        (false, false) => theme.faint,
                    };
                    Line::from(vec![
                        Span::styled(date.to_string(), date_style),
                        Span::raw(rest.to_string()),
                    ])
                }
                Part::Source => Line::styled(line.text.clone(), theme.faint),
            })
            .collect();
        if prices.is_empty() {
            // No prices because the file does not load: that is what to fix.
            let none = match props.file_broken {
                true => Line::styled(tr!("planw.file_broken"), theme.loss),
                false => Line::raw(tr!("dates.none")),
            };
            lines.push(none);
        }
        // A tier is checked with its bundle's price: counted once with it.
        let stale = prices
            .iter()
            .filter(|price| price.stale && !price.tier)
            .count();
        if stale > 0 {
            lines.push(Line::styled(
                tr!("dates.stale", count = stale, today = date_text(props.today)),
                theme.loss,
            ));
        }
        let more = if all.len() > room {
            tr!(
                "dates.shown",
                first = all[first].price + 1,
                last = all[last - 1].price + 1,
                count = prices.len()
            )
        } else {
            String::new()
        };
        lines.push(Line::styled(
            format!("{more}{}", tr!("facts.close")),
            theme.faint,
        ));
        draw_dialog(frame, area, theme, &tr!("dates.title"), lines, WIDTH);
    }
}

/// How many of the window's lines show at once on a screen `height` rows
/// high: a row less when a line counts the stale prices.
fn room_for(prices: &[Dated], height: u16) -> usize {
    let stale_line = prices.iter().any(|price| price.stale);
    dialog_room(height)
        .saturating_sub(usize::from(stale_line))
        .max(1)
}

/// One line of the window: a price's, or a line of where it was seen.
struct ShownLine {
    /// Which price of the list it belongs to.
    price: usize,
    part: Part,
    text: String,
    /// Where the date ends in `text` (a price's line).
    date_end: usize,
}

enum Part {
    /// The date, the name and the price, cut to the window.
    Price { dated: bool, stale: bool },
    /// Where it was seen, wrapped under the name.
    Source,
}

/// The window's lines for `prices` in a window `inner` cells wide: a price
/// on a line, cut with `…` when it is wider, and where it was seen under it,
/// wrapped, so that a long source reads whole.
fn shown_lines(prices: &[Dated], inner: usize) -> Vec<ShownLine> {
    let undated = tr!("dates.undated");
    let indent = 10.max(display_width(&undated)) + 2;
    let mut lines = Vec::new();
    for (at, price) in prices.iter().enumerate() {
        let date = pad(
            price.date.as_deref().unwrap_or(&undated),
            indent,
            Align::Left,
        );
        let rest = truncate_to_width(
            // The price first, so that a long name is what is cut.
            &format!("{}  {}", price.price, price.name),
            inner.saturating_sub(indent),
        );
        lines.push(ShownLine {
            price: at,
            part: Part::Price {
                dated: price.date.is_some(),
                stale: price.stale,
            },
            date_end: date.len(),
            text: date + &rest,
        });
        if let Some(source) = &price.source {
            for line in wrap_to_width(source, inner.saturating_sub(indent).max(1)) {
                lines.push(ShownLine {
                    price: at,
                    part: Part::Source,
                    date_end: 0,
                    text: format!("{}{line}", " ".repeat(indent)),
                });
            }
        }
    }
    lines
}

/// Every price of `catalog` (each bundle's base price and tier prices, each service's main
/// price and each of its other ways to buy), dated ones first, oldest first;
/// then those the file does not date; equal dates in file order. Each seen
/// more than a year before `today` is marked stale.
pub fn dated_prices(catalog: &Catalog, today: time::Date) -> Vec<Dated> {
    let symbol = catalog.currency_symbol();
    // Each with its place in the file: the offer's line, then the way's position.
    let mut prices: Vec<((usize, usize), Option<time::Date>, Dated)> = Vec::new();
    let mut add = |at: (usize, usize),
                   (name, tier): (String, bool),
                   price: Decimal,
                   period: Period,
                   seen: &Seen| {
        // As written, with at least the two decimals of an amount of money.
        let mut amount = price;
        if amount.scale() < 2 {
            amount.rescale(2);
        }
        let dated = Dated {
            date: seen.as_of_text(),
            name,
            price: format!("{symbol}{amount} {}", crate::words::per(period)),
            source: seen.source().map(str::to_string),
            stale: seen.as_of().is_some_and(|as_of| is_stale(as_of, today)),
            tier,
        };
        prices.push((at, seen.as_of(), dated));
    };
    for bundle in &catalog.bundles {
        // A bundle priced by tiers lists each: its base price alone would read
        // as what it costs (88VIP's 888 beside its 88).
        let name = crate::words::bundle_name(bundle);
        let base = match bundle.tiers.is_empty() {
            true => name.clone(),
            false => tr!("dates.base_price", name = name),
        };
        add(
            (bundle.line, 0),
            (base, false),
            bundle.price,
            bundle.period,
            &bundle.seen,
        );
        for (n, tier) in bundle.tiers.iter().enumerate() {
            let tiered = tr!(
                "dates.tier_price",
                name = name,
                when = tier.when.to_string()
            );
            add(
                (bundle.line, n + 1),
                (tiered, true),
                tier.price,
                bundle.period,
                &bundle.seen,
            );
        }
    }
    for service in &catalog.services {
        let named = |label: Option<&str>| match label {
            Some(label) => format!("{} · {label}", crate::words::service_name(service)),
            None => crate::words::service_name(service),
        };
        // A benefit has no price of its own: it is worth a share of spending.
        if service.value.is_none() {
            let name = named(service.label.as_deref());
            add(
                (service.line, 0),
                (name, false),
                service.price,
                service.period,
                &service.seen,
            );
        }
        for (n, way) in service.other_prices.iter().enumerate() {
            let name = named(way.label.as_deref());
            add(
                (service.line, n + 1),
                (name, false),
                way.price,
                way.period,
                &way.seen,
            );
        }
    }
    prices.sort_by_key(|(at, date, _)| (date.is_none(), *date, *at));
    prices.into_iter().map(|(_, _, dated)| dated).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bundlecalc_core::load::parse_catalog;

    #[test]
    fn the_oldest_price_comes_first_and_the_undated_last_in_file_order() {
        let catalog = parse_catalog(
            r#"
            [services.video]
            name = "Video"
            price = 25
            period = "month"
            as_of = 2026-08-01
            source = "App Store"
            other_prices = [
              { price = 258, period = "year", label = "annual card", as_of = 2022-06-01 },
              { price = 68, period = "quarter", label = "quarterly" },
            ]
            [services.music]
            name = "Music"
            price = 15
            period = "month"
            as_of = 2024-01-31
            [bundles.combo]
            name = "Combo"
            price = 136
            includes = ["video", "music"]
            "#,
        )
        .unwrap();
        // 2024-01-31 is 367 days before 2025-02-01: more than a year; 2026-08-01
        // is after it.
        let today = time::Date::from_calendar_date(2025, time::Month::February, 1).unwrap();
        let prices = dated_prices(&catalog, today);
        let listed: Vec<(Option<&str>, &str, &str, Option<&str>)> = prices
            .iter()
            .map(|p| {
                let date = p.date.as_deref();
                (date, p.name.as_str(), p.price.as_str(), p.source.as_deref())
            })
            .collect();
        assert_eq!(
            listed,
            [
                (
                    Some("2022-06-01"),
                    "Video · annual card",
                    "¥258.00 per year",
                    None
                ),
                (Some("2024-01-31"), "Music", "¥15.00 per month", None),
                (
                    Some("2026-08-01"),
                    "Video",
                    "¥25.00 per month",
                    Some("App Store")
                ),
                // Undated, in file order: the video's way, then the bundle.
                (None, "Video · quarterly", "¥68.00 per quarter", None),
                (None, "Combo", "¥136.00 per year", None),
            ]
        );
        let stale: Vec<bool> = prices.iter().map(|p| p.stale).collect();
        assert_eq!(stale, [true, true, false, false, false]);
        // 365 days after it (2024 has a 29 February), the music's price is not
        // more than a year old.
        let a_year_on = time::Date::from_calendar_date(2025, time::Month::January, 30).unwrap();
        let fresh = dated_prices(&catalog, a_year_on);
        assert!(!fresh[1].stale);
    }

    #[test]
    fn a_bundle_priced_by_tiers_lists_its_base_price_and_each_tier_at_its_date() {
        let catalog = parse_catalog(
            r#"
            [services.video]
            price = 238
            [bundles.vip]
            name = "VIP"
            price = 888
            as_of = 2022-10-01
            tiers = [ { when = "taoqi >= 1000", price = 88 }, { when = "taoqi >= 500", price = 388 } ]
            includes = ["video"]
            "#,
        )
        .unwrap();
        let today = time::Date::from_calendar_date(2023, time::Month::January, 1).unwrap();
        let listed: Vec<(Option<String>, String, String)> = dated_prices(&catalog, today)
            .into_iter()
            .map(|p| (p.date, p.name, p.price))
            .collect();
        let dated = |name: &str, price: &str| {
            (
                Some("2022-10-01".to_string()),
                name.to_string(),
                price.to_string(),
            )
        };
        assert_eq!(
            listed,
            [
                dated("VIP · base price", "¥888.00 per year"),
                dated("VIP · tier `taoqi >= 1000`", "¥88.00 per year"),
                dated("VIP · tier `taoqi >= 500`", "¥388.00 per year"),
                (None, "video".to_string(), "¥238.00 per year".to_string()),
            ]
        );
    }

    #[test]
    fn a_long_source_wraps_under_its_price() {
        let price = Dated {
            date: Some("2022-06-01".into()),
            name: "Youku VIP".into(),
            price: "¥258.00 per year".into(),
            source: Some("sydneytoday.com, June 2022: the price rise of every tier".into()),
            stale: true,
            tier: false,
        };
        let lines = shown_lines(&[price], 40);
        let texts: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "2022-06-01  ¥258.00 per year  Youku VIP",
                "            sydneytoday.com, June 2022:",
                "            the price rise of every tier",
            ]
        );
        assert!(lines.iter().all(|line| line.price == 0));
    }
}
