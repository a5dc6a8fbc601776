//! Terminal colour for tables (docs/reference/command-line.md, "Output for people and for programs"):
//! what a text means (`Tone`, gains green and losses red), painted only for a
//! terminal, never with `NO_COLOR`.

use std::io::IsTerminal;

use bundlecalc_core::money::Money;

/// Whether the user allows colour: `NO_COLOR` unset or empty.
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Adds ANSI colour to text, or leaves it plain.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Painter {
    enabled: bool,
}

/// What a piece of text means, which decides its colour.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Gain,
    Loss,
    Heading,
    Faint,
}

impl Painter {
    pub const PLAIN: Painter = Painter { enabled: false };

    /// Colour when stdout is a terminal and the user allows colour.
    pub fn for_stdout() -> Self {
        Painter {
            enabled: colour_allowed() && std::io::stdout().is_terminal(),
        }
    }

    pub fn paint(self, text: &str, tone: Tone) -> String {
        let code = match tone {
            Tone::Plain => return text.to_string(),
            Tone::Gain => "32",
            Tone::Loss => "31",
            Tone::Heading => "1",
            Tone::Faint => "2",
        };
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Green for a gain, red for a loss.
pub fn tone_of(amount: Money) -> Tone {
    match amount.fen() {
        0 => Tone::Plain,
        fen if fen > 0 => Tone::Gain,
        _ => Tone::Loss,
    }
}
