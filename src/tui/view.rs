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
            " Question ",
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
                " Edit price ".to_string(),
                format!("Price of {}, per {}:", service.name, service.period),
            )
        }
        PriceTarget::Bundle(b) => {
            let bundle = &app.shown().bundles[*b];
            (
                " Edit price ".to_string(),
                format!("Base price of {}, per {}:", bundle.name, bundle.period),
            )
        }
        PriceTarget::Tier { bundle, tier } => {
            let bundle = &app.shown().bundles[*bundle];
            let when = &bundle.tiers[*tier].when;
            (
                format!(" Edit price · tier `{when}` "),
                format!(
                    "Price of {} when {when}, per {}:",
                    bundle.name, bundle.period
                ),
            )
        }
        PriceTarget::Fact(name) => (
            " Edit fact ".to_string(),
            format!("Value of `{}`:", printable(name)),
        ),
        PriceTarget::Way { service, way } => {
            let service = &app.shown().services[*service];
            let way = &service.other_prices[*way];
            let label = way.label.as_deref().unwrap_or("another way");
            (
                format!(" Edit price · {label} "),
                format!(
                    "Price of {} bought {label}, per {}:",
                    service.name, way.period
                ),
            )
        }
        PriceTarget::Rate(service) => {
            let service = &app.shown().services[*service];
            let fact = service.value.as_ref().map_or("", |b| b.fact.as_str());
            (
                " Edit rate ".to_string(),
                format!(
                    "Share of `{fact}` that {} is worth (0.05 is 5%):",
                    service.name
                ),
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
        None => lines.push(Line::styled("Enter applies, Esc cancels", theme.faint)),
    }
    draw_dialog(frame, theme, &title, lines, 70);
}

fn draw_too_small(frame: &mut Frame<'_>) {
    let area = frame.area();
    // Two short lines, so that even a small terminal shows them whole.
    let lines = [
        "Too small:".to_string(),
        format!("need {MIN_WIDTH}×{MIN_HEIGHT}"),
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
    let title = format!(
        " Bundles {}/{count}{} · per {} ",
        (app.selected + 1).min(count),
        scroll_marks(app.offset, areas.bundle_rows(), count),
        app.scenario.basis
    );
    let block = pane_block(title, app.focus == Pane::Bundles, theme);
    let inner = block.inner(areas.bundles);
    frame.render_widget(block, areas.bundles);

    let visible = app.rows.iter().skip(app.offset).take(areas.bundle_rows());
    let personal = app.scenario.wants.is_some();
    let mut columns = vec![
        Column {
            heading: "Bundle".into(),
            width: 0,
            align: Align::Left,
        },
        fit(
            "Price",
            visible.clone().map(|r| money_text(symbol, r.price)),
            Align::Right,
        ),
        fit(
            "Value",
            visible
                .clone()
                .map(|r| money_text(symbol, r.standalone_value)),
            Align::Right,
        ),
        fit(
            "Savings",
            visible
                .clone()
                .map(|r| signed_money_text(symbol, r.savings)),
            Align::Right,
        ),
        fit(
            "Save %",
            visible.clone().map(|r| percent_text(r.savings_pct)),
            Align::Right,
        ),
    ];
    if personal {
        let texts = visible.clone().map(|r| {
            r.personal
                .map_or(String::new(), |p| signed_money_text(symbol, p.savings))
        });
        columns.push(fit("For you", texts, Align::Right));
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
                "No figures yet: the file does not load (see above)."
            } else {
                "No bundles in this file: add a [bundles.ID] table."
            },
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_chart(app: &App, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let block = pane_block(" Price ▒ vs value █ ".into(), false, theme);
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
        None => "none".to_string(),
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
        "with rumoured"
    } else {
        "on sale only"
    };
    let facts = if facts.is_empty() {
        "none".to_string()
    } else {
        facts.join(", ")
    };
    let picks = if picks.is_empty() {
        "none".to_string()
    } else {
        picks.join("; ")
    };
    let text = format!(" facts: {facts} │ wants: {wants} │ picks: {picks} │ plans: {plans}");
    let line = truncate_to_width(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.faint), area);
}

/// The keys worth showing in each pane, most useful first.
const BUNDLE_HINTS: &[&str] = &[
    "?:help",
    "q:quit",
    "P:plan",
    "/:find",
    "s:sort",
    "e:edit",
    "Tab:detail",
    "f:facts",
    "v:note",
    "p:period",
    "i:rumours",
    "^S:save",
];
const DETAIL_HINTS: &[&str] = &[
    "?:help",
    "q:quit",
    "w:want",
    "c:choose",
    "e:edit",
    "/:find",
    "Tab:bundles",
    "P:plan",
    "v:note",
    "^S:save",
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
    let modified = if app.is_modified() { " [modified]" } else { "" };
    let head = format!(
        " {}{modified} · {} · sort: {} │ ",
        printable(&app.file_label),
        app.scenario.basis,
        app.sort_words(),
    );
    let room = usize::from(area.width).saturating_sub(display_width(&head));
    let tail = match (&app.search, &app.message) {
        (Some(search), _) if search.typing => {
            format!("/{}▏ Enter keeps · Esc clears", printable(&search.query))
        }
        (_, Some(message)) => printable(message).into_owned(),
        (Some(search), None) => format!(
            "/{}: n next · N previous · Esc clears",
            printable(&search.query)
        ),
        (None, None) => {
            let hints = match app.focus {
                Pane::Bundles => BUNDLE_HINTS,
                Pane::Detail => DETAIL_HINTS,
            };
            fitting_hints(hints, room)
        }
    };
    let line = truncate_to_width(&format!("{head}{tail}"), usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.selected), area);
}

/// Every key, and where the file lives.
pub const HELP_LINES: &[(&str, &str)] = &[
    ("q  Esc  Ctrl-C", "quit (Esc closes this help first)"),
    ("?", "show or hide this help"),
    ("↑ ↓  j k", "move the selection"),
    ("PgUp PgDn  g G", "move a page, or to the top or bottom"),
    ("Tab  ← →  h l", "switch between bundles and detail"),
    (
        "s  S",
        "cycle the sort (savings, price, name…); S reverses it",
    ),
    ("p", "period: year, half_year, quarter, month, week, day"),
    ("w", "in the detail list: mark a service wanted or not"),
    ("c", "in the detail list: choose the group's next member"),
    (
        "e",
        "edit the selected price (the tier's, when a tier set it)",
    ),
    ("f", "the facts tiers test: see and edit them"),
    ("i", "plans with rumoured offers too, or on sale only"),
    ("Ctrl-S", "save the edits into the file"),
    ("E", "open $VISUAL/$EDITOR at this item, or at the problem"),
    ("r", "reload the file now"),
    ("P", "the cheapest plan for the current wants"),
    (
        "/  n N",
        "find by name or id; next, previous match (Esc clears)",
    ),
    ("v", "the selected bundle's whole note"),
    ("mouse", "click selects a row, the wheel scrolls"),
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
                Span::raw(*does),
            ])
        })
        .collect();
    lines.push(Line::raw(format!(
        "File: {}",
        printable(&app.file_location)
    )));
    lines.push(Line::styled("Esc or ? closes this help", theme.faint));
    draw_dialog(frame, theme, " Help ", lines, 78);
}
