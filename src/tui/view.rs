//! Draws the app. Reads state, changes nothing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Pane, PriceTarget};
use super::layout::{Areas, DETAIL_FOOTER_LINES, MIN_HEIGHT, MIN_WIDTH, areas, banner_lines};
use super::theme::Theme;
use crate::calc::SortKey;
use crate::money::Money;
use crate::plan::PlanError;
use crate::report::{
    Tone, if_rumoured_sentence, money_text, percent_text, signed_money_text, tone_of,
};
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
    draw_detail(app, &theme, frame, areas.detail);
    draw_chart(app, &theme, frame, &areas);
    draw_scenario(app, &theme, frame, areas.scenario);
    draw_status(app, &theme, frame, areas.status);
    match app.overlay {
        Some(Overlay::Help) => draw_help(app, &theme, frame),
        Some(Overlay::Plan) => draw_plan(app, &theme, frame),
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

/// The plan overlay: offers, what each is used for, totals and extras.
fn draw_plan(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let catalog = &app.shown();
    let symbol = catalog.currency_symbol();
    let names = |services: &[usize]| catalog.service_names(services);
    let mut lines: Vec<Line> = Vec::new();
    match app
        .plan
        .as_ref()
        .map(|planning| (planning, planning.found()))
    {
        None => {}
        Some((planning, None)) if planning.failed() => {
            lines.push(Line::styled("The plan could not be found.", theme.loss));
        }
        Some((_, None)) => {
            lines.push(Line::styled("Finding the cheapest plan…", theme.faint));
        }
        Some((_, Some(Err(error)))) => {
            let text = match error {
                PlanError::NoWants => {
                    "No wants are set: press Tab, then w on the services you want.".to_string()
                }
                PlanError::TooManyWants(n) => format!(
                    "{n} wants: plans are computed for at most {}.",
                    crate::plan::MAX_WANTS
                ),
                PlanError::Uncovered(missing) => format!("No offer covers: {}.", names(missing)),
                PlanError::OnlyOneOf(services) => {
                    format!(
                        "Not all together: {} are only choices in one_of groups.",
                        names(services)
                    )
                }
            };
            lines.push(Line::styled(text, theme.loss));
        }
        Some((_, Some(Ok(plan)))) => {
            lines.push(Line::raw(format!("For: {}", names(&plan.wants))));
            lines.push(Line::raw(""));
            for offer in &plan.offers {
                let name = match &offer.label {
                    Some(label) => format!("{} · {}", offer.kind.name(catalog), printable(label)),
                    None => offer.kind.name(catalog),
                };
                lines.push(Line::from(vec![
                    Span::styled(money_text(symbol, offer.price), theme.heading),
                    Span::raw(format!("  {name}")),
                ]));
                lines.push(Line::styled(
                    format!("    for {}", names(&offer.covers)),
                    theme.faint,
                ));
            }
            lines.push(Line::raw(""));
            let mut total = vec![Span::styled(
                format!("Total {}", money_text(symbol, plan.total)),
                theme.heading,
            )];
            if let (Some(alone), Some(savings)) = (plan.standalone_total, plan.savings) {
                total.push(Span::raw(format!(
                    " · alone {} · saves ",
                    money_text(symbol, alone)
                )));
                total.push(Span::styled(
                    signed_money_text(symbol, savings),
                    tone(theme, savings),
                ));
            }
            lines.push(Line::from(total));
            if !plan.extras.is_empty() {
                lines.push(Line::raw(format!("Also included: {}", names(&plan.extras))));
            }
            if let Some(sentence) = if_rumoured_sentence(catalog, plan, symbol) {
                lines.push(Line::raw(""));
                lines.push(Line::raw(sentence));
            }
        }
    }
    let include = if app.scenario.include.rumoured {
        "i: offers on sale only"
    } else {
        "i: include rumoured offers"
    };
    lines.push(Line::styled(format!("{include} · Esc closes"), theme.faint));
    let offers = if app.scenario.include.rumoured {
        "with rumoured offers"
    } else {
        "offers on sale"
    };
    draw_dialog(
        frame,
        theme,
        &format!(" Cheapest plan · {offers} · per {} ", app.scenario.basis),
        lines,
        90,
    );
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
    let message = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let line = truncate_to_width(&message, usize::from(area.width));
    let row = Rect::new(
        area.x,
        area.y + area.height / 2,
        area.width,
        1.min(area.height),
    );
    frame.render_widget(Paragraph::new(line), row);
}

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
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

/// One column of a hand-laid table: heading, width and alignment.
struct Column {
    heading: String,
    width: usize,
    align: Align,
}

/// Spans for one row, each cell padded to its column and separated by a space.
fn row_spans(columns: &[Column], cells: Vec<(String, Style)>) -> Vec<Span<'static>> {
    let mut spans = Vec::with_capacity(cells.len() * 2);
    for (at, (column, (text, style))) in columns.iter().zip(cells).enumerate() {
        if at > 0 {
            spans.push(Span::raw(" "));
        }
        let text = truncate_to_width(&text, column.width);
        spans.push(Span::styled(pad(&text, column.width, column.align), style));
    }
    spans
}

fn heading_line(columns: &[Column], theme: &Theme) -> Line<'static> {
    let cells = columns
        .iter()
        .map(|c| (c.heading.clone(), theme.heading))
        .collect();
    Line::from(row_spans(columns, cells))
}

/// Puts ▼ (largest first) or ▲ after the heading of the column the bundles are
/// sorted by; file order has no column.
fn mark_sorted_column(columns: &mut [Column], sort: SortKey, reverse: bool) {
    let at = match sort {
        SortKey::File => return,
        SortKey::Name => 0,
        SortKey::Price => 1,
        SortKey::Value => 2,
        SortKey::Savings => 3,
        SortKey::SavingsPct => 4,
        SortKey::Personal => 5,
    };
    // Names go A to Z, money from the largest; reversing turns either round.
    let descending = (sort != SortKey::Name) != reverse;
    if let Some(column) = columns.get_mut(at) {
        column.heading.push_str(if descending { "▼" } else { "▲" });
        column.width = column.width.max(display_width(&column.heading));
    }
}

/// Widths of the money columns: wide enough for their heading and every value.
fn fit(heading: &'static str, values: impl Iterator<Item = String>, align: Align) -> Column {
    let width = values
        .map(|v| display_width(&v))
        .chain([display_width(heading)])
        .max()
        .unwrap_or(0);
    Column {
        heading: heading.to_string(),
        width,
        align,
    }
}

/// Gives the first column what its longest text needs, up to what the others leave,
/// so figures sit next to the names on a wide screen.
fn fill_first(columns: &mut [Column], total: usize, longest: usize) {
    let others: usize = columns[1..].iter().map(|c| c.width + 1).sum();
    let needed = longest.max(display_width(&columns[0].heading));
    columns[0].width = total.saturating_sub(others).min(needed).max(1);
}

/// The theme's style for a gain or a loss, as the text reports decide it.
fn tone(theme: &Theme, amount: Money) -> Style {
    match tone_of(amount) {
        Tone::Gain => theme.gain,
        Tone::Loss => theme.loss,
        _ => Style::new(),
    }
}

fn draw_bundles(app: &App, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let symbol = app.shown().currency_symbol();
    let title = format!(
        " Bundles ({}) · per {} ",
        app.rows.len(),
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

fn draw_detail(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let Some(row) = app.selected_row() else {
        frame.render_widget(pane_block(" Detail ".into(), false, theme), area);
        return;
    };
    let bundle = &app.shown().bundles[row.bundle];
    let symbol = app.shown().currency_symbol();
    let block = pane_block(
        format!(" {} ", bundle.tagged_name()),
        app.focus == Pane::Detail,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let footer_height = DETAIL_FOOTER_LINES.min(inner.height);
    let [list_area, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);

    let shown = usize::from(list_area.height.saturating_sub(1));
    let visible = row.services.iter().skip(app.service_offset).take(shown);
    let personal = app.scenario.wants.is_some();
    let mut columns = vec![
        Column {
            heading: "Service".into(),
            width: 0,
            align: Align::Left,
        },
        fit(
            "Alone",
            visible
                .clone()
                .map(|s| money_text(symbol, s.standalone_price)),
            Align::Right,
        ),
        fit(
            "Effective",
            visible
                .clone()
                .map(|s| money_text(symbol, s.effective_cost)),
            Align::Right,
        ),
    ];
    if personal {
        columns.push(Column {
            heading: "Want".into(),
            width: 4,
            align: Align::Left,
        });
        let costs = visible.clone().map(|s| {
            s.personal_cost
                .map_or(String::new(), |c| money_text(symbol, c))
        });
        columns.push(fit("For you", costs, Align::Right));
    }
    let longest = visible.clone().map(|s| {
        let group = s
            .group
            .as_ref()
            .map_or(0, |g| display_width(&printable(g)) + 3);
        display_width(&app.shown().services[s.service].tagged_name()) + group
    });
    fill_first(
        &mut columns,
        usize::from(inner.width),
        longest.max().unwrap_or(0),
    );
    let name_width = columns[0].width;

    let mut lines = vec![heading_line(&columns, theme)];
    for (at, service) in visible.enumerate() {
        let name = &app.shown().services[service.service].tagged_name();
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
        let mut line = Line::from(row_spans(&columns, cells));
        if app.service_offset + at == app.selected_service && app.focus == Pane::Detail {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), list_area);

    let rule = match &row.price_rule {
        Some(rule) => format!("Price {} by tier `{rule}`", money_text(symbol, row.price)),
        None => format!("Price {} (base price)", money_text(symbol, row.price)),
    };
    let mut footer = vec![Line::styled(
        truncate_to_width(&rule, usize::from(inner.width)),
        theme.faint,
    )];
    if let Some(members) = group_members_line(app, row) {
        footer.push(Line::raw(members));
    }
    if let Some(worth) = worth_line(app, row) {
        footer.push(Line::raw(worth));
    }
    if let Some(note) = &bundle.note {
        footer.push(Line::styled(note.clone(), theme.faint));
    }
    frame.render_widget(
        Paragraph::new(footer).wrap(Wrap { trim: true }),
        footer_area,
    );
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

/// Every member of the selected service's group, the chosen one marked:
/// "music: ● NetEase Cloud Music · ○ Xiami Music (ended)"; `c` moves the choice.
fn group_members_line(app: &App, row: &crate::calc::BundleFigures) -> Option<String> {
    if app.focus != Pane::Detail {
        return None;
    }
    let chosen = row.services.get(app.selected_service)?;
    let label = chosen.group.as_deref()?;
    let catalog = app.shown();
    let members =
        catalog.bundles[row.bundle]
            .includes
            .iter()
            .find_map(|include| match include {
                crate::model::Include::OneOf { members, .. }
                    if members.contains(&chosen.service) =>
                {
                    Some(members)
                }
                _ => None,
            })?;
    let listed: Vec<String> = members
        .iter()
        .map(|&m| {
            let mark = if m == chosen.service { "●" } else { "○" };
            format!("{mark} {}", catalog.services[m].tagged_name())
        })
        .collect();
    Some(format!("{}: {}", printable(label), listed.join(" · ")))
}

/// How the selected service's standalone price was found: the way to buy it
/// ("¥253.00 as annual card, the cheapest of 3 ways"), or a benefit's sum.
fn worth_line(app: &App, row: &crate::calc::BundleFigures) -> Option<String> {
    if app.focus != Pane::Detail {
        return None;
    }
    let figures = row.services.get(app.selected_service)?;
    let service = &app.shown().services[figures.service];
    let symbol = app.shown().currency_symbol();
    let price = money_text(symbol, figures.standalone_price);
    if let Some(benefit) = &service.value {
        let fact = match app.scenario.facts.get(&benefit.fact) {
            Some(value) => format!("{} {value}", benefit.fact),
            None => format!("{} (not set)", benefit.fact),
        };
        let cap = benefit
            .max
            .map_or(String::new(), |max| format!(", at most {max}"));
        return Some(format!(
            "{}: {} × {fact}{cap} per {} = {price}",
            service.name, benefit.rate, service.period
        ));
    }
    let label = figures.price_label.as_deref()?;
    let ways = 1 + service.other_prices.len();
    let cheapest = if ways > 1 {
        format!(", the cheapest of {ways} ways")
    } else {
        String::new()
    };
    Some(format!(
        "{}: {price} as {}{cheapest}",
        service.name,
        printable(label)
    ))
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

fn draw_status(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let hints = "?:help q:quit s:sort p:period e:edit ^S:save P:plan Tab:pane w:want";
    let modified = if app.is_modified() { " [modified]" } else { "" };
    let text = format!(
        " {}{modified} · per {} · sort: {} │ {}",
        printable(&app.file_label),
        app.scenario.basis,
        app.sort_words(),
        printable(app.message.as_deref().unwrap_or(hints))
    );
    let line = truncate_to_width(&text, usize::from(area.width));
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
        "sort: file, savings, savings %, price, value, name, personal; S reverses",
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
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "File: {}",
        printable(&app.file_location)
    )));
    lines.push(Line::styled("Esc or ? closes this help", theme.faint));
    draw_dialog(frame, theme, " Help ", lines, 78);
}
