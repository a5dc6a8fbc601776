//! The help window (`?`, docs/reference/screen.md, "The help window"): every
//! key, and where the file lives.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::text::{Align, display_width, pad, printable};
use crate::tr;
use crate::tui::action::{Action, KeyMode, Opens};
use crate::tui::chrome::draw_dialog;

/// The widest the window gets.
const WIDTH: u16 = 78;

/// Every key, as written on the keyboard and so the same in every language, and
/// the locale key of what it does.
pub const HELP_LINES: &[(&str, &str)] = &[
    ("q  Esc  Ctrl-C", "help.quit"),
    ("?", "help.help"),
    ("↑ ↓  j k", "help.move"),
    ("PgUp PgDn  g G", "help.page"),
    ("Tab  ← →  h l", "help.pane"),
    ("s  S", "help.sort"),
    ("p", "help.period"),
    ("w  W", "help.want"),
    ("c", "help.choose"),
    ("e", "help.edit"),
    ("f", "help.facts"),
    ("i", "help.rumours"),
    ("Ctrl-S", "help.save"),
    ("E  r", "help.editor"),
    ("P  H  x  C", "help.plan"),
    ("a", "help.what_ifs"),
    ("/  n N", "help.find"),
    ("v  d", "help.note"),
    ("[ ]  { }", "help.months"),
];

/// The mouse's line: not a key, so named in the language of the help.
const MOUSE_LINE: (&str, &str) = ("help.mouse_key", "help.mouse");

/// The help window; it has no state of its own.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Help;

impl Window for Help {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Commands
    }

    /// `Esc`, `?` or `P` close it.
    fn update(&mut self, action: Action, _: &Props<'_>) -> Outcome {
        match action {
            Action::Back | Action::Open(Opens::Help) | Action::Open(Opens::Plan) => Outcome::Close,
            Action::Quit => Outcome::Quit,
            _ => Outcome::Stay,
        }
    }

    /// Draws the keys, then where the file lives.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let theme = &props.theme;
        let mouse = (tr!(MOUSE_LINE.0), MOUSE_LINE.1);
        let keys = HELP_LINES
            .iter()
            .map(|&(key, does)| (key.to_string(), does))
            .chain([mouse]);
        let key_width = keys
            .clone()
            .map(|(k, _)| display_width(&k))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = keys
            .map(|(key, does)| {
                Line::from(vec![
                    Span::styled(pad(&key, key_width + 2, Align::Left), theme.heading),
                    Span::raw(tr!(does)),
                ])
            })
            .collect();
        let file = printable(props.file_location);
        lines.push(Line::raw(tr!("help.file", file = file)));
        lines.push(Line::styled(tr!("help.close"), theme.faint));
        draw_dialog(frame, area, theme, &tr!("help.title"), lines, WIDTH);
    }
}
