//! Keys and mouse events become intents here, and only here.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Everything the user (or the outside world) can ask of the screen.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// `q`, `Esc`, `Ctrl-C`, or a signal: leave (Esc first closes an overlay).
    Quit,
    /// `Esc`: close the overlay, or quit when there is none.
    Back,
    /// A window's key on the main screen (`?`, `P`, `H`, `C`, …): open it.
    Open(Opens),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// `Tab`: the other pane.
    SwitchPane,
    FocusBundles,
    FocusDetail,
    CycleSort,
    /// `S`: the sort's opposite order.
    ReverseSort,
    CyclePeriod,
    ToggleWanted,
    /// `e`: open the price field for the selected bundle or service.
    EditPrice,
    /// `c`: choose the next member of the selected service's group.
    ChooseMember,
    /// `i`: let plans use rumoured offers, or not.
    ToggleRumoured,
    /// `/`: find a bundle, or a service in the detail list, by name or id.
    Search,
    /// `n`: the next match.
    SearchNext,
    /// `N`: the previous match.
    SearchPrevious,
    /// `v`: the selected bundle's whole note.
    ShowNote,
    /// A key that means nothing here.
    Unknown,
    /// `Ctrl-S`: write the edits into the file.
    Save,
    /// `E`: open the file in the user's editor.
    OpenEditor,
    /// `[`, in the calendar: its first month one earlier.
    EarlierMonths,
    /// `]`, in the calendar: its first month one later.
    LaterMonths,
    /// `{`, in the calendar: one month fewer.
    FewerMonths,
    /// `}`, in the calendar: one month more.
    MoreMonths,
    /// `x`, in the household window: the next rule for sharing the total.
    NextSplit,
    /// `W`: every service, to see and mark wanted.
    ShowServices,
    /// `r`, or the watcher: read the file again.
    Reload,
    /// The file changed on disk (from the watcher).
    FileChanged,
    /// A character typed into the open field, or the answer to a question.
    Type(char),
    /// `Backspace` in the open field.
    Erase,
    /// `Enter` in the open field, or on the item chosen in a list window.
    Submit,
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// What keys mean right now.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum KeyMode {
    /// Keys are commands.
    Commands,
    /// Keys are commands, and `Enter` or `Space` chooses the selected item.
    Choosing,
    /// Keys are text for an open field, or answers to a question.
    Typing,
}

/// The intent of a terminal event, if it has one.
pub fn action_for(event: &Event, mode: KeyMode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match mode {
            KeyMode::Commands => action_for_key(key),
            KeyMode::Choosing if matches!(key.code, KeyCode::Enter | KeyCode::Char(' ')) => {
                Some(Action::Submit)
            }
            KeyMode::Choosing => action_for_key(key),
            KeyMode::Typing => action_for_typing(key),
        },
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn action_for_typing(key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Action::Quit);
    }
    match key.code {
        KeyCode::Char(c) => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// Declares `Opens`, the windows a key opens on the main screen, each with its
/// key: a new window's key is its line here.
macro_rules! window_keys {
    ($($(#[$doc:meta])* $window:ident = $key:literal,)*) => {
        /// A window a key opens on the main screen, as it starts. Which window
        /// each is, the list of windows says (`windows/mod.rs`).
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum Opens {
            $($(#[$doc])* $window,)*
        }

        impl Opens {
            /// Every one of them, in the order of the list below.
            pub const ALL: &[Opens] = &[$(Opens::$window,)*];

            /// The key that opens it.
            pub fn key(self) -> char {
                match self {
                    $(Opens::$window => $key,)*
                }
            }
        }
    };
}

window_keys! {
    /// Every key, and where the file lives.
    Help = '?',
    /// The cheapest plan for the wants.
    Plan = 'P',
    /// The facts tiers and benefits test.
    Facts = 'f',
    /// Every what-if change, applied or not.
    WhatIfs = 'a',
    /// The household's purchases and who pays what.
    Household = 'H',
    /// The calendar, month by month.
    Calendar = 'C',
    /// Every price with when and where it was seen.
    Dates = 'd',
}

impl Opens {
    /// The window `key` opens on the main screen, if it opens one.
    pub fn with_key(key: char) -> Option<Opens> {
        Opens::ALL.iter().copied().find(|opens| opens.key() == key)
    }
}

/// A key on the main screen, or in a window that takes commands: a window's
/// key opens it, else the command of `command_for_key`.
fn action_for_key(key: &KeyEvent) -> Option<Action> {
    let plain = key.modifiers.is_empty() || key.modifiers == KeyModifiers::SHIFT;
    if plain
        && let KeyCode::Char(key) = key.code
        && let Some(opens) = Opens::with_key(key)
    {
        return Some(Action::Open(opens));
    }
    command_for_key(key)
}

/// A key that opens no window: its command.
fn command_for_key(key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('s') => Some(Action::Save),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Back,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Tab | KeyCode::BackTab => Action::SwitchPane,
        KeyCode::Left | KeyCode::Char('h') => Action::FocusBundles,
        KeyCode::Right | KeyCode::Char('l') => Action::FocusDetail,
        KeyCode::Char('s') => Action::CycleSort,
        KeyCode::Char('S') => Action::ReverseSort,
        KeyCode::Char('c') => Action::ChooseMember,
        KeyCode::Char('i') => Action::ToggleRumoured,
        KeyCode::Char('/') => Action::Search,
        KeyCode::Char('n') => Action::SearchNext,
        KeyCode::Char('N') => Action::SearchPrevious,
        KeyCode::Char('v') => Action::ShowNote,
        KeyCode::Char('p') => Action::CyclePeriod,
        KeyCode::Char('w') => Action::ToggleWanted,
        KeyCode::Char('e') => Action::EditPrice,
        KeyCode::Char('E') => Action::OpenEditor,
        KeyCode::Char('r') => Action::Reload,
        KeyCode::Char('x') => Action::NextSplit,
        KeyCode::Char('[') => Action::EarlierMonths,
        KeyCode::Char(']') => Action::LaterMonths,
        KeyCode::Char('{') => Action::FewerMonths,
        KeyCode::Char('}') => Action::MoreMonths,
        KeyCode::Char('W') => Action::ShowServices,
        KeyCode::Char(_) | KeyCode::F(_) | KeyCode::Insert | KeyCode::Delete => Action::Unknown,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn action_for(event: &Event) -> Option<Action> {
        super::action_for(event, KeyMode::Commands)
    }

    #[test]
    fn no_window_s_key_is_also_a_command() {
        for &opens in Opens::ALL {
            let event = KeyEvent::new(KeyCode::Char(opens.key()), KeyModifiers::NONE);
            assert_eq!(command_for_key(&event), Some(Action::Unknown), "{opens:?}");
            assert_eq!(action_for_key(&event), Some(Action::Open(opens)));
        }
        let keys: std::collections::BTreeSet<char> = Opens::ALL.iter().map(|o| o.key()).collect();
        assert_eq!(keys.len(), Opens::ALL.len(), "two windows share a key");
    }

    #[test]
    fn in_a_field_letters_are_text_not_commands() {
        let typing = |code| super::action_for(&key(code, KeyModifiers::NONE), KeyMode::Typing);
        assert_eq!(typing(KeyCode::Char('q')), Some(Action::Type('q')));
        assert_eq!(typing(KeyCode::Char('9')), Some(Action::Type('9')));
        assert_eq!(typing(KeyCode::Backspace), Some(Action::Erase));
        assert_eq!(typing(KeyCode::Enter), Some(Action::Submit));
        assert_eq!(typing(KeyCode::Esc), Some(Action::Back));
    }

    #[test]
    fn enter_chooses_only_where_a_window_lists_things_to_choose() {
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            super::action_for(&enter, KeyMode::Choosing),
            Some(Action::Submit)
        );
        assert_eq!(super::action_for(&enter, KeyMode::Commands), None);
        let e = key(KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(
            super::action_for(&e, KeyMode::Choosing),
            Some(Action::EditPrice)
        );
    }

    #[test]
    fn the_spec_keys_map_to_their_actions() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(&key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::Save)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('e'), none)),
            Some(Action::EditPrice)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('E'), KeyModifiers::SHIFT)),
            Some(Action::OpenEditor)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('r'), none)),
            Some(Action::Reload)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(action_for(&key(KeyCode::Esc, none)), Some(Action::Back));
        assert_eq!(
            action_for(&key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(&key(KeyCode::Tab, none)),
            Some(Action::SwitchPane)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('l'), none)),
            Some(Action::FocusDetail)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('S'), KeyModifiers::SHIFT)),
            Some(Action::ReverseSort)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('c'), none)),
            Some(Action::ChooseMember)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('f'), none)),
            Some(Action::Open(Opens::Facts))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('i'), none)),
            Some(Action::ToggleRumoured)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('/'), none)),
            Some(Action::Search)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Some(Action::SearchPrevious)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('x'), none)),
            Some(Action::NextSplit)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('z'), none)),
            Some(Action::Unknown)
        );
        assert_eq!(action_for(&key(KeyCode::Null, none)), None);
    }
}
