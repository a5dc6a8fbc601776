//! The note window (`v`): a bundle's whole note, wrapped, scrolled line by line.

use ratatui::Frame;
use ratatui::text::Line;

use super::app::App;
use super::theme::Theme;
use super::view::draw_dialog;
use crate::text::{printable, wrap_to_width};
use crate::tr;

/// The widest the window gets.
const WIDTH: u16 = 76;

/// The note's lines as the window shows them on a screen `screen_width` wide.
pub fn note_lines(note: &str, screen_width: u16) -> Vec<String> {
    let inner = usize::from(screen_width.saturating_sub(4).min(WIDTH).saturating_sub(2));
    wrap_to_width(&printable(note), inner.max(1))
}

/// How many lines of the note fit on a screen `screen_height` tall (the rest of
/// the window is its border and the line of keys).
pub fn room(screen_height: u16) -> usize {
    usize::from(screen_height.saturating_sub(5)).max(1)
}

/// The first line shown when `scroll` lines were asked for: never past the end.
pub fn first_line(scroll: usize, lines: usize, room: usize) -> usize {
    scroll.min(lines.saturating_sub(room))
}

pub(super) fn draw(app: &App, scroll: usize, theme: &Theme, frame: &mut Frame<'_>) {
    let Some(row) = app.selected_row() else {
        return;
    };
    let bundle = &app.shown().bundles[row.bundle];
    let note = bundle.note.as_deref().unwrap_or_default();
    let area = frame.area();
    let lines = note_lines(note, area.width);
    let room = room(area.height);
    let first = first_line(scroll, lines.len(), room);
    let last = (first + room).min(lines.len());
    let mut shown: Vec<Line> = lines[first..last].iter().cloned().map(Line::raw).collect();
    let more = if lines.len() > room {
        tr!(
            "note.lines",
            first = first + 1,
            last = last,
            count = lines.len()
        )
    } else {
        String::new()
    };
    shown.push(Line::styled(
        format!("{more}{}", tr!("facts.close")),
        theme.faint,
    ));
    draw_dialog(
        frame,
        theme,
        &tr!("note.title", name = bundle.tagged_name()),
        shown,
        WIDTH,
    );
}
