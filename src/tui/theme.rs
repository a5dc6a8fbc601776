//! Colours and emphasis for the screen; without colour (`NO_COLOR`) only emphasis.

use ratatui::style::{Color, Modifier, Style};

/// The styles the view draws with.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub gain: Style,
    pub loss: Style,
    pub heading: Style,
    pub selected: Style,
    pub focused_border: Style,
    pub faint: Style,
    pub price_bar: Style,
    pub warning: Style,
    /// One style per purchase of the calendar, in turn.
    pub palette: [Style; 6],
}

impl Theme {
    pub fn new(colour: bool) -> Self {
        if colour {
            Theme {
                gain: Style::new().fg(Color::Green),
                loss: Style::new().fg(Color::Red),
                heading: Style::new().add_modifier(Modifier::BOLD),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                focused_border: Style::new().fg(Color::Cyan),
                faint: Style::new().fg(Color::DarkGray),
                price_bar: Style::new().fg(Color::Yellow),
                warning: Style::new().fg(Color::Black).bg(Color::Yellow),
                palette: [
                    Color::Cyan,
                    Color::Magenta,
                    Color::Yellow,
                    Color::Green,
                    Color::Blue,
                    Color::Red,
                ]
                .map(|colour| Style::new().fg(colour).add_modifier(Modifier::BOLD)),
            }
        } else {
            Theme {
                gain: Style::new(),
                loss: Style::new(),
                heading: Style::new().add_modifier(Modifier::BOLD),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                focused_border: Style::new().add_modifier(Modifier::BOLD),
                faint: Style::new(),
                price_bar: Style::new(),
                warning: Style::new().add_modifier(Modifier::REVERSED),
                palette: [Style::new(); 6],
            }
        }
    }
}
