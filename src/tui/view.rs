//! Draws the app. Reads state, changes nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Pane, PriceTarget};
use super::columns::{Column, fill_first, fit, heading_line, mark_sorted_column, row_spans, tone};
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, areas, banner_lines};
use super::theme::Theme;
use crate::money::Money;
use crate::report::{money_text, percent_text, signed_money_text};
use crate::text::{Align, display_width, pad, printable, truncate_to_width};
use crate::tr;

/// Draws the whole screen for `app`.
pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let theme = Theme::new(app.colour);
    let banner = app
        .banner
        .as_deref()
        .map(|banner| banner_lines(banner, frame.area().width));
    let banner_height = banner.as_ref().map_or(0, |lines| lines.len() as u16);
    let Some(areas) = areas(frame.area(), app.rows.len(), banner_height) else {
        draw_too_small(frame);
        return;
    };
    if let (Some(area), Some(lines)) = (areas.banner, banner) {
        let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines).style(theme.warning), area);
    }
    draw_bundles(app, &theme, frame, &areas);
    super::detail::draw_detail(app, &theme, frame, areas.detail);
    draw_chart(app, &theme, frame, &areas);
    draw_scenario(app, &theme, frame, areas.scenario);
    draw_status(app, &theme, frame, areas.status);
    match app.overlay {
        Some(Overlay::Help) => draw_help(app, &theme, frame),
        Some(Overlay::Plan) => super::plan_window::draw_plan(app, &theme, frame),
        Some(Overlay::Note { scroll }) => super::note::draw(app, scroll, &theme, frame),
        Some(Overlay::Facts) => super::facts::draw(&app.facts, &app.fact_rows(), &theme, frame),
        None => {}
    }
    if app.field.is_some() {
        draw_price_field(app, &theme, frame);
    }
    if let Some(prompt) = app.prompt {
        draw_dialog(
            frame,
            &theme,
            &tr!("screen.question"),
            vec![Line::raw(prompt.question())],
            70,
        );
    }
}

/// A small box in the middle of the screen, over everything else.
/// Tall enough for its wrapped lines, at most `max_width` wide.
pub fn draw_dialog(
    frame: &mut Frame<'_>,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'_>>,
    max_width: u16,
) {
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).min(max_width);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum();
    let height = (rows as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title.to_string())
        .border_style(theme.focused_border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
    seal_edges(frame.buffer_mut(), area);
}

/// A wide character (CJK) just left of `area` would cover its left border: a
/// terminal draws the character's second half over the border's cell, and
/// ratatui never sends that cell. It becomes a space, so the border shows.
pub(super) fn seal_edges(buffer: &mut ratatui::buffer::Buffer, area: Rect) {
    if area.x == 0 {
        return;
    }
    for y in area.y..area.y + area.height {
        let left = &mut buffer[(area.x - 1, y)];
        if display_width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

fn draw_price_field(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let Some(field) = &app.field else { return };
    let (title, question) = match &field.target {
        PriceTarget::Service(s) => {
            let service = &app.shown().services[*s];
            (
                tr!("field.edit_price"),
                tr!(
                    "field.price_of",
                    name = service.name,
                    per = service.period.per()
                ),
            )
        }
        PriceTarget::Bundle(b) => {
            let bundle = &app.shown().bundles[*b];
            (
                tr!("field.edit_price"),
                tr!(
                    "field.base_price_of",
                    name = bundle.name,
                    per = bundle.period.per()
                ),
            )
        }
        PriceTarget::Tier { bundle, tier } => {
            let bundle = &app.shown().bundles[*bundle];
            let when = &bundle.tiers[*tier].when;
            (
                tr!("field.edit_tier", when = when),
                tr!(
                    "field.tier_price_of",
                    name = bundle.name,
                    when = when,
                    per = bundle.period.per()
                ),
            )
        }
        PriceTarget::Fact(name) => (
            tr!("field.edit_fact"),
            tr!("field.value_of", name = printable(name)),
        ),
        PriceTarget::Way { service, way } => {
            let service = &app.shown().services[*service];
            let way = &service.other_prices[*way];
            let other = tr!("field.another_way");
            let label = way.label.as_deref().unwrap_or(&other);
            (
                tr!("field.edit_way", label = label),
                tr!(
                    "field.way_price_of",
                    name = service.name,
                    label = label,
                    per = way.period.per()
                ),
            )
        }
        PriceTarget::Rate(service) => {
            let service = &app.shown().services[*service];
            let fact = service.value.as_ref().map_or("", |b| b.fact.as_str());
            (
                tr!("field.edit_rate"),
                tr!("field.rate_of", fact = fact, name = service.name),
            )
        }
    };
    let mut lines = vec![
        Line::raw(question),
        Line::from(vec![
            Span::raw("> "),
            Span::styled(format!("{}▏", printable(&field.text)), theme.heading),
        ]),
    ];
    match &field.error {
        Some(error) => lines.push(Line::styled(printable(error).into_owned(), theme.loss)),
        None => lines.push(Line::styled(tr!("field.keys"), theme.faint)),
    }
    draw_dialog(frame, theme, &title, lines, 70);
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

/// " ▲" when rows are hidden above the first shown, " ▼" when some are below the
/// last: a list that does not fit says so.
pub(super) fn scroll_marks(offset: usize, shown: usize, count: usize) -> String {
    let above = if offset > 0 { " ▲" } else { "" };
    let below = if offset + shown < count { " ▼" } else { "" };
    format!("{above}{below}")
}

pub(super) fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let border = if focused {
        theme.focused_border
    } else {
        Style::new()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(title)
}

fn draw_bundles(app: &App, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let symbol = app.shown().currency_symbol();
    let count = app.rows.len();
    let title = tr!(
        "screen.bundles_title",
        at = (app.selected + 1).min(count),
        count = count,
        marks = scroll_marks(app.offset, areas.bundle_rows(), count),
        per = app.scenario.basis.per()
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
        .map(|r| display_width(&app.shown().bundles[r.bundle].tagged_name()))
        .max();
    fill_first(&mut columns, usize::from(inner.width), longest.unwrap_or(0));

    let mut lines = vec![heading_line(&columns, theme)];
    for (at, row) in visible.enumerate() {
        // Offers not on sale are named with their status, and dimmed.
        let bundle = &app.shown().bundles[row.bundle];
        let name_style = if bundle.status.is_available() {
            Style::new()
        } else {
            theme.faint
        };
        let mut cells = vec![
            (bundle.tagged_name(), name_style),
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
        let mut line = Line::from(row_spans(&columns, cells));
        if app.offset + at == app.selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    if app.rows.is_empty() {
        lines.push(Line::from(
            if app.broken_at.is_some() || app.banner.is_some() {
                tr!("screen.no_figures")
            } else {
                tr!("screen.no_bundles")
            },
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
            &app.shown().bundles[row.bundle].tagged_name(),
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
            let length = bar(amount);
            lines.push(Line::from(vec![
                Span::styled(fill.repeat(length), style),
                Span::raw(format!(" {}", money_text(symbol, amount))),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What the figures assume: facts and where they come from, wants, picks, and
/// whether plans use rumoured offers.
fn draw_scenario(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let catalog = app.shown();
    let facts: Vec<String> = app
        .fact_rows()
        .iter()
        .filter_map(|row| {
            let value = row.value?;
            Some(format!(
                "{} {value} ({})",
                printable(&row.name),
                row.source.label()
            ))
        })
        .collect();
    let wants = match &app.scenario.wants {
        Some(wants) => wants
            .iter()
            .map(|&w| catalog.services[w].id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        None => tr!("scenario.none"),
    };
    let picks: Vec<String> = catalog
        .profile
        .picks
        .iter()
        .map(|(&bundle, members)| {
            let ids: Vec<&str> = members
                .iter()
                .map(|&m| catalog.services[m].id.as_str())
                .collect();
            format!("{}: {}", catalog.bundles[bundle].id, ids.join(", "))
        })
        .collect();
    let plans = if app.scenario.include.rumoured {
        tr!("scenario.with_rumoured")
    } else {
        tr!("scenario.on_sale")
    };
    let facts = if facts.is_empty() {
        tr!("scenario.none")
    } else {
        facts.join(", ")
    };
    let picks = if picks.is_empty() {
        tr!("scenario.none")
    } else {
        picks.join("; ")
    };
    let text = tr!(
        "scenario.line",
        facts = facts,
        wants = wants,
        picks = picks,
        plans = plans
    );
    let line = truncate_to_width(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.faint), area);
}

/// The keys worth showing in each pane, most useful first.
const BUNDLE_HINTS: &[&str] = &[
    "hint.help",
    "hint.quit",
    "hint.plan",
    "hint.find",
    "hint.sort",
    "hint.edit",
    "hint.detail",
    "hint.facts",
    "hint.note",
    "hint.period",
    "hint.rumours",
    "hint.save",
];
const DETAIL_HINTS: &[&str] = &[
    "hint.help",
    "hint.quit",
    "hint.want",
    "hint.choose",
    "hint.edit",
    "hint.find",
    "hint.bundles",
    "hint.plan",
    "hint.note",
    "hint.save",
];

/// As many whole hints as fit in `width` cells, in order; never one cut short.
pub fn fitting_hints(hints: &[&str], width: usize) -> String {
    let mut out = String::new();
    for hint in hints {
        let needed = display_width(&out) + usize::from(!out.is_empty()) + display_width(hint);
        if needed > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(hint);
    }
    out
}

fn draw_status(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let modified = if app.is_modified() {
        tr!("status.modified")
    } else {
        String::new()
    };
    let head = tr!(
        "status.head",
        file = printable(&app.file_label),
        modified = modified,
        period = app.scenario.basis.label(),
        sort = app.sort_words()
    );
    let room = usize::from(area.width).saturating_sub(display_width(&head));
    let tail = match (&app.search, &app.message) {
        (Some(search), _) if search.typing => {
            tr!("status.searching", query = printable(&search.query))
        }
        (_, Some(message)) => printable(message).into_owned(),
        (Some(search), None) => tr!("status.search", query = printable(&search.query)),
        (None, None) => {
            let hints = match app.focus {
                Pane::Bundles => BUNDLE_HINTS,
                Pane::Detail => DETAIL_HINTS,
            };
            let hints: Vec<String> = hints.iter().map(|key| tr!(*key)).collect();
            let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
            fitting_hints(&hints, room)
        }
    };
    let line = truncate_to_width(&format!("{head}{tail}"), usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.selected), area);
}

/// Every key, and where the file lives.
pub const HELP_LINES: &[(&str, &str)] = &[
    ("q  Esc  Ctrl-C", "help.quit"),
    ("?", "help.help"),
    ("↑ ↓  j k", "help.move"),
    ("PgUp PgDn  g G", "help.page"),
    ("Tab  ← →  h l", "help.pane"),
    ("s  S", "help.sort"),
    ("p", "help.period"),
    ("w", "help.want"),
    ("c", "help.choose"),
    ("e", "help.edit"),
    ("f", "help.facts"),
    ("i", "help.rumours"),
    ("Ctrl-S", "help.save"),
    ("E", "help.editor"),
    ("r", "help.reload"),
    ("P", "help.plan"),
    ("/  n N", "help.find"),
    ("v", "help.note"),
    ("mouse", "help.mouse"),
];

fn draw_help(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let key_width = HELP_LINES
        .iter()
        .map(|(k, _)| display_width(k))
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = HELP_LINES
        .iter()
        .map(|(key, does)| {
            Line::from(vec![
                Span::styled(pad(key, key_width + 2, Align::Left), theme.heading),
                Span::raw(tr!(*does)),
            ])
        })
        .collect();
    lines.push(Line::raw(tr!(
        "help.file",
        file = printable(&app.file_location)
    )));
    lines.push(Line::styled(tr!("help.close"), theme.faint));
    draw_dialog(frame, theme, &tr!("help.title"), lines, 78);
}
