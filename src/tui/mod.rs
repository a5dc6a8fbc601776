//! The interactive screen: the terminal guard, the event loop, and signals as events.
//! Only this file touches the real terminal.

pub mod action;
pub mod app;
pub mod layout;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use action::{Action, action_for};
use app::{App, AppConfig};

/// Whether the terminal is in the screen's modes; makes restoring happen once.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Owns the terminal while the screen runs, and gives it back on drop, on a panic
/// (through a hook run before the previous one) and, via the event loop, on signals.
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        let previous_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous_hook(info);
        }));
        enable_raw_mode()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        execute!(
            stdout,
            EnterAlternateScreen,
            EnableMouseCapture,
            Clear(ClearType::All)
        )?;
        let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
        terminal.hide_cursor()?;
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Undoes every mode the screen enabled; does nothing the second time.
fn restore_terminal() {
    if TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
    }
}

/// Runs the screen until the user quits or a SIGTERM/SIGHUP arrives.
pub fn run(config: AppConfig) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(AppConfig {
        size: (size.width, size.height),
        ..config
    });
    run_loop(&mut guard.terminal, &mut app, || next_action(&stop))
}

/// Draws, waits for an action, applies it; until the app wants to quit.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next: impl FnMut() -> io::Result<Option<Action>>,
) -> io::Result<()> {
    while !app.quit {
        terminal
            .draw(|frame| view::draw(app, frame))
            .map_err(|error| io::Error::other(error.to_string()))?;
        if let Some(action) = next()? {
            app.update(action);
        }
    }
    Ok(())
}

/// The next action from the terminal, or `Quit` once a signal asked to stop.
fn next_action(stop: &AtomicBool) -> io::Result<Option<Action>> {
    if stop.load(Ordering::SeqCst) {
        return Ok(Some(Action::Quit));
    }
    if event::poll(Duration::from_millis(200))? {
        return Ok(action_for(&event::read()?));
    }
    Ok(None)
}
