//! Draws the app. Reads state, changes nothing: the layout once, then the panes,
//! then the open windows from the bottom up, each from the props it is handed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::chrome::{pane_block, scroll_marks};
use super::columns::{Column, draw_table, fill_first, fit, mark_sorted_column, tone};
use super::detail::{DetailProps, draw_detail};
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, banner_text, screen, text_lines};
use super::pane::Pane;
use super::theme::Theme;
use crate::report::money::{money_text, percent_text, signed_money_text};
use crate::text::{Align, display_width, truncate_to_width};
use crate::tr;
use bundlecalc_core::money::Money;

/// Draws the whole screen for `app`.
pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let theme = Theme::new(app.colour);
    let Some(areas) = screen(frame.area(), app.rows.len(), &app.texts()) else {
        draw_too_small(frame);
        return;
    };
    if let (Some(area), Some(banner)) = (areas.banner, app.banner()) {
        let lines: Vec<Line> =
            text_lines(&banner_text(banner), area.width, usize::from(area.height))
                .into_iter()
                .map(Line::raw)
                .collect();
        frame.render_widget(Paragraph::new(lines).style(theme.warning), area);
    }
    draw_bundles(app, &theme, frame, &areas);
    let detail = DetailProps {
        footer_rows: areas.detail_footer,
        ..app.detail_props()
    };
    draw_detail(&detail, &theme, frame, areas.detail);
    draw_chart(app, &theme, frame, &areas);
    draw_scenario(app, &theme, frame, areas.scenario);
    draw_status(app, &theme, frame, areas.status);
    let screen = frame.area();
    let props = app.props(screen);
    for window in app.windows() {
        window.draw(&props, frame, screen);
    }
}

fn draw_too_small(frame: &mut Frame<'_>) {
    let area = frame.area();
    // Two short lines, so that even a small terminal shows them whole.
    let lines = [
        tr!("screen.too_small"),
        tr!("screen.need", size = format!("{MIN_WIDTH}×{MIN_HEIGHT}")),
    ];
    for (at, text) in lines.iter().enumerate() {
        let y = area.y + (area.height / 2).saturating_sub(1) + at as u16;
        if y >= area.y + area.height {
            break;
        }
        let line = truncate_to_width(text, usize::from(area.width));
        let width = display_width(&line) as u16;
        let row = Rect::new(area.x + (area.width - width) / 2, y, width, 1);
        frame.render_widget(Paragraph::new(line), row);
    }
}

fn draw_bundles(app: &App, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let symbol = app.shown().currency_symbol();
    let count = app.rows.len();
    let title = tr!(
        "screen.bundles_title",
        at = (app.selected + 1).min(count),
        count = count,
        marks = scroll_marks(app.offset, areas.bundle_rows(), count),
        per = crate::words::per(app.scenario.basis)
    );
    let block = pane_block(title, app.focus == Pane::Bundles, theme);
    let inner = block.inner(areas.bundles);
    frame.render_widget(block, areas.bundles);

    let visible = app.rows.iter().skip(app.offset).take(areas.bundle_rows());
    let personal = app.scenario.wants.is_some();
    let mut columns = vec![
        Column {
            heading: tr!("column.bundle"),
            width: 0,
            align: Align::Left,
        },
        fit(
            &tr!("column.price"),
            visible.clone().map(|r| money_text(symbol, r.price)),
            Align::Right,
        ),
        fit(
            &tr!("column.value"),
            visible
                .clone()
                .map(|r| money_text(symbol, r.standalone_value)),
            Align::Right,
        ),
        fit(
            &tr!("column.savings"),
            visible
                .clone()
                .map(|r| signed_money_text(symbol, r.savings)),
            Align::Right,
        ),
        fit(
            &tr!("column.save_pct"),
            visible.clone().map(|r| percent_text(r.savings_pct)),
            Align::Right,
        ),
    ];
    if personal {
        let texts = visible.clone().map(|r| {
            r.personal
                .map_or(String::new(), |p| signed_money_text(symbol, p.savings))
        });
        columns.push(fit(&tr!("column.for_you"), texts, Align::Right));
    }
    mark_sorted_column(&mut columns, app.sort, app.reverse);
    let longest = visible
        .clone()
        .map(|r| display_width(&crate::words::bundle_name(&app.shown().bundles[r.bundle])))
        .max();
    fill_first(&mut columns, usize::from(inner.width), longest.unwrap_or(0));

    let mut rows = Vec::new();
    for row in visible {
        // Offers not on sale are named with their status, and dimmed.
        let bundle = &app.shown().bundles[row.bundle];
        let name_style = if bundle.status.is_available() {
            Style::new()
        } else {
            theme.faint
        };
        let mut cells = vec![
            (crate::words::bundle_name(bundle), name_style),
            (money_text(symbol, row.price), Style::new()),
            (money_text(symbol, row.standalone_value), Style::new()),
            (
                signed_money_text(symbol, row.savings),
                tone(theme, row.savings),
            ),
            (percent_text(row.savings_pct), tone(theme, row.savings)),
        ];
        if let Some(p) = row.personal {
            cells.push((signed_money_text(symbol, p.savings), tone(theme, p.savings)));
        }
        rows.push(cells);
    }
    let selected = app.selected.checked_sub(app.offset);
    draw_table(frame, inner, &columns, rows, selected, theme);
    if app.rows.is_empty() {
        let said = if app.broken_at().is_some() || app.banner().is_some() {
            tr!("screen.no_figures")
        } else {
            tr!("screen.no_bundles")
        };
        // Under the headings.
        let below = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        frame.render_widget(Paragraph::new(said), below);
    }
}

fn draw_chart(app: &App, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let block = pane_block(tr!("screen.chart_title"), false, theme);
    let inner = block.inner(areas.chart);
    frame.render_widget(block, areas.chart);
    let symbol = app.shown().currency_symbol();
    let per_bundle = 3;
    let count = (usize::from(inner.height) / per_bundle).min(areas.bundle_rows().max(1));
    // The bundles in view in the table, moved down if need be to include the selected one.
    let first = app.offset.max((app.selected + 1).saturating_sub(count));
    let shown: Vec<_> = app.rows.iter().skip(first).take(count).collect();
    let largest = shown
        .iter()
        .map(|r| r.price.max(r.standalone_value).fen())
        .max()
        .unwrap_or(0);
    let money_width = shown
        .iter()
        .flat_map(|r| {
            [
                money_text(symbol, r.price),
                money_text(symbol, r.standalone_value),
            ]
        })
        .map(|t| display_width(&t))
        .max()
        .unwrap_or(0);
    let bar_room = usize::from(inner.width).saturating_sub(money_width + 1);
    let bar = |amount: Money| -> usize {
        if largest <= 0 || amount.fen() <= 0 {
            return 0;
        }
        // At least one cell for any non-zero amount, so small prices stay visible.
        ((amount.fen() * bar_room as i128 + largest / 2) / largest).max(1) as usize
    };
    let mut lines = Vec::with_capacity(shown.len() * per_bundle);
    for (at, row) in shown.iter().enumerate() {
        let name = truncate_to_width(
            &crate::words::bundle_name(&app.shown().bundles[row.bundle]),
            usize::from(inner.width),
        );
        let name_style = if first + at == app.selected {
            theme.heading
        } else {
            Style::new()
        };
        lines.push(Line::styled(name, name_style));
        let value_style = if row.savings.is_negative() {
            theme.loss
        } else {
            theme.gain
        };
        for (fill, amount, style) in [
            ("▒", row.price, theme.price_bar),
            ("█", row.standalone_value, value_style),
        ] {
            // The amount whole when it fits (the bar gives way), else cut
            // with `…`: never a number that reads as another.
            let text = format!(" {}", money_text(symbol, amount));
            let room = usize::from(inner.width);
            let length = bar(amount).min(room.saturating_sub(display_width(&text)));
            lines.push(Line::from(vec![
                Span::styled(fill.repeat(length), style),
                Span::raw(truncate_to_width(&text, room.saturating_sub(length))),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What the figures assume (`App::scenario_text`), wrapped over the lines the
/// layout gave it.
fn draw_scenario(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let lines: Vec<Line> = text_lines(&app.scenario_text(), area.width, usize::from(area.height))
        .into_iter()
        .map(Line::raw)
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.faint), area);
}

/// The status line (`App::status_text`), wrapped over the lines the layout gave it.
fn draw_status(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let lines: Vec<Line> = text_lines(&app.status_text(), area.width, usize::from(area.height))
        .into_iter()
        .map(Line::raw)
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.selected), area);
}
