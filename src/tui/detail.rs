//! The detail pane: the selected bundle's counted services with their figures,
//! then its price rule, the selected service's group and way to buy, and its note.
//! Drawn from what it is handed (`DetailProps`), never from the `App`.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use super::chrome::{pane_block, scroll_marks};
use super::columns::{Column, draw_table, fill_first, fit};
use super::theme::Theme;
use crate::report::money::money_text;
use crate::text::{
    Align, display_width, printable, printable_lines, truncate_to_width, wrap_to_width,
};
use crate::tr;
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::note::Note;
use bundlecalc_core::seen::Seen;
use bundlecalc_core::stale::{is_stale, service_seen};
use time::Date;

/// What the detail pane draws from.
pub struct DetailProps<'a> {
    /// The catalogue as shown (control characters escaped).
    pub catalog: &'a Catalog,
    /// The selected bundle's figures, if a bundle is selected.
    pub row: Option<&'a BundleFigures>,
    /// Index into the bundle's services of the selected one, and of the first shown.
    pub selected_service: usize,
    pub service_offset: usize,
    /// Whether the detail list has the keyboard.
    pub focused: bool,
    /// Whether wants are set, so personal figures show.
    pub personal: bool,
    /// The facts in use, for a benefit's worth.
    pub facts: &'a BTreeMap<String, Decimal>,
    /// Rows the footer has at least, as the layout gave them (`footer_rows`).
    pub footer_rows: u16,
    /// The day a price's age is judged from (`--today`, or the system's date).
    pub today: Date,
    /// The comparison's notes: the tiers not applied, of every bundle.
    pub notes: &'a [Note],
}

/// Draws the detail pane into `area`.
pub fn draw_detail(props: &DetailProps<'_>, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let Some(row) = props.row else {
        frame.render_widget(pane_block(tr!("detail.title"), false, theme), area);
        return;
    };
    let bundle = &props.catalog.bundles[row.bundle];
    let symbol = props.catalog.currency_symbol();
    let count = row.services.len();
    let shown_rows = usize::from(area.height.saturating_sub(3 + props.footer_rows));
    // The place in the list always shows: a long name is what is cut.
    let place = format!(
        " · {}/{count}{} ",
        (props.selected_service + 1).min(count),
        scroll_marks(props.service_offset, shown_rows, count)
    );
    let room = usize::from(area.width.saturating_sub(2))
        .saturating_sub(1 + crate::text::display_width(&place));
    let title = format!(
        " {}{place}",
        crate::words::bundle_name_within(bundle, room.max(1))
    );
    let block = pane_block(title, props.focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The footer has at least its own lines, and whatever the list (its heading
    // and every service) leaves over: a long note reads whole on a tall screen.
    let list_needs = u16::try_from(count + 1).unwrap_or(u16::MAX);
    let footer_height = props
        .footer_rows
        .max(inner.height.saturating_sub(list_needs))
        .min(inner.height);
    let [list_area, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);

    let shown = usize::from(list_area.height.saturating_sub(1));
    let visible = row.services.iter().skip(props.service_offset).take(shown);
    let personal = props.personal;
    let mut columns = vec![
        Column {
            heading: tr!("column.service"),
            width: 0,
            align: Align::Left,
        },
        fit(
            &tr!("column.alone"),
            visible
                .clone()
                .map(|s| money_text(symbol, s.standalone_price)),
            Align::Right,
        ),
        fit(
            &tr!("column.effective"),
            visible
                .clone()
                .map(|s| money_text(symbol, s.effective_cost)),
            Align::Right,
        ),
    ];
    if personal {
        columns.push(Column {
            heading: tr!("column.want"),
            width: 4,
            align: Align::Left,
        });
        let costs = visible.clone().map(|s| {
            s.personal_cost
                .map_or(String::new(), |c| money_text(symbol, c))
        });
        columns.push(fit(&tr!("column.for_you"), costs, Align::Right));
    }
    let longest = visible.clone().map(|s| {
        let group = s
            .group
            .as_ref()
            .map_or(0, |g| display_width(&printable(g)) + 3);
        display_width(&crate::words::service_name(
            &props.catalog.services[s.service],
        )) + group
    });
    fill_first(
        &mut columns,
        usize::from(inner.width),
        longest.max().unwrap_or(0),
    );
    let name_width = columns[0].width;

    let mut rows = Vec::new();
    for service in visible {
        let name = &crate::words::service_name(&props.catalog.services[service.service]);
        let label = match &service.group {
            Some(group) => {
                let suffix = format!(" ({})", printable(group));
                let room = name_width.saturating_sub(display_width(&suffix));
                format!("{}{suffix}", truncate_to_width(name, room))
            }
            None => name.clone(),
        };
        let mut cells = vec![
            (label, Style::new()),
            (money_text(symbol, service.standalone_price), Style::new()),
            (money_text(symbol, service.effective_cost), Style::new()),
        ];
        if personal {
            let mark = if service.wanted == Some(true) {
                "✓"
            } else {
                "·"
            };
            cells.push((mark.to_string(), Style::new()));
            cells.push((
                service
                    .personal_cost
                    .map_or(String::new(), |c| money_text(symbol, c)),
                Style::new(),
            ));
        }
        rows.push(cells);
    }
    let selected = props
        .selected_service
        .checked_sub(props.service_offset)
        .filter(|_| props.focused);
    draw_table(frame, list_area, &columns, rows, selected, theme);

    let mut footer: Vec<Line> = footer_lines(props, row, inner.width)
        .into_iter()
        .map(|(text, faint)| match faint {
            true => Line::styled(text, theme.faint),
            false => Line::raw(text),
        })
        .collect();
    if let Some(note) = &bundle.note {
        for line in printable_lines(note) {
            for part in wrap_to_width(&line, usize::from(inner.width)) {
                footer.push(Line::styled(part, theme.faint));
            }
        }
    }
    frame.render_widget(Paragraph::new(footer), footer_area);
}

/// The footer's lines above the note, each wrapped at spaces to `width` (a
/// line is never cut): the price and its rule, with when and where it was seen;
/// the selected service whole and its way to buy; its group's members; when and
/// where its price was seen. Each says whether it is drawn faint.
fn footer_lines(props: &DetailProps<'_>, row: &BundleFigures, width: u16) -> Vec<(String, bool)> {
    let bundle = &props.catalog.bundles[row.bundle];
    let symbol = props.catalog.currency_symbol();
    let rule = match &row.price_rule {
        Some(rule) => tr!(
            "detail.tier_price",
            price = money_text(symbol, row.price),
            rule = rule
        ),
        None => tr!("detail.base_price", price = money_text(symbol, row.price)),
    };
    let rule = match seen_text(&bundle.seen, props.today) {
        Some(seen) => format!("{rule} · {seen}"),
        None => rule,
    };
    let skipped = skipped_tiers(props, row)
        .into_iter()
        .map(|t| Some((t, false)));
    let texts = [
        worth_line(props, row).map(|t| (t, false)),
        group_members_line(props, row).map(|t| (t, false)),
        service_seen_line(props, row).map(|t| (t, true)),
    ];
    std::iter::once(Some((rule, true)))
        .chain(skipped)
        .chain(texts)
        .flatten()
        .flat_map(|(text, faint)| {
            wrap_to_width(&text, usize::from(width).max(1))
                .into_iter()
                .map(move |line| (line, faint))
        })
        .collect()
}

/// Rows the footer needs above the note, in a detail pane `width` cells wide
/// inside its border: what the layout gives it before the list.
pub fn footer_rows(props: &DetailProps<'_>, width: u16) -> usize {
    props
        .row
        .map_or(0, |row| footer_lines(props, row, width).len())
}

/// Every member of the selected service's group, the chosen one marked:
/// "music: ● NetEase Cloud Music · ○ Xiami Music (ended)"; `c` moves the choice.
fn group_members_line(props: &DetailProps<'_>, row: &BundleFigures) -> Option<String> {
    if !props.focused {
        return None;
    }
    let chosen = row.services.get(props.selected_service)?;
    let label = chosen.group.as_deref()?;
    let catalog = props.catalog;
    let members = catalog.bundles[row.bundle].group_of(chosen.service)?;
    let listed: Vec<String> = members
        .iter()
        .map(|&m| {
            let mark = if m == chosen.service { "●" } else { "○" };
            format!(
                "{mark} {}",
                crate::words::service_name(&catalog.services[m])
            )
        })
        .collect();
    Some(format!("{}: {}", printable(label), listed.join(" · ")))
}

/// The tiers of the selected bundle its price skipped because they test a fact
/// not set, as the comparison noted them, a line each: "tier `taoqi >= 1000`
/// not applied: `taoqi` is not set (f: the facts)".
/// (docs/reference/file-format.md, "Price tiers")
fn skipped_tiers(props: &DetailProps<'_>, row: &BundleFigures) -> Vec<String> {
    let bundle = &props.catalog.bundles[row.bundle];
    props
        .notes
        .iter()
        .filter_map(|note| match note {
            Note::TierFactUnset {
                fact,
                when,
                bundle: of,
            } if *of == bundle.id => Some(tr!(
                "detail.tier_skipped",
                when = printable(when),
                fact = printable(fact)
            )),
            _ => None,
        })
        .collect()
}

/// When and where a price was seen (docs/reference/file-format.md, "When a price was seen"), in words: "seen 2026-08-01,
/// App Store listing", the date marked when it is more than a year before
/// `today`; `None` when the file says neither.
fn seen_text(seen: &Seen, today: Date) -> Option<String> {
    let old = seen.as_of().is_some_and(|as_of| is_stale(as_of, today));
    match (seen.as_of_text(), seen.source(), old) {
        (Some(date), Some(source), false) => {
            Some(tr!("detail.seen_at", date = date, source = source))
        }
        (Some(date), Some(source), true) => {
            Some(tr!("detail.seen_at_old", date = date, source = source))
        }
        (Some(date), None, false) => Some(tr!("detail.seen", date = date)),
        (Some(date), None, true) => Some(tr!("detail.seen_old", date = date)),
        (None, Some(source), _) => Some(tr!("detail.source", source = source)),
        (None, None, _) => None,
    }
}

/// When and where the selected service's price was seen: that of the way to buy
/// it that gave its standalone price.
fn service_seen_line(props: &DetailProps<'_>, row: &BundleFigures) -> Option<String> {
    if !props.focused {
        return None;
    }
    let figures = row.services.get(props.selected_service)?;
    let service = &props.catalog.services[figures.service];
    seen_text(service_seen(service), props.today)
}

/// The selected service whole, and how its standalone price was found: the way
/// to buy it ("¥253.00 as annual card, the cheapest of 3 ways"), or a benefit's sum.
fn worth_line(props: &DetailProps<'_>, row: &BundleFigures) -> Option<String> {
    if !props.focused {
        return None;
    }
    let figures = row.services.get(props.selected_service)?;
    let service = &props.catalog.services[figures.service];
    let symbol = props.catalog.currency_symbol();
    let price = money_text(symbol, figures.standalone_price);
    if let Some(benefit) = &service.value {
        let fact = match props.facts.get(&benefit.fact) {
            Some(value) => format!("{} {value}", benefit.fact),
            None => tr!("detail.not_set", fact = benefit.fact),
        };
        let cap = benefit
            .max
            .map_or(String::new(), |max| tr!("detail.at_most", max = max));
        return Some(tr!(
            "detail.benefit",
            name = service.name,
            rate = benefit.rate,
            fact = fact,
            cap = cap,
            per = crate::words::per(service.period),
            price = price
        ));
    }
    // The full name, which the list may have cut, then how its price was found.
    let name = crate::words::service_name(service);
    let Some(label) = figures.price_label.as_deref() else {
        return Some(tr!("detail.name_price", name = name, price = price));
    };
    let ways = 1 + service.other_prices.len();
    let cheapest = if ways > 1 {
        tr!("detail.cheapest_of", ways = ways)
    } else {
        String::new()
    };
    Some(tr!(
        "detail.bought_as",
        name = name,
        price = price,
        label = printable(label),
        cheapest = cheapest
    ))
}
