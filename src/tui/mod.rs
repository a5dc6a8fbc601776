//! The interactive screen: the terminal guard, the event loop, and signals as events.
//! Only this file touches the real terminal.

pub mod action;
pub mod app;
pub mod background;
mod chrome;
mod columns;
pub mod config;
mod cursor;
mod detail;
pub mod file_work;
pub mod layout;
pub mod pane;
pub mod planning;
pub mod theme;
pub mod view;
pub mod watch;
pub mod windows;

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use action::{Action, KeyMode, action_for};
use app::{App, AppConfig};
use config::Request;

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
        take_terminal()?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        terminal.hide_cursor()?;
        Ok(TerminalGuard { terminal })
    }

    /// Gives the terminal back for a while (to run an editor), then takes it again.
    fn suspend_while<T>(&mut self, work: impl FnOnce() -> T) -> io::Result<T> {
        restore_terminal();
        let result = work();
        take_terminal()?;
        // The screen was used by someone else: draw everything again.
        self.terminal.clear()?;
        self.terminal.hide_cursor()?;
        Ok(result)
    }
}

/// Puts the terminal in the screen's modes: raw, alternate screen, mouse.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        Clear(ClearType::All)
    )
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

/// Runs the screen until the user quits or a SIGTERM, SIGHUP or SIGINT arrives;
/// returns the signal, if one ended it, once the terminal is given back.
pub fn run(config: AppConfig) -> io::Result<Option<i32>> {
    let stop = Arc::new(AtomicI32::new(0));
    stop_on_signals(Arc::clone(&stop))?;
    let (changes_tx, changes) = channel();
    let watch = config.workspace.path().map(|path| {
        let tx = changes_tx.clone();
        watch::watch_file(path, move || {
            let _ = tx.send(());
        })
    });
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(AppConfig {
        size: (size.width, size.height),
        ..config
    });
    // Without a watch the screen still works; say so, and that `r` reloads by hand.
    if let Some(Err(error)) = &watch {
        app.message = Some(crate::tr!("msg.not_following", error = error));
    }
    while !app.quit {
        run_loop(&mut guard.terminal, &mut app, |mode, busy| {
            next_action(&stop, &changes, mode, busy)
        })?;
        if let Some(Request::OpenEditor { path, line }) = app.request.take() {
            let result = guard.suspend_while(|| file_work::run_editor(&path, line))?;
            match result {
                // As for any outside change: read again, or checked when there are edits.
                Ok(()) => app.update(Action::FileChanged),
                Err(error) => app.message = Some(error),
            }
        }
    }
    // A save under way is finished before the terminal is given back.
    app.finish_saving();
    drop(guard);
    Ok(Some(stop.load(Ordering::SeqCst)).filter(|&signal| signal != 0))
}

/// Takes in background work, draws when something changed, waits for an action,
/// applies it; until the app wants to quit or needs the event loop to do
/// something that takes the terminal. The screen is drawn on entry, then only
/// after an action (a key, a click, a resize, a file change) or finished work:
/// waiting for the next one draws nothing.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next: impl FnMut(KeyMode, bool) -> io::Result<Option<Action>>,
) -> io::Result<()> {
    let mut changed = true;
    while !app.quit && app.request.is_none() {
        changed |= app.poll_background();
        if std::mem::take(&mut changed) {
            terminal
                .draw(|frame| view::draw(app, frame))
                .map_err(|error| io::Error::other(error.to_string()))?;
        }
        if let Some(action) = next(app.key_mode(), app.is_busy())? {
            app.update(action);
            changed = true;
        }
    }
    Ok(())
}

/// How long the screen has to quit after a signal before the process ends anyway.
const GRACE: Duration = Duration::from_secs(5);

/// Sets `stop` to the signal on SIGTERM, SIGHUP or SIGINT, and the event loop quits cleanly; a
/// save under way is finished first. If the loop has not ended `GRACE` later, the
/// process ends anyway: when the terminal is closed, the terminal library spins
/// reading it and never returns to the loop. (The file is written atomically, so
/// even then it is never left half written.)
fn stop_on_signals(stop: Arc<AtomicI32>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(signal, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// The next action: `Quit` once a signal asked to stop, a file change, or a key.
/// Waits at most a frame while work runs in the background, so its result shows
/// as soon as it is ready; else 100 ms, to look at signals and the watcher.
fn next_action(
    stop: &AtomicI32,
    changes: &Receiver<()>,
    mode: KeyMode,
    busy: bool,
) -> io::Result<Option<Action>> {
    if stop.load(Ordering::SeqCst) != 0 {
        return Ok(Some(Action::Quit));
    }
    if changes.try_recv().is_ok() {
        while changes.try_recv().is_ok() {}
        return Ok(Some(Action::FileChanged));
    }
    let wait = if busy { 16 } else { 100 };
    if event::poll(Duration::from_millis(wait))? {
        return Ok(action_for(&event::read()?, mode));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use ratatui::backend::TestBackend;

    use super::*;
    use crate::source::Source;

    /// How many frames `run_loop` draws while `next` answers `answers` in turn,
    /// then `q`.
    fn frames_drawn(answers: Vec<Option<Action>>) -> usize {
        let config = AppConfig::for_source(Source::built_in()).unwrap();
        let mut app = App::new(config);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut answers = VecDeque::from(answers);
        run_loop(&mut terminal, &mut app, |_, _| {
            Ok(answers.pop_front().unwrap_or(Some(Action::Quit)))
        })
        .unwrap();
        // A frame's count is how many were drawn before it.
        terminal.draw(|_| {}).unwrap().count
    }

    #[test]
    fn waiting_draws_nothing_and_each_action_draws_once() {
        assert_eq!(frames_drawn(vec![None, None, None]), 1);
        let keys = vec![Some(Action::Down), None, None, Some(Action::Up), None];
        assert_eq!(frames_drawn(keys), 3);
    }
}
