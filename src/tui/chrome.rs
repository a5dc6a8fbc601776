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
use crate::tr;

/// The width of a dialog on a screen `screen_width` wide: a margin of two cells on
/// each side, at most `max_width`.
fn dialog_width(screen_width: u16, max_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(max_width)
}

/// The cells a line has inside a dialog (within its border), at least one.
pub fn dialog_inner_width(screen_width: u16, max_width: u16) -> usize {
    usize::from(dialog_width(screen_width, max_width).saturating_sub(2)).max(1)
}

/// How many lines a scrolling dialog shows on a screen `screen_height` tall:
/// the rest is its border and its line of keys. At least one.
pub fn dialog_room(screen_height: u16) -> usize {
    usize::from(screen_height.saturating_sub(5)).max(1)
}

/// How many rows `lines` take in `width` cells, as ratatui wraps them: by
/// words, so often more than their width ÷ `width`.
fn wrapped_rows(lines: Vec<Line<'_>>, width: usize) -> usize {
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .line_count(u16::try_from(width).unwrap_or(u16::MAX))
}

/// A small box in the middle of `screen`, over everything else.
/// Tall enough for its wrapped lines, at most `max_width` wide.
pub fn draw_dialog(
    frame: &mut Frame<'_>,
    screen: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'_>>,
    max_width: u16,
) {
    let width = dialog_width(screen.width, max_width);
    let inner_width = dialog_inner_width(screen.width, max_width);
    let rows = wrapped_rows(lines.clone(), inner_width);
    let height = u16::try_from(rows.saturating_add(2))
        .unwrap_or(u16::MAX)
        .min(screen.height);
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

/// A dialog whose body may be taller than the screen: the body scrolls, the keys
/// stay in view under it (saying how to scroll, when it does).
pub struct ScrolledDialog<'a> {
    pub title: String,
    pub body: Vec<Line<'a>>,
    /// The keys, drawn faint under the body.
    pub keys: String,
    /// The widest the dialog gets.
    pub max_width: u16,
}

/// Where the parts of a scrolled dialog go on a screen.
struct ScrolledLayout<'a> {
    area: Rect,
    body: Rect,
    footer: Rect,
    footer_line: Line<'a>,
    /// The largest offset that still shows something new (0 when all fits).
    most: u16,
}

impl<'a> ScrolledDialog<'a> {
    /// The largest offset the body can be scrolled by on `screen` and still show
    /// something new: 0 when all of it fits. A window keeps its scroll within it.
    pub fn most(&self, screen: Rect, theme: &Theme) -> u16 {
        self.layout(screen, theme).most
    }

    fn layout(&self, screen: Rect, theme: &Theme) -> ScrolledLayout<'a> {
        let width = dialog_width(screen.width, self.max_width);
        let inner_width = dialog_inner_width(screen.width, self.max_width);
        let body_rows = wrapped_rows(self.body.clone(), inner_width);
        // Borders and a one-row footer around the body.
        let scrolls = body_rows + 3 > usize::from(screen.height);
        let keys = if scrolls {
            format!("{} · {}", tr!("planw.scroll"), self.keys)
        } else {
            self.keys.clone()
        };
        let footer_line = Line::styled(keys, theme.faint);
        let footer_rows = wrapped_rows(vec![footer_line.clone()], inner_width).max(1);
        let wanted = body_rows + footer_rows + 2;
        let height = (wanted.min(usize::from(screen.height))) as u16;
        let area = Rect::new(
            screen.x + (screen.width - width) / 2,
            screen.y + (screen.height - height) / 2,
            width,
            height,
        );
        let inner = Block::new().borders(Borders::ALL).inner(area);
        let footer_height = (footer_rows as u16).min(inner.height);
        let body_height = inner.height - footer_height;
        ScrolledLayout {
            area,
            body: Rect::new(inner.x, inner.y, inner.width, body_height),
            footer: Rect::new(inner.x, inner.y + body_height, inner.width, footer_height),
            footer_line,
            most: u16::try_from(body_rows)
                .unwrap_or(u16::MAX)
                .saturating_sub(body_height),
        }
    }

    /// Draws it in the middle of `screen`, the body scrolled down by `offset`
    /// rows (at most `most`).
    pub fn draw(self, frame: &mut Frame<'_>, screen: Rect, theme: &Theme, offset: u16) {
        let layout = self.layout(screen, theme);
        frame.render_widget(Clear, layout.area);
        let block = Block::new()
            .borders(Borders::ALL)
            .title(self.title)
            .border_style(theme.focused_border);
        frame.render_widget(block, layout.area);
        frame.render_widget(
            Paragraph::new(self.body)
                .wrap(Wrap { trim: false })
                .scroll((offset.min(layout.most), 0)),
            layout.body,
        );
        frame.render_widget(
            Paragraph::new(layout.footer_line).wrap(Wrap { trim: false }),
            layout.footer,
        );
        seal_edges(frame.buffer_mut(), layout.area);
    }
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
