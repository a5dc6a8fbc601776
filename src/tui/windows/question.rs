//! A question the user must answer before anything else happens: quitting or
//! reloading with unsaved edits, saving over an outside change, saving the
//! built-in offers (docs/reference/screen.md, "Editing and saving").

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::tr;
use crate::tui::action::{Action, KeyMode};
use crate::tui::chrome::draw_dialog;

/// The widest the question gets.
const WIDTH: u16 = 70;

/// What is asked.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// Quitting would lose unsaved edits.
    QuitUnsaved,
    /// Reloading would drop unsaved edits.
    ReloadUnsaved,
    /// The file changed on disk since it was loaded.
    SaveConflict,
    /// The built-in offers are read-only; write a local copy instead?
    SaveBuiltIn,
}

impl Prompt {
    /// The question, with the answers it accepts.
    pub fn question(self) -> String {
        match self {
            Prompt::QuitUnsaved => tr!("prompt.quit"),
            Prompt::ReloadUnsaved => tr!("prompt.reload"),
            Prompt::SaveConflict => tr!("prompt.conflict"),
            Prompt::SaveBuiltIn => tr!("prompt.built_in"),
        }
    }
}

/// The question window.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub prompt: Prompt,
    /// A save it starts is followed by quitting (the quit question's `s`).
    pub then_quit: bool,
}

impl Question {
    pub fn new(prompt: Prompt) -> Self {
        Question {
            prompt,
            then_quit: false,
        }
    }

    /// The answer `action` gives, if it is one.
    fn answer(&self, action: Action) -> Outcome {
        let answer = match action {
            Action::Type(c) => c.to_ascii_lowercase(),
            Action::Back => 'n',
            Action::Quit if self.prompt == Prompt::QuitUnsaved => 'y',
            _ => return Outcome::Stay,
        };
        match (self.prompt, answer) {
            (Prompt::QuitUnsaved, 'y') => Outcome::QuitNow,
            (Prompt::QuitUnsaved, 's') => Outcome::SaveAndQuit,
            (Prompt::ReloadUnsaved, 'y') | (Prompt::SaveConflict, 'r') => Outcome::Reload,
            (Prompt::SaveConflict, 'o') | (Prompt::SaveBuiltIn, 'y') => Outcome::Write {
                then_quit: self.then_quit,
            },
            (Prompt::SaveConflict, 'c' | 'n') | (_, 'n') => Outcome::Cancelled,
            _ => Outcome::Stay,
        }
    }
}

impl Window for Question {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Typing
    }

    /// An answer key: a letter, `Esc` for no, `Ctrl-C` for yes to quitting; any
    /// other key leaves the question open.
    fn update(&mut self, action: Action, _: &Props<'_>) -> Outcome {
        self.answer(action)
    }

    /// Draws the question over everything else.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let lines = vec![Line::raw(self.prompt.question())];
        let title = tr!("screen.question");
        draw_dialog(frame, area, &props.theme, &title, lines, WIDTH);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_takes_its_own_answers() {
        let quit = Question::new(Prompt::QuitUnsaved);
        assert_eq!(quit.answer(Action::Type('S')), Outcome::SaveAndQuit);
        assert_eq!(quit.answer(Action::Quit), Outcome::QuitNow);
        assert_eq!(quit.answer(Action::Type('x')), Outcome::Stay);
        let conflict = Question::new(Prompt::SaveConflict);
        assert_eq!(conflict.answer(Action::Quit), Outcome::Stay);
        assert_eq!(conflict.answer(Action::Type('r')), Outcome::Reload);
        assert_eq!(conflict.answer(Action::Back), Outcome::Cancelled);
    }
}
