//! What panes and windows are drawn in: a pane's block, a dialog box in the middle
//! of the screen, the marks of a list that does not fit. Imports neither `app` nor
//! `view`, so every window can use it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::text::display_width;

/// The width of a dialog on a screen `screen_width` wide: a margin of two cells on
/// each side, at most `max_width`.
fn dialog_width(screen_width: u16, max_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(max_width)
}

/// The cells a line has inside a dialog (within its border), at least one.
pub fn dialog_inner_width(screen_width: u16, max_width: u16) -> usize {
    usize::from(dialog_width(screen_width, max_width).saturating_sub(2)).max(1)
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
    let width = dialog_width(screen.width, max_width);
    let inner_width = dialog_inner_width(screen.width, max_width);
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

/// A dialog whose body may be taller than the screen: the body scrolled down by
/// `offset` rows (clamped), the footer line always shown under it (`footer` is
/// told whether the body scrolls, to say so). Returns the largest offset that
/// still shows something new (0 when all fits), so the window can keep its
/// scroll within it.
pub fn draw_scrolled_dialog<'a>(
    frame: &mut Frame<'_>,
    theme: &Theme,
    title: &str,
    body: Vec<Line<'a>>,
    footer: impl FnOnce(bool) -> Line<'a>,
    max_width: u16,
    offset: u16,
) -> u16 {
    let screen = frame.area();
    let width = dialog_width(screen.width, max_width);
    let inner_width = dialog_inner_width(screen.width, max_width);
    let rows_of = |line: &Line<'_>| line.width().div_ceil(inner_width).max(1);
    let body_rows: usize = body.iter().map(rows_of).sum();
    // Borders and a one-row footer around the body.
    let footer = footer(body_rows + 3 > usize::from(screen.height));
    let footer_rows = rows_of(&footer);
    let wanted = body_rows + footer_rows + 2;
    let height = (wanted.min(usize::from(screen.height))) as u16;
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
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let footer_height = (footer_rows as u16).min(inner.height);
    let body_height = inner.height - footer_height;
    let most = (body_rows as u16).saturating_sub(body_height);
    let body_area = Rect::new(inner.x, inner.y, inner.width, body_height);
    let footer_area = Rect::new(inner.x, inner.y + body_height, inner.width, footer_height);
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((offset.min(most), 0)),
        body_area,
    );
    frame.render_widget(
        Paragraph::new(footer).wrap(Wrap { trim: false }),
        footer_area,
    );
    seal_edges(frame.buffer_mut(), area);
    most
}

/// A wide character (CJK) just left of `area` would cover its left border: a
/// terminal draws the character's second half over the border's cell, and
/// ratatui never sends that cell. It becomes a space, so the border shows.
fn seal_edges(buffer: &mut Buffer, area: Rect) {
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

/// " ▲" when rows are hidden above the first shown, " ▼" when some are below the
/// last: a list that does not fit says so.
pub fn scroll_marks(offset: usize, shown: usize, count: usize) -> String {
    let above = if offset > 0 { " ▲" } else { "" };
    let below = if offset + shown < count { " ▼" } else { "" };
    format!("{above}{below}")
}

/// The bordered block of a pane, its border bright when it has the keyboard.
pub fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
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
