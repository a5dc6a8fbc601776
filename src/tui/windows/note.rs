//! The note window (`v`, docs/reference/screen.md, "The note window"): the
//! selected bundle's whole note, wrapped, scrolled line by line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::text::{printable_lines, wrap_to_width};
use crate::tr;
use crate::tui::action::{Action, KeyMode};
use crate::tui::chrome::{dialog_inner_width, dialog_room, draw_dialog};

/// The widest the window gets.
const WIDTH: u16 = 76;

/// The note window: the first line shown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteWindow {
    pub scroll: usize,
}

impl Window for NoteWindow {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    fn update(&mut self, action: Action, props: &Props<'_>) -> Outcome {
        let note = props
            .bundle
            .and_then(|b| props.catalog.bundles[b].note.as_deref());
        let lines = note.map_or(0, |note| note_lines(note, props.screen.width).len());
        self.scroll_by(action, lines, dialog_room(props.screen.height))
    }

    /// Draws the lines in view and, when the note is longer, where they are.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let Some(bundle) = props.bundle.map(|b| &props.shown.bundles[b]) else {
            return;
        };
        let note = bundle.note.as_deref().unwrap_or_default();
        let lines = note_lines(note, area.width);
        let room = dialog_room(area.height);
        let first = first_line(self.scroll, lines.len(), room);
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
            props.theme.faint,
        ));
        let title = tr!("note.title", name = crate::words::bundle_name(bundle));
        draw_dialog(frame, area, &props.theme, &title, shown, WIDTH);
    }
}

impl NoteWindow {
    /// Keys in the window: scroll through `lines` lines, `room` at a time; close.
    pub fn scroll_by(&mut self, action: Action, lines: usize, room: usize) -> Outcome {
        match action {
            // Never past the last line, so Up answers at once.
            Action::Down => self.scroll = first_line(self.scroll + 1, lines, room),
            Action::PageDown => self.scroll = first_line(self.scroll + room, lines, room),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(room),
            Action::Quit => return Outcome::Quit,
            Action::Back | Action::ShowNote => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}

/// The note's lines as the window shows them on a screen `screen_width` wide: each
/// of its own lines wrapped.
pub fn note_lines(note: &str, screen_width: u16) -> Vec<String> {
    let inner = dialog_inner_width(screen_width, WIDTH);
    printable_lines(note)
        .iter()
        .flat_map(|line| wrap_to_width(line, inner))
        .collect()
}

/// The first line shown when `scroll` lines were asked for: never past the end.
fn first_line(scroll: usize, lines: usize, room: usize) -> usize {
    scroll.min(lines.saturating_sub(room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_keeps_its_own_lines_and_wraps_each() {
        assert_eq!(note_lines("one\ntwo", 80), ["one", "two"]);
        assert_eq!(note_lines("a\tb\r\nc", 80), ["a\\tb", "c"]);
    }

    #[test]
    fn scrolling_stops_at_the_last_page() {
        let mut window = NoteWindow::default();
        for _ in 0..10 {
            window.scroll_by(Action::Down, 5, 3);
        }
        assert_eq!(window.scroll, 2);
        window.scroll_by(Action::PageUp, 5, 3);
        assert_eq!(window.scroll, 0);
    }
}
