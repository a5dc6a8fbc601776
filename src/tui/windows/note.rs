//! The note window (`v`): a bundle's whole note, wrapped, scrolled line by line.

use ratatui::Frame;
use ratatui::text::Line;

use super::outcome::Outcome;
use crate::text::{printable_lines, wrap_to_width};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::chrome::{dialog_inner_width, draw_dialog};
use crate::tui::theme::Theme;

/// The widest the window gets.
const WIDTH: u16 = 76;

/// What the note window draws from.
pub struct NoteProps<'a> {
    /// The bundle's name with its status tag.
    pub name: String,
    pub note: &'a str,
}

/// The note window: the first line shown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteWindow {
    pub scroll: usize,
}

impl NoteWindow {
    /// Keys in the window: scroll through `lines` lines, `room` at a time; close.
    pub fn update(&mut self, action: Action, lines: usize, room: usize) -> Outcome {
        match action {
            // Never past the last line, so Up answers at once.
            Action::Down => self.scroll = first_line(self.scroll + 1, lines, room),
            Action::PageDown => self.scroll = first_line(self.scroll + room, lines, room),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(room),
            Action::Quit => return Outcome::Quit,
            Action::Back | Action::ShowNote | Action::ToggleHelp => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the lines in view and, when the note is longer, where they are.
    pub fn draw(&self, props: &NoteProps<'_>, theme: &Theme, frame: &mut Frame<'_>) {
        let area = frame.area();
        let lines = note_lines(props.note, area.width);
        let room = room(area.height);
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
            theme.faint,
        ));
        let title = tr!("note.title", name = props.name);
        draw_dialog(frame, theme, &title, shown, WIDTH);
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

/// How many lines of the note fit on a screen `screen_height` tall (the rest of
/// the window is its border and the line of keys).
pub fn room(screen_height: u16) -> usize {
    usize::from(screen_height.saturating_sub(5)).max(1)
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
            window.update(Action::Down, 5, 3);
        }
        assert_eq!(window.scroll, 2);
        window.update(Action::PageUp, 5, 3);
        assert_eq!(window.scroll, 0);
    }
}
