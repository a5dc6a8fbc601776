//! Watching the bundles file for changes made by any editor.
//!
//! The folder is watched, not the file: editors that save by renaming a new file over
//! the old one would otherwise be missed after their first save. Events are debounced
//! so a truncate-then-write save is seen once, after it is complete.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// How long the file must be quiet before a change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Keeps the watch alive; dropping it stops watching.
pub struct FileWatch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Calls `changed` whenever the file at `path` (through symlinks) changes on disk.
pub fn watch_file(
    path: &Path,
    changed: impl Fn() + Send + 'static,
) -> notify_debouncer_full::notify::Result<FileWatch> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_os_string());
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let touches_file = events
            .iter()
            .filter(|event| changes_content(&event.kind))
            .flat_map(|event| event.paths.iter())
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
        if touches_file {
            changed();
        }
    })?;
    debouncer.watch(&folder, RecursiveMode::NonRecursive)?;
    Ok(FileWatch {
        _debouncer: debouncer,
    })
}

/// Whether an event can mean the file's bytes changed. Opening or reading it does
/// not: the screen reads the file itself after each change, and taking that read
/// for a change would read it again, and again, for ever.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}
